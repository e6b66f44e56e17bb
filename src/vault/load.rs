//! Reading a vault file: every failure becomes one `PATH:LINE:COLUMN: what is wrong` line.

use std::fmt;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;

use zeroize::Zeroizing;

use super::encrypted::{Keys, NoKeys, decrypt, is_encrypted};
use super::model::{Credential, Vault};
use super::parse::vault_from_slice;
use super::perms::check_symlink;
use super::pick;
use super::stream::{self, Stop};
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

/// Longest name from the file (an unknown field, in backquotes) that a message repeats.
const QUOTED_SHOWN: usize = 40;
/// Longest message, whatever it quotes.
const MESSAGE_SHOWN: usize = 1000;

/// A 10 MB unknown field name must not become a 10 MB error line: names in backquotes are cut.
fn shorten_quoted(message: String) -> String {
    if message.len() <= 200 {
        return message;
    }
    let mut out = String::new();
    for (index, part) in message.split('`').enumerate() {
        if index > 0 {
            out.push('`');
        }
        if index % 2 == 1 && part.chars().count() > QUOTED_SHOWN {
            out.extend(part.chars().take(QUOTED_SHOWN));
            out.push('…');
        } else {
            out.push_str(part);
        }
    }
    // Whatever else a message quotes from the file, one line stays one screen.
    if out.chars().count() > MESSAGE_SHOWN {
        out = out.chars().take(MESSAGE_SHOWN).collect();
        out.push('…');
    }
    out
}

