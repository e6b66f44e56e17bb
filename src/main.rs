// std's own entry point also asks glibc where the main thread's stack ends (to name a stack
// overflow), which parses /proc/self/maps: a fifth of the instructions of `credview code`.
// `entry` does the rest of what std's does.
#![cfg_attr(all(target_os = "linux", target_env = "gnu", not(test)), no_main)]

use std::cell::RefCell;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use credview::app::{App, Msg, Settings};
use credview::audit::AuditLog;
use credview::cli::{self, Cli, Command, Failure};
use credview::clipboard::SystemClipboard;
use credview::clock::{Clock, CorrectedClock, SystemClock};
use credview::config::Effective;
use credview::tui;
use credview::unlock::Unlock;
use credview::vault::encrypted::Keys;
use credview::vault::{Source, VaultText};

#[cfg(all(target_os = "linux", target_env = "gnu", not(test)))]
mod entry {
    use std::ffi::{c_char, c_int};
    use std::io::Write;

    /// The process's C entry point, in place of std's: the standard streams opened, SIGPIPE
    /// ignored (writing to a closed pipe fails with EPIPE, as under std, instead of killing
    /// the process), a panic's status 101, stdout flushed at the end.
    #[unsafe(no_mangle)]
    extern "C" fn main(_argc: c_int, _argv: *const *const c_char) -> c_int {
        credview::hygiene::standard_streams();
        let status = std::panic::catch_unwind(super::run).unwrap_or(101);
        let _ = std::io::stdout().flush();
        c_int::from(status)
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu", not(test))))]
fn main() -> ExitCode {
    ExitCode::from(run())
}

/// What the process does; its exit status.
fn run() -> u8 {
    // Before anything secret is in memory: no core dumps, no ptrace, private files.
    let hardened = credview::hygiene::harden();
    // Run by ssh as its askpass program: answer it, nothing else.
    if credview::session::askpass::invoked() {
        let answered = credview::session::askpass::main() == ExitCode::SUCCESS;
        return if answered { 0 } else { 1 };
    }
    let args = cli::parse_args();
    let env = |name: &str| std::env::var_os(name);
    let flags = args.settings_flags();
    // The settings file's own errors are told in the language known without it.
    credview::i18n::set(credview::config::language_without_file(&flags, env));
    if cli::works_on_files(args.command.as_ref()) {
        credview::i18n::set(credview::config::language(&flags, env));
    }
    if let Err(e) = hardened {
        let what = credview::t!("cli-core-dumps", error = e.to_string());
        eprintln!("warning: {what}");
    }
    let mut stderr = std::io::stderr().lock();
    let mut unlock = Unlock::new(&args.identity, env).with_key_file(args.key_file.clone());
    let mut stdout = std::io::stdout().lock();
    let file_command =
        cli::run_file_command(args.command.as_ref(), &mut unlock, &mut stdout, &mut stderr);
    if let Some(result) = file_command {
        return finish(result, &mut stderr);
    }
    let effective = match credview::config::resolve(&flags, env) {
        Ok(effective) => effective,
        Err(message) => return finish(Err(Failure::usage(message)), &mut stderr),
    };
    for warning in &effective.warnings {
        let _ = writeln!(stderr, "{}", credview::format::printable(warning));
    }
    let settings = &effective.settings;
    credview::i18n::set(settings.language);
    // crossterm heeds $NO_COLOR by itself; `--color always` must win over it.
    crossterm::style::force_color_output(settings.color);
    let source = Source::resolve_with(args.vault.as_deref(), settings.vault.as_deref(), env);
    let configured_audit = settings.audit_log.as_deref();
    if matches!(args.command, Some(Command::Config)) {
        let result = report_settings(&args, &effective, &source, &mut stdout);
        return finish(result, &mut stderr);
    }
    // No servers, no network: `--ntp`, else the settings file's `ntp_servers`.
    let servers: Vec<String> = settings
        .ntp_servers
        .iter()
        .map(ToString::to_string)
        .collect();
    let other_command =
        cli::run_audit_command(&args, configured_audit, env, &mut stdout, &mut stderr).or_else(
            || cli::run_time_command(&args, settings, &servers, env, &mut stdout, &mut stderr),
        );
    drop(stdout);
    if let Some(result) = other_command {
        return finish(result, &mut stderr);
    }
    // Codes and audit records need the time: a clock before 1970 is refused, not read as 1970.
    if !matches!(args.command, Some(Command::List { .. }))
        && let Err(e) = SystemClock.check()
    {
        return finish(Err(Failure::usage(e.to_string())), &mut stderr);
    }
    // Every code is for the system clock plus the correction `credview time sync` stored.
    let correction = cli::stored_correction(env, &mut stderr);
    let clock = cli::corrected_clock(correction.as_ref());
    let mut audit_log =
        credview::audit::open_with(args.audit.as_deref(), configured_audit, args.no_audit, env);
    let mut stdout = std::io::stdout().lock();
    let write_command = cli::run_write_command(
        &args,
        &source,
        &mut unlock,
        audit_log.as_mut(),
        &clock,
        &mut stdout,
        &mut stderr,
    );
    drop(stdout);
    if let Some(result) = write_command {
        return finish(result, &mut stderr);
    }
    // The screen shows the first credentials while the rest are read; commands want them all.
    // A dumb terminal cannot draw a screen (Emacs's shell, a serial console): it gets the
    // table, with no escape sequences at all.
    let dumb = env("TERM").is_some_and(|term| term == "dumb");
    if args.command.is_none() && std::io::stdout().is_terminal() && !dumb {
        // The forms' changes get their own handle on the same audit log.
        let mut write_log =
            credview::audit::open_with(args.audit.as_deref(), configured_audit, args.no_audit, env);
        let result = cli::open_text_with(&source, &mut unlock, &mut stderr).and_then(|text| {
            let tui = Tui {
                source: &source,
                settings: settings.clone(),
                clock: &clock,
                servers,
            };
            let logs = Logs {
                audit: audit_log.as_mut(),
                writes: write_log.as_mut(),
            };
            tui.run(text, &mut unlock, logs)
        });
        return finish(result, &mut stderr);
    }
    let vault = match args.command.as_ref().and_then(Command::credential) {
        Some(spec) => cli::open_named_with(&source, spec, &mut unlock, &mut stderr),
        None => cli::open_vault_with(&source, &mut unlock, &mut stderr),
    };
    let result = vault.and_then(|vault| {
        let mut stdout = std::io::stdout().lock();
        let audit = audit_log.as_mut();
        match &args.command {
            Some(command) => {
                let mut counters = cli::VaultCounters::new(&source, &mut unlock);
                cli::run_command(
                    command,
                    settings,
                    &vault,
                    &mut counters,
                    &clock,
                    audit,
                    &mut stdout,
                    &mut stderr,
                )
            }
            // Piped, as in `credview | grep`: the table is what a script wants.
            None => cli::run_command(
                &Command::List { json: false },
                settings,
                &vault,
                &mut cli::ReadOnly,
                &clock,
                audit,
                &mut stdout,
                &mut stderr,
            ),
        }
    });
    finish(result, &mut stderr)
}

/// `credview config`: the vault and audit log as they would be chosen now, with the settings.
fn report_settings(
    args: &Cli,
    effective: &Effective,
    source: &Source,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let env = |name: &str| std::env::var_os(name);
    let configured = effective.settings.audit_log.as_deref();
    let audit = (!args.no_audit)
        .then(|| credview::audit::resolve_path(args.audit.as_deref().or(configured), env))
        .flatten();
    let resolved = credview::config::Resolved {
        vault: source,
        audit: audit.as_deref(),
    };
    credview::config::report(effective, &resolved, out).map_err(|e| cli::output_failed(&e))
}

/// What the screen needs besides the vault.
struct Tui<'a> {
    source: &'a Source,
    settings: Settings,
    clock: &'a CorrectedClock,
    servers: Vec<String>,
}

/// The audit log of what the screen reveals, and a handle on it for what the forms change.
struct Logs<'a> {
    audit: &'a mut dyn AuditLog,
    writes: &'a mut dyn AuditLog,
}

