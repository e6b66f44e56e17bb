# Command output, prompts and messages. The `error: ` and `warning: ` before a message, and a
# `PATH:LINE:COLUMN:` after them, stay as they are in every language: scripts look for them.

## clap's usage errors
cli-usage-value-missing = a value is required for { $arg } but none was supplied
cli-usage-value-invalid = invalid value { $value } for { $arg }
cli-usage-value-unexpected = unexpected value { $value } for { $arg } found; no more were expected
cli-usage-unknown-argument = unexpected argument { $arg } found
cli-usage-unknown-command = unrecognized subcommand { $name }
cli-usage-missing-arguments = the following required arguments were not provided:
cli-usage-missing-command = { $name } requires a subcommand but one was not provided
cli-usage-conflict = the argument { $arg } cannot be used with { $other }
cli-usage-repeated = the argument { $arg } cannot be used multiple times
cli-usage-equals-needed = equal sign is needed when assigning values to { $arg }
cli-usage-tip = tip
cli-usage-similar = a similar one exists: { $names }
cli-usage-more = For more information, try { $help }.

## Everywhere
cli-output-failed = cannot write the output: { $error }
cli-core-dumps = cannot disable core dumps: { $error }
cli-terminal-failed = the terminal failed: { $error }
cli-not-utf8 = the file is not UTF-8 text
cli-interrupted = interrupted
# How messages name a credential: `credential 101 (root@srv-db-01)`.
cli-credential = credential { $id } ({ $name })
cli-progress-reading = reading { $name }
cli-progress-unlocking = unlocking { $origin }
cli-wrong-place-audit = audit reads the log, not the vault
cli-wrong-place-no-vault = this command does not read the vault
cli-wrong-place-time = time and doctor do not work on an open vault
cli-wrong-place-crypt = encrypt and decrypt work on files, not on an open vault
cli-wrong-place-write = this command writes the vault, not an open one

## Passphrases
cli-passphrase-for = Passphrase for { $origin }:{" "}
cli-passphrase-new = New passphrase for { $target }:{" "}
cli-passphrase-again = Type it again:{" "}
cli-passphrase-differ = the two passphrases differ; nothing was written
cli-passphrase-empty = the passphrase is empty
cli-passphrase-file-empty = the first line, the passphrase, is empty
cli-passphrase-no-terminal = there is no terminal to ask for the passphrase on; set { $variable } to a file holding it
cli-passphrase-none = no passphrase was typed
cli-passphrase-not-utf8 = the passphrase is not valid UTF-8 text
cli-recipient-invalid = --recipient { $text }: not an age public key (age1...)
cli-identity-expected = expected AGE-SECRET-KEY-1... lines

## list
cli-list-id = ID
cli-list-hostname = HOSTNAME
cli-list-type = TYPE
cli-list-username = USERNAME
cli-list-additional = ADDITIONAL
cli-list-domain = DOMAIN
cli-list-tags = TAGS
cli-list-last-view = LAST VIEW
cli-list-totp = TOTP
cli-list-totp-yes = yes
cli-list-totp-no = no

## code
cli-at-before-1970 = --at { $secs }: times before 1970 are not supported
cli-no-totp = { $name } has no TOTP configured
cli-token-not-permitted = { $name }: your access allows neither viewing the password nor starting a session, so its token is not shown
cli-short-secret = { $name } has a short secret ({ $bits } bits; 128 or more is recommended)
cli-code-hotp-no-time = { $name } has an HOTP key: its codes follow a counter, not the clock, so --at and --next do not apply (--peek shows the code without advancing)
cli-code-peek-totp = --peek is for HOTP keys; { $name } has a TOTP one, whose code does not change when shown

## config
cli-config-settings-file = settings file
cli-config-file-read = { $path } (read)
cli-config-file-absent = { $path } (absent: defaults apply)
cli-config-file-nowhere = none ($XDG_CONFIG_HOME and $HOME are unset)
cli-config-none = (none)
cli-config-on = on
cli-config-off = off
cli-config-from-default = default
cli-config-from-file = file
cli-config-from-environment = environment { $name }
cli-config-from-flag = flag { $flag }
cli-config-zone-unknown = the local time zone is unknown ({ $error }); dates are shown in UTC
cli-config-unreadable = cannot read the settings: { $error }
cli-config-theme-unknown = theme { $text } is not one of { $names }
cli-config-seconds-range = { $value } is out of range: seconds from { $least } to { $most }
cli-config-path-empty = the path is empty
cli-config-prompt-empty = a prompt word is empty
