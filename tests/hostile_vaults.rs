//! Hostile vault files, made at test time in a private temp folder (the big ones are never
//! committed), each run through the real binary: `credview --vault FILE list` must exit 2 with
//! one `error: FILE...` line naming what is wrong, without a panic, and without hanging.
//!
//! No test here times the binary against a deadline (a loaded CI machine is slow); a watchdog
//! kills a run after HANG and fails it as a hang. The times are printed: run
//! `cargo test --release --test hostile_vaults -- --nocapture` for the README's numbers.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_credview");
/// Only a hang takes this long: the slowest case takes about 4 s of CPU in a debug build, and
/// a loaded 2-core machine can stretch that several times over.
const HANG: Duration = Duration::from_secs(120);
const MIB: usize = 1 << 20;

const HEAD: &str = r#"{"version": 1, "credentials": ["#;
const TAIL: &str = "]}";

/// A small, valid vault: cut short at every byte, it must fail every time but at the end.
const SMALL: &str = r#"{
  "version": 1,
  "credentials": [
    {"id": 7, "username": "root", "device": {"hostname": "h", "ip": "10.0.0.7"},
     "password": "Pw-SENTINEL-2b", "tags": ["a"],
     "totp": {"secret": "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U", "digits": 8, "period": 60}},
    {"id": 8, "username": "u", "totp": "otpauth://totp/x?secret=MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U"}
  ]
}
"#;

