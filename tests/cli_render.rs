//! `credview render`, run as a user would: every tag, the permission rules, template errors
//! with their position, and `--min-validity` at a fixed `--at`. Expected codes come from
//! totp-rs. On any error nothing reaches stdout and nothing is audited.

mod enrol_lab;

use std::fs;
use std::time::{Duration, Instant};

use enrol_lab::{Lab, reference_code};

/// 2026-01-01T00:00:10Z, 10 s into a 30 s step.
const AT: u64 = 1_767_225_610;
/// 25 s into the same step: 5 s left.
const LATE: u64 = 1_767_225_625;

/// Renders `template` (from a file) for credential `id`; stdout, or exit status and stderr.
fn render(lab: &Lab, id: &str, template: &str, extra: &[&str]) -> Result<String, (i32, String)> {
    let file = lab.path("template.txt");
    fs::write(&file, template).unwrap();
    let mut args = vec!["render", "--credential", id, file.to_str().unwrap()];
    args.extend(extra);
    let before = lab.audit_lines().len();
    let out = lab.run(&args);
    let stderr = String::from_utf8(out.stderr).unwrap();
    if out.status.success() {
        assert_eq!(lab.audit_lines().len(), before + 1, "one audit record");
        return Ok(String::from_utf8(out.stdout).unwrap());
    }
    assert!(out.stdout.is_empty(), "printed on error: {:?}", out.stdout);
    assert_eq!(
        lab.audit_lines().len(),
        before,
        "audited a failure: {stderr}"
    );
    Err((out.status.code().unwrap(), stderr))
}

const EVERY_TAG: &str = "u=[#USERNAME#] h=[#HOSTNAME#] ip=[#IP#] d=[#DOMAIN#] a=[#ADD_INFO#] \
                         p=[#CURRENT_PASSWORD#] t=[#TOTP_TOKEN#]\n\
                         web: [username] [password] [device_ip] [device_name] [token_totp] \
                         [other] $x[0] [#\n";

#[test]
fn every_tag_is_filled() {
    let lab = Lab::new();
    let code = reference_code(AT);
    let expected = format!(
        "u=deploy h=web-01 ip=10.1.2.3 d=corp.local a=blue env p=P@ss w0rd! t={code}\n\
         web: deploy P@ss w0rd! 10.1.2.3 web-01 {code} [other] $x[0] [#\n"
    );
    // A lone "[#" at the end of a line is unclosed, so the template above must fail...
    let at = AT.to_string();
    let (status, stderr) = render(&lab, "1", EVERY_TAG, &["--at", &at]).unwrap_err();
    assert_eq!(status, 2);
    assert!(stderr.contains("template.txt:2:"), "{stderr}");
    // ...and without it everything is replaced.
    let template = EVERY_TAG.replace(" [#\n", "\n");
    let expected = expected.replace(" [#\n", "\n");
    assert_eq!(
        render(&lab, "1", &template, &["--at", &at]).unwrap(),
        expected
    );
    // From standard input, with no file or with "-".
    for extra in [&[][..], &["-"][..]] {
        let mut args = vec!["render", "--credential", "deploy@web-01", "--at", &at];
        args.extend(extra);
        let out = lab.run_with_input(&args, template.as_bytes());
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(String::from_utf8(out.stdout).unwrap(), expected);
    }
    // Absent fields are empty.
    let plain = render(&lab, "4", "[[#DOMAIN#]|[#ADD_INFO#]|[#IP#]]", &[]).unwrap();
    assert_eq!(plain, "[||10.9.9.9]");
}

