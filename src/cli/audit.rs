//! `credview audit`: the audit log, as a table or as its JSON lines; and the record that every
//! command revealing a secret writes before it prints anything.

use std::ffi::OsString;
use std::io::Write;
use std::path::Path;

use unicode_width::UnicodeWidthStr;

use super::{Cli, Command, Failure};
use crate::audit::{AuditAction, AuditLog, AuditRecord, LogLine};
use crate::clock::Clock;
use crate::vault::Credential;

#[derive(Debug, clap::Args)]
pub struct AuditArgs {
    /// Print the records as they are stored, one JSON object per line
    #[arg(long)]
    pub json: bool,
}

/// Writes the record for `event`; when that fails the command stops before any output.
pub(super) fn record(
    log: &mut dyn AuditLog,
    event: AuditAction,
    credential: &Credential,
    clock: &dyn Clock,
) -> Result<(), Failure> {
    if !log.keeps_records() {
        return Ok(());
    }
    log.append(&AuditRecord::of(event, credential, None, clock.now()))
        .map_err(|e| not_recorded(&e))
}

/// A reveal whose record could not be written does not happen.
fn not_recorded(error: &dyn std::fmt::Display) -> Failure {
    Failure::usage(crate::t!(
        "cli-audit-not-recorded",
        error = error.to_string()
    ))
}

/// As `record`, for an HOTP code: the record names the counter (never the code).
pub(super) fn record_counter(
    log: &mut dyn AuditLog,
    event: AuditAction,
    credential: &Credential,
    counter: u64,
    clock: &dyn Clock,
) -> Result<(), Failure> {
    if !log.keeps_records() {
        return Ok(());
    }
    let entry = AuditRecord::of(event, credential, None, clock.now()).with_counter(counter);
    log.append(&entry).map_err(|e| not_recorded(&e))
}

/// Runs `credview audit`, which needs no vault; `None` for every other command.
/// `configured`: the settings file's `audit_log`, used when `--audit` names none.
pub fn run_audit_command(
    cli: &Cli,
    configured: Option<&Path>,
    env: impl Fn(&str) -> Option<OsString>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Option<Result<(), Failure>> {
    let Some(Command::Audit(args)) = &cli.command else {
        return None;
    };
    let path = crate::audit::resolve_path(cli.audit.as_deref().or(configured), env);
    Some(match path {
        Some(path) => show(&path, args.json, out, err),
        None => Err(Failure::usage(crate::t!("cli-audit-nowhere"))),
    })
}

fn show(path: &Path, json: bool, out: &mut dyn Write, err: &mut dyn Write) -> Result<(), Failure> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let told = crate::t!("cli-audit-none-yet", path = path.display().to_string());
            let _ = writeln!(err, "{told}");
            return Ok(());
        }
        Err(e) => {
            return Err(Failure::usage(crate::t!(
                "cli-audit-unreadable",
                path = path.display().to_string(),
                error = e.to_string()
            )));
        }
    };
    let mut records = Vec::new();
    for line in crate::audit::read_log(&bytes) {
        match line {
            LogLine::Record { record, text, .. } => records.push((record, text)),
            LogLine::Corrupt { line } => {
                let what = crate::t!("cli-audit-corrupt");
                let _ = writeln!(err, "warning: {}:{line}: {what}", path.display());
            }
        }
    }
    let written = if json {
        records
            .iter()
            .try_for_each(|(_, text)| writeln!(out, "{text}"))
    } else {
        table(records.iter().map(|(record, _)| record), out)
    };
    written.map_err(|e| super::output_failed(&e))
}

fn headers() -> [String; 6] {
    [
        crate::t!("cli-audit-time"),
        crate::t!("cli-audit-user"),
        crate::t!("cli-audit-event"),
        crate::t!("cli-audit-id"),
        crate::t!("cli-audit-credential"),
        crate::t!("cli-audit-reason"),
    ]
}

fn table<'a>(
    records: impl Iterator<Item = &'a AuditRecord>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let rows: Vec<[String; 6]> = records
        .map(|r| {
            [
                clean(&r.time),
                clean(&r.user),
                r.event.as_str().to_owned(),
                r.credential_id.to_string(),
                clean(&r.credential),
                clean(r.reason.as_deref().unwrap_or("")),
            ]
        })
        .collect();
    let header = headers();
    let mut widths = header.each_ref().map(|h| h.width());
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.width());
        }
    }
    let mut text = String::new();
    for row in std::iter::once(&header).chain(&rows) {
        let mut line = String::new();
        for (cell, width) in row.iter().zip(widths) {
            line.push_str(cell);
            line.push_str(&" ".repeat(width - cell.width() + 2));
        }
        text.push_str(line.trim_end());
        text.push('\n');
    }
    out.write_all(text.as_bytes())
}

/// Log fields are text anyone with write access could have put there: no terminal escapes.
fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    out
}
