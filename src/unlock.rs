//! Where the key to an encrypted vault comes from: `--identity FILE` for vaults encrypted to
//! an age key; for passphrase vaults `$CREDVIEW_PASSPHRASE_FILE`, else a prompt on the
//! terminal with no echo. Nothing here ever prints a passphrase or a key.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use age::secrecy::{ExposeSecret, SecretString};
use zeroize::Zeroizing;

use crate::progress::Progress;
use crate::prompt::{Prompt, Tty};
use crate::vault::encrypted::{Identities, Keys, Lock, Recipients};

pub const PASSPHRASE_FILE: &str = "CREDVIEW_PASSPHRASE_FILE";

pub struct Unlock {
    identity_files: Vec<PathBuf>,
    passphrase_file: Option<PathBuf>,
    key_file: Option<PathBuf>,
    prompt: Box<dyn Prompt>,
    /// A typed passphrase, kept (wiped on drop) so that writing the vault back does not ask
    /// again, and cannot be given a different one by mistake.
    typed: Option<SecretString>,
}

impl Unlock {
    /// `env` looks up an environment variable, as in `Source::resolve`.
    pub fn new(identity_files: &[PathBuf], env: impl Fn(&str) -> Option<OsString>) -> Self {
        Self {
            identity_files: identity_files.to_vec(),
            passphrase_file: env(PASSPHRASE_FILE)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from),
            key_file: None,
            prompt: Box::new(Tty),
            typed: None,
        }
    }

    /// The key file of a KeePassXC database (`--key-file`).
    pub fn with_key_file(mut self, key_file: Option<PathBuf>) -> Self {
        self.key_file = key_file;
        self
    }

    pub fn with_prompt(mut self, prompt: Box<dyn Prompt>) -> Self {
        self.prompt = prompt;
        self
    }

    /// What `credview encrypt` locks with: `--recipient` keys, else the public keys of the
    /// `--identity` files, else a new passphrase (typed twice when prompted).
    pub fn lock(&mut self, recipients: &[String], target: &str) -> Result<Lock, String> {
        if !recipients.is_empty() {
            return recipients
                .iter()
                .map(|text| {
                    text.trim()
                        .parse::<age::x25519::Recipient>()
                        .map(|r| Box::new(r) as Box<dyn age::Recipient + Send>)
                        .map_err(|_| crate::t!("cli-recipient-invalid", text = text.as_str()))
                })
                .collect::<Result<_, _>>()
                .map(Lock::Recipients);
        }
        if let Some(all) = self.recipients()? {
            return Ok(Lock::Recipients(all));
        }
        if let Some(path) = &self.passphrase_file {
            return read_passphrase_file(path, false).map(Lock::Passphrase);
        }
        let first = self
            .prompt
            .ask(&crate::t!("cli-passphrase-new", target = target))?;
        refuse_empty(&first)?;
        let again = self.prompt.ask(&crate::t!("cli-passphrase-again"))?;
        if first.expose_secret() != again.expose_secret() {
            return Err(crate::t!("cli-passphrase-differ"));
        }
        Ok(Lock::Passphrase(first))
    }
}

impl Keys for Unlock {
    fn passphrase(&mut self, origin: &str) -> Result<SecretString, String> {
        if let Some(path) = &self.passphrase_file {
            return read_passphrase_file(path, self.key_file.is_some());
        }
        if let Some(typed) = &self.typed {
            return Ok(typed.clone());
        }
        let passphrase = self
            .prompt
            .ask(&crate::t!("cli-passphrase-for", origin = origin))?;
        // With a key file, an empty answer is an answer: a database locked by the file alone.
        if self.key_file.is_none() {
            refuse_empty(&passphrase)?;
        }
        self.typed = Some(passphrase.clone());
        Ok(passphrase)
    }

    fn recipients(&mut self) -> Result<Option<Recipients>, String> {
        if self.identity_files.is_empty() {
            return Ok(None);
        }
        let mut all = Vec::new();
        for path in &self.identity_files {
            let file = identity_file(path)?;
            all.extend(file.to_recipients().map_err(|e| identity_error(path, &e))?);
        }
        Ok(Some(all))
    }

    fn key_file(&self) -> Option<PathBuf> {
        self.key_file.clone()
    }

