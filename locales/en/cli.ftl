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

## doctor: each check says what it found, and after → what to do
cli-doctor-failed = some checks failed (✗); each says what to do
cli-doctor-run = run: { $command }
cli-doctor-see-message = see the message
cli-doctor-vault-demo = vault: none found, so the built-in demo vault is shown
cli-doctor-vault-demo-fix = put yours at $XDG_CONFIG_HOME/credview/vault.json or pass --vault PATH
cli-doctor-vault-refused = vault: { $path }: { $why }
cli-doctor-vault-encrypted = vault: { $path } (age-encrypted: readable, not opened here)
cli-doctor-vault-unreadable = vault: cannot read { $path }: { $error }
cli-doctor-vault-unreadable-fix = check the path and its owner
cli-doctor-vault-read = vault: { $path }, { $count ->
        [one] 1 credential
       *[other] { $count } credentials
    }
cli-doctor-vault-bad = vault: { $error }
cli-doctor-vault-bad-fix = fix what the message names
cli-doctor-permissions-ok = vault permissions: only you can read it
cli-doctor-permissions = vault permissions: { $what }
cli-doctor-permissions-fix = make it private
cli-doctor-audit-off = audit log: off (--no-audit)
cli-doctor-audit-off-fix = drop --no-audit to record reveals
cli-doctor-audit-nowhere = audit log: nowhere to write it (neither $XDG_STATE_HOME nor $HOME is set)
cli-doctor-audit-nowhere-fix = set $XDG_STATE_HOME or pass --audit PATH
cli-doctor-audit-writable = audit log: { $path } is writable
cli-doctor-audit-unwritable = audit log: cannot write { $path }: { $error }
cli-doctor-audit-unwritable-fix = fix its owner or permissions, or pass --audit PATH
cli-doctor-audit-later = audit log: { $path } (created on the first reveal)
cli-doctor-audit-folder = audit log: { $folder } is not writable, so { $path } cannot be created
cli-doctor-audit-folder-fix = pass --audit PATH somewhere you can write
cli-doctor-audit-no-folder = audit log: no folder above { $path } exists
cli-doctor-audit-no-folder-fix = pass --audit PATH
cli-doctor-clipboard-system = clipboard: `c` copies to the system clipboard (a display is set)
cli-doctor-clipboard-tmux = clipboard: `c` sends OSC 52 through tmux (set-clipboard on)
cli-doctor-clipboard-tmux-off = clipboard: `c` sends OSC 52, but tmux's set-clipboard is { $setting }, so it never arrives
cli-doctor-clipboard-tmux-off-fix = run: tmux set -g set-clipboard on (and add it to ~/.tmux.conf)
cli-doctor-clipboard-tmux-unknown = clipboard: `c` sends OSC 52 inside tmux, whose set-clipboard could not be read
cli-doctor-clipboard-tmux-unknown-fix = make sure tmux has set-clipboard on
cli-doctor-clipboard-osc52 = clipboard: `c` sends OSC 52 to the terminal (SSH or no display); the terminal must allow it
cli-doctor-terminal-none = terminal: the output is not a terminal, so its size is unknown
cli-doctor-terminal-none-fix = run doctor in the terminal you use
cli-doctor-terminal-size = terminal: { $size }
cli-doctor-terminal-small = terminal: { $size }, smaller than the { $needed } Details needs
cli-doctor-terminal-small-fix = enlarge the window
cli-doctor-terminal-unknown = terminal: size unknown ({ $error })
cli-doctor-terminal-unknown-fix = run doctor in a terminal
cli-doctor-colours-off = colours: off (NO_COLOR is set); the countdown's warning colour will not show
cli-doctor-colours-off-fix = unset NO_COLOR
cli-doctor-colours-term = colours: TERM is "{ $term }"
cli-doctor-colours-term-fix = set TERM to your terminal's (xterm-256color, say)
cli-doctor-colours-24bit = colours: 24-bit ({ $term })
cli-doctor-colours-256 = colours: 256 ({ $term })
cli-doctor-colours-basic = colours: basic ({ $term })
cli-doctor-clock-correction-bad = clock: { $what }
cli-doctor-clock-correction-bad-fix = run: credview time reset
cli-doctor-clock-corrected = clock: corrected by { $offset } (time sync against { $server })
cli-doctor-clock-unchecked = clock: not checked (no NTP server configured)
cli-doctor-clock-unchecked-fix = add --ntp pool.ntp.org, or ntp_servers in the settings file
cli-doctor-clock-no-answer = clock: no NTP server answered within 1 s
cli-doctor-clock-no-answer-fix = check the server names and that UDP port 123 is open
cli-doctor-clock = clock: { $offset } { $server }
cli-doctor-clock-at-risk = { $clock }: codes at risk
cli-doctor-clock-at-risk-fix = run: credview time sync
cli-doctor-clock-wrong = { $clock }: codes wrong
cli-doctor-clock-wrong-fix = run: credview time sync (or set the system clock)

