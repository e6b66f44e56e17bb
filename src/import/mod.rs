//! Other authenticators' exports, read into one neutral entry type.
//!
//! Pure: each format is a function from bytes to entries (one file per format, behind the
//! `Format` trait); nothing here reads a file, the terminal or the clock. A new format is one
//! new file and one line in `FORMATS`.

mod aegis;
mod aegis_crypt;
mod andotp;
pub mod apply;
mod bitwarden;
mod csv_table;
mod ente;
mod entry;
pub mod export;
mod freeotp;
mod google;
mod json;
mod keepassxc;
mod keepassxc_csv;
pub mod migration;
mod otpauth;
mod proton;
pub mod qr_image;
mod twofas;
mod uri_list;

pub use entry::{EntryError, ImportedEntry, OtpKind, Place};
pub use google::check_batches;
pub use migration::{Batch, MigrationError};
pub use otpauth::parse as parse_otpauth;

use zeroize::Zeroizing;

/// One file to import: its name (for messages), its bytes, and the key file that opens it
/// when it is a KeePassXC database locked with one.
pub struct Input<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
    pub key_file: Option<&'a std::path::Path>,
}

/// Where an encrypted export's password comes from (asked only when a file needs one).
pub type Password<'a> = dyn FnMut(&str) -> Result<Zeroizing<String>, String> + 'a;

/// What one file gave: its entries, each read or failed with its place, and the Google
/// export parts it held (to check that none of a multi-part export is missing).
#[derive(Debug, Default)]
pub struct Parsed {
    pub entries: Vec<Result<ImportedEntry, EntryError>>,
    pub batches: Vec<Batch>,
}

impl Parsed {
    /// Each item read on its own, named by its 1-based place in the file.
    pub fn numbered<T>(
        items: Vec<T>,
        mut read: impl FnMut(T, Place) -> Result<ImportedEntry, EntryError>,
    ) -> Self {
        let entries = items
            .into_iter()
            .enumerate()
            .map(|(index, item)| read(item, Place::Entry(index + 1)))
            .collect();
        Self {
            entries,
            batches: Vec::new(),
        }
    }
}

/// A whole file that cannot be read: wrong password, damaged, not a known format.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ImportError(pub String);

impl ImportError {
    pub fn new(message: impl Into<String>) -> Self {
        Self(message.into())
    }
}

/// One foreign format: how to recognise it from its content, and how to read it.
pub trait Format: Sync {
    /// The `--format` value.
    fn id(&self) -> &'static str;
    /// What the user is told was detected.
    fn name(&self) -> String;
    /// Whether the content looks like this format (cheap; no password asked).
    fn detect(&self, input: &Input) -> bool;
    fn read(&self, input: &Input, password: &mut Password) -> Result<Parsed, ImportError>;
}

/// Every format, most specific first (detection takes the first that matches).
pub static FORMATS: &[&dyn Format] = &[
    &qr_image::Pictures,
    &keepassxc::Keepassxc,
    &google::Google,
    &aegis::Aegis,
    &twofas::TwoFas,
    &bitwarden::BitwardenJson,
    &freeotp::FreeOtp,
    &proton::Proton,
    &andotp::AndOtp,
    &bitwarden::BitwardenCsv,
    &keepassxc_csv::KeepassxcCsv,
    &ente::Ente,
    &uri_list::UriList,
];

/// The format named by `--format`.
pub fn by_id(id: &str) -> Result<&'static dyn Format, ImportError> {
    FORMATS
        .iter()
        .copied()
        .find(|f| f.id().eq_ignore_ascii_case(id.trim()))
        .ok_or_else(|| {
            let known: Vec<&str> = FORMATS.iter().map(|f| f.id()).collect();
            ImportError::new(crate::t!(
                "err-import-format-unknown",
                format = crate::format::printable(&id.chars().take(40).collect::<String>()),
                known = known.join(", ")
            ))
        })
}

/// The format the content looks like.
pub fn detect(input: &Input) -> Result<&'static dyn Format, ImportError> {
    FORMATS
        .iter()
        .copied()
        .find(|f| f.detect(input))
        .ok_or_else(|| {
            // A cut or damaged JSON export is recognised by nothing: say what is wrong with it.
            if let Some(b'{' | b'[') = input.bytes.iter().find(|b| !b.is_ascii_whitespace())
                && let Err(e) = json::read::<serde_json::Value>(input)
            {
                return ImportError::new(crate::t!("err-import-not-json", why = e.to_string()));
            }
            ImportError::new(crate::t!("err-import-format-not-detected"))
        })
}

/// Reads one file with the format given or the one detected; says which it was.
pub fn read(
    input: &Input,
    format: Option<&'static dyn Format>,
    password: &mut Password,
) -> Result<(&'static dyn Format, Parsed), ImportError> {
    let format = match format {
        Some(format) => format,
        None => detect(input)?,
    };
    let parsed = format.read(input, password)?;
    Ok((format, parsed))
}

/// The text of a file, or a clear error when it is not UTF-8.
pub(crate) fn text<'a>(input: &Input<'a>) -> Result<&'a str, ImportError> {
    let bytes = input
        .bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(input.bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        ImportError::new(crate::t!("err-import-not-utf8", line = line.to_string()))
    })
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod portuguese_tests;
