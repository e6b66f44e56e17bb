//! The password, the QR code and the audit gate: a secret is revealed only after the audit log
//! recorded it, and a reason is asked first where the access policy says so.

use crate::helpers::*;

use credview::app::msg::AuditRequest;
use credview::app::state::{Level, Sensitive};
use credview::app::{App, Effect, Msg, update};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key with no automatic audit answer, to see the request itself.
fn raw_key(app: &mut App, c: char, t: credview::otp::Timestamp) -> Vec<Effect> {
    update(
        app,
        Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), t),
    )
}

fn audits(effects: &[Effect]) -> Vec<AuditRequest> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Audit(request) => Some(request.clone()),
            _ => None,
        })
        .collect()
}

fn password_shown(app: &App) -> bool {
    app.details
        .as_ref()
        .is_some_and(|d| d.password_until.is_some())
}

fn qr_shown(app: &App) -> bool {
    app.details.as_ref().is_some_and(|d| d.qr_until.is_some())
}

#[test]
fn v_shows_the_password_after_the_audit_and_masks_it_again_after_30_s() {
    let mut app = app_at(secs(100));
    open(&mut app, 101, secs(100));
    let effects = raw_key(&mut app, 'v', secs(101));
    assert_eq!(
        audits(&effects),
        [AuditRequest {
            action: Sensitive::PasswordView,
            credential_id: 101,
            credential: "root@srv-db-01".into(),
            reason: None,
            counter: None,
            session: None,
        }]
    );
    assert!(
        !password_shown(&app),
        "nothing shows before the log answers"
    );
    update(&mut app, Msg::Audited(Ok(()), secs(101)));
    assert!(password_shown(&app));
    tick(&mut app, ms(130_999));
    assert!(password_shown(&app));
    tick(&mut app, secs(131));
    assert!(
        !password_shown(&app),
        "masked again 30 s after it was shown"
    );
}

#[test]
fn closing_the_pop_up_masks_the_password() {
    let mut app = app_at(secs(100));
    open(&mut app, 101, secs(100));
    key(&mut app, 'v', secs(101));
    assert!(password_shown(&app));
    press(&mut app, KeyCode::Esc, secs(102));
    open(&mut app, 101, secs(103));
    assert!(!password_shown(&app));
}

#[test]
fn an_audit_log_that_cannot_be_written_refuses_every_reveal() {
    for (letter, id) in [('v', 101), ('p', 101), ('c', 101), ('Q', 101)] {
        let mut app = app_at(secs(100));
        open(&mut app, id, secs(100));
        let effects = raw_key(&mut app, letter, secs(101));
        assert_eq!(audits(&effects).len(), 1, "{letter}");
        let after = update(&mut app, Msg::Audited(Err("disk full".into()), secs(101)));
        assert!(copies(&after).is_empty(), "{letter}: nothing copied");
        assert!(
            !password_shown(&app) && !qr_shown(&app),
            "{letter}: nothing shown"
        );
        assert_eq!(status_level(&app), Some(Level::Error), "{letter}");
        assert!(status_text(&app).contains("audit log"), "{letter}");
        assert!(status_text(&app).contains("disk full"), "{letter}");
    }
}

#[test]
fn p_copies_the_password_and_clears_it_like_the_token() {
    let mut app = app_at(secs(100));
    open(&mut app, 301, secs(100));
    let effects = key(&mut app, 'p', secs(101));
    let secret_password = credview::vault::parse(VAULT_PATH, VAULT)
        .unwrap()
        .find("301")
        .unwrap()
        .password
        .clone()
        .unwrap();
    assert_eq!(copies(&effects), [secret_password.expose()]);
    copied(&mut app, Ok(credview::clipboard::Target::Osc52), secs(101));
    assert!(status_text(&app).starts_with("password copied to the terminal clipboard"));
    let clear = tick(&mut app, secs(131));
    assert_eq!(
        clears(&clear),
        [(
            secret_password.expose().to_owned(),
            credview::clipboard::Target::Osc52
        )]
    );
}

