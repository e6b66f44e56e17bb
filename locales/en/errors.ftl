# Errors: what went wrong and what to do. The `PATH:LINE:COLUMN:` before them is not here.
language-unknown = language { $text } is not one credview speaks ({ $names })

## serde's and serde_json's own words, in a vault or an export that cannot be read.
err-json-eof-list = EOF while parsing a list
err-json-eof-object = EOF while parsing an object
err-json-eof-string = EOF while parsing a string
err-json-eof-value = EOF while parsing a value
err-json-expected-colon = expected `:`
err-json-expected-comma-or-bracket = expected `,` or `]`
err-json-expected-comma-or-brace = expected `,` or `{"}"}`
err-json-expected-ident = expected ident
err-json-expected-value = expected value
err-json-expected-quote = expected `"`
err-json-invalid-escape = invalid escape
err-json-invalid-number = invalid number
err-json-number-out-of-range = number out of range
err-json-invalid-unicode = invalid unicode code point
err-json-control-character = control character (\u0000-\u001F) found while parsing a string
err-json-key-not-string = key must be a string
err-json-lone-surrogate = lone leading surrogate in hex escape
err-json-trailing-comma = trailing comma
err-json-trailing-characters = trailing characters
err-json-hex-escape-end = unexpected end of hex escape
err-json-too-deep = recursion limit exceeded
err-json-missing-field = missing field { $field }
err-json-duplicate-field = duplicate field { $field }
err-json-unknown-field = unknown field { $field }, expected one of { $known }
err-json-unknown-field-none = unknown field { $field }, there are no fields
err-json-or = or
err-json-invalid-type = invalid type: { $found }, expected { $expected }
err-json-wrong-type = a value of the wrong type, expected { $expected }
err-json-wrong-type-bare = a value of the wrong type
err-json-kind-string = a string
err-json-kind-number = a number
err-json-kind-boolean = boolean
err-json-kind-map = map
err-json-kind-sequence = sequence
err-json-kind-null = null
err-json-kind-whole-number = a whole number
err-json-kind-list = a list
err-json-kind-true-or-false = true or false

