//! End to end: the real binary in a detached tmux session (a private server, `tmux -L`), an
//! HOTP credential opened, `n` pressed, as a person tries it. The code on screen must be
//! RFC 4226 Appendix D's for counter 0, and the vault file must hold counter 1 by then.
//!
//! Without `tmux` on PATH the test prints a note and passes.

use std::os::unix::fs::PermissionsExt;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_credview");
const PATIENCE: Duration = Duration::from_secs(15);

const VAULT: &str = r#"{"version": 1, "credentials": [
  {"id": 1, "username": "vpn", "device": {"hostname": "gw-01"},
   "hotp": {"secret": "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "counter": 0}}
]}
"#;

/// Kills the private tmux server when the test ends, pass or fail.
struct Server(String);

impl Server {
    fn tmux(&self, args: &[&str]) -> String {
        let output = Command::new("tmux")
            .args(["-L", &self.0, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "hotp"])
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
            sleep(Duration::from_millis(40));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}

#[test]
fn n_saves_the_counter_then_shows_the_code() {
    if Command::new("tmux").arg("-V").output().is_err() {
        eprintln!("note: tmux is not on PATH; skipping the end-to-end test");
        return;
    }
    let home = tempfile::tempdir().unwrap();
    std::fs::set_permissions(home.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    let vault = home.path().join("vault.json");
    std::fs::write(&vault, VAULT).unwrap();
    std::fs::set_permissions(&vault, std::fs::Permissions::from_mode(0o600)).unwrap();
    let audit = home.path().join("audit.jsonl");
    let server = Server(format!("credview-hotp-{}", std::process::id()));
    let command = format!(
        "{BIN} --vault {} --audit {}",
        vault.display(),
        audit.display()
    );
    server.tmux(&[
        "new-session",
        "-d",
        "-s",
        "hotp",
        "-x",
        "100",
        "-y",
        "30",
        &command,
    ]);
    server.wait_for("Credentials > All");
    server.tmux(&["send-keys", "-t", "hotp", "Enter"]);
    let before = server.wait_for("HOTP · counter 0");
    assert!(before.contains("••• •••"), "{before}");
    server.tmux(&["send-keys", "-t", "hotp", "n"]);
    let after = server.wait_for("755 224");
    assert!(after.contains("HOTP · counter 1"), "{after}");
    let text = std::fs::read_to_string(&vault).unwrap();
    assert!(text.contains("\"counter\": 1"), "{text}");
    let log = std::fs::read_to_string(&audit).unwrap();
    assert!(log.contains("\"event\":\"hotp_advance\"") && log.contains("\"counter\":0"));
    assert!(!log.contains("755224"));
    server.tmux(&["send-keys", "-t", "hotp", "q"]);
}
