//! The one way credview changes a vault file. Every write (enrolment, import, HOTP counters,
//! ...) goes through [`update`]:
//!
//! ```ignore
//! let id = credview::vault::write::update(&source, &mut keys, |vault| {
//!     let id = next_free_id(vault);
//!     vault.credentials.push(new_credential(id));
//!     Ok(id)
//! })?;
//! ```
//!
//! A write is a *change* applied to the file as it is on disk now, never a snapshot written
//! over it: take the exclusive lock on `VAULT.lock` (waiting up to 10 s), read and validate the
//! file under it, apply the change, serialize (stable JSON, see `save`) and read the result
//! back with the reader, encrypt an `.age` vault again (same passphrase, or the `--identity`
//! files' public keys; armored if it was), write a temporary file (0600) in the same folder,
//! fsync it, keep the bytes being replaced as `VAULT.bak` (0600), rename, fsync the folder.
//! Any failure leaves the vault byte-for-byte as it was.
//!
//! The built-in demo vault is never written. Setting `CREDVIEW_TEST_CRASH_BEFORE_RENAME=1`
//! makes the process abort at the last moment before the rename, so tests can show that a
//! crash there leaves the previous vault whole.

use std::fmt;
use std::fs;
use std::io;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use age::secrecy::SecretString;
use zeroize::Zeroizing;

use super::encrypted::{self, Identities, Keys, Lock, Recipients, is_armored, is_encrypted};
use super::load::{VaultError, parse};
use super::lock::{self, LOCK_WAIT, LockError, backup_path};
use super::model::{Access, Credential, Device, Vault};
use super::perms::check_symlink;
use super::resolve::Source;
use super::save::to_json;
use crate::format::printable;
use crate::fsutil;

/// The environment variable of the crash test hook (see the module's documentation).
pub const CRASH_BEFORE_RENAME: &str = "CREDVIEW_TEST_CRASH_BEFORE_RENAME";

/// Why a write did not happen. Each is one line; none holds a secret. The vault is unchanged.
#[derive(Debug)]
pub enum WriteError {
    /// The built-in demo vault.
    Demo,
    Lock(LockError),
    /// The vault on disk could not be read, or is not valid (so no change is applied to it).
    Read(VaultError),
    /// The change itself was refused (no such credential, a bad value, ...).
    Change(String),
    /// The changed vault would not read back (a duplicate id, an empty username, ...).
    Invalid {
        origin: String,
        message: String,
    },
    /// Encrypting again, or writing the files.
    Write {
        origin: String,
        message: String,
    },
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Demo => f.write_str(&crate::t!("err-write-demo")),
            Self::Lock(error) => write!(f, "{}", printable(&error.to_string())),
            Self::Read(error) => write!(f, "{error}"),
            Self::Change(message) => write!(f, "{}", printable(message)),
            Self::Invalid { origin, message } => write!(
                f,
                "{}: {}",
                printable(origin),
                crate::t!("err-write-invalid", why = printable(message))
            ),
            Self::Write { origin, message } => write!(
                f,
                "{}: {}",
                printable(origin),
                crate::t!("err-write-failed", why = printable(message))
            ),
        }
    }
}

impl std::error::Error for WriteError {}

impl From<LockError> for WriteError {
    fn from(error: LockError) -> Self {
        Self::Lock(error)
    }
}

/// Applies `change` to the vault as it is on disk now and writes the result (see the module's
/// documentation). `change` returns what the caller wants back (a new id, say), or a one-line
/// reason to write nothing.
pub fn update<T>(
    source: &Source,
    keys: &mut dyn Keys,
    change: impl FnOnce(&mut Vault) -> Result<T, String>,
) -> Result<T, WriteError> {
    update_waiting(source, keys, LOCK_WAIT, change)
}

/// The id a new credential gets: one more than the largest in the vault.
pub fn next_free_id(vault: &Vault) -> u64 {
    vault
        .credentials
        .iter()
        .map(|c| c.id)
        .max()
        .map_or(1, |largest| largest.saturating_add(1))
}

/// A credential with only a username, every other field absent or at its default; `id` 0
/// until the change gives it `next_free_id`.
pub fn blank_credential(username: &str) -> Credential {
    Credential {
        id: 0,
        username: username.into(),
        kind: None,
        domain: None,
        additional: None,
        tags: Arc::new([]),
        device: Arc::new(Device::default()),
        password: None,
        totp: None,
        hotp: None,
        access: Access::default(),
        last_view: None,
        expiration: None,
        created: None,
        notes: None,
    }
}

/// Creates an empty vault at `path` (0600; a folder it has to create, 0700), encrypted with
/// `lock` when given. An existing file is never replaced.
pub fn create(path: &Path, lock: Option<(Lock, bool)>) -> Result<(), WriteError> {
    let origin = path.display().to_string();
    let failed = |message: String| WriteError::Write {
        origin: origin.clone(),
        message,
    };
    if fs::symlink_metadata(path).is_ok() {
        return Err(WriteError::Change(format!(
            "{}: {}",
            printable(&origin),
            crate::t!("err-write-init-exists")
        )));
    }
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        create_private_folder(folder).map_err(|e| {
            failed(crate::t!(
                "err-write-create-folder",
                folder = folder.display().to_string(),
                error = e.to_string()
            ))
        })?;
    }
    let json = to_json(&Vault::default()).map_err(&failed)?;
    let bytes = match lock {
        Some((lock, armor)) => {
            Zeroizing::new(encrypted::encrypt(&json, lock, armor).map_err(&failed)?)
        }
        None => json,
    };
    fsutil::write_atomically(path, &bytes, false).map_err(|e| match e.kind() {
        io::ErrorKind::AlreadyExists => WriteError::Change(format!(
            "{}: {}",
            printable(&origin),
            crate::t!("err-write-init-exists")
        )),
        _ => failed(write_reason(&e)),
    })
}

