//! age-encrypted vaults, in the format of the `age` tool, armored or binary. The plaintext
//! only ever exists in memory, in a buffer that is wiped when dropped.

use std::io::{self, Read, Write};
use std::iter;
use std::path::Path;

use age::armor::{ArmoredReader, ArmoredWriter, Format};
use age::secrecy::SecretString;
use age::{DecryptError, Decryptor, Encryptor, Identity, Recipient};
use zeroize::Zeroizing;

use super::load::VaultError;
use crate::progress::Progress;

/// scrypt's work factor for new files: the `age` tool's own (about a second, 256 MiB).
pub const WORK_FACTOR: u8 = 18;
/// The most a file may ask for (1 GiB): a hostile file must not take all memory.
pub const MAX_WORK_FACTOR: u8 = 20;

pub type Identities = Vec<Box<dyn Identity + Send + Sync>>;

/// A vault whose name ends in `.age` is encrypted; any other is plain JSON.
pub fn is_encrypted(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("age"))
}

/// Where the key of an encrypted vault comes from. Only the kind the file needs is asked
/// for, so a passphrase is never prompted for in vain.
pub trait Keys {
    /// The passphrase of a passphrase (scrypt) vault; `origin` names the vault in a prompt.
    fn passphrase(&mut self, origin: &str) -> Result<SecretString, String>;
    /// The identities from `--identity` files, or `None` when none was given.
    fn identities(&mut self) -> Result<Option<Identities>, String>;
    /// Shown while the key is derived and the vault decrypted (a second or so for a
    /// passphrase): nothing, unless the keys come from a person at a terminal.
    fn unlocking(&mut self, _origin: &str) -> Progress {
        Progress::none()
    }
    /// The public keys of the `--identity` files, to encrypt a vault again after a change;
    /// `None` when there are none.
    fn recipients(&mut self) -> Result<Option<Recipients>, String> {
        Ok(None)
    }
    /// The `--key-file` of a KeePassXC database, when one was given.
    fn key_file(&self) -> Option<std::path::PathBuf> {
        None
    }
}

pub type Recipients = Vec<Box<dyn Recipient + Send>>;

/// No key at all: an encrypted vault then fails with a message saying what to provide.
pub struct NoKeys;

impl Keys for NoKeys {
    fn passphrase(&mut self, _origin: &str) -> Result<SecretString, String> {
        Err(crate::t!("err-age-no-passphrase"))
    }

    fn identities(&mut self) -> Result<Option<Identities>, String> {
        Ok(None)
    }
}

/// What a new encrypted file is locked with.
pub enum Lock {
    Passphrase(SecretString),
    Recipients(Recipients),
}

/// Decrypts an age file (armored or binary) into a wiping buffer.
pub fn decrypt(
    origin: &str,
    ciphertext: &[u8],
    keys: &mut dyn Keys,
) -> Result<Zeroizing<Vec<u8>>, VaultError> {
    let fail = |message: String| VaultError::file(origin, message);
    let decryptor = Decryptor::new_buffered(ArmoredReader::new(ciphertext))
        .map_err(|e| fail(header_problem(ciphertext, &e)))?;
    let scrypt = decryptor.is_scrypt();
    let _progress;
    let mut reader = if scrypt {
        let mut identity = age::scrypt::Identity::new(keys.passphrase(origin).map_err(fail)?);
        identity.set_max_work_factor(MAX_WORK_FACTOR);
        _progress = keys.unlocking(origin);
        decryptor.decrypt(iter::once(&identity as &dyn Identity))
    } else {
        let identities = keys
            .identities()
            .map_err(fail)?
            .ok_or_else(|| fail(crate::t!("err-age-needs-identity")))?;
        _progress = keys.unlocking(origin);
        decryptor.decrypt(identities.iter().map(|i| i.as_ref() as &dyn Identity))
    }
    .map_err(|e| fail(key_problem(&e, scrypt)))?;
    // Plaintext is shorter than ciphertext: one allocation, never a stale copy from growing.
    let mut plaintext = Zeroizing::new(Vec::with_capacity(ciphertext.len()));
    reader
        .read_to_end(&mut plaintext)
        .map_err(|e| fail(payload_problem(&e)))?;
    Ok(plaintext)
}

/// Whether an age file is ASCII-armored (so a new version of it is armored too).
pub fn is_armored(ciphertext: &[u8]) -> bool {
    ciphertext
        .trim_ascii_start()
        .starts_with(b"-----BEGIN AGE ENCRYPTED FILE-----")
}