## import
cli-import-empty = the files hold no accounts to import
cli-import-failed-entries = { $count ->
        [one] 1 entry cannot be imported (see the table); nothing was written
       *[other] { $count } entries cannot be imported (see the table); nothing was written
    }
cli-import-nothing-new = nothing new to import: every account is in { $vault } already
cli-import-dry-run = dry run: { $added } to add, { $skipped } skipped, { $failed } failed; nothing was written
cli-import-dry-run-failed = { $count ->
        [one] 1 entry cannot be imported
       *[other] { $count } entries cannot be imported
    }
cli-import-done = imported { $count } into { $vault } ({ $skipped } skipped)
cli-import-file-read = { $format } ({ $count ->
        [one] 1 entry
       *[other] { $count } entries
    })
cli-import-unreadable = cannot read it: { $error }
cli-import-too-large = the file is larger than any authenticator export (64 MiB)
cli-import-from = FROM
cli-import-kind = KIND
cli-import-account = ACCOUNT
cli-import-result = RESULT
cli-import-would-add = would add as id { $id }
cli-import-added = added as id { $id }
cli-import-skipped = skipped: { $why }
cli-import-failed = failed: { $why }

## Writing the vault: init, add, totp
cli-cannot-write = cannot write { $path }: { $error }
cli-exists-use-force = { $path } exists already; add --force to replace it
cli-changed-not-recorded = the vault was changed, but its audit record was not written: { $error }
cli-init-nowhere = nowhere to create the vault: give a PATH (neither $XDG_CONFIG_HOME nor $HOME is set)
cli-init-needs-age = { $name }: an encrypted vault's name must end in .age
cli-init-age-needs-encrypt = { $name }: a name ending in .age is for an encrypted vault; add --encrypt
cli-init-exists = { $name }: a file is there already; credview init never replaces a vault
# $vault: `--vault PATH ` when the vault is not where credview looks by itself, else nothing.
cli-init-created = created the empty vault { $name }; add credentials with `credview { $vault }add`
cli-add-added = added credential { $id } ({ $name })
cli-add-username-empty = --username is empty
cli-totp-replace = { $name } has a TOTP secret already; replace it
cli-totp-remove = remove the TOTP secret of { $name }
cli-totp-gone = credential { $id } was removed from the vault meanwhile
cli-totp-has-hotp = credential { $id } has an HOTP key, and a credential has "totp" or "hotp", not both; nothing was changed
cli-totp-set = TOTP secret set for { $name }
cli-totp-removed = TOTP secret removed from { $name }
cli-enrol-short = { $what } (warning: a short secret, under 128 bits)
cli-enrol-first-code = { $what }; its code { $code } is valid { $seconds } s more: enter it where the site asks to confirm

## The secret of a new TOTP
cli-secret-prompt = Secret key (TOTP), or an otpauth:// URI (not shown):{" "}
cli-secret-no-terminal = there is no terminal to ask for the secret on; use --secret-stdin, --uri or --qr-image
cli-secret-none = no secret was given: no secret was typed
cli-secret-not-utf8 = no secret was given: the secret is not valid UTF-8 text
cli-secret-not-given = no secret was given: { $error }
cli-secret-uri-prefix = --uri: a Key URI starts with "otpauth://totp/"
cli-secret-settings-given = a Key URI or QR code carries its own algorithm, digits and period; leave out --algorithm, --digits and --period
cli-secret-image-too-large = larger than { $mib } MiB; crop the screenshot to the QR code
cli-secret-stdin-unreadable = --secret-stdin: cannot read standard input: { $error }
cli-secret-stdin-not-utf8 = --secret-stdin: the input is not UTF-8 text

## Confirmations
cli-confirm-ask = { $question }? [y/N]
# The answers, besides y and yes, that mean yes (lowercase, comma-separated).
cli-confirm-yes-words = y, yes
cli-confirm-needs-yes = { $question }: add --yes to confirm (there is no terminal to ask on); nothing was changed
cli-confirm-not-confirmed = not confirmed; nothing was changed
cli-confirm-unreadable = cannot read the answer: { $error }

## encrypt, decrypt
cli-encrypt-needs-age = { $target }: the name of an encrypted vault must end in .age, which is how credview knows to decrypt it
cli-encrypt-already = { $origin }: is encrypted already
cli-encrypt-done = note: wrote { $target }; the plain file { $origin } is still there: delete it once you have checked that credview opens { $target }
cli-decrypt-file-plain = { $path } holds the vault in plain text; delete it when you are done
cli-decrypt-plain = this is the vault in plain text; keep it off disk and out of logs

## export
cli-export-qr-google = --qr draws Google Authenticator payloads: add --format google
cli-export-hidden = left out: { $count ->
        [one] 1 credential whose token you may not see
       *[other] { $count } credentials whose token you may not see
    }
cli-export-refused = left out: ids { $ids }
cli-export-nothing = no credential with a code to export
cli-export-clear-text = the export holds { $count ->
        [one] 1 secret
       *[other] { $count } secrets
    } in clear text; anyone who reads it can make the codes. Delete it once imported.
