//! `credview export`: the vault's codes for another authenticator, after a confirmation.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use zeroize::Zeroizing;

use super::Failure;
use crate::audit::{AuditAction, AuditLog, AuditRecord};
use crate::clock::Clock;
use crate::import::export;
use crate::vault::Vault;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// otpauth:// Key URIs, one a line
    Otpauth,
    /// An Aegis plain JSON export
    Aegis,
    /// Google Authenticator migration payloads (otpauth-migration:// lines, or --qr)
    Google,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Write to FILE (mode 600; never replaces one) instead of stdout
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Draw the Google Authenticator payloads as QR codes on the terminal
    #[arg(long)]
    pub qr: bool,
    /// Do not ask: the secrets leave the vault in clear text
    #[arg(long)]
    pub yes: bool,
}

pub fn export(
    vault: &Vault,
    args: &ExportArgs,
    audit: &mut dyn AuditLog,
    clock: &dyn Clock,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    if args.qr && args.format != ExportFormat::Google {
        return Err(Failure::usage(crate::t!("cli-export-qr-google")));
    }
    let mut hidden = 0;
    let mut refused = Vec::new();
    let mut entries = Vec::new();
    for credential in &vault.credentials {
        let Some(entry) = export::entry(credential) else {
            continue;
        };
        if !credential.access.can_see_token() {
            hidden += 1;
        } else if let Some(why) = (args.format == ExportFormat::Google)
            .then(|| export::google_refuses(&entry))
            .flatten()
        {
            refused.push(format!("{} ({why})", credential.id));
        } else {
            entries.push(entry);
        }
    }
    if hidden > 0 {
        let _ = writeln!(err, "{}", crate::t!("cli-export-hidden", count = hidden));
    }
    if !refused.is_empty() {
        let ids = refused.join(", ");
        let _ = writeln!(err, "{}", crate::t!("cli-export-refused", ids = ids));
    }
    if entries.is_empty() {
        return Err(Failure::unavailable(crate::t!("cli-export-nothing")));
    }
    confirm(args.yes, entries.len())?;
    let what = crate::t!("cli-export-clear-text", count = entries.len());
    let _ = writeln!(err, "warning: {what}");
    let what = format!("{} credentials ({:?})", entries.len(), args.format).to_lowercase();
    audit
        .append(&AuditRecord::new(
            AuditAction::Export,
            0,
            what,
            None,
            clock.now(),
        ))
        .map_err(|e| Failure::usage(crate::t!("cli-export-not-recorded", error = e.to_string())))?;
    let text = match args.format {
        ExportFormat::Otpauth => export::otpauth_list(&entries),
        ExportFormat::Aegis => export::aegis(&entries),
        ExportFormat::Google => {
            let batch_id = (clock.now().as_secs() & 0x7fff_ffff) as i32;
            let urls = export::google(&entries, batch_id);
            if args.qr {
                qr_text(&urls)?
            } else {
                let mut text = Zeroizing::new(String::new());
                for url in &urls {
                    text.push_str(url);
                    text.push('\n');
                }
                text
            }
        }
    };
    match &args.output {
        Some(path) => crate::fsutil::write_atomically(path, text.as_bytes(), false)
            .map_err(|e| super::crypt::cannot_write(path, &e)),
        None => out
            .write_all(text.as_bytes())
            .map_err(|e| super::output_failed(&e)),
    }
}

/// Every payload as a terminal QR code, with its number under it.
fn qr_text(urls: &[Zeroizing<String>]) -> Result<Zeroizing<String>, Failure> {
    let mut text = Zeroizing::new(String::new());
    for (index, url) in urls.iter().enumerate() {
        let lines = crate::enrol::qr_lines(url).map_err(|e| Failure::usage(e.to_string()))?;
        text.push_str(&lines.join("\n"));
        let caption = crate::t!(
            "cli-export-qr-caption",
            number = index + 1,
            count = urls.len()
        );
        text.push_str(&format!("\n  {caption}\n\n"));
    }
    Ok(text)
}

/// Asks on the terminal unless `--yes`; without a terminal, `--yes` is required.
fn confirm(yes: bool, count: usize) -> Result<(), Failure> {
    if yes {
        return Ok(());
    }
    if !std::io::stdin().is_terminal() {
        return Err(Failure::usage(crate::t!("cli-export-needs-yes")));
    }
    let question = crate::t!("cli-export-confirm", count = count);
    if super::secret_source::asked(&question)? {
        Ok(())
    } else {
        Err(Failure::usage(crate::t!("cli-export-not-confirmed")))
    }
}