fn credential(body: &str) -> Vec<u8> {
    format!(r#"{HEAD}{{"id": 1, "username": "root", {body}}}{TAIL}"#).into_bytes()
}

fn id(value: &str) -> Vec<u8> {
    format!(r#"{HEAD}{{"id": {value}, "username": "root"}}{TAIL}"#).into_bytes()
}

fn nested(open: &str, close: &str, depth: usize) -> String {
    format!("{}{}", open.repeat(depth), close.repeat(depth))
}

/// (name, content, a phrase the error must contain)
fn hostile() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let deep = 100_000;
    let ten_mib = "A".repeat(10 * MIB);
    let mut whitespace = b" \n\t\r".repeat(25 * MIB);
    let whitespace_only = whitespace.clone();
    whitespace.extend_from_slice(HEAD.as_bytes());
    vec![
        // Deep nesting, wherever a value can go.
        (
            "nested_credentials",
            format!("{HEAD}{}{TAIL}", nested("[", "]", deep)).into_bytes(),
            "credential #1",
        ),
        (
            "nested_objects",
            format!("{HEAD}{}{TAIL}", nested("{\"id\":", "}", deep)).into_bytes(),
            "credential #1",
        ),
        (
            "nested_totp",
            credential(&format!("\"totp\": {}", nested("[", "]", deep))),
            "totp",
        ),
        (
            "nested_tags",
            credential(&format!("\"tags\": {}", nested("[", "]", deep))),
            "tags",
        ),
        (
            "nested_top",
            nested("[", "]", deep).into_bytes(),
            "a vault is a JSON object",
        ),
        (
            "nested_after_end",
            format!("{HEAD}{TAIL}{}", nested("[", "]", deep)).into_bytes(),
            "after the vault",
        ),
        // 100 MiB of whitespace, alone and before a cut-off vault.
        ("whitespace_100mib", whitespace_only, "empty"),
        ("whitespace_100mib_then_cut", whitespace, "ends too soon"),
        // 10 MiB strings.
        (
            "string_10mib_file",
            format!("\"{ten_mib}\"").into_bytes(),
            "a vault is a JSON object",
        ),
        (
            "string_10mib_unclosed",
            format!("{HEAD}{{\"id\": 1, \"username\": \"{ten_mib}").into_bytes(),
            "ends too soon",
        ),
        (
            "string_10mib_id",
            format!("{HEAD}{{\"id\": \"{ten_mib}\"}}{TAIL}").into_bytes(),
            "id must be a positive whole number",
        ),
        (
            "string_10mib_key",
            credential(&format!("\"{ten_mib}\": 1")),
            "unknown field",
        ),
        (
            "string_10mib_secret",
            credential(&format!("\"totp\": {{\"secret\": \"{ten_mib}1\"}}")),
            "outside base32",
        ),
        // NUL bytes.
        (
            "nul_in_string",
            credential("\"notes\": \"a\0b\""),
            "control character",
        ),
        (
            "nul_between_tokens",
            credential("\0\"notes\": \"x\""),
            "invalid JSON",
        ),
        ("nul_only", vec![0; 4096], "a vault is a JSON object"),
        (
            "nul_escaped_key",
            credential("\"\\u0000\\u001b[2J\": 1"),
            "unknown field",
        ),
        // Invalid UTF-8 in the middle, and byte-order marks.
        (
            "utf8_broken_sequence",
            credential("\"notes\": \"a\u{e9}\"")
                .into_iter()
                .map(|b| if b == 0xA9 { 0x28 } else { b })
                .collect(),
            "not valid UTF-8",
        ),
        (
            "utf8_overlong",
            [credential("\"notes\": \"").as_slice(), b"\xC0\xAF\"}]}"].concat(),
            "not valid UTF-8",
        ),
        (
            "utf8_surrogate",
            [
                HEAD.as_bytes(),
                b"{\"id\": 1, \"username\": \"\xED\xA0\x80\"}]}",
            ]
            .concat(),
            "not valid UTF-8",
        ),
        (
            "utf8_ff",
            [HEAD.as_bytes(), b"\xFF", TAIL.as_bytes()].concat(),
            "not valid UTF-8",
        ),
        (
            "bom_utf8",
            [b"\xEF\xBB\xBF".as_slice(), SMALL.as_bytes()].concat(),
            "byte-order mark",
        ),
        (
            "bom_utf16",
            [
                b"\xFF\xFE".as_slice(),
                &SMALL.bytes().flat_map(|b| [b, 0]).collect::<Vec<_>>(),
            ]
            .concat(),
            "not valid UTF-8",
        ),
        // Numbers out of range, and of the wrong kind.
        (
            "id_u64_max_plus_one",
            id("18446744073709551616"),
            "id must be a positive whole number",
        ),
        (
            "id_1e400",
            id("1e400"),
            "id must be a positive whole number",
        ),
        (
            "id_fraction",
            id("1.5"),
            "id must be a positive whole number",
        ),
        (
            "id_negative_zero",
            id("-0"),
            "id must be a positive whole number",
        ),
        ("id_hex", id("0x10"), "id must be a positive whole number"),
        (
            "id_as_string",
            id("\"101\""),
            "id must be a positive whole number",
        ),
        (
            "digits_huge",
            credential("\"totp\": {\"secret\": \"JBSWY3DP\", \"digits\": 10000000000}"),
            "digits must be 6, 7 or 8",
        ),
        (
            "period_u64_overflow",
            credential("\"totp\": {\"secret\": \"JBSWY3DP\", \"period\": 18446744073709551616}"),
            "period",
        ),
        (
            "period_negative",
            credential("\"totp\": {\"secret\": \"JBSWY3DP\", \"period\": -30}"),
            "period",
        ),
        (
            "version_float",
            br#"{"version": 1.0, "credentials": []}"#.to_vec(),
            "version must be the number 1",
        ),
        (
            "version_huge",
            br#"{"version": 99999999999999999999999, "credentials": []}"#.to_vec(),
            "version",
        ),
        // Duplicate keys, at every level.
        (
            "duplicate_version",
            br#"{"version": 1, "version": 1, "credentials": []}"#.to_vec(),
            "duplicate field `version`",
        ),
        (
            "duplicate_credentials",
            br#"{"version": 1, "credentials": [], "credentials": []}"#.to_vec(),
            "duplicate field `credentials`",
        ),
        (
            "duplicate_id_key",
            credential("\"id\": 2"),
            "duplicate field `id`",
        ),
        (
            "duplicate_totp_digits",
            credential("\"totp\": {\"secret\": \"JBSWY3DP\", \"digits\": 6, \"digits\": 8}"),
            "duplicate field `digits`",
        ),
        (
            "duplicate_hostname",
            credential("\"device\": {\"hostname\": \"a\", \"hostname\": \"b\"}"),
            "duplicate field `hostname`",
        ),
    ]
}

/// Runs `credview --vault PATH list` with a watchdog; returns (exit code, stderr, time).
fn run(path: &Path) -> (Option<i32>, String, Duration) {
    let started = Instant::now();
    let mut child = Command::new(BIN)
        .arg("--vault")
        .arg(path)
        .arg("list")
        .env_clear()
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start credview");
    // Read while it runs: a long message must not fill the pipe and stall the child.
    let mut pipe = child.stderr.take().expect("stderr is piped");
    let reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    });
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for credview") {
            break status;
        }
        if started.elapsed() > HANG {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{}: still running after {HANG:?}: a hang", path.display());
        }
        std::thread::sleep(Duration::from_millis(1));
    };
    let elapsed = started.elapsed();
    let stderr = reader.join().unwrap_or_default();
    (status.code(), stderr, elapsed)
}

