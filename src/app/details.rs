//! The Details pop-up: the token's life, refresh, copy, the password and the QR code.
//! Every action that reveals a secret is audited first and happens only once that succeeded.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use zeroize::Zeroizing;

use super::msg::{AuditRequest, Effect, SessionAudit};
use super::say;
use super::state::{
    App, Details, HotpToken, Level, PASSWORD_MILLIS, ReasonPrompt, Sensitive, Token, TokenView,
};
use crate::otp::Code;
use crate::session::{Ended, Plan, Start, Supplied};
use crate::t;
use crate::vault::{Credential, HotpConfig};

pub(super) fn open_details(app: &mut App) {
    let Some(index) = app.rows.credential_at(app.selected) else {
        return;
    };
    let token = token_view(&app.vault.credentials[index], app.now);
    app.filter_editing = false;
    app.details = Some(Details::new(index, token));
}

/// What the Token OTP bar shows for `credential` at `now`.
pub(super) fn token_view(credential: &Credential, now: crate::otp::Timestamp) -> TokenView {
    match (&credential.totp, &credential.hotp) {
        (None, None) => TokenView::NoTotp,
        _ if !credential.access.can_see_token() => TokenView::NoPermission,
        (Some(totp), _) => TokenView::Code(Box::new(Token::new(
            totp.generator(),
            now,
            totp.is_short().then(|| totp.secret.bits()),
        ))),
        (None, Some(hotp)) => TokenView::Hotp(HotpToken {
            counter: hotp.counter,
            shown: None,
            advancing: false,
            digits: hotp.digits,
            short_secret_bits: hotp.is_short().then(|| hotp.secret.bits()),
        }),
    }
}

/// `Esc` closes the innermost thing open: the QR code, else the pop-up.
pub(super) fn close(app: &mut App) {
    match app.details.as_mut() {
        Some(details) if details.qr_until.is_some() => details.qr_until = None,
        _ => app.details = None,
    }
}

/// The code renews by itself as soon as a message finds its step over, or not yet begun (the
/// clock went back): the code held is always the code of `now`'s step.
pub(super) fn renew_token(app: &mut App) {
    let now = app.now;
    if let Some(token) = shown_token(app)
        && token.is_stale(now)
    {
        *token = Token::new(token.totp.clone(), now, token.short_secret_bits);
    }
}

pub(super) fn shown_token(app: &mut App) -> Option<&mut Token> {
    match app.details.as_mut()?.token {
        TokenView::Code(ref mut token) => Some(&mut **token),
        _ => None,
    }
}

/// The code `c` copies: the TOTP code of now, or the HOTP code `n` revealed.
fn code_to_copy(app: &mut App) -> Option<Code> {
    match &app.details.as_ref()?.token {
        TokenView::Code(token) => Some(token.code),
        TokenView::Hotp(hotp) => hotp.shown.map(|(_, code)| code),
        _ => None,
    }
}

fn hotp_token(app: &mut App) -> Option<&mut HotpToken> {
    match app.details.as_mut()?.token {
        TokenView::Hotp(ref mut hotp) => Some(hotp),
        _ => None,
    }
}

/// `r`: swap in the new code only once its step has begun, as the PAM console does.
pub(super) fn refresh(app: &mut App) {
    let now = app.now;
    if hotp_token(app).is_some() {
        say(app, t!("tui-status-hotp-no-refresh"), Level::Info);
        return;
    }
    let Some(token) = shown_token(app) else {
        return;
    };
    let text = if token.is_stale(now) {
        *token = Token::new(token.totp.clone(), now, token.short_secret_bits);
        t!("tui-status-new-token")
    } else {
        let seconds = token.seconds_left(now);
        t!("tui-status-token-still-valid", seconds = seconds)
    };
    say(app, text, Level::Info);
}

fn credential(app: &App) -> Option<&Credential> {
    app.vault.credentials.get(app.details.as_ref()?.credential)
}

