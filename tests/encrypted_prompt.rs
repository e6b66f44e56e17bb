//! The passphrase prompt, driven the way a person meets it: the real binary in a detached
//! tmux session on a private socket, keys typed with `send-keys`, the screen read with
//! `capture-pane`. The typed passphrase must never appear on the screen.
//!
//! Without `tmux` on PATH the tests print a note and pass (and the `age` step likewise).

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

use common::{AGE_CLI_FIXTURE, BIN, FIXTURE_PASSPHRASE, Lab, PLAIN, text};

/// scrypt takes about a second; a loaded machine may need several.
const PATIENCE: Duration = Duration::from_secs(30);
const POLL: Duration = Duration::from_millis(50);

fn missing(tool: &str) -> bool {
    let found = Command::new(tool)
        .arg(if tool == "tmux" { "-V" } else { "--version" })
        .output()
        .is_ok_and(|out| out.status.success());
    if !found {
        eprintln!("note: {tool} is not on PATH; skipping this part of the test");
    }
    !found
}

/// A tmux server of our own running one command in a shell that then reports its status
/// and the terminal's settings (`stty -a`).
/// Dropping it kills the server, pass or fail.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(test: &str, lab: &Lab, command: &str) -> Self {
        let tmux = Self {
            socket: format!("credview-prompt-{test}-{}", std::process::id()),
        };
        let home = lab.path(".");
        let shell = format!(
            "cd '{}' && env -i HOME='{}' PATH=/usr/bin:/bin TERM=xterm-256color LANG=C.UTF-8 \
             {command}; echo \"status=$?\"; stty -a; sleep 600",
            home.display(),
            home.display()
        );
        tmux.run(&["new-session", "-d", "-x", "120", "-y", "40", &shell]);
        tmux
    }

    fn output(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-u", "-f", "/dev/null", "-L", &self.socket])
            .args(args)
            .env_remove("TMUX")
            .output()
            .unwrap()
    }

    fn run(&self, args: &[&str]) -> String {
        let out = self.output(args);
        assert!(out.status.success(), "tmux {args:?}: {out:?}");
        text(&out.stdout)
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p"])
    }

    fn type_text(&self, typed: &str) {
        self.run(&["send-keys", "-l", typed]);
    }

    fn enter(&self) {
        self.run(&["send-keys", "Enter"]);
    }

    fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(needle) {
                return screen;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "{needle:?} never showed:\n{screen}"
            );
            sleep(POLL);
        }
    }

    /// The process the wrapping shell runs: credview (or age) itself.
    fn child_pid(&self) -> String {
        let shell = self.run(&["display-message", "-p", "#{pane_pid}"]);
        let shell = shell.trim();
        let children = fs::read_to_string(format!("/proc/{shell}/task/{shell}/children"));
        let children = children.unwrap_or_default();
        children
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_owned()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.output(&["kill-server"]);
    }
}

fn quoted(path: &Path) -> String {
    format!("'{}'", path.display())
}

#[test]
fn the_passphrase_typed_at_the_prompt_opens_the_list_unseen() {
    if missing("tmux") {
        return;
    }
    let lab = Lab::new();
    let vault = lab.write("vault.age", AGE_CLI_FIXTURE);
    let tmux = Tmux::start("open", &lab, &format!("{BIN} --vault {}", quoted(&vault)));
    tmux.wait_for("Passphrase for");

    // Hardened before anything secret is read: no core dumps.
    let pid = tmux.child_pid();
    let limits = fs::read_to_string(format!("/proc/{pid}/limits")).unwrap();
    let core = limits
        .lines()
        .find(|l| l.starts_with("Max core file size"))
        .unwrap();
    assert_eq!(core.split_whitespace().nth(4), Some("0"), "{core}");
    assert_eq!(core.split_whitespace().nth(5), Some("0"), "{core}");

    tmux.type_text(FIXTURE_PASSPHRASE);
    sleep(Duration::from_millis(300));
    assert!(
        !tmux.screen().contains("credview test"),
        "the passphrase was echoed"
    );
    tmux.enter();
    let screen = tmux.wait_for("enc-db-01");
    assert!(screen.contains("Credentials > All"), "{screen}");
    assert!(!screen.contains("credview test"), "{screen}");
    tmux.type_text("q");
    let screen = tmux.wait_for("status=0");
    assert!(!screen.contains("credview test"), "{screen}");
}

#[test]
fn a_wrong_passphrase_at_the_prompt_is_refused_with_status_2() {
    if missing("tmux") {
        return;
    }
    let lab = Lab::new();
    let vault = lab.write("vault.age", AGE_CLI_FIXTURE);
    let tmux = Tmux::start("wrong", &lab, &format!("{BIN} --vault {}", quoted(&vault)));
    tmux.wait_for("Passphrase for");
    tmux.type_text("Guess-Wrong-77");
    tmux.enter();
    let screen = tmux.wait_for("status=2");
    assert!(screen.contains("wrong passphrase"), "{screen}");
    assert!(!screen.contains("Guess-Wrong"), "{screen}");
}

#[test]
fn encrypt_asks_twice_and_the_age_tool_opens_the_result() {
    if missing("tmux") {
        return;
    }
    let lab = Lab::new();
    let plain = lab.write("vault.json", PLAIN.as_bytes());
    let out = lab.path("new.age");
    let command = format!("{BIN} encrypt {} {}", quoted(&plain), quoted(&out));
    let tmux = Tmux::start("encrypt", &lab, &command);
    tmux.wait_for("New passphrase for");
    tmux.type_text("Typed-Twice-42");
    tmux.enter();
    tmux.wait_for("Type it again");
    tmux.type_text("Typed-Twice-42");
    tmux.enter();
    let screen = tmux.wait_for("status=0");
    assert!(!screen.contains("Typed-Twice"), "{screen}");
    drop(tmux);
    assert_eq!(lab.mode("new.age"), 0o600);

    if missing("age") {
        return;
    }
    let decrypted = lab.path("back.json");
    let command = format!("age -d -o {} {}", quoted(&decrypted), quoted(&out));
    let tmux = Tmux::start("age-d", &lab, &command);
    tmux.wait_for("passphrase");
    tmux.type_text("Typed-Twice-42");
    tmux.enter();
    tmux.wait_for("status=0");
    assert_eq!(fs::read_to_string(&decrypted).unwrap(), PLAIN);
}

#[test]
fn ctrl_c_at_the_prompt_leaves_the_terminal_as_it_was() {
    if missing("tmux") {
        return;
    }
    let lab = Lab::new();
    let vault = lab.write("vault.age", AGE_CLI_FIXTURE);
    let tmux = Tmux::start("ctrl-c", &lab, &format!("{BIN} --vault {}", quoted(&vault)));
    tmux.wait_for("Passphrase for");
    tmux.type_text("half-typed");
    tmux.run(&["send-keys", "C-c"]);
    tmux.wait_for("status=2");
    // `extproc` ends `stty -a`'s output: the settings are all on screen.
    let screen = tmux.wait_for("extproc");
    assert!(screen.contains(".age: interrupted\nstatus=2"), "{screen}");
    assert!(!screen.contains("half-typed"), "{screen}");
    // Echo, line editing and Ctrl-C are back on.
    let settings: Vec<&str> = screen.split_whitespace().collect();
    for flag in ["echo", "icanon", "isig"] {
        assert!(settings.contains(&flag), "{flag} is off:\n{screen}");
    }
}
