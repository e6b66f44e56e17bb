//! The command line, run as a user would: the built binary, its stdout, stderr and exit status.
//!
//! Expected TOTP codes never come from credview itself: they are either hard-coded values
//! checked with `oathtool` (the command is next to each) or computed here with totp-rs from
//! the demo vault's JSON, read with serde_json.
//!
//! Every command starts from an empty environment, so the machine's own `CREDVIEW_VAULT`,
//! `XDG_CONFIG_HOME` or `~/.config/credview/vault.json` can never leak in.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

const DEMO: &str = include_str!("../assets/demo-vault.json");

/// 2026-01-01T00:00:00Z.
const NEW_YEAR: u64 = 1_767_225_600;

/// The binary with no environment at all: no vault flag, variable or config file, so the demo.
/// Without `$HOME` there is no audit log to write, so auditing is off (tests/audit.rs checks it).
fn credview() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_credview"));
    cmd.env_clear().arg("--no-audit");
    cmd
}

fn demo_credentials() -> Vec<Value> {
    let vault: Value = serde_json::from_str(DEMO).unwrap();
    vault["credentials"].as_array().unwrap().clone()
}

fn stdout_of(cmd: &mut Command) -> String {
    let output = cmd.output().unwrap();
    assert!(
        output.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// What `credview code` prints: the code's digits and one newline, nothing else.
fn code(spec: &str, at: u64, next: bool) -> String {
    let mut cmd = credview();
    cmd.args(["code", spec, "--at", &at.to_string()]);
    if next {
        cmd.arg("--next");
    }
    let out = stdout_of(&mut cmd);
    let digits = out
        .strip_suffix('\n')
        .unwrap_or_else(|| panic!("no newline: {out:?}"));
    assert!(
        (6..=8).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()),
        "stdout must be digits only: {out:?}"
    );
    digits.to_owned()
}

// ---- list ----------------------------------------------------------------------------------

#[test]
fn list_prints_a_header_and_one_row_per_credential() {
    let out = stdout_of(credview().arg("list"));
    let lines: Vec<&str> = out.lines().collect();
    let header: Vec<&str> = lines[0].split_whitespace().collect();
    assert_eq!(
        header,
        [
            "ID",
            "HOSTNAME",
            "TYPE",
            "USERNAME",
            "ADDITIONAL",
            "DOMAIN",
            "TAGS",
            "LAST",
            "VIEW",
            "TOTP"
        ]
    );
    let credentials = demo_credentials();
    assert_eq!(lines.len(), 1 + credentials.len(), "{out}");
    for (row, credential) in lines[1..].iter().zip(&credentials) {
        let id = credential["id"].as_u64().unwrap().to_string();
        assert!(row.starts_with(&format!("{id} ")), "row for {id}: {row}");
        let username = credential["username"].as_str().unwrap();
        let hostname = credential["device"]["hostname"].as_str().unwrap();
        assert!(row.contains(username) && row.contains(hostname), "{row}");
        let totp = if credential.get("totp").is_some_and(|t| !t.is_null()) {
            "yes"
        } else {
            "no"
        };
        assert_eq!(
            row.split_whitespace().last(),
            Some(totp),
            "TOTP column: {row}"
        );
    }
    assert!(lines[1].starts_with("101  srv-db-01"), "{}", lines[1]);
}

#[test]
fn list_json_is_valid_and_carries_no_password_or_secret() {
    let out = stdout_of(credview().args(["list", "--json"]));
    let listed: Value = serde_json::from_str(&out).expect("list --json prints valid JSON");
    let listed = listed.as_array().expect("a JSON array");
    let credentials = demo_credentials();
    assert_eq!(listed.len(), credentials.len());
    for (item, credential) in listed.iter().zip(&credentials) {
        assert_eq!(item["id"], credential["id"]);
        assert_eq!(item["username"], credential["username"]);
        assert_eq!(item["device"]["hostname"], credential["device"]["hostname"]);
        assert_eq!(
            item["totp"].is_null(),
            credential.get("totp").is_none_or(Value::is_null),
            "totp presence of {}",
            item["id"]
        );
    }

    // No key that could hold a secret, at any depth.
    fn keys(value: &Value, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (key, child) in map {
                    out.push(key.clone());
                    keys(child, out);
                }
            }
            Value::Array(items) => items.iter().for_each(|item| keys(item, out)),
            _ => {}
        }
    }
    let mut all_keys = Vec::new();
    keys(&Value::Array(listed.clone()), &mut all_keys);
    for forbidden in ["password", "secret", "uri"] {
        assert!(
            !all_keys.iter().any(|k| k == forbidden),
            "key {forbidden:?}"
        );
    }

    // And no password or secret text anywhere, however written.
    for credential in &credentials {
        if let Some(password) = credential["password"].as_str() {
            assert!(!out.contains(password), "password of {}", credential["id"]);
        }
        if let Some(totp) = Reference::of(credential) {
            assert!(
                !out.contains(&totp.secret),
                "secret of {}",
                credential["id"]
            );
            assert!(
                !out.contains(&totp.secret[..16]),
                "secret of {}",
                credential["id"]
            );
        }
        match &credential["totp"] {
            Value::String(uri) => assert!(!out.contains(uri.as_str())),
            Value::Object(totp) => {
                let raw = totp["secret"].as_str().unwrap();
                assert!(
                    !out.contains(raw),
                    "secret as written, {}",
                    credential["id"]
                );
            }
            _ => {}
        }
    }
    assert!(!out.contains("otpauth"));
}

