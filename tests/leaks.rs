//! No secret of the test vault (`data/encrypted/vault.json`) ever reaches an error, a
//! warning, `Debug` output or a panic: its passwords, its TOTP secrets in upper and lower
//! case (and the bytes they decode to), and the passphrases and keys that open it.
//!
//! The binary is run on hostile inputs (broken vaults made by damaging the test vault right
//! where its secrets are, wrong keys, tampered and truncated files) and every stderr is
//! searched. A real panic is forced in a child process of this test binary, and its whole
//! output, backtrace included, is searched too.

mod common;

use std::path::Path;
use std::process::Command;

use age::secrecy::SecretString;
use common::{AGE_CLI_FIXTURE, FIXTURE_PASSPHRASE, Lab, PLAIN, new_identity, text};
use credview::vault::encrypted::{Identities, Keys};
use credview::vault::{Vault, load_file, load_file_with};

const PASSWORDS: [&str; 3] = [
    "Pw-Orchard-7f3a!x",
    "Pw-Lighthouse-93kq",
    "Pw-Quartz-Nebula-51",
];
const SECRETS: [&str; 3] = [
    "J5ZGG2DBOJSC243FMVSC2MRQGI3C2QKC",
    "JRUWO2DUNBXXK43FFVVWK6JNKRHVIUBB",
    "OF2WC4TUPIWW4ZLCOVWGCLJZG4ZTC6DZ",
];
/// What the secrets decode to.
const SECRET_BYTES: [&str; 3] = [
    "Orchard-seed-2026-AB",
    "Lighthouse-key-TOTP!",
    "quartz-nebula-9731xy",
];
const CHILD: &str = "CREDVIEW_LEAK_TEST_CHILD";

/// Fails if `output` holds any secret, or a telling piece of one.
fn assert_clean(what: &str, output: &str, extra: &[&str]) {
    let lower = output.to_lowercase();
    for secret in SECRETS.iter().chain(&SECRET_BYTES) {
        // Any 12 characters in a row would give a secret away, in either case.
        for piece in secret.as_bytes().windows(12) {
            let piece = String::from_utf8_lossy(piece).to_lowercase();
            assert!(!lower.contains(&piece), "{what} leaks {piece:?}:\n{output}");
        }
    }
    for secret in PASSWORDS.iter().chain(extra) {
        assert!(
            !output.contains(secret),
            "{what} leaks {secret:?}:\n{output}"
        );
    }
}

fn stderr_of(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.code().is_some_and(|code| code < 100),
        "{cmd:?} crashed: {out:?}"
    );
    text(&out.stderr)
}

/// A secret as the vault spells it (one is in lower case).
fn as_written(secret: &str) -> String {
    if PLAIN.contains(secret) {
        secret.to_owned()
    } else {
        secret.to_lowercase()
    }
}

/// The test vault damaged in ways that put an error right next to, or inside, a secret.
fn broken_vaults() -> Vec<(String, String)> {
    let mut broken = Vec::new();
    let mut swap = |name: &str, from: &str, to: &str| {
        assert!(PLAIN.contains(from), "{from}");
        broken.push((name.to_owned(), PLAIN.replacen(from, to, 1)));
    };
    for (i, password) in PASSWORDS.iter().enumerate() {
        swap(&format!("pw{i}-number"), &format!("\"{password}\""), "42");
        swap(
            &format!("pw{i}-list"),
            &format!("\"{password}\""),
            &format!("[\"{password}\"]"),
        );
        swap(
            &format!("pw{i}-bad-escape"),
            password,
            &format!("{password}\\q"),
        );
        swap(
            &format!("pw{i}-unknown-after"),
            &format!("\"{password}\","),
            &format!("\"{password}\", \"pasword\": \"{password}\","),
        );
    }
    for (i, secret) in SECRETS.iter().map(|s| as_written(s)).enumerate() {
        swap(
            &format!("s{i}-bad-char"),
            &secret,
            &format!("{}1{}", &secret[..16], &secret[16..]),
        );
        swap(&format!("s{i}-short"), &secret, &secret[..30]);
        // The Key URI's secret has no quotes of its own.
        if PLAIN.contains(&format!("\"{secret}\"")) {
            swap(
                &format!("s{i}-object"),
                &format!("\"{secret}\""),
                &format!("{{\"v\": \"{secret}\"}}"),
            );
        }
    }
    let lower = SECRETS[1].to_lowercase();
    swap("s1-lower-number", &format!("\"{lower}\""), "7");
    swap("s1-lower-bad", &lower, &format!("{lower}!"));
    swap("uri-digits", "&digits=6", "&digits=x");
    swap("uri-hotp", "otpauth://totp/", "otpauth://hotp/");
    swap(
        "uri-repeated",
        "&issuer=Lab",
        &format!("&secret={}", SECRETS[2]),
    );
    swap("duplicate-id", "\"id\": 702", "\"id\": 701");
    // Cut the file inside and around every secret.
    for secret in PASSWORDS.iter().chain(&SECRETS).map(|s| as_written(s)) {
        let at = PLAIN.find(&secret).unwrap();
        for cut in [at - 1, at + 3, at + secret.len() / 2, at + secret.len()] {
            broken.push((format!("cut-{cut}"), PLAIN[..cut].to_owned()));
        }
    }
    broken
}

