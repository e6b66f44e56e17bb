//! `credview import FILE...`: other authenticators' exports into the vault, in one write.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use age::secrecy::ExposeSecret;
use zeroize::Zeroizing;

use super::Failure;
use crate::audit::{AuditAction, AuditLog, AuditRecord};
use crate::clock::Clock;
use crate::import::apply::{self, Outcome, Plan, Row};
use crate::import::{self, EntryError, ImportedEntry, Input};
use crate::prompt::Prompt;
use crate::vault::encrypted::Keys;
use crate::vault::{Source, write};

/// Larger files are refused: no authenticator export comes near it.
const MAX_FILE: u64 = 64 * 1024 * 1024;

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// Export files: Key URI lists, Google Authenticator exports (text or PNG screenshots of
    /// its QR codes), Aegis, andOTP, 2FAS, Bitwarden, FreeOTP+, Proton Authenticator, Ente
    /// Auth, KeePassXC CSV
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The format, when detection from the content is not wanted (otpauth, google,
    /// google-qr, aegis, andotp, 2fas, bitwarden, bitwarden-csv, freeotp, proton, ente,
    /// keepassxc-csv)
    #[arg(long, value_name = "F")]
    pub format: Option<String>,
    /// Print what would be imported; write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// The export password of an encrypted export (first line of the file); else asked
    #[arg(long, value_name = "P")]
    pub password_file: Option<PathBuf>,
}

/// Why nothing new was written although nothing failed (a marker: the user reads
/// `cli-import-nothing-new`).
const NOTHING_NEW: &str = "nothing new";

pub fn import(
    args: &ImportArgs,
    source: &Source,
    keys: &mut dyn Keys,
    audit: &mut dyn AuditLog,
    clock: &dyn Clock,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    // The vault being written is never a KeePassXC database (those are read-only), so the
    // global --key-file can only be for a database being imported.
    let key_file = keys.key_file();
    let entries = read_files(args, key_file.as_deref(), err)?;
    if entries.is_empty() {
        return Err(Failure::usage(crate::t!("cli-import-empty")));
    }
    let origin = source.name();
    let mut decided: Option<Plan> = None;
    let written = if args.dry_run {
        let vault = super::open_vault_with(source, keys, err)?;
        decided = Some(apply::plan(&vault, entries));
        Ok(())
    } else {
        write::update(source, keys, |vault| {
            let plan = apply::plan(vault, entries);
            let (failed, new) = (plan.failed(), plan.credentials.len());
            vault.credentials.extend(plan.credentials.iter().cloned());
            decided = Some(plan);
            match (failed, new) {
                (0, 0) => Err(NOTHING_NEW.into()),
                (0, _) => Ok(()),
                (n, _) => Err(crate::t!("cli-import-failed-entries", count = n)),
            }
        })
    };
    let Some(plan) = decided else {
        return written.map_err(|e| Failure::usage(e.to_string()));
    };
    print_table(&plan, args.dry_run, out).map_err(|e| super::output_failed(&e))?;
    match written {
        Err(write::WriteError::Change(message)) if message == NOTHING_NEW => {
            let _ = writeln!(
                err,
                "{}",
                crate::t!("cli-import-nothing-new", vault = &origin)
            );
            Ok(())
        }
        Err(e) => Err(Failure::usage(e.to_string())),
        Ok(()) if args.dry_run => {
            let summary = crate::t!(
                "cli-import-dry-run",
                added = plan.credentials.len(),
                skipped = plan.skipped(),
                failed = plan.failed()
            );
            let _ = writeln!(err, "{summary}");
            if plan.failed() > 0 {
                return Err(Failure::usage(crate::t!(
                    "cli-import-dry-run-failed",
                    count = plan.failed()
                )));
            }
            Ok(())
        }
        Ok(()) => {
            let files: Vec<String> = args.files.iter().map(|f| f.display().to_string()).collect();
            let what = format!(
                "{} credentials from {}",
                plan.credentials.len(),
                files.join(", ")
            );
            let record = AuditRecord::new(AuditAction::Import, 0, what, None, clock.now());
            if let Err(e) = audit.append(&record) {
                let _ = writeln!(err, "warning: {e}");
            }
            let summary = crate::t!(
                "cli-import-done",
                count = plan.credentials.len(),
                vault = &origin,
                skipped = plan.skipped()
            );
            let _ = writeln!(err, "{summary}");
            Ok(())
        }
    }
}

type Entries = Vec<(String, Result<ImportedEntry, EntryError>)>;

