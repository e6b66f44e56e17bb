//! The audit log: every command that reveals a secret writes exactly one well-formed JSON line
//! first (and refuses when it cannot), no line holds a secret, concurrent writers never tear
//! lines, and `credview audit` reads the log back.

mod enrol_lab;

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Stdio};

use credview::audit::{AuditAction, AuditLog, AuditRecord, FileAuditLog, LogLine, read_log};
use credview::otp::Timestamp;
use enrol_lab::Lab;
use serde_json::Value;

const SECRET: &str = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";
const PASSWORD: &str = "P@ss w0rd!";

fn parse(line: &str) -> Value {
    serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"))
}

/// Runs a command with `USER=tester`; returns stdout and the one line it added to the log.
fn audited(lab: &Lab, args: &[&str]) -> (String, String) {
    let before = lab.audit_lines();
    let out = lab.command(args).env("USER", "tester").output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after = lab.audit_lines();
    assert_eq!(
        after.len(),
        before.len() + 1,
        "{args:?} must add exactly one line"
    );
    assert_eq!(after[..before.len()], before[..], "earlier lines untouched");
    let line = after.last().unwrap().clone();
    (String::from_utf8(out.stdout).unwrap(), line)
}

#[test]
fn each_command_writes_one_well_formed_line_and_no_secret() {
    let lab = Lab::new();
    let png = lab.path("qr.png");
    let template = lab.path("t.txt");
    fs::write(
        &template,
        "[#USERNAME#] [#CURRENT_PASSWORD#] [#TOTP_TOKEN#]",
    )
    .unwrap();
    let cases: [(&[&str], &str); 5] = [
        (&["code", "1"], "code"),
        (&["uri", "deploy@web-01"], "uri"),
        (&["qr", "1"], "qr"),
        (&["qr", "1", "--png", png.to_str().unwrap()], "qr"),
        (
            &["render", "--credential", "1", template.to_str().unwrap()],
            "render",
        ),
    ];
    let mut revealed = Vec::new();
    for (args, event) in cases {
        let (stdout, line) = audited(&lab, args);
        revealed.push(stdout);
        let record = parse(&line);
        let keys: Vec<&str> = record
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        assert_eq!(
            sorted,
            [
                "credential",
                "credential_id",
                "event",
                "reason",
                "time",
                "user"
            ]
        );
        assert_eq!(record["event"], event, "{args:?}");
        assert_eq!(record["credential_id"], 1);
        assert_eq!(record["credential"], "deploy@web-01");
        assert_eq!(record["user"], "tester");
        assert_eq!(record["reason"], Value::Null);
        let time = record["time"].as_str().unwrap();
        let parsed =
            time::OffsetDateTime::parse(time, &time::format_description::well_known::Rfc3339)
                .unwrap_or_else(|e| panic!("{time}: {e}"));
        assert!(time.ends_with('Z'));
        assert!(
            (time::OffsetDateTime::now_utc() - parsed)
                .whole_seconds()
                .abs()
                < 120
        );
    }
    // The code and the rendered token were printed; none of it may be in the log.
    let code = revealed[0].trim().to_owned();
    let rendered_code = revealed[4].rsplit(' ').next().unwrap().to_owned();
    let log = fs::read_to_string(lab.path("audit.jsonl")).unwrap();
    for secret in [
        SECRET,
        &SECRET.to_lowercase(),
        PASSWORD,
        &code,
        &rendered_code,
    ] {
        assert!(!log.contains(secret), "the log holds {secret:?}:\n{log}");
    }
    assert!(revealed[1].contains(SECRET) && revealed[4].contains(PASSWORD));
    // Commands that reveal nothing write nothing.
    let at = "1767225610";
    lab.run(&["verify", "1", &code, "--at", at]);
    lab.run(&["list"]);
    lab.run(&["uri", "3"]); // refused: no permission
    assert_eq!(lab.audit_lines().len(), 5);
}

