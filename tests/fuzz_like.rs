//! The fuzz targets' invariants inside `cargo test`: random inputs (proptest, a few hundred
//! cases per target), every input the fuzzer kept (`fuzz/corpus/`), and every input that once
//! crashed a target (`tests/data/fuzz-regressions/`). The fuzzing itself runs outside
//! `cargo test`: see `fuzz/` and the README's Reliability section.

mod fuzz_checks;

use std::path::{Path, PathBuf};

use proptest::prelude::*;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

type Check = fn(&[u8]);

const TARGETS: [(&str, Check); 8] = [
    ("vault_parse", fuzz_checks::vault_parse),
    ("secret_base32", fuzz_checks::secret_base32),
    ("key_uri", fuzz_checks::key_uri),
    ("template_render", fuzz_checks::template_render),
    ("app_update", fuzz_checks::app::app_update),
    ("qr_image", fuzz_checks::enrol::qr_image),
    ("enrol_input", fuzz_checks::enrol::enrol_input),
    ("import_any", fuzz_checks::import::import_any),
];

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files
}

fn replay(name: &str, check: Check, files: &[PathBuf]) {
    for path in files {
        let data = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let outcome = std::panic::catch_unwind(|| check(&data));
        assert!(outcome.is_ok(), "{name} fails on {}", path.display());
    }
}

/// Each stored corpus input, run through its target's checks; one test per target
/// (`corpus::vault_parse`, ...), so they run side by side.
mod corpus {
    use super::*;

    fn replay_corpus(name: &str) {
        let (_, check) = TARGETS
            .iter()
            .find(|(target, _)| *target == name)
            .expect("a target of that name");
        let files = files_in(&Path::new(ROOT).join("fuzz/corpus").join(name));
        assert!(!files.is_empty(), "the {name} corpus is missing");
        eprintln!("{name}: {} corpus inputs", files.len());
        replay(name, *check, &files);
    }

    macro_rules! corpus_tests {
        ($($target:ident),*) => {
            $(
                #[test]
                fn $target() {
                    replay_corpus(stringify!($target));
                }
            )*
        };
    }

    corpus_tests!(
        vault_parse,
        secret_base32,
        key_uri,
        template_render,
        app_update,
        qr_image,
        enrol_input,
        import_any
    );
}

