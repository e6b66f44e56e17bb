//! End to end, as a new user enrols: `credview init`, then in the TUI `a`, paste the
//! otpauth:// URI a site shows (tmux's bracketed paste), Enter, and the Token OTP bar shows
//! the code, which must be the one `oathtool` computes for that secret. Then `t` with a typed
//! secret replaces it (Enter twice), and the vault on disk holds what was saved.
//!
//! Runs the real binary in tmux on a private socket, killed when the test ends. Without
//! `tmux` on PATH the test prints a note and passes.

use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

const BIN: &str = env!("CARGO_BIN_EXE_credview");
const SECRET: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const PATIENCE: Duration = Duration::from_secs(8);

struct Tmux {
    socket: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs")
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "enrol"]).stdout)
            .into_owned()
    }

    fn wait_for(&self, needle: &str) -> String {
        let started = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(needle) {
                return screen;
            }
            assert!(
                started.elapsed() < PATIENCE,
                "{needle:?} never showed:\n{screen}"
            );
            sleep(Duration::from_millis(40));
        }
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "enrol"];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success());
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

fn oathtool(args: &[&str], at: u64) -> String {
    let out = Command::new("oathtool")
        .args(args)
        .args(["--now", &format!("@{at}"), "-b", SECRET])
        .output()
        .expect("oathtool is installed (see .ci/run)");
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// The code in the Token OTP bar, digits only.
fn shown_code(screen: &str) -> String {
    let bar = screen
        .lines()
        .skip_while(|line| !line.contains("Token OTP"))
        .nth(1)
        .unwrap_or_default();
    let inside = bar.trim_start_matches([' ', '│']);
    inside
        .split_whitespace()
        .take_while(|part| part.chars().all(|c| c.is_ascii_digit()))
        .collect()
}

/// Whether `code` is oathtool's for one of the seconds around now (a step may end between).
fn is_current(code: &str, args: &[&str]) -> bool {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    (now - 2..=now + 1).any(|at| oathtool(args, at) == code)
}

#[test]
fn a_new_user_adds_an_account_by_pasting_its_uri_and_sees_its_code() {
    if Command::new("tmux").arg("-V").output().is_err() {
        eprintln!("note: tmux is not on PATH; skipping the end-to-end test");
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let vault = home.path().join("vault.json");
    let init = Command::new(BIN)
        .env_clear()
        .env("HOME", home.path())
        .args(["init"])
        .arg(&vault)
        .output()
        .unwrap();
    assert!(init.status.success(), "{init:?}");
    let tmux = Tmux {
        socket: format!("credview-enrol-{}", std::process::id()),
    };
    let command = format!(
        "env -i HOME={home} TERM=xterm-256color {BIN} --no-audit --vault {vault}",
        home = home.path().display(),
        vault = vault.display()
    );
    let started = tmux.run(&[
        "new-session",
        "-d",
        "-s",
        "enrol",
        "-x",
        "120",
        "-y",
        "40",
        &command,
    ]);
    assert!(started.status.success(), "{started:?}");
    tmux.wait_for("Credentials > All");

    tmux.keys(&["a"]);
    tmux.wait_for("Add credential");
    let uri = format!(
        "otpauth://totp/Z-API:me%40example.com?secret={SECRET}&issuer=Z-API&digits=8&period=60"
    );
    assert!(tmux.run(&["set-buffer", &uri]).status.success());
    assert!(
        tmux.run(&["paste-buffer", "-p", "-t", "enrol"])
            .status
            .success()
    );
    let form = tmux.wait_for("otpauth:// Key URI");
    assert!(form.contains("me@example.com"), "{form}");
    assert!(!form.contains(SECRET), "the secret is never shown:\n{form}");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("saved: the credential is added");
    let code = shown_code(&screen);
    assert_eq!(code.len(), 8, "{screen}");
    assert!(
        is_current(&code, &["--totp", "-d", "8", "-s", "60"]),
        "{code}:\n{screen}"
    );

    // Replace it with the same secret typed by hand, in the default settings.
    tmux.keys(&["t"]);
    tmux.wait_for("Set TOTP secret");
    tmux.keys(&["-l", "gezd gnbv gy3t qojq gezd gnbv gy3t qojq"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("Enter again replaces it");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("saved: the TOTP secret is set");
    let code = shown_code(&screen);
    assert_eq!(code.len(), 6, "{screen}");
    assert!(is_current(&code, &["--totp"]), "{code}:\n{screen}");
    tmux.keys(&["q"]);

    let written = std::fs::read_to_string(&vault).unwrap();
    assert!(
        written.contains("\"username\": \"me@example.com\""),
        "{written}"
    );
    assert!(
        written.contains(&format!("\"secret\": \"{SECRET}\"")),
        "{written}"
    );
}
