//! andOTP's plain JSON backup: an array of entries.

use serde::Deserialize;
use serde_json::Value;
use zeroize::Zeroizing;

use super::entry::{self, ImportedEntry, OtpKind, Place};
use super::{EntryError, Format, ImportError, Input, Parsed, Password, json};

pub struct AndOtp;

#[derive(Deserialize)]
struct Entry {
    secret: Zeroizing<String>,
    #[serde(default)]
    issuer: String,
    #[serde(default)]
    label: String,
    digits: Option<u64>,
    #[serde(rename = "type")]
    kind: Option<String>,
    algorithm: Option<String>,
    period: Option<u64>,
    counter: Option<u64>,
    #[serde(default)]
    tags: Vec<String>,
}

impl Format for AndOtp {
    fn id(&self) -> &'static str {
        "andotp"
    }

    fn name(&self) -> String {
        crate::t!("err-import-format-andotp")
    }

    fn detect(&self, input: &Input) -> bool {
        json::top(input).is_some_and(|top| {
            top.as_array()
                .and_then(|all| all.first())
                .is_some_and(|first| json::has_keys(first, &["secret", "type"]))
        })
    }

    fn read(&self, input: &Input, _: &mut Password) -> Result<Parsed, ImportError> {
        let all: Vec<Value> = json::read(input)?;
        Ok(Parsed::numbered(all, read_entry))
    }
}

fn read_entry(value: Value, place: Place) -> Result<ImportedEntry, EntryError> {
    let raw: Entry = serde_json::from_value(value)
        .map_err(|e| EntryError::new(place, super::json::short(&e)))?;
    let secret = entry::base32_secret(&raw.secret, place)?;
    let mut issuer = entry::non_empty(Some(&raw.issuer));
    // Older andOTP versions kept the issuer in the label: "Issuer - account" or "Issuer:account".
    let mut account = raw.label.trim().to_owned();
    if let Some((prefix, rest)) = raw.label.split_once(':')
        && (issuer.is_none() || issuer.as_deref() == Some(prefix.trim()))
    {
        issuer = entry::non_empty(Some(prefix));
        account = rest.trim().to_owned();
    }
    let mut entry = ImportedEntry::totp(secret, account, place);
    entry.issuer = issuer;
    entry.algorithm = entry::algorithm(raw.algorithm.as_deref().unwrap_or("SHA1"), place)?;
    entry.digits = entry::digits(raw.digits.unwrap_or(6), place)?;
    entry.tags = raw.tags;
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
        "STEAM" => OtpKind::Steam,
        other => {
            return Err(EntryError::new(
                place,
                crate::t!("err-import-kind-unsupported", kind = entry::shown(other)),
            ));
        }
    };
    if entry.kind == OtpKind::Steam {
        entry.digits = 5;
    }
    Ok(entry)
}
