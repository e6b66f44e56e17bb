//! The terminal is always given back, in tmux, the way a person would meet each case:
//! `Ctrl-Z` and `fg` from an interactive shell, `Ctrl-Z` with no shell to go back to, a panic
//! inside the running event loop, a closed stdin, no terminal at all, and a terminal that
//! disappears (its window closed) with and without a SIGHUP reaching the app.
//!
//! Each test has its own tmux server on a private socket, killed by a guard when the test
//! ends. Waits poll and give up after PATIENCE. Without `tmux` on PATH the tests pass with a
//! note, as `e2e_tmux.rs` does.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_credview");
const VAULT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/e2e-vault.json");
const PATIENCE: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(40);
const LIST: &str = "svc-backup";
/// Set in the child process of the panic test.
const PANIC_CHILD: &str = "CREDVIEW_E2E_PANIC_CHILD";

/// tmux's view of the modes a full-screen app must give back.
const MODES: &str = "alternate=#{alternate_on} mouse=#{mouse_any_flag}#{mouse_button_flag}\
                     #{mouse_standard_flag}#{mouse_sgr_flag} cursor=#{cursor_flag}";
const RESTORED: &str = "alternate=0 mouse=0000 cursor=1";

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn tmux_missing() -> bool {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("note: tmux is not on PATH; skipping");
    }
    !found
}

/// A tmux server of our own running one window; dropping it kills the server.
struct Tmux {
    socket: String,
    home: TempDir,
}

impl Tmux {
    /// Starts `command` (a shell command line) in a 100×30 window, with the test vault.
    fn start(test: &str, command: &str) -> Self {
        let home = tempfile::tempdir().expect("a temporary HOME");
        std::fs::set_permissions(home.path(), std::fs::Permissions::from_mode(0o700))
            .expect("chmod 700 HOME");
        let vault = home.path().join("vault.json");
        std::fs::copy(VAULT, &vault).expect("copy the test vault");
        std::fs::set_permissions(&vault, std::fs::Permissions::from_mode(0o600))
            .expect("chmod 600 the vault");
        let tmux = Self {
            socket: format!("credview-term-{test}-{}", std::process::id()),
            home,
        };
        tmux.run(&[
            "set-option",
            "-g",
            "remain-on-exit",
            "on",
            ";",
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            "100",
            "-y",
            "30",
            "--",
            "sh",
            "-c",
            command,
        ]);
        tmux
    }

    fn output(&self, args: &[&str]) -> Output {
        let mut command = Command::new("tmux");
        command
            .args(["-u", "-f", "/dev/null", "-L", &self.socket])
            .args(args)
            .env("HOME", self.home.path())
            .env("CREDVIEW_VAULT", self.home.path().join("vault.json"))
            .env("BIN", BIN)
            .env("LANG", "C.UTF-8")
            .env("TERM", "xterm-256color");
        for name in [
            "TMUX",
            "TMUX_PANE",
            "DISPLAY",
            "WAYLAND_DISPLAY",
            "XDG_CONFIG_HOME",
        ] {
            command.env_remove(name);
        }
        command
            .output()
            .unwrap_or_else(|e| panic!("tmux {args:?}: {e}"))
    }

    fn run(&self, args: &[&str]) -> String {
        let out = self.output(args);
        assert!(out.status.success(), "tmux {args:?}: {}", text(&out.stderr));
        text(&out.stdout)
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "t"])
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    fn pane(&self, format: &str) -> String {
        self.run(&["display-message", "-p", "-t", "t", format])
            .trim()
            .to_owned()
    }

    fn file(&self, name: &str) -> PathBuf {
        self.home.path().join(name)
    }

    /// Polls until `check` is true; panics with the screen after PATIENCE.
    fn wait(&self, what: &str, check: impl Fn(&Self) -> bool) {
        let deadline = Instant::now() + PATIENCE;
        while !check(self) {
            assert!(
                Instant::now() < deadline,
                "waited for {what}; the screen:\n{}",
                self.screen()
            );
            sleep(POLL);
        }
    }

    fn wait_for_text(&self, needle: &str) {
        self.wait(&format!("{needle:?}"), |t| t.screen().contains(needle));
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.output(&["kill-server"]);
    }
}

/// The one-word state of a process (`R`, `S`, `T` stopped, `Z`), or None once it is gone.
fn process_state(pid: &str) -> Option<String> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    Some(
        stat.rsplit_once(')')?
            .1
            .split_whitespace()
            .next()?
            .to_owned(),
    )
}

