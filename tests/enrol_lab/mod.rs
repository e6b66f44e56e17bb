//! The lab the enrolment and render tests share: a private copy of tests/data/enrol-vault.json
//! and the binary run on it with an empty environment and an audit log of its own.

// Each test crate uses its own subset of these.
#![allow(dead_code)]

use std::fs;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use tempfile::TempDir;

pub const VAULT: &str = include_str!("../data/enrol-vault.json");

/// A private folder holding a copy of the test vault (private, so no permission warnings).
pub struct Lab {
    pub dir: TempDir,
}

impl Lab {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700)).unwrap();
        fs::write(dir.path().join("vault.json"), VAULT).unwrap();
        fs::set_permissions(
            dir.path().join("vault.json"),
            fs::Permissions::from_mode(0o600),
        )
        .unwrap();
        Self { dir }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The binary on the test vault, with an empty environment (`--audit` and `--vault` not
    /// yet given).
    pub fn bare(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_credview"));
        cmd.env_clear().arg("--vault").arg(self.path("vault.json"));
        cmd
    }

    /// The binary on the test vault, with an empty environment and an audit log in the lab.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = self.bare();
        cmd.arg("--audit").arg(self.path("audit.jsonl")).args(args);
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }

    /// Runs with `input` on standard input.
    pub fn run_with_input(&self, args: &[&str], input: &[u8]) -> Output {
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input).unwrap();
        child.wait_with_output().unwrap()
    }

    /// The audit log's lines so far (none when it does not exist).
    pub fn audit_lines(&self) -> Vec<String> {
        fs::read_to_string(self.path("audit.jsonl"))
            .map(|text| text.lines().map(str::to_owned).collect())
            .unwrap_or_default()
    }

    pub fn ok(&self, args: &[&str]) -> (String, String) {
        let out = self.run(args);
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(out.status.success(), "{args:?}: {stderr}");
        (String::from_utf8(out.stdout).unwrap(), stderr)
    }

    /// Exit status and stderr of a command that must fail without printing anything.
    pub fn fails(&self, args: &[&str]) -> (i32, String) {
        let out = self.run(args);
        assert!(out.stdout.is_empty(), "{args:?} printed {:?}", out.stdout);
        let stderr = String::from_utf8(out.stderr).unwrap();
        (out.status.code().unwrap(), stderr)
    }

    pub fn uri(&self, id: &str) -> String {
        self.ok(&["uri", id]).0.trim_end().to_owned()
    }
}

/// Runs zbarimg on an image file: the decoded text, or None when it finds no code.
pub fn zbar(image: &Path) -> Option<String> {
    let out = Command::new("zbarimg")
        .args(["--raw", "-q"])
        .arg(image)
        .output()
        .expect("zbarimg must be installed (Debian: zbar-tools; .ci/run installs it)");
    out.status
        .success()
        .then(|| String::from_utf8(out.stdout).unwrap().trim_end().to_owned())
}

/// The terminal drawing as a camera sees it: each half block two modules (light = white),
/// every module 8×8 pixels, inside a margin of terminal background (black). Written as PGM.
pub fn drawing_to_pgm(drawing: &str, path: &Path) {
    const SCALE: usize = 8;
    const MARGIN: usize = 4;
    let lines: Vec<&str> = drawing.lines().collect();
    let width = lines.iter().map(|l| l.chars().count()).max().unwrap();
    let mut modules = vec![vec![false; width]; lines.len() * 2];
    for (row, line) in lines.iter().enumerate() {
        for (x, ch) in line.chars().enumerate() {
            let (top, bottom) = match ch {
                '█' => (true, true),
                '▀' => (true, false),
                '▄' => (false, true),
                ' ' => (false, false),
                other => panic!("unexpected character {other:?} in the drawing"),
            };
            modules[2 * row][x] = top;
            modules[2 * row + 1][x] = bottom;
        }
    }
    let (w, h) = (
        (width + 2 * MARGIN) * SCALE,
        (modules.len() + 2 * MARGIN) * SCALE,
    );
    let mut pgm = format!("P5\n{w} {h}\n255\n").into_bytes();
    for y in 0..h {
        for x in 0..w {
            let module = (y / SCALE)
                .checked_sub(MARGIN)
                .zip((x / SCALE).checked_sub(MARGIN))
                .and_then(|(my, mx)| modules.get(my)?.get(mx).copied());
            pgm.push(if module == Some(true) { 255 } else { 0 });
        }
    }
    fs::write(path, pgm).unwrap();
}

/// The code of credential 1 (SHA1, 6 digits, 30 s) at `at`, from totp-rs.
pub fn reference_code(at: u64) -> String {
    let secret = totp_rs::Secret::try_from_base32("KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU").unwrap();
    totp_rs::Builder::new()
        .with_secret(secret)
        .build_noncompliant()
        .generate(at)
        .to_string()
}
