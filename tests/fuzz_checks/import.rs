//! Every import format on any bytes: entries or one printable error, never a panic.

use credview::import::{self, FORMATS, Input};

pub fn import_any(data: &[u8]) {
    let input = Input {
        name: "fuzz",
        bytes: data,
        key_file: None,
    };
    // No password: an encrypted export stops before any key derivation.
    let mut no_password = |_: &str| Err("no password in fuzzing".to_owned());
    let _ = import::detect(&input);
    for format in FORMATS {
        match format.read(&input, &mut no_password) {
            Ok(parsed) => {
                for entry in parsed.entries {
                    match entry {
                        Ok(entry) => assert!(!format!("{entry:?}").contains("bytes: [")),
                        Err(error) => printable(&error.to_string()),
                    }
                }
                let _ = import::check_batches(&parsed.batches);
            }
            Err(error) => printable(&error.to_string()),
        }
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = import::migration::decode_url(text);
    }
}

fn printable(text: &str) {
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "a control character reaches the terminal: {text:?}"
    );
    assert!(text.chars().count() <= 2000, "a {} byte error", text.len());
}
