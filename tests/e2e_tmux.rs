//! End to end: the real binary in a detached tmux session, driven the way a person tries it
//! (`send-keys`) and read the way a person reads it (`capture-pane`).
//!
//! Each test starts its own tmux server on a private socket (`tmux -L`), with no user config,
//! `set-clipboard on` (so the app's OSC 52 copy lands in tmux's paste buffer) and
//! `remain-on-exit on` (so the pane, its exit status and its terminal modes can be inspected
//! after the app is gone). A guard kills the server when the test ends, pass or fail.
//!
//! The vault is `tests/data/e2e-vault.json`, copied (mode 600) into a temporary HOME:
//!
//! ```text
//! e2e-db-01 (10.99.0.11) · Server · Debian · Test Lab
//!   501 root         SHA1, 6 digits, 30 s      <- first row
//!   502 svc-backup   SHA256, 8 digits, 60 s
//! e2e-fw (192.168.99.1) · Firewall · OPNsense · Test Lab
//!   503 monitor      no TOTP
//! ```
//!
//! Codes are checked against `credview code ID --at T` for every whole second T around the
//! moment of the screenshot, so a step boundary falling in between cannot fail the test.
//! Nothing sleeps for long: every wait polls the screen and gives up after a few seconds.
//!
//! Without `tmux` on PATH the tests print a note and pass.

use std::collections::HashMap;
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_credview");
const VAULT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/e2e-vault.json");

const WIDTH: &str = "120";
const HEIGHT: &str = "40";
/// How long any one thing may take to show up on screen.
const PATIENCE: Duration = Duration::from_secs(15);
const POLL: Duration = Duration::from_millis(40);

const LIST_TITLE: &str = "Credentials > All";
const SESSION: &str = "e2e";

/// The first credential in the list: SHA1, 6 digits, 30 s.
const SHA1: Cred = Cred {
    id: 501,
    digits: 6,
    period: 30,
};
/// The second: SHA256, 8 digits, 60 s.
const SHA256: Cred = Cred {
    id: 502,
    digits: 8,
    period: 60,
};

/// Runs the app, then (with the terminal as the app left it) prints the tty settings and, last,
/// the app's exit status; waits for a line and exits with that status.
const WRAPPER: &str = r#""$0"; status=$?
stty -a
printf 'credview exited with status %s\n' "$status"
read -r _
exit "$status""#;

#[derive(Debug, Clone, Copy)]
struct Cred {
    id: u64,
    digits: usize,
    period: u64,
}

/// What the Token OTP bar shows: the code (digits only) and the seconds left.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Bar {
    code: String,
    seconds: u64,
}

fn tmux_missing() -> bool {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|out| out.status.success());
    if !found {
        eprintln!("note: tmux is not on PATH; skipping the end-to-end test");
    }
    !found
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("the clock is after 1970")
        .as_secs()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A tmux server of our own with one session running the app. Dropping it kills the server.
struct Tmux {
    socket: String,
    /// The socket file, once the server has said where it is.
    socket_path: Option<PathBuf>,
    home: TempDir,
    vault: PathBuf,
    /// `credview code ID --at T` results, by (id, T).
    codes: HashMap<(u64, u64), String>,
}

impl Tmux {
    /// Starts a server and a session of WIDTH x HEIGHT running `argv`, with the test vault in
    /// `$CREDVIEW_VAULT` and a temporary HOME.
    fn start(test: &str, argv: &[&str]) -> Self {
        let home = tempfile::tempdir().expect("a temporary HOME");
        let vault = home.path().join("vault.json");
        std::fs::copy(VAULT, &vault).expect("copy the test vault");
        // A vault readable by others makes the app print a warning before the TUI starts.
        std::fs::set_permissions(&vault, std::fs::Permissions::from_mode(0o600))
            .expect("chmod 600 the vault");
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let mut tmux = Self {
            socket: format!("credview-e2e-{test}-{}-{nanos}", std::process::id()),
            socket_path: None,
            home,
            vault,
            codes: HashMap::new(),
        };
        // The options are set before the session (and so the app) starts.
        let start = format!(
            "set-option -g set-clipboard on ; set-option -g remain-on-exit on ; \
             new-session -d -s {SESSION} -x {WIDTH} -y {HEIGHT} --"
        );
        let mut args: Vec<&str> = start.split_whitespace().collect();
        args.extend_from_slice(argv);
        args.extend([";", "display-message", "-p", "#{socket_path}"]);
        let path = tmux.run(&args);
        tmux.socket_path = Some(PathBuf::from(path.trim()));
        tmux
    }

