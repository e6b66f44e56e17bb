//! Where `totp set` and `add` get the TOTP secret: a prompt with no echo (the default), the
//! first line of standard input, an `otpauth://` Key URI, or a screenshot of a QR code.
//! Whatever the way, the secret is held in wiping memory and never printed.

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};

use clap::Args;
use zeroize::Zeroizing;

use super::Failure;
use crate::intake;
use crate::prompt::Prompt;
use crate::vault::TotpConfig;

/// The largest screenshot file read (the pixel limit of `qr_image` applies too).
const MAX_IMAGE_BYTES: u64 = 64 << 20;
/// A secret or Key URI is one line; more than this is not one.
const MAX_STDIN_BYTES: u64 = 64 << 10;

#[derive(Debug, Args, Default)]
pub struct SecretArgs {
    /// Read the secret (or an otpauth:// URI) from the first line of standard input
    #[arg(long, conflicts_with_all = ["uri", "qr_image"])]
    pub secret_stdin: bool,
    /// Take the secret and its settings from this otpauth://totp/ Key URI
    #[arg(long, value_name = "URI", conflicts_with = "qr_image")]
    pub uri: Option<String>,
    /// Read the QR code in this screenshot (PNG, JPEG or GIF; anywhere in the picture)
    #[arg(long, value_name = "FILE")]
    pub qr_image: Option<PathBuf>,
    /// SHA1 (default), SHA256 or SHA512, for a secret given without a Key URI
    #[arg(long, value_name = "NAME")]
    pub algorithm: Option<String>,
    /// 6 (default) to 8, for a secret given without a Key URI
    #[arg(long, value_name = "N")]
    pub digits: Option<u64>,
    /// Seconds per code, 30 by default, for a secret given without a Key URI
    #[arg(long, value_name = "SECONDS")]
    pub period: Option<u64>,
}

impl SecretArgs {
    /// Whether a source other than the prompt was named.
    pub fn given(&self) -> bool {
        self.secret_stdin || self.uri.is_some() || self.qr_image.is_some()
    }

    fn settings_given(&self) -> bool {
        self.algorithm.is_some() || self.digits.is_some() || self.period.is_some()
    }
}

/// The TOTP settings from the source the arguments name, else from a no-echo prompt.
pub fn read_totp(args: &SecretArgs, prompt: &mut dyn Prompt) -> Result<TotpConfig, Failure> {
    let params = intake::params(args.algorithm.as_deref(), args.digits, args.period)
        .map_err(Failure::usage)?;
    if let Some(path) = &args.qr_image {
        refuse_settings(args)?;
        return from_image(path);
    }
    let text = match &args.uri {
        Some(uri) => Zeroizing::new(uri.clone()),
        None if args.secret_stdin => first_line_of_stdin()?,
        None => ask(prompt)?,
    };
    if intake::is_key_uri(&text) {
        refuse_settings(args)?;
        return intake::from_uri(&text).map_err(Failure::usage);
    }
    if args.uri.is_some() {
        return Err(Failure::usage(crate::t!("cli-secret-uri-prefix")));
    }
    intake::from_secret(&text, params).map_err(Failure::usage)
}

fn refuse_settings(args: &SecretArgs) -> Result<(), Failure> {
    if args.settings_given() {
        return Err(Failure::usage(crate::t!("cli-secret-settings-given")));
    }
    Ok(())
}

fn from_image(path: &Path) -> Result<TotpConfig, Failure> {
    let name = path.display().to_string();
    let fail =
        |message: String| Failure::usage(format!("{}: {message}", crate::format::printable(&name)));
    let unreadable = |e: std::io::Error| crate::t!("cli-import-unreadable", error = e.to_string());
    let file = std::fs::File::open(path).map_err(|e| fail(unreadable(e)))?;
    let mut bytes = Vec::new();
    file.take(MAX_IMAGE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(unreadable(e)))?;
    if bytes.len() as u64 > MAX_IMAGE_BYTES {
        return Err(fail(crate::t!(
            "cli-secret-image-too-large",
            mib = MAX_IMAGE_BYTES >> 20
        )));
    }
    let texts = crate::qr_image::decode_image(&bytes).map_err(|e| fail(e.to_string()))?;
    intake::from_qr_texts(&texts).map_err(fail)
}

fn first_line_of_stdin() -> Result<Zeroizing<String>, Failure> {
    let mut bytes = Zeroizing::new(Vec::with_capacity(MAX_STDIN_BYTES as usize + 1));
    std::io::stdin()
        .lock()
        .take(MAX_STDIN_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            Failure::usage(crate::t!(
                "cli-secret-stdin-unreadable",
                error = e.to_string()
            ))
        })?;
    let line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let text = std::str::from_utf8(line)
        .map_err(|_| Failure::usage(crate::t!("cli-secret-stdin-not-utf8")))?;
    Ok(Zeroizing::new(text.to_owned()))
}

fn ask(prompt: &mut dyn Prompt) -> Result<Zeroizing<String>, Failure> {
    use age::secrecy::ExposeSecret;
    let answer = prompt.ask(&crate::t!("cli-secret-prompt")).map_err(|e| {
        // The prompt's words are about passphrases; these are about the secret.
        Failure::usage(if e == crate::prompt::no_terminal() {
            crate::t!("cli-secret-no-terminal")
        } else if e == crate::t!("cli-passphrase-none") {
            crate::t!("cli-secret-none")
        } else if e == crate::t!("cli-passphrase-not-utf8") {
            crate::t!("cli-secret-not-utf8")
        } else {
            crate::t!("cli-secret-not-given", error = e)
        })
    })?;
    Ok(Zeroizing::new(answer.expose_secret().to_owned()))
}

/// Asks a yes/no question on the terminal; without one (a script) only `--yes` says yes.
pub fn confirm(question: &str, yes: bool) -> Result<(), Failure> {
    if yes {
        return Ok(());
    }
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        return Err(Failure::usage(crate::t!(
            "cli-confirm-needs-yes",
            question = question
        )));
    }
    if asked(question)? {
        Ok(())
    } else {
        Err(Failure::usage(crate::t!("cli-confirm-not-confirmed")))
    }
}

/// Asks `question` on stderr with the language's `[y/N]`; whether the answer was yes. `y` and
/// `yes` are always understood, whatever the language.
pub fn asked(question: &str) -> Result<bool, Failure> {
    eprint!("{} ", crate::t!("cli-confirm-ask", question = question));
    let mut answer = String::new();
    std::io::stdin()
        .read_line(&mut answer)
        .map_err(|e| Failure::usage(crate::t!("cli-confirm-unreadable", error = e.to_string())))?;
    let answer = answer.trim().to_lowercase();
    let words = crate::t!("cli-confirm-yes-words");
    Ok(["y", "yes"].contains(&answer.as_str())
        || words.split(',').any(|word| word.trim() == answer))
}
