//! The command line: clap definitions and the commands that do not open the TUI.

use std::io::Write;
use std::path::PathBuf;

use crate::clock::Clock;
use crate::vault::{Source, Vault};
use clap::{Parser, Subcommand};

mod code;
mod list;

pub use code::code;

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
        Command::List { json: true } => list::json(vault, out),
        Command::List { json: false } => list::table(vault, out),
        Command::Code {
            credential,
            at,
            next,
        } => {
            let at = match at {
                Some(secs) => code::at_time(*secs)?,
                None => clock.now(),
            };
            let credential = vault
                .find(credential)
                .map_err(|e| Failure::unavailable(e.to_string()))?;
            let line = code::code(credential, at, *next, err)?;
            writeln!(out, "{line}")
        }
    };
    written.map_err(|e| Failure::usage(format!("cannot write the output: {e}")))
}
