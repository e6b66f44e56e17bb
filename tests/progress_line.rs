//! Progress on a terminal's stderr: a passphrase vault opened with stderr on a pseudo-terminal
//! (through `script`) finishes, prints its table on stdout untouched, and leaves no escape
//! sequence and no progress line behind. Whether the "unlocking…" line shows at all depends
//! on how long the key derivation takes, so the test checks what is left, not when.
//! Without `script` on PATH it passes with a note.

use std::io::Read;
use std::os::unix::fs::PermissionsExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_credview");
const FIXTURE: &[u8] = include_bytes!("data/encrypted/age-cli-passphrase.age");
const PASSPHRASE: &str = "credview test passphrase";

#[test]
fn unlocking_on_a_terminal_finishes_and_leaves_a_clean_line() {
    let found = Command::new("sh")
        .args(["-c", "command -v script"])
        .output()
        .is_ok_and(|out| out.status.success());
    if !found {
        eprintln!("note: script is not on PATH; skipping");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    let vault = dir.path().join("vault.age");
    std::fs::write(&vault, FIXTURE).unwrap();
    let passphrase = dir.path().join("passphrase");
    std::fs::write(&passphrase, format!("{PASSPHRASE}\n")).unwrap();
    for file in [&vault, &passphrase] {
        std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let table = dir.path().join("table.txt");
    // stdout to a file, stderr to script's pseudo-terminal.
    let command = format!(
        "{BIN} --vault {} --no-audit list > {}",
        vault.display(),
        table.display()
    );
    let mut child = Command::new("script")
        .args(["-q", "-e", "-c", &command, "/dev/null"])
        .env_clear()
        .env("HOME", dir.path())
        .env("TERM", "xterm-256color")
        .env("CREDVIEW_PASSPHRASE_FILE", &passphrase)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    // script ends the session when its stdin closes: keep it open until the end.
    let stdin = child.stdin.take();
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        stdout.read_to_end(&mut bytes).map(|_| bytes)
    });
    // A hang guard, not a speed limit: a progress thread waiting for a lock main holds once
    // made this never end.
    let deadline = Instant::now() + Duration::from_secs(120);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("credview did not finish unlocking");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    drop(stdin);
    let terminal = reader.join().unwrap().unwrap();
    let shown = String::from_utf8_lossy(&terminal);
    assert!(status.success(), "{status}: {shown:?}");
    assert!(!terminal.contains(&0x1b), "{shown:?}");
    if shown.contains("unlocking") {
        assert!(shown.ends_with('\r'), "the line is erased: {shown:?}");
    }
    let listed = std::fs::read_to_string(&table).unwrap();
    assert!(listed.starts_with("ID"), "{listed}");
    assert!(!listed.contains("unlocking"), "{listed}");
}