    fn command(&self) -> Command {
        let mut command = Command::new("tmux");
        // -u: capture-pane output is UTF-8 whatever the locale; -f: no user configuration.
        command
            .args(["-u", "-f", "/dev/null", "-L", &self.socket])
            .env("HOME", self.home.path())
            .env("CREDVIEW_VAULT", &self.vault)
            .env("LANG", "C.UTF-8")
            .env("TERM", "xterm-256color");
        // The server (and so the app) inherits this environment: nothing from the outside.
        for name in [
            "TMUX",
            "TMUX_PANE",
            "XDG_CONFIG_HOME",
            "DISPLAY",
            "WAYLAND_DISPLAY",
            "SSH_CONNECTION",
            "SSH_TTY",
            "LC_ALL",
            "LC_CTYPE",
        ] {
            command.env_remove(name);
        }
        command
    }

    fn output(&self, args: &[&str]) -> Output {
        self.command()
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("tmux {args:?}: {e}"))
    }

    /// Runs a tmux command that must succeed; returns its stdout.
    fn run(&self, args: &[&str]) -> String {
        let out = self.output(args);
        assert!(
            out.status.success(),
            "tmux {args:?} failed ({}): {}",
            out.status,
            text(&out.stderr)
        );
        text(&out.stdout)
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", SESSION])
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", SESSION];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// A tmux format about the pane, e.g. `#{alternate_on}`.
    fn pane(&self, format: &str) -> String {
        self.run(&["display-message", "-p", "-t", SESSION, format])
            .trim()
            .to_owned()
    }

    /// Polls the screen until `check` returns something; panics with the last screen after
    /// PATIENCE.
    fn wait_for<T>(
        &mut self,
        what: &str,
        mut check: impl FnMut(&mut Self, &str) -> Option<T>,
    ) -> T {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let screen = self.screen();
            if let Some(found) = check(self, &screen) {
                return found;
            }
            if Instant::now() >= deadline {
                panic!("waited {PATIENCE:?} for {what}; the screen:\n{screen}");
            }
            sleep(POLL);
        }
    }

    fn wait_for_text(&mut self, what: &str, needles: &[&str]) -> String {
        self.wait_for(what, |_, screen| {
            needles
                .iter()
                .any(|needle| screen.contains(needle))
                .then(|| screen.to_owned())
        })
    }

    /// Waits for the pane's process to end and returns its exit status ("0", "3", or "killed
    /// by signal 15").
    fn wait_for_exit_status(&self) -> String {
        let pid = self.pane("#{pane_pid}");
        let deadline = Instant::now() + PATIENCE;
        loop {
            // tmux sees the pty close (`pane_dead`) a moment before it reaps the process and
            // knows its status (`pane_dead_status`).
            let value = self.pane("#{pane_dead}:#{pane_dead_status}");
            if let Some(status) = value.strip_prefix("1:").filter(|s| !s.is_empty()) {
                return status.to_owned();
            }
            if let Some(status) = zombie_status(&pid) {
                eprintln!("note: tmux has not reaped process {pid}; its status is from /proc");
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "waited {PATIENCE:?} for the pane's process {pid} to exit \
                 (dead:status = {value:?}); the screen:\n{}",
                self.screen()
            );
            sleep(POLL);
        }
    }

    /// `credview code ID` with `extra` arguments, run on the same vault.
    fn cli_code(&self, id: u64, extra: &[&str]) -> String {
        let out = Command::new(BIN)
            .arg("--vault")
            .arg(&self.vault)
            .args(["code", &id.to_string()])
            .args(extra)
            .env("HOME", self.home.path())
            .output()
            .expect("run credview code");
        assert!(
            out.status.success(),
            "credview code {id} {extra:?}: {}",
            text(&out.stderr)
        );
        text(&out.stdout).trim().to_owned()
    }

    fn code_at(&mut self, id: u64, at: u64) -> String {
        if let Some(code) = self.codes.get(&(id, at)) {
            return code.clone();
        }
        let code = self.cli_code(id, &["--at", &at.to_string()]);
        self.codes.insert((id, at), code.clone());
        code
    }

    /// The whole second T in `from..=to` at which the CLI computes the code on the bar and
    /// the step has the bar's seconds left, if there is one.
    fn moment_of(&mut self, cred: Cred, bar: &Bar, from: u64, to: u64) -> Option<u64> {
        (from..=to).find(|&t| {
            bar.seconds == cred.period - t % cred.period && self.code_at(cred.id, t) == bar.code
        })
    }

    /// Waits for the Details pop-up of `cred` and for a Token OTP bar that agrees with
    /// `credview code` at a moment within a second of the screenshot. Returns the bar and when
    /// the screenshot was taken.
    fn wait_for_token(&mut self, cred: Cred) -> (Bar, Instant) {
        let title = format!("#{} ", cred.id);
        let mut last = None;
        let deadline = Instant::now() + PATIENCE;
        loop {
            let before = unix_now();
            let taken = Instant::now();
            let screen = self.screen();
            let after = unix_now();
            let bar = screen
                .lines()
                .find(|line| line.contains("Details ·"))
                .filter(|line| line.contains(&title))
                .and(token_bar(&screen));
            if let Some(bar) = bar {
                assert_eq!(bar.code.len(), cred.digits, "{bar:?} on\n{screen}");
                assert!(
                    (1..=cred.period).contains(&bar.seconds),
                    "{bar:?} on\n{screen}"
                );
                // A frame being drawn while tmux is read can be half old, half new: look again.
                if self
                    .moment_of(cred, &bar, before.saturating_sub(1), after + 1)
                    .is_some()
                {
                    return (bar, taken);
                }
                let around: Vec<(u64, String)> = (before.saturating_sub(1)..=after + 1)
                    .map(|t| (t, self.code_at(cred.id, t)))
                    .collect();
                last = Some(format!(
                    "the bar shows {bar:?} at {before}..={after}; the CLI says (time, code) \
                     {around:?} with period {}",
                    cred.period
                ));
            }
            if Instant::now() >= deadline {
                panic!(
                    "waited {PATIENCE:?} for the Token OTP bar of #{} to agree with the CLI: {}\n\
                     the screen:\n{screen}",
                    cred.id,
                    last.as_deref().unwrap_or("no bar on screen")
                );
            }
            sleep(POLL);
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.output(&["kill-server"]);
        if let Some(path) = &self.socket_path {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// The exit status of `pid` if it has exited but not been reaped. tmux 3.3a now and then
/// misses the SIGCHLD of a pane's process (a few runs in a hundred here): the process stays a
/// zombie and `pane_dead_status` stays empty. Linux still shows the wait status of a zombie,
/// in field 52 of /proc/PID/stat.
fn zombie_status(pid: &str) -> Option<String> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields from the third (state) on; the second, the name, is in parentheses.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    if fields.first() != Some(&"Z") {
        return None;
    }
    let code: i32 = fields.get(52 - 3)?.parse().ok()?;
    Some(if code & 0x7f == 0 {
        (code >> 8).to_string()
    } else {
        format!("killed by signal {}", code & 0x7f)
    })
}

/// Reads the Token OTP bar: the line under its top border holds `│ 123 456  ━━──  7 s │`,
/// perhaps with `next 654 321` after the seconds and list text on either side of the pop-up.
fn token_bar(screen: &str) -> Option<Bar> {
    let mut lines = screen.lines();
    lines.by_ref().find(|line| line.contains("Token OTP"))?;
    let line = lines.next()?;
    let digits = |word: &str| !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit());
    line.split('│').find_map(|segment| {
        let words: Vec<&str> = segment.split_whitespace().collect();
        let s = words.iter().position(|word| *word == "s")?;
        if s < 3 || !digits(words[0]) || !digits(words[1]) || !digits(words[s - 1]) {
            return None;
        }
        Some(Bar {
            code: format!("{}{}", words[0], words[1]),
            seconds: words[s - 1].parse().ok()?,
        })
    })
}

/// The terminal modes a full-screen app must give back, as tmux reports them for the pane.
const MODES: &str = "alternate=#{alternate_on} mouse=#{mouse_any_flag}#{mouse_button_flag}\
                     #{mouse_standard_flag}#{mouse_sgr_flag}#{mouse_all_flag}";
const MODES_RESTORED: &str = "alternate=0 mouse=00000";

#[test]
fn list_details_countdown_copy_refresh_close_quit() {
    if tmux_missing() {
        return;
    }
    let started = Instant::now();
    let mut tmux = Tmux::start("quit", &["sh", "-c", WRAPPER, BIN]);

    // The list, with the first credential selected.
    let screen = tmux.wait_for_text("the credential list", &["svc-backup"]);
    assert!(screen.contains(LIST_TITLE), "{screen}");
    assert!(screen.contains("3 credentials"), "{screen}");
    assert_eq!(
        tmux.pane("#{alternate_on}"),
        "1",
        "the app uses the alternate screen"
    );

    // Details of the first credential: the code is the CLI's, the seconds agree with it.
    tmux.keys(&["Enter"]);
    let (first, first_at) = tmux.wait_for_token(SHA1);
    let now_code = tmux.cli_code(SHA1.id, &[]);
    let now = unix_now();
    let neighbours: Vec<String> = [now.saturating_sub(1), now, now + 1]
        .into_iter()
        .map(|t| tmux.code_at(SHA1.id, t))
        .collect();
    assert!(
        first.code == now_code || neighbours.contains(&first.code),
        "the bar shows {first:?}; `credview code` says {now_code}, around now {neighbours:?}"
    );
    let screen = tmux.screen();
    assert!(screen.contains("SHA1 · 6 digits · 30 s step"), "{screen}");
    assert!(screen.contains("root@e2e-db-01"), "{screen}");

    // The countdown runs: 1.2 s later the seconds are lower, or wrapped into the next step.
    sleep(Duration::from_millis(1200).saturating_sub(first_at.elapsed()));
    let (second, second_at) = tmux.wait_for_token(SHA1);
    let elapsed = second_at.duration_since(first_at).as_secs_f64();
    let dropped = (first.seconds + SHA1.period - second.seconds) % SHA1.period;
    assert!(
        dropped >= 1 && dropped as f64 <= elapsed.ceil() + 1.0,
        "after {elapsed:.1} s the bar went from {first:?} to {second:?}"
    );
    if second.seconds > first.seconds {
        assert_ne!(second.code, first.code, "a new step, a new code");
    }

    // Copy: OSC 52 through tmux into its paste buffer, digits only.
    let before = unix_now();
    tmux.keys(&["c"]);
    let deadline = Instant::now() + PATIENCE;
    let copied = loop {
        let out = tmux.output(&["show-buffer"]);
        let buffer = text(&out.stdout);
        if out.status.success() && !buffer.is_empty() {
            break buffer;
        }
        assert!(
            Instant::now() < deadline,
            "nothing reached the tmux buffer after `c`; the screen:\n{}",
            tmux.screen()
        );
        sleep(POLL);
    };
    let after = unix_now();
    assert!(
        copied.len() == SHA1.digits && copied.bytes().all(|b| b.is_ascii_digit()),
        "the buffer holds {copied:?}"
    );
    let candidates: Vec<String> = (before.saturating_sub(1)..=after + 1)
        .map(|t| tmux.code_at(SHA1.id, t))
        .collect();
    assert!(
        candidates.contains(&copied),
        "copied {copied:?}; the codes around then: {candidates:?}"
    );
    tmux.wait_for_text(
        "the copy to be confirmed",
        &["token copied to the terminal"],
    );

    // Refresh: either a new step began (new token) or the code stays (still valid).
    tmux.keys(&["r"]);
    tmux.wait_for_text("the refresh message", &["new token", "still valid"]);
    tmux.wait_for_token(SHA1);

    // Escape closes Details (it is polled for, so the next key cannot read as Alt+key).
    tmux.keys(&["Escape"]);
    tmux.wait_for("Details to close", |_, screen| {
        (!screen.contains("Token OTP") && screen.contains(LIST_TITLE)).then_some(())
    });

    // The second credential: 8 digits, 60 s steps.
    tmux.keys(&["j"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for_token(SHA256);
    let screen = tmux.screen();
    assert!(screen.contains("SHA256 · 8 digits · 60 s step"), "{screen}");
    tmux.keys(&["Escape"]);
    tmux.wait_for("Details to close", |_, screen| {
        (!screen.contains("Token OTP") && screen.contains(LIST_TITLE)).then_some(())
    });

    // Quit: the app exits 0 and gives the terminal back as it found it.
    tmux.keys(&["q"]);
    // The wrapper prints the tty settings, then this line.
    let (status, screen) = tmux.wait_for("the app to exit", |_, screen| {
        let status = screen
            .lines()
            .find_map(|line| line.strip_prefix("credview exited with status "))?;
        Some((status.trim().parse::<i32>().ok()?, screen.to_owned()))
    });
    assert_eq!(status, 0, "{screen}");
    assert!(
        !screen.contains(LIST_TITLE),
        "the list was left on the normal screen:\n{screen}"
    );
    assert_eq!(tmux.pane(MODES), MODES_RESTORED);
    assert_eq!(
        tmux.pane("#{cursor_flag}"),
        "1",
        "the cursor is visible again"
    );
    let words: Vec<&str> = screen.split_whitespace().collect();
    for mode in ["icanon", "echo", "isig"] {
        assert!(
            words.contains(&mode) && !words.contains(&format!("-{mode}").as_str()),
            "the tty is still in raw mode ({mode}):\n{screen}"
        );
    }
    tmux.keys(&["Enter"]);
    assert_eq!(tmux.wait_for_exit_status(), "0");
    assert_eq!(tmux.pane("#{alternate_on}"), "0");

    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
}

/// Shuts the app down with `signal` while Details counts down; the terminal must come back.
fn signal_restores_the_terminal(signal: &str) {
    if tmux_missing() {
        return;
    }
    let started = Instant::now();
    let mut tmux = Tmux::start(&signal.to_lowercase(), &[BIN]);
    tmux.wait_for_text("the credential list", &["svc-backup"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for_token(SHA1);
    assert_eq!(tmux.pane("#{alternate_on}"), "1");

    let pid = tmux.pane("#{pane_pid}");
    assert!(pid.parse::<u32>().is_ok(), "pane_pid {pid:?}");
    let status = Command::new("sh")
        .args(["-c", &format!("kill -{signal} \"$1\""), "sh", &pid])
        .status()
        .expect("run kill");
    assert!(status.success(), "kill -{signal} {pid}");

    // The app catches the signal and returns normally, so the exit status is 0.
    assert_eq!(tmux.wait_for_exit_status(), "0");
    assert_eq!(tmux.pane(MODES), MODES_RESTORED);
    let screen = tmux.screen();
    assert!(!screen.contains(LIST_TITLE), "{screen}");
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn sigterm_restores_the_terminal() {
    signal_restores_the_terminal("TERM");
}

#[test]
fn sighup_restores_the_terminal() {
    signal_restores_the_terminal("HUP");
}

#[test]
fn token_bar_is_read_from_a_screen() {
    let screen = "\
  203    Dom╭ Details · root@srv-db-01 · #101 ────────╮ ✓
fw-edge (192│╭ Token OTP ──────────────────────────────╮│
  301    App││ 762 901   ━━━━━━━━───────────  7 s ││ ✓
  302    App││ SHA1 · 6 digits · 30 s step            ││ ✓";
    assert_eq!(
        token_bar(screen),
        Some(Bar {
            code: "762901".into(),
            seconds: 7
        })
    );
    let warning = "│ Token OTP ─╮\n│ 1234 5678  ━───  4 s   next 8765 4321 │";
    assert_eq!(
        token_bar(warning),
        Some(Bar {
            code: "12345678".into(),
            seconds: 4
        })
    );
    assert_eq!(token_bar("Credentials > All\n 101 root"), None);
}