/// Encrypts `plaintext` to an age file, ASCII-armored when `armor` is set.
pub fn encrypt(plaintext: &[u8], lock: Lock, armor: bool) -> Result<Vec<u8>, String> {
    let encryptor = match lock {
        Lock::Passphrase(passphrase) => {
            let mut recipient = age::scrypt::Recipient::new(passphrase);
            recipient.set_work_factor(WORK_FACTOR);
            Encryptor::with_recipients(iter::once(&recipient as &dyn Recipient))
        }
        Lock::Recipients(recipients) => {
            Encryptor::with_recipients(recipients.iter().map(|r| r.as_ref() as &dyn Recipient))
        }
    }
    .map_err(|e| crate::t!("err-age-cannot-encrypt", error = e.to_string()))?;
    let mut out = Vec::with_capacity(plaintext.len() * 2 + 1024);
    let format = if armor {
        Format::AsciiArmor
    } else {
        Format::Binary
    };
    let written = ArmoredWriter::wrap_output(&mut out, format)
        .and_then(|armored| encryptor.wrap_output(armored))
        .and_then(|mut writer| {
            writer.write_all(plaintext)?;
            writer.finish()?.finish()
        });
    written.map_err(|e| crate::t!("err-age-cannot-encrypt", error = e.to_string()))?;
    Ok(out)
}

fn header_problem(ciphertext: &[u8], error: &DecryptError) -> String {
    let text = ciphertext.trim_ascii_start();
    if text.starts_with(b"{") {
        return crate::t!("err-age-plain-json");
    }
    match error {
        DecryptError::Io(e) if e.kind() == io::ErrorKind::UnexpectedEof => {
            crate::t!("err-age-header-truncated")
        }
        DecryptError::UnknownFormat => {
            crate::t!("err-age-unknown-format")
        }
        _ if text.starts_with(b"-----BEGIN AGE ENCRYPTED FILE-----") => {
            crate::t!("err-age-armor-damaged")
        }
        _ => crate::t!("err-age-not-age"),
    }
}

fn key_problem(error: &DecryptError, scrypt: bool) -> String {
    match error {
        DecryptError::DecryptionFailed if scrypt => {
            crate::t!("err-age-wrong-passphrase")
        }
        DecryptError::NoMatchingKeys | DecryptError::DecryptionFailed => {
            crate::t!("err-age-no-matching-identity")
        }
        DecryptError::InvalidMac => {
            crate::t!("err-age-header-changed")
        }
        DecryptError::ExcessiveWork { required, .. } => crate::t!(
            "err-age-work-factor",
            required = required.to_string(),
            max = MAX_WORK_FACTOR.to_string()
        ),
        DecryptError::KeyDecryptionFailed => {
            crate::t!("err-age-identity-encrypted")
        }
        DecryptError::Io(e) => payload_problem(e),
        _ => crate::t!("err-age-not-age"),
    }
}

fn payload_problem(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::UnexpectedEof => crate::t!("err-age-payload-truncated"),
        _ => crate::t!("err-age-payload-damaged"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use age::secrecy::SecretString;

    struct Pass(&'static str);

    impl Keys for Pass {
        fn passphrase(&mut self, _origin: &str) -> Result<SecretString, String> {
            Ok(SecretString::from(self.0))
        }
        fn identities(&mut self) -> Result<Option<Identities>, String> {
            Ok(None)
        }
    }

    fn locked(plaintext: &[u8], armor: bool) -> Vec<u8> {
        let lock = Lock::Passphrase(SecretString::from("correct horse"));
        encrypt(plaintext, lock, armor).unwrap()
    }

    #[test]
    fn suffix_decides() {
        assert!(is_encrypted(Path::new("v/vault.age")));
        assert!(is_encrypted(Path::new("VAULT.AGE")));
        assert!(!is_encrypted(Path::new("vault.json")));
        assert!(!is_encrypted(Path::new("age")));
    }

    #[test]
    fn round_trips_binary_and_armored() {
        for armor in [false, true] {
            let ciphertext = locked(b"{\"hello\": 1}", armor);
            assert_eq!(
                ciphertext.starts_with(b"-----BEGIN AGE ENCRYPTED FILE-----"),
                armor
            );
            let plaintext = decrypt("v.age", &ciphertext, &mut Pass("correct horse")).unwrap();
            assert_eq!(plaintext.as_slice(), b"{\"hello\": 1}");
        }
    }

    #[test]
    fn wrong_passphrase_and_missing_keys_say_so() {
        let ciphertext = locked(b"{}", false);
        let error = decrypt("v.age", &ciphertext, &mut Pass("wrong")).unwrap_err();
        assert_eq!(
            error.to_string(),
            "v.age: wrong passphrase (or the file was changed after it was encrypted)"
        );
        let error = decrypt("v.age", &ciphertext, &mut NoKeys).unwrap_err();
        assert!(error.to_string().contains("no passphrase"), "{error}");
    }

    #[test]
    fn plain_json_and_garbage_are_not_age_files() {
        let error = decrypt("v.age", b"  {\"version\": 1}", &mut NoKeys).unwrap_err();
        assert!(error.to_string().contains("plain JSON"), "{error}");
        let error = decrypt("v.age", b"hello", &mut NoKeys).unwrap_err();
        assert!(error.to_string().contains("not an age file"), "{error}");
    }
}