impl VaultError {
    fn at(origin: &str, line: usize, column: usize, message: impl Into<String>) -> Self {
        Self {
            origin: origin.to_owned(),
            position: Some((line, column.max(1))),
            // Escaped first, so the escapes count towards the length limit.
            message: shorten_quoted(printable(&message.into()).into_owned()),
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
    let text = open_file_with(path, keys)?;
    read_all(&path.display().to_string(), text)
}

/// A vault opened and not yet read: a plain file, read a window at a time so a large one never
/// sits whole in memory, or text that is (decrypted, piped in, or the demo's).
pub enum VaultText {
    File(File),
    /// Wiped on drop: it holds the passwords and secrets.
    Memory(Zeroizing<Vec<u8>>),
    Static(&'static [u8]),
}

/// Opens a vault, decrypting a `.age` one in memory with a key from `keys`.
pub fn open_file_with(path: &Path, keys: &mut dyn Keys) -> Result<VaultText, VaultError> {
    let origin = path.display().to_string();
    if path.is_dir() {
        return Err(VaultError::file(
            &origin,
            crate::t!("err-vault-is-directory"),
        ));
    }
    check_symlink(path).map_err(|message| VaultError::file(&origin, message))?;
    let failed = |e: io::Error| VaultError::file(&origin, io_reason(&e));
    let mut file = File::open(path).map_err(failed)?;
    let regular = file.metadata().is_ok_and(|m| m.is_file());
    if !is_encrypted(path) && !super::kdbx::is_kdbx(path) && regular {
        return Ok(VaultText::File(file));
    }
    // A pipe cannot be read twice, and age wants the whole ciphertext.
    let mut bytes = Zeroizing::new(Vec::new());
    file.read_to_end(&mut bytes).map_err(failed)?;
    if is_encrypted(path) {
        return decrypt(&origin, &bytes, keys).map(VaultText::Memory);
    }
    if super::kdbx::is_kdbx(path) {
        return super::kdbx::open(&origin, &bytes, keys).map(VaultText::Memory);
    }
    Ok(VaultText::Memory(bytes))
}

/// Reads every credential of an opened vault; `origin` names it in messages.
pub fn read_all(origin: &str, text: VaultText) -> Result<Vault, VaultError> {
    let mut credentials = Vec::new();
    read_each(origin, text, &mut |credential| {
        credentials.push(credential);
        true
    })?;
    Ok(Vault { credentials })
}

/// Hands each credential to `sink` as soon as it is read; `sink` returns false to stop.
/// A vault with an error anywhere gets that error, after some credentials or none.
pub fn read_each(
    origin: &str,
    text: VaultText,
    sink: &mut dyn FnMut(Credential) -> bool,
) -> Result<(), VaultError> {
    match text {
        VaultText::File(mut file) => each_in(origin, Some(&mut file), &[], sink),
        VaultText::Memory(bytes) => each_in(origin, None, &bytes, sink),
        VaultText::Static(bytes) => each_in(origin, None, bytes, sink),
    }
}

/// What a command that names one credential (`spec`: an id or `username@hostname`) needs:
/// the credentials it could mean, after the whole text is checked for JSON syntax and
/// repeated ids; only those are deserialised and validated. A text the quick check does not
/// accept is read whole, as `read_all` reads it, so its error is the same.
pub fn read_named(origin: &str, text: VaultText, spec: &str) -> Result<Vault, VaultError> {
    let mut text = text;
    let picked = match &mut text {
        VaultText::File(file) => pick::candidates(Some(&*file), &[], spec),
        VaultText::Memory(bytes) => pick::candidates(None, bytes, spec),
        VaultText::Static(bytes) => pick::candidates(None, bytes, spec),
    };
    match picked {
        Ok(credentials) => return Ok(Vault { credentials }),
        Err(Stop::Io(e)) => return Err(VaultError::file(origin, io_reason(&e))),
        Err(Stop::Unusual | Stop::Cancelled) => {}
    }
    if let VaultText::File(file) = &mut text {
        file.seek(SeekFrom::Start(0))
            .map_err(|e| VaultError::file(origin, io_reason(&e)))?;
    }
    read_all(origin, text)
}

/// `origin` names the text in messages: a path, or "demo vault".
pub fn parse(origin: &str, bytes: &[u8]) -> Result<Vault, VaultError> {
    let mut credentials = Vec::new();
    each_in(origin, None, bytes, &mut |credential| {
        credentials.push(credential);
        true
    })?;
    Ok(Vault { credentials })
}

/// The stream reader first; the whole-text reader where it stops short, to say what is wrong
/// and where (or to read a layout the stream reader leaves to it).
fn each_in(
    origin: &str,
    mut file: Option<&mut File>,
    bytes: &[u8],
    sink: &mut dyn FnMut(Credential) -> bool,
) -> Result<(), VaultError> {
    let mut delivered = 0;
    let walked = stream::each(file.as_deref_mut(), bytes, &mut |credential| {
        delivered += 1;
        sink(credential)
    });
    match walked {
        Ok(()) | Err(Stop::Cancelled) => return Ok(()),
        Err(Stop::Io(e)) => return Err(VaultError::file(origin, io_reason(&e))),
        Err(Stop::Unusual) => {}
    }
    let whole = match file {
        Some(file) => read_again(file).map_err(|e| VaultError::file(origin, io_reason(&e)))?,
        None => Zeroizing::new(Vec::new()),
    };
    let text = if whole.is_empty() { bytes } else { &whole };
    let vault = parse_whole(origin, text)?;
    drop(whole);
    // The same reader read the same text up to there: what was handed over stays as it is.
    for credential in vault.credentials.into_iter().skip(delivered) {
        if !sink(credential) {
            break;
        }
    }
    Ok(())
}

fn read_again(file: &mut File) -> io::Result<Zeroizing<Vec<u8>>> {
    file.seek(SeekFrom::Start(0))?;
    let size = file.metadata().map_or(0, |m| m.len());
    // One byte more than the file, so reading to its end never moves (copies) the text.
    let mut whole = Zeroizing::new(Vec::with_capacity(
        usize::try_from(size).unwrap_or(0).saturating_add(1),
    ));
    file.read_to_end(&mut whole)?;
    Ok(whole)
}

/// The whole-text reader, whose errors say where and what.
fn parse_whole(origin: &str, bytes: &[u8]) -> Result<Vault, VaultError> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        return Err(VaultError::at(origin, 1, 1, crate::t!("err-vault-bom")));
    }
    if let Err(error) = std::str::from_utf8(bytes) {
        let (line, column) = position_of(bytes, error.valid_up_to());
        return Err(VaultError::at(
            origin,
            line,
            column,
            crate::t!("err-vault-not-utf8"),
        ));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(VaultError::at(origin, 1, 1, crate::t!("err-vault-empty")));
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
        io::ErrorKind::NotFound => crate::t!("err-vault-not-found"),
        io::ErrorKind::PermissionDenied => crate::t!("err-vault-permission-denied"),
        _ => crate::t!("err-vault-cannot-read", error = error.to_string()),
    }
}
