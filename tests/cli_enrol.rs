//! Enrolment from the command line, run as a user would: `uri`, `qr` (checked by a real QR
//! decoder, `zbarimg`, on the terminal drawing turned into an image and on the PNG) and
//! `verify` at the edges of its window. Expected codes come from totp-rs, not from credview.

mod enrol_lab;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::process::{Command, Output};

use enrol_lab::{Lab, drawing_to_pgm, reference_code, zbar};

/// 2026-01-01T00:00:10Z: 10 s into a step, so ±N steps are unambiguous.
const AT: u64 = 1_767_225_610;

#[test]
fn the_terminal_qr_code_decodes_to_the_uri() {
    let lab = Lab::new();
    for id in ["1", "6"] {
        let (drawing, stderr) = lab.ok(&["qr", id]);
        let image = lab.path(&format!("qr-{id}.pgm"));
        drawing_to_pgm(&drawing, &image);
        assert_eq!(zbar(&image).as_deref(), Some(lab.uri(id).as_str()), "{id}");
        let warned = stderr.contains("SHA512 / 8 digits / 60 s: some authenticator apps assume");
        assert_eq!(warned, id == "6", "{id}: {stderr}");
    }
}

#[test]
fn the_demo_vaults_longest_uri_decodes_too() {
    // SHA512 with a 512-bit secret: the biggest code the demo vault makes.
    let out = Command::new(env!("CARGO_BIN_EXE_credview"))
        .env_clear()
        .args(["--no-audit", "qr", "111"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let lab = Lab::new();
    let image = lab.path("demo.pgm");
    drawing_to_pgm(&String::from_utf8(out.stdout).unwrap(), &image);
    let decoded = zbar(&image).unwrap();
    assert!(decoded.starts_with("otpauth://totp/srv-web-01:root@srv-web-01?secret=7U4HPR4M"));
    assert!(decoded.ends_with("&algorithm=SHA512&digits=8"), "{decoded}");
}

#[test]
fn the_png_decodes_to_the_uri_and_is_private() {
    let lab = Lab::new();
    let png = lab.path("qr.png");
    let (stdout, _) = lab.ok(&["qr", "1", "--png", png.to_str().unwrap()]);
    assert_eq!(stdout, "");
    assert_eq!(zbar(&png).as_deref(), Some(lab.uri("1").as_str()));
    assert_eq!(
        fs::metadata(&png).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let mut names: Vec<String> = fs::read_dir(lab.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["audit.jsonl", "qr.png", "vault.json"],
        "no temporary file left"
    );
}

#[test]
fn the_png_is_not_overwritten_without_force() {
    let lab = Lab::new();
    let png = lab.path("qr.png");
    fs::write(&png, b"keep me").unwrap();
    let (status, stderr) = lab.fails(&["qr", "1", "--png", png.to_str().unwrap()]);
    assert_eq!(status, 2);
    assert!(stderr.contains("--force"), "{stderr}");
    assert_eq!(fs::read(&png).unwrap(), b"keep me");
    lab.ok(&["qr", "6", "--png", png.to_str().unwrap(), "--force"]);
    assert_eq!(zbar(&png).as_deref(), Some(lab.uri("6").as_str()));
}

#[test]
fn an_unwritable_png_path_is_a_clear_error() {
    let lab = Lab::new();
    fs::write(lab.path("file"), b"").unwrap();
    for target in ["file/qr.png", "missing/qr.png"] {
        let png = lab.path(target);
        let (status, stderr) = lab.fails(&["qr", "1", "--png", png.to_str().unwrap()]);
        assert_eq!(status, 2, "{target}");
        assert!(
            stderr.starts_with("error: cannot write "),
            "{target}: {stderr}"
        );
        assert!(!png.exists());
    }
    // --force needs --png.
    assert_eq!(lab.fails(&["qr", "1", "--force"]).0, 2);
}

#[test]
fn uri_and_qr_refuse_as_code_does() {
    let lab = Lab::new();
    for command in ["uri", "qr"] {
        let (status, stderr) = lab.fails(&[command, "3"]);
        assert_eq!(status, 1);
        assert!(
            stderr.contains("neither viewing the password nor starting"),
            "{stderr}"
        );
        let (status, stderr) = lab.fails(&[command, "4"]);
        assert_eq!(status, 1);
        assert!(stderr.contains("has no TOTP configured"), "{stderr}");
        assert_eq!(lab.fails(&[command, "99"]).0, 1);
    }
    // Start-session rights are enough for the token, as in the PAM.
    assert!(
        lab.uri("2")
            .starts_with("otpauth://totp/web-01:ops@web-01?")
    );
}

fn verify(lab: &Lab, code: &str, window: Option<u64>) -> Output {
    let at = AT.to_string();
    let mut args = vec!["verify", "1", code, "--at", &at];
    let window = window.map(|w| w.to_string());
    if let Some(window) = &window {
        args.extend(["--window", window]);
    }
    lab.run(&args)
}

#[test]
fn verify_accepts_exactly_the_window() {
    let lab = Lab::new();
    for window in [0, 1, 2, 5] {
        let n = i64::try_from(window).unwrap();
        for offset in -n - 1..=n + 1 {
            let at = AT.checked_add_signed(offset * 30).unwrap();
            let out = verify(&lab, &reference_code(at), Some(window));
            let stdout = String::from_utf8(out.stdout).unwrap();
            if offset.abs() <= n {
                assert!(out.status.success(), "window {window} offset {offset}");
                let shown = if offset == 0 {
                    "0".into()
                } else {
                    format!("{offset:+}")
                };
                assert_eq!(stdout, format!("ok: matches step offset {shown}\n"));
            } else {
                assert_eq!(
                    out.status.code(),
                    Some(1),
                    "window {window} offset {offset}"
                );
                assert_eq!(stdout, "");
            }
        }
    }
    // The default window is 1.
    assert!(
        verify(&lab, &reference_code(AT - 30), None)
            .status
            .success()
    );
    assert_eq!(
        verify(&lab, &reference_code(AT - 60), None).status.code(),
        Some(1)
    );
}

#[test]
fn verify_refuses_malformed_codes_with_status_2() {
    let lab = Lab::new();
    let good = reference_code(AT);
    let cases = [
        (
            good[..5].to_owned(),
            "has 5 digits, but credential 1 (deploy@web-01) uses 6",
        ),
        (format!("{good}0"), "has 7 digits"),
        (format!("{}x", &good[..5]), "digits only"),
        (" 12345".to_owned(), "digits only"),
        (String::new(), "digits only"),
    ];
    for (code, message) in cases {
        let out = verify(&lab, &code, None);
        assert_eq!(out.status.code(), Some(2), "{code:?}");
        assert!(out.stdout.is_empty());
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.contains(message), "{code:?}: {stderr}");
        assert!(
            code.is_empty() || !stderr.contains(&code),
            "echoed the code: {stderr}"
        );
    }
    // A 6-digit code for an 8-digit credential.
    let at = AT.to_string();
    let (status, stderr) = lab.fails(&["verify", "6", &good, "--at", &at]);
    assert_eq!(status, 2, "{stderr}");
    assert_eq!(lab.fails(&["verify", "1", &good, "--window", "101"]).0, 2);
}

#[test]
fn verify_refuses_what_code_refuses() {
    let lab = Lab::new();
    for (id, status) in [("3", 1), ("4", 1), ("99", 1)] {
        assert_eq!(lab.fails(&["verify", id, "123456"]).0, status, "{id}");
    }
}
