use super::*;

use crate::test_env::env;

#[test]
fn serializes_one_line_with_snake_case_events() {
    let mut record = AuditRecord::new(
        AuditAction::TokenCopy,
        101,
        "root@srv",
        Some("INC-1".into()),
        Timestamp::from_millis(1_767_225_600_999),
    );
    record.user = "ana".into();
    let json = serde_json::to_string(&record).unwrap();
    assert_eq!(
        json,
        r#"{"time":"2026-01-01T00:00:00Z","user":"ana","event":"token_copy","credential_id":101,"credential":"root@srv","reason":"INC-1"}"#
    );
    for action in [
        AuditAction::PasswordView,
        AuditAction::QrDisplay,
        AuditAction::Render,
        AuditAction::CredentialAdded,
        AuditAction::TotpSet,
        AuditAction::TotpRemoved,
    ] {
        let quoted = serde_json::to_string(&action).unwrap();
        assert_eq!(quoted, format!("\"{}\"", action.as_str()));
    }
}

#[test]
fn the_user_is_user_else_logname_else_the_uid() {
    assert_eq!(os_user(env(&[("USER", "ana"), ("LOGNAME", "bo")])), "ana");
    assert_eq!(os_user(env(&[("USER", ""), ("LOGNAME", "bo")])), "bo");
    // Without either variable: the account of the real uid, as the password database has it.
    let fallback = os_user(env(&[]));
    assert!(!fallback.is_empty());
    if unsafe { libc::getuid() } == 0 {
        assert_eq!(fallback, "root");
    }
}

#[test]
fn the_path_is_the_flag_else_xdg_state_else_home() {
    let flag = Path::new("/x/a.jsonl");
    let both = env(&[("XDG_STATE_HOME", "/s"), ("HOME", "/h")]);
    assert_eq!(resolve_path(Some(flag), &both), Some(flag.to_owned()));
    assert_eq!(
        resolve_path(None, &both),
        Some(PathBuf::from("/s/credview/audit.jsonl"))
    );
    assert_eq!(
        resolve_path(None, env(&[("XDG_STATE_HOME", "rel"), ("HOME", "/h")])),
        Some(PathBuf::from("/h/.local/state/credview/audit.jsonl"))
    );
    assert_eq!(resolve_path(None, env(&[])), None);
    let mut log = open(None, false, env(&[]));
    let record = AuditRecord::new(AuditAction::Code, 1, "a", None, Timestamp::default());
    assert!(matches!(log.append(&record), Err(AuditError::NoLocation)));
    assert!(open(None, true, env(&[])).append(&record).is_ok());
}

#[test]
fn reads_records_and_flags_corrupt_lines() {
    let good = r#"{"time":"t","user":"u","event":"code","credential_id":1,"credential":"a","reason":null}"#;
    let log = [
        good.as_bytes(),
        b"\n{\"time\":\n\xff\n",
        good.as_bytes(),
        b"\n",
    ]
    .concat();
    let lines = read_log(&log);
    assert_eq!(lines.len(), 4);
    assert!(matches!(&lines[0], LogLine::Record { line: 1, text, .. } if text == good));
    assert_eq!(lines[1], LogLine::Corrupt { line: 2 });
    assert!(matches!(lines[3], LogLine::Record { line: 4, .. }));
    assert!(read_log(b"").is_empty());
}

#[test]
fn a_session_record_names_the_host_and_the_kinds_supplied() {
    let mut record = AuditRecord::new(
        AuditAction::SessionStart,
        7,
        "root@srv",
        None,
        Timestamp::from_secs(1_767_225_600),
    )
    .with_session(
        Some("10.0.0.1".into()),
        vec!["password".into(), "totp".into()],
    );
    record.user = "ana".into();
    assert_eq!(
        serde_json::to_string(&record).unwrap(),
        r#"{"time":"2026-01-01T00:00:00Z","user":"ana","event":"session_start","credential_id":7,"credential":"root@srv","reason":null,"host":"10.0.0.1","supplied":["password","totp"]}"#
    );
}
