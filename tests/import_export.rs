//! Import and export on the built binary: fixtures written here, codes checked with oathtool,
//! Google export pictures made with qrencode (several codes pasted into one PNG), round trips,
//! and every bad input: exit 2, one line, the vault byte-for-byte as it was.

mod common;

use std::process::{Command, Output};

use common::Lab;

/// 2026-01-01T00:00:00Z.
const AT: u64 = 1_767_225_600;
const EMPTY: &str = "{\"version\": 1, \"credentials\": []}\n";

fn run(lab: &Lab, args: &[&str]) -> Output {
    lab.credview()
        .args(["--no-audit", "--vault", "v.json"])
        .args(args)
        .output()
        .unwrap()
}

fn ok(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn oathtool(args: &[&str]) -> String {
    let output = Command::new("oathtool")
        .args(args)
        .output()
        .expect("oathtool is installed");
    String::from_utf8(output.stdout).unwrap().trim().to_owned()
}

fn vault(lab: &Lab) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(lab.path("v.json")).unwrap()).unwrap()
}

/// The TOTP of credential `id` at AT, by credview.
fn code(lab: &Lab, id: &str) -> String {
    ok(&run(lab, &["code", id, "--at", &AT.to_string()]))
        .trim()
        .to_owned()
}

#[test]
fn imported_codes_match_oathtool_and_names_survive() {
    let lab = Lab::new();
    lab.write("v.json", EMPTY.as_bytes());
    let aegis = serde_json::json!({
        "version": 1, "header": {"slots": null, "params": null},
        "db": {"version": 2, "entries": [
            {"type": "totp", "name": "jørn: ops@bänk", "issuer": "Bänk Ærø", "note": "desk 4",
             "group": "Work", "info": {"secret": "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA",
             "algo": "SHA256", "digits": 7, "period": 45}},
            {"type": "hotp", "name": "bob", "issuer": "Token", "info": {"secret": "GEZDGNBVGY3TQOJQ",
             "algo": "SHA1", "digits": 6, "counter": 42}},
            {"type": "steam", "name": "gamer", "issuer": "Steam", "info": {"secret": "KRSXG5CTMVRXEZLU",
             "algo": "SHA1", "digits": 5, "period": 30}}
        ]}
    });
    lab.write("aegis.json", aegis.to_string().as_bytes());
    lab.write(
        "uris.txt",
        b"# mine\notpauth://totp/Ops:root%40srv?secret=JBSWY3DPEHPK3PXP&algorithm=SHA512&digits=8&period=60\n",
    );
    let output = run(&lab, &["import", "aegis.json", "uris.txt"]);
    let table = ok(&output);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("Aegis JSON export") && stderr.contains("Key URI list"),
        "{stderr}"
    );
    assert_eq!(table.matches("added as id").count(), 4, "{table}");

    let got = vault(&lab);
    let creds = got["credentials"].as_array().unwrap();
    assert_eq!(creds[0]["username"], "jørn: ops@bänk");
    assert_eq!(creds[0]["device"]["hostname"], "Bänk Ærø");
    assert_eq!(creds[0]["device"]["type"], "Web Application");
    assert_eq!(creds[0]["tags"], serde_json::json!(["Work"]));
    assert_eq!(creds[0]["notes"], "desk 4");
    let hotp = creds[1]["hotp"].to_string();
    assert!(
        hotp.contains("counter=42") || hotp.contains("\"counter\":42"),
        "{hotp}"
    );
    let steam = creds[2]["totp"].to_string();
    assert!(steam.contains("steam"), "{steam}");

    let at = format!("@{AT}");
    let expected = oathtool(&[
        "--totp=sha256",
        "-d",
        "7",
        "-s",
        "45",
        "--now",
        &at,
        "-b",
        "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA",
    ]);
    assert_eq!(code(&lab, "1"), expected);
    let expected = oathtool(&[
        "--totp=sha512",
        "-d",
        "8",
        "-s",
        "60",
        "--now",
        &at,
        "-b",
        "JBSWY3DPEHPK3PXP",
    ]);
    assert_eq!(code(&lab, "4"), expected);
    // The HOTP counter as imported: the code for counter 42, as oathtool computes it.
    let expected = oathtool(&["--hotp", "-c", "42", "-b", "GEZDGNBVGY3TQOJQ"]);
    let verified = run(&lab, &["verify", "2", &expected]);
    assert!(
        verified.status.success(),
        "{}",
        String::from_utf8_lossy(&verified.stderr)
    );

    // Importing again adds nothing and writes nothing.
    let before = std::fs::read(lab.path("v.json")).unwrap();
    let again = ok(&run(&lab, &["import", "uris.txt"]));
    assert!(
        again.contains("skipped: already in the vault as id 4"),
        "{again}"
    );
    assert_eq!(std::fs::read(lab.path("v.json")).unwrap(), before);
}