#[test]
fn without_permission_or_password_a_plain_sentence_and_no_audit() {
    for (id, words) in [
        (102, "may not view this password"),
        (202, "may not view this password"),
        (203, "no password is stored"),
    ] {
        for letter in ['v', 'p'] {
            let mut app = app_at(secs(100));
            open(&mut app, id, secs(100));
            let effects = raw_key(&mut app, letter, secs(101));
            assert!(effects.is_empty(), "{id} {letter}: {effects:?}");
            assert!(
                status_text(&app).contains(words),
                "{id} {letter}: {}",
                status_text(&app)
            );
            assert!(!password_shown(&app));
        }
    }
}

#[test]
fn a_required_reason_is_asked_first_and_goes_into_the_audit_record() {
    let mut app = app_at(secs(100));
    open(&mut app, 201, secs(100));
    assert!(
        raw_key(&mut app, 'v', secs(101)).is_empty(),
        "the prompt comes first"
    );
    let prompt = app.details.as_ref().and_then(|d| d.prompt.clone()).unwrap();
    assert_eq!(prompt.purpose, Sensitive::PasswordView);
    // An empty reason is refused; the prompt stays.
    assert!(press(&mut app, KeyCode::Enter, secs(102)).is_empty());
    assert!(app.details.as_ref().unwrap().prompt.is_some());
    assert_eq!(status_level(&app), Some(Level::Warning));
    // Keys are text while the prompt is open: `q` does not quit, `v` does not recurse.
    for c in "CHG-1042 quarterly review".chars() {
        assert!(raw_key(&mut app, c, secs(103)).is_empty());
    }
    press(&mut app, KeyCode::Backspace, secs(103));
    let effects = update(
        &mut app,
        Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE), secs(104)),
    );
    let requests = audits(&effects);
    assert_eq!(requests.len(), 1);
    assert_eq!(
        requests[0].reason.as_deref(),
        Some("CHG-1042 quarterly revie")
    );
    update(&mut app, Msg::Audited(Ok(()), secs(104)));
    assert!(password_shown(&app));
    // The reason holds for this pop-up: copying asks no more.
    let effects = raw_key(&mut app, 'p', secs(105));
    assert_eq!(
        audits(&effects)[0].reason.as_deref(),
        Some("CHG-1042 quarterly revie")
    );
}

#[test]
fn esc_cancels_the_reason_prompt_and_reveals_nothing() {
    let mut app = app_at(secs(100));
    open(&mut app, 201, secs(100));
    raw_key(&mut app, 'p', secs(101));
    raw_key(&mut app, 'x', secs(101));
    assert!(press(&mut app, KeyCode::Esc, secs(102)).is_empty());
    let details = app.details.as_ref().expect("Esc closes only the prompt");
    assert!(details.prompt.is_none() && details.reason.is_none());
    assert!(status_text(&app).contains("cancelled"));
}

#[test]
fn q_shows_the_qr_code_for_45_s_and_esc_closes_only_the_code() {
    let mut app = app_at(secs(100));
    open(&mut app, 101, secs(100));
    let effects = key(&mut app, 'Q', secs(100));
    assert_eq!(audits(&effects)[0].action, Sensitive::QrDisplay);
    assert!(qr_shown(&app));
    assert_eq!(
        app.next_wakeup(),
        Some(secs(101)),
        "the countdown still ticks"
    );
    tick(&mut app, ms(144_999));
    assert!(qr_shown(&app));
    tick(&mut app, secs(145));
    assert!(!qr_shown(&app), "closes by itself after 45 s");

    key(&mut app, 'Q', secs(150));
    press(&mut app, KeyCode::Esc, secs(151));
    assert!(!qr_shown(&app) && details_id(&app) == Some(101));
    press(&mut app, KeyCode::Esc, secs(151));
    assert_eq!(details_id(&app), None);
}

#[test]
fn no_qr_code_without_a_token_to_show() {
    for (id, words) in [(103, "no TOTP"), (202, "may not see")] {
        let mut app = app_at(secs(100));
        open(&mut app, id, secs(100));
        assert!(raw_key(&mut app, 'Q', secs(100)).is_empty());
        assert!(!qr_shown(&app));
        assert!(status_text(&app).contains(words), "{id}");
    }
}