/// The checks every hostile file shares: exit 2, one `error: PATH` line, no panic, no secret.
fn assert_refused(path: &Path, phrase: &str) -> Duration {
    let (code, stderr, elapsed) = run(path);
    let name = path.display();
    assert_eq!(code, Some(2), "{name}: exit status; stderr: {stderr}");
    assert!(
        stderr.starts_with(&format!("error: {name}")) && stderr.matches('\n').count() == 1,
        "{name}: not one error line: {stderr:?}"
    );
    assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    assert!(
        !stderr.contains("SENTINEL") && !stderr.contains("MFRGGZDF"),
        "{stderr}"
    );
    assert!(
        !stderr.chars().any(|c| c.is_control() && c != '\n'),
        "{stderr:?}"
    );
    assert!(
        stderr.contains(phrase),
        "{name}: {phrase:?} missing from {stderr:?}"
    );
    assert!(
        stderr.len() < 600,
        "{name}: a {} byte message",
        stderr.len()
    );
    elapsed
}

fn private_dir() -> TempDir {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("a temp folder");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).expect("chmod");
    dir
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write a hostile file");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    path
}

#[test]
fn every_hostile_file_gets_one_clear_error() {
    let dir = private_dir();
    let mut times = Vec::new();
    let mut failures = Vec::new();
    for (name, bytes, phrase) in hostile() {
        let path = write(dir.path(), &format!("{name}.json"), &bytes);
        match std::panic::catch_unwind(|| assert_refused(&path, phrase)) {
            Ok(elapsed) => times.push((name, bytes.len(), elapsed)),
            Err(_) => failures.push(name),
        }
        std::fs::remove_file(&path).expect("remove a hostile file");
    }
    assert!(
        failures.is_empty(),
        "not refused as they should be: {failures:?}"
    );
    println!("{:<28} {:>12} {:>10}", "file", "bytes", "time");
    for (name, size, elapsed) in &times {
        println!(
            "{name:<28} {size:>12} {:>8.1} ms",
            elapsed.as_secs_f64() * 1e3
        );
    }
    let slowest = times.iter().map(|t| t.2).max().unwrap_or_default();
    println!("{} files, slowest {slowest:.2?}", times.len());
}

/// The small vault cut short after every byte: each prefix is refused, and says where.
#[test]
fn a_vault_cut_at_every_byte_is_refused() {
    assert!(credview::vault::parse("small", SMALL.as_bytes()).is_ok());
    let dir = private_dir();
    let started = Instant::now();
    let mut slowest = Duration::ZERO;
    for cut in 0..SMALL.len() {
        // The last bytes are the closing newline: cut there, the vault is whole.
        if SMALL[cut..].trim().is_empty() {
            continue;
        }
        let path = write(dir.path(), "cut.json", &SMALL.as_bytes()[..cut]);
        let phrase = if SMALL[..cut].trim().is_empty() {
            "empty"
        } else {
            ""
        };
        slowest = slowest.max(assert_refused(&path, phrase));
    }
    println!(
        "{} prefixes refused in {:.2?}, slowest {slowest:.2?}",
        SMALL.trim_end().len(),
        started.elapsed()
    );
}
