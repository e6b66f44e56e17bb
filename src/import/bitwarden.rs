//! Bitwarden's unencrypted exports: JSON (`items` with `login.totp`) and CSV (`login_totp`).

use serde::Deserialize;
use serde_json::Value;
use zeroize::Zeroizing;

use super::entry::{self, ImportedEntry, Place};
use super::{EntryError, Format, ImportError, Input, Parsed, Password, csv_table, json};

pub struct BitwardenJson;
pub struct BitwardenCsv;

#[derive(Deserialize)]
struct File {
    #[serde(default)]
    encrypted: bool,
    #[serde(default)]
    folders: Vec<Folder>,
    #[serde(default)]
    items: Vec<Value>,
}

#[derive(Deserialize)]
struct Folder {
    id: String,
    name: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Item {
    #[serde(default)]
    name: String,
    notes: Option<String>,
    folder_id: Option<String>,
    login: Option<Login>,
}

#[derive(Deserialize)]
struct Login {
    username: Option<String>,
    totp: Option<Zeroizing<String>>,
}

impl Format for BitwardenJson {
    fn id(&self) -> &'static str {
        "bitwarden"
    }

    fn name(&self) -> String {
        crate::t!("err-import-format-bitwarden-json")
    }

    fn detect(&self, input: &Input) -> bool {
        json::top(input).is_some_and(|top| {
            json::has_keys(&top, &["items"]) && json::has_keys(&top, &["encrypted"])
                || json::has_keys(&top, &["items", "folders"])
        })
    }

    fn read(&self, input: &Input, _: &mut Password) -> Result<Parsed, ImportError> {
        let file: File = json::read(input)?;
        if file.encrypted {
            return Err(ImportError::new(crate::t!(
                "err-import-bitwarden-encrypted"
            )));
        }
        let mut parsed = Parsed::default();
        for (index, value) in file.items.into_iter().enumerate() {
            let place = Place::Entry(index + 1);
            match serde_json::from_value::<Item>(value) {
                Err(e) => parsed
                    .entries
                    .push(Err(EntryError::new(place, json::short(&e)))),
                Ok(item) => {
                    let Some(login) = item.login else { continue };
                    let Some(totp) = entry::non_empty(login.totp.as_ref().map(|t| t.as_str()))
                    else {
                        continue;
                    };
                    let folder = item
                        .folder_id
                        .and_then(|id| file.folders.iter().find(|f| f.id == id))
                        .map(|f| f.name.clone());
                    let fields = Fields {
                        totp: &totp,
                        name: &item.name,
                        username: login.username.as_deref(),
                        notes: item.notes.as_deref(),
                        folder: folder.as_deref(),
                    };
                    parsed.entries.push(fields.entry(place));
                }
            }
        }
        Ok(parsed)
    }
}

impl Format for BitwardenCsv {
    fn id(&self) -> &'static str {
        "bitwarden-csv"
    }

    fn name(&self) -> String {
        crate::t!("err-import-format-bitwarden-csv")
    }

    fn detect(&self, input: &Input) -> bool {
        csv_table::header_has(input, &["login_totp", "name"])
    }

    fn read(&self, input: &Input, _: &mut Password) -> Result<Parsed, ImportError> {
        let mut parsed = Parsed::default();
        csv_table::each_row(input, &["login_totp"], |row, place| {
            let Some(totp) = entry::non_empty(row.get("login_totp")) else {
                return;
            };
            let fields = Fields {
                totp: &totp,
                name: row.get("name").unwrap_or_default(),
                username: row.get("login_username"),
                notes: row.get("notes"),
                folder: row.get("folder"),
            };
            parsed.entries.push(fields.entry(place));
        })?;
        Ok(parsed)
    }
}

/// One login's fields, whichever export they came from.
struct Fields<'a> {
    totp: &'a str,
    name: &'a str,
    username: Option<&'a str>,
    notes: Option<&'a str>,
    folder: Option<&'a str>,
}

impl Fields<'_> {
    fn entry(&self, place: Place) -> Result<ImportedEntry, EntryError> {
        let mut entry = totp_field(self.totp, place)?;
        if let Some(username) = entry::non_empty(self.username) {
            entry.account = username;
        }
        if entry.issuer.is_none() || entry.issuer.as_deref() == Some("Steam") {
            entry.issuer = entry::non_empty(Some(self.name)).or(entry.issuer.take());
        }
        entry.notes = entry::non_empty(self.notes);
        entry.tags = entry::non_empty(self.folder).into_iter().collect();
        Ok(entry)
    }
}

/// A password manager's TOTP field: a Key URI, `steam://SECRET`, or a bare base32 secret.
pub(super) fn totp_field(text: &str, place: Place) -> Result<ImportedEntry, EntryError> {
    let text = text.trim();
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    if lower.starts_with("otpauth:") || lower.starts_with("steam://") {
        return super::otpauth::parse(text, place);
    }
    Ok(ImportedEntry::totp(
        entry::base32_secret(text, place)?,
        "",
        place,
    ))
}
