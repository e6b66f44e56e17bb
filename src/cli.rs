//! The command line: clap definitions and the commands that do not open the TUI.

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::clock::Clock;
use crate::format;
use crate::otp::Timestamp;
use crate::vault::{Credential, Source, Vault};

#[derive(Debug, Parser)]
#[command(
    name = "credview",
    version,
    about = "Privileged credentials and their TOTP codes, in the terminal",
    after_help = "With no command, opens the Credentials > All screen.\n\
                  The vault is --vault PATH, else $CREDVIEW_VAULT, else \
                  $XDG_CONFIG_HOME/credview/vault.json, else the built-in demo vault."
)]
pub struct Cli {
    /// The vault file to read (JSON)
    #[arg(long, global = true, value_name = "PATH")]
    pub vault: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the Credentials > All table
    List {
        /// One JSON array, for scripts (never includes passwords or secrets)
        #[arg(long)]
        json: bool,
    },
    /// Print a credential's current TOTP code, digits only
    Code {
        /// The credential: its id or username@hostname
        credential: String,
        /// Compute the code for this moment instead of now
        #[arg(long, value_name = "UNIX_SECONDS", allow_negative_numbers = true)]
        at: Option<i64>,
        /// Print the code of the step after it
        #[arg(long)]
        next: bool,
    },
}

/// Exit statuses, as DESIGN.md fixes them.
pub mod status {
    pub const OK: u8 = 0;
    /// No TOTP, not permitted, or no such credential.
    pub const UNAVAILABLE: u8 = 1;
    /// Bad usage or a bad vault.
    pub const USAGE: u8 = 2;
}

/// A command that did not succeed: what to print on stderr and the exit status.
#[derive(Debug)]
pub struct Failure {
    pub status: u8,
    pub message: String,
}

impl Failure {
    pub fn usage(message: impl Into<String>) -> Self {
        Self {
            status: status::USAGE,
            message: message.into(),
        }
    }

    pub fn unavailable(message: impl Into<String>) -> Self {
        Self {
            status: status::UNAVAILABLE,
            message: message.into(),
        }
    }
}

/// Reads the vault a command needs, printing the permission warning on `stderr`.
pub fn open_vault(source: &Source, stderr: &mut dyn Write) -> Result<Vault, Failure> {
    if let Source::File(path) = source {
        if let Some(warning) = crate::vault::permission_warning(path) {
            let _ = writeln!(stderr, "{warning}");
        }
    }
    source.load().map_err(|e| Failure::usage(e.to_string()))
}

pub fn run_command(
    command: &Command,
    vault: &Vault,
    clock: &dyn Clock,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    let written = match command {
        Command::List { json: true } => list_json(vault, out),
        Command::List { json: false } => list_table(vault, out),
        Command::Code {
            credential,
            at,
            next,
        } => {
            let at = match at {
                Some(secs) => at_time(*secs)?,
                None => clock.now(),
            };
            let credential = vault
                .find(credential)
                .map_err(|e| Failure::unavailable(e.to_string()))?;
            let line = code(credential, at, *next, err)?;
            writeln!(out, "{line}")
        }
    };
    written.map_err(|e| Failure::usage(format!("cannot write the output: {e}")))
}

fn at_time(secs: i64) -> Result<Timestamp, Failure> {
    u64::try_from(secs)
        .map(Timestamp::from_secs)
        .map_err(|_| Failure::usage(format!("--at {secs}: times before 1970 are not supported")))
}

/// The code as digits, after the same checks the Details pop-up makes.
pub fn code(
    credential: &Credential,
    at: Timestamp,
    next: bool,
    err: &mut dyn Write,
) -> Result<String, Failure> {
    let name = format!(
        "credential {} ({})",
        credential.id,
        credential.qualified_name()
    );
    let totp = credential
        .totp
        .as_ref()
        .ok_or_else(|| Failure::unavailable(format!("{name} has no TOTP configured")))?;
    if !credential.access.can_see_token() {
        return Err(Failure::unavailable(format!(
            "{name}: your access allows neither viewing the password nor starting a session, \
             so its token is not shown"
        )));
    }
    if totp.is_short() {
        let _ = writeln!(
            err,
            "warning: {name} has a short secret ({} bits; 128 or more is recommended)",
            totp.secret.bits()
        );
    }
    let generator = totp.generator();
    let code = if next {
        generator.next_code(at)
    } else {
        generator.code(at)
    };
    Ok(code.to_string())
}

