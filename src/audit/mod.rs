//! The audit log: one JSON line per action that revealed a secret or changed the vault, written before the secret
//! is shown, as a PAM records access. Records name the credential and the action, never the
//! secret, password or code.

use std::ffi::OsString;
use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use time::macros::format_description;

use crate::otp::Timestamp;
use crate::vault::Credential;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    TokenCopy,
    PasswordView,
    PasswordCopy,
    QrDisplay,
    Code,
    Uri,
    Qr,
    Render,
    /// Credentials added from another authenticator's export.
    Import,
    /// Secrets written out for another authenticator.
    Export,
    /// A credential was added to the vault (its settings, never its secret, are in the vault).
    CredentialAdded,
    TotpSet,
    TotpRemoved,
    /// An HOTP counter was advanced (written to the vault) to reveal the next code.
    HotpAdvance,
    /// `verify` matched an HOTP code ahead of the counter and moved the counter past it.
    HotpResync,
    SessionStart,
}

impl AuditAction {
    /// The `event` field as written in the log.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::TokenCopy => "token_copy",
            Self::PasswordView => "password_view",
            Self::PasswordCopy => "password_copy",
            Self::QrDisplay => "qr_display",
            Self::Code => "code",
            Self::Uri => "uri",
            Self::Qr => "qr",
            Self::Render => "render",
            Self::Import => "import",
            Self::Export => "export",
            Self::CredentialAdded => "credential_added",
            Self::TotpSet => "totp_set",
            Self::TotpRemoved => "totp_removed",
            Self::HotpAdvance => "hotp_advance",
            Self::HotpResync => "hotp_resync",
            Self::SessionStart => "session_start",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRecord {
    /// RFC 3339, UTC, whole seconds.
    pub time: String,
    /// The operating-system user: `$USER`, else `$LOGNAME`, else `uid=N`.
    pub user: String,
    pub event: AuditAction,
    pub credential_id: u64,
    /// `username@hostname`.
    pub credential: String,
    pub reason: Option<String>,
    /// HOTP records: the counter whose code was revealed (advance) or matched (resync).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counter: Option<u64>,
    /// A session's host (what ssh connected to).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// A session's secrets that credview supplied: "password", "totp"; never their values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supplied: Option<Vec<String>>,
}

impl AuditRecord {
    /// A record for the current OS user at `at`.
    pub fn new(
        event: AuditAction,
        credential_id: u64,
        credential: impl Into<String>,
        reason: Option<String>,
        at: Timestamp,
    ) -> Self {
        Self {
            time: rfc3339(at),
            user: os_user(|name| std::env::var_os(name)),
            event,
            credential_id,
            credential: credential.into(),
            reason,
            counter: None,
            host: None,
            supplied: None,
        }
    }

    /// The record of an HOTP counter change; the counter is not a secret, the code is.
    pub fn with_counter(self, counter: u64) -> Self {
        Self {
            counter: Some(counter),
            ..self
        }
    }

    /// The record of a session start: where to, and which kinds of secret credview supplies.
    pub fn with_session(mut self, host: Option<String>, supplied: Vec<String>) -> Self {
        self.host = host;
        self.supplied = Some(supplied);
        self
    }

    pub fn of(
        event: AuditAction,
        credential: &Credential,
        reason: Option<String>,
        at: Timestamp,
    ) -> Self {
        Self::new(
            event,
            credential.id,
            credential.qualified_name(),
            reason,
            at,
        )
    }
}

/// `2026-11-25T09:00:00Z`; a time past year 9999 reads as that year's end (never a panic).
pub fn rfc3339(at: Timestamp) -> String {
    let secs = i64::try_from(at.as_secs()).unwrap_or(i64::MAX);
    let time = OffsetDateTime::from_unix_timestamp(secs)
        .unwrap_or(time::macros::datetime!(9999-12-31 23:59:59 UTC));
    time.format(format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second]Z"
    ))
    .unwrap_or_default()
}