/// Every file read (or the first that cannot be, as the error), batches checked across them.
fn read_files(
    args: &ImportArgs,
    key_file: Option<&Path>,
    err: &mut dyn Write,
) -> Result<Entries, Failure> {
    let format = args
        .format
        .as_deref()
        .map(import::by_id)
        .transpose()
        .map_err(|e| Failure::usage(e.to_string()))?;
    let mut password = password_source(args.password_file.as_deref());
    let mut entries = Vec::new();
    let mut batches = Vec::new();
    for path in &args.files {
        let name = path.display().to_string();
        let fail = |message: String| Failure::usage(format!("{name}: {message}"));
        let bytes = read_file(path).map_err(fail)?;
        let input = Input {
            name: &name,
            bytes: &bytes,
            key_file,
        };
        let (format, parsed) =
            import::read(&input, format, &mut password).map_err(|e| fail(e.to_string()))?;
        let read = crate::t!(
            "cli-import-file-read",
            format = format.name(),
            count = parsed.entries.len()
        );
        let _ = writeln!(err, "{name}: {read}");
        batches.extend(parsed.batches);
        entries.extend(parsed.entries.into_iter().map(|e| (name.clone(), e)));
    }
    import::check_batches(&batches).map_err(|e| Failure::usage(e.to_string()))?;
    Ok(entries)
}

fn read_file(path: &Path) -> Result<Zeroizing<Vec<u8>>, String> {
    let unreadable = |e: std::io::Error| crate::t!("cli-import-unreadable", error = e.to_string());
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let mut bytes = Zeroizing::new(Vec::new());
    file.take(MAX_FILE + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FILE {
        return Err(crate::t!("cli-import-too-large"));
    }
    Ok(bytes)
}

/// `--password-file`, else a prompt on the terminal.
fn password_source(
    file: Option<&Path>,
) -> impl FnMut(&str) -> Result<Zeroizing<String>, String> + '_ {
    move |question| match file {
        Some(path) => {
            let bytes = Zeroizing::new(
                std::fs::read(path)
                    .map_err(|e| format!("--password-file {}: {e}", path.display()))?,
            );
            let line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            std::str::from_utf8(line)
                .map(|text| Zeroizing::new(text.to_owned()))
                .map_err(|_| {
                    let what = crate::t!("cli-not-utf8");
                    format!("--password-file {}: {what}", path.display())
                })
        }
        None => crate::prompt::Tty
            .ask(question)
            .map(|secret| Zeroizing::new(secret.expose_secret().to_owned())),
    }
}

fn print_table(plan: &Plan, dry_run: bool, out: &mut dyn Write) -> std::io::Result<()> {
    let places: Vec<String> = plan.rows.iter().map(place).collect();
    let names: Vec<String> = plan
        .rows
        .iter()
        .map(|r| crate::format::printable(&r.name).into_owned())
        .collect();
    let from = crate::t!("cli-import-from");
    let kind = crate::t!("cli-import-kind");
    let account = crate::t!("cli-import-account");
    let count = |text: &str| text.chars().count();
    let place_width = places
        .iter()
        .map(|p| count(p))
        .max()
        .unwrap_or(0)
        .max(count(&from));
    let kind_width = count(&kind).max(5);
    let name_width = names
        .iter()
        .map(|n| count(n))
        .max()
        .unwrap_or(0)
        .clamp(count(&account), 48);
    let result = crate::t!("cli-import-result");
    writeln!(
        out,
        "{from:place_width$}  {kind:kind_width$}  {account:name_width$}  {result}"
    )?;
    for ((row, place), name) in plan.rows.iter().zip(&places).zip(&names) {
        let name: String = name.chars().take(name_width).collect();
        let result = match &row.outcome {
            Outcome::Added { id } if dry_run => {
                crate::t!("cli-import-would-add", id = id.to_string())
            }
            Outcome::Added { id } => crate::t!("cli-import-added", id = id.to_string()),
            Outcome::Skipped(why) => crate::t!("cli-import-skipped", why = why.to_string()),
            Outcome::Failed(why) => {
                crate::t!("cli-import-failed", why = crate::format::printable(why))
            }
        };
        writeln!(
            out,
            "{place:place_width$}  {:kind_width$}  {name:name_width$}  {result}",
            row.kind
        )?;
    }
    Ok(())
}

fn place(row: &Row) -> String {
    crate::format::printable(&format!("{} {}", row.file, row.place)).into_owned()
}
