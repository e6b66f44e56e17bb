//! FreeOTP+'s JSON backup: `tokens`, each secret a list of signed bytes.

use serde::Deserialize;
use serde_json::Value;
use zeroize::Zeroizing;

use super::entry::{self, ImportedEntry, OtpKind, Place};
use super::{EntryError, Format, ImportError, Input, Parsed, Password, json};
use crate::otp::Secret;

pub struct FreeOtp;

#[derive(Deserialize)]
struct File {
    tokens: Vec<Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Token {
    algo: Option<String>,
    counter: Option<u64>,
    digits: Option<u64>,
    #[serde(default)]
    issuer_ext: String,
    #[serde(default)]
    label: String,
    period: Option<u64>,
    secret: Zeroizing<Vec<i16>>,
    #[serde(rename = "type")]
    kind: Option<String>,
}

impl Format for FreeOtp {
    fn id(&self) -> &'static str {
        "freeotp"
    }

    fn name(&self) -> String {
        crate::t!("err-import-format-freeotp")
    }

    fn detect(&self, input: &Input) -> bool {
        json::top(input).is_some_and(|top| json::has_keys(&top, &["tokens"]))
    }

    fn read(&self, input: &Input, _: &mut Password) -> Result<Parsed, ImportError> {
        let file: File = json::read(input)?;
        Ok(Parsed::numbered(file.tokens, read_token))
    }
}

fn read_token(value: Value, place: Place) -> Result<ImportedEntry, EntryError> {
    let raw: Token =
        serde_json::from_value(value).map_err(|e| EntryError::new(place, json::short(&e)))?;
    // Java bytes: -128..=127, written as signed numbers.
    let bytes: Option<Vec<u8>> = raw
        .secret
        .iter()
        .map(|&b| i8::try_from(b).ok().map(|b| b as u8))
        .collect();
    let bytes =
        bytes.ok_or_else(|| EntryError::new(place, crate::t!("err-import-freeotp-byte")))?;
    if bytes.is_empty() {
        return Err(EntryError::new(place, crate::t!("err-secret-empty")));
    }
    let mut entry = ImportedEntry::totp(Secret::from_bytes(bytes), raw.label.trim(), place);
    entry.issuer = entry::non_empty(Some(&raw.issuer_ext));
    entry.algorithm = entry::algorithm(raw.algo.as_deref().unwrap_or("SHA1"), place)?;
    entry.digits = entry::digits(raw.digits.unwrap_or(6), place)?;
    entry.kind = match raw
        .kind
        .as_deref()
        .unwrap_or("TOTP")
        .to_ascii_uppercase()
        .as_str()
    {
        "TOTP" => OtpKind::Totp {
            period: raw.period.unwrap_or(30),
        },
        "HOTP" => OtpKind::Hotp {
            counter: raw.counter.unwrap_or(0),
        },
        other => {
            return Err(EntryError::new(
                place,
                crate::t!("err-import-kind-unsupported", kind = entry::shown(other)),
            ));
        }
    };
    Ok(entry)
}