/// Who is at the keyboard, as far as the OS says: `$USER`, `$LOGNAME`, else the uid.
pub fn os_user(env: impl Fn(&str) -> Option<OsString>) -> String {
    ["USER", "LOGNAME"]
        .into_iter()
        .filter_map(&env)
        .map(|value| value.to_string_lossy().into_owned())
        .find(|value| !value.is_empty())
        .unwrap_or_else(uid)
}

/// The account name of the real uid from the password database, else `uid=N`.
#[cfg(unix)]
fn uid() -> String {
    // SAFETY: getuid has no preconditions and cannot fail.
    let uid = unsafe { libc::getuid() };
    // SAFETY: passwd is plain data; all zeroes is a valid value for it.
    let mut entry: libc::passwd = unsafe { std::mem::zeroed() };
    let mut found: *mut libc::passwd = std::ptr::null_mut();
    let mut buffer = vec![0 as libc::c_char; 4096];
    // SAFETY: every pointer refers to a live local of the right type and the buffer's length
    // is passed with it; on success `found` points at `entry`, whose strings live in `buffer`.
    let status = unsafe {
        libc::getpwuid_r(
            uid,
            &mut entry,
            buffer.as_mut_ptr(),
            buffer.len(),
            &mut found,
        )
    };
    if status == 0 && !found.is_null() && !entry.pw_name.is_null() {
        // SAFETY: pw_name is a NUL-terminated string inside `buffer`, which is still alive.
        let name = unsafe { std::ffi::CStr::from_ptr(entry.pw_name) };
        if let Ok(name) = name.to_str()
            && !name.is_empty()
        {
            return name.to_owned();
        }
    }
    format!("uid={uid}")
}

#[cfg(not(unix))]
fn uid() -> String {
    "unknown".to_owned()
}

#[derive(Debug, thiserror::Error)]
pub enum AuditError {
    #[error("{}", crate::t!("err-audit-no-location"))]
    NoLocation,
    #[error("{}", crate::t!("err-audit-write", path = .path.display().to_string(), error = .source.to_string()))]
    Io { path: PathBuf, source: io::Error },
    /// A log that refuses by design (tests, or a policy).
    #[error("{}", crate::t!("err-audit-refused", why = .0))]
    Refused(String),
}

/// Where audit records go. An error means the action must not happen.
pub trait AuditLog {
    fn append(&mut self, record: &AuditRecord) -> Result<(), AuditError>;

    /// False when records go nowhere on purpose (`--no-audit`): the caller need not build
    /// one (it costs a user lookup when `$USER` is unset).
    fn keeps_records(&self) -> bool {
        true
    }
}

/// Appends one JSON line per record to a file: one `write` on an `O_APPEND` file, so lines
/// from several processes never interleave, then `fsync`, so a crash cannot lose a record
/// for a secret that was shown.
#[derive(Debug)]
pub struct FileAuditLog {
    path: PathBuf,
    file: Option<File>,
}

impl FileAuditLog {
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self {
            path: path.into(),
            file: None,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn open(&self) -> io::Result<File> {
        let parent = self.path.parent().filter(|p| !p.as_os_str().is_empty());
        if let Some(parent) = parent.filter(|p| !p.is_dir()) {
            let mut builder = std::fs::DirBuilder::new();
            builder.recursive(true);
            #[cfg(unix)]
            std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
            builder.create(parent).map_err(|e| match e.kind() {
                // What is in the way is a file, which the bare "File exists" would not say.
                io::ErrorKind::AlreadyExists | io::ErrorKind::NotADirectory => io::Error::new(
                    e.kind(),
                    crate::t!("err-audit-not-folder", path = parent.display().to_string()),
                ),
                _ => e,
            })?;
        }
        crate::fsutil::open_private_append(&self.path)
    }

    fn write_line(&mut self, line: &[u8]) -> io::Result<()> {
        let file = match &mut self.file {
            Some(file) => file,
            None => self.file.insert(self.open()?),
        };
        // One call, never a retry loop: a second write could land after another process's line.
        let written = file.write(line)?;
        if written != line.len() {
            return Err(io::Error::new(
                io::ErrorKind::WriteZero,
                crate::t!(
                    "err-audit-short-write",
                    written = written.to_string(),
                    total = line.len()
                ),
            ));
        }
        file.sync_all()
    }
}

impl AuditLog for FileAuditLog {
    fn append(&mut self, record: &AuditRecord) -> Result<(), AuditError> {
        let mut line =
            serde_json::to_vec(record).map_err(|e| AuditError::Refused(e.to_string()))?;
        line.push(b'\n');
        self.write_line(&line).map_err(|source| {
            // Reopen next time: the file may have been moved or its disk remounted.
            self.file = None;
            AuditError::Io {
                path: self.path.clone(),
                source,
            }
        })
    }
}

/// `--no-audit`: records go nowhere.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoAudit;

impl AuditLog for NoAudit {
    fn append(&mut self, _record: &AuditRecord) -> Result<(), AuditError> {
        Ok(())
    }

