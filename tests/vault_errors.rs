//! Bad vault files, one test each, run through the real binary.
//!
//! Every one must end with exit status 2 and exactly one line on stderr,
//! `error: PATH:LINE:COLUMN: what is wrong` (or `error: PATH: what is wrong` when the
//! problem is the file itself), pointing at the place a person would fix, without a
//! panic, a backtrace hint, or any piece of a password or TOTP secret from the file.
//!
//! The files live in `tests/data/bad/`. Each test copies its file with mode 0600 into a temp
//! folder with mode 0700 first, so neither the file warning (a git checkout gives 0644) nor
//! the folder warning adds a second line.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// Passwords and secrets used in `tests/data/bad/`; no 8-character piece of any may leak.
const SECRETS: &[&str] = &[
    "Pw-SENTINEL-7x9q",
    "Pw-SENTINEL-2b",
    "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
    "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U",
    "MFRGGZDF1ZTWQ2LKNNWG23TPOBYXE43U",
];

/// A place the error may point at: `anchor` starts at `line`:`column` in the file, and a
/// reported column anywhere from its first character to one past its last is accepted
/// (serde_json reports the last character it read, some readers the next one).
struct Spot {
    line: usize,
    column: usize,
    anchor: &'static str,
}

const fn spot(line: usize, column: usize, anchor: &'static str) -> Spot {
    Spot {
        line,
        column,
        anchor,
    }
}

fn bad_file(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/bad")
        .join(name)
}

fn credview() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_credview"));
    cmd.env_clear();
    cmd
}

/// A fresh temp folder only its owner can enter; it lives as long as the result.
fn private_dir() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    set_mode(dir.path(), 0o700);
    dir
}

/// Writes `bytes` as a 0600 file in a private temp folder.
fn private_copy(name: &str, bytes: &[u8]) -> (TempDir, PathBuf) {
    let dir = private_dir();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    set_mode(&path, 0o600);
    (dir, path)
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(not(unix))]
fn set_mode(_path: &Path, _mode: u32) {}

/// Runs `credview --vault PATH list` and returns the one stderr line, after the checks
/// every bad vault shares: status 2, nothing on stdout, one line, no panic, no secret.
fn one_error_line(path: &Path) -> String {
    let output = credview()
        .arg("--vault")
        .arg(path)
        .arg("list")
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).expect("stderr is UTF-8");
    assert_eq!(
        output.status.code(),
        Some(2),
        "exit status for {}; stderr: {stderr}",
        path.display()
    );
    assert!(output.stdout.is_empty(), "stdout must stay empty");
    assert!(
        stderr.ends_with('\n') && stderr.matches('\n').count() == 1,
        "stderr must be exactly one line, got:\n{stderr}"
    );
    for forbidden in ["panicked", "RUST_BACKTRACE", "backtrace"] {
        assert!(!stderr.contains(forbidden), "{forbidden:?} in: {stderr}");
    }
    for secret in SECRETS {
        let chars: Vec<char> = secret.chars().collect();
        for piece in chars.windows(8) {
            let piece: String = piece.iter().collect();
            assert!(
                !stderr.contains(&piece),
                "stderr echoes {piece:?} from the secret {secret:?}: {stderr}"
            );
        }
    }
    stderr.trim_end_matches('\n').to_owned()
}

/// `error: PATH:LINE:COLUMN: message` with the position at one of `spots`, and every phrase.
fn expect_positioned(path: &Path, spots: &[Spot], phrases: &[&str]) {
    let text = std::fs::read(path).unwrap();
    let text = String::from_utf8_lossy(&text);
    for spot in spots {
        let line = text.lines().nth(spot.line - 1).unwrap_or("");
        let found: String = line
            .chars()
            .skip(spot.column - 1)
            .take(spot.anchor.chars().count())
            .collect();
        assert_eq!(
            found, spot.anchor,
            "test data: {:?} is not at {}:{}",
            spot.anchor, spot.line, spot.column
        );
    }
    check_positioned(path, &one_error_line(path), spots, phrases);
}