#[test]
fn the_user_is_user_else_logname_else_the_uids_account() {
    let lab = Lab::new();
    lab.command(&["code", "1"])
        .env("LOGNAME", "logan")
        .output()
        .unwrap();
    lab.command(&["code", "1"]).output().unwrap();
    let lines = lab.audit_lines();
    assert_eq!(parse(&lines[0])["user"], "logan");
    // Without either variable: the real uid's account name, as `id -un` says it.
    let id = std::process::Command::new("id")
        .arg("-un")
        .output()
        .unwrap();
    let account = String::from_utf8(id.stdout).unwrap();
    assert_eq!(parse(&lines[1])["user"], account.trim());
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn the_log_lives_in_xdg_state_home_else_home_and_is_private() {
    let lab = Lab::new();
    let state = lab.path("state");
    let out = lab
        .bare()
        .env("XDG_STATE_HOME", &state)
        .args(["code", "1"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let log = state.join("credview/audit.jsonl");
    assert_eq!(fs::read_to_string(&log).unwrap().lines().count(), 1);
    assert_eq!(
        (mode(&state), mode(&log.with_file_name(""))),
        (0o700, 0o700)
    );
    assert_eq!(mode(&log), 0o600);
    let home = lab.path("home");
    let out = lab
        .bare()
        .env("HOME", &home)
        .args(["uri", "1"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let log = home.join(".local/state/credview/audit.jsonl");
    assert_eq!(fs::read_to_string(&log).unwrap().lines().count(), 1);
}

#[test]
fn an_unwritable_log_refuses_the_action() {
    let lab = Lab::new();
    // Tests run as root, so no permission bit stops a write: a file in the way does.
    fs::write(lab.path("file"), "").unwrap();
    let blocked = lab.path("file/audit.jsonl");
    let png = lab.path("qr.png");
    let template = lab.path("t.txt");
    fs::write(&template, "[#TOTP_TOKEN#]").unwrap();
    let commands: [&[&str]; 5] = [
        &["code", "1"],
        &["uri", "1"],
        &["qr", "1"],
        &["qr", "1", "--png", png.to_str().unwrap()],
        &["render", "--credential", "1", template.to_str().unwrap()],
    ];
    for args in commands {
        let out = lab
            .bare()
            .arg("--audit")
            .arg(&blocked)
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?} printed {:?}", out.stdout);
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.contains("cannot write the audit log"), "{stderr}");
        assert!(stderr.contains("--no-audit"), "{stderr}");
    }
    assert!(!png.exists());
    // Nowhere to put it at all ($HOME and $XDG_STATE_HOME unset): refused too.
    let out = lab.bare().args(["code", "1"]).output().unwrap();
    assert_eq!((out.status.code(), out.stdout.is_empty()), (Some(2), true));
    // --no-audit is the explicit way out; it cannot be combined with --audit.
    let out = lab
        .bare()
        .args(["--no-audit", "code", "1"])
        .output()
        .unwrap();
    assert!(out.status.success() && out.stdout.len() == 7);
    let out = lab.command(&["--no-audit", "code", "1"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(lab.audit_lines().is_empty());
}

#[test]
fn audit_shows_the_log_and_skips_corrupt_lines() {
    let lab = Lab::new();
    lab.run(&["code", "1"]);
    lab.run(&["uri", "6"]);
    let log = lab.path("audit.jsonl");
    let mut text = fs::read_to_string(&log).unwrap();
    text.push_str("{\"time\": tru\n");
    text.push_str(r#"{"time":"2026-01-01T00:00:00Z","user":"x","event":"password_view","credential_id":2,"credential":"ops@web-01","reason":"INC-7 \u001b[31m"}"#);
    text.push('\n');
    fs::write(&log, &text).unwrap();
    let (table, stderr) = lab.ok(&["audit"]);
    let rows: Vec<Vec<&str>> = table
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(
        rows[0],
        ["TIME", "USER", "EVENT", "ID", "CREDENTIAL", "REASON"]
    );
    assert_eq!(rows.len(), 4, "{table}");
    assert_eq!(rows[1][2..5], ["code", "1", "deploy@web-01"]);
    assert_eq!(
        rows[2][2..5],
        ["uri", "6", "ana.lima@example.com@portal.example.com"]
    );
    assert_eq!(
        rows[3][2..],
        ["password_view", "2", "ops@web-01", "INC-7", "\\u{1b}[31m"]
    );
    assert!(!table.contains('\u{1b}'), "terminal escapes pass through");
    assert!(
        stderr.contains("audit.jsonl:3: not an audit record; skipped"),
        "{stderr}"
    );
    let (json, _) = lab.ok(&["audit", "--json"]);
    let kept: Vec<&str> = text.lines().filter(|l| !l.contains("tru")).collect();
    assert_eq!(json.lines().collect::<Vec<_>>(), kept);
    // No log yet is not an error; and the vault is not needed to read the log.
    let empty = Lab::new();
    let out = Command::new(env!("CARGO_BIN_EXE_credview"))
        .env_clear()
        .args(["--vault", "/nonexistent/v.json", "--audit"])
        .arg(empty.path("none.jsonl"))
        .arg("audit")
        .output()
        .unwrap();
    assert!(out.status.success() && out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no audit log at"));
}

// ---- many writers at once ---------------------------------------------------------------

const WRITERS: u64 = 8;
const LINES: u64 = 1000;
const CHILD: &str = "CREDVIEW_AUDIT_STRESS_CHILD";

/// Writer `writer`'s line `seq`; every tenth is over 4 KiB (more than a pipe's atomic size).
fn stress_record(writer: u64, seq: u64) -> AuditRecord {
    let padding = if seq.is_multiple_of(10) { 5000 } else { 100 };
    let reason = format!("{seq} {}", "x".repeat(padding));
    let at = Timestamp::from_secs(1_767_225_600);
    AuditRecord::new(
        AuditAction::TokenCopy,
        writer,
        format!("w{writer}@stress"),
        Some(reason),
        at,
    )
}

fn append_all(path: &Path, writer: u64) {
    let mut log = FileAuditLog::new(path);
    for seq in 0..LINES {
        log.append(&stress_record(writer, seq)).unwrap();
    }
}

/// Every line whole, and each writer's lines all there, in its own order.
fn check_stress_log(path: &Path) {
    let lines = read_log(&fs::read(path).unwrap());
    assert_eq!(lines.len() as u64, WRITERS * LINES);
    let mut seen: BTreeMap<u64, Vec<u64>> = BTreeMap::new();
    for line in lines {
        let LogLine::Record { record, .. } = line else {
            panic!("torn line: {line:?}");
        };
        let seq = record
            .reason
            .unwrap()
            .split(' ')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        seen.entry(record.credential_id).or_default().push(seq);
    }
    let expected: Vec<u64> = (0..LINES).collect();
    assert_eq!(seen.len() as u64, WRITERS);
    assert!(seen.values().all(|seqs| *seqs == expected));
}

#[test]
fn eight_threads_leave_whole_lines() {
    let lab = Lab::new();
    let path = lab.path("threads/audit.jsonl");
    std::thread::scope(|scope| {
        for writer in 0..WRITERS {
            let path = &path;
            scope.spawn(move || append_all(path, writer));
        }
    });
    check_stress_log(&path);
}

/// Not a test on its own: the body of each child process of the test below.
#[test]
fn stress_child() {
    let Ok(spec) = std::env::var(CHILD) else {
        return;
    };
    let (writer, path) = spec.split_once(':').unwrap();
    append_all(Path::new(path), writer.parse().unwrap());
}

#[test]
fn eight_processes_leave_whole_lines() {
    let lab = Lab::new();
    let path = lab.path("processes/audit.jsonl");
    let exe = std::env::current_exe().unwrap();
    let children: Vec<_> = (0..WRITERS)
        .map(|writer| {
            Command::new(&exe)
                .args(["stress_child", "--exact", "--test-threads=1", "--quiet"])
                .env(CHILD, format!("{writer}:{}", path.display()))
                .stdout(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    check_stress_log(&path);
}