/// The pid of the `credview` process under `ancestor` (the pane's shell), however deep.
fn app_under(ancestor: &str) -> Option<String> {
    let parents: Vec<(String, String, String)> = std::fs::read_dir("/proc")
        .ok()?
        .filter_map(|entry| {
            let pid = entry.ok()?.file_name().into_string().ok()?;
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            let (head, rest) = stat.rsplit_once(')')?;
            let name = head.split_once('(')?.1.to_owned();
            let ppid = rest.split_whitespace().nth(1)?.to_owned();
            Some((pid, name, ppid))
        })
        .collect();
    let parent_of = |pid: &str| parents.iter().find(|p| p.0 == pid).map(|p| p.2.clone());
    parents.iter().find_map(|(pid, name, _)| {
        let mut at = pid.clone();
        while name == "credview" && at != "1" && at != "0" {
            at = parent_of(&at)?;
            if at == ancestor {
                return Some(pid.clone());
            }
        }
        None
    })
}

fn read_status(path: &Path) -> Option<String> {
    std::fs::read_to_string(path)
        .ok()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
}

#[test]
fn ctrl_z_gives_the_shell_back_and_fg_redraws() {
    if tmux_missing() {
        return;
    }
    // An interactive shell with job control. Debian's sh (dash) leaves the tty modes as the
    // stopped job left them, unlike bash, so raw mode left on would show at its prompt.
    let tmux = Tmux::start("ctrlz", "exec sh -i");
    tmux.keys(&["\"$BIN\"", "Enter"]);
    tmux.wait_for_text(LIST);
    assert!(tmux.pane(MODES).starts_with("alternate=1"));

    tmux.keys(&["C-z"]);
    tmux.wait_for_text("Stopped");
    assert_eq!(
        tmux.pane(MODES),
        RESTORED,
        "suspended, the terminal is the shell's"
    );
    assert!(!tmux.screen().contains(LIST), "{}", tmux.screen());
    tmux.keys(&["stty -a; echo SHELL-$((6*7))", "Enter"]);
    tmux.wait_for_text("SHELL-42");
    let screen = tmux.screen();
    let words: Vec<&str> = screen.split([' ', ';', '\n']).collect();
    for mode in ["icanon", "echo", "isig"] {
        assert!(
            words.contains(&mode),
            "suspended in raw mode ({mode}):\n{screen}"
        );
    }

    tmux.keys(&["fg", "Enter"]);
    tmux.wait("the list again", |t| {
        t.screen().contains(LIST) && t.pane(MODES).starts_with("alternate=1")
    });
    // It still answers keys, and quits with status 0 to a working shell.
    tmux.keys(&["Enter"]);
    tmux.wait_for_text("Token OTP");
    tmux.keys(&["Escape"]);
    tmux.wait("Details to close", |t| !t.screen().contains("Token OTP"));
    tmux.keys(&["q"]);
    tmux.wait("the shell", |t| t.pane(MODES) == RESTORED);
    tmux.keys(&["echo STATUS=$?", "Enter"]);
    tmux.wait_for_text("STATUS=0");
}

/// Run as the window's own process, the app has no shell to go back to: Linux drops the stop
/// signal, and the app must come straight back rather than stop for good.
#[test]
fn ctrl_z_without_a_shell_to_return_to_keeps_running() {
    if tmux_missing() {
        return;
    }
    // The shell is the session's leader and its parent is tmux: the app's process group is
    // orphaned, as when it is a window's own command.
    let tmux = Tmux::start("orphan", "\"$BIN\"; echo \"status=$?\"; sleep 60");
    tmux.wait_for_text(LIST);
    let pid = app_under(&tmux.pane("#{pane_pid}")).expect("the app's pid");
    tmux.keys(&["C-z"]);
    sleep(Duration::from_millis(300));
    tmux.wait("the list after Ctrl-Z", |t| t.screen().contains(LIST));
    assert_ne!(
        process_state(&pid).as_deref(),
        Some("T"),
        "the app stopped with no way back"
    );
    tmux.keys(&["q"]);
    tmux.wait_for_text("status=0");
    assert_eq!(tmux.pane(MODES), RESTORED);
}

/// The child half of the panic test: the real event loop, with an audit log that panics the
/// moment the user copies a code.
#[test]
fn panic_child() {
    if std::env::var_os(PANIC_CHILD).is_none() {
        return;
    }
    use credview::app::{App, Settings};
    use credview::clock::{Clock, SystemClock};
    let vault = credview::vault::parse("e2e", &std::fs::read(VAULT).expect("the vault"))
        .expect("the vault parses");
    let clock = SystemClock;
    let app = App::new(vault, "e2e".into(), Settings::default(), clock.now());
    let mut clipboard = credview::clipboard::FakeClipboard::new(credview::clipboard::Target::Osc52);
    let mut audit = |_: &credview::app::msg::AuditRequest| -> Result<(), String> {
        panic!("injected panic in the audit log");
    };
    let edges = credview::tui::Edges {
        clipboard: &mut clipboard,
        clock: &clock,
        audit: &mut audit,
        counters: &mut credview::tui::no_counters,
        vault: None,
        clock_checks: None,
        save: None,
    };
    let _ = credview::tui::run(app, edges);
}

