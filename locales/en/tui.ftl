# The screens: Credentials > All, Details with its Token OTP bar, the forms, help, the QR code,
# the status line and the footer. Keys (Enter, Esc, c, /) are written as the keys themselves.

## The whole screen

tui-too-small = Terminal too small: { $width }×{ $height }. This screen needs { $need_width }×{ $need_height }.
tui-too-small-details = Esc closes Details.

## Credentials > All: the title bar, the table and its messages

tui-list-place = Credentials > All
tui-list-reading = reading…
tui-list-searching = searching…
tui-list-demo-vault = demo vault
tui-list-count =
    { $total ->
        [one] 1 credential
       *[other] { $total } credentials
    }
tui-list-count-filtered =
    { $shown } of { $total } { $total ->
        [one] credential
       *[other] credentials
    }
tui-list-no-match = No credential matches "{ $query }". Esc clears the filter.
tui-list-empty = The vault has no credentials.
tui-column-id = ID
tui-column-type = Type
tui-column-username = Username
tui-column-additional = Additional
tui-column-domain = Domain
tui-column-tags = Tags
tui-column-last-view = Last view
tui-column-totp = TOTP
tui-device-none = (no device)

## The clock: the correction in the title bar, a check's warning on the status line

tui-clock-corrected-by = clock corrected by { $seconds }
tui-clock-corrected-short = clock { $seconds }
# $corrected: yes when a correction is in force; $position: ahead or behind;
# $codes: at-risk or wrong.
tui-clock-warning =
    ⚠ { $corrected ->
        [yes] corrected clock
       *[no] clock
    } { $seconds } { $position ->
        [ahead] ahead of
       *[behind] behind
    } { $server }: { $codes ->
        [wrong] codes are wrong
       *[at-risk] codes at risk near each step's end
    }; run credview time sync
# The same without the server, for a terminal too narrow for the whole.
tui-clock-warning-short =
    ⚠ { $corrected ->
        [yes] corrected clock
       *[no] clock
    } { $seconds } { $position ->
        [ahead] ahead
       *[behind] behind
    }: { $codes ->
        [wrong] codes are wrong
       *[at-risk] codes at risk near each step's end
    }; run credview time sync

## The status line and the footer

tui-prompt-reason-session = Reason for this session:
tui-prompt-reason-password = Reason for this password access:
tui-filter-label = filter:
tui-filter-hint = / to edit, Esc clears
tui-footer-move = move
tui-footer-details = details
tui-footer-filter = filter
tui-footer-help = help
tui-footer-quit = quit
tui-footer-copy-token = copy token
tui-footer-refresh = refresh
tui-footer-password = password
tui-footer-qr = QR
tui-footer-close = close
tui-footer-next-code = next code
tui-footer-open = open
tui-footer-clear = clear
tui-footer-close-help = close help
tui-footer-save = save
tui-footer-next-field = next field
tui-footer-cancel = cancel
tui-footer-confirm = confirm
tui-footer-remove = remove
tui-footer-keep = keep it

## Help: what each key does (at most 28 columns, to fit 80×24)

tui-help-title = Help · Esc closes
tui-help-list = Credentials > All
tui-help-filter = While typing a filter
tui-help-details = Details
tui-help-anywhere = Anywhere
tui-help-mouse-click = click
tui-help-mouse-click-does = select; again opens
tui-help-mouse-wheel = wheel
tui-help-mouse-wheel-does = move by three
tui-help-filter-enter = keep it, open Details
tui-help-filter-esc = clear it
tui-help-filter-backspace = delete a character
tui-help-filter-ctrl-u-w = delete line / word
tui-key-previous = previous credential
tui-key-next = next credential
tui-key-page-up = one screen up
tui-key-page-down = one screen down
tui-key-first = first credential
tui-key-last = last credential
tui-key-open = open Details
tui-key-filter = filter (id, user, host, ip…)
tui-key-clear-filter = clear the filter
tui-key-add = add a credential
tui-key-session-list = start an SSH session
tui-key-refresh = new token, once it is due
tui-key-copy = copy the token
tui-key-show-password = show the password for 30 s
tui-key-copy-password = copy the password
tui-key-qr = QR code for an authenticator
tui-key-set-totp = set the TOTP secret
tui-key-remove-totp = remove the TOTP secret
tui-key-next-code = next HOTP code (saved first)
tui-key-session-details = SSH session, code supplied
tui-key-close = close the QR code or Details
tui-key-help = this help
tui-key-suspend = suspend (fg resumes)
tui-key-quit = quit

## Details

tui-details-title = Details
tui-details-general = General
tui-details-device = Device
tui-details-access = Access
tui-details-notes = Notes
tui-details-username = Username
tui-details-type = Type
tui-details-domain = Domain
tui-details-password = Password
tui-details-additional = Additional
tui-details-tags = Tags
tui-details-expiration = Expiration
tui-details-created = Created
tui-details-last-view = Last view
tui-details-hostname = Hostname
tui-details-ip = IP
tui-details-ip-port = { $ip }  port { $port }
tui-details-vendor = Vendor
tui-details-site = Site
tui-details-view-password = View password
tui-details-start-session = Start session
tui-details-needs-reason = Needs reason
tui-details-yes = yes
tui-details-no = no
tui-details-password-none = (none stored)
tui-details-password-hidden = hidden: not permitted

## The Token OTP bar

