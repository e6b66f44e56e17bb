use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use credview::cli::{self, Cli, Command, Failure};
use credview::clock::SystemClock;
use credview::vault::Source;

fn main() -> ExitCode {
    let args = Cli::parse();
    let source = Source::resolve(args.vault.as_deref(), |name| std::env::var_os(name));
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr().lock();
    let result = cli::open_vault(&source, &mut stderr).and_then(|vault| {
        let command = args.command.unwrap_or(Command::List { json: false });
        cli::run_command(&command, &vault, &SystemClock, &mut stdout, &mut stderr)
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure { status, message }) => {
            let _ = writeln!(stderr, "error: {message}");
            ExitCode::from(status)
        }
    }
}