/// Inputs that once made a target fail, named `TARGET-what`.
#[test]
fn former_fuzz_findings_stay_fixed() {
    let files = files_in(&Path::new(ROOT).join("tests/data/fuzz-regressions"));
    assert!(!files.is_empty(), "the regression inputs are missing");
    for path in &files {
        let file = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let target = TARGETS
            .iter()
            .find(|(name, _)| file.starts_with(&format!("{name}-")));
        let Some((name, check)) = target else {
            panic!("{file}: no target of that name");
        };
        replay(name, *check, std::slice::from_ref(path));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn vault_parse_holds(data in proptest::collection::vec(any::<u8>(), 0..512)) {
        fuzz_checks::vault_parse(&data);
    }

    /// Bytes that look like a vault: JSON punctuation, keys and values the reader knows.
    #[test]
    fn vault_parse_holds_on_json_like_text(parts in proptest::collection::vec(
        prop::sample::select(vec![
            "{", "}", "[", "]", ",", ":", "\"version\"", "1", "\"credentials\"", "\"id\"",
            "\"username\"", "\"root\"", "\"totp\"", "\"secret\"", "\"JBSWY3DP\"", "\"digits\"",
            "8", "\"period\"", "0", "-1", "1e400", "null", "true", "\"\\u0000\"", "\"\\u001b\"",
            "\n", " ", "\u{feff}", "\"otpauth://totp/x?secret=JBSWY3DP\"", "\"access\"",
        ]),
        0..64,
    )) {
        fuzz_checks::vault_parse(parts.concat().as_bytes());
    }

    /// Bytes that look like an export: the formats' keys and values, JSON and CSV punctuation.
    #[test]
    fn import_any_holds(parts in proptest::collection::vec(
        prop::sample::select(vec![
            "{", "}", "[", "]", ",", ":", "\"header\"", "\"db\"", "\"entries\"", "\"info\"",
            "\"secret\"", "\"JBSWY3DP\"", "\"type\"", "\"totp\"", "\"hotp\"", "\"steam\"",
            "\"digits\"", "9", "-1", "\"services\"", "\"schemaVersion\"", "\"tokens\"",
            "[-128, 127]", "\"items\"", "\"login\"", "\"totp\"", "\"content\"", "\"uri\"",
            "otpauth://totp/a:b?secret=JBSWY3DP&counter=18446744073709551616",
            "otpauth-migration://offline?data=", "CiAB", "%2B", "\n", "\"",
            "login_totp,name", "Group,Title,Username,TOTP", "null", "\u{1b}",
        ]),
        0..48,
    )) {
        fuzz_checks::import::import_any(parts.concat().as_bytes());
    }

    #[test]
    fn secret_base32_holds(text in "[A-Za-z2-7 =\\-01890é]{0,64}") {
        fuzz_checks::secret_base32(text.as_bytes());
    }

    #[test]
    fn key_uri_holds(
        label in "[a-zA-Z0-9:%@ +]{0,16}",
        query in proptest::collection::vec(
            ("(secret|issuer|algorithm|digits|period|image|SECRET)", "[A-Za-z0-9%+=: ]{0,12}"),
            0..6,
        ),
    ) {
        let query: Vec<String> = query.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let uri = format!("otpauth://totp/{label}?secret=JBSWY3DP&{}", query.join("&"));
        fuzz_checks::key_uri(uri.as_bytes());
    }

    #[test]
    fn template_render_holds(
        head in any::<u8>(),
        time in any::<u64>(),
        text in "([a-z \n]|\\[#|#\\]|\\[#TOTP_TOKEN#\\]|\\[username\\]|\\[#PASSWORD#\\]){0,24}",
    ) {
        let mut data = vec![head];
        data.extend_from_slice(&time.to_le_bytes());
        data.extend_from_slice(text.as_bytes());
        fuzz_checks::template_render(&data);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Typed secrets and Key URIs, well-formed and not: base32 and its look-alikes, spaces,
    /// dashes, padding, and URI parameters with values in and out of range.
    #[test]
    fn enrol_input_holds(
        secret in "[A-Za-z2-7 =\\-018é]{0,40}",
        uri in proptest::option::of((
            "(totp|hotp|TOTP|steam)",
            proptest::collection::vec(
                ("(secret|issuer|algorithm|digits|period)", "[A-Za-z0-9%=: -]{0,10}"),
                0..5,
            ),
        )),
    ) {
        let text = match uri {
            None => secret,
            Some((kind, query)) => {
                let query: Vec<String> = query.iter().map(|(k, v)| format!("{k}={v}")).collect();
                format!("otpauth://{kind}/x?secret={secret}&{}", query.join("&"))
            }
        };
        fuzz_checks::enrol::enrol_input(text.as_bytes());
    }
}

proptest! {
    // Decoding an image is slow next to the other targets: fewer cases.
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Real PNG, GIF and JPEG files of random grey pixels (the QR finder then sees noise),
    /// and the same files cut short or with a byte changed.
    #[test]
    fn qr_image_holds(
        width in 1u32..96,
        height in 1u32..96,
        seed in any::<u64>(),
        format in 0usize..3,
        damage in proptest::option::of((any::<prop::sample::Index>(), any::<u8>())),
    ) {
        let mut state = seed | 1;
        let image = image::GrayImage::from_fn(width, height, |_, _| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            // Mostly black or white, as a QR code's surroundings are.
            image::Luma([if state % 5 == 0 { (state >> 8) as u8 } else { ((state >> 3) & 1) as u8 * 255 }])
        });
        let format = [image::ImageFormat::Png, image::ImageFormat::Gif, image::ImageFormat::Jpeg][format];
        let picture = image::DynamicImage::ImageLuma8(image);
        let picture = match format {
            image::ImageFormat::Gif => image::DynamicImage::ImageRgba8(picture.to_rgba8()),
            _ => picture,
        };
        let mut bytes = Vec::new();
        picture.write_to(&mut std::io::Cursor::new(&mut bytes), format).unwrap();
        fuzz_checks::enrol::qr_image(&bytes);
        if let Some((at, value)) = damage {
            let at = at.index(bytes.len());
            let mut changed = bytes.clone();
            changed[at] = value;
            fuzz_checks::enrol::qr_image(&changed);
            fuzz_checks::enrol::qr_image(&bytes[..at]);
        }
    }
}

proptest! {
    // Each case is up to 64 messages, each followed by a render: fewer cases, same checks.
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn app_update_holds(data in proptest::collection::vec(any::<u8>(), 0..400)) {
        fuzz_checks::app::app_update(&data);
    }
}

/// Every one-byte change of a small vault (each byte removed, or replaced by one that matters
/// to JSON), through the vault reader's checks: among them, that the quick reader of one
/// credential refuses exactly the texts that are not JSON.
#[test]
fn every_one_byte_change_of_a_vault_holds() {
    let vault = br#"{"version": 1, "credentials": [
  {"id": 1, "username": "r\u00f8ot", "tags": ["a", "b"], "n": -1.5e+3, "x": [true, false, null],
   "device": {"hostname": "h1", "port": 22}, "totp": "otpauth://totp/A:r?secret=JBSWY3DPEHPK3PXP"},
  {"id": 2, "username": "b", "device": {"hostname": "h2"}, "notes": "tab\tno"}
]}"#;
    let replacements = [
        b'x', b'"', b'\\', b'{', b'}', b'[', b']', b',', b':', b' ', b'0', 0x01, 0xFF,
    ];
    for at in 0..vault.len() {
        let mut removed = vault.to_vec();
        removed.remove(at);
        fuzz_checks::vault_parse(&removed);
        for &byte in &replacements {
            let mut changed = vault.to_vec();
            changed[at] = byte;
            fuzz_checks::vault_parse(&changed);
        }
    }
}