## Reading a vault. `PATH:LINE:COLUMN:` comes before these.
err-vault-not-object = a vault is a JSON object: {"{"}"version": 1, "credentials": [...]{"}"}
err-vault-text-after-end = unexpected text after the vault's closing brace
err-vault-json-invalid = invalid JSON: { $what }
err-vault-json-eof = { $what }: the file ends too soon
err-vault-credential = credential { $id }
err-vault-credential-number = credential #{ $number }
err-vault-some-credential = a credential
err-vault-version-unsupported = unsupported version { $version }; this credview reads version { $supported }
err-vault-version-not-number = version must be the number { $supported }
err-vault-expect-credentials = a list of credentials
err-vault-id-not-positive = id must be a positive whole number
err-vault-id-duplicate = duplicate id { $id } (credential #{ $first } has it already)
err-vault-username-empty = username is empty
err-vault-totp-and-hotp = a credential has "totp" or "hotp", not both (it has "{ $earlier }" already)
err-vault-is-directory = is a directory, not a vault file
err-vault-bom = the file starts with a byte-order mark; save it as UTF-8 without BOM
err-vault-not-utf8 = the file is not valid UTF-8 here; save it as UTF-8
err-vault-empty = the file is empty; a vault is a JSON object {"{"}"version": 1, "credentials": [...]{"}"}
err-vault-not-found = no such file; check the path, or leave --vault and $CREDVIEW_VAULT unset for the demo vault
err-vault-permission-denied = permission denied; check the file's owner and mode
err-vault-cannot-read = cannot read the file: { $error }
err-vault-expect-date = an RFC 3339 date-time string like "2026-11-20T14:03:00Z"
err-vault-date-invalid = not an RFC 3339 date-time like "2026-11-20T14:03:00Z"
err-vault-password-not-string = password must be a string
err-vault-expect-totp = a totp object {"{"}"secret": ...{"}"} or an "otpauth://totp/..." string
err-vault-hotp-uri-in-totp = an "otpauth://hotp/" Key URI belongs in "hotp", not in "totp"
err-vault-expect-time-offset = time_offset as whole seconds, -{ $max } to { $max }
err-vault-time-offset-range = time_offset must be -{ $max } to { $max } seconds, not { $secs }
err-vault-encoder-unknown = unknown encoder "{ $encoder }" (the only one is "steam")
err-vault-expect-base32 = a base32 string
err-vault-expect-algorithm = SHA1, SHA256 or SHA512
err-vault-counter-range = a whole number from 0 to 18446744073709551615
err-vault-expect-hotp = an hotp object {"{"}"secret": ..., "counter": 0{"}"} or an "otpauth://hotp/..." string
err-vault-totp-uri-in-hotp = an "hotp" Key URI starts with "otpauth://hotp/"; a time-based one belongs in "totp"
err-vault-counter-negative = the counter is negative; it must be { $range }
err-vault-counter-fraction = the counter is not a whole number; it must be { $range }
err-vault-counter-too-large = the counter is past 2^64-1; it must be { $range }
err-vault-counter-float = the counter is written with a fraction or exponent; it must be { $range }
err-vault-counter-string = the counter is a string; it must be { $range }, without quotes
err-vault-hotp-period = an hotp object has no period: HOTP codes do not expire; remove it, or use "totp"
err-vault-port-range = port must be a whole number from 1 to 65535
err-vault-expect-port = a port number from 1 to 65535

## Writing a vault, its lock, age encryption, KeePassXC databases.
err-write-demo = the built-in demo vault cannot be changed; create your own with `credview init` (or `credview import`) and use it with --vault or $CREDVIEW_VAULT
err-write-invalid = the change would make the vault invalid ({ $why }); nothing was written
err-write-failed = { $why }; the vault is unchanged
err-write-init-exists = a file is there already; credview init never replaces a vault
err-write-create-folder = cannot create the folder { $folder }: { $error }
err-write-no-vault = no such file; create a vault with `credview init` first
err-write-cannot-read = cannot read the vault: { $error }
err-write-reads-back-otherwise = it does not read back as written
err-write-no-space = no space left to write the new version ({ $error })
err-write-read-only = the file system is read-only ({ $error })
err-write-folder-denied = cannot write in the vault's folder ({ $error })
err-write-cannot-write = cannot write the new version: { $error }
err-write-no-key-to-encrypt = cannot encrypt the vault again: no passphrase and no --identity
err-lock-cannot-create = cannot create the lock file beside the vault ({ $error }); the vault's folder must be writable to change the vault
err-lock-cannot-open = cannot open the lock file: { $error }
err-lock-busy = another credview has been writing the vault for { $secs } s; nothing was written, try again when it has finished
err-lock-busy-pid = another credview (pid { $pid }) has been writing the vault for { $secs } s; nothing was written, try again when it has finished
err-age-no-passphrase = the vault is encrypted and no passphrase was given
err-age-needs-identity = the vault is encrypted to an age key, not a passphrase; add --identity FILE with the matching key
err-age-cannot-encrypt = cannot encrypt: { $error }
err-age-plain-json = this is plain JSON, not an age file; name it .json, or encrypt it with `credview encrypt`
err-age-header-truncated = the file ends too soon: it is truncated, or not an age file
err-age-unknown-format = an age format this credview does not know; is the file from a newer age?
err-age-armor-damaged = the armored age file is damaged (its text was changed or cut)
err-age-not-age = not an age file, or its header is damaged
err-age-wrong-passphrase = wrong passphrase (or the file was changed after it was encrypted)
err-age-no-matching-identity = none of the --identity keys opens this vault (it was encrypted to another key, or changed since)
err-age-header-changed = the file's header was changed or damaged after it was encrypted
err-age-work-factor = the file asks for scrypt work factor 2^{ $required }; credview allows at most 2^{ $max } (re-encrypt it with `credview encrypt` or `age -p`)
err-age-identity-encrypted = an --identity file is itself encrypted; give credview a plain identity file
err-age-payload-truncated = the file ends too soon: it was truncated
err-age-payload-damaged = the file was changed, damaged or cut short after it was encrypted
err-kdbx-read-only = KeePassXC databases are read-only here; to change these accounts in credview, copy them into a credview vault with `credview import` (export the database as CSV from KeePassXC first)
err-kdbx-wrong-key = wrong master password or key file for the KeePassXC database
err-kdbx-wrong-key-or-damaged = wrong master password or key file for the KeePassXC database (or it is damaged)
err-kdbx-bad-key-file = the --key-file holds no KeePass key
err-kdbx-version = a KeePass database version credview cannot open (KDBX 3.1 and 4 are supported)
err-kdbx-truncated = the KeePassXC database ends too soon: it is truncated
err-kdbx-unreadable = the KeePassXC database cannot be read: { $error }
err-kdbx-no-username = (no username)
err-kdbx-otp-unusable = The otp attribute cannot be used: { $why }
err-perms-file-open = { $path } is readable by group or others (mode { $mode }); run: chmod 600 { $path }
err-perms-folder-open = the vault's folder { $folder } is open to group or others (mode { $mode }); run: chmod 700 { $folder }
err-perms-symlink = refused: it is a symlink to { $target }, in a place anyone can write to; move the vault to a private folder
err-vault-cannot-serialize = cannot write the vault as JSON: { $error }
err-hotp-counter-at-end = its HOTP counter is at its end (18446744073709551615) and cannot advance; nothing was changed. Enrol a new HOTP secret with the service
err-lookup-no-id = no credential has id { $id }
err-lookup-no-name = no credential is named "{ $name }" (use an id or username@hostname; `credview list` shows them)
err-lookup-ambiguous = "{ $name }" names several credentials (ids { $ids }); use the id instead

## TOTP and HOTP secrets, settings and Key URIs.
err-secret-empty = the secret is empty
err-secret-bad-character = the secret has a character outside base32 (A-Z, 2-7) at position { $position }
err-secret-bad-length = the secret has { $length ->
        [one] 1 base32 character, which no whole number of bytes encodes
       *[other] { $length } base32 characters, which no whole number of bytes encodes
    }
err-otp-algorithm-unknown = unknown algorithm "{ $name }" (expected SHA1, SHA256 or SHA512)
err-otp-digits = digits must be 6, 7 or 8, not { $digits }
err-otp-period = period must be 1 to 86400 seconds, not { $period }
err-otp-steam-digits = digits must be 5 for a Steam code (or left out), not { $digits }
err-otp-steam-algorithm = algorithm must be SHA1 for a Steam code (or left out), not { $algorithm }
err-otp-steam-period = period must be 30 seconds for a Steam code (or left out), not { $period }
err-uri-not-otpauth = a Key URI starts with "otpauth://totp/" (or hotp, or steam)
err-uri-unsupported-type = only "totp", "hotp" and "steam" Key URIs are supported, not "{ $kind }"
err-uri-missing-counter = an "otpauth://hotp/" Key URI needs a "counter" parameter
err-uri-bad-counter = the Key URI's "counter" must be a whole number from 0 to 18446744073709551615
err-uri-missing-secret = the Key URI has no "secret" parameter
err-uri-bad-encoding = the Key URI's { $part } is not valid percent-encoded UTF-8
err-uri-repeated = the Key URI's "{ $name }" parameter appears twice
err-uri-not-a-number = the Key URI's "{ $name }" parameter is not a number
err-uri-secret = the Key URI's secret: { $why }
err-uri-part = the Key URI's { $why }

## Importing other authenticators' exports: formats, whole-file errors, entries, skip reasons.
err-import-format-aegis = Aegis JSON export
err-import-format-andotp = andOTP JSON backup
err-import-format-bitwarden-json = Bitwarden JSON export
err-import-format-bitwarden-csv = Bitwarden CSV export
err-import-format-ente = Ente Auth plain-text export
err-import-format-freeotp = FreeOTP+ JSON backup
err-import-format-google = Google Authenticator export (otpauth-migration://)
err-import-format-keepassxc = KeePassXC database (.kdbx)
err-import-format-keepassxc-csv = KeePassXC CSV export
err-import-format-proton = Proton Authenticator JSON export
err-import-format-qr-image = Google Authenticator export QR codes (picture)
err-import-format-twofas = 2FAS backup (.2fas)
err-import-format-uri-list = Key URI list (otpauth://)
err-import-format-unknown = unknown format "{ $format }" (known: { $known })
err-import-not-json = not valid JSON: { $why }
err-import-format-not-detected = unknown format: not a Key URI list, Google Authenticator export (text or PNG QR code), Aegis, andOTP, 2FAS, Bitwarden, FreeOTP+, Proton Authenticator, Ente Auth, KeePassXC database or CSV export; name it with --format
err-import-not-utf8 = line { $line }: the file is not UTF-8 text
err-import-place-line = line { $n }
err-import-place-entry = entry { $n }
err-import-place-code = QR code { $n }
err-import-digits-length = { $digits } digits is not a code length
err-import-kind-unsupported = { $kind } codes are not supported
err-import-aegis-db = the Aegis db: { $why }
err-import-aegis-db-kind = the Aegis export's db is neither an object nor encrypted text
err-import-aegis-no-params = the Aegis export is encrypted but has no header params
err-import-aegis-no-slot = the Aegis export has no password slot (export it from Aegis with a password)
err-import-aegis-db-base64 = the Aegis export's db is not base64 (the file was cut or changed)
err-import-aegis-password-prompt = Aegis export password for { $file }:
err-import-aegis-damaged = the Aegis export's contents were changed or damaged after it was encrypted
err-import-aegis-wrong-password = wrong password for the Aegis export
err-import-aegis-bad-slot = the Aegis export's password slot has a bad { $what }
err-import-aegis-too-much-memory = the Aegis export asks scrypt for more than 1 GiB of memory; re-export it from Aegis
err-import-bitwarden-encrypted = the Bitwarden export is encrypted; export it again as unencrypted JSON or CSV
err-import-csv-header = the CSV header cannot be read: { $why }
err-import-csv-no-column = the CSV header has no "{ $column }" column
err-import-csv-broken = line { $line }: the CSV cannot be read (a quote is not closed, or the file was cut)
err-import-freeotp-byte = the secret has a number outside -128..127
err-import-google-no-secret = the account has no secret
err-import-google-md5 = MD5 codes are not supported
err-import-google-algorithm = unknown algorithm number { $n }
err-import-google-digits = unknown digit count number { $n }
err-import-google-counter = the HOTP counter is negative
err-import-google-kind = unknown OTP type number { $n }
err-import-google-part-outside = a Google Authenticator export part says it is part { $part } of { $size }
err-import-google-parts-disagree = the Google Authenticator export parts disagree on how many parts there are
err-import-google-parts-missing = the Google Authenticator export has { $size } parts and { $count ->
        [one] part { $missing } is missing
       *[other] parts { $missing } are missing
    }; import every QR code of the export together
err-import-uri-not-uri = not a Key URI (otpauth://...)
err-import-uri-kind = Key URIs of type "{ $kind }" are not supported (totp, hotp, steam)
err-import-uri-label = the label is not valid percent-encoded UTF-8
err-import-uri-parameter = a parameter is not valid percent-encoded UTF-8
err-import-uri-no-secret = the Key URI has no secret
err-import-kdbx-password-prompt = Master password for { $file }:
err-import-kdbx-unreadable = the KeePassXC database cannot be read
err-import-qr-none = no QR code found in the picture (crop it less tightly, or take a sharper screenshot)
err-import-twofas-encrypted = the 2FAS backup is encrypted; export it again from 2FAS without a password
err-import-skip-in-vault = already in the vault as id { $id }
err-import-skip-repeated = same account and secret as new id { $id }
err-import-not-totp = not a TOTP entry
err-import-json-eof = the file ends too soon (it was cut short)
err-import-json-invalid = invalid JSON
err-import-json-place = line { $line }, column { $column }
err-import-json-place-path = line { $line }, column { $column } at { $path }
err-export-google-steam = Google Authenticator has no Steam codes
err-export-google-digits = Google Authenticator has only 6 or 8 digits
err-export-google-period = Google Authenticator has only a 30 s period
err-migration-not-export = not a Google Authenticator export (otpauth-migration://offline?data=...)
err-migration-no-data = the export has no "data" parameter
err-migration-not-base64 = the export's data is not base64 (the text was cut or changed)
err-migration-bad-protobuf = the export's data is not a Google Authenticator payload (bad protobuf)

## The clock and the time servers (NTP).
err-ntp-verdict-fine = fine: codes are right
err-ntp-verdict-at-risk = codes at risk: near the end of a step the service expects another code
err-ntp-verdict-wrong = codes wrong: the service expects another code
err-ntp-ahead-of = { $amount } ahead of
err-ntp-behind = { $amount } behind
err-ntp-too-short = the reply is { $bytes ->
        [one] 1 byte
       *[other] { $bytes } bytes
    }, shorter than an NTP packet (48)
err-ntp-not-server = the reply is not from a server (mode { $mode }, expected 4)
err-ntp-version = the reply has NTP version { $version }, which this client does not speak
err-ntp-kiss = the server refused with kiss-o'-death { $code }: { $meaning }
err-ntp-unsynchronized = the server's own clock is not synchronized (leap indicator 3)
err-ntp-stratum = the server's stratum is { $stratum }: it has no usable time (16 means unsynchronized)
err-ntp-zero-transmit = the reply's transmit timestamp is zero
err-ntp-wrong-originate = the reply does not answer our request (its originate timestamp differs)
err-ntp-kiss-rate = asked too often; wait before asking again
err-ntp-kiss-deny = access denied; use another server
err-ntp-kiss-init = the server has not synchronized yet; try again later
err-ntp-kiss-step = the server's clock is stepping; try again later
err-ntp-kiss-other = the server gave no usable time
err-ntp-cannot-find = cannot find { $server }: { $why }
err-ntp-network = network error: { $error }
err-ntp-no-answer = no answer within { $secs } s
err-ntp-bad-port = "{ $port }" is not a port number
err-ntp-no-host = no host name
err-ntp-no-address = the name has no address
err-ntp-correction-too-large = an offset of { $offset } is over an hour: that is a wrong time zone, date or server, not drift; set the system clock instead
err-ntp-correction-unreadable = { $why }; `credview time reset` removes it
err-ntp-correction-write = cannot write { $path }: { $error }
err-ntp-correction-not-json = not a clock correction ({ $why })
err-ntp-correction-stored-too-large = its offset { $offset } is over an hour

## SSH sessions: what credview tells the user around ssh's own prompts.
err-session-ask-other-prompt = not a password or code prompt
err-session-ask-no-password = no password is stored for this credential
err-session-ask-password-refused = the stored password was given once already and not accepted
err-session-ask-no-totp = no TOTP is configured for this credential
err-session-ask-code-refused = a code was given once already and not accepted
err-session-no-answer = credview has no answer for this session
err-session-cannot-answer = cannot give ssh the answer: { $error }
err-session-no-terminal = { $why }, and there is no terminal to ask on: "{ $prompt }"
err-session-answer-yourself = { $why }; answer it yourself.
err-session-waiting-for-code = the code has under 3 s left; waiting { $seconds } s for the next one
err-session-unix-only = sessions need a Unix system
err-session-setup = cannot prepare the session ({ $what }: { $error })
err-session-setup-folder = private folder
err-session-setup-askpass = askpass link
err-session-setup-token = token
err-session-setup-socket = socket
err-session-no-ssh = cannot run ssh: it is not installed or not on PATH (install the OpenSSH client)
err-session-cannot-run-ssh = cannot run ssh: { $error }
err-session-lost-ssh = lost track of ssh: { $error }
err-session-no-host-no-terminal = no host is stored for credential { $id }, and there is no terminal to ask
err-session-ask-host = no host is stored for credential { $id }; host to connect to:
err-session-no-host-given = no host was given; nothing started
err-session-press-enter = { $summary }. Press Enter to return.
err-session-no-host = no host was given
err-session-bad-host = "{ $host }" is not a host name or address
err-session-missing-password = password
err-session-missing-code = TOTP code
err-session-missing-host = host
err-session-ended = session to { $host } ended (exit { $code })
err-session-not-started = session to { $host } did not start: { $why }
err-session-not-supplied = { $summary }; not supplied: { $missing }

## Enrolment, QR pictures, TOTP intake.
err-enrol-too-long = the Key URI is too long for a QR code
err-enrol-qr = the QR code cannot be made: { $why }
err-enrol-png = the PNG cannot be encoded: { $why }
err-enrol-steam-warning = a Steam Guard key: only apps that know Steam codes (KeePassXC, Aegis, ...) show the right ones
err-enrol-digits = { $digits ->
        [one] 1 digit
       *[other] { $digits } digits
    }
err-enrol-non-default-warning = { $differences }: some authenticator apps assume SHA1, 6 digits, 30 s and will show wrong codes
err-qr-not-image = not a PNG, JPEG or GIF image
err-qr-too-large = the image is { $width }×{ $height } pixels, more than credview reads ({ $max_pixels } pixels, { $max_side } a side); crop it to the QR code
err-qr-unreadable = the image cannot be read: { $why }
err-qr-no-code = no QR code found in the image; crop the screenshot closer to the code, or sharper
err-qr-damaged = a QR code was found but cannot be read (damaged, blurred or cut off)
err-intake-no-key-uri = the QR code does not hold an otpauth:// Key URI (is it the code for an authenticator app?)

## The audit log, templates, the clipboard, files.
err-audit-no-location = there is nowhere to write the audit log (neither $XDG_STATE_HOME nor $HOME is set)
err-audit-write = cannot write the audit log { $path }: { $error }
err-audit-refused = the audit log refused the record: { $why }
err-audit-not-folder = { $path } or a folder above it is not a folder
err-audit-short-write = only { $written } of { $total ->
        [one] 1 byte was
       *[other] { $total } bytes were
    } written
err-template-unknown-tag = unknown tag [#{ $name }#] (known: [#TOTP_TOKEN#], [#USERNAME#], [#HOSTNAME#], [#IP#], [#DOMAIN#], [#ADD_INFO#], [#CURRENT_PASSWORD#])
err-template-unclosed = "[#" is not closed by "#]" on the same line
err-template-missing = the template needs the { $what }, which was not provided
err-template-missing-token = TOTP token
err-template-missing-password = password
err-template-validity = --min-validity { $min } s can never be met: the code lasts { $period } s; use less than { $period }
err-clipboard-system-name = the system clipboard
err-clipboard-terminal-name = the terminal clipboard (OSC 52)
err-clipboard-terminal = could not write to the terminal: { $error }
err-clipboard-system = the system clipboard failed: { $error }
err-fs-exists = { $path } exists already; add --force to replace it
