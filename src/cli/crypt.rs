//! `credview encrypt` and `credview decrypt`: vault files to and from the `age` format.
//! They work on the files named on the command line, never on the configured vault.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;
use zeroize::Zeroizing;

use super::Failure;
use crate::fsutil::write_atomically;
use crate::unlock::Unlock;
use crate::vault::encrypted::{self, is_encrypted};
use crate::vault::{check_symlink, parse};

#[derive(Debug, Args)]
pub struct EncryptArgs {
    /// The plain JSON vault to encrypt (it is checked first)
    #[arg(value_name = "PLAIN.json")]
    pub input: PathBuf,
    /// The encrypted vault to write; its name must end in .age
    #[arg(value_name = "OUT.age")]
    pub output: PathBuf,
    /// Encrypt to this age public key (age1...) instead of a passphrase; repeatable
    #[arg(long, short = 'r', value_name = "AGE_PUBLIC_KEY")]
    pub recipient: Vec<String>,
    /// Write ASCII-armored text instead of binary
    #[arg(long, short = 'a')]
    pub armor: bool,
    /// Replace OUT.age if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct DecryptArgs {
    /// The encrypted vault
    #[arg(value_name = "VAULT.age")]
    pub input: PathBuf,
    /// Write the plain JSON to this file (mode 600) instead of stdout
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace FILE if it exists
    #[arg(long)]
    pub force: bool,
}

pub fn encrypt(args: &EncryptArgs, keys: &mut Unlock, err: &mut dyn Write) -> Result<(), Failure> {
    let target = args.output.display().to_string();
    if !is_encrypted(&args.output) {
        return Err(Failure::usage(crate::t!(
            "cli-encrypt-needs-age",
            target = &target
        )));
    }
    refuse_existing(&args.output, args.force)?;
    let origin = args.input.display().to_string();
    if is_encrypted(&args.input) {
        return Err(Failure::usage(crate::t!(
            "cli-encrypt-already",
            origin = &origin
        )));
    }
    let plaintext = read(&args.input)?;
    // A broken vault is refused while its line:column still helps.
    parse(&origin, &plaintext).map_err(|e| Failure::usage(e.to_string()))?;
    let lock = keys
        .lock(&args.recipient, &target)
        .map_err(Failure::usage)?;
    let ciphertext = encrypted::encrypt(&plaintext, lock, args.armor).map_err(Failure::usage)?;
    write_atomically(&args.output, &ciphertext, args.force)
        .map_err(|e| cannot_write(&args.output, &e))?;
    let note = crate::t!("cli-encrypt-done", target = &target, origin = &origin);
    let _ = writeln!(err, "{note}");
    Ok(())
}

pub fn decrypt(
    args: &DecryptArgs,
    keys: &mut Unlock,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    if let Some(path) = &args.output {
        refuse_existing(path, args.force)?;
    }
    let origin = args.input.display().to_string();
    let ciphertext = read(&args.input)?;
    let plaintext = encrypted::decrypt(&origin, &ciphertext, keys)
        .map_err(|e| Failure::usage(e.to_string()))?;
    match &args.output {
        Some(path) => {
            write_atomically(path, &plaintext, args.force).map_err(|e| cannot_write(path, &e))?;
            let what = crate::t!("cli-decrypt-file-plain", path = path.display().to_string());
            let _ = writeln!(err, "warning: {what}");
        }
        None => {
            let what = crate::t!("cli-decrypt-plain");
            let _ = writeln!(err, "warning: {what}");
            out.write_all(&plaintext)
                .and_then(|()| out.flush())
                .map_err(|e| super::output_failed(&e))?;
        }
    }
    Ok(())
}

fn refuse_existing(path: &Path, force: bool) -> Result<(), Failure> {
    if !force && std::fs::symlink_metadata(path).is_ok() {
        return Err(Failure::usage(crate::t!(
            "cli-exists-use-force",
            path = path.display().to_string()
        )));
    }
    Ok(())
}

fn read(path: &Path) -> Result<Zeroizing<Vec<u8>>, Failure> {
    let origin = path.display().to_string();
    check_symlink(path).map_err(|m| Failure::usage(format!("{origin}: {m}")))?;
    std::fs::read(path).map(Zeroizing::new).map_err(|e| {
        let what = crate::t!("cli-import-unreadable", error = e.to_string());
        Failure::usage(format!("{origin}: {what}"))
    })
}

/// A file that could not be written, named.
pub(super) fn cannot_write(path: &Path, error: &dyn std::fmt::Display) -> Failure {
    Failure::usage(crate::t!(
        "cli-cannot-write",
        path = path.display().to_string(),
        error = error.to_string()
    ))
}
