//! Reading a vault file: every failure becomes one `PATH:LINE:COLUMN: what is wrong` line.

use std::fmt;
use std::io;
use std::path::Path;

use super::model::Vault;
use super::parse::vault_from_slice;

#[derive(Debug)]
pub struct VaultError {
    pub origin: String,
    /// 1-based; `None` when the problem is the file itself rather than a place in it.
    pub position: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for VaultError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, column)) => write!(f, "{}:{line}:{column}: {}", self.origin, self.message),
            None => write!(f, "{}: {}", self.origin, self.message),
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

    fn file(origin: &str, message: impl Into<String>) -> Self {
        Self {
            origin: origin.to_owned(),
            position: None,
            message: message.into(),
        }
    }
}

pub fn load_file(path: &Path) -> Result<Vault, VaultError> {
    let origin = path.display().to_string();
    if path.is_dir() {
        return Err(VaultError::file(
            &origin,
            "is a directory, not a vault file",
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| VaultError::file(&origin, io_reason(&e)))?;
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

/// Like ssh for private keys: a vault others can read deserves a warning.
#[cfg(unix)]
pub fn permission_warning(path: &Path) -> Option<String> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path)
        .ok()
        .filter(std::fs::Metadata::is_file)?
        .permissions()
        .mode();
    (mode & 0o077 != 0).then(|| {
        format!(
            "warning: {} is readable by group or others (mode {:03o}); run: chmod 600 {}",
            path.display(),
            mode & 0o777,
            path.display()
        )
    })
}

#[cfg(not(unix))]
pub fn permission_warning(_path: &Path) -> Option<String> {
    None
}