/// A protobuf varint, for payloads built here without credview's encoder.
fn varint(mut value: u64, out: &mut Vec<u8>) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

fn field(tag: u64, bytes: &[u8], out: &mut Vec<u8>) {
    varint(tag << 3 | 2, out);
    varint(bytes.len() as u64, out);
    out.extend_from_slice(bytes);
}

/// `otpauth-migration://` with one TOTP account, part `index` of `size`.
fn migration(secret: &[u8], name: &str, index: u64, size: u64) -> String {
    let mut account = Vec::new();
    field(1, secret, &mut account);
    field(2, name.as_bytes(), &mut account);
    account.extend_from_slice(&[0x20, 1, 0x28, 1, 0x30, 2]);
    let mut payload = Vec::new();
    field(1, &account, &mut payload);
    for (tag, value) in [(2, 1), (3, size), (4, index), (5, 99)] {
        varint(tag << 3, &mut payload);
        varint(value, &mut payload);
    }
    let data = data_encoding::BASE64.encode(&payload);
    format!(
        "otpauth-migration://offline?data={}",
        data.replace('+', "%2B")
            .replace('/', "%2F")
            .replace('=', "%3D")
    )
}

fn qrencode(lab: &Lab, text: &str, name: &str) -> (u32, u32, Vec<u8>) {
    let path = lab.path(name);
    let status = Command::new("qrencode")
        .args(["-s", "4", "-o"])
        .arg(&path)
        .arg(text)
        .status();
    assert!(status.expect("qrencode is installed").success());
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&path).unwrap()));
    let mut decoder = decoder;
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().unwrap();
    let mut buffer = vec![0; reader.output_buffer_size().unwrap()];
    let frame = reader.next_frame(&mut buffer).unwrap();
    let channels = frame.color_type.samples();
    let grey = (0..(frame.width * frame.height) as usize)
        .map(|i| buffer[i * channels])
        .collect();
    (frame.width, frame.height, grey)
}

fn write_png(lab: &Lab, name: &str, width: u32, height: u32, grey: &[u8]) {
    let file = std::fs::File::create(lab.path(name)).unwrap();
    let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), width, height);
    encoder.set_color(png::ColorType::Grayscale);
    encoder
        .write_header()
        .unwrap()
        .write_image_data(grey)
        .unwrap();
}

