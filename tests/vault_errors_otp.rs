//! Bad HOTP and Steam entries, one test each, through the real binary: exit status 2 and one
//! `error: PATH:LINE:COLUMN: what is wrong` line pointing into the offending value (or the
//! object holding it), with no piece of the secret.

use std::path::PathBuf;

use assert_cmd::Command;
use tempfile::TempDir;

const SECRET: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

/// A vault whose second credential carries `otp` (one line: `"totp": ...` and/or `"hotp": ...`).
fn vault(otp: &str) -> String {
    format!(
        "{{\n  \"version\": 1,\n  \"credentials\": [\n    {{ \"id\": 1, \"username\": \"root\" }},\n    {{\n      \"id\": 2,\n      \"username\": \"admin\",\n      {otp}\n    }}\n  ]\n}}\n"
    )
}

fn private_vault(text: &str) -> (TempDir, PathBuf) {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    let path = dir.path().join("vault.json");
    std::fs::write(&path, text).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    (dir, path)
}

/// The error must sit on line 8 (the `otp` line), between the start of `anchor` and one past
/// its end, and say every phrase.
fn check(otp: &str, anchor: &str, phrases: &[&str]) {
    check_at(otp, 8, anchor, phrases);
}

/// As `check`, with the anchor on line `expected_line` (1-based).
fn check_at(otp: &str, expected_line: usize, anchor: &str, phrases: &[&str]) {
    let text = vault(otp);
    let (_dir, path) = private_vault(&text);
    let output = Command::new(env!("CARGO_BIN_EXE_credview"))
        .env_clear()
        .arg("--vault")
        .arg(&path)
        .arg("list")
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(output.stdout.is_empty());
    assert_eq!(stderr.matches('\n').count(), 1, "one line: {stderr}");
    assert!(!stderr.contains(&SECRET[..8]), "secret echoed: {stderr}");
    let prefix = format!("error: {}:", path.display());
    let rest = stderr.strip_prefix(&prefix).expect("error: PATH:");
    let mut parts = rest.splitn(3, ':');
    let line: usize = parts.next().unwrap().parse().expect("LINE");
    let column: usize = parts.next().unwrap().parse().expect("COLUMN");
    let message = parts.next().unwrap();
    let line_text = text.lines().nth(expected_line - 1).unwrap();
    let start = line_text.find(anchor).expect("anchor in the line") + 1;
    assert_eq!(line, expected_line, "{stderr}");
    assert!(
        (start..=start + anchor.len()).contains(&column),
        "column {column} is not within {anchor:?} at {start}: {stderr}"
    );
    for phrase in phrases.iter().chain(&["credential 2"]) {
        assert!(message.contains(phrase), "{phrase:?} missing: {stderr}");
    }
}

#[test]
fn a_negative_counter() {
    let otp = format!("\"hotp\": {{ \"secret\": \"{SECRET}\", \"counter\": -1 }}");
    check(
        &otp,
        "-1",
        &["hotp.counter", "negative", "18446744073709551615"],
    );
}

#[test]
fn a_counter_that_is_not_whole() {
    let otp = format!("\"hotp\": {{ \"secret\": \"{SECRET}\", \"counter\": 1.5 }}");
    check(&otp, "1.5", &["not a whole number"]);
}

#[test]
fn a_counter_past_2_to_the_64() {
    let otp =
        format!("\"hotp\": {{ \"secret\": \"{SECRET}\", \"counter\": 18446744073709551616 }}");
    check(&otp, "18446744073709551616", &["past 2^64-1"]);
}

#[test]
fn a_counter_in_quotes() {
    let otp = format!("\"hotp\": {{ \"secret\": \"{SECRET}\", \"counter\": \"7\" }}");
    check(&otp, "\"7\"", &["string", "without quotes"]);
}

#[test]
fn an_hotp_object_with_a_period() {
    let otp = format!("\"hotp\": {{ \"secret\": \"{SECRET}\", \"period\": 30, \"counter\": 0 }}");
    check(&otp, "30", &["no period", "do not expire"]);
}

#[test]
fn an_hotp_object_with_a_typo() {
    let otp = format!("\"hotp\": {{ \"secret\": \"{SECRET}\", \"countr\": 3 }}");
    check(&otp, "\"countr\"", &["unknown field `countr`"]);
}

