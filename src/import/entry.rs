//! The neutral entry every format is read into, whatever kind of code it makes.

use std::fmt;

use crate::otp::{Algorithm, Params, Secret, SecretError};

/// Which code an entry makes, with what that kind needs besides the secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OtpKind {
    Totp {
        period: u64,
    },
    /// RFC 4226: the next code is the one for `counter`.
    Hotp {
        counter: u64,
    },
    /// Steam Guard: 5 characters, SHA-1, 30 s.
    Steam,
}

/// One account from another authenticator. The secret is wiped on drop and never printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedEntry {
    pub secret: Secret,
    pub algorithm: Algorithm,
    pub digits: u8,
    pub kind: OtpKind,
    pub issuer: Option<String>,
    pub account: String,
    pub tags: Vec<String>,
    pub notes: Option<String>,
    /// Where in its file the entry was.
    pub place: Place,
}

/// A line of a text file, or the n-th entry (1-based) of a structured one, or the n-th code
/// of a picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Line(usize),
    Entry(usize),
    Code(usize),
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Line(n) => f.write_str(&crate::t!("err-import-place-line", n = n.to_string())),
            Self::Entry(n) => f.write_str(&crate::t!("err-import-place-entry", n = n.to_string())),
            Self::Code(n) => f.write_str(&crate::t!("err-import-place-code", n = n.to_string())),
        }
    }
}

/// One entry that cannot be read; the others of its file still can.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{place}: {message}")]
pub struct EntryError {
    pub place: Place,
    pub message: String,
}

impl EntryError {
    pub fn new(place: Place, message: impl Into<String>) -> Self {
        Self {
            place,
            message: message.into(),
        }
    }
}

impl ImportedEntry {
    /// A TOTP entry with the usual settings; formats then change what they know.
    pub fn totp(secret: Secret, account: impl Into<String>, place: Place) -> Self {
        Self {
            secret,
            algorithm: Algorithm::Sha1,
            digits: 6,
            kind: OtpKind::Totp { period: 30 },
            issuer: None,
            account: account.into(),
            tags: Vec::new(),
            notes: None,
            place,
        }
    }

    /// The TOTP settings, when this is a TOTP entry whose settings credview accepts.
    pub fn totp_params(&self) -> Option<Result<Params, crate::otp::ParamsError>> {
        match self.kind {
            OtpKind::Totp { period } => {
                Some(Params::new(self.algorithm, u64::from(self.digits), period))
            }
            _ => None,
        }
    }

    /// The kind in a word, for tables.
    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            OtpKind::Totp { .. } => "TOTP",
            OtpKind::Hotp { .. } => "HOTP",
            OtpKind::Steam => "Steam",
        }
    }

    /// The settings credview can keep, checked: digits 6-8 (5 for Steam), period 1-86400 s.
    pub fn check(&self) -> Result<(), String> {
        match self.kind {
            OtpKind::Steam => Ok(()),
            OtpKind::Hotp { .. } if (6..=8).contains(&self.digits) => Ok(()),
            OtpKind::Hotp { .. } => Err(crate::t!(
                "err-otp-digits",
                digits = self.digits.to_string()
            )),
            OtpKind::Totp { .. } => self
                .totp_params()
                .map_or(Ok(()), |p| p.map(|_| ()).map_err(|e| e.to_string())),
        }
    }
}

/// A base32 secret, with the error in words that never repeat the secret.
pub fn base32_secret(text: &str, place: Place) -> Result<Secret, EntryError> {
    Secret::from_base32(text).map_err(|e: SecretError| EntryError::new(place, e.to_string()))
}

/// An algorithm name as apps write it (`SHA1`, `sha-256`, `HmacSHA512`).
pub fn algorithm(text: &str, place: Place) -> Result<Algorithm, EntryError> {
    let clean: String = text
        .trim()
        .trim_start_matches("Hmac")
        .trim_start_matches("HMAC")
        .chars()
        .filter(|c| *c != '-' && *c != '_')
        .collect();
    if clean.is_empty() {
        return Ok(Algorithm::Sha1);
    }
    clean
        .parse()
        .map_err(|e: crate::otp::UnknownAlgorithm| EntryError::new(place, e.to_string()))
}

/// A number of digits that fits credview's range check later (which says what is wrong).
pub fn digits(value: u64, place: Place) -> Result<u8, EntryError> {
    u8::try_from(value)
        .ok()
        .filter(|d| (1..=10).contains(d))
        .ok_or_else(|| {
            EntryError::new(
                place,
                crate::t!("err-import-digits-length", digits = value.to_string()),
            )
        })
}

/// A text field that may be absent or blank.
pub fn non_empty(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

/// A short, printable piece of file text for a message.
pub fn shown(text: &str) -> String {
    crate::format::printable(&text.chars().take(24).collect::<String>()).into_owned()
}