#[test]
fn google_export_pictures_with_several_codes_and_a_missing_part() {
    let lab = Lab::new();
    lab.write("v.json", EMPTY.as_bytes());
    let parts = [
        migration(b"12345678901234567890", "ACME:alice", 0, 3),
        migration(b"abcdefghij", "Bank:bob", 1, 3),
        migration(b"0123456789", "Shop:carol", 2, 3),
    ];
    let (w0, h0, a) = qrencode(&lab, &parts[0], "a.png");
    let (w1, h1, b) = qrencode(&lab, &parts[1], "b.png");
    qrencode(&lab, &parts[2], "c.png");
    // The first two codes side by side in one picture, on white.
    let (width, height) = (w0 + w1 + 40, h0.max(h1));
    let mut both = vec![255u8; (width * height) as usize];
    for y in 0..height {
        for x in 0..width {
            let pixel = if x < w0 && y < h0 {
                a[(y * w0 + x) as usize]
            } else if x >= w0 + 40 && y < h1 {
                b[(y * w1 + x - w0 - 40) as usize]
            } else {
                255
            };
            both[(y * width + x) as usize] = pixel;
        }
    }
    write_png(&lab, "both.png", width, height, &both);

    let before = std::fs::read(lab.path("v.json")).unwrap();
    let missing = run(&lab, &["import", "both.png"]);
    assert_eq!(missing.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&missing.stderr);
    assert!(stderr.contains("part 3 is missing"), "{stderr}");
    assert_eq!(std::fs::read(lab.path("v.json")).unwrap(), before);

    let table = ok(&run(&lab, &["import", "both.png", "c.png"]));
    assert_eq!(table.matches("added as id").count(), 3, "{table}");
    let expected = oathtool(&[
        "--totp",
        "--now",
        &format!("@{AT}"),
        "-b",
        "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
    ]);
    let first = ok(&run(&lab, &["list", "--json"]));
    assert!(
        first.contains("alice") && first.contains("carol"),
        "{first}"
    );
    let id = if first.find("alice") < first.find("bob") {
        "1"
    } else {
        "2"
    };
    assert_eq!(code(&lab, id), expected);
}

#[test]
fn export_then_import_gives_back_every_setting() {
    let lab = Lab::new();
    lab.write("v.json", EMPTY.as_bytes());
    lab.write(
        "in.txt",
        "otpauth://totp/B%C3%A4nk:j%C3%B8rn%20x?secret=JBSWY3DPEHPK3PXP&digits=7&period=45&algorithm=SHA512\n\
         otpauth://hotp/Token:bob?secret=GEZDGNBVGY3TQOJQ&counter=42&digits=8\n\
         otpauth://totp/ACME:alice%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\n"
            .as_bytes(),
    );
    ok(&run(&lab, &["import", "in.txt"]));
    let original = vault(&lab);
    for format in ["otpauth", "aegis", "google"] {
        let exported = ok(&run(&lab, &["export", "--format", format, "--yes"]));
        let name = format!("out-{format}");
        lab.write(&name, exported.as_bytes());
        let other = Lab::new();
        other.write("v.json", EMPTY.as_bytes());
        std::fs::copy(lab.path(&name), other.path(&name)).unwrap();
        ok(&run(&other, &["import", &name]));
        let back = vault(&other);
        let expected: Vec<&serde_json::Value> = original["credentials"]
            .as_array()
            .unwrap()
            .iter()
            // Google Authenticator has no 7-digit codes: that one is left out and said so.
            .filter(|c| format != "google" || !c.to_string().contains("digits=7"))
            .collect();
        assert_eq!(
            back["credentials"].as_array().unwrap().len(),
            expected.len(),
            "{format}"
        );
        for (got, want) in back["credentials"].as_array().unwrap().iter().zip(expected) {
            let (mut got, mut want) = (got.clone(), want.clone());
            got["id"] = 0.into();
            want["id"] = 0.into();
            assert_eq!(got, want, "{format}");
        }
    }
}

