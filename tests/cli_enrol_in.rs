//! Enrolment on the way in, run as a user would: `add` and `totp set` from a typed secret, a
//! Key URI and screenshots of QR codes made by the real `qrencode` (several sizes, inside a
//! larger picture, inverted, PNG/JPEG/GIF). Expected codes come from `oathtool`.

mod enrol_lab;

use std::fs;
use std::path::Path;
use std::process::Command;

use enrol_lab::Lab;
use image::{GrayImage, ImageFormat, Luma};

/// 2026-01-01T00:00:10Z.
const AT: u64 = 1_767_225_610;
const SECRET: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

fn oathtool(args: &[&str], secret: &str) -> String {
    let out = Command::new("oathtool")
        .args(args)
        .args(["--now", &format!("@{AT}"), "-b", secret])
        .output()
        .expect("oathtool is installed (see .ci/run)");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

fn code_at(lab: &Lab, id: &str) -> String {
    lab.ok(&["code", id, "--at", &AT.to_string()])
        .0
        .trim()
        .to_owned()
}

fn qrencode(text: &str, scale: u32, inverted: bool, out: &Path) {
    let mut cmd = Command::new("qrencode");
    cmd.args(["-s", &scale.to_string(), "-m", "4", "-o"])
        .arg(out)
        .arg(text);
    if inverted {
        cmd.args(["--foreground=FFFFFF", "--background=000000"]);
    }
    let status = cmd.status().expect("qrencode is installed (see .ci/run)");
    assert!(status.success());
}

/// The code pasted at (`left`, `top`) of a 1280×800 screenshot with other things on it.
fn screenshot(code: &Path, left: u32, top: u32, out: &Path, format: ImageFormat) {
    let code = image::open(code).unwrap().into_luma8();
    let mut page = GrayImage::from_pixel(1280, 800, Luma([236]));
    // A header bar, some "text" lines and a button, as a web page has.
    for y in 0..60 {
        for x in 0..1280 {
            page.put_pixel(x, y, Luma([40]));
        }
    }
    for line in 0..12 {
        for y in 100 + line * 30..108 + line * 30 {
            for x in 40..40 + 200 + (line * 37) % 300 {
                page.put_pixel(x, y, Luma([90]));
            }
        }
    }
    for y in 700..740 {
        for x in 900..1100 {
            page.put_pixel(x, y, Luma([20]));
        }
    }
    image::imageops::overlay(&mut page, &code, i64::from(left), i64::from(top));
    // GIF is written from RGBA only.
    let page = image::DynamicImage::ImageLuma8(page).to_rgba8();
    let page = image::DynamicImage::ImageRgba8(page);
    let page = match format {
        ImageFormat::Gif => page,
        _ => image::DynamicImage::ImageRgb8(page.to_rgb8()),
    };
    page.save_with_format(out, format).unwrap();
}

#[test]
fn qr_screenshots_enrol_the_code_oathtool_computes() {
    let lab = Lab::new();
    let uri = format!(
        "otpauth://totp/Z-API:me%40example.com?secret={SECRET}&issuer=Z-API&algorithm=SHA256&digits=8&period=60"
    );
    let expected = oathtool(&["--totp=SHA256", "-d", "8", "-s", "60"], SECRET);
    // (pixels a module, inverted, placed in a larger picture, format)
    let cases = [
        (2, false, false, ImageFormat::Png),
        (3, false, true, ImageFormat::Png),
        (8, false, true, ImageFormat::Png),
        (4, true, false, ImageFormat::Png),
        (4, true, true, ImageFormat::Png),
        (5, false, true, ImageFormat::Jpeg),
        (4, false, true, ImageFormat::Gif),
    ];
    for (n, (scale, inverted, in_page, format)) in cases.into_iter().enumerate() {
        let code = lab.path(&format!("code{n}.png"));
        qrencode(&uri, scale, inverted, &code);
        let shot = if in_page {
            let ext = format.extensions_str()[0];
            let shot = lab.path(&format!("shot{n}.{ext}"));
            screenshot(&code, 700, 180, &shot, format);
            shot
        } else {
            code
        };
        let username = format!("user{n}");
        let (stdout, stderr) = lab.ok(&[
            "add",
            "--username",
            &username,
            "--hostname",
            "z-api.io",
            "--qr-image",
            shot.to_str().unwrap(),
        ]);
        let id = stdout.trim();
        assert!(id.parse::<u64>().is_ok(), "{stdout}");
        assert!(stderr.contains("valid"), "{stderr}");
        assert!(!stderr.contains(SECRET) && !stdout.contains(SECRET));
        assert_eq!(code_at(&lab, id), expected, "case {n}: scale {scale}");
    }
}

#[test]
fn set_replace_and_remove_round_trip() {
    let lab = Lab::new();
    let (stdout, _) = lab.ok(&[
        "add",
        "--username",
        "me",
        "--hostname",
        "h",
        "--tags",
        "a,b",
    ]);
    let id = stdout.trim().to_owned();
    // Typed as people copy it: lower case, in groups.
    let typed = "gezd gnbv-gy3t qojq gezd gnbv gy3t qojq\n";
    let out = lab.run_with_input(&["totp", "set", &id, "--secret-stdin"], typed.as_bytes());
    assert!(out.status.success(), "{out:?}");
    let printed = String::from_utf8(out.stdout).unwrap();
    assert_eq!(printed.trim().len(), 6, "the first code: {printed}");
    assert_eq!(code_at(&lab, &id), oathtool(&["--totp"], SECRET));
    let stored = fs::read_to_string(lab.path("vault.json")).unwrap();
    assert!(
        stored.contains(&format!("\"secret\": \"{SECRET}\"")),
        "stored in upper case"
    );
    // Replacing needs --yes without a terminal; the vault is untouched until then.
    let before = fs::read(lab.path("vault.json")).unwrap();
    let uri = "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&algorithm=SHA512&digits=7";
    let (status, stderr) = lab.fails(&["totp", "set", &id, "--uri", uri]);
    assert_eq!(status, 2);
    assert!(stderr.contains("--yes"), "{stderr}");
    assert_eq!(fs::read(lab.path("vault.json")).unwrap(), before);
    lab.ok(&["totp", "set", &id, "--uri", uri, "--yes"]);
    let expected = oathtool(&["--totp=SHA512", "-d", "7"], "JBSWY3DPEHPK3PXP");
    assert_eq!(code_at(&lab, &id), expected);
    lab.ok(&["totp", "remove", &id, "--yes"]);
    let (status, stderr) = lab.fails(&["code", &id]);
    assert_eq!(status, 1, "{stderr}");
    let list = lab.ok(&["list", "--json"]).0;
    assert!(list.contains("\"me\""), "{list}");
    let events: Vec<String> = lab
        .audit_lines()
        .iter()
        .map(|line| serde_json::from_str::<serde_json::Value>(line).unwrap()["event"].to_string())
        .filter(|event| !event.contains("code"))
        .collect();
    assert_eq!(
        events,
        [
            "\"credential_added\"",
            "\"totp_set\"",
            "\"totp_set\"",
            "\"totp_removed\""
        ]
    );
    let log = fs::read_to_string(lab.path("audit.jsonl")).unwrap();
    assert!(!log.contains(SECRET) && !log.contains("JBSWY3DPEHPK3PXP"));
}

#[test]
fn images_without_a_key_uri_are_refused_in_one_line() {
    let lab = Lab::new();
    let before = fs::read(lab.path("vault.json")).unwrap();
    let link = lab.path("link.png");
    qrencode("https://example.com/help", 4, false, &link);
    let blank = lab.path("blank.png");
    GrayImage::from_pixel(300, 200, Luma([255]))
        .save(&blank)
        .unwrap();
    fs::write(lab.path("notes.txt"), "not an image").unwrap();
    let cases = [
        (link, "does not hold an otpauth:// Key URI"),
        (blank, "no QR code found"),
        (lab.path("notes.txt"), "not a PNG, JPEG or GIF image"),
    ];
    for (image, expected) in cases {
        let (status, stderr) = lab.fails(&[
            "totp",
            "set",
            "1",
            "--qr-image",
            image.to_str().unwrap(),
            "--yes",
        ]);
        assert_eq!(status, 2, "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains(expected), "{stderr}");
    }
    assert_eq!(fs::read(lab.path("vault.json")).unwrap(), before);
}