#[test]
fn no_error_about_a_broken_vault_shows_a_secret() {
    let lab = Lab::new();
    for (name, text) in broken_vaults() {
        let path = lab.write(&format!("{name}.json"), text.as_bytes());
        let stderr = stderr_of(lab.credview().arg("--vault").arg(&path).arg("list"));
        assert!(stderr.starts_with("error: "), "{name} loaded: {stderr}");
        assert_clean(&name, &stderr, &[]);
        // The same error in-process, through Display and Debug.
        let error = load_file(&path).unwrap_err();
        assert_clean(&name, &format!("{error} {error:?}"), &[]);
    }
}

#[test]
fn commands_on_the_good_vault_show_no_secret() {
    let lab = Lab::new();
    let path = lab.write("vault.json", PLAIN.as_bytes());
    for args in [
        &["list"][..],
        &["list", "--json"],
        &["code", "999"],
        &["code", "nobody@nowhere"],
        &["code", "701", "--at", "-5"],
        &["code", "--at"],
        &["encrypt", "vault.json", "vault.json"],
    ] {
        let out = lab
            .credview()
            .arg("--vault")
            .arg(&path)
            .args(args)
            .output()
            .unwrap();
        let all = format!("{}{}", text(&out.stdout), text(&out.stderr));
        assert_clean(&format!("{args:?}"), &all, &[]);
    }
}

#[test]
fn no_error_about_an_encrypted_vault_shows_a_secret_or_a_key() {
    let lab = Lab::new();
    let (vault, key) = lab.key_vault("vault.age");
    let key_text = std::fs::read_to_string(&key).unwrap();
    let key_text = key_text.trim();
    let other_key = new_identity();
    let other = lab.write("other.key", other_key.as_bytes());
    // An identity file that is really the vault: its lines must not be echoed.
    let not_a_key = lab.write("not-a-key.txt", PLAIN.as_bytes());
    let good = std::fs::read(&vault).unwrap();
    let mut tampered = good.clone();
    let last = tampered.len() - 1;
    tampered[last] ^= 1;
    let tampered = lab.write("tampered.age", &tampered);
    let truncated = lab.write("truncated.age", &good[..good.len() - 20]);
    let secrets = [key_text, other_key.trim(), FIXTURE_PASSPHRASE, "guess-Pw-9"];
    let mut runs: Vec<(&str, &Path, &Path)> = vec![
        ("wrong key", &other, &vault),
        ("not a key", &not_a_key, &vault),
        ("tampered", &key, &tampered),
        ("truncated", &key, &truncated),
    ];
    let misnamed = lab.write("plain.age", PLAIN.as_bytes());
    runs.push(("plain json", &key, &misnamed));
    for (what, identity, path) in runs {
        let stderr = stderr_of(
            lab.credview()
                .arg("--identity")
                .arg(identity)
                .arg("--vault")
                .arg(path),
        );
        assert!(stderr.starts_with("error: "), "{what}: {stderr}");
        assert_clean(what, &stderr, &secrets);
    }
    // A wrong passphrase on the age tool's file, and a passphrase file that is a folder.
    let fixture = lab.write("fixture.age", AGE_CLI_FIXTURE);
    let guess = lab.passphrase_file("guess", "guess-Pw-9");
    for pass in [guess, lab.path(".")] {
        let stderr = stderr_of(
            lab.credview()
                .env("CREDVIEW_PASSPHRASE_FILE", &pass)
                .arg("--vault")
                .arg(&fixture),
        );
        assert!(stderr.starts_with("error: "), "{stderr}");
        assert_clean("passphrase", &stderr, &secrets);
    }
}

struct KeyFile(std::path::PathBuf);

impl Keys for KeyFile {
    fn passphrase(&mut self, _origin: &str) -> Result<SecretString, String> {
        Err("no passphrase here".into())
    }
    fn identities(&mut self) -> Result<Option<Identities>, String> {
        let text = std::fs::read(&self.0).map_err(|e| e.to_string())?;
        let file = age::IdentityFile::from_buffer(text.as_slice()).map_err(|e| e.to_string())?;
        file.into_identities().map(Some).map_err(|e| e.to_string())
    }
}

fn loaded(lab: &Lab) -> Vault {
    let (vault, key) = lab.key_vault("vault.age");
    load_file_with(&vault, &mut KeyFile(key)).unwrap()
}

#[test]
fn debug_output_of_a_loaded_vault_shows_no_secret() {
    let lab = Lab::new();
    let vault = loaded(&lab);
    assert_eq!(vault.credentials.len(), 3);
    assert_clean("Debug", &format!("{vault:?}"), &[]);
    assert_clean("pretty Debug", &format!("{vault:#?}"), &[]);
}

/// The child half of the panic test: does nothing unless the parent started it.
#[test]
fn panic_child() {
    if std::env::var_os(CHILD).is_none() {
        return;
    }
    let lab = Lab::new();
    let vault = loaded(&lab);
    // The way a real bug would print a vault: unwrap on a value that holds it.
    let result: Result<(), Vault> = std::hint::black_box(Err(vault));
    result.unwrap();
}

#[test]
fn a_forced_panic_shows_no_secret() {
    let out = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "panic_child",
            "--nocapture",
            "--test-threads",
            "1",
        ])
        .env(CHILD, "1")
        .env("RUST_BACKTRACE", "full")
        .output()
        .unwrap();
    let all = format!("{}{}", text(&out.stdout), text(&out.stderr));
    assert!(!out.status.success(), "the child did not panic: {all}");
    // The panic did print the vault (so the search below means something) ...
    assert!(all.contains("panicked") && all.contains("Vault {"), "{all}");
    assert!(all.contains("Password(redacted)"), "{all}");
    // ... and nothing secret in it.
    assert_clean("panic", &all, &[]);
}
