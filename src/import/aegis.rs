//! Aegis's JSON export, plain or encrypted with the export password (docs/vault.md).

use serde::Deserialize;
use serde_json::Value;
use zeroize::Zeroizing;

use super::aegis_crypt::{self, Header};
use super::entry::{self, ImportedEntry, OtpKind, Place};
use super::{EntryError, Format, ImportError, Input, Parsed, Password, json};

pub struct Aegis;

#[derive(Deserialize)]
struct File {
    header: Header,
    db: Value,
}

#[derive(Deserialize)]
struct Db {
    entries: Vec<Value>,
    /// Since db version 3: the groups, which entries name by uuid.
    #[serde(default)]
    groups: Vec<Group>,
}

#[derive(Deserialize)]
struct Group {
    uuid: String,
    name: String,
}

#[derive(Deserialize)]
struct Entry {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    issuer: String,
    #[serde(default)]
    note: Option<String>,
    /// Before db version 3: one group, by name.
    #[serde(default)]
    group: Option<String>,
    #[serde(default)]
    groups: Vec<String>,
    info: Info,
}

#[derive(Deserialize)]
struct Info {
    secret: Zeroizing<String>,
    algo: Option<String>,
    digits: Option<u64>,
    period: Option<u64>,
    counter: Option<u64>,
}

impl Format for Aegis {
    fn id(&self) -> &'static str {
        "aegis"
    }

    fn name(&self) -> String {
        crate::t!("err-import-format-aegis")
    }

    fn detect(&self, input: &Input) -> bool {
        json::top(input).is_some_and(|top| json::has_keys(&top, &["header", "db"]))
    }

    fn read(&self, input: &Input, password: &mut Password) -> Result<Parsed, ImportError> {
        let file: File = json::read(input)?;
        let mut file = file;
        let db: Db = match std::mem::take(&mut file.db) {
            Value::String(sealed) => {
                let plain = aegis_crypt::decrypt(input.name, &file.header, &sealed, password)?;
                let inner = super::Input {
                    name: input.name,
                    bytes: &plain,
                    key_file: None,
                };
                json::read(&inner)?
            }
            db @ Value::Object(_) => serde_json::from_value(db).map_err(|e| {
                ImportError::new(crate::t!("err-import-aegis-db", why = json::short(&e)))
            })?,
            _ => {
                return Err(ImportError::new(crate::t!("err-import-aegis-db-kind")));
            }
        };
        Ok(Parsed::numbered(db.entries, |value, place| {
            read_entry(value, &db.groups, place)
        }))
    }
}

fn read_entry(value: Value, groups: &[Group], place: Place) -> Result<ImportedEntry, EntryError> {
    let raw: Entry =
        serde_json::from_value(value).map_err(|e| EntryError::new(place, json::short(&e)))?;
    let secret = entry::base32_secret(&raw.info.secret, place)?;
    let mut entry = ImportedEntry::totp(secret, raw.name.trim(), place);
    entry.issuer = entry::non_empty(Some(&raw.issuer));
    entry.notes = entry::non_empty(raw.note.as_deref());
    entry.algorithm = entry::algorithm(raw.info.algo.as_deref().unwrap_or("SHA1"), place)?;
    entry.digits = entry::digits(raw.info.digits.unwrap_or(6), place)?;
    entry.kind = match raw.kind.to_ascii_lowercase().as_str() {
        "totp" => OtpKind::Totp {
            period: raw.info.period.unwrap_or(30),
        },
        "hotp" => OtpKind::Hotp {
            counter: raw.info.counter.unwrap_or(0),
        },
        "steam" => OtpKind::Steam,
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
        .groups
        .iter()
        .filter_map(|uuid| {
            groups
                .iter()
                .find(|g| &g.uuid == uuid)
                .map(|g| g.name.clone())
        })
        .chain(raw.group.filter(|g| !g.trim().is_empty()))
        .collect();
    Ok(entry)
}
