//! 2FAS's `.2fas` backup (plain): `services`, each with its `otp` settings, and `groups`.

use serde::Deserialize;
use serde_json::Value;
use zeroize::Zeroizing;

use super::entry::{self, ImportedEntry, OtpKind, Place};
use super::{EntryError, Format, ImportError, Input, Parsed, Password, json};

pub struct TwoFas;

#[derive(Deserialize)]
struct File {
    #[serde(default)]
    services: Vec<Value>,
    #[serde(default, rename = "servicesEncrypted")]
    services_encrypted: Option<String>,
    #[serde(default)]
    groups: Vec<Group>,
}

#[derive(Deserialize)]
struct Group {
    id: String,
    name: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Service {
    #[serde(default)]
    name: String,
    secret: Zeroizing<String>,
    #[serde(default)]
    otp: Otp,
    group_id: Option<String>,
    notes: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct Otp {
    account: Option<String>,
    issuer: Option<String>,
    digits: Option<u64>,
    period: Option<u64>,
    algorithm: Option<String>,
    token_type: Option<String>,
    counter: Option<u64>,
}

impl Format for TwoFas {
    fn id(&self) -> &'static str {
        "2fas"
    }

    fn name(&self) -> String {
        crate::t!("err-import-format-twofas")
    }

    fn detect(&self, input: &Input) -> bool {
        json::top(input).is_some_and(|top| json::has_keys(&top, &["services", "schemaVersion"]))
    }

    fn read(&self, input: &Input, _: &mut Password) -> Result<Parsed, ImportError> {
        let file: File = json::read(input)?;
        if file.services.is_empty() && file.services_encrypted.is_some_and(|s| !s.is_empty()) {
            return Err(ImportError::new(crate::t!("err-import-twofas-encrypted")));
        }
        Ok(Parsed::numbered(file.services, |value, place| {
            read_service(value, &file.groups, place)
        }))
    }
}

fn read_service(value: Value, groups: &[Group], place: Place) -> Result<ImportedEntry, EntryError> {
    let raw: Service =
        serde_json::from_value(value).map_err(|e| EntryError::new(place, json::short(&e)))?;
    let secret = entry::base32_secret(&raw.secret, place)?;
    let otp = raw.otp;
    let mut entry = ImportedEntry::totp(secret, otp.account.unwrap_or_default().trim(), place);
    entry.issuer = entry::non_empty(otp.issuer.as_deref()).or(entry::non_empty(Some(&raw.name)));
    entry.algorithm = entry::algorithm(otp.algorithm.as_deref().unwrap_or("SHA1"), place)?;
    entry.digits = entry::digits(otp.digits.unwrap_or(6), place)?;
    entry.notes = entry::non_empty(raw.notes.as_deref());
    entry.kind = match otp
        .token_type
        .as_deref()
        .unwrap_or("TOTP")
        .to_ascii_uppercase()
        .as_str()
    {
        "TOTP" => OtpKind::Totp {
            period: otp.period.unwrap_or(30),
        },
        "HOTP" => OtpKind::Hotp {
            counter: otp.counter.unwrap_or(0),
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
    entry.tags = raw
        .group_id
        .and_then(|id| groups.iter().find(|g| g.id == id))
        .map(|g| vec![g.name.clone()])
        .unwrap_or_default();
    Ok(entry)
}