    fn identities(&mut self) -> Result<Option<Identities>, String> {
        if self.identity_files.is_empty() {
            return Ok(None);
        }
        let mut all = Identities::new();
        for path in &self.identity_files {
            let file = identity_file(path)?;
            all.extend(
                file.into_identities()
                    .map_err(|e| identity_error(path, &e))?,
            );
        }
        Ok(Some(all))
    }

    fn unlocking(&mut self, origin: &str) -> Progress {
        Progress::spinner(|| {
            let origin = crate::format::printable(origin).into_owned();
            crate::t!("cli-progress-unlocking", origin = origin)
        })
    }
}

fn refuse_empty(passphrase: &SecretString) -> Result<(), String> {
    if passphrase.expose_secret().is_empty() {
        return Err(crate::t!("cli-passphrase-empty"));
    }
    Ok(())
}

/// The first line of the file, without its line ending; empty only where that means "no
/// password" (a key file is given).
fn read_passphrase_file(path: &Path, may_be_empty: bool) -> Result<SecretString, String> {
    let what = format!("{PASSPHRASE_FILE} {}", path.display());
    let bytes = Zeroizing::new(std::fs::read(path).map_err(|e| format!("{what}: {e}"))?);
    let line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let text =
        std::str::from_utf8(line).map_err(|_| format!("{what}: {}", crate::t!("cli-not-utf8")))?;
    if text.is_empty() && !may_be_empty {
        return Err(format!(
            "{what}: {}",
            crate::t!("cli-passphrase-file-empty")
        ));
    }
    Ok(SecretString::from(text))
}

fn identity_file(path: &Path) -> Result<age::IdentityFile<age::NoCallbacks>, String> {
    let what = format!("--identity {}", path.display());
    let bytes = Zeroizing::new(std::fs::read(path).map_err(|e| format!("{what}: {e}"))?);
    // age's own messages name a line number, never the line.
    let file = age::IdentityFile::from_buffer(bytes.as_slice())
        .map_err(|e| format!("{what}: {e} ({})", crate::t!("cli-identity-expected")))?;
    Ok(file)
}

fn identity_error(path: &Path, error: &dyn std::fmt::Display) -> String {
    format!("--identity {}: {error}", path.display())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::VecDeque;

    struct Script(VecDeque<&'static str>);

    impl Prompt for Script {
        fn ask(&mut self, _question: &str) -> Result<SecretString, String> {
            self.0
                .pop_front()
                .map(SecretString::from)
                .ok_or_else(|| "no terminal".to_owned())
        }
    }

    fn unlock(env: &[(&str, &str)], answers: &[&'static str]) -> Unlock {
        let env: Vec<(String, String)> = env
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        Unlock::new(&[], move |name| {
            env.iter().find(|(k, _)| k == name).map(|(_, v)| v.into())
        })
        .with_prompt(Box::new(Script(answers.iter().copied().collect())))
    }

    #[test]
    fn the_passphrase_file_wins_and_loses_its_line_ending() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("pass");
        std::fs::write(&file, "two words\r\nignored\n").unwrap();
        let mut keys = unlock(&[(PASSPHRASE_FILE, file.to_str().unwrap())], &[]);
        let pass = keys.passphrase("v.age").unwrap();
        assert_eq!(pass.expose_secret(), "two words");
        std::fs::write(&file, "\n").unwrap();
        assert!(keys.passphrase("v.age").unwrap_err().contains("empty"));
    }

    #[test]
    fn a_new_passphrase_is_typed_twice() {
        let mut keys = unlock(&[], &["abc", "abd"]);
        let error = keys.lock(&[], "out.age").err().unwrap();
        assert!(error.contains("differ"), "{error}");
        let mut keys = unlock(&[], &["abc", "abc"]);
        assert!(matches!(keys.lock(&[], "out.age"), Ok(Lock::Passphrase(_))));
        let mut keys = unlock(&[], &[""]);
        assert!(keys.lock(&[], "out.age").err().unwrap().contains("empty"));
    }

    #[test]
    fn recipients_must_be_age_keys() {
        let mut keys = unlock(&[], &[]);
        let error = keys.lock(&["ssh-rsa AAAA".into()], "o.age").err().unwrap();
        assert!(error.contains("not an age public key"), "{error}");
        let public = age::x25519::Identity::generate().to_public().to_string();
        assert!(matches!(
            keys.lock(&[public], "o.age"),
            Ok(Lock::Recipients(r)) if r.len() == 1
        ));
    }

    #[test]
    fn no_identity_means_none() {
        assert!(unlock(&[], &[]).identities().unwrap().is_none());
    }
}
