//! Helpers shared by the encrypted-vault tests: a private scratch folder, the binary with an
//! empty environment, and X25519 keys made with the age crate (instant, unlike scrypt).

// Each test crate uses its own subset of these.
#![allow(dead_code)]

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use age::secrecy::ExposeSecret;
use tempfile::TempDir;

pub const BIN: &str = env!("CARGO_BIN_EXE_credview");
pub const PLAIN: &str = include_str!("../data/encrypted/vault.json");
pub const AGE_CLI_FIXTURE: &[u8] = include_bytes!("../data/encrypted/age-cli-passphrase.age");
pub const FIXTURE_PASSPHRASE: &str = "credview test passphrase";

/// A folder of mode 700, so that only the warnings a test asks for appear.
pub struct Lab {
    dir: TempDir,
}

impl Lab {
    pub fn new() -> Self {
        let lab = Self {
            dir: tempfile::tempdir().unwrap(),
        };
        lab.chmod(".", 0o700);
        lab
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes a file of mode 600.
    pub fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.path(name);
        fs::write(&path, bytes).unwrap();
        self.chmod(name, 0o600);
        path
    }

    pub fn passphrase_file(&self, name: &str, passphrase: &str) -> PathBuf {
        self.write(name, format!("{passphrase}\n").as_bytes())
    }

    pub fn chmod(&self, name: &str, mode: u32) {
        fs::set_permissions(self.path(name), fs::Permissions::from_mode(mode)).unwrap();
    }

    pub fn mode(&self, name: &str) -> u32 {
        fs::metadata(self.path(name)).unwrap().permissions().mode() & 0o7777
    }

    /// The folder's entries, sorted; a leftover temporary file would show here.
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(self.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    /// The binary with nothing from the outside environment, run in the lab.
    pub fn credview(&self) -> Command {
        let mut cmd = Command::new(BIN);
        cmd.env_clear()
            .env("HOME", self.dir.path())
            .current_dir(self.dir.path());
        cmd
    }

    pub fn list_with_passphrase(&self, vault: &str, passphrase_file: &Path) -> String {
        let mut cmd = self.credview();
        cmd.env("CREDVIEW_PASSPHRASE_FILE", passphrase_file);
        self.list(cmd, vault)
    }

    pub fn list_with_identity(&self, vault: &str, key: &Path) -> String {
        let mut cmd = self.credview();
        cmd.arg("--identity").arg(key);
        self.list(cmd, vault)
    }

    fn list(&self, mut cmd: Command, vault: &str) -> String {
        let out = cmd
            .arg("--vault")
            .arg(self.path(vault))
            .arg("list")
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        assert!(out.stderr.is_empty(), "{out:?}");
        text(&out.stdout)
    }

    /// The test vault encrypted to a new X25519 key; returns the vault and the key file.
    pub fn key_vault(&self, name: &str) -> (PathBuf, PathBuf) {
        let identity = new_identity();
        let key = self.write(&format!("{name}.key"), identity.as_bytes());
        let recipient: age::x25519::Recipient = public_key_of(&identity).parse().unwrap();
        let ciphertext = age::encrypt(&recipient, PLAIN.as_bytes()).unwrap();
        (self.write(name, &ciphertext), key)
    }
}

/// A new identity file's text: `AGE-SECRET-KEY-1...` and a newline.
pub fn new_identity() -> String {
    let identity = age::x25519::Identity::generate();
    format!("{}\n", identity.to_string().expose_secret())
}

pub fn public_key_of(identity: &str) -> String {
    let identity: age::x25519::Identity = identity.trim().parse().unwrap();
    identity.to_public().to_string()
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A failure as the design fixes it: status 2, nothing on stdout, one `error:` line.
pub fn one_error_line(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(out.stdout.is_empty(), "{out:?}");
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("error: ") && stderr.ends_with('\n'),
        "{stderr}"
    );
    stderr.trim_end().to_owned()
}

/// Runs the command in a new session, so it has no controlling terminal to prompt on.
pub fn without_terminal(cmd: &mut Command) {
    use std::os::unix::process::CommandExt;
    // SAFETY: setsid is async-signal-safe and touches no memory of the parent.
    unsafe {
        cmd.pre_exec(|| {
            if libc::setsid() == -1 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
}