#[test]
fn a_panic_in_the_event_loop_restores_the_terminal() {
    if tmux_missing() {
        return;
    }
    let me = std::env::current_exe().expect("the test binary");
    let command = format!(
        "{PANIC_CHILD}=1 RUST_BACKTRACE=0 '{}' --exact panic_child --nocapture --test-threads 1; \
         echo \"status=$?\"; stty -a; sleep 60",
        me.display()
    );
    let tmux = Tmux::start("panic", &command);
    tmux.wait_for_text(LIST);
    tmux.keys(&["Enter"]);
    tmux.wait_for_text("Token OTP");
    tmux.keys(&["c"]);
    // `extproc` ends `stty -a`'s output, printed after the status.
    tmux.wait_for_text("extproc");
    let screen = tmux.screen();
    assert!(
        screen.contains("injected panic in the audit log"),
        "{screen}"
    );
    assert!(screen.contains("status=101"), "{screen}");
    assert!(
        !screen.contains(LIST),
        "the list was left on the normal screen:\n{screen}"
    );
    assert_eq!(tmux.pane(MODES), RESTORED);
    let words: Vec<&str> = screen.split_whitespace().collect();
    for mode in ["icanon", "echo", "isig"] {
        assert!(
            words.contains(&mode),
            "still in raw mode ({mode}):\n{screen}"
        );
    }
}

/// stdin closed or empty: the app reads the keyboard from /dev/tty, as crossterm does, and quits
/// normally. With no terminal at all it says so, before touching the screen.
#[test]
fn a_closed_stdin_and_no_terminal_end_cleanly() {
    if tmux_missing() {
        return;
    }
    for (name, redirect) in [("closed", "<&-"), ("null", "</dev/null")] {
        let tmux = Tmux::start(
            name,
            &format!("\"$BIN\" {redirect}; echo \"status=$?\"; sleep 60"),
        );
        tmux.wait_for_text(LIST);
        tmux.keys(&["q"]);
        tmux.wait_for_text("status=0");
        assert_eq!(tmux.pane(MODES), RESTORED, "stdin {name}");
    }
    // A new session has no controlling terminal, so there is no /dev/tty to fall back on.
    let tmux = Tmux::start(
        "notty",
        "setsid -w \"$BIN\" <&-; echo \"status=$?\"; sleep 60",
    );
    tmux.wait_for_text("status=");
    let screen = tmux.screen();
    assert!(screen.contains("status=2"), "{screen}");
    assert!(screen.contains("error: the terminal failed"), "{screen}");
    assert!(!screen.contains("panicked"), "{screen}");
    assert_eq!(tmux.pane(MODES), RESTORED);
}

/// The window closes under the app. In the terminal's session it gets SIGHUP; outside it (here
/// `setsid`) nothing but the closed terminal tells it, which crossterm alone reads as endless
/// end-of-file. Either way it must exit 0, promptly, not spin.
#[test]
fn a_terminal_that_disappears_ends_the_app() {
    if tmux_missing() {
        return;
    }
    let launches = [("sighup", "\"$BIN\""), ("nosighup", "setsid -w \"$BIN\"")];
    // On the list nothing is due, so only the terminal can wake the app; Details redraws
    // every second, and the next draw meets the closed terminal.
    for ((name, launch), details) in launches.iter().flat_map(|l| [(l, false), (l, true)]) {
        let tmux = Tmux::start(
            name,
            &format!("trap '' HUP; {launch}; echo $? > \"$HOME/status\""),
        );
        tmux.wait_for_text(LIST);
        let pid = app_under(&tmux.pane("#{pane_pid}")).expect("the app's pid");
        if details {
            tmux.keys(&["Enter"]);
            tmux.wait_for_text("Token OTP");
        }
        let status = tmux.file("status");
        tmux.run(&["kill-server"]);
        let deadline = Instant::now() + PATIENCE;
        while read_status(&status).is_none() || process_state(&pid).is_some() {
            assert!(
                Instant::now() < deadline,
                "{name}, details {details}: the app is still there ({:?}) after its terminal closed",
                process_state(&pid)
            );
            sleep(POLL);
        }
        assert_eq!(
            read_status(&status).as_deref(),
            Some("0"),
            "{name}, details {details}"
        );
    }
}