#[test]
fn bad_inputs_are_one_line_exit_2_and_change_nothing() {
    let lab = Lab::new();
    lab.write(
        "v.json",
        b"{\"version\": 1, \"credentials\": [{\"id\": 1, \"username\": \"u\"}]}\n",
    );
    lab.write("pw", b"wrong\n");
    let sealed = r#"{"version":1,"header":{"slots":[{"type":1,"uuid":"x","key":"00","key_params":{"nonce":"000000000000000000000000","tag":"00000000000000000000000000000000"},"n":1024,"r":8,"p":1,"salt":"00"}],"params":{"nonce":"000000000000000000000000","tag":"00000000000000000000000000000000"}},"db":"AAAA"}"#;
    lab.write("enc.json", sealed.as_bytes());
    lab.write("cut.json", &sealed.as_bytes()[..100]);
    lab.write("proto.txt", b"otpauth-migration://offline?data=CiAB\n");
    lab.write("unknown.txt", b"hello world\n");
    qrencode(&lab, "https://example.com", "notmigration.png");
    let before = std::fs::read(lab.path("v.json")).unwrap();
    for (args, expected) in [
        (
            vec!["import", "enc.json", "--password-file", "pw"],
            "wrong password",
        ),
        (vec!["import", "cut.json"], "ends too soon"),
        (vec!["import", "proto.txt"], "bad protobuf"),
        (vec!["import", "unknown.txt"], "unknown format"),
        (
            vec!["import", "notmigration.png"],
            "not a Google Authenticator export",
        ),
        (
            vec!["import", "unknown.txt", "--format", "nope"],
            "unknown format \"nope\"",
        ),
    ] {
        let output = run(&lab, &args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error:")).collect();
        assert_eq!(errors.len(), 1, "{args:?}: {stderr}");
        assert!(errors[0].contains(expected), "{args:?}: {stderr}");
        assert_eq!(
            std::fs::read(lab.path("v.json")).unwrap(),
            before,
            "{args:?}"
        );
    }
}

/// The terminal drawing as a picture: each character is one module wide and two tall; a
/// drawn half is a light module (white), a blank one dark.
fn drawing_to_png(lab: &Lab, lines: &[&str], name: &str) {
    const SCALE: usize = 4;
    let width = lines.iter().map(|l| l.chars().count()).max().unwrap();
    let height = lines.len() * 2;
    let mut grey = vec![0u8; width * SCALE * height * SCALE];
    for (row, line) in lines.iter().enumerate() {
        for (x, ch) in line.chars().enumerate() {
            let (top, bottom) = match ch {
                '█' => (true, true),
                '▀' => (true, false),
                '▄' => (false, true),
                _ => (false, false),
            };
            for (half, light) in [(0, top), (1, bottom)] {
                for dy in 0..SCALE {
                    for dx in 0..SCALE {
                        let y = (row * 2 + half) * SCALE + dy;
                        grey[y * width * SCALE + x * SCALE + dx] = if light { 255 } else { 0 };
                    }
                }
            }
        }
    }
    write_png(
        lab,
        name,
        (width * SCALE) as u32,
        (height * SCALE) as u32,
        &grey,
    );
}

#[test]
fn exported_google_qr_codes_scan_with_zbarimg_and_import_back() {
    let lab = Lab::new();
    lab.write("v.json", EMPTY.as_bytes());
    let uris: Vec<String> = (0..12)
        .map(|n| {
            let secret =
                data_encoding::BASE32_NOPAD.encode(format!("secret number {n:02}!").as_bytes());
            format!("otpauth://totp/Site%20{n}:user{n}%40example.com?secret={secret}")
        })
        .collect();
    lab.write("in.txt", uris.join("\n").as_bytes());
    ok(&run(&lab, &["import", "in.txt"]));
    let drawing = ok(&run(
        &lab,
        &["export", "--format", "google", "--qr", "--yes"],
    ));
    let mut scanned = Vec::new();
    let mut code: Vec<&str> = Vec::new();
    for line in drawing.lines() {
        if line.trim_start().starts_with("code ") {
            assert!(line.contains("of 2"), "{line}");
            let name = format!("code{}.png", scanned.len());
            drawing_to_png(&lab, &code, &name);
            let zbar = Command::new("zbarimg")
                .args(["--raw", "-q"])
                .arg(lab.path(&name))
                .output()
                .expect("zbarimg is installed");
            let text = String::from_utf8(zbar.stdout).unwrap();
            assert!(
                text.starts_with("otpauth-migration://offline?data="),
                "{text}"
            );
            scanned.push(text.trim().to_owned());
            code.clear();
        } else if !line.trim().is_empty() {
            code.push(line);
        }
    }
    assert_eq!(scanned.len(), 2, "12 accounts make two codes of at most 10");
    let other = Lab::new();
    other.write("v.json", EMPTY.as_bytes());
    other.write("scanned.txt", scanned.join("\n").as_bytes());
    let table = ok(&run(&other, &["import", "scanned.txt"]));
    assert_eq!(table.matches("scanned.txt line 1").count(), 10, "{table}");
    assert_eq!(table.matches("scanned.txt line 2").count(), 2, "{table}");
    let (a, b) = (vault(&lab), vault(&other));
    assert_eq!(a["credentials"], b["credentials"]);
}
