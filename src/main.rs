use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

use credview::app::{App, Settings};
use credview::cli::{self, Cli, Command, Failure};
use credview::clipboard::SystemClipboard;
use credview::clock::{Clock, SystemClock};
use credview::unlock::Unlock;
use credview::vault::Source;

fn main() -> ExitCode {
    // Before anything secret is in memory: no core dumps, no ptrace, private files.
    if let Err(e) = credview::hygiene::harden() {
        eprintln!("warning: cannot disable core dumps: {e}");
    }
    let args = Cli::parse();
    let source = Source::resolve(args.vault.as_deref(), |name| std::env::var_os(name));
    let mut stderr = std::io::stderr().lock();
    let mut unlock = Unlock::new(&args.identity, |name| std::env::var_os(name));
    let mut stdout = std::io::stdout().lock();
    let file_command =
        cli::run_file_command(args.command.as_ref(), &mut unlock, &mut stdout, &mut stderr)
            .or_else(|| {
                let env = |name: &str| std::env::var_os(name);
                cli::run_audit_command(&args, env, &mut stdout, &mut stderr)
            });
    drop(stdout);
    if let Some(result) = file_command {
        return finish(result, &mut stderr);
    }
    let mut audit_log = credview::audit::open(args.audit.as_deref(), args.no_audit, |name| {
        std::env::var_os(name)
    });
    let result = cli::open_vault_with(&source, &mut unlock, &mut stderr).and_then(|vault| {
        match &args.command {
            Some(command) => {
                let mut stdout = std::io::stdout().lock();
                let audit = audit_log.as_mut();
                cli::run_command(
                    command,
                    &vault,
                    &SystemClock,
                    audit,
                    &mut stdout,
                    &mut stderr,
                )
            }
            // Piped, as in `credview | grep`: the table is what a script wants.
            None if !std::io::stdout().is_terminal() => {
                let mut stdout = std::io::stdout().lock();
                let list = Command::List { json: false };
                let audit = audit_log.as_mut();
                cli::run_command(&list, &vault, &SystemClock, audit, &mut stdout, &mut stderr)
            }
            None => run_tui(vault, &source, audit_log.as_mut()),
        }
    });
    finish(result, &mut stderr)
}

fn run_tui(
    vault: credview::vault::Vault,
    source: &Source,
    audit_log: &mut dyn credview::audit::AuditLog,
) -> Result<(), Failure> {
    let clock = SystemClock;
    let app = App::new(vault, source.name(), Settings::default(), clock.now());
    let mut clipboard = SystemClipboard::new(Box::new(std::io::stdout()));
    let mut audit = credview::tui::audit_to(audit_log, &clock);
    let edges = credview::tui::Edges {
        clipboard: &mut clipboard,
        clock: &clock,
        audit: &mut audit,
    };
    credview::tui::run(app, edges).map_err(|e| Failure::usage(format!("the terminal failed: {e}")))
}

fn finish(result: Result<(), Failure>, stderr: &mut dyn Write) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure { status, message }) => {
            let message = credview::format::printable(&message);
            let _ = writeln!(stderr, "error: {message}");
            ExitCode::from(status)
        }
    }
}