fn check_positioned(path: &Path, line: &str, spots: &[Spot], phrases: &[&str]) {
    let prefix = format!("error: {}:", path.display());
    let rest = line
        .strip_prefix(&prefix)
        .unwrap_or_else(|| panic!("expected {prefix:?}LINE:COLUMN: ..., got: {line}"));
    let mut parts = rest.splitn(3, ':');
    let (Some(l), Some(c), Some(message)) = (parts.next(), parts.next(), parts.next()) else {
        panic!("no LINE:COLUMN: in: {line}");
    };
    let (Ok(l), Ok(c)) = (l.parse::<usize>(), c.parse::<usize>()) else {
        panic!("no numeric LINE:COLUMN: in: {line}");
    };
    assert!(
        message.starts_with(' ') && message.trim().len() > 5,
        "no message after the position: {line}"
    );
    let wanted: Vec<String> = spots
        .iter()
        .map(|s| {
            format!(
                "{}:{}..={} ({})",
                s.line,
                s.column,
                s.column + s.anchor.chars().count(),
                s.anchor
            )
        })
        .collect();
    assert!(
        spots
            .iter()
            .any(|s| s.line == l && (s.column..=s.column + s.anchor.chars().count()).contains(&c)),
        "position {l}:{c} is not at any of {wanted:?}\n  {line}"
    );
    for phrase in phrases {
        assert!(message.contains(phrase), "{phrase:?} missing from: {line}");
    }
}

/// `error: PATH: message`, with no position (the file itself is the problem).
fn expect_file_level(path: &Path, phrase: &str) {
    let line = one_error_line(path);
    let expected = format!("error: {}: ", path.display());
    assert!(
        line.starts_with(&expected),
        "expected {expected:?}..., got: {line}"
    );
    assert!(line.contains(phrase), "{phrase:?} missing from: {line}");
}

fn check(name: &str, spots: &[Spot], phrases: &[&str]) {
    let bytes = std::fs::read(bad_file(name)).unwrap();
    let (_dir, path) = private_copy(name, &bytes);
    expect_positioned(&path, spots, phrases);
}

// ---- JSON itself -------------------------------------------------------------------------

#[test]
fn invalid_json_inside_a_credential() {
    // line 13 lacks its comma; the reader notices at the next key.
    check(
        "invalid_json.json",
        &[spot(14, 7, "\"password\"")],
        &["invalid JSON", "expected `,` or `}`"],
    );
}

#[test]
fn invalid_json_at_top_level() {
    check(
        "invalid_json_top.json",
        &[spot(3, 3, "\"credentials\"")],
        &["invalid JSON", "expected `,` or `}`"],
    );
}

#[test]
fn truncated_file() {
    // Ends after credential #1; the last line is line 4, the newline makes a line 5.
    check(
        "truncated.json",
        &[spot(4, 67, "}"), spot(5, 1, "")],
        &["ends too soon"],
    );
}

#[test]
fn top_level_is_a_list_not_an_object() {
    check(
        "top_not_object.json",
        &[
            spot(1, 1, "["),
            spot(2, 3, "{ \"id\": 1, \"username\": \"root\" }"),
        ],
        &["object"],
    );
}

#[test]
fn empty_file() {
    check("empty.json", &[spot(1, 1, "")], &["empty"]);
}

#[test]
fn whitespace_only_file() {
    check("whitespace.json", &[spot(1, 1, "  ")], &["empty"]);
}

#[test]
fn not_utf8() {
    let mut bytes =
        b"{\n  \"version\": 1,\n  \"credentials\": [\n    { \"id\": 1, \"username\": \"r".to_vec();
    bytes.push(0xff);
    bytes.extend_from_slice(b"ot\", \"password\": \"Pw-SENTINEL-7x9q\" }\n  ]\n}\n");
    let (_dir, path) = private_copy("latin1.json", &bytes);
    let line = one_error_line(&path);
    // The 0xff byte is the 30th character of line 4.
    check_positioned(&path, &line, &[spot(4, 30, "")], &["UTF-8"]);
}

#[test]
fn byte_order_mark() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(b"{\n  \"version\": 1,\n  \"credentials\": []\n}\n");
    let (_dir, path) = private_copy("bom.json", &bytes);
    let line = one_error_line(&path);
    check_positioned(&path, &line, &[spot(1, 1, "")], &["byte-order mark"]);
}

#[test]
fn duplicate_json_key() {
    check(
        "duplicate_key.json",
        &[spot(14, 7, "\"username\"")],
        &["duplicate field `username`"],
    );
}

// ---- the top-level object ----------------------------------------------------------------

#[test]
fn unknown_field_at_top_level() {
    check(
        "unknown_field_top.json",
        &[spot(3, 3, "\"owner\"")],
        &["unknown field `owner`"],
    );
}

