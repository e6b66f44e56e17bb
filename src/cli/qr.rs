//! `credview qr`: the Key URI as a QR code, drawn in the terminal or written as a PNG.

use std::io::Write;
use std::path::{Path, PathBuf};

use zeroize::Zeroizing;

use super::code::find;
use super::uri::key_uri_text;
use super::{Failure, audit::record};
use crate::audit::{AuditAction, AuditLog};
use crate::clock::Clock;
use crate::enrol;
use crate::vault::Vault;

/// Pixels per module in a PNG: about 8 cm wide at 96 dpi for a typical Key URI.
const PNG_SCALE: u32 = 8;

#[derive(Debug, clap::Args)]
pub struct QrArgs {
    /// The credential: its id or username@hostname
    pub credential: String,
    /// Write a PNG image to FILE instead of drawing in the terminal
    #[arg(long, value_name = "FILE")]
    pub png: Option<PathBuf>,
    /// Replace FILE if it exists
    #[arg(long, requires = "png")]
    pub force: bool,
}

pub fn qr(
    vault: &Vault,
    args: &QrArgs,
    audit: &mut dyn AuditLog,
    clock: &dyn Clock,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    let credential = find(vault, &args.credential)?;
    let uri = key_uri_text(credential, err)?;
    if let Some(warning) = credential
        .totp
        .as_ref()
        .and_then(|t| enrol::non_default_warning(&t.params))
    {
        let _ = writeln!(err, "warning: {warning}");
    }
    let drawing_error = |e: enrol::EnrolError| Failure::usage(e.to_string());
    match &args.png {
        Some(path) => {
            let png = Zeroizing::new(enrol::qr_png(&uri, PNG_SCALE).map_err(drawing_error)?);
            check_destination(path, args.force)?;
            record(audit, AuditAction::Qr, credential, clock)?;
            crate::fsutil::write_atomically(path, &png, args.force)
                .map_err(|e| cannot_write(path, &e.to_string()))
        }
        None => {
            let lines = enrol::qr_lines(&uri).map_err(drawing_error)?;
            let mut text = Zeroizing::new(lines.join("\n"));
            text.push('\n');
            record(audit, AuditAction::Qr, credential, clock)?;
            out.write_all(text.as_bytes())
                .map_err(|e| super::output_failed(&e))
        }
    }
}

/// Refuses early what the write would refuse anyway, so no audit record is left for a QR
/// code that was never written.
fn check_destination(path: &Path, force: bool) -> Result<(), Failure> {
    if !force && std::fs::symlink_metadata(path).is_ok() {
        return Err(cannot_write(path, &crate::t!("cli-qr-exists")));
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    match std::fs::metadata(folder) {
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(_) => Err(cannot_write(
            path,
            &crate::t!("cli-not-a-folder", path = folder.display().to_string()),
        )),
        Err(e) => Err(cannot_write(path, &format!("{}: {e}", folder.display()))),
    }
}

fn cannot_write(path: &Path, why: &str) -> Failure {
    super::crypt::cannot_write(path, &why)
}
