//! `credview ssh ID`: a session to the credential's device, with the password and the TOTP
//! code answered for the user (see `session`). Exits with ssh's own status.

use std::io::{BufRead, Write};

use super::Failure;
use crate::audit::{AuditAction, AuditLog, AuditRecord};
use crate::clock::Clock;
use crate::session::{self, Patterns, Plan, Start};
use crate::vault::{Credential, Vault};

#[derive(Debug, clap::Args)]
pub struct SshArgs {
    /// The credential: its id or username@hostname
    pub credential: String,
    /// The port to connect to (else the device's `port`, else ssh's default)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub port: Option<u16>,
    /// An ssh option, passed on as `-o OPTION` (repeatable)
    #[arg(short = 'o', value_name = "SSH_OPTION")]
    pub options: Vec<String>,
    /// Why the session is needed, for a credential that requires a reason (else asked)
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
    /// A command to run on the device instead of a shell
    #[arg(last = true, value_name = "COMMAND")]
    pub command: Vec<String>,
}

/// `code_words`: more words that mark a verification-code prompt (`session_code_prompts`).
pub fn ssh(
    vault: &Vault,
    args: &SshArgs,
    code_words: &[String],
    audit: &mut dyn AuditLog,
    clock: &(dyn Clock + Sync),
    err: &mut dyn Write,
) -> Result<(), Failure> {
    let credential = vault
        .find(&args.credential)
        .map_err(|e| Failure::unavailable(e.to_string()))?;
    if !credential.access.start_session {
        return Err(Failure::unavailable(crate::t!(
            "cli-ssh-not-permitted",
            id = credential.id.to_string()
        )));
    }
    let reason = reason(credential, args.reason.as_deref())?;
    let mut plan = Plan::new(credential, args.port);
    plan.options = args.options.clone();
    plan.command = args.command.clone();
    let start = Start::new(credential, plan);
    let supplied = start.supplied();
    let record = AuditRecord::of(AuditAction::SessionStart, credential, reason, clock.now())
        .with_session(start.plan.host.clone(), supplied.secrets());
    audit
        .append(&record)
        .map_err(|e| Failure::usage(crate::t!("cli-ssh-not-recorded", error = e.to_string())))?;
    let missing = supplied.missing();
    if !missing.is_empty() {
        let told = crate::t!(
            "cli-ssh-not-supplied",
            id = credential.id.to_string(),
            missing = missing.join(", ")
        );
        let _ = writeln!(err, "credview: {told}");
    }
    let ended = session::run(&start, Patterns::with_code_words(code_words), clock);
    match &ended.result {
        Ok(0) => Ok(()),
        Ok(code) => Err(Failure {
            status: u8::try_from(*code).unwrap_or(u8::MAX),
            message: session::summary(&ended, supplied),
        }),
        Err(not_started) => Err(Failure {
            status: not_started.status,
            message: session::summary(&ended, supplied),
        }),
    }
}

/// The reason given with `--reason`, else typed on the terminal, when the credential needs one.
fn reason(credential: &Credential, given: Option<&str>) -> Result<Option<String>, Failure> {
    if !credential.access.require_reason {
        return Ok(given.map(str::to_owned));
    }
    let typed = match given {
        Some(text) => text.to_owned(),
        None => ask_reason(credential.id).unwrap_or_default(),
    };
    let typed = typed.trim();
    if typed.is_empty() {
        return Err(Failure::unavailable(crate::t!(
            "cli-ssh-reason-required",
            id = credential.id.to_string()
        )));
    }
    Ok(Some(typed.to_owned()))
}

fn ask_reason(id: u64) -> Option<String> {
    let mut tty = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .ok()?;
    let _ = write!(
        tty,
        "{}",
        crate::t!("cli-ssh-reason-prompt", id = id.to_string())
    );
    let _ = tty.flush();
    let mut line = String::new();
    std::io::BufReader::new(tty).read_line(&mut line).ok()?;
    Some(line)
}
