//! `credview doctor`: one line per check with ✓ / ⚠ / ✗ and what to do, exit 2 when one fails.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_credview");
const VAULT: &str = r#"{"version": 1, "credentials": [{"id": 1, "username": "u"}]}"#;

fn doctor(home: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .env_clear()
        .env("HOME", home)
        .env("TERM", "xterm-256color")
        .arg("doctor")
        .args(args)
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn line<'a>(text: &'a str, start: &str) -> &'a str {
    text.lines()
        .find(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("no line starting {start:?} in:\n{text}"))
}

fn private_home() -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    std::fs::set_permissions(home.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    home
}

#[test]
fn a_private_vault_passes_and_an_open_one_says_how_to_close_it() {
    let home = private_home();
    let vault = home.path().join("vault.json");
    std::fs::write(&vault, VAULT).unwrap();
    std::fs::set_permissions(&vault, std::fs::Permissions::from_mode(0o600)).unwrap();
    let path = vault.to_str().unwrap();
    let out = doctor(home.path(), &["--vault", path]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        line(&text, "✓ vault: ").ends_with("vault.json, 1 credential"),
        "{text}"
    );
    line(&text, "✓ vault permissions: only you can read it");
    line(&text, "✓ audit log: ");
    line(&text, "✓ colours: 256 (xterm-256color)");
    let clock = line(&text, "⚠ clock: not checked");
    assert!(clock.contains("→ add --ntp pool.ntp.org"), "{clock}");

    std::fs::set_permissions(&vault, std::fs::Permissions::from_mode(0o644)).unwrap();
    let text = stdout(&doctor(home.path(), &["--vault", path]));
    let warning = line(&text, "⚠ vault permissions: ");
    assert!(
        warning.ends_with(&format!("→ run: chmod 600 {path}")),
        "{warning}"
    );
}

#[test]
fn a_missing_or_broken_vault_fails_with_exit_2() {
    let home = private_home();
    let out = doctor(home.path(), &["--vault", "/nonexistent/vault.json"]);
    assert_eq!(out.status.code(), Some(2));
    line(&stdout(&out), "✗ vault: ");
    let broken = home.path().join("broken.json");
    std::fs::write(&broken, "{\"version\": 1, \"credentials\": [{\"id\": 0}]}").unwrap();
    std::fs::set_permissions(&broken, std::fs::Permissions::from_mode(0o600)).unwrap();
    let out = doctor(home.path(), &["--vault", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        line(&stdout(&out), "✗ vault: ").contains("broken.json:1:"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn no_vault_is_the_demo_with_a_hint() {
    let home = private_home();
    let out = doctor(home.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let text = stdout(&out);
    let demo = line(&text, "⚠ vault: none found");
    assert!(demo.contains("--vault PATH"), "{demo}");
}

#[test]
fn an_audit_log_that_cannot_be_written_fails() {
    let home = private_home();
    let log = home.path().join("audit.jsonl");
    std::fs::write(&log, "").unwrap();
    std::fs::set_permissions(&log, std::fs::Permissions::from_mode(0o400)).unwrap();
    // root writes anyway: nothing to show there.
    if std::fs::OpenOptions::new().append(true).open(&log).is_ok() {
        eprintln!("skipped: this user can write a read-only file");
        return;
    }
    let out = doctor(home.path(), &["--audit", log.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    line(&stdout(&out), "✗ audit log: cannot write ");
}

/// Inside tmux, OSC 52 arrives only with `set-clipboard on`.
#[test]
fn inside_tmux_the_set_clipboard_setting_is_checked() {
    if Command::new("tmux").arg("-V").output().is_err() {
        eprintln!("skipped: tmux is not installed");
        return;
    }
    let home = private_home();
    for (setting, expected) in [("external", "✗ clipboard: "), ("on", "✓ clipboard: ")] {
        // A server of its own per setting: a killed one may still hold its socket a moment.
        let socket = format!("credview-doctor-{setting}-{}", std::process::id());
        let report = home.path().join(format!("{setting}.txt"));
        let command = format!(
            "env -i HOME={} TERM=xterm TMUX=\"$TMUX\" PATH=\"$PATH\" {BIN} doctor > {} 2>&1; \
             tmux -L {socket} wait-for -S done",
            home.path().display(),
            report.display()
        );
        let tmux = |args: &[&str]| {
            Command::new("tmux")
                .args(["-u", "-f", "/dev/null", "-L", &socket])
                .args(args)
                .env("TERM", "xterm-256color")
                .env_remove("TMUX")
                .status()
                .unwrap()
        };
        // The option is set before the session, and so doctor, starts.
        let set = format!("set-option -g set-clipboard {setting}");
        let mut start: Vec<&str> = set.split_whitespace().collect();
        start.extend([
            ";",
            "new-session",
            "-d",
            "-s",
            "doctor",
            "-x",
            "100",
            "-y",
            "20",
        ]);
        start.extend(["--", "sh", "-c", &command]);
        tmux(&start);
        tmux(&["wait-for", "done"]);
        tmux(&["kill-server"]);
        let text = std::fs::read_to_string(&report)
            .unwrap_or_else(|e| panic!("doctor wrote no report under tmux ({setting}): {e}"));
        let clipboard = line(&text, expected);
        if setting == "external" {
            assert!(
                clipboard.contains("set-clipboard is external"),
                "{clipboard}"
            );
            assert!(
                clipboard
                    .ends_with("→ run: tmux set -g set-clipboard on (and add it to ~/.tmux.conf)")
            );
        }
    }
}
