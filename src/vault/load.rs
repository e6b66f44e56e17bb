//! Reading a vault file: every failure becomes one `PATH:LINE:COLUMN: what is wrong` line.

use std::fmt;
use std::io;
use std::path::Path;

use zeroize::Zeroizing;

use super::encrypted::{Keys, NoKeys, decrypt, is_encrypted};
use super::model::Vault;
use super::parse::vault_from_slice;
use super::perms::check_symlink;
use crate::format::printable;

#[derive(Debug)]
pub struct VaultError {
    pub origin: String,
    /// 1-based; `None` when the problem is the file itself rather than a place in it.
    pub position: Option<(usize, usize)>,
    pub message: String,
}

/// Field names and paths come from the file and the command line: a control character in
/// one must not reach the terminal as a command.
impl fmt::Display for VaultError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let origin = printable(&self.origin);
        let message = printable(&self.message);
        match self.position {
            Some((line, column)) => write!(f, "{origin}:{line}:{column}: {message}"),
            None => write!(f, "{origin}: {message}"),
        }
    }
}

impl std::error::Error for VaultError {}

impl VaultError {
    fn at(origin: &str, line: usize, column: usize, message: impl Into<String>) -> Self {
        Self {
            origin: origin.to_owned(),
            position: Some((line, column.max(1))),
            message: message.into(),
        }
    }

    pub(super) fn file(origin: &str, message: impl Into<String>) -> Self {
        Self {
            origin: origin.to_owned(),
            position: None,
            message: message.into(),
        }
    }
}

/// Reads a plain vault; an encrypted one fails, saying a key is needed.
pub fn load_file(path: &Path) -> Result<Vault, VaultError> {
    load_file_with(path, &mut NoKeys)
}

/// Reads a vault, decrypting a `.age` one in memory with a key from `keys`.
pub fn load_file_with(path: &Path, keys: &mut dyn Keys) -> Result<Vault, VaultError> {
    let origin = path.display().to_string();
    if path.is_dir() {
        return Err(VaultError::file(
            &origin,
            "is a directory, not a vault file",
        ));
    }
    check_symlink(path).map_err(|message| VaultError::file(&origin, message))?;
    // Plain vault text holds the secrets too: wiped on drop like the decrypted text.
    let bytes = std::fs::read(path).map_err(|e| VaultError::file(&origin, io_reason(&e)))?;
    let bytes = Zeroizing::new(bytes);
    if is_encrypted(path) {
        let plaintext = decrypt(&origin, &bytes, keys)?;
        return parse(&origin, &plaintext);
    }
    parse(&origin, &bytes)
}

/// `origin` names the text in messages: a path, or "demo vault".
pub fn parse(origin: &str, bytes: &[u8]) -> Result<Vault, VaultError> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        return Err(VaultError::at(
            origin,
            1,
            1,
            "the file starts with a byte-order mark; save it as UTF-8 without BOM",
        ));
    }
    if let Err(error) = std::str::from_utf8(bytes) {
        let (line, column) = position_of(bytes, error.valid_up_to());
        return Err(VaultError::at(
            origin,
            line,
            column,
            "the file is not valid UTF-8 here; save it as UTF-8",
        ));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(VaultError::at(
            origin,
            1,
            1,
            "the file is empty; a vault is a JSON object {\"version\": 1, \"credentials\": [...]}",
        ));
    }
    vault_from_slice(bytes).map_err(|e| VaultError::at(origin, e.line, e.column, e.message))
}

/// 1-based line and column (in characters) of a byte offset.
fn position_of(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |at| at + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

fn io_reason(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => {
            "no such file; check the path, or leave --vault and $CREDVIEW_VAULT unset for the demo vault".into()
        }
        io::ErrorKind::PermissionDenied => "permission denied; check the file's owner and mode".into(),
        _ => format!("cannot read the file: {error}"),
    }
}