// ---- code: expected values from oathtool ---------------------------------------------------

/// `oathtool --totp=ALG -d DIGITS -s PERIOD --now @AT -b SECRET`, secret as in the demo vault.
const OATHTOOL: &[(&str, u64, &str)] = &[
    // sha1 6 30 U4M2N3W5ITBMVF6TPW3C4CA23JROACB4
    ("101", NEW_YEAR, "649533"),
    ("101", NEW_YEAR + 29, "649533"),
    ("101", NEW_YEAR + 30, "611804"),
    ("101", 0, "302099"),
    // sha256 6 30 7UH6RZB2GKWD2Y453CDLMVPXUMIUFHXRKZAWZAX6XQNWKTRCGGIQ
    ("102", NEW_YEAR, "652930"),
    // sha512 8 30 7U4HPR4M...KDILY (leading zero kept)
    ("111", NEW_YEAR, "03621686"),
    // sha1 6 30 OA7SPNFJEICM2G2RR545HW2DPWW27IDL (written lower case with spaces)
    ("112", NEW_YEAR, "760413"),
    // sha256 8 30 Y2KGPEMU...CWL5Q
    ("121", 1_234_567_890, "00653025"),
    // sha1 6 60 WAUIXIPXVX3LIIVYLJVMMI7PTJTIOOFB
    ("123", NEW_YEAR, "481825"),
    // otpauth URI: sha1 6 30 DUIKF5IIKEVK2FG4FGOOXYJHJD3BDWEC
    ("124", NEW_YEAR, "065730"),
    // sha512 6 30 J3WYI4PE...PEPDA
    ("141", 1_234_567_890, "867836"),
    // sha1 7 30 CEGTZSXWR5UHYCUX2RYKU3777AGOCKG4
    ("161", NEW_YEAR, "1282566"),
    // otpauth URI: sha256 8 60 ZW5R5JUX...OPTQ
    ("162", NEW_YEAR, "21425058"),
];

#[test]
fn code_by_id_matches_oathtool() {
    for &(id, at, expected) in OATHTOOL {
        assert_eq!(code(id, at, false), expected, "credential {id} at {at}");
    }
}

#[test]
fn code_by_username_at_hostname_matches_oathtool() {
    // root exists on two hosts; the hostname picks 111, not 101.
    assert_eq!(code("root@srv-web-01", NEW_YEAR, false), "03621686");
    assert_eq!(code("root@srv-db-01", NEW_YEAR, false), "649533");
    // A username with an @ of its own: the last @ separates the hostname.
    assert_eq!(
        code("support@example.com@x.com", NEW_YEAR, false),
        "21425058"
    );
    assert_eq!(
        code("Administrator@dc-01", 1_234_567_890, false),
        "00653025"
    );
}