/// Why `action` may not happen on the open credential, in a plain sentence (a catalogue id).
fn refusal(app: &App, action: Sensitive) -> Option<&'static str> {
    let details = app.details.as_ref()?;
    let credential = credential(app)?;
    match action {
        Sensitive::TokenCopy | Sensitive::QrDisplay | Sensitive::HotpAdvance => {
            match &details.token {
                TokenView::NoTotp => Some("tui-status-no-totp"),
                TokenView::NoPermission => Some("tui-status-token-not-permitted"),
                TokenView::Code(_) if action == Sensitive::HotpAdvance => {
                    Some("tui-status-n-is-for-hotp")
                }
                TokenView::Code(_) => None,
                TokenView::Hotp(hotp) if hotp.advancing => Some("tui-status-counter-saving"),
                TokenView::Hotp(hotp) if action == Sensitive::TokenCopy && hotp.shown.is_none() => {
                    Some("tui-status-no-hotp-code-yet")
                }
                TokenView::Hotp(_) => None,
            }
        }
        Sensitive::SessionStart if !credential.access.start_session => {
            Some("tui-status-session-not-permitted")
        }
        Sensitive::SessionStart => None,
        Sensitive::PasswordView | Sensitive::PasswordCopy => {
            if !credential.access.can_see_password() {
                Some("tui-status-password-not-permitted")
            } else if credential.password.is_none() {
                Some("tui-status-no-password")
            } else {
                None
            }
        }
    }
}

/// The first step of every sensitive action: check, ask for a reason if needed, then audit.
pub(super) fn request(app: &mut App, action: Sensitive, effects: &mut Vec<Effect>) {
    if let Some(id) = refusal(app, action) {
        say(app, crate::i18n::text(id, &[]), Level::Warning);
        return;
    }
    let Some(credential) = credential(app) else {
        return;
    };
    let needs_reason = matches!(
        action,
        Sensitive::PasswordView | Sensitive::PasswordCopy | Sensitive::SessionStart
    ) && credential.access.require_reason;
    let session = (action == Sensitive::SessionStart).then(|| {
        let start = Start::new(credential, Plan::new(credential, None));
        SessionAudit {
            host: start.plan.host.clone(),
            supplied: start.supplied().secrets(),
        }
    });
    let request = AuditRequest {
        action,
        credential_id: credential.id,
        credential: credential.qualified_name(),
        reason: None,
        counter: None,
        session,
    };
    if action == Sensitive::HotpAdvance {
        // The edge saves the counter and records the advance; the code waits for both.
        if let Some(hotp) = hotp_token(app) {
            hotp.advancing = true;
        }
        effects.push(Effect::Advance(request));
        return;
    }
    let Some(details) = app.details.as_mut() else {
        return;
    };
    if needs_reason && details.reason.is_none() {
        details.prompt = Some(ReasonPrompt {
            purpose: action,
            text: String::new(),
        });
        return;
    }
    app.auditing = Some(action);
    effects.push(Effect::Audit(AuditRequest {
        reason: details.reason.clone(),
        ..request
    }));
}

/// Typing the reason; `Enter` goes on with the action, `Esc` gives it up.
pub(super) fn edit_reason(app: &mut App, key: KeyEvent, effects: &mut Vec<Effect>) {
    let Some(details) = app.details.as_mut() else {
        return;
    };
    let Some(prompt) = details.prompt.as_mut() else {
        return;
    };
    match key.code {
        KeyCode::Esc => {
            details.prompt = None;
            say(app, t!("tui-status-reason-cancelled"), Level::Info);
        }
        KeyCode::Enter if prompt.text.trim().is_empty() => {
            say(app, t!("tui-status-reason-required"), Level::Warning);
        }
        KeyCode::Enter => {
            let purpose = prompt.purpose;
            details.reason = Some(prompt.text.trim().to_owned());
            details.prompt = None;
            request(app, purpose, effects);
        }
        KeyCode::Backspace => {
            prompt.text.pop();
        }
        KeyCode::Char('u') if key.modifiers.contains(KeyModifiers::CONTROL) => prompt.text.clear(),
        KeyCode::Char(c)
            if !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            prompt.text.push(c);
        }
        _ => {}
    }
}

