//! Running a session: the private folder and channel, ssh in this terminal, and the end.
//! Blocking: the caller (the command line, or the TUI with the terminal handed over) waits.

use std::io::{self, BufRead, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::Command;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

use super::answer::{Answerer, Patterns};
use super::channel::{self, Shared};
use super::folder::{FOLDER_ENV, Folder, LANGUAGE_ENV};
use super::{Start, check_host};
use crate::clock::Clock;

/// Exit status when ssh cannot be run at all, as a shell reports a missing command.
pub const NO_SSH: u8 = 127;

/// How a session ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ended {
    pub host: String,
    /// ssh's exit status (128 + the signal when a signal ended it).
    pub result: Result<i32, NotStarted>,
}

/// Why a session did not start, and the exit status the command line reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotStarted {
    pub message: String,
    pub status: u8,
}

impl NotStarted {
    fn setup(what: &str, error: &io::Error) -> Self {
        Self {
            message: crate::t!("err-session-setup", what = what, error = error.to_string()),
            status: crate::cli::status::USAGE,
        }
    }
}

/// Runs ssh for `start` in this terminal and waits for it to end.
pub fn run(start: &Start, patterns: Patterns, clock: &(dyn Clock + Sync)) -> Ended {
    let plan = &start.plan;
    let host = match &plan.host {
        Some(host) => host.clone(),
        None => match ask_host(plan.credential_id) {
            Ok(host) => host,
            Err(message) => {
                return Ended {
                    host: "?".into(),
                    result: Err(NotStarted {
                        message,
                        status: crate::cli::status::UNAVAILABLE,
                    }),
                };
            }
        },
    };
    let result = check_host(&host)
        .map_err(|message| NotStarted {
            message,
            status: crate::cli::status::USAGE,
        })
        .and_then(|()| run_to(start, &host, patterns, clock));
    Ended { host, result }
}

fn run_to(
    start: &Start,
    host: &str,
    patterns: Patterns,
    clock: &(dyn Clock + Sync),
) -> Result<i32, NotStarted> {
    let folder = Folder::create()
        .map_err(|e| NotStarted::setup(&crate::t!("err-session-setup-folder"), &e))?;
    folder
        .link_askpass()
        .map_err(|e| NotStarted::setup(&crate::t!("err-session-setup-askpass"), &e))?;
    let token = folder
        .write_token()
        .map_err(|e| NotStarted::setup(&crate::t!("err-session-setup-token"), &e))?;
    let listener = UnixListener::bind(folder.socket())
        .map_err(|e| NotStarted::setup(&crate::t!("err-session-setup-socket"), &e))?;
    set_private(&folder.socket())
        .map_err(|e| NotStarted::setup(&crate::t!("err-session-setup-socket"), &e))?;
    let plan = &start.plan;
    let mut answerer = Answerer::new(
        patterns,
        plan.login(host),
        start.password.clone(),
        start.totp.as_ref().map(|t| t.generator()),
    );
    let stop = AtomicBool::new(false);
    let ssh_pid = AtomicU32::new(0);
    let new_token = || folder.write_token();
    let shared = Shared {
        new_token: &new_token,
        clock,
        stop: &stop,
        ssh_pid: &ssh_pid,
    };
    std::thread::scope(|scope| {
        scope.spawn(|| channel::serve(&listener, &mut answerer, &shared, token));
        let result = ssh(start, host, &folder, &ssh_pid);
        stop.store(true, Ordering::SeqCst);
        // Wakes the server's accept so it sees `stop`; it is listening, so this connects.
        let _ = UnixStream::connect(folder.socket());
        result
    })
}

fn ssh(start: &Start, host: &str, folder: &Folder, ssh_pid: &AtomicU32) -> Result<i32, NotStarted> {
    let mut command = Command::new("ssh");
    command
        .args(start.plan.ssh_args(host))
        .env("SSH_ASKPASS", folder.askpass())
        .env("SSH_ASKPASS_REQUIRE", "force")
        .env(FOLDER_ENV, folder.path())
        .env(LANGUAGE_ENV, crate::i18n::current().name());
    // SAFETY: between fork and exec only signal(2), which is async-signal-safe, runs.
    unsafe {
        command.pre_exec(|| {
            libc::signal(libc::SIGINT, libc::SIG_DFL);
            libc::signal(libc::SIGQUIT, libc::SIG_DFL);
            Ok(())
        });
    }
    // Ctrl-C at a prompt is ssh's to handle; credview waits, as system(3) does.
    let _quiet = IgnoreInterrupts::new();
    let mut child = command.spawn().map_err(|e| NotStarted {
        message: if e.kind() == io::ErrorKind::NotFound {
            crate::t!("err-session-no-ssh")
        } else {
            crate::t!("err-session-cannot-run-ssh", error = e.to_string())
        },
        status: NO_SSH,
    })?;
    ssh_pid.store(child.id(), Ordering::SeqCst);
    let status = loop {
        match child.wait() {
            Ok(status) => break status,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => {
                return Err(NotStarted {
                    message: crate::t!("err-session-lost-ssh", error = e.to_string()),
                    status: crate::cli::status::USAGE,
                });
            }
        }
    };
    Ok(status
        .code()
        .or_else(|| status.signal().map(|signal| 128 + signal))
        .unwrap_or(1))
}

fn set_private(path: &std::path::Path) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
}

/// SIGINT and SIGQUIT ignored while it lives; what was there before is put back on drop.
struct IgnoreInterrupts {
    saved: [libc::sighandler_t; 2],
}

impl IgnoreInterrupts {
    fn new() -> Self {
        // SAFETY: signal(2) with SIG_IGN; the previous handlers are kept to be restored.
        let saved = unsafe {
            [
                libc::signal(libc::SIGINT, libc::SIG_IGN),
                libc::signal(libc::SIGQUIT, libc::SIG_IGN),
            ]
        };
        Self { saved }
    }
}

impl Drop for IgnoreInterrupts {
    fn drop(&mut self) {
        // SAFETY: puts back the handlers signal(2) returned in `new`.
        unsafe {
            libc::signal(libc::SIGINT, self.saved[0]);
            libc::signal(libc::SIGQUIT, self.saved[1]);
        }
    }
}

/// No host is stored: the user types one on the terminal.
fn ask_host(id: u64) -> Result<String, String> {
    let id = id.to_string();
    let no_host = crate::t!("err-session-no-host-no-terminal", id = &id);
    let mut tty = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .map_err(|_| no_host.clone())?;
    let _ = write!(
        tty,
        "credview: {} ",
        crate::t!("err-session-ask-host", id = &id)
    );
    let _ = tty.flush();
    let mut line = String::new();
    io::BufReader::new(tty)
        .read_line(&mut line)
        .map_err(|_| no_host)?;
    let host = line.trim().to_owned();
    if host.is_empty() {
        return Err(crate::t!("err-session-no-host-given"));
    }
    Ok(host)
}

/// After a session that failed, ssh's own messages are on the terminal's main screen, which the
/// TUI is about to cover: they stay until the user presses Enter.
pub fn hold_on_failure(ended: &Ended, supplied: super::Supplied) {
    if ended.result == Ok(0) {
        return;
    }
    let Ok(mut tty) = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
    else {
        return;
    };
    let summary = super::summary(ended, supplied);
    let _ = write!(
        tty,
        "\r\ncredview: {}",
        crate::t!("err-session-press-enter", summary = summary)
    );
    let _ = tty.flush();
    let mut line = String::new();
    let _ = io::BufReader::new(tty).read_line(&mut line);
}
