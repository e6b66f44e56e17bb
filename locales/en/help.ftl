# The `--help` text. Ids follow the command tree: `help-<command>-about`,
# `help-<command>-arg-<argument>`, `help-arg-<argument>` for the options every command takes.

## clap's own words
help-heading-usage = Usage
help-heading-commands = Commands
help-heading-arguments = Arguments
help-heading-options = Options
help-heading-values = Possible values
help-possible-values = possible values: { $values }
help-default = default: { $value }
help-flag-help = Print help
help-flag-help-short = Print help (see more with '--help')
help-flag-help-long = Print help (see a summary with '-h')
help-flag-version = Print version
help-help-about = Print this message or the help of the given subcommand(s)

## credview
help-about = Privileged credentials and their TOTP codes, in the terminal
help-after =
    With no command, opens the Credentials > All screen.
    The vault is --vault PATH, else $CREDVIEW_VAULT, else the settings file's vault, else $XDG_CONFIG_HOME/credview/vault.json (or vault.age), else the built-in demo vault. A vault ending in .age is decrypted in memory: with --identity, else the passphrase in $CREDVIEW_PASSPHRASE_FILE, else one typed when asked.
    Settings are read from --config PATH, else $CREDVIEW_CONFIG, else $XDG_CONFIG_HOME/credview/config.toml; `credview config` shows them.
help-arg-vault = The vault file to read (JSON, or age-encrypted JSON when it ends in .age)
help-arg-identity = An age identity file (AGE-SECRET-KEY-1...) for vaults encrypted to a key; repeatable
help-arg-key-file = The key file of a KeePassXC database given as --vault or imported (with or without a password)
help-arg-audit = Where to append the audit log (else $XDG_STATE_HOME/credview/audit.jsonl, else ~/.local/state/credview/audit.jsonl)
help-arg-no-audit = Write no audit records (commands that reveal secrets otherwise refuse when the log cannot be written)
help-arg-config = The settings file to read (else $CREDVIEW_CONFIG, else $XDG_CONFIG_HOME/credview/config.toml)
help-arg-lang = The language: en or pt-BR (else the settings file, else $LC_ALL, $LC_MESSAGES, $LANG)
help-arg-color = When to use colour (auto: not with $NO_COLOR set or $TERM=dumb)
help-arg-color-value-auto = Colour on a terminal, unless $NO_COLOR is set or $TERM is dumb
help-arg-color-value-always = Colour even when not on a terminal, and despite $NO_COLOR
help-arg-color-value-never = No colour: bold and reverse video only
help-arg-local-time = Show dates in local time instead of UTC
help-arg-ntp = An NTP server to check the clock against (pool.ntp.org, say); repeatable. None by default: credview uses the network only when asked