fn create_private_folder(folder: &Path) -> io::Result<()> {
    if folder.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(folder)
}

pub(crate) fn update_waiting<T>(
    source: &Source,
    keys: &mut dyn Keys,
    wait: Duration,
    change: impl FnOnce(&mut Vault) -> Result<T, String>,
) -> Result<T, WriteError> {
    let Source::File(path) = source else {
        return Err(WriteError::Demo);
    };
    let origin = path.display().to_string();
    if super::kdbx::is_kdbx(path) {
        return Err(WriteError::Change(format!(
            "{origin}: {}",
            super::kdbx::read_only()
        )));
    }
    let _held = lock::acquire(path, wait)?;
    let current = read_current(path, &origin)?;
    let mut remember = Remember { keys, typed: None };
    let (plaintext, seal) = if is_encrypted(path) {
        let plaintext =
            encrypted::decrypt(&origin, &current, &mut remember).map_err(WriteError::Read)?;
        (plaintext, Some(is_armored(&current)))
    } else {
        (current.clone(), None)
    };
    let mut vault = parse(&origin, &plaintext).map_err(WriteError::Read)?;
    drop(plaintext);
    let result = change(&mut vault).map_err(WriteError::Change)?;
    let json = checked_json(&vault, &origin)?;
    let bytes = match seal {
        None => json,
        Some(armor) => {
            let lock = remember.lock_again().map_err(|message| WriteError::Write {
                origin: origin.clone(),
                message,
            })?;
            let ciphertext =
                encrypted::encrypt(&json, lock, armor).map_err(|message| WriteError::Write {
                    origin: origin.clone(),
                    message,
                })?;
            Zeroizing::new(ciphertext)
        }
    };
    fsutil::replace_keeping_backup(path, &bytes, &backup_path(path), &current, &crash_point)
        .map_err(|e| WriteError::Write {
            origin,
            message: write_reason(&e),
        })?;
    Ok(result)
}

fn read_current(path: &Path, origin: &str) -> Result<Zeroizing<Vec<u8>>, WriteError> {
    check_symlink(path).map_err(|m| WriteError::Read(VaultError::file(origin, m)))?;
    if path.is_dir() {
        return Err(WriteError::Read(VaultError::file(
            origin,
            crate::t!("err-vault-is-directory"),
        )));
    }
    fs::read(path).map(Zeroizing::new).map_err(|e| {
        let message = match e.kind() {
            io::ErrorKind::NotFound => crate::t!("err-write-no-vault"),
            _ => crate::t!("err-write-cannot-read", error = e.to_string()),
        };
        WriteError::Read(VaultError::file(origin, message))
    })
}

/// The vault as JSON, proven to read back as the same credentials.
fn checked_json(vault: &Vault, origin: &str) -> Result<Zeroizing<Vec<u8>>, WriteError> {
    let invalid = |message: String| WriteError::Invalid {
        origin: origin.to_owned(),
        message,
    };
    let json = to_json(vault).map_err(invalid)?;
    let again = parse(origin, &json).map_err(|e| invalid(e.message))?;
    let ids = |v: &Vault| v.credentials.iter().map(|c| c.id).collect::<Vec<_>>();
    if ids(&again) != ids(vault) {
        return Err(invalid(crate::t!("err-write-reads-back-otherwise")));
    }
    Ok(json)
}

fn write_reason(error: &io::Error) -> String {
    match error.raw_os_error() {
        Some(libc::ENOSPC) | Some(libc::EDQUOT) => {
            crate::t!("err-write-no-space", error = error.to_string())
        }
        Some(libc::EROFS) => crate::t!("err-write-read-only", error = error.to_string()),
        Some(libc::EACCES) | Some(libc::EPERM) => {
            crate::t!("err-write-folder-denied", error = error.to_string())
        }
        _ => crate::t!("err-write-cannot-write", error = error.to_string()),
    }
}

fn crash_point() {
    if std::env::var_os(CRASH_BEFORE_RENAME).is_some_and(|v| v == "1") {
        std::process::abort();
    }
}

/// Passes the keys through, keeping the passphrase that opened the vault (wiped on drop) to
/// lock the new version with the same one.
struct Remember<'a> {
    keys: &'a mut dyn Keys,
    typed: Option<SecretString>,
}

impl Remember<'_> {
    fn lock_again(&mut self) -> Result<Lock, String> {
        if let Some(passphrase) = self.typed.take() {
            return Ok(Lock::Passphrase(passphrase));
        }
        match self.keys.recipients()? {
            Some(recipients) if !recipients.is_empty() => Ok(Lock::Recipients(recipients)),
            _ => Err(crate::t!("err-write-no-key-to-encrypt")),
        }
    }
}

impl Keys for Remember<'_> {
    fn passphrase(&mut self, origin: &str) -> Result<SecretString, String> {
        let passphrase = self.keys.passphrase(origin)?;
        self.typed = Some(passphrase.clone());
        Ok(passphrase)
    }

    fn identities(&mut self) -> Result<Option<Identities>, String> {
        self.keys.identities()
    }

    fn recipients(&mut self) -> Result<Option<Recipients>, String> {
        self.keys.recipients()
    }
}

#[cfg(test)]
#[path = "write_tests.rs"]
mod tests;