tui-token-title = Token OTP
tui-token-next = next
tui-token-expired = This code's step is over: press r for the new token.
tui-token-short-secret = Short secret: { $bits } bits (128 or more is recommended); codes still work.
tui-token-steam = Steam Guard · 5 characters · { $period } s step
tui-token-params = { $algorithm } · { $digits } digits · { $period } s step
tui-token-no-totp = No TOTP is configured for this credential.
tui-token-no-totp-set = Press t to set its TOTP secret (a Key URI can be pasted too).
tui-token-no-totp-read-only = The demo vault is read-only; `credview init` makes one of your own.
tui-token-no-permission = You may not see this token.
tui-token-no-permission-why = Your access allows neither viewing the password nor starting a session.
tui-token-hotp-counter = HOTP · counter { $counter }
tui-token-hotp-saving = Saving the counter; the code follows.
tui-token-hotp-shown = Code of counter { $counter }, used once: c copies it, n gives the next one.
tui-token-hotp-press-n = Press n for the next code; the counter is saved to the vault first.

## The forms: set or remove a TOTP secret, add a credential

tui-form-set-totp = Set TOTP secret
tui-form-add = Add credential
tui-form-remove-totp = Remove TOTP secret
tui-form-remove-explained = The secret is deleted from the vault; its codes stop here.
tui-form-remove-question = Remove it? y / n
tui-form-username = Username
tui-form-hostname = Hostname
tui-form-secret = Secret key
tui-form-algorithm = Algorithm
tui-form-digits = Digits
tui-form-period = Period
tui-form-from-uri = from the Key URI
tui-form-characters =
    { $count ->
        [one] 1 character
       *[other] { $count } characters
    }
tui-form-secret-uri =
    otpauth:// Key URI, { $count ->
        [one] 1 character
       *[other] { $count } characters
    }
tui-form-saving = saving…
tui-form-ready = ready to save
tui-form-short-secret = short secret: { $bits } bits (128 or more is recommended)
tui-form-problem-period = the period is not a whole number of seconds
tui-form-problem-secret-empty = the secret is empty
tui-form-problem-username-empty = the username is empty
tui-form-replace-question = this credential has a TOTP secret already: Enter again replaces it
tui-form-key-save = Enter save
tui-form-key-next = Tab next
tui-form-key-change = ←→ change
tui-form-key-paste = paste secret or URI
tui-form-key-cancel = Esc cancel
tui-form-key-remove = y or Enter remove
tui-form-key-keep = n or Esc keep it

## The QR code

tui-qr-title = Scan to enrol { $label } · closes in { $seconds } s · Esc
tui-qr-failed = No QR code: { $error }.
tui-qr-too-small = The QR code needs a { $need_width }×{ $need_height } terminal; this one is { $width }×{ $height }. Enlarge it, or run `credview qr { $id }`. Esc closes.

## Status sentences

tui-status-new-token = new token
tui-status-token-still-valid = no new token yet: this one is still valid for { $seconds } s
tui-status-hotp-no-refresh = HOTP codes do not expire: n gives the next one (the counter is saved first)
tui-status-no-totp = no TOTP is configured for this credential
tui-status-token-not-permitted = you may not see this token
tui-status-n-is-for-hotp = n is for HOTP codes; this TOTP code renews by itself
tui-status-counter-saving = the counter is being saved; the code follows
tui-status-no-hotp-code-yet = no HOTP code is shown yet: n gives the next one
tui-status-session-not-permitted = you may not start a session with this credential: your access does not allow it
tui-status-password-not-permitted = you may not view this password: your access does not allow it
tui-status-no-password = no password is stored for this credential
tui-status-reason-cancelled = cancelled: no reason given
tui-status-reason-required = a reason is required: type it, or Esc to cancel
tui-status-audit-refused = refused: the audit log could not be written ({ $reason })
tui-status-no-code = no code: { $reason }
tui-status-next-code = next code: HOTP counter { $counter }, saved as used (c copies it)
# $what: token or password; $target: system or osc52.
tui-status-copied =
    { $what ->
        [token] token
       *[password] password
    } copied to { $target ->
        [system] the system clipboard
       *[osc52] the terminal clipboard (OSC 52)
    }; cleared in { $seconds } s
tui-status-copied-kept =
    { $what ->
        [token] token
       *[password] password
    } copied to { $target ->
        [system] the system clipboard
       *[osc52] the terminal clipboard (OSC 52)
    }; not cleared
tui-status-expires-soon = It expires in { $seconds } s!
tui-status-copy-failed = could not copy: { $reason }
tui-status-demo-read-only = the built-in demo vault cannot be changed: create your own with `credview init`
tui-status-form-cancelled = cancelled: nothing was written
tui-status-saved-totp-set = saved: the TOTP secret is set
tui-status-saved-totp-removed = saved: the TOTP secret is removed
tui-status-saved-added = saved: the credential is added
tui-status-saved-but = { $saved }, but { $warning }

## Saving from the screens (the vault's write path and the audit log)

tui-save-read-only = this vault cannot be written from here
tui-save-no-counters = credential { $id }: this vault cannot be written, so its HOTP counter cannot advance
tui-save-credential-name = credential { $id } ({ $name })
tui-save-advance-not-audited = counter { $counter } was saved as used, but the audit log could not be written ({ $reason }), so its code is not shown
tui-save-audit-not-written = its audit record was not written: { $reason }
tui-save-credential-gone = credential { $id } is no longer in the vault
tui-save-hotp-and-totp = credential { $id } has an HOTP key, and a credential has "totp" or "hotp", not both; nothing was changed
tui-loader-cannot-start = cannot start reading: { $reason }
tui-loader-stopped = the reader stopped

## The time server in the settings file or --ntp

# $why: no-closing-bracket, text-after-bracket, host or port.
tui-settings-not-a-time-server =
    { $text } is not a time server ({ $why ->
        [no-closing-bracket] no closing ]
        [text-after-bracket] text after ]
        [host] empty host or a space in it
       *[port] the port is not 1-65535
    }); write host or host:port
