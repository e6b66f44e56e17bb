//! The write path, tried on the real binary: many writers at once, a crash between writing and
//! renaming, a read-only folder, a full disk, age vaults opened afterwards by the real `age`
//! tool. Every failure must leave the vault byte-for-byte as it was, exit 2, one line.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use common::{Lab, one_error_line, text};

const START: &str = r#"{
  "version": 1,
  "credentials": [
    { "id": 10, "username": "root", "device": { "hostname": "srv-db-01" } }
  ]
}
"#;

fn run(cmd: &mut Command) -> Output {
    cmd.output().unwrap()
}

fn add(lab: &Lab, vault: &Path, username: &str) -> Output {
    run(lab
        .credview()
        .args(["--no-audit", "--vault"])
        .arg(vault)
        .args(["add", "--username", username]))
}

fn ids(vault: &Path) -> Vec<u64> {
    let vault = credview::vault::parse("t", &fs::read(vault).unwrap()).unwrap();
    vault.credentials.iter().map(|c| c.id).collect()
}

#[test]
fn eight_writers_at_once_lose_nothing_and_a_reader_never_sees_a_torn_file() {
    let lab = Lab::new();
    let vault = lab.write("vault.json", START.as_bytes());
    let done = Arc::new(AtomicBool::new(false));
    let reads = Arc::new(AtomicUsize::new(0));
    let reader = {
        let (vault, done, reads) = (vault.clone(), done.clone(), reads.clone());
        std::thread::spawn(move || {
            while !done.load(Ordering::Relaxed) {
                let bytes = fs::read(&vault).unwrap();
                if let Err(e) = credview::vault::parse("during", &bytes) {
                    panic!("a reader saw an invalid vault: {e}");
                }
                reads.fetch_add(1, Ordering::Relaxed);
            }
        })
    };
    let writers: Vec<_> = (0..8)
        .map(|writer| {
            let vault = vault.clone();
            let lab_home = lab.path(".");
            std::thread::spawn(move || {
                for n in 0..25 {
                    let out = Command::new(common::BIN)
                        .env_clear()
                        .env("HOME", &lab_home)
                        .args(["--no-audit", "--vault"])
                        .arg(&vault)
                        .args(["add", "--username", &format!("w{writer}-{n}")])
                        .output()
                        .unwrap();
                    assert!(out.status.success(), "{out:?}");
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().unwrap();
    }
    done.store(true, Ordering::Relaxed);
    reader.join().unwrap();
    assert!(reads.load(Ordering::Relaxed) > 0);
    let mut all = ids(&vault);
    assert_eq!(all.len(), 201);
    all.sort_unstable();
    all.dedup();
    assert_eq!(all.len(), 201, "ids are unique");
    let names = credview::vault::parse("t", &fs::read(&vault).unwrap()).unwrap();
    for writer in 0..8 {
        for n in 0..25 {
            let name = format!("w{writer}-{n}");
            assert!(
                names.credentials.iter().any(|c| *c.username == *name),
                "{name}"
            );
        }
    }
}

#[test]
fn a_crash_between_writing_and_renaming_leaves_the_previous_vault_whole() {
    let lab = Lab::new();
    let vault = lab.write("vault.json", START.as_bytes());
    let out = run(lab
        .credview()
        .env(credview::vault::write::CRASH_BEFORE_RENAME, "1")
        .args(["--no-audit", "--vault"])
        .arg(&vault)
        .args(["add", "--username", "lost"]));
    assert!(!out.status.success(), "the hook aborts: {out:?}");
    assert_eq!(fs::read_to_string(&vault).unwrap(), START);
    assert_eq!(
        fs::read_to_string(lab.path("vault.json.bak")).unwrap(),
        START
    );
    // The next write works and keeps what it replaced.
    assert!(add(&lab, &vault, "kept").status.success());
    assert_eq!(ids(&vault), [10, 11]);
    assert_eq!(
        fs::read_to_string(lab.path("vault.json.bak")).unwrap(),
        START
    );
    assert_eq!(lab.mode("vault.json"), 0o600);
    assert_eq!(lab.mode("vault.json.bak"), 0o600);
}

#[test]
fn bad_input_writes_nothing_and_says_so_in_one_line() {
    let lab = Lab::new();
    let vault = lab.write("vault.json", START.as_bytes());
    let totp = |args: &[&str], input: &str| {
        let mut cmd = lab.credview();
        cmd.args(["--no-audit", "--vault"]).arg(&vault).args(args);
        let mut child = cmd
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(input.as_bytes()).unwrap();
        drop(stdin);
        child.wait_with_output().unwrap()
    };
    let cases: [(&[&str], &str, &str); 6] = [
        (
            &["totp", "set", "10", "--secret-stdin"],
            "JBSW1\n",
            "position 5",
        ),
        (
            &["totp", "set", "10", "--secret-stdin"],
            "\n",
            "the secret is empty",
        ),
        (
            &[
                "totp",
                "set",
                "10",
                "--uri",
                "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=12",
            ],
            "",
            "digits",
        ),
        (
            &[
                "totp",
                "set",
                "10",
                "--uri",
                "otpauth://hotq/x?secret=JBSWY3DPEHPK3PXP",
            ],
            "",
            "hotq",
        ),
        (&["add", "--username", " "], "", "--username is empty"),
        (
            &["totp", "set", "10", "--qr-image", "missing.png"],
            "",
            "missing.png",
        ),
    ];
    for (args, input, expected) in cases {
        let line = one_error_line(&totp(args, input));
        assert!(line.contains(expected), "{args:?}: {line}");
    }
    assert_eq!(fs::read_to_string(&vault).unwrap(), START);
    // A missing id is "does not exist": exit 1.
    let out = totp(&["totp", "remove", "99", "--yes"], "");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(fs::read_to_string(&vault).unwrap(), START);
    assert!(!lab.path("vault.json.bak").exists());
}

#[test]
fn the_demo_vault_is_refused_naming_init() {
    let lab = Lab::new();
    let out = run(lab
        .credview()
        .args(["--no-audit", "add", "--username", "x"]));
    assert!(one_error_line(&out).contains("credview init"));
}

#[test]
fn init_makes_an_empty_private_vault_and_never_replaces_one() {
    let lab = Lab::new();
    let out = run(lab.credview().args(["init"]));
    assert!(out.status.success(), "{out:?}");
    let made = lab.path(".config/credview/vault.json");
    assert_eq!(ids(&made), Vec::<u64>::new());
    assert_eq!(lab.mode(".config/credview/vault.json"), 0o600);
    assert_eq!(lab.mode(".config/credview"), 0o700);
    // Now the default vault is this one, and add goes there.
    assert!(
        run(lab
            .credview()
            .args(["--no-audit", "add", "--username", "me"]))
        .status
        .success()
    );
    let before = fs::read(&made).unwrap();
    let line = one_error_line(&run(lab.credview().args(["init"])));
    assert!(line.contains("never replaces"), "{line}");
    assert_eq!(fs::read(&made).unwrap(), before);
    let line = one_error_line(&run(lab.credview().args(["init", "v.age"])));
    assert!(line.contains("--encrypt"), "{line}");
}

#[test]
fn an_age_vault_written_by_credview_opens_with_the_age_tool() {
    let lab = Lab::new();
    let identity = common::new_identity();
    let key = lab.write("key.txt", identity.as_bytes());
    for (name, armor) in [("v.age", false), ("armored.age", true)] {
        let mut cmd = lab.credview();
        cmd.arg("--identity")
            .arg(&key)
            .args(["init", "--encrypt", name]);
        if armor {
            cmd.arg("--armor");
        }
        assert!(run(&mut cmd).status.success());
        let out = run(lab.credview().arg("--identity").arg(&key).args([
            "--no-audit",
            "--vault",
            name,
            "add",
            "--username",
            "me",
        ]));
        assert!(out.status.success(), "{out:?}");
        let bytes = fs::read(lab.path(name)).unwrap();
        assert_eq!(
            bytes.starts_with(b"-----BEGIN AGE ENCRYPTED FILE-----"),
            armor
        );
        let plain = run(Command::new("age")
            .arg("-d")
            .arg("-i")
            .arg(&key)
            .arg(lab.path(name)));
        assert!(plain.status.success(), "{plain:?}");
        let vault = credview::vault::parse("age", &plain.stdout).unwrap();
        assert_eq!(*vault.credentials[0].username, *"me");
        // The previous version is kept encrypted too.
        let backup = fs::read(lab.path(&format!("{name}.bak"))).unwrap();
        assert!(!text(&backup).contains("\"version\""));
    }
}

/// Mounts a tmpfs of `size` at `dir` (root only); `None`, with a message, where it cannot.
fn tmpfs(dir: &Path, size: &str) -> Option<Mount> {
    fs::create_dir_all(dir).unwrap();
    let out = Command::new("mount")
        .args([
            "-t",
            "tmpfs",
            "-o",
            &format!("size={size},mode=0700"),
            "tmpfs",
        ])
        .arg(dir)
        .output()
        .ok()?;
    if !out.status.success() {
        eprintln!(
            "skipped: cannot mount a tmpfs here ({})",
            text(&out.stderr).trim()
        );
        return None;
    }
    Some(Mount(dir.to_owned()))
}

struct Mount(std::path::PathBuf);

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_full_disk_leaves_the_vault_as_it_was() {
    let lab = Lab::new();
    let Some(_mount) = tmpfs(&lab.path("disk"), "64k") else {
        return;
    };
    let vault = lab.path("disk/vault.json");
    fs::write(&vault, START).unwrap();
    // Fill the disk to the last few bytes.
    let filler: Vec<u8> = vec![b'x'; 4096];
    let mut n = 0;
    while fs::write(lab.path(&format!("disk/fill{n}")), &filler).is_ok() {
        n += 1;
    }
    let line = one_error_line(&add(&lab, &vault, "new"));
    assert!(line.contains("no space left"), "{line}");
    assert_eq!(fs::read_to_string(&vault).unwrap(), START);
    let leftovers: Vec<_> = fs::read_dir(lab.path("disk"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_read_only_folder_leaves_the_vault_as_it_was() {
    let lab = Lab::new();
    // root writes through a folder's mode bits: a file system mounted read-only stops it.
    let root = unsafe { libc::geteuid() } == 0;
    let (_mount, vault) = if root {
        let Some(mount) = tmpfs(&lab.path("ro"), "1m") else {
            return;
        };
        let vault = lab.path("ro/vault.json");
        fs::write(&vault, START).unwrap();
        let remount = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(lab.path("ro"))
            .status()
            .unwrap();
        assert!(remount.success());
        (Some(mount), vault)
    } else {
        fs::create_dir(lab.path("ro")).unwrap();
        let vault = lab.path("ro/vault.json");
        fs::write(&vault, START).unwrap();
        lab.chmod("ro", 0o500);
        (None, vault)
    };
    let line = one_error_line(&add(&lab, &vault, "new"));
    assert!(
        line.contains("writable") || line.contains("read-only"),
        "{line}"
    );
    assert_eq!(fs::read_to_string(&vault).unwrap(), START);
    if !root {
        lab.chmod("ro", 0o700);
    }
}
