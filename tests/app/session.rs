//! `s`: an SSH session. The app only asks for one (`Effect::StartSession`, after the audit
//! record) and says how it ended (`Msg::SessionEnded`); the edge runs it.

use crate::helpers::*;

use credview::app::msg::{AuditRequest, SessionAudit};
use credview::app::state::{Level, Sensitive};
use credview::app::{App, Effect, Msg, update};
use credview::session::{Ended, NotStarted, Start, Supplied};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn starts(effects: &[Effect]) -> Vec<Start> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::StartSession(start) => Some((**start).clone()),
            _ => None,
        })
        .collect()
}

fn s_without_audit_answer(app: &mut App, t: credview::otp::Timestamp) -> Vec<Effect> {
    update(
        app,
        Msg::Key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::NONE), t),
    )
}

const ALL_SUPPLIED: Supplied = Supplied {
    password: true,
    code: true,
    host: true,
};

#[test]
fn s_in_details_audits_then_starts_a_session_with_both_secrets() {
    let mut app = app_at(secs(100));
    open(&mut app, 101, secs(100));
    let effects = s_without_audit_answer(&mut app, secs(101));
    assert_eq!(
        effects,
        [Effect::Audit(AuditRequest {
            action: Sensitive::SessionStart,
            credential_id: 101,
            credential: "root@srv-db-01".into(),
            reason: None,
            counter: None,
            session: Some(SessionAudit {
                host: Some("10.20.0.11".into()),
                supplied: vec!["password".into(), "totp".into()],
            }),
        })]
    );
    let effects = update(&mut app, Msg::Audited(Ok(()), secs(101)));
    let [start] = starts(&effects).try_into().unwrap();
    assert_eq!(start.plan.username, "root");
    assert_eq!(start.plan.host.as_deref(), Some("10.20.0.11"));
    assert_eq!(start.supplied(), ALL_SUPPLIED);
    assert!(app.details.is_none(), "the session ends on the list");
    let text = format!("{effects:?}");
    assert!(
        !text.contains("rfc-seed-root"),
        "no password in Debug: {text}"
    );
}

#[test]
fn s_in_the_list_starts_the_selected_credentials_session() {
    let mut app = app_at(secs(100));
    key(&mut app, 'j', secs(100));
    assert_eq!(selected_id(&app), Some(102));
    let [start] = starts(&key(&mut app, 's', secs(100))).try_into().unwrap();
    assert_eq!(start.plan.credential_id, 102);
}

#[test]
fn start_session_is_the_permission_not_view_password() {
    let mut app = app_at(secs(100));
    // 102: view_password false, start_session true.
    open(&mut app, 102, secs(100));
    assert_eq!(starts(&key(&mut app, 's', secs(100))).len(), 1);
    // 202: neither.
    open(&mut app, 202, secs(100));
    assert!(key(&mut app, 's', secs(100)).is_empty());
    assert!(status_text(&app).contains("may not start a session"));
}

#[test]
fn a_credential_that_requires_a_reason_asks_for_it_first() {
    let mut app = app_at(secs(100));
    open(&mut app, 201, secs(100));
    assert!(key(&mut app, 's', secs(100)).is_empty());
    let prompt = app
        .details
        .as_ref()
        .and_then(|d| d.prompt.as_ref())
        .unwrap();
    assert_eq!(prompt.purpose, Sensitive::SessionStart);
    type_text(&mut app, "INC-9", secs(101));
    let effects = update(
        &mut app,
        Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE), secs(101)),
    );
    match effects.as_slice() {
        [Effect::Audit(request)] => assert_eq!(request.reason.as_deref(), Some("INC-9")),
        other => panic!("expected the audit request, got {other:?}"),
    }
}

#[test]
fn a_refused_audit_starts_nothing() {
    let mut app = app_at(secs(100));
    open(&mut app, 101, secs(100));
    s_without_audit_answer(&mut app, secs(101));
    let effects = update(&mut app, Msg::Audited(Err("disk full".into()), secs(101)));
    assert!(starts(&effects).is_empty());
    assert!(status_text(&app).contains("audit log could not be written"));
}

#[test]
fn the_end_of_a_session_is_said_on_the_status_line() {
    let mut app = app_at(secs(100));
    let ended = Ended {
        host: "10.20.0.11".into(),
        result: Ok(0),
    };
    update(&mut app, Msg::SessionEnded(ended, ALL_SUPPLIED, secs(200)));
    assert_eq!(status_text(&app), "session to 10.20.0.11 ended (exit 0)");
    assert_eq!(status_level(&app), Some(Level::Info));

    let no_code = Supplied {
        code: false,
        ..ALL_SUPPLIED
    };
    let ended = Ended {
        host: "10.20.0.11".into(),
        result: Ok(255),
    };
    update(&mut app, Msg::SessionEnded(ended, no_code, secs(201)));
    assert_eq!(
        status_text(&app),
        "session to 10.20.0.11 ended (exit 255); not supplied: TOTP code"
    );
    assert_eq!(status_level(&app), Some(Level::Warning));

    let ended = Ended {
        host: "h".into(),
        result: Err(NotStarted {
            message: "cannot run ssh".into(),
            status: 127,
        }),
    };
    update(&mut app, Msg::SessionEnded(ended, ALL_SUPPLIED, secs(202)));
    assert_eq!(
        status_text(&app),
        "session to h did not start: cannot run ssh"
    );
    assert_eq!(status_level(&app), Some(Level::Error));
}
