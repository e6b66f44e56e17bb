//! A session from the screen, as a person starts one: in tmux, open Details, press `s`, answer
//! the new host key (credview passes that question on rather than answering it), see the
//! remote shell prompt, `exit`, and see the list again with the status line. While the host
//! key question waits, the askpass process asking it is alive: its command line and
//! environment, and ssh's, are read and hold no secret.
//!
//! `ssh` on this test's PATH is a two-line script that adds `-F` with the test's own client
//! config (its own known_hosts file), so root's `~/.ssh` is never touched.

mod common;
mod ssh_lab;

use std::os::unix::fs::PermissionsExt;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use common::BIN;
use ssh_lab::{Lab, PASSWORD, TOTP_SECRET};

const PATIENCE: Duration = Duration::from_secs(10);

struct Tmux {
    socket: String,
}

impl Tmux {
    fn cmd(&self) -> Command {
        let mut cmd = Command::new("tmux");
        cmd.args(["-L", &self.socket, "-f", "/dev/null"]);
        cmd
    }

    fn screen(&self) -> String {
        let out = self.cmd().args(["capture-pane", "-p"]).output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        for key in keys {
            let status = self.cmd().args(["send-keys", key]).status().unwrap();
            assert!(status.success());
            sleep(Duration::from_millis(60));
        }
    }

    fn wait_for(&self, what: &str, found: impl Fn(&str) -> bool) -> String {
        let started = Instant::now();
        loop {
            let screen = self.screen();
            if found(&screen) {
                return screen;
            }
            assert!(
                started.elapsed() < PATIENCE,
                "waited for {what}; the screen:\n{screen}"
            );
            sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self
            .cmd()
            .arg("kill-server")
            .stderr(std::process::Stdio::null())
            .status();
    }
}

/// Every process whose command line contains `marker`: (pid, cmdline, environ).
fn processes_with(marker: &str) -> Vec<(String, String, String)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let pid = entry.file_name().to_string_lossy().into_owned();
        if !pid.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let read = |what: &str| {
            std::fs::read(entry.path().join(what))
                .map(|b| String::from_utf8_lossy(&b).replace('\0', " "))
                .ok()
        };
        if let (Some(cmdline), Some(environ)) = (read("cmdline"), read("environ"))
            && cmdline.contains(marker)
        {
            found.push((pid, cmdline, environ));
        }
    }
    found
}

fn assert_clean(what: &str, processes: &[(String, String, String)]) {
    assert!(!processes.is_empty(), "no {what} process found");
    for (pid, cmdline, environ) in processes {
        for (place, content) in [("cmdline", cmdline), ("environ", environ)] {
            assert!(
                !content.contains(PASSWORD),
                "password in {what} {pid} {place}"
            );
            assert!(
                !content.contains(TOTP_SECRET),
                "secret in {what} {pid} {place}"
            );
        }
    }
}

#[test]
fn s_in_details_runs_a_session_and_comes_back_to_the_list() {
    if let Some(why) = ssh_lab::unavailable() {
        eprintln!("skipped: {why}");
        return;
    }
    if Command::new("tmux").arg("-V").output().is_err() {
        eprintln!("skipped: tmux is missing");
        return;
    }
    let lab = Lab::start("t");
    let vault = lab.vault();
    let bin = lab.path("bin");
    std::fs::create_dir(&bin).unwrap();
    let config = lab.path("ssh_config");
    std::fs::write(
        &config,
        format!(
            "Host *\n  StrictHostKeyChecking ask\n  UserKnownHostsFile {}\n  \
             GlobalKnownHostsFile /dev/null\n",
            lab.path("known_hosts").display()
        ),
    )
    .unwrap();
    let wrapper = bin.join("ssh");
    std::fs::write(
        &wrapper,
        format!(
            "#!/bin/sh\nexec /usr/bin/ssh -F {} \"$@\"\n",
            config.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    let tmux = Tmux {
        socket: format!("credview-ssh-{}", std::process::id()),
    };
    let app = format!(
        "{BIN} --vault {} --audit {}",
        vault.display(),
        lab.path("audit.jsonl").display()
    );
    let status = tmux
        .cmd()
        .args(["new-session", "-d", "-x", "100", "-y", "30", "-e"])
        .arg(format!("PATH={path}"))
        .arg(app)
        .status()
        .unwrap();
    assert!(status.success());
    tmux.wait_for("the list", |s| s.contains("Credentials > All"));
    tmux.keys(&["Enter"]);
    tmux.wait_for("Details", |s| s.contains("Token OTP"));
    tmux.keys(&["s"]);

    tmux.wait_for("the host key question", |s| s.contains("(yes/no"));
    assert_clean("askpass", &processes_with("credview-askpass"));
    let login = format!("-l {}", lab.user);
    assert_clean("ssh", &processes_with(&login));
    tmux.keys(&["yes", "Enter"]);

    let prompt = format!("{}@", lab.user);
    tmux.wait_for("the remote shell prompt", |s| {
        s.lines()
            .any(|l| l.starts_with(&prompt) && l.trim_end().ends_with('$'))
    });
    assert_clean("ssh", &processes_with(&login));
    tmux.keys(&["exit", "Enter"]);
    let screen = tmux.wait_for("the list and the status line", |s| {
        s.contains("Credentials > All") && s.contains("session to 127.0.0.1 ended (exit 0)")
    });
    assert!(!screen.contains("Token OTP"), "back on the list:\n{screen}");
    let accepted = format!("Accepted keyboard-interactive/pam for {}", lab.user);
    assert!(lab.sshd_log().contains(&accepted), "{}", lab.sshd_log());
    tmux.keys(&["q"]);
}

#[test]
fn a_refused_connection_brings_the_list_back_working() {
    if Command::new("tmux").arg("-V").output().is_err()
        || Command::new("ssh").arg("-V").output().is_err()
    {
        eprintln!("skipped: tmux or ssh is missing");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    // A port nothing listens on: bound, then closed.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let vault = dir.path().join("vault.json");
    std::fs::write(
        &vault,
        format!(
            r#"{{"version":1,"credentials":[
            {{"id":1,"username":"nobody","password":"pw","device":{{"hostname":"closed","ip":"127.0.0.1","port":{port}}}}},
            {{"id":2,"username":"other","device":{{"hostname":"second"}}}}]}}"#
        ),
    )
    .unwrap();
    std::fs::set_permissions(&vault, std::fs::Permissions::from_mode(0o600)).unwrap();
    let tmux = Tmux {
        socket: format!("credview-ssh-refused-{}", std::process::id()),
    };
    let app = format!("{BIN} --vault {} --no-audit", vault.display());
    let status = tmux
        .cmd()
        .args(["new-session", "-d", "-x", "100", "-y", "30"])
        .arg(app)
        .status()
        .unwrap();
    assert!(status.success());
    tmux.wait_for("the list", |s| s.contains("Credentials > All"));
    tmux.keys(&["s"]);
    // ssh's own message stays on screen until Enter.
    tmux.wait_for("ssh's message and the pause", |s| {
        s.contains("Connection refused") && s.contains("Press Enter to return")
    });
    tmux.keys(&["Enter"]);
    tmux.wait_for("the status line", |s| {
        s.contains("Credentials > All") && s.contains("session to 127.0.0.1 ended (exit 255)")
    });
    // The keys reach the app again: `j` moves, Enter opens the second credential.
    tmux.keys(&["j", "Enter"]);
    tmux.wait_for("Details of the second credential", |s| {
        s.contains("Token OTP") && s.contains("other")
    });
    tmux.keys(&["q"]);
}
