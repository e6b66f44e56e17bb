use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

use credview::app::{App, Settings};
use credview::cli::{self, Cli, Command, Failure};
use credview::clipboard::SystemClipboard;
use credview::clock::{Clock, SystemClock};
use credview::vault::Source;

fn main() -> ExitCode {
    let args = Cli::parse();
    let source = Source::resolve(args.vault.as_deref(), |name| std::env::var_os(name));
    let mut stderr = std::io::stderr().lock();
    let result = cli::open_vault(&source, &mut stderr).and_then(|vault| match &args.command {
        Some(command) => {
            let mut stdout = std::io::stdout().lock();
            cli::run_command(command, &vault, &SystemClock, &mut stdout, &mut stderr)
        }
        // Piped, as in `credview | grep`: the table is what a script wants.
        None if !std::io::stdout().is_terminal() => {
            let mut stdout = std::io::stdout().lock();
            let list = Command::List { json: false };
            cli::run_command(&list, &vault, &SystemClock, &mut stdout, &mut stderr)
        }
        None => {
            let clock = SystemClock;
            let app = App::new(vault, source.name(), Settings::default(), clock.now());
            let mut clipboard = SystemClipboard::new(Box::new(std::io::stdout()));
            let mut audit = |_: &credview::app::msg::AuditRequest| Ok(());
            let edges = credview::tui::Edges {
                clipboard: &mut clipboard,
                clock: &clock,
                audit: &mut audit,
            };
            credview::tui::run(app, edges)
                .map_err(|e| Failure::usage(format!("the terminal failed: {e}")))
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure { status, message }) => {
            let _ = writeln!(stderr, "error: {message}");
            ExitCode::from(status)
        }
    }
}