const HEADERS: [&str; 9] = [
    "ID",
    "HOSTNAME",
    "TYPE",
    "USERNAME",
    "ADDITIONAL",
    "DOMAIN",
    "TAGS",
    "LAST VIEW",
    "TOTP",
];

fn list_table(vault: &Vault, out: &mut dyn Write) -> std::io::Result<()> {
    let rows: Vec<[String; 9]> = vault
        .credentials
        .iter()
        .map(|c| {
            [
                c.id.to_string(),
                format::text(&c.device.hostname).to_owned(),
                format::text(&c.kind).to_owned(),
                c.username.clone(),
                format::text(&c.additional).to_owned(),
                format::text(&c.domain).to_owned(),
                format::tags(c),
                format::date(c.last_view),
                if c.totp.is_some() { "yes" } else { "no" }.to_owned(),
            ]
        })
        .collect();
    let mut widths = HEADERS.map(UnicodeWidthStr::width);
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.width());
        }
    }
    let header = HEADERS.map(str::to_owned);
    for row in std::iter::once(&header).chain(&rows) {
        let mut line = String::new();
        for (index, (cell, width)) in row.iter().zip(widths).enumerate() {
            line.push_str(cell);
            if index + 1 < row.len() {
                line.push_str(&" ".repeat(width - cell.width() + 2));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

#[derive(Serialize)]
struct ListedCredential<'a> {
    id: u64,
    username: &'a str,
    #[serde(rename = "type")]
    kind: Option<&'a str>,
    domain: Option<&'a str>,
    additional: Option<&'a str>,
    tags: &'a [String],
    device: ListedDevice<'a>,
    totp: Option<ListedTotp>,
    access: ListedAccess,
    last_view: String,
    expiration: String,
    created: String,
}

#[derive(Serialize)]
struct ListedDevice<'a> {
    hostname: Option<&'a str>,
    ip: Option<&'a str>,
    #[serde(rename = "type")]
    kind: Option<&'a str>,
    vendor: Option<&'a str>,
    site: Option<&'a str>,
}

#[derive(Serialize)]
struct ListedTotp {
    algorithm: String,
    digits: u8,
    period: u64,
    short_secret: bool,
}

#[derive(Serialize)]
struct ListedAccess {
    view_password: bool,
    start_session: bool,
    require_reason: bool,
}

fn list_json(vault: &Vault, out: &mut dyn Write) -> std::io::Result<()> {
    let listed: Vec<ListedCredential> = vault.credentials.iter().map(listed).collect();
    serde_json::to_writer_pretty(&mut *out, &listed)?;
    writeln!(out)
}

fn listed(c: &Credential) -> ListedCredential<'_> {
    let rfc3339 = |d: Option<time::OffsetDateTime>| {
        d.and_then(|d| {
            d.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_default()
    };
    ListedCredential {
        id: c.id,
        username: &c.username,
        kind: c.kind.as_deref(),
        domain: c.domain.as_deref(),
        additional: c.additional.as_deref(),
        tags: &c.tags,
        device: ListedDevice {
            hostname: c.device.hostname.as_deref(),
            ip: c.device.ip.as_deref(),
            kind: c.device.kind.as_deref(),
            vendor: c.device.vendor.as_deref(),
            site: c.device.site.as_deref(),
        },
        totp: c.totp.as_ref().map(|t| ListedTotp {
            algorithm: t.params.algorithm.to_string(),
            digits: t.params.digits,
            period: t.params.period,
            short_secret: t.is_short(),
        }),
        access: ListedAccess {
            view_password: c.access.view_password,
            start_session: c.access.start_session,
            require_reason: c.access.require_reason,
        },
        last_view: rfc3339(c.last_view),
        expiration: rfc3339(c.expiration),
        created: rfc3339(c.created),
    }
}
