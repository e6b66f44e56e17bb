//! Encrypted vaults through the built binary: `encrypt`/`decrypt` round trips, interop with
//! the real `age` tool both ways, and every way a file can be wrong (passphrase, key,
//! tampered byte, truncation), each a single `error:` line and exit status 2.
//!
//! Passphrase files cost a second of scrypt each, so only the tests about passphrases use
//! them; the others encrypt to an X25519 key, which is instant. The fixture
//! `data/encrypted/age-cli-passphrase.age` was made by the `age` tool itself:
//! `age -p -a -o age-cli-passphrase.age vault.json`, passphrase `credview test passphrase`.
//!
//! Without `age` and `age-keygen` on PATH (`.ci/run` installs them), the interop tests print
//! a note and pass.

mod common;

use std::fs;
use std::process::Command;

use common::{AGE_CLI_FIXTURE, FIXTURE_PASSPHRASE, Lab, PLAIN, one_error_line, text};

fn age_missing() -> bool {
    let found = ["age", "age-keygen"].iter().all(|tool| {
        Command::new(tool)
            .arg("--version")
            .output()
            .is_ok_and(|out| out.status.success())
    });
    if !found {
        eprintln!("note: age is not on PATH; skipping the interop test");
    }
    !found
}

#[test]
fn a_passphrase_round_trip_through_encrypt_list_and_decrypt() {
    let lab = Lab::new();
    let plain = lab.write("vault.json", PLAIN.as_bytes());
    let pass = lab.passphrase_file("pass", "correct horse battery");
    let out = lab
        .credview()
        .env("CREDVIEW_PASSPHRASE_FILE", &pass)
        .arg("encrypt")
        .arg(&plain)
        .arg(lab.path("vault.age"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(out.stdout.is_empty());
    assert!(text(&out.stderr).contains("still there"), "{out:?}");
    let encrypted = fs::read(lab.path("vault.age")).unwrap();
    assert!(encrypted.starts_with(b"age-encryption.org/v1\n-> scrypt "));
    assert!(!encrypted.windows(8).any(|w| w == b"Pw-Orcha"));
    assert_eq!(lab.mode("vault.age"), 0o600);
    assert_eq!(lab.names(), ["pass", "vault.age", "vault.json"]);

    let listed = lab.list_with_passphrase("vault.age", &pass);
    assert!(listed.contains("enc-db-01") && listed.contains("svc-lighthouse"));

    let out = lab
        .credview()
        .env("CREDVIEW_PASSPHRASE_FILE", &pass)
        .arg("decrypt")
        .arg(lab.path("vault.age"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(text(&out.stdout), PLAIN);
    let warning = text(&out.stderr);
    assert!(warning.starts_with("warning: ") && warning.contains("plain text"));
}

#[test]
fn a_vault_the_age_tool_encrypted_with_a_passphrase_opens() {
    let lab = Lab::new();
    lab.write("vault.age", AGE_CLI_FIXTURE);
    let pass = lab.passphrase_file("pass", FIXTURE_PASSPHRASE);
    let listed = lab.list_with_passphrase("vault.age", &pass);
    for expected in ["701", "702", "703", "enc-fw", "quartz"] {
        assert!(
            listed.contains(expected),
            "{expected} missing from {listed}"
        );
    }
}

#[test]
fn a_wrong_passphrase_is_one_line_and_status_2() {
    let lab = Lab::new();
    let vault = lab.write("vault.age", AGE_CLI_FIXTURE);
    let pass = lab.passphrase_file("pass", "not the passphrase");
    let out = lab
        .credview()
        .env("CREDVIEW_PASSPHRASE_FILE", &pass)
        .arg("--vault")
        .arg(&vault)
        .arg("list")
        .output()
        .unwrap();
    let line = one_error_line(&out);
    assert_eq!(
        line,
        format!(
            "error: {}: wrong passphrase (or the file was changed after it was encrypted)",
            vault.display()
        )
    );
}

#[test]
fn with_no_terminal_and_no_passphrase_file_it_says_what_to_set() {
    let lab = Lab::new();
    let vault = lab.write("vault.age", AGE_CLI_FIXTURE);
    let mut cmd = lab.credview();
    cmd.arg("--vault").arg(&vault).arg("list");
    common::without_terminal(&mut cmd);
    let line = one_error_line(&cmd.output().unwrap());
    assert!(
        line.contains("no terminal") && line.contains("CREDVIEW_PASSPHRASE_FILE"),
        "{line}"
    );
}

#[test]
fn key_vaults_interoperate_with_the_age_tool_both_ways() {
    if age_missing() {
        return;
    }
    let lab = Lab::new();
    let plain = lab.write("vault.json", PLAIN.as_bytes());
    let key = lab.path("key.txt");
    let made = Command::new("age-keygen")
        .arg("-o")
        .arg(&key)
        .output()
        .unwrap();
    assert!(made.status.success(), "{made:?}");
    let public = Command::new("age-keygen")
        .arg("-y")
        .arg(&key)
        .output()
        .unwrap();
    let public = text(&public.stdout).trim().to_owned();
    assert!(public.starts_with("age1"), "{public}");

    // age -> credview
    let by_age = lab.path("by-age.age");
    let out = Command::new("age")
        .args(["-r", &public, "-o"])
        .arg(&by_age)
        .arg(&plain)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    lab.chmod("by-age.age", 0o600);
    let listed = lab.list_with_identity("by-age.age", &key);
    assert!(listed.contains("enc-db-01"), "{listed}");

    // credview -> age, binary to the public key and armored to the identity's own key.
    for (name, args) in [
        ("to-public.age", vec!["--recipient", public.as_str()]),
        (
            "armored.age",
            vec!["--armor", "--identity", key.to_str().unwrap()],
        ),
    ] {
        let out = lab
            .credview()
            .arg("encrypt")
            .args(&args)
            .arg(&plain)
            .arg(lab.path(name))
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        let decrypted = Command::new("age")
            .arg("-d")
            .arg("-i")
            .arg(&key)
            .arg(lab.path(name))
            .output()
            .unwrap();
        assert!(decrypted.status.success(), "{decrypted:?}");
        assert_eq!(text(&decrypted.stdout), PLAIN);
    }
    let armored = fs::read(lab.path("armored.age")).unwrap();
    assert!(armored.starts_with(b"-----BEGIN AGE ENCRYPTED FILE-----"));
}

#[test]
fn key_vaults_need_the_right_identity() {
    let lab = Lab::new();
    let (vault, key) = lab.key_vault("vault.age");
    let out = lab.credview().arg("--vault").arg(&vault).output().unwrap();
    assert!(one_error_line(&out).contains("add --identity FILE"));

    let other = lab.write("other.txt", common::new_identity().as_bytes());
    let out = lab
        .credview()
        .arg("--identity")
        .arg(&other)
        .arg("--vault")
        .arg(&vault)
        .output()
        .unwrap();
    assert!(one_error_line(&out).contains("none of the --identity keys"));

    assert!(lab.list_with_identity("vault.age", &key).contains("quartz"));
}

#[test]
fn every_tampered_byte_is_refused_cleanly() {
    let lab = Lab::new();
    let (vault, key) = lab.key_vault("good.age");
    let good = fs::read(&vault).unwrap();
    let header = good.windows(4).position(|w| w == b"--- ").unwrap();
    // Every byte of the header, then a sample of the payload.
    let positions = (0..header + 48).chain((header + 48..good.len()).step_by(37));
    for at in positions.chain([good.len() - 1]) {
        let mut bad = good.clone();
        bad[at] ^= 0x01;
        let path = lab.write("bad.age", &bad);
        let out = lab
            .credview()
            .arg("--identity")
            .arg(&key)
            .arg("--vault")
            .arg(&path)
            .arg("list")
            .output()
            .unwrap();
        let line = one_error_line(&out);
        assert!(
            line.starts_with(&format!("error: {}: ", path.display())),
            "{at}: {line}"
        );
    }
}

#[test]
fn a_truncated_file_is_refused_cleanly() {
    let lab = Lab::new();
    let (vault, key) = lab.key_vault("good.age");
    let good = fs::read(&vault).unwrap();
    for length in [
        0,
        1,
        21,
        40,
        100,
        good.len() / 2,
        good.len() - 17,
        good.len() - 1,
    ] {
        let path = lab.write("cut.age", &good[..length]);
        let out = lab
            .credview()
            .arg("--identity")
            .arg(&key)
            .arg("--vault")
            .arg(&path)
            .output()
            .unwrap();
        let line = one_error_line(&out);
        assert!(
            line.contains("too soon") || line.contains("cut short"),
            "{length}: {line}"
        );
    }
}

#[test]
fn encrypt_never_replaces_a_file_without_force() {
    let lab = Lab::new();
    let plain = lab.write("vault.json", PLAIN.as_bytes());
    let existing = lab.write("out.age", b"keep me");
    let public = common::public_key_of(&common::new_identity());
    let encrypt = |force: bool| {
        let mut cmd = lab.credview();
        cmd.args(["encrypt", "--recipient", &public]);
        cmd.arg(&plain).arg(&existing);
        if force {
            cmd.arg("--force");
        }
        cmd.output().unwrap()
    };
    let line = one_error_line(&encrypt(false));
    assert!(
        line.contains("exists already") && line.contains("--force"),
        "{line}"
    );
    assert_eq!(fs::read(&existing).unwrap(), b"keep me");
    assert!(encrypt(true).status.success());
    assert!(
        fs::read(&existing)
            .unwrap()
            .starts_with(b"age-encryption.org/v1")
    );
    assert_eq!(lab.names(), ["out.age", "vault.json"]);
}

#[test]
fn decrypt_to_a_file_is_private_and_never_replaces_without_force() {
    let lab = Lab::new();
    let (vault, key) = lab.key_vault("vault.age");
    let decrypt = |force: bool| {
        let mut cmd = lab.credview();
        cmd.arg("--identity").arg(&key).arg("decrypt").arg(&vault);
        cmd.arg("-o").arg(lab.path("plain.json"));
        if force {
            cmd.arg("--force");
        }
        cmd.output().unwrap()
    };
    let out = decrypt(false);
    assert!(out.status.success() && out.stdout.is_empty(), "{out:?}");
    assert!(text(&out.stderr).contains("plain text"));
    assert_eq!(fs::read_to_string(lab.path("plain.json")).unwrap(), PLAIN);
    assert_eq!(lab.mode("plain.json"), 0o600);
    assert!(one_error_line(&decrypt(false)).contains("--force"));
    assert!(decrypt(true).status.success());
}

#[test]
fn a_failed_write_leaves_no_temporary_file() {
    let lab = Lab::new();
    let plain = lab.write("vault.json", PLAIN.as_bytes());
    // A folder in the way: even --force cannot rename onto it.
    fs::create_dir(lab.path("taken.age")).unwrap();
    lab.write("taken.age/inside", b"x");
    let public = common::public_key_of(&common::new_identity());
    let out = lab
        .credview()
        .args(["encrypt", "--force", "--recipient", &public])
        .arg(&plain)
        .arg(lab.path("taken.age"))
        .output()
        .unwrap();
    assert!(one_error_line(&out).contains("cannot write"));
    assert_eq!(lab.names(), ["taken.age", "vault.json"]);
}

#[test]
fn encrypt_checks_its_input_and_output_names() {
    let lab = Lab::new();
    lab.write("broken.json", b"{\"version\": 1, \"credentials\": [}");
    let public = common::public_key_of(&common::new_identity());
    let run = |input: &str, output: &str| {
        lab.credview()
            .args(["encrypt", "--recipient", &public])
            .arg(lab.path(input))
            .arg(lab.path(output))
            .output()
            .unwrap()
    };
    assert!(one_error_line(&run("broken.json", "out.age")).contains("broken.json:1:"));
    lab.write("vault.json", PLAIN.as_bytes());
    assert!(one_error_line(&run("vault.json", "out.json")).contains("must end in .age"));
    assert_eq!(lab.names(), ["broken.json", "vault.json"]);
}

#[test]
fn plain_json_named_age_and_a_symlink_into_an_open_folder_are_refused() {
    let lab = Lab::new();
    let misnamed = lab.write("plain.age", PLAIN.as_bytes());
    let out = lab
        .credview()
        .arg("--vault")
        .arg(&misnamed)
        .output()
        .unwrap();
    assert!(one_error_line(&out).contains("plain JSON"));

    fs::create_dir(lab.path("open")).unwrap();
    lab.chmod("open", 0o1777);
    let target = lab.write("open/vault.json", PLAIN.as_bytes());
    let link = lab.path("link.json");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let out = lab.credview().arg("--vault").arg(&link).output().unwrap();
    assert!(one_error_line(&out).contains("symlink"));
}

#[test]
fn a_folder_others_can_list_gets_its_own_warning() {
    let lab = Lab::new();
    let vault = lab.write("vault.json", PLAIN.as_bytes());
    lab.chmod(".", 0o755);
    let out = lab.credview().arg("--vault").arg(&vault).output().unwrap();
    assert!(out.status.success());
    let warning = text(&out.stderr);
    assert_eq!(warning.lines().count(), 1, "{warning}");
    assert!(warning.contains("folder") && warning.contains("chmod 700"));
}
