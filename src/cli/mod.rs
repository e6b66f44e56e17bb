//! The command line: clap definitions and the commands that do not open the TUI.

use std::io::Write;
use std::path::PathBuf;

use crate::app::settings::{Language, Settings};
use crate::audit::{AuditAction, AuditLog};
use crate::clock::Clock;
use crate::config::ColorWhen;
use crate::unlock::Unlock;
use crate::vault::encrypted::Keys;
use crate::vault::{Source, Vault};
use clap::{Parser, Subcommand};

mod args;
mod audit;
mod code;
mod counters;
mod crypt;
mod doctor;
mod enrol;
mod export;
mod fast_args;
pub mod help;
pub mod hotp;
mod import;
mod list;
mod qr;
mod render;
mod secret_source;
mod shell;
mod ssh;
mod time;
mod uri;
mod usage_error;
mod verify;

pub use args::parse_args;
pub use audit::{AuditArgs, run_audit_command};
pub use code::code;
pub use counters::VaultCounters;
pub use crypt::{DecryptArgs, EncryptArgs};
pub use enrol::{AddArgs, InitArgs, TotpCommand};
pub use export::{ExportArgs, ExportFormat};
pub use hotp::{CounterStore, ReadOnly};
pub use import::ImportArgs;
pub use qr::QrArgs;
pub use render::RenderArgs;
pub use secret_source::SecretArgs;
pub use ssh::SshArgs;
pub use time::{
    TimeAction, TimeArgs, best_offset, corrected_clock, ntp_servers, stored_correction,
};
pub use verify::VerifyArgs;

/// Privileged credentials and their TOTP codes, in the terminal. What `--help` shows comes
/// from the catalogue (`help.rs`); these doc comments are for developers.
#[derive(Debug, Parser)]
#[command(name = "credview", version)]
pub struct Cli {
    /// The vault file to read (JSON, or age-encrypted JSON when it ends in .age)
    #[arg(long, global = true, value_name = "PATH")]
    pub vault: Option<PathBuf>,

    /// An age identity file (AGE-SECRET-KEY-1...) for vaults encrypted to a key; repeatable
    #[arg(long, global = true, value_name = "FILE")]
    pub identity: Vec<PathBuf>,

    /// The key file of a KeePassXC database given as --vault or imported (with or without a
    /// password)
    #[arg(long, global = true, value_name = "FILE")]
    pub key_file: Option<PathBuf>,

    /// Where to append the audit log (else $XDG_STATE_HOME/credview/audit.jsonl, else
    /// ~/.local/state/credview/audit.jsonl)
    #[arg(long, global = true, value_name = "PATH")]
    pub audit: Option<PathBuf>,

    /// Write no audit records (commands that reveal secrets otherwise refuse when the log
    /// cannot be written)
    #[arg(long, global = true, conflicts_with = "audit")]
    pub no_audit: bool,

    /// The settings file to read (else $CREDVIEW_CONFIG, else
    /// $XDG_CONFIG_HOME/credview/config.toml)
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// The language: en or pt-BR (else the settings file, else $LC_ALL, $LC_MESSAGES, $LANG)
    #[arg(long, global = true, value_name = "LANG", value_parser = args::language)]
    pub lang: Option<Language>,

    /// When to use colour (auto: not with $NO_COLOR set or $TERM=dumb)
    #[arg(long, global = true, value_name = "WHEN", default_value = "auto")]
    pub color: ColorWhen,

    /// Show dates in local time instead of UTC
    #[arg(long, global = true)]
    pub local_time: bool,

