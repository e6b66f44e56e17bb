//! Commands that name one credential (`code`, `uri`, `verify`, `render`, `qr`) on a vault
//! larger than the reader's window: the whole file is still checked for JSON syntax and
//! repeated ids, and the credential named is found wherever it sits.
//!
//! Expected codes come from RFC 6238 Appendix B: the SHA1 seed `12345678901234567890`
//! (base32 below), 8 digits, gives 94287082 at T = 59 s.

mod common;

use common::{Lab, one_error_line, text};

const RFC_SECRET: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const RFC_CODE_AT_59: &str = "94287082";
/// Enough credentials (with their notes) to take several reads of the file, and to be checked
/// in two halves at once (a file of 4 MiB or more is).
const COUNT: u64 = 12_000;

/// One credential per line, so a line number names a credential: line `id + 2`.
fn credential(id: u64, totp: bool) -> String {
    let totp = if totp {
        format!(r#", "totp": {{"secret": "{RFC_SECRET}", "digits": 8}}"#)
    } else {
        String::new()
    };
    format!(
        r#"    {{"id": {id}, "username": "user{id}", "device": {{"hostname": "host{}"}}, "notes": "{}"{totp}}}"#,
        id % 7,
        "n".repeat(300)
    )
}

/// A vault of `COUNT` credentials, `target` with the RFC seed, `extra` as lines after the last.
fn vault(target: u64, extra: &[&str]) -> String {
    let mut lines: Vec<String> = (1..=COUNT).map(|id| credential(id, id == target)).collect();
    lines.extend(extra.iter().map(|line| (*line).to_owned()));
    format!(
        "{{\n  \"version\": 1, \"credentials\": [\n{}\n]}}\n",
        lines.join(",\n")
    )
}

fn run(lab: &Lab, args: &[&str]) -> std::process::Output {
    lab.credview()
        .arg("--no-audit")
        .arg("--vault")
        .arg(lab.path("vault.json"))
        .args(args)
        .output()
        .unwrap()
}

fn code_of(lab: &Lab, spec: &str) -> String {
    let out = run(lab, &["code", spec, "--at", "59"]);
    assert!(out.status.success(), "{out:?}");
    assert!(out.stderr.is_empty(), "{out:?}");
    text(&out.stdout)
}

#[test]
fn the_last_credential_is_found_by_id_and_by_name() {
    let lab = Lab::new();
    lab.write("vault.json", vault(COUNT, &[]).as_bytes());
    assert_eq!(
        code_of(&lab, &COUNT.to_string()),
        format!("{RFC_CODE_AT_59}\n")
    );
    let name = format!("user{COUNT}@host{}", COUNT % 7);
    assert_eq!(code_of(&lab, &name), format!("{RFC_CODE_AT_59}\n"));
}

#[test]
fn the_first_credential_is_found_and_a_missing_one_is_exit_1() {
    let lab = Lab::new();
    lab.write("vault.json", vault(1, &[]).as_bytes());
    assert_eq!(code_of(&lab, "1"), format!("{RFC_CODE_AT_59}\n"));
    let out = run(&lab, &["code", "99999"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(
        text(&out.stderr).contains("no credential has id 99999"),
        "{out:?}"
    );
    let out = run(&lab, &["code", "nobody@host1"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
}

#[test]
fn a_name_shared_by_two_credentials_is_ambiguous() {
    let lab = Lab::new();
    let twin = r#"    {"id": 90001, "username": "user7", "device": {"hostname": "host0"}}"#;
    lab.write("vault.json", vault(7, &[twin]).as_bytes());
    let out = run(&lab, &["code", "user7@host0"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(text(&out.stderr).contains("ids 7, 90001"), "{out:?}");
}

#[test]
fn a_duplicate_id_after_the_target_is_an_error_with_its_place() {
    let lab = Lab::new();
    let again = r#"    {"id": 12, "username": "again"}"#;
    lab.write("vault.json", vault(5, &[again]).as_bytes());
    let line = COUNT + 3;
    let error = one_error_line(&run(&lab, &["code", "5", "--at", "59"]));
    let path = lab.path("vault.json");
    assert!(
        error.starts_with(&format!("error: {}:{line}:", path.display())),
        "{error}"
    );
    assert!(error.contains("duplicate id 12"), "{error}");
}

#[test]
fn a_syntax_error_after_the_target_is_an_error_with_its_place() {
    let lab = Lab::new();
    let broken = r#"    {"id": 90001, "username": "x",}"#;
    lab.write("vault.json", vault(5, &[broken]).as_bytes());
    let line = COUNT + 3;
    for args in [
        &["code", "5"][..],
        &["uri", "5"],
        &["verify", "5", RFC_CODE_AT_59, "--at", "59"],
    ] {
        let error = one_error_line(&run(&lab, args));
        let path = lab.path("vault.json");
        assert!(
            error.starts_with(&format!("error: {}:{line}:", path.display())),
            "{args:?}: {error}"
        );
    }
}

#[test]
fn a_file_cut_short_after_the_target_is_an_error() {
    let lab = Lab::new();
    let whole = vault(5, &[]);
    lab.write("vault.json", &whole.as_bytes()[..whole.len() - 4]);
    let error = one_error_line(&run(&lab, &["code", "5"]));
    assert!(error.contains("the file ends too soon"), "{error}");
}

#[test]
fn a_bad_field_in_the_named_credential_is_an_error() {
    let lab = Lab::new();
    let text = vault(5, &[]).replace(r#""digits": 8"#, r#""digits": 12"#);
    lab.write("vault.json", text.as_bytes());
    let error = one_error_line(&run(&lab, &["code", "5"]));
    assert!(error.contains(":7:"), "line 7 holds credential 5: {error}");
    assert!(error.contains("credential 5, totp"), "{error}");
}

#[test]
fn what_the_quick_check_leaves_to_the_full_reader_still_works() {
    let lab = Lab::new();
    // An escaped field name: legal JSON the full reader reads as `id`.
    let escaped = r#"    {"\u0069d": 90001, "username": "escaped"}"#;
    lab.write("vault.json", vault(COUNT, &[escaped]).as_bytes());
    assert_eq!(
        code_of(&lab, &COUNT.to_string()),
        format!("{RFC_CODE_AT_59}\n")
    );
}

#[test]
fn verify_uri_and_render_read_the_named_credential() {
    let lab = Lab::new();
    lab.write("vault.json", vault(COUNT, &[]).as_bytes());
    let id = COUNT.to_string();
    let out = run(&lab, &["verify", &id, RFC_CODE_AT_59, "--at", "59"]);
    assert!(out.status.success(), "{out:?}");
    let out = run(&lab, &["uri", &id]);
    assert!(out.status.success(), "{out:?}");
    assert!(
        text(&out.stdout).contains(&format!("secret={RFC_SECRET}")),
        "{out:?}"
    );
    let template = lab.write("t.txt", b"[#USERNAME#] [#TOTP_TOKEN#]\n");
    let out = lab
        .credview()
        .arg("--no-audit")
        .arg("--vault")
        .arg(lab.path("vault.json"))
        .args(["render", "--credential", &id, "--at", "59"])
        .arg(&template)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(text(&out.stdout), format!("user{COUNT} {RFC_CODE_AT_59}\n"));
}