#[test]
fn version_2() {
    check(
        "version_2.json",
        &[spot(2, 14, "2")],
        &["unsupported version 2"],
    );
}

#[test]
fn version_as_a_string() {
    check(
        "version_string.json",
        &[spot(2, 14, "\"1\"")],
        &["version must be the number 1"],
    );
}

#[test]
fn version_missing() {
    // serde reports a missing field where the object closes; its opening is fine too.
    check(
        "version_missing.json",
        &[spot(5, 1, "}"), spot(1, 1, "{")],
        &["missing", "version"],
    );
}

// ---- a credential's own fields -----------------------------------------------------------

#[test]
fn username_is_a_number() {
    check(
        "username_number.json",
        &[spot(13, 19, "42")],
        &["invalid type", "expected a string", "credential 2"],
    );
}

#[test]
fn tags_not_a_list() {
    check(
        "tags_not_list.json",
        &[spot(14, 15, "\"linux\"")],
        &["invalid type", "expected a list", "credential 2"],
    );
}

#[test]
fn missing_id() {
    // The second credential (lines 11 to 14) has no id.
    check(
        "missing_id.json",
        &[spot(14, 5, "}"), spot(11, 5, "{")],
        &["missing", "`id`", "#2"],
    );
}

#[test]
fn missing_username() {
    check(
        "missing_username.json",
        &[spot(14, 5, "}"), spot(11, 5, "{")],
        &["missing field `username`", "credential 2"],
    );
}

#[test]
fn duplicate_id() {
    // Credential #2 (lines 11 to 15) repeats id 1; credential #3 follows it.
    check(
        "duplicate_id.json",
        &[spot(12, 13, "1"), spot(15, 5, "}"), spot(11, 5, "{")],
        &["duplicate id 1", "#1"],
    );
}

#[test]
fn id_zero() {
    check(
        "id_zero.json",
        &[spot(12, 13, "0")],
        &["id must be a positive whole number"],
    );
}

#[test]
fn id_negative() {
    check(
        "id_negative.json",
        &[spot(12, 13, "-7")],
        &["id must be a positive whole number"],
    );
}

#[test]
fn id_as_a_string() {
    check(
        "id_string.json",
        &[spot(12, 13, "\"7\"")],
        &["id must be a positive whole number"],
    );
}

#[test]
fn bad_date() {
    check(
        "bad_date.json",
        &[spot(14, 18, "\"2026-13-40T25:00:00Z\"")],
        &["RFC 3339", "credential 2"],
    );
}

// ---- unknown fields deeper down ----------------------------------------------------------

#[test]
fn unknown_field_in_a_credential() {
    // A typo for "password": its value must not be echoed.
    check(
        "unknown_field_credential.json",
        &[spot(14, 7, "\"pasword\"")],
        &["unknown field `pasword`", "credential 2"],
    );
}

#[test]
fn unknown_field_in_device() {
    check(
        "unknown_field_device.json",
        &[spot(14, 40, "\"hostnme\"")],
        &["unknown field `hostnme`", "credential 2"],
    );
}

#[test]
fn unknown_field_in_totp() {
    check(
        "unknown_field_totp.json",
        &[spot(14, 63, "\"digit\"")],
        &["unknown field `digit`", "credential 2"],
    );
}

#[test]
fn unknown_field_in_access() {
    check(
        "unknown_field_access.json",
        &[spot(14, 42, "\"start_sesion\"")],
        &["unknown field `start_sesion`", "credential 2"],
    );
}

// ---- TOTP settings -----------------------------------------------------------------------

#[test]
fn secret_not_base32() {
    // The 9th character of the secret is a "1"; the message gives the position only.
    check(
        "secret_bad_base32.json",
        &[spot(14, 27, "\"MFRGGZDF1ZTWQ2LKNNWG23TPOBYXE43U\"")],
        &["outside base32", "position 9", "credential 2"],
    );
}

#[test]
fn secret_empty() {
    check(
        "secret_empty.json",
        &[spot(14, 27, "\"\"")],
        &["secret is empty", "credential 2"],
    );
}

#[test]
fn secret_not_a_string() {
    check(
        "secret_not_string.json",
        &[spot(16, 19, "12345678")],
        &["base32 string", "credential 2"],
    );
}

#[test]
fn bare_secret_instead_of_totp_object() {
    check(
        "totp_bare_secret.json",
        &[spot(14, 15, "\"MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U\"")],
        &["otpauth://totp/", "credential 2"],
    );
}

