//! The offset `credview time sync` measured, kept in a small private state file so that every
//! later code is computed for the corrected time.

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::verdict::{MAX_CORRECTION_MILLIS, signed_seconds};

/// A correction in force: milliseconds to add to the system clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    pub offset_millis: i64,
    /// The server it was measured against.
    pub server: String,
    /// When (corrected Unix seconds).
    pub measured_at: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum CorrectionError {
    #[error("{}", crate::t!("err-ntp-correction-too-large", offset = signed_seconds(*.0)))]
    TooLarge(i64),
    #[error("{path}: {}", crate::t!("err-ntp-correction-unreadable", why = .why))]
    Unreadable { path: String, why: String },
    #[error("{}", crate::t!("err-ntp-correction-write", path = .path, error = .source.to_string()))]
    Write { path: String, source: io::Error },
}

impl Correction {
    /// A correction of `offset_millis`, refused over an hour.
    pub fn new(
        offset_millis: i64,
        server: String,
        measured_at: u64,
    ) -> Result<Self, CorrectionError> {
        if offset_millis.unsigned_abs() > MAX_CORRECTION_MILLIS {
            return Err(CorrectionError::TooLarge(offset_millis));
        }
        Ok(Self {
            offset_millis,
            server,
            measured_at,
        })
    }
}

/// `$XDG_STATE_HOME/credview/clock.json`, else `~/.local/state/credview/clock.json`.
pub fn path(env: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    let absolute = |name| env(name).map(PathBuf::from).filter(|p| p.is_absolute());
    absolute("XDG_STATE_HOME")
        .map(|state| state.join("credview/clock.json"))
        .or_else(|| absolute("HOME").map(|home| home.join(".local/state/credview/clock.json")))
}

/// The stored correction; none when there is no file.
pub fn load(path: &Path) -> Result<Option<Correction>, CorrectionError> {
    let unreadable = |why: String| CorrectionError::Unreadable {
        path: path.display().to_string(),
        why,
    };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(unreadable(e.to_string())),
    };
    let stored: Correction = serde_json::from_slice(&bytes).map_err(|e| {
        unreadable(crate::t!(
            "err-ntp-correction-not-json",
            why = e.to_string()
        ))
    })?;
    if stored.offset_millis.unsigned_abs() > MAX_CORRECTION_MILLIS {
        return Err(unreadable(crate::t!(
            "err-ntp-correction-stored-too-large",
            offset = signed_seconds(stored.offset_millis)
        )));
    }
    Ok(Some(stored))
}

/// Stores `correction` atomically, mode 0600, in a 0700 folder made if need be.
pub fn save(path: &Path, correction: &Correction) -> Result<(), CorrectionError> {
    let failed = |source| CorrectionError::Write {
        path: path.display().to_string(),
        source,
    };
    if let Some(parent) = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty() && !p.is_dir())
    {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(parent).map_err(failed)?;
    }
    let mut text =
        serde_json::to_vec_pretty(correction).map_err(|e| failed(io::Error::other(e)))?;
    text.push(b'\n');
    crate::fsutil::write_atomically(path, &text, true).map_err(failed)
}

/// Removes the stored correction; `false` when there was none.
pub fn remove(path: &Path) -> io::Result<bool> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn over_an_hour_is_refused_and_an_hour_is_not() {
        assert!(Correction::new(3_600_000, "s".into(), 0).is_ok());
        let error = Correction::new(-3_600_001, "s".into(), 0).unwrap_err();
        assert!(error.to_string().contains("over an hour"), "{error}");
    }

    #[test]
    fn a_saved_correction_loads_back_and_reset_removes_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state/credview/clock.json");
        assert_eq!(load(&path).unwrap(), None);
        let correction = Correction::new(-90_012, "127.0.0.1:123".into(), 1_700_000_000).unwrap();
        save(&path, &correction).unwrap();
        assert_eq!(load(&path).unwrap(), Some(correction.clone()));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        assert!(remove(&path).unwrap());
        assert!(!remove(&path).unwrap());
    }

    #[test]
    fn a_damaged_or_edited_file_says_how_to_clear_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("clock.json");
        std::fs::write(&path, "{not json").unwrap();
        let error = load(&path).unwrap_err().to_string();
        assert!(error.contains("credview time reset"), "{error}");
        std::fs::write(
            &path,
            r#"{"offset_millis": 7200000, "server": "x", "measured_at": 0}"#,
        )
        .unwrap();
        let error = load(&path).unwrap_err().to_string();
        assert!(error.contains("over an hour"), "{error}");
    }

    #[test]
    fn the_state_folder_follows_xdg() {
        let env = |name: &str| match name {
            "XDG_STATE_HOME" => Some("/s".into()),
            "HOME" => Some("/h".into()),
            _ => None,
        };
        assert_eq!(path(env), Some(PathBuf::from("/s/credview/clock.json")));
        let home = |name: &str| (name == "HOME").then(|| "/h".into());
        assert_eq!(
            path(home),
            Some(PathBuf::from("/h/.local/state/credview/clock.json"))
        );
        assert_eq!(path(|_| Some("relative".into())), None);
    }
}