cli-export-not-recorded = { $error }; refusing to export (--no-audit turns auditing off)
cli-export-qr-caption = code { $number } of { $count }: scan every code in Google Authenticator (Transfer accounts > Import)
cli-export-needs-yes = exporting secrets needs a confirmation: run it on a terminal, or add --yes
cli-export-confirm = Export { $count ->
        [one] 1 secret
       *[other] { $count } secrets
    } in clear text
cli-export-not-confirmed = not confirmed; nothing was exported

## HOTP counters
cli-hotp-read-only = credential { $id }: this vault cannot be written, so its HOTP counter cannot advance
cli-hotp-not-advanced = { $name }: the counter was not advanced
cli-hotp-none = { $name } has no HOTP key
cli-hotp-peek = peek: this is the code of HOTP counter { $counter }, which was not advanced; it is shown again until the counter moves
cli-hotp-no-match = the code does not match { $name } at HOTP counters { $from } to { $to }; nothing was changed
cli-hotp-not-changed = { $name }: the counter was not changed
cli-hotp-matched = ok: matches HOTP counter { $matched }; the stored counter is now { $stored }
cli-counter-gone = credential { $id } is no longer in the vault
cli-counter-no-hotp = credential { $id } no longer has an HOTP key

## qr
cli-qr-exists = it exists already; add --force to replace it
cli-not-a-folder = { $path } is not a folder

## render
cli-render-hotp = { $name } has an HOTP key, whose codes are used once: add --advance to fill the token with the next code (the stored counter moves first)
cli-render-password-not-permitted = { $name }: your access does not allow viewing the password, which the template uses
cli-render-no-password = { $name } has no password
cli-render-waiting = waiting { $seconds } s for the next code (--min-validity)
cli-render-clock-jumping = the clock kept jumping; no code with enough time left was found
cli-render-template-unreadable = cannot read the template { $path }: { $error }
cli-render-stdin-unreadable = cannot read the template: { $error }
cli-render-not-utf8 = the template is not UTF-8 text

## ssh
cli-ssh-not-permitted = you may not start a session with credential { $id }: your access does not allow it
cli-ssh-not-recorded = { $error }; refusing to start the session (--audit PATH logs elsewhere, --no-audit turns auditing off)
cli-ssh-not-supplied = not supplied for credential { $id }: { $missing } (answer what ssh asks yourself)
cli-ssh-reason-required = credential { $id } requires a reason to start a session: give --reason TEXT
cli-ssh-reason-prompt = reason for a session with credential { $id }:{" "}

## time
cli-time-no-servers = no time server is configured: name one with --ntp HOST[:PORT] (pool.ntp.org, say) or in ntp_servers in the settings file
cli-time-correction-ignored = the clock correction is ignored: { $error }
cli-time-system-clock = system clock
cli-time-correction-label = correction
cli-time-verdict-label = verdict
cli-time-correction = { $offset } (credview time sync against { $server })
cli-time-correction-none = none
cli-time-no-answer = no time server answered: the clock could not be checked
cli-time-verdict = { $verdict } (the clock is { $offset } { $server })
cli-time-verdict-corrected = { $verdict } (the corrected clock is { $offset } { $server })
cli-time-off = { $verdict }; `credview time sync` corrects the codes for it (or set the system clock)
cli-time-answer = offset { $offset }, round trip { $trip } ms
cli-time-nowhere = there is nowhere to keep the correction (neither $XDG_STATE_HOME nor $HOME is set)
cli-time-sync-no-answer = no time server answered, nothing stored ({ $why })
cli-time-synced = clock corrected by { $offset } (against { $server }): codes now use the corrected time; `credview time reset` removes the correction
cli-time-cannot-remove = cannot remove { $path }: { $error }
cli-time-reset = clock correction removed: codes use the system clock again
cli-time-reset-none = no clock correction was stored: codes use the system clock

## verify
cli-verify-digits-only = the code to verify must be digits only
cli-verify-hotp-no-time = { $name } has an HOTP key: its codes follow a counter, not the clock, so --at does not apply
cli-verify-steam-length = the code has { $typed } characters, but { $name } is a Steam key, whose codes have { $digits }
cli-verify-length = the code has { $typed } digits, but { $name } uses { $digits }
cli-verify-matched = ok: matches step offset { $offset }
cli-verify-no-match = the code does not match { $name } within { $window ->
        [one] 1 step
       *[other] { $window } steps
    } either side

## audit
cli-audit-not-recorded = { $error }; refusing to show it (--audit PATH logs elsewhere, --no-audit turns auditing off)
cli-audit-nowhere = there is no audit log to show: neither $XDG_STATE_HOME nor $HOME is set (use --audit PATH)
cli-audit-none-yet = no audit log at { $path } yet
cli-audit-unreadable = cannot read the audit log { $path }: { $error }
cli-audit-corrupt = not an audit record; skipped
cli-audit-time = TIME
cli-audit-user = USER
cli-audit-event = EVENT
cli-audit-id = ID
cli-audit-credential = CREDENTIAL
cli-audit-reason = REASON

## man
cli-man-pages-failed = { $dir }: cannot write the man pages: { $error }
