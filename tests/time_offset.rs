//! A credential's own `time_offset` (a service whose clock is off): its codes are those of
//! clock + offset in `code`, `verify` and `render`, and a bad value is an error at its place.
//! Expected codes: RFC 6238 Appendix B (SHA-1 seed "12345678901234567890", 8 digits), which
//! `oathtool --totp -d 8 -b GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ --now @T` reproduces.

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::process::{Command, Output};

const SEED: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

fn vault(dir: &tempfile::TempDir, offset: &str) -> PathBuf {
    let text = format!(
        r#"{{
  "version": 1,
  "credentials": [
    {{
      "id": 1,
      "username": "svc",
      "totp": {{ "secret": "{SEED}", "digits": 8, "time_offset": {offset} }}
    }},
    {{ "id": 2, "username": "plain", "totp": {{ "secret": "{SEED}", "digits": 8 }} }}
  ]
}}
"#
    );
    let path = dir.path().join("vault.json");
    std::fs::write(&path, text).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    path
}

fn private_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    dir
}

fn credview(vault: &PathBuf, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_credview"))
        .env_clear()
        .arg("--no-audit")
        .arg("--vault")
        .arg(vault)
        .args(args)
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

#[test]
fn codes_are_for_the_services_clock() {
    let dir = private_dir();
    let path = vault(&dir, "-7");
    // T = 59 s -> 94287082: the service is 7 s behind, so at 66 s it is at 59 s.
    assert_eq!(
        stdout(&credview(&path, &["code", "1", "--at", "66"])),
        "94287082"
    );
    assert_eq!(
        stdout(&credview(&path, &["code", "2", "--at", "59"])),
        "94287082"
    );
    // T = 1111111109 -> 07081804, seen 7 s later on our clock.
    let code = credview(&path, &["code", "1", "--at", "1111111116"]);
    assert_eq!(stdout(&code), "07081804");
    let verified = credview(
        &path,
        &["verify", "1", "94287082", "--at", "66", "--window", "0"],
    );
    assert_eq!(verified.status.code(), Some(0), "{}", stdout(&verified));
    let other = credview(
        &path,
        &["verify", "2", "94287082", "--at", "66", "--window", "0"],
    );
    assert_eq!(other.status.code(), Some(1));
}

#[test]
fn a_service_ahead_gets_the_next_steps_code_early() {
    let dir = private_dir();
    let path = vault(&dir, "2");
    // T = 1111111111 -> 14050471, already at 1111111109 on our clock.
    let code = credview(&path, &["code", "1", "--at", "1111111109"]);
    assert_eq!(stdout(&code), "14050471");
    let template = dir.path().join("t.txt");
    std::fs::write(&template, "[#TOTP_TOKEN#]\n").unwrap();
    let template = template.to_str().unwrap();
    let args = [
        "render",
        "--credential",
        "1",
        "--at",
        "1111111109",
        template,
    ];
    let rendered = stdout(&credview(&path, &args));
    assert_eq!(rendered, "14050471");
}

#[test]
fn a_bad_time_offset_is_an_error_at_its_place() {
    for (value, phrase) in [
        (
            "90000",
            "time_offset must be -86400 to 86400 seconds, not 90000",
        ),
        ("-86401", "not -86401"),
        (
            "\"7\"",
            "invalid type: a string, expected time_offset as whole seconds",
        ),
        ("1.5", "expected time_offset as whole seconds"),
    ] {
        let dir = private_dir();
        let path = vault(&dir, value);
        let out = credview(&path, &["code", "1"]);
        assert_eq!(out.status.code(), Some(2), "{value}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let prefix = format!("error: {}:7:", path.display());
        assert!(stderr.starts_with(&prefix), "{value}: {stderr}");
        assert!(
            stderr.contains("credential 1, totp.time_offset: "),
            "{stderr}"
        );
        assert!(stderr.contains(phrase), "{value}: {stderr}");
        assert!(!stderr.contains(SEED), "{stderr}");
    }
}
