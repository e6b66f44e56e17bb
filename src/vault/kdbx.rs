//! KeePassXC databases (`.kdbx`, KDBX 4 and 3.1) opened read-only as vaults: each entry is a
//! credential, its group path (or, in the root group, its URL's host) the device, its `otp`
//! attribute the TOTP. The database becomes vault JSON in memory, so the rest of credview reads
//! it as it reads any vault.

use std::path::Path;

use keepass::db::{Entry, Group, Node};
use keepass::error::{DatabaseIntegrityError, DatabaseKeyError, DatabaseOpenError};
use keepass::{Database, DatabaseKey};
use serde_json::{Map, Value, json};
use zeroize::Zeroizing;

use super::encrypted::Keys;
use super::load::VaultError;
use crate::otp::KeyUri;

/// What any write to a KeePassXC database is told.
pub const READ_ONLY: &str = "KeePassXC databases are read-only here; to change these \
    accounts in credview, copy them into a credview vault with `credview import` (export the \
    database as CSV from KeePassXC first)";

/// A vault whose name ends in `.kdbx` is a KeePassXC database.
pub fn is_kdbx(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("kdbx"))
}

/// Decrypts the database with the master password and/or key file from `keys` and returns it
/// as vault JSON (wiped on drop).
pub fn open(
    origin: &str,
    bytes: &[u8],
    keys: &mut dyn Keys,
) -> Result<Zeroizing<Vec<u8>>, VaultError> {
    let fail = |message: String| VaultError::file(origin, message);
    let mut key = DatabaseKey::new();
    let key_file = keys.key_file();
    if let Some(path) = &key_file {
        let mut file = std::fs::File::open(path)
            .map_err(|e| fail(format!("--key-file {}: {e}", path.display())))?;
        key = key
            .with_keyfile(&mut file)
            .map_err(|e| fail(format!("--key-file {}: {e}", path.display())))?;
    }
    let password = keys.passphrase(origin).map_err(fail)?;
    // A database locked by a key file alone: an empty answer means no password, which is
    // not the same key as an empty password.
    use age::secrecy::ExposeSecret;
    if key_file.is_none() || !password.expose_secret().is_empty() {
        key = key.with_password(password.expose_secret());
    }
    let database = Database::parse(bytes, key).map_err(|e| fail(open_problem(&e)))?;
    let mut credentials = Vec::new();
    walk(&database.root, &[], &mut credentials);
    let vault = json!({"version": 1, "credentials": credentials});
    let text = serde_json::to_vec(&vault).map_err(|e| fail(e.to_string()))?;
    drop(vault);
    Ok(Zeroizing::new(text))
}

fn open_problem(error: &DatabaseOpenError) -> String {
    match error {
        DatabaseOpenError::Key(DatabaseKeyError::IncorrectKey) => {
            "wrong master password or key file for the KeePassXC database".into()
        }
        // KDBX 3.1 has no key check of its own: a wrong key shows as bad padding.
        DatabaseOpenError::Key(DatabaseKeyError::Cryptography(_))
        | DatabaseOpenError::DatabaseIntegrity(DatabaseIntegrityError::Cryptography(_)) => {
            "wrong master password or key file for the KeePassXC database (or it is damaged)".into()
        }
        DatabaseOpenError::Key(DatabaseKeyError::InvalidKeyFile) => {
            "the --key-file holds no KeePass key".into()
        }
        DatabaseOpenError::UnsupportedVersion => {
            "a KeePass database version credview cannot open (KDBX 3.1 and 4 are supported)".into()
        }
        DatabaseOpenError::Io(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            "the KeePassXC database ends too soon: it is truncated".into()
        }
        other => format!("the KeePassXC database cannot be read: {other}"),
    }
}

/// Every entry under `group`, depth first; `path` is the group path below the root.
fn walk(group: &Group, path: &[&str], out: &mut Vec<Value>) {
    for node in &group.children {
        match node {
            Node::Entry(entry) => {
                let id = out.len() as u64 + 1;
                out.push(credential(entry, path, id));
            }
            Node::Group(child) => {
                let mut deeper = path.to_vec();
                deeper.push(&child.name);
                walk(child, &deeper, out);
            }
        }
    }
}

fn credential(entry: &Entry, path: &[&str], id: u64) -> Value {
    let field = |name: &str| entry.get(name).map(str::trim).filter(|v| !v.is_empty());
    let title = field("Title");
    let url = field("URL");
    let host = url.and_then(url_host);
    let mut object = Map::new();
    object.insert("id".into(), json!(id));
    let username = field("UserName").or(title).unwrap_or("(no username)");
    object.insert("username".into(), json!(username));
    if let Some(title) = title {
        object.insert("additional".into(), json!(title));
    }
    if let Some(host) = &host {
        object.insert("domain".into(), json!(host));
    }
    let tags: Vec<&str> = entry
        .tags
        .iter()
        .flat_map(|t| t.split([';', ',']))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .collect();
    if !tags.is_empty() {
        object.insert("tags".into(), json!(tags));
    }
    let device = if path.is_empty() {
        host.clone()
    } else {
        Some(path.join("/"))
    };
    if let Some(device) = device {
        object.insert("device".into(), json!({"hostname": device}));
    }
    if let Some(password) = field("Password") {
        object.insert("password".into(), json!(password));
    }
    let mut notes = Vec::new();
    if let Some(url) = url {
        notes.push(format!("URL: {url}"));
    }
    if let Some(otp) = field("otp") {
        match KeyUri::parse(otp) {
            Ok(_) => {
                object.insert("totp".into(), json!(otp));
            }
            Err(e) => notes.push(format!("The otp attribute cannot be used: {e}")),
        }
    }
    if let Some(text) = field("Notes") {
        notes.push(text.to_owned());
    }
    if !notes.is_empty() {
        object.insert("notes".into(), json!(notes.join(" · ")));
    }
    Value::Object(object)
}

/// `https://user@db.example.com:8443/login` → `db.example.com`.
fn url_host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = host.split(':').next()?.trim();
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_of_urls() {
        assert_eq!(
            url_host("https://u@Db.Example.com:8443/x?y").as_deref(),
            Some("db.example.com")
        );
        assert_eq!(url_host("intranet").as_deref(), Some("intranet"));
        assert_eq!(url_host("https:///x"), None);
    }
}
