//! What every fuzz target checks, shared by the cargo-fuzz targets in `fuzz/` (which include
//! this file by path) and by `tests/fuzz_like.rs`, which runs the same checks on random and
//! stored inputs inside `cargo test`. Each function takes raw bytes and panics only when an
//! invariant breaks, so a panic anywhere is a finding.

// Each includer uses a subset of these.
#![allow(dead_code)]

pub mod app;
pub mod enrol;
pub mod import;

use credview::otp::{KeyUri, Secret, SecretError, Timestamp, Totp};
use credview::template::{Rendered, Template, TemplateError, Values};

/// The vault reader: any bytes give a vault or one positioned, printable error.
pub fn vault_parse(data: &[u8]) {
    one_credential_reader_agrees(data);
    match credview::vault::parse("fuzz.json", data) {
        Ok(vault) => {
            let mut ids = std::collections::HashSet::new();
            for credential in &vault.credentials {
                assert!(credential.id > 0, "id 0 accepted");
                assert!(ids.insert(credential.id), "duplicate id {}", credential.id);
                assert!(!credential.username.trim().is_empty(), "empty username");
            }
        }
        Err(error) => {
            let text = error.to_string();
            assert!(text.starts_with("fuzz.json"), "{text}");
            assert!(
                !text.chars().any(char::is_control),
                "a control character reaches the terminal: {text:?}"
            );
            // However long the names in the file, the error stays one screen of text.
            assert!(text.chars().count() <= 1100, "a {} byte error", text.len());
            if let Some((line, column)) = error.position {
                let lines = data.iter().filter(|&&b| b == b'\n').count() + 1;
                assert!(line >= 1 && column >= 1, "{text}");
                assert!(line <= lines, "line {line} of {lines}: {text}");
            }
        }
    }
}

/// The reader of one credential (`code ID` on a big vault checks the whole text quickly and
/// deserialises only the one named) against the full reader: text that is not JSON, or holds
/// an id twice, it refuses; a credential the full reader reads, it reads the same.
fn one_credential_reader_agrees(data: &[u8]) {
    use credview::vault::{VaultText, read_named};
    let named = |id: &str| {
        let text = VaultText::Memory(zeroize::Zeroizing::new(data.to_vec()));
        read_named("fuzz.json", text, id)
    };
    match credview::vault::parse("fuzz.json", data) {
        Ok(vault) => {
            for credential in vault.credentials.iter().take(3) {
                let read = named(&credential.id.to_string());
                let read = read
                    .map(|v| format!("{:?}", v.credentials))
                    .map_err(|e| e.to_string());
                assert_eq!(
                    read,
                    Ok(format!("{:?}", [credential])),
                    "id {}",
                    credential.id
                );
            }
        }
        Err(_) => {
            let json = std::str::from_utf8(data)
                .ok()
                .and_then(|text| serde_json::from_str::<serde_json::Value>(text).ok());
            let ids_repeat = json.as_ref().is_some_and(|v| {
                let ids: Vec<_> = v["credentials"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|c| &c["id"])
                    .collect();
                (1..ids.len()).any(|i| ids[..i].contains(&ids[i]))
            });
            if json.is_none() || ids_repeat {
                // One that is there, and one that is not (so nothing is deserialised).
                for id in ["1", "999999999"] {
                    assert!(
                        named(id).is_err(),
                        "{id}: read from a file the full reader refuses"
                    );
                }
            }
        }
    }
}

/// Base32 secrets: whatever decodes re-encodes to the same bytes; errors point inside the text.
pub fn secret_base32(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    match Secret::from_base32(&text) {
        Ok(secret) => {
            assert!(!secret.as_bytes().is_empty());
            let again = Secret::from_base32(&secret.to_base32());
            assert_eq!(again.as_ref(), Ok(&secret), "round trip of {text:?}");
        }
        Err(SecretError::InvalidCharacter { position }) => {
            assert!((1..=text.chars().count()).contains(&position), "{text:?}");
        }
        Err(SecretError::InvalidLength { length }) => assert!(length <= text.len()),
        Err(SecretError::Empty) => {}
    }
}

/// Key URIs: whatever parses prints back to a URI that parses to the same thing, and no
/// error message carries the secret.
pub fn key_uri(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    match KeyUri::parse(&text) {
        Ok(uri) => {
            let printed = uri.to_uri();
            let again = KeyUri::parse(&printed);
            assert_eq!(
                again.as_ref(),
                Ok(&uri),
                "{text:?} printed as {:?}",
                *printed
            );
            // The code at any moment is computable.
            let totp = Totp::new(&uri.secret, uri.params);
            let _ = totp.code(Timestamp::from_millis(u64::MAX));
        }
        Err(error) => {
            let message = error.to_string();
            assert!(message.chars().count() < 200, "{message}");
        }
    }
}

const SECRET: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

/// Templates: any text parses or names a place inside itself; a parsed one renders at any
/// time, with or without a token and a password, and the token it fills in is the code of
/// that moment.
pub fn template_render(data: &[u8]) {
    let Some((&head, rest)) = data.split_first() else {
        return;
    };
    let (time, rest) = take_u64(rest);
    let text = String::from_utf8_lossy(rest);
    let template = match Template::parse(&text) {
        Ok(template) => template,
        Err(
            TemplateError::UnknownTag { line, column, .. }
            | TemplateError::Unclosed { line, column },
        ) => {
            let lines = text.split('\n').count();
            assert!(line >= 1 && line <= lines && column >= 1, "{line}:{column}");
            return;
        }
    };
    let at = Timestamp::from_millis(time);
    let Ok(secret) = Secret::from_base32(SECRET) else {
        return;
    };
    let totp = Totp::new(&secret, credview::otp::Params::default());
    let values = Values {
        username: "root",
        hostname: "srv-db-01",
        ip: "10.20.0.11",
        domain: "corp.local",
        additional: "[#TOTP_TOKEN#]",
        password: (head & 1 == 1).then_some("pw"),
        totp: (head & 2 == 2).then(|| totp.clone()),
        code: None,
    };
    let min_validity = (head & 4 == 4).then_some(u64::from(head >> 3));
    match template.render(&values, at, min_validity) {
        Ok(Rendered::Text(out)) => {
            if template.needs_token() {
                let code = totp.code(at).to_string();
                assert!(out.contains(&code), "the token of {at:?} is missing");
            }
        }
        Ok(Rendered::WaitUntil(when)) => {
            assert!(
                when > at || when.as_millis() == u64::MAX,
                "{when:?} <= {at:?}"
            );
        }
        Err(_) => {}
    }
}

/// Eight bytes (fewer at the end, zero-filled) as a little-endian number, and what follows.
pub fn take_u64(data: &[u8]) -> (u64, &[u8]) {
    let n = data.len().min(8);
    let mut bytes = [0u8; 8];
    bytes[..n].copy_from_slice(&data[..n]);
    (u64::from_le_bytes(bytes), &data[n..])
}