    /// An NTP server to check the clock against (pool.ntp.org, say); repeatable. None by
    /// default: credview uses the network only when asked
    #[arg(long, global = true, value_name = "HOST[:PORT]")]
    pub ntp: Vec<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Each command's arguments are built only when it is the one given: building all of them
/// was half of what starting `credview code` cost.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// Print the Credentials > All table
    List {
        /// One JSON array, for scripts (never includes passwords or secrets)
        #[arg(long)]
        json: bool,
    },
    /// Print a credential's current TOTP code, digits only (HOTP: advance the counter, then
    /// print the next code)
    Code {
        /// The credential: its id or username@hostname
        credential: String,
        /// Compute the code for this moment instead of now
        #[arg(long, value_name = "UNIX_SECONDS", allow_negative_numbers = true)]
        at: Option<i64>,
        /// Print the code of the step after it
        #[arg(long)]
        next: bool,
        /// HOTP: print the code of the stored counter without advancing it
        #[arg(long, conflicts_with_all = ["at", "next"])]
        peek: bool,
    },
    /// Encrypt a plain JSON vault into an age file (passphrase, or --recipient/--identity keys)
    Encrypt(EncryptArgs),
    /// Decrypt an age vault to stdout (or --output FILE), for editing; prints a warning
    Decrypt(DecryptArgs),
    /// Print a credential's otpauth:// Key URI (it contains the secret)
    Uri {
        /// The credential: its id or username@hostname
        credential: String,
    },
    /// Draw a credential's Key URI as a QR code for an authenticator app, or write a PNG
    Qr(QrArgs),
    /// Check a code against a credential's, allowing a few steps of clock drift
    Verify(VerifyArgs),
    /// Fill a template's tags ([#TOTP_TOKEN#], [#USERNAME#], [password], ...) and print it
    Render(RenderArgs),
    /// Show the audit log of revealed codes, passwords and QR codes
    Audit(AuditArgs),
    /// Create an empty vault (mode 600) at PATH or the default place; never replaces one
    Init(InitArgs),
    /// Add a credential (and its TOTP secret); prints the new id
    Add(Box<AddArgs>),
    /// Set or remove a credential's TOTP secret
    Totp {
        #[command(subcommand)]
        command: TotpCommand,
    },
    /// Start an SSH session to the credential's device, password and code supplied
    Ssh(SshArgs),
    /// Check the clock against the --ntp servers (exit 0 fine, 1 codes at risk, 2 wrong);
    /// `sync` stores the offset for every code, `reset` removes it
    Time(TimeArgs),
    /// Check the vault, audit log, clipboard, terminal and clock, with what to do
    Doctor,
    /// Print the effective settings and where each came from (default, file, environment, flag)
    Config,
    /// Print a shell completion script: bash, zsh, fish, elvish or powershell
    Completions {
        #[arg(value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) on stdout, or write one page per command into --dir
    Man {
        /// Write credview.1 and a credview-COMMAND.1 page for each command into this folder
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Add the accounts of other authenticators' exports to the vault, in one write
    Import(ImportArgs),
    /// Write the vault's codes for another authenticator (Key URIs, Aegis, Google)
    Export(ExportArgs),
}

impl Command {
    /// The one credential the command works on, if it works on one: it needs only that one
    /// read from the vault (`open_named_with`).
    pub fn credential(&self) -> Option<&str> {
        match self {
            Self::Code { credential, .. } | Self::Uri { credential } => Some(credential),
            Self::Qr(args) => Some(&args.credential),
            Self::Verify(args) => Some(&args.credential),
            Self::Render(args) => Some(&args.credential),
            Self::Ssh(args) => Some(&args.credential),
            _ => None,
        }
    }
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

/// Output that could not be written (a full disk, a closed terminal).
pub fn output_failed(error: &std::io::Error) -> Failure {
    Failure::usage(crate::t!("cli-output-failed", error = error.to_string()))
}

/// Reads a plain vault, printing the permission warnings on `stderr`.
pub fn open_vault(source: &Source, stderr: &mut dyn Write) -> Result<Vault, Failure> {
    open_vault_with(source, &mut crate::vault::encrypted::NoKeys, stderr)
}

/// Reads the vault, asking `keys` for what an encrypted one needs.
pub fn open_vault_with(
    source: &Source,
    keys: &mut dyn Keys,
    stderr: &mut dyn Write,
) -> Result<Vault, Failure> {
    let text = open_text_with(source, keys, stderr)?;
    let _progress = reading(source);
    crate::vault::read_all(&source.name(), text).map_err(|e| Failure::usage(e.to_string()))
}

/// Reads what a command naming one credential needs: the whole vault is checked, and only
/// the credentials `spec` could name are in the result (see `vault::read_named`).
pub fn open_named_with(
    source: &Source,
    spec: &str,
    keys: &mut dyn Keys,
    stderr: &mut dyn Write,
) -> Result<Vault, Failure> {
    let text = open_text_with(source, keys, stderr)?;
    let _progress = reading(source);
    crate::vault::read_named(&source.name(), text, spec).map_err(|e| Failure::usage(e.to_string()))
}

/// A large vault takes a while to read and check (about a quarter second at 100,000): a
/// progress line on a terminal's stderr, if it takes longer than a moment.
fn reading(source: &Source) -> crate::progress::Progress {
    crate::progress::Progress::spinner(|| {
        let name = crate::format::printable(&source.name()).into_owned();
        crate::t!("cli-progress-reading", name = name)
    })
}

/// Opens the vault (warnings printed, an encrypted one decrypted) without reading it yet.
pub fn open_text_with(
    source: &Source,
    keys: &mut dyn Keys,
    stderr: &mut dyn Write,
) -> Result<crate::vault::VaultText, Failure> {
    if let Source::File(path) = source {
        // A refused symlink gets its error alone, not warnings about where it points.
        let warnings = match crate::vault::check_symlink(path) {
            Ok(()) => crate::vault::permission_warnings(path),
            Err(_) => Vec::new(),
        };
        for warning in warnings {
            let _ = writeln!(stderr, "{}", crate::format::printable(&warning));
        }
    }
    source
        .open_with(keys)
        .map_err(|e| Failure::usage(e.to_string()))
}

/// Whether `run_file_command` runs `command`: it does before the settings are resolved.
pub fn works_on_files(command: Option<&Command>) -> bool {
    matches!(
        command,
        Some(
            Command::Completions { .. }
                | Command::Man { .. }
                | Command::Encrypt(_)
                | Command::Decrypt(_)
        )
    )
}

/// Runs a command that works on files named on the command line rather than on the vault;
/// `None` for the others.
pub fn run_file_command(
    command: Option<&Command>,
    keys: &mut Unlock,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Option<Result<(), Failure>> {
    match command? {
        Command::Completions { shell } => Some(shell::completions(*shell, out)),
        Command::Man { dir: None } => Some(shell::man(out)),
        Command::Man { dir: Some(dir) } => Some(shell::man_pages(dir)),
        Command::Encrypt(args) => Some(crypt::encrypt(args, keys, err)),
        Command::Decrypt(args) => Some(crypt::decrypt(args, keys, out, err)),
        _ => None,
    }
}

/// Runs a command that writes the vault (`init`, `add`, `totp`); `None` for the others.
pub fn run_write_command(
    cli: &Cli,
    source: &Source,
    keys: &mut Unlock,
    audit: &mut dyn AuditLog,
    clock: &dyn Clock,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Option<Result<(), Failure>> {
    let cx = enrol::Context {
        source,
        keys,
        audit,
        clock,
        out,
        err,
    };
    match cli.command.as_ref()? {
        Command::Init(args) => Some(enrol::init(args, cli.vault.as_deref(), cx.keys, cx.err)),
        Command::Add(args) => Some(enrol::add(args, cx)),
        Command::Totp { command } => Some(enrol::totp(command, cx)),
        Command::Import(args) => Some(import::import(
            args, cx.source, cx.keys, cx.audit, cx.clock, cx.out, cx.err,
        )),
        _ => None,
    }
}

/// Runs `time` and `doctor`, which open no vault of their own accord; `None` for the others.
pub fn run_time_command(
    args: &Cli,
    settings: &Settings,
    servers: &[String],
    env: impl Fn(&str) -> Option<std::ffi::OsString> + Copy,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Option<Result<(), Failure>> {
    match args.command.as_ref()? {
        Command::Time(time_args) => Some(time::time(time_args, servers, env, out, err)),
        Command::Doctor => Some(doctor::doctor(args, settings, servers, env, out)),
        _ => None,
    }
}

/// `counters` writes HOTP counters (the vault's write path); everything else only reads.
// Each edge a command may reach is its own argument, so a test can hand it a fake.
#[allow(clippy::too_many_arguments)]
pub fn run_command(
    command: &Command,
    settings: &Settings,
    vault: &Vault,
    counters: &mut dyn CounterStore,
    clock: &(dyn Clock + Sync),
    audit: &mut dyn AuditLog,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    let written = match command {
        Command::List { json: true } => list::json(vault, out),
        Command::List { json: false } => list::table(vault, settings.time_zone.as_ref(), out),
        Command::Code {
            credential,
            at,
            next,
            peek,
        } => {
            let moment = match at {
                Some(secs) => code::at_time(*secs)?,
                None => clock.now(),
            };
            let credential = vault
                .find(credential)
                .map_err(|e| Failure::unavailable(e.to_string()))?;
            if hotp::checked_hotp(credential, err)?.is_some() {
                if at.is_some() || *next {
                    return Err(Failure::usage(crate::t!(
                        "cli-code-hotp-no-time",
                        name = code::describe(credential)
                    )));
                }
                return hotp::code(credential, *peek, counters, clock, audit, out, err);
            }
            if *peek {
                return Err(Failure::usage(crate::t!(
                    "cli-code-peek-totp",
                    name = code::describe(credential)
                )));
            }
            let at = moment;
            let line = zeroize::Zeroizing::new(code::code(credential, at, *next, err)?);
            audit::record(audit, AuditAction::Code, credential, clock)?;
            writeln!(out, "{}", line.as_str())
        }
        Command::Uri { credential } => return uri::uri(vault, credential, audit, clock, out, err),
        Command::Qr(args) => return qr::qr(vault, args, audit, clock, out, err),
        Command::Export(args) => return export::export(vault, args, audit, clock, out, err),
        Command::Verify(args) => {
            return verify::verify(vault, args, counters, clock, audit, out, err);
        }
        Command::Render(args) => {
            return render::render(vault, args, counters, audit, clock, out, err);
        }
        Command::Ssh(args) => {
            let words = &settings.session_code_prompts;
            return ssh::ssh(vault, args, words, audit, clock, err);
        }
        Command::Audit(_) => {
            return Err(Failure::usage(crate::t!("cli-wrong-place-audit")));
        }
        Command::Config | Command::Completions { .. } | Command::Man { .. } => {
            return Err(Failure::usage(crate::t!("cli-wrong-place-no-vault")));
        }
        Command::Time(_) | Command::Doctor => {
            return Err(Failure::usage(crate::t!("cli-wrong-place-time")));
        }
        Command::Encrypt(_) | Command::Decrypt(_) => {
            return Err(Failure::usage(crate::t!("cli-wrong-place-crypt")));
        }
        Command::Import(_) | Command::Init(_) | Command::Add(_) | Command::Totp { .. } => {
            return Err(Failure::usage(crate::t!("cli-wrong-place-write")));
        }
    };
    match written {
        // The reader went away (`credview list | head`): nothing left to say to anyone.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|e| output_failed(&e)),
    }
}