#[test]
fn next_is_the_code_of_the_following_step() {
    // oathtool ... --now @$((NEW_YEAR+30)) for 101, @$((NEW_YEAR+60)) for 123 and 162.
    assert_eq!(code("101", NEW_YEAR, true), "611804");
    assert_eq!(code("101", NEW_YEAR + 29, true), "611804");
    assert_eq!(code("123", NEW_YEAR, true), "421864");
    assert_eq!(code("162", NEW_YEAR + 59, true), "10914012");
}

// ---- code: expected values from totp-rs ----------------------------------------------------

/// A demo credential's TOTP settings, read from the JSON here, independently of credview.
struct Reference {
    secret: String,
    algorithm: totp_rs::Algorithm,
    digits: u8,
    period: u64,
}

impl Reference {
    fn of(credential: &Value) -> Option<Self> {
        let normal = |s: &str| {
            s.chars()
                .filter(|c| !matches!(c, ' ' | '-' | '='))
                .collect::<String>()
                .to_ascii_uppercase()
        };
        let algorithm = |s: &str| match s.to_ascii_uppercase().as_str() {
            "SHA1" => totp_rs::Algorithm::SHA1,
            "SHA256" => totp_rs::Algorithm::SHA256,
            "SHA512" => totp_rs::Algorithm::SHA512,
            other => panic!("algorithm {other}"),
        };
        match &credential["totp"] {
            Value::Object(totp) => Some(Self {
                secret: normal(totp["secret"].as_str().unwrap()),
                algorithm: totp
                    .get("algorithm")
                    .map_or(totp_rs::Algorithm::SHA1, |a| algorithm(a.as_str().unwrap())),
                digits: totp.get("digits").map_or(6, |d| d.as_u64().unwrap() as u8),
                period: totp.get("period").map_or(30, |p| p.as_u64().unwrap()),
            }),
            Value::String(uri) => {
                let query = uri.split_once('?').unwrap().1;
                let param = |name: &str| {
                    query
                        .split('&')
                        .find_map(|pair| pair.strip_prefix(&format!("{name}=")))
                };
                Some(Self {
                    secret: normal(param("secret").unwrap()),
                    algorithm: param("algorithm").map_or(totp_rs::Algorithm::SHA1, algorithm),
                    digits: param("digits").map_or(6, |d| d.parse().unwrap()),
                    period: param("period").map_or(30, |p| p.parse().unwrap()),
                })
            }
            _ => None,
        }
    }

    fn code(&self, at: u64) -> String {
        let secret = totp_rs::Secret::try_from_base32(&self.secret).unwrap();
        totp_rs::Builder::new()
            .with_algorithm(self.algorithm)
            .with_digits(self.digits)
            .with_step_duration(self.period)
            .with_secret(secret)
            // The demo has an 80-bit secret, which totp-rs's RFC check would refuse.
            .build_noncompliant()
            .generate(at)
            .to_string()
    }
}

fn permitted(credential: &Value) -> bool {
    let access = &credential["access"];
    access["view_password"].as_bool().unwrap_or(true)
        || access["start_session"].as_bool().unwrap_or(true)
}

#[test]
fn every_demo_code_matches_totp_rs() {
    let mut checked = 0;
    for credential in demo_credentials() {
        let Some(reference) = Reference::of(&credential) else {
            continue;
        };
        if !permitted(&credential) {
            continue;
        }
        let id = credential["id"].to_string();
        for at in [
            59,
            1_111_111_109,
            NEW_YEAR + 17,
            2_000_000_000,
            20_000_000_000,
        ] {
            assert_eq!(code(&id, at, false), reference.code(at), "{id} at {at}");
            assert_eq!(
                code(&id, at, true),
                reference.code(at + reference.period),
                "{id} --next at {at}"
            );
        }
        checked += 1;
    }
    assert_eq!(
        checked, 16,
        "demo credentials with a TOTP the operator may see"
    );
}

// ---- code: warnings and refusals -----------------------------------------------------------

