//! KeePassXC databases (`.kdbx`): entries with an `otp` attribute, read with the master
//! password (the same reader as `--vault x.kdbx`).

use std::path::{Path, PathBuf};

use age::secrecy::SecretString;
use serde_json::Value;

use super::entry::{self, Place};
use super::{Format, ImportError, Input, Parsed, Password};
use crate::vault::encrypted::{Identities, Keys};

pub struct Keepassxc;

const MAGIC: &[u8] = b"\x03\xD9\xA2\x9A";

/// The import's password source and key file, as the vault reader asks for them.
struct Asked<'a, 'b> {
    password: &'a mut Password<'b>,
    key_file: Option<&'a Path>,
}

impl Keys for Asked<'_, '_> {
    fn passphrase(&mut self, origin: &str) -> Result<SecretString, String> {
        let prompt = crate::t!("err-import-kdbx-password-prompt", file = origin);
        let password = (self.password)(&format!("{prompt} "))?;
        Ok(SecretString::from(password.as_str()))
    }

    fn identities(&mut self) -> Result<Option<Identities>, String> {
        Ok(None)
    }

    fn key_file(&self) -> Option<PathBuf> {
        self.key_file.map(Path::to_path_buf)
    }
}

impl Format for Keepassxc {
    fn id(&self) -> &'static str {
        "keepassxc"
    }

    fn name(&self) -> String {
        crate::t!("err-import-format-keepassxc")
    }

    fn detect(&self, input: &Input) -> bool {
        input.bytes.starts_with(MAGIC)
    }

    fn read(&self, input: &Input, password: &mut Password) -> Result<Parsed, ImportError> {
        let mut keys = Asked {
            password,
            key_file: input.key_file,
        };
        let json = crate::vault::kdbx::open(input.name, input.bytes, &mut keys)
            .map_err(|e| ImportError::new(e.message))?;
        // The database's passwords and secrets, as JSON: wiped when done.
        let mut vault = serde_json::from_slice::<Value>(&json)
            .map(super::json::Wiped)
            .map_err(|_| ImportError::new(crate::t!("err-import-kdbx-unreadable")))?;
        let mut parsed = Parsed::default();
        let credentials = super::json::Wiped(vault.0["credentials"].take());
        let credentials = credentials.as_array().map_or(&[][..], Vec::as_slice);
        for (index, credential) in credentials.iter().enumerate() {
            let Some(uri) = credential["totp"].as_str() else {
                continue;
            };
            let place = Place::Entry(index + 1);
            let text = |key: &str| credential[key].as_str();
            let read = super::otpauth::parse(uri, place).map(|mut entry| {
                entry.account = text("username").unwrap_or_default().to_owned();
                if let Some(title) = entry::non_empty(text("additional")) {
                    entry.issuer = Some(title);
                }
                entry.notes = entry::non_empty(text("notes"));
                entry.tags = credential["tags"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .chain(entry::non_empty(credential["device"]["hostname"].as_str()))
                    .collect();
                entry
            });
            parsed.entries.push(read);
        }
        Ok(parsed)
    }
}