    fn keeps_records(&self) -> bool {
        false
    }
}

/// A log with no place to go: every append fails, so actions are refused.
#[derive(Debug, Clone, Copy, Default)]
struct Nowhere;

impl AuditLog for Nowhere {
    fn append(&mut self, _record: &AuditRecord) -> Result<(), AuditError> {
        Err(AuditError::NoLocation)
    }
}

/// A log in memory, for tests: keeps what was appended, or refuses when `fail` is set.
#[derive(Debug, Clone, Default)]
pub struct MemoryAuditLog {
    pub records: Vec<AuditRecord>,
    pub fail: bool,
}

impl AuditLog for MemoryAuditLog {
    fn append(&mut self, record: &AuditRecord) -> Result<(), AuditError> {
        if self.fail {
            return Err(AuditError::Refused("the test log is set to fail".into()));
        }
        self.records.push(record.clone());
        Ok(())
    }
}

/// `--audit PATH`, else `$XDG_STATE_HOME/credview/audit.jsonl`, else
/// `~/.local/state/credview/audit.jsonl`. Empty or relative variables count as unset (XDG).
pub fn resolve_path(
    flag: Option<&Path>,
    env: impl Fn(&str) -> Option<OsString>,
) -> Option<PathBuf> {
    if let Some(path) = flag {
        return Some(path.to_owned());
    }
    let absolute = |name| env(name).map(PathBuf::from).filter(|p| p.is_absolute());
    absolute("XDG_STATE_HOME")
        .map(|state| state.join("credview/audit.jsonl"))
        .or_else(|| absolute("HOME").map(|home| home.join(".local/state/credview/audit.jsonl")))
}

/// The log the global flags ask for. A path that cannot be found is not an error until
/// something needs auditing: listing credentials must still work.
pub fn open(
    flag: Option<&Path>,
    no_audit: bool,
    env: impl Fn(&str) -> Option<OsString>,
) -> Box<dyn AuditLog> {
    open_with(flag, None, no_audit, env)
}

/// As `open`, with `configured` (the settings file's `audit_log`) between the flag and the
/// XDG place.
pub fn open_with(
    flag: Option<&Path>,
    configured: Option<&Path>,
    no_audit: bool,
    env: impl Fn(&str) -> Option<OsString>,
) -> Box<dyn AuditLog> {
    if no_audit {
        return Box::new(NoAudit);
    }
    match resolve_path(flag.or(configured), env) {
        Some(path) => Box::new(FileAuditLog::new(path)),
        None => Box::new(Nowhere),
    }
}

/// One line of a log file as read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LogLine {
    Record {
        line: usize,
        record: AuditRecord,
        text: String,
    },
    /// Not a record (truncated, edited, not UTF-8): its 1-based line number.
    Corrupt { line: usize },
}

/// Reads a log's bytes line by line; an empty last line (after the final newline) is skipped.
pub fn read_log(bytes: &[u8]) -> Vec<LogLine> {
    let body = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    if body.is_empty() {
        return Vec::new();
    }
    body.split(|&b| b == b'\n')
        .enumerate()
        .map(|(index, raw)| {
            let line = index + 1;
            let text = std::str::from_utf8(raw).ok();
            match text.and_then(|t| serde_json::from_str(t).ok().map(|r| (t, r))) {
                Some((text, record)) => LogLine::Record {
                    line,
                    record,
                    text: text.to_owned(),
                },
                None => LogLine::Corrupt { line },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