#[test]
fn an_hotp_key_uri_without_counter() {
    let uri = format!("\"otpauth://hotp/x?secret={SECRET}\"");
    check(
        &format!("\"hotp\": {uri}"),
        &uri,
        &["\"counter\" parameter"],
    );
}

#[test]
fn an_hotp_key_uri_with_a_negative_counter() {
    let uri = format!("\"otpauth://hotp/x?secret={SECRET}&counter=-4\"");
    check(
        &format!("\"hotp\": {uri}"),
        &uri,
        &["\"counter\"", "whole number"],
    );
}

#[test]
fn a_totp_key_uri_under_hotp() {
    let uri = format!("\"otpauth://totp/x?secret={SECRET}\"");
    check(
        &format!("\"hotp\": {uri}"),
        &uri,
        &["otpauth://hotp/", "\"totp\""],
    );
}

#[test]
fn totp_and_hotp_together() {
    let otp = format!(
        "\"totp\": {{ \"secret\": \"{SECRET}\" }}, \"hotp\": {{ \"secret\": \"{SECRET}\", \"counter\": 0 }}"
    );
    // Found once the credential's object is read, so its closing brace is the place.
    check_at(&otp, 9, "}", &["\"totp\" or \"hotp\", not both"]);
}

#[test]
fn a_steam_entry_with_six_digits() {
    let object = format!("{{ \"secret\": \"{SECRET}\", \"encoder\": \"steam\", \"digits\": 6 }}");
    check(
        &format!("\"totp\": {object}"),
        &object,
        &["digits must be 5 for a Steam code", "not 6"],
    );
}

#[test]
fn a_steam_entry_with_sha256() {
    let object = format!(
        "{{ \"secret\": \"{SECRET}\", \"encoder\": \"steam\", \"algorithm\": \"SHA256\" }}"
    );
    check(&format!("\"totp\": {object}"), &object, &["Steam", "SHA1"]);
}

#[test]
fn a_steam_key_uri_with_eight_digits() {
    let uri = format!("\"otpauth://steam/Steam:gabe?secret={SECRET}&digits=8\"");
    check(&format!("\"totp\": {uri}"), &uri, &["Steam", "not 8"]);
}

#[test]
fn an_unknown_encoder() {
    let otp = format!("\"totp\": {{ \"secret\": \"{SECRET}\", \"encoder\": \"yandex\" }}");
    check(&otp, "\"yandex\"", &["unknown encoder \"yandex\""]);
}

/// Both forms of each kind load (through the streaming reader, as every vault file is read)
/// and `list --json` describes them without their secrets.
#[test]
fn hotp_and_steam_entries_load() {
    let text = format!(
        "{{\"version\": 1, \"credentials\": [\n\
         {{\"id\": 1, \"username\": \"a\", \"hotp\": {{\"secret\": \"{SECRET}\", \"algorithm\": \"sha256\", \"digits\": 8, \"counter\": 18446744073709551615}}}},\n\
         {{\"id\": 2, \"username\": \"b\", \"hotp\": \"otpauth://hotp/Bank:b?secret={SECRET}&counter=42\"}},\n\
         {{\"id\": 3, \"username\": \"c\", \"totp\": {{\"secret\": \"{SECRET}\", \"encoder\": \"steam\"}}}},\n\
         {{\"id\": 4, \"username\": \"d\", \"totp\": \"otpauth://steam/Steam:d?secret={SECRET}\"}},\n\
         {{\"id\": 5, \"username\": \"e\", \"totp\": \"otpauth://totp/e?secret={SECRET}&encoder=steam\"}}\n\
         ]}}\n"
    );
    let (_dir, path) = private_vault(&text);
    let output = Command::new(env!("CARGO_BIN_EXE_credview"))
        .env_clear()
        .arg("--vault")
        .arg(&path)
        .args(["list", "--json"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let listed: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(listed[0]["hotp"]["counter"], u64::MAX);
    assert_eq!(listed[0]["hotp"]["digits"], 8);
    assert_eq!(listed[0]["hotp"]["algorithm"], "SHA256");
    assert_eq!(listed[1]["hotp"]["counter"], 42);
    for steam in 2..5 {
        assert_eq!(listed[steam]["totp"]["encoder"], "steam", "#{steam}");
        assert_eq!(listed[steam]["totp"]["digits"], 5, "#{steam}");
    }
    assert!(!String::from_utf8_lossy(&output.stdout).contains(&SECRET[..8]));
}