#[test]
fn short_secret_warns_on_stderr_and_keeps_stdout_digits_only() {
    // oathtool --totp -b JBSWY3DPEHPK3PXP --now @1767225600 -> 260025
    credview()
        .args(["code", "132", "--at", &NEW_YEAR.to_string()])
        .assert()
        .success()
        .stdout("260025\n")
        .stderr(
            predicate::str::contains("short secret")
                .and(predicate::str::contains("80 bits"))
                .and(predicate::str::contains("132"))
                .and(predicate::str::contains("JBSW").not())
                .and(predicate::function(|s: &str| s.lines().count() == 1)),
        );
    // Long secrets: no warning at all.
    credview()
        .args(["code", "101", "--at", &NEW_YEAR.to_string()])
        .assert()
        .success()
        .stderr("");
}

/// Exit 1, nothing on stdout, and a message that says which credential and why.
#[test]
fn unavailable_credentials_exit_1() {
    for (name, says) in [
        ("999", "999"),
        ("root@no-such-host", "root@no-such-host"),
        ("103", "no TOTP"),
        ("113", "not shown"),
    ] {
        credview()
            .args(["code", name, "--at", "0"])
            .assert()
            .code(1)
            .stdout("")
            .stderr(predicate::str::contains(says));
    }
}

#[test]
fn ambiguous_username_at_hostname_exits_1() {
    let (_dir, path) = vault_file(
        r#"{"version": 1, "credentials": [
            {"id": 1, "username": "root", "device": {"hostname": "h"}},
            {"id": 2, "username": "root", "device": {"hostname": "h"}}]}"#,
        0o600,
    );
    credview()
        .arg("--vault")
        .arg(&path)
        .args(["code", "root@h", "--at", "0"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("1, 2"));
}

#[test]
fn negative_at_exits_2() {
    credview()
        .args(["code", "101", "--at", "-5"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("-5"));
}

#[test]
fn bad_usage_exits_2() {
    let cases: &[&[&str]] = &[
        &["frobnicate"],
        &["list", "--bogus"],
        &["--bogus", "list"],
        &["code"],
        &["code", "101", "--at"],
        &["code", "101", "--at", "yesterday"],
        &["code", "101", "--bogus"],
        &["code", "101", "102"],
    ];
    for args in cases {
        credview()
            .args(*args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains("panicked").not());
    }
}

// ---- where the vault comes from ------------------------------------------------------------

/// A vault with one credential whose username says where it came from.
fn marked_vault(marker: &str) -> String {
    format!(
        r#"{{"version": 1, "credentials": [{{"id": 7, "username": "{marker}",
            "device": {{"hostname": "srv-x"}},
            "totp": {{"secret": "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"}}}}]}}"#
    )
}

#[cfg(unix)]
fn write_with_mode(path: &Path, text: &str, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    let folder = path.parent().unwrap();
    std::fs::create_dir_all(folder).unwrap();
    // A folder others can list gets a warning of its own.
    std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o700)).unwrap();
    std::fs::write(path, text).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(not(unix))]
fn write_with_mode(path: &Path, text: &str, _mode: u32) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn vault_file(text: &str, mode: u32) -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vault.json");
    write_with_mode(&path, text, mode);
    (dir, path)
}

/// Every place a vault can come from, each holding a vault named after its place.
struct Places {
    _root: TempDir,
    flag: PathBuf,
    env: PathBuf,
    xdg: PathBuf,
    home: PathBuf,
}

impl Places {
    fn new() -> Self {
        let root = tempfile::tempdir().unwrap();
        let flag = root.path().join("flag.json");
        let env = root.path().join("env.json");
        let xdg = root.path().join("xdg");
        let home = root.path().join("home");
        write_with_mode(&flag, &marked_vault("from-flag"), 0o600);
        write_with_mode(&env, &marked_vault("from-env"), 0o600);
        write_with_mode(
            &xdg.join("credview/vault.json"),
            &marked_vault("from-xdg"),
            0o600,
        );
        write_with_mode(
            &home.join(".config/credview/vault.json"),
            &marked_vault("from-home"),
            0o600,
        );
        Self {
            _root: root,
            flag,
            env,
            xdg,
            home,
        }
    }
}