impl Tui<'_> {
    fn run(self, text: VaultText, keys: &mut Unlock, logs: Logs<'_>) -> Result<(), Failure> {
        let Self {
            source,
            settings,
            clock,
            servers,
        } = self;
        let Logs {
            audit: audit_log,
            writes: write_log,
        } = logs;
        let (first, rest) =
            tui::read_vault(source.name(), text).map_err(|e| Failure::usage(e.to_string()))?;
        let mut app = App::loading(source.name(), settings, clock.now());
        app.clock.correction_millis = clock.offset_millis;
        credview::app::update(&mut app, Msg::Loaded(first, rest.is_none()));
        let mut clipboard = SystemClipboard::new(Box::new(std::io::stdout()));
        let mut audit = tui::audit_to(audit_log, clock);
        // The HOTP counters and the forms write the vault with the one set of keys.
        let keys = RefCell::new(keys as &mut dyn Keys);
        let mut counter_keys = tui::save::SharedKeys(&keys);
        let mut store = cli::VaultCounters::new(source, &mut counter_keys);
        let mut counters = tui::counters_in(&mut store);
        let mut form_keys = tui::save::SharedKeys(&keys);
        let mut save = |change: &credview::app::form::Change| {
            tui::save::save(change, source, &mut form_keys, write_log, clock.now())
        };
        let edges = tui::Edges {
            clipboard: &mut clipboard,
            clock,
            audit: &mut audit,
            counters: &mut counters,
            vault: rest,
            clock_checks: tui::clock_check::start(servers),
            save: Some(&mut save),
        };
        tui::run(app, edges).map_err(|failed| match failed {
            tui::Failed::Terminal(e) => {
                Failure::usage(credview::t!("cli-terminal-failed", error = e.to_string()))
            }
            tui::Failed::Vault(e) => Failure::usage(e.to_string()),
        })
    }
}

fn finish(result: Result<(), Failure>, stderr: &mut dyn Write) -> u8 {
    match result {
        Ok(()) => cli::status::OK,
        Err(Failure { status, message }) => {
            let message = credview::format::printable(&message);
            let _ = writeln!(stderr, "error: {message}");
            status
        }
    }
}
