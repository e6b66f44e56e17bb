//! Starting the binary: the command lines read without clap, and what the process's own entry
//! point does before the command (the standard streams, SIGPIPE). How it is linked is in
//! `binary_link.rs`.
//!
//! Expected codes come from totp-rs, never from credview.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use tempfile::TempDir;

const SECRET: &str = "F63SGLW5KQUSJ4UWQ2LEHB73SNVRR7SG";

/// 2026-01-01T00:00:00Z.
const NEW_YEAR: u64 = 1_767_225_600;

fn one_credential_vault(dir: &TempDir) -> PathBuf {
    let path = dir.path().join("one.json");
    let text = format!(
        r#"{{"version":1,"credentials":[{{"id":1,"username":"u","totp":"otpauth://totp/x?secret={SECRET}"}}]}}"#
    );
    std::fs::write(&path, text).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let private = |mode| std::fs::Permissions::from_mode(mode);
        std::fs::set_permissions(dir.path(), private(0o700)).unwrap();
        std::fs::set_permissions(&path, private(0o600)).unwrap();
    }
    path
}

fn reference_code(at: u64) -> String {
    let secret = totp_rs::Secret::try_from_base32(SECRET).unwrap();
    let code = totp_rs::Builder::new()
        .with_secret(secret)
        .build_noncompliant()
        .generate(at);
    format!("{code:06}\n")
}

fn credview(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_credview"))
        .env_clear()
        .args(args)
        .output()
        .unwrap()
}

fn text(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn a_code_line_in_any_order_of_its_flags_gives_the_code() {
    let dir = tempfile::tempdir().unwrap();
    let vault = one_credential_vault(&dir);
    let at = NEW_YEAR.to_string();
    let vault_flag = format!("--vault={}", text(&vault));
    let lines: [Vec<&str>; 4] = [
        vec![
            "--vault",
            text(&vault),
            "--no-audit",
            "code",
            "--at",
            &at,
            "1",
        ],
        vec![&vault_flag, "code", "1", "--no-audit", "--at", &at],
        vec![
            "code",
            "--at",
            &at,
            "1",
            "--vault",
            text(&vault),
            "--no-audit",
        ],
        // Read by clap, not the quick reader: the same code.
        vec![
            "--color",
            "never",
            "--vault",
            text(&vault),
            "--no-audit",
            "code",
            "1",
            "--at",
            &at,
        ],
    ];
    for line in &lines {
        let output = credview(line);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{line:?}: {stderr}");
        assert_eq!(
            String::from_utf8_lossy(&output.stdout),
            reference_code(NEW_YEAR)
        );
    }
}

#[test]
fn a_flag_the_quick_reader_does_not_know_gets_clap_s_error() {
    let dir = tempfile::tempdir().unwrap();
    let vault = one_credential_vault(&dir);
    let output = credview(&[
        "--vault",
        text(&vault),
        "--no-audit",
        "code",
        "1",
        "--bogus",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("'--bogus'"), "{stderr}");
}

/// A closed stdout is /dev/null to the command: the code must not land in the next file
/// opened, the audit log.
#[cfg(unix)]
#[test]
fn a_closed_stdout_does_not_send_the_code_into_the_audit_log() {
    let dir = tempfile::tempdir().unwrap();
    let vault = one_credential_vault(&dir);
    let audit = dir.path().join("audit.jsonl");
    let output = Command::new("sh")
        .env_clear()
        .args([
            "-c",
            r#"exec "$0" "$@" >&-"#,
            env!("CARGO_BIN_EXE_credview"),
        ])
        .args([
            "--vault",
            text(&vault),
            "--audit",
            text(&audit),
            "code",
            "1",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let log = std::fs::read_to_string(&audit).unwrap();
    assert_eq!(log.lines().count(), 1, "{log}");
    for line in log.lines() {
        serde_json::from_str::<serde_json::Value>(line).unwrap();
    }
}

/// Writing to a pipe nobody reads ends the command as `credview code 1 | true` should: quietly,
/// status 0 (nothing is left to tell anyone), not a death by SIGPIPE.
#[cfg(unix)]
#[test]
fn a_pipe_with_no_reader_ends_the_command_quietly_not_by_a_signal() {
    let dir = tempfile::tempdir().unwrap();
    let vault = one_credential_vault(&dir);
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_credview"))
        .env_clear()
        .args(["--vault", text(&vault), "--no-audit", "code", "1"])
        .stdout(writer)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(output.stderr.is_empty(), "{output:?}");
}