/// Range errors are found once the whole `totp` object is read, so its closing brace is
/// as right a place as the offending value.
#[test]
fn digits_5() {
    check(
        "digits_5.json",
        &[spot(14, 73, "5 }")],
        &["digits must be 6, 7 or 8, not 5", "credential 2"],
    );
}

#[test]
fn digits_9() {
    check(
        "digits_9.json",
        &[spot(16, 19, "9"), spot(17, 7, "}")],
        &["digits must be 6, 7 or 8, not 9", "credential 2"],
    );
}

#[test]
fn period_0() {
    check(
        "period_0.json",
        &[spot(14, 73, "0 }")],
        &["period must be 1 to 86400 seconds, not 0", "credential 2"],
    );
}

#[test]
fn period_86401() {
    check(
        "period_86401.json",
        &[spot(16, 19, "86401"), spot(17, 7, "}")],
        &[
            "period must be 1 to 86400 seconds, not 86401",
            "credential 2",
        ],
    );
}

#[test]
fn unknown_algorithm() {
    check(
        "algorithm_unknown.json",
        &[spot(16, 22, "\"MD5\"")],
        &["unknown algorithm \"MD5\"", "credential 2"],
    );
}

const URI_HOTP: &str =
    "\"otpauth://hotp/Corp:admin?secret=MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U&counter=1\"";
const URI_NO_SECRET: &str = "\"otpauth://totp/Corp:admin?issuer=Corp&digits=6\"";
const URI_BAD_DIGITS: &str =
    "\"otpauth://totp/Corp:admin?secret=MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U&digits=ten\"";

#[test]
fn otpauth_uri_of_type_hotp() {
    check(
        "uri_hotp.json",
        &[spot(14, 15, URI_HOTP)],
        &["\"totp\"", "\"hotp\"", "credential 2"],
    );
}

#[test]
fn otpauth_uri_without_secret() {
    check(
        "uri_missing_secret.json",
        &[spot(14, 15, URI_NO_SECRET)],
        &["no \"secret\" parameter", "credential 2"],
    );
}

#[test]
fn otpauth_uri_with_bad_digits() {
    check(
        "uri_bad_digits.json",
        &[spot(14, 15, URI_BAD_DIGITS)],
        &["\"digits\"", "not a number", "credential 2"],
    );
}

// ---- the file itself ---------------------------------------------------------------------

#[test]
fn a_directory() {
    let dir = private_dir();
    let path = dir.path().join("vault.json");
    std::fs::create_dir(&path).unwrap();
    // What `mkdir` gives under the usual umask 022.
    set_mode(&path, 0o755);
    expect_file_level(&path, "directory");
}

#[test]
fn a_missing_file() {
    let dir = private_dir();
    expect_file_level(&dir.path().join("nope.json"), "no such file");
}

#[cfg(unix)]
#[test]
fn an_unreadable_file() {
    let (_dir, path) = private_copy(
        "locked.json",
        b"{\"version\": 1, \"credentials\": [{\"id\": 1, \"username\": \"root\"}]}\n",
    );
    set_mode(&path, 0o000);
    if std::fs::File::open(&path).is_ok() {
        // Running as root (CAP_DAC_OVERRIDE): mode 000 does not stop reads, so there is
        // no error to check. The vault must then simply load, without a mode warning.
        credview()
            .arg("--vault")
            .arg(&path)
            .arg("list")
            .assert()
            .success()
            .stderr("");
        return;
    }
    expect_file_level(&path, "permission denied");
}

// ---- device.port -------------------------------------------------------------------------

#[test]
fn port_0() {
    check(
        "port_0.json",
        &[spot(13, 48, "0 }")],
        &[
            "port must be a whole number from 1 to 65535",
            "credential 2",
        ],
    );
}

#[test]
fn port_70000() {
    check(
        "port_70000.json",
        &[spot(13, 48, "70000 }")],
        &[
            "port must be a whole number from 1 to 65535",
            "credential 2",
        ],
    );
}

#[test]
fn port_negative() {
    check(
        "port_negative.json",
        &[spot(13, 48, "-1 }")],
        &[
            "port must be a whole number from 1 to 65535",
            "credential 2",
        ],
    );
}

#[test]
fn port_as_a_string() {
    check(
        "port_string.json",
        &[spot(13, 48, "\"22\" }")],
        &[
            "device.port",
            "a port number from 1 to 65535",
            "credential 2",
        ],
    );
}