/// The usernames `list --json` shows, after checking stderr stayed empty.
fn listed_usernames(cmd: &mut Command) -> Vec<String> {
    let output = cmd.args(["list", "--json"]).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    assert!(output.stderr.is_empty(), "{output:?}");
    let listed: Value = serde_json::from_slice(&output.stdout).unwrap();
    listed
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["username"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn vault_flag_beats_everything() {
    let places = Places::new();
    let found = listed_usernames(
        credview()
            .arg("--vault")
            .arg(&places.flag)
            .env("CREDVIEW_VAULT", &places.env)
            .env("XDG_CONFIG_HOME", &places.xdg)
            .env("HOME", &places.home),
    );
    assert_eq!(found, ["from-flag"]);
}

#[test]
fn vault_flag_works_after_the_subcommand_too() {
    let places = Places::new();
    let output = credview()
        .args(["code", "7", "--at", "0", "--vault"])
        .arg(&places.flag)
        .env("CREDVIEW_VAULT", &places.env)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
}

#[test]
fn credview_vault_beats_xdg_and_home() {
    let places = Places::new();
    let found = listed_usernames(
        credview()
            .env("CREDVIEW_VAULT", &places.env)
            .env("XDG_CONFIG_HOME", &places.xdg)
            .env("HOME", &places.home),
    );
    assert_eq!(found, ["from-env"]);
}

#[test]
fn xdg_config_home_beats_home() {
    let places = Places::new();
    let found = listed_usernames(
        credview()
            .env("XDG_CONFIG_HOME", &places.xdg)
            .env("HOME", &places.home),
    );
    assert_eq!(found, ["from-xdg"]);
}

#[test]
fn home_config_is_the_default_xdg_place() {
    let places = Places::new();
    let found = listed_usernames(credview().env("HOME", &places.home));
    assert_eq!(found, ["from-home"]);
}

#[test]
fn empty_variables_count_as_unset() {
    let places = Places::new();
    let found = listed_usernames(
        credview()
            .env("CREDVIEW_VAULT", "")
            .env("XDG_CONFIG_HOME", "")
            .env("HOME", &places.home),
    );
    assert_eq!(found, ["from-home"]);
}

fn demo_usernames() -> Vec<String> {
    demo_credentials()
        .iter()
        .map(|c| c["username"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn empty_home_means_the_demo_vault() {
    let home = tempfile::tempdir().unwrap();
    let found = listed_usernames(credview().env("HOME", home.path()));
    assert_eq!(found, demo_usernames());
}

#[test]
fn no_environment_at_all_means_the_demo_vault() {
    assert_eq!(listed_usernames(&mut credview()), demo_usernames());
}

#[test]
fn xdg_set_without_a_vault_does_not_fall_back_to_home() {
    // XDG_CONFIG_HOME replaces ~/.config; with no vault there, it is the demo.
    let places = Places::new();
    let empty = tempfile::tempdir().unwrap();
    let found = listed_usernames(
        credview()
            .env("XDG_CONFIG_HOME", empty.path())
            .env("HOME", &places.home),
    );
    assert_eq!(found, demo_usernames());
}

#[test]
fn a_named_vault_that_is_missing_is_an_error_not_the_demo() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.json");
    credview()
        .env("CREDVIEW_VAULT", &missing)
        .arg("list")
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::starts_with(format!("error: {}: ", missing.display()))
                .and(predicate::str::contains("no such file")),
        );
}

// ---- the permission warning ----------------------------------------------------------------

#[cfg(unix)]
#[test]
fn a_vault_others_can_read_gets_a_warning() {
    let (_dir, path) = vault_file(&marked_vault("shared"), 0o644);
    credview()
        .arg("--vault")
        .arg(&path)
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("shared"))
        .stderr(
            predicate::str::starts_with("warning: ")
                .and(predicate::str::contains(path.display().to_string()))
                .and(predicate::str::contains("644"))
                .and(predicate::str::contains("chmod 600"))
                .and(predicate::function(|s: &str| s.lines().count() == 1)),
        );
    // The code still goes to stdout alone.
    credview()
        .arg("--vault")
        .arg(&path)
        .args(["code", "7", "--at", "0"])
        .assert()
        .success()
        .stdout(predicate::str::is_match(r"^[0-9]{6}\n$").unwrap())
        .stderr(predicate::str::contains("chmod 600"));
}

#[cfg(unix)]
#[test]
fn a_private_vault_gets_no_warning() {
    let (_dir, path) = vault_file(&marked_vault("private"), 0o600);
    credview()
        .arg("--vault")
        .arg(&path)
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("private"))
        .stderr("");
}
