//! Proton Authenticator's JSON export: `entries`, each a Key URI with a name and a note.

use serde::Deserialize;
use serde_json::Value;
use zeroize::Zeroizing;

use super::entry::{self, ImportedEntry, Place};
use super::{EntryError, Format, ImportError, Input, Parsed, Password, json};

pub struct Proton;

#[derive(Deserialize)]
struct File {
    entries: Vec<Value>,
}

#[derive(Deserialize)]
struct Entry {
    content: Content,
    note: Option<String>,
}

#[derive(Deserialize)]
struct Content {
    uri: Zeroizing<String>,
    name: Option<String>,
}

impl Format for Proton {
    fn id(&self) -> &'static str {
        "proton"
    }

    fn name(&self) -> String {
        crate::t!("err-import-format-proton")
    }

    fn detect(&self, input: &Input) -> bool {
        json::top(input).is_some_and(|top| {
            json::has_keys(&top, &["entries", "version"])
                && top["entries"]
                    .as_array()
                    .is_some_and(|all| all.iter().all(|e| json::has_keys(e, &["content"])))
        })
    }

    fn read(&self, input: &Input, _: &mut Password) -> Result<Parsed, ImportError> {
        let file: File = json::read(input)?;
        Ok(Parsed::numbered(file.entries, read_entry))
    }
}

fn read_entry(value: Value, place: Place) -> Result<ImportedEntry, EntryError> {
    let raw: Entry =
        serde_json::from_value(value).map_err(|e| EntryError::new(place, json::short(&e)))?;
    let mut entry = super::otpauth::parse(&raw.content.uri, place)?;
    // A Steam entry's URI has no label; its name says whose it is.
    if entry.account.is_empty() {
        entry.account = entry::non_empty(raw.content.name.as_deref()).unwrap_or_default();
    }
    entry.notes = entry::non_empty(raw.note.as_deref());
    Ok(entry)
}