#[test]
fn each_tag_needs_its_permission() {
    let lab = Lab::new();
    let at = AT.to_string();
    let at = ["--at", at.as_str()];
    // Session rights: the token, not the password.
    assert_eq!(
        render(&lab, "2", "[#TOTP_TOKEN#]", &at),
        Ok(reference_code_2())
    );
    for tag in ["[#CURRENT_PASSWORD#]", "[password]"] {
        let (status, stderr) = render(&lab, "2", tag, &at).unwrap_err();
        assert_eq!(status, 1, "{tag}");
        assert!(
            stderr.contains("does not allow viewing the password"),
            "{stderr}"
        );
    }
    // No rights: no token; plain fields are not secret.
    let (status, stderr) = render(&lab, "3", "x [token_totp]", &at).unwrap_err();
    assert_eq!(status, 1);
    assert!(
        stderr.contains("neither viewing the password nor starting"),
        "{stderr}"
    );
    assert_eq!(
        render(&lab, "3", "[username]@[device_name]", &at).unwrap(),
        "ghost@web-01"
    );
    // No TOTP, no password.
    let (status, stderr) = render(&lab, "4", "[#TOTP_TOKEN#]", &at).unwrap_err();
    assert_eq!(
        (status, stderr.contains("has no TOTP configured")),
        (1, true)
    );
    assert_eq!(
        render(&lab, "4", "[#CURRENT_PASSWORD#]", &at).unwrap(),
        "no-totp-pw"
    );
    let (status, stderr) = render(&lab, "5", "[password]", &at).unwrap_err();
    assert_eq!(
        (status, stderr.contains("has no password")),
        (1, true),
        "{stderr}"
    );
    assert_eq!(render(&lab, "99", "[username]", &at).unwrap_err().0, 1);
}

/// Credential 2's secret differs from 1's; its code comes from totp-rs too.
fn reference_code_2() -> String {
    let secret = totp_rs::Secret::try_from_base32("MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U").unwrap();
    let totp = totp_rs::Builder::new().with_secret(secret);
    totp.build_noncompliant().generate(AT).to_string()
}

#[test]
fn template_errors_name_the_tag_and_the_place() {
    let lab = Lab::new();
    let cases = [
        (
            "line one\n  [#BOGUS#] x",
            "template.txt:2:3: unknown tag [#BOGUS#]",
        ),
        (
            "é[#username#]",
            "template.txt:1:2: unknown tag [#username#]",
        ),
        (
            "ok [#USERNAME#]\n[#USERNAME",
            "template.txt:2:1: \"[#\" is not closed",
        ),
        ("[#IP\n#]", "template.txt:1:1: \"[#\" is not closed"),
    ];
    for (template, message) in cases {
        let (status, stderr) = render(&lab, "1", template, &[]).unwrap_err();
        assert_eq!(status, 2, "{template:?}");
        assert!(stderr.contains(message), "{template:?}: {stderr}");
    }
    // An unreadable or non-UTF-8 template.
    let missing = lab.path("missing.txt");
    let out = lab.run(&["render", "--credential", "1", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let out = lab.run_with_input(&["render", "--credential", "1"], b"\xff[#USERNAME#]");
    assert_eq!((out.status.code(), out.stdout.is_empty()), (Some(2), true));
}

#[test]
fn min_validity_moves_to_the_next_code_at_the_edge() {
    let lab = Lab::new();
    let late = LATE.to_string();
    let with = |min: &str| {
        render(
            &lab,
            "1",
            "[#TOTP_TOKEN#]",
            &["--at", &late, "--min-validity", min],
        )
    };
    // 5 s left: enough for 5, not for 6.
    assert_eq!(with("5").unwrap(), reference_code(LATE));
    assert_eq!(with("6").unwrap(), reference_code(LATE + 5));
    assert_eq!(with("29").unwrap(), reference_code(LATE + 5));
    assert_ne!(reference_code(LATE), reference_code(LATE + 5));
    let (status, stderr) = with("30").unwrap_err();
    assert_eq!(status, 2);
    assert!(stderr.contains("can never be met"), "{stderr}");
    // No token, nothing to wait for.
    let plain = render(
        &lab,
        "1",
        "[#USERNAME#]",
        &["--at", &late, "--min-validity", "29"],
    );
    assert_eq!(plain.unwrap(), "deploy");
}

#[test]
fn min_validity_really_waits_on_the_clock() {
    let lab = Lab::new();
    // A 2 s step and at least 1 s wanted: when less is left (half the time) it sleeps to the
    // next step, never longer than one step.
    let started = Instant::now();
    let out = render(&lab, "7", "[#TOTP_TOKEN#]", &["--min-validity", "1"]).unwrap();
    // A wait past the step would pass 2 s; the bound is loose for a loaded machine.
    assert!(started.elapsed() < Duration::from_secs(20));
    assert!(
        out.len() == 6 && out.bytes().all(|b| b.is_ascii_digit()),
        "{out:?}"
    );
}
