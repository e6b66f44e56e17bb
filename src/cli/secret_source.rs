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
        return Err(Failure::usage(
            "--uri: a Key URI starts with \"otpauth://totp/\"",
        ));
    }
    intake::from_secret(&text, params).map_err(Failure::usage)
}

fn refuse_settings(args: &SecretArgs) -> Result<(), Failure> {
    if args.settings_given() {
        return Err(Failure::usage(
            "a Key URI or QR code carries its own algorithm, digits and period; leave out \
             --algorithm, --digits and --period",
        ));
    }
    Ok(())
}

fn from_image(path: &Path) -> Result<TotpConfig, Failure> {
    let name = path.display().to_string();
    let fail =
        |message: String| Failure::usage(format!("{}: {message}", crate::format::printable(&name)));
    let file = std::fs::File::open(path).map_err(|e| fail(format!("cannot open it: {e}")))?;
    let mut bytes = Vec::new();
    file.take(MAX_IMAGE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(format!("cannot read it: {e}")))?;
    if bytes.len() as u64 > MAX_IMAGE_BYTES {
        return Err(fail(format!(
            "larger than {} MiB; crop the screenshot to the QR code",
            MAX_IMAGE_BYTES >> 20
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
        .map_err(|e| Failure::usage(format!("--secret-stdin: cannot read standard input: {e}")))?;
    let line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let text = std::str::from_utf8(line)
        .map_err(|_| Failure::usage("--secret-stdin: the input is not UTF-8 text"))?;
    Ok(Zeroizing::new(text.to_owned()))
}

fn ask(prompt: &mut dyn Prompt) -> Result<Zeroizing<String>, Failure> {
    use age::secrecy::ExposeSecret;
    let answer = prompt
        .ask("Secret key (TOTP), or an otpauth:// URI (not shown): ")
        .map_err(|e| {
            Failure::usage(if e.contains("no terminal") {
                "there is no terminal to ask for the secret on; use --secret-stdin, --uri or \
                 --qr-image"
                    .to_owned()
            } else {
                format!("no secret was given: {}", e.replace("passphrase", "secret"))
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
        return Err(Failure::usage(format!(
            "{question}: add --yes to confirm (there is no terminal to ask on); nothing was \
             changed"
        )));
    }
    eprint!("{question}? [y/N] ");
    let mut answer = String::new();
    stdin
        .read_line(&mut answer)
        .map_err(|e| Failure::usage(format!("cannot read the answer: {e}")))?;
    match answer.trim().to_ascii_lowercase().as_str() {
        "y" | "yes" => Ok(()),
        _ => Err(Failure::usage("not confirmed; nothing was changed")),
    }
}
