//! End to end with a large vault (`benches/common/generate.rs`, 20,000 credentials): the real
//! binary in a private tmux server, as a person would run it. The list is read while it is on
//! screen, and a vault whose error comes after the first screen still ends in that error, with
//! the terminal given back. Without `tmux` on PATH the tests print a note and pass.

#[path = "../benches/common/generate.rs"]
mod generate;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_credview");
const N: usize = 20_000;
/// Generous: a debug build reads a large vault slowly, and the machine may be busy.
const PATIENCE: Duration = Duration::from_secs(30);

struct Tmux {
    socket: String,
    _home: tempfile::TempDir,
}

impl Tmux {
    /// A session running `credview --vault VAULT` (then `echo` of its exit status), 120x40.
    fn start(test: &str, vault_text: &str) -> Option<Self> {
        if !Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success())
        {
            eprintln!("note: tmux is not on PATH; skipping the end-to-end test");
            return None;
        }
        let home = tempfile::tempdir().expect("a temporary HOME");
        let vault = home.path().join("vault.json");
        std::fs::write(&vault, vault_text).expect("write the vault");
        std::fs::set_permissions(&vault, std::fs::Permissions::from_mode(0o600))
            .expect("chmod 600 the vault");
        let tmux = Self {
            socket: format!("credview-large-{test}-{}", std::process::id()),
            _home: home,
        };
        let line = format!("{BIN} --vault {} --no-audit; echo exit=$?", vault.display());
        tmux.run(
            home_of(&vault),
            &["new-session", "-d", "-x", "120", "-y", "40", "sh", "-c"],
        )
        .arg(format!("{line}; sleep 60"))
        .status()
        .expect("tmux new-session");
        Some(tmux)
    }

    fn run(&self, home: &Path, args: &[&str]) -> Command {
        let mut command = Command::new("tmux");
        command
            .args(["-u", "-f", "/dev/null", "-L", &self.socket])
            .args(args)
            .env("HOME", home)
            .env("LANG", "C.UTF-8")
            .env("TERM", "xterm-256color")
            .env_remove("TMUX");
        command
    }

    fn screen(&self) -> String {
        let out = self
            .run(Path::new("/"), &["capture-pane", "-p", "-J"])
            .output()
            .expect("tmux capture-pane");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn keys(&self, keys: &str) {
        self.run(Path::new("/"), &["send-keys", "-l", keys])
            .status()
            .expect("tmux send-keys");
    }

    fn wait_for(&self, what: &str, check: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let screen = self.screen();
            if check(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "no {what}; the screen:\n{screen}"
            );
            sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(Path::new("/"), &["kill-server"]).status();
    }
}

fn home_of(vault: &Path) -> &Path {
    vault.parent().unwrap_or(Path::new("/"))
}

#[test]
fn a_large_vault_is_listed_whole_and_filtered() {
    let Some(tmux) = Tmux::start("list", &generate::vault_json(N, 42)) else {
        return;
    };
    tmux.wait_for("the whole list", |s| {
        s.contains(&format!(" {N} credentials")) && !s.contains("reading")
    });
    let first = generate::rows_text(1, 42);
    let id = first.split(' ').next().unwrap_or_default();
    assert!(
        tmux.screen().contains(&format!("  {id} ")),
        "{}",
        tmux.screen()
    );
    tmux.keys("/backup");
    tmux.wait_for("the query and its count", |s| {
        s.contains("/ backup") && s.contains(&format!(" of {N} credentials"))
    });
}

#[test]
fn an_error_after_the_first_screen_closes_it_and_is_printed() {
    let text = generate::vault_json(N, 42);
    // The last credential's id repeats the first one's: found only once the list is up.
    let last = format!("\"id\": {}", 100_000 + N - 1);
    let broken = text.replacen(&last, "\"id\": 100000", 1);
    assert_ne!(broken, text);
    let Some(tmux) = Tmux::start("error", &broken) else {
        return;
    };
    let screen = tmux.wait_for("the exit", |s| s.contains("exit="));
    assert!(screen.contains("exit=2"), "{screen}");
    assert!(
        screen.contains("duplicate id 100000 (credential #1 has it already)"),
        "{screen}"
    );
    assert!(
        !screen.contains("Credentials > All"),
        "the screen is given back:\n{screen}"
    );
}