/// The audit log has answered: go ahead, or refuse as a PAM does when it cannot record.
pub(super) fn on_audited(app: &mut App, result: Result<(), String>, effects: &mut Vec<Effect>) {
    let Some(action) = app.auditing.take() else {
        return;
    };
    if let Err(reason) = result {
        say(
            app,
            t!("tui-status-audit-refused", reason = reason),
            Level::Error,
        );
        return;
    }
    let now = app.now;
    match action {
        Sensitive::TokenCopy => {
            // A key can arrive just past a step's end, before the tick that renews the code.
            renew_token(app);
            if let Some(code) = code_to_copy(app).map(|code| Zeroizing::new(code.to_string())) {
                super::copy::copy(app, code, action, effects);
            }
        }
        // Not audited through here: the edge records it with the counter's write.
        Sensitive::HotpAdvance => {}
        Sensitive::PasswordCopy => {
            if let Some(password) = credential(app).and_then(|c| c.password.as_ref()) {
                super::copy::copy(
                    app,
                    Zeroizing::new(password.expose().to_owned()),
                    action,
                    effects,
                );
            }
        }
        Sensitive::PasswordView => {
            if let Some(details) = app.details.as_mut() {
                details.password_until = Some(now.plus_millis(PASSWORD_MILLIS));
            }
        }
        Sensitive::QrDisplay => {
            let shown_for = app.settings.qr_display_millis;
            if let Some(details) = app.details.as_mut() {
                details.qr_until = Some(now.plus_millis(shown_for));
            }
        }
        Sensitive::SessionStart => {
            if let Some(credential) = credential(app) {
                let start = Start::new(credential, Plan::new(credential, None));
                effects.push(Effect::StartSession(Box::new(start)));
            }
            // The session ends on the list, where its status line shows.
            app.details = None;
        }
    }
}

/// The vault answered an `n`: keep the settings as written, then show the code.
pub(super) fn on_advanced(app: &mut App, id: u64, result: Result<(u64, HotpConfig), String>) {
    let open = app.details_credential().is_some_and(|c| c.id == id);
    let (used, written) = match result {
        Ok(advanced) => advanced,
        Err(reason) => {
            if let Some(hotp) = hotp_token(app).filter(|_| open) {
                hotp.advancing = false;
            }
            say(app, t!("tui-status-no-code", reason = reason), Level::Error);
            return;
        }
    };
    let code = written.generator().code(used);
    let stored = written.counter;
    if let Some(credential) = app.vault.credentials.iter_mut().find(|c| c.id == id) {
        credential.hotp = Some(Box::new(written));
    }
    if let Some(hotp) = hotp_token(app).filter(|_| open) {
        hotp.counter = stored;
        hotp.shown = Some((used, code));
        hotp.advancing = false;
        let counter = used.to_string();
        say(
            app,
            t!("tui-status-next-code", counter = counter),
            Level::Info,
        );
    }
}

/// The terminal is back from a session: say how it ended and what the user had to answer.
pub(super) fn on_session_ended(app: &mut App, ended: &Ended, supplied: Supplied) {
    let level = match ended.result {
        Ok(0) => Level::Info,
        Ok(_) => Level::Warning,
        Err(_) => Level::Error,
    };
    say(app, crate::session::summary(ended, supplied), level);
}

/// Masks the password and closes the QR code when their time is up.
pub(super) fn expire(app: &mut App) {
    let now = app.now;
    if let Some(details) = app.details.as_mut() {
        if details.password_until.is_some_and(|until| until <= now) {
            details.password_until = None;
        }
        if details.qr_until.is_some_and(|until| until <= now) {
            details.qr_until = None;
        }
    }
}