## Commands
help-list-about = Print the Credentials > All table
help-list-arg-json = One JSON array, for scripts (never includes passwords or secrets)
help-code-about = Print a credential's current TOTP code, digits only (HOTP: advance the counter, then print the next code)
help-code-arg-credential = The credential: its id or username@hostname
help-code-arg-at = Compute the code for this moment instead of now
help-code-arg-next = Print the code of the step after it
help-code-arg-peek = HOTP: print the code of the stored counter without advancing it
help-encrypt-about = Encrypt a plain JSON vault into an age file (passphrase, or --recipient/--identity keys)
help-encrypt-arg-input = The plain JSON vault to encrypt (it is checked first)
help-encrypt-arg-output = The encrypted vault to write; its name must end in .age
help-encrypt-arg-recipient = Encrypt to this age public key (age1...) instead of a passphrase; repeatable
help-encrypt-arg-armor = Write ASCII-armored text instead of binary
help-encrypt-arg-force = Replace OUT.age if it exists
help-decrypt-about = Decrypt an age vault to stdout (or --output FILE), for editing; prints a warning
help-decrypt-arg-input = The encrypted vault
help-decrypt-arg-output = Write the plain JSON to this file (mode 600) instead of stdout
help-decrypt-arg-force = Replace FILE if it exists
help-uri-about = Print a credential's otpauth:// Key URI (it contains the secret)
help-uri-arg-credential = The credential: its id or username@hostname
help-qr-about = Draw a credential's Key URI as a QR code for an authenticator app, or write a PNG
help-qr-arg-credential = The credential: its id or username@hostname
help-qr-arg-png = Write a PNG image to FILE instead of drawing in the terminal
help-qr-arg-force = Replace FILE if it exists
help-verify-about = Check a code against a credential's, allowing a few steps of clock drift
help-verify-arg-credential = The credential: its id or username@hostname
help-verify-arg-code = The code to check, digits only
help-verify-arg-window = Also accept codes this many steps before or after (0 to 100; default 1). HOTP: this many counters ahead of the stored one (default 10, as RFC 4226 section 7.4 suggests)
help-verify-arg-at = Check against this moment instead of now
help-render-about = Fill a template's tags ([#TOTP_TOKEN#], [#USERNAME#], [password], ...) and print it
help-render-arg-credential = The credential whose values fill the tags: its id or username@hostname
help-render-arg-template = The template; `-` or nothing reads standard input
help-render-arg-min-validity = When the code has fewer than S seconds left, wait for the next one
help-render-arg-at = Render for this moment instead of now (a wait then moves to the next step at once)
help-render-arg-advance = HOTP: fill the token tag with the next code, advancing the stored counter first (without it an HOTP credential's token is never filled)
help-audit-about = Show the audit log of revealed codes, passwords and QR codes
help-audit-arg-json = Print the records as they are stored, one JSON object per line
help-init-about = Create an empty vault (mode 600) at PATH or the default place; never replaces one
help-init-arg-path = Where to create the vault (else --vault, $CREDVIEW_VAULT, or the config folder's)
help-init-arg-encrypt = Make it an age-encrypted vault (a passphrase, or the --identity files' keys)
help-init-arg-armor = With --encrypt: write ASCII-armored text instead of binary
help-add-about = Add a credential (and its TOTP secret); prints the new id
help-add-arg-username = The username (required)
help-add-arg-hostname = The device's hostname
help-add-arg-ip = The device's IP address
help-add-arg-device-type = The device's type (Server, Firewall, ...)
help-add-arg-vendor = The device's vendor
help-add-arg-site = The site the device is at
help-add-arg-kind = The credential's type (Local Administrator, ...)
help-add-arg-domain = The credential's domain
help-add-arg-tags = Tags, comma-separated
help-add-arg-notes = Notes
help-add-arg-totp = Ask for a TOTP secret with no echo (or give one with --secret-stdin, --uri, --qr-image)
help-add-arg-secret-stdin = Read the secret (or an otpauth:// URI) from the first line of standard input
help-add-arg-uri = Take the secret and its settings from this otpauth://totp/ Key URI
help-add-arg-qr-image = Read the QR code in this screenshot (PNG, JPEG or GIF; anywhere in the picture)
help-add-arg-algorithm = SHA1 (default), SHA256 or SHA512, for a secret given without a Key URI
help-add-arg-digits = 6 (default) to 8, for a secret given without a Key URI
help-add-arg-period = Seconds per code, 30 by default, for a secret given without a Key URI
help-totp-about = Set or remove a credential's TOTP secret
help-totp-set-about = Set a credential's TOTP secret (asked with no echo unless a source is given)
help-totp-set-arg-credential = The credential: its id or username@hostname
help-totp-set-arg-secret-stdin = Read the secret (or an otpauth:// URI) from the first line of standard input
help-totp-set-arg-uri = Take the secret and its settings from this otpauth://totp/ Key URI
help-totp-set-arg-qr-image = Read the QR code in this screenshot (PNG, JPEG or GIF; anywhere in the picture)
help-totp-set-arg-algorithm = SHA1 (default), SHA256 or SHA512, for a secret given without a Key URI
help-totp-set-arg-digits = 6 (default) to 8, for a secret given without a Key URI
help-totp-set-arg-period = Seconds per code, 30 by default, for a secret given without a Key URI
help-totp-set-arg-yes = Replace an existing secret without asking
help-totp-remove-about = Remove a credential's TOTP secret
help-totp-remove-arg-credential = The credential: its id or username@hostname
help-totp-remove-arg-yes = Do not ask to confirm
help-ssh-about = Start an SSH session to the credential's device, password and code supplied
help-ssh-arg-credential = The credential: its id or username@hostname
help-ssh-arg-port = The port to connect to (else the device's `port`, else ssh's default)
help-ssh-arg-options = An ssh option, passed on as `-o OPTION` (repeatable)
help-ssh-arg-reason = Why the session is needed, for a credential that requires a reason (else asked)
help-ssh-arg-command = A command to run on the device instead of a shell
help-time-about = Check the clock against the --ntp servers (exit 0 fine, 1 codes at risk, 2 wrong); `sync` stores the offset for every code, `reset` removes it
help-time-sync-about = Measure the offset and store it: every code is then computed for the corrected time
help-time-reset-about = Remove the stored correction: codes use the system clock again
help-doctor-about = Check the vault, audit log, clipboard, terminal and clock, with what to do
help-config-about = Print the effective settings and where each came from (default, file, environment, flag)
help-completions-about = Print a shell completion script: bash, zsh, fish, elvish or powershell
help-completions-arg-shell = The shell to complete for
help-man-about = Print the man page (roff) on stdout, or write one page per command into --dir
help-man-arg-dir = Write credview.1 and a credview-COMMAND.1 page for each command into this folder
help-import-about = Add the accounts of other authenticators' exports to the vault, in one write
help-import-arg-files = Export files: Key URI lists, Google Authenticator exports (text or PNG screenshots of its QR codes), Aegis, andOTP, 2FAS, Bitwarden, FreeOTP+, Proton Authenticator, Ente Auth, KeePassXC CSV
help-import-arg-format = The format, when detection from the content is not wanted (otpauth, google, google-qr, aegis, andotp, 2fas, bitwarden, bitwarden-csv, freeotp, proton, ente, keepassxc-csv)
help-import-arg-dry-run = Print what would be imported; write nothing
help-import-arg-password-file = The export password of an encrypted export (first line of the file); else asked
help-export-about = Write the vault's codes for another authenticator (Key URIs, Aegis, Google)
help-export-arg-format = The format to write
help-export-arg-format-value-otpauth = otpauth:// Key URIs, one a line
help-export-arg-format-value-aegis = An Aegis plain JSON export
help-export-arg-format-value-google = Google Authenticator migration payloads (otpauth-migration:// lines, or --qr)
help-export-arg-output = Write to FILE (mode 600; never replaces one) instead of stdout
help-export-arg-qr = Draw the Google Authenticator payloads as QR codes on the terminal
help-export-arg-yes = Do not ask: the secrets leave the vault in clear text
