//! The clock check against a real NTP server: `chronyd` on loopback, serving its local time
//! without touching the system clock (`-x`, `local stratum 8`), and credview run under
//! libfaketime to play a machine whose clock is off. Codes are compared with oathtool's at the
//! server's (the real) time. Without chronyd, libfaketime or oathtool these tests say so and pass.

use std::net::UdpSocket;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

const BIN: &str = env!("CARGO_BIN_EXE_credview");
/// Credential 101 of the demo vault: SHA-1, 6 digits, 30 s.
const SECRET_101: &str = "U4M2N3W5ITBMVF6TPW3C4CA23JROACB4";

/// A chronyd serving 127.0.0.1 on a spare port, killed when dropped.
struct Chrony {
    child: Child,
    port: u16,
    _dir: tempfile::TempDir,
}

impl Drop for Chrony {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn spare_udp_port() -> u16 {
    let socket = UdpSocket::bind("127.0.0.1:0").unwrap();
    socket.local_addr().unwrap().port()
}

fn chronyd() -> Option<Chrony> {
    let binary = ["/usr/sbin/chronyd", "/sbin/chronyd", "/usr/bin/chronyd"]
        .into_iter()
        .find(|p| Path::new(p).exists())?;
    let dir = tempfile::tempdir().unwrap();
    let port = spare_udp_port();
    let conf = dir.path().join("chrony.conf");
    let d = dir.path().display();
    std::fs::write(
        &conf,
        format!(
            "port {port}\nbindaddress 127.0.0.1\nlocal stratum 8\nallow 127.0.0.1\ncmdport 0\n\
             pidfile {d}/chronyd.pid\ndriftfile {d}/drift\n"
        ),
    )
    .unwrap();
    // A clean environment: libfaketime must never reach the server.
    let child = Command::new(binary)
        .env_clear()
        .args(["-x", "-d", "-f"])
        .arg(&conf)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let chrony = Chrony {
        child,
        port,
        _dir: dir,
    };
    // Started when it answers (it binds within moments; a few tries cover a busy machine).
    let server = chrony.server();
    (0..50)
        .any(|_| {
            let answered = credview::ntp::query(&server, Duration::from_millis(200)).is_ok();
            if !answered {
                std::thread::sleep(Duration::from_millis(100));
            }
            answered
        })
        .then_some(chrony)
}

impl Chrony {
    fn server(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }
}

fn libfaketime() -> Option<PathBuf> {
    let candidates = [
        "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1",
        "/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1",
        "/usr/lib/faketime/libfaketime.so.1",
        "/usr/local/lib/faketime/libfaketime.so.1",
    ];
    candidates
        .into_iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

fn have(tool: &str) -> bool {
    Command::new(tool).arg("--version").output().is_ok()
}

/// credview with only a state folder (for `time sync`), optionally under libfaketime.
fn credview(state: &Path, fake: Option<(&Path, &str)>, args: &[&str]) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.env_clear()
        .env("XDG_STATE_HOME", state)
        .arg("--no-audit")
        .args(args);
    if let Some((lib, offset)) = fake {
        cmd.env("LD_PRELOAD", lib)
            .env("FAKETIME", offset)
            .env("FAKETIME_DONT_FAKE_MONOTONIC", "1");
    }
    cmd.output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The offset credview reports for `server`, in seconds.
fn reported_offset(stdout: &str, server: &str) -> f64 {
    let line = stdout
        .lines()
        .find(|l| l.starts_with(&format!("{server}: offset ")))
        .unwrap_or_else(|| panic!("no offset line in:\n{stdout}"));
    let value = line
        .split("offset ")
        .nth(1)
        .unwrap()
        .split(" s")
        .next()
        .unwrap();
    value.parse().unwrap()
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

fn oathtool_at(secs: u64) -> String {
    let out = Command::new("oathtool")
        .args(["--totp", "-b", SECRET_101, "--now"])
        .arg(format!("@{secs}"))
        .output()
        .unwrap();
    text(&out.stdout).trim().to_owned()
}

macro_rules! need {
    ($($what:expr),+) => {
        $(if $what.is_none() {
            eprintln!("skipped: {} is not installed", stringify!($what));
            return;
        })+
    };
}

#[test]
fn a_loopback_chronyd_reports_a_clock_in_step() {
    let chrony = chronyd();
    need!(chrony);
    let chrony = chrony.unwrap();
    let state = tempfile::tempdir().unwrap();
    let out = credview(state.path(), None, &["time", "--ntp", &chrony.server()]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    let offset = reported_offset(&stdout, &chrony.server());
    assert!(offset.abs() < 0.5, "{stdout}");
    assert!(stdout.contains("verdict:      fine"), "{stdout}");
}

/// Under a clock `skew` off (libfaketime): the verdict and exit status, `time sync`, codes
/// equal to oathtool's at the server's time, and `time reset`.
fn skewed_client(skew: &str, skew_secs: f64, status: i32, verdict: &str) {
    let (chrony, lib) = (chronyd(), libfaketime());
    let oathtool = have("oathtool").then_some(());
    need!(chrony, lib, oathtool);
    let (chrony, lib) = (chrony.unwrap(), lib.unwrap());
    let server = chrony.server();
    let state = tempfile::tempdir().unwrap();
    let fake = Some((lib.as_path(), skew));

    let out = credview(state.path(), fake, &["time", "--ntp", &server]);
    let stdout = text(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(status),
        "{stdout}{}",
        text(&out.stderr)
    );
    assert!(stdout.contains(verdict), "{stdout}");
    let offset = reported_offset(&stdout, &server);
    assert!((offset + skew_secs).abs() < 0.5, "{skew}: {stdout}");

    let out = credview(state.path(), fake, &["time", "sync", "--ntp", &server]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).starts_with("clock corrected by "),
        "{}",
        text(&out.stdout)
    );
    let stored = state.path().join("credview/clock.json");
    let mode =
        std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&stored).unwrap().permissions());
    assert_eq!(mode & 0o777, 0o600);

    // Corrected: fine, and the code is the one for the server's time (oathtool on the real
    // clock; read before and after, so a step boundary in between cannot fail the test).
    let out = credview(state.path(), fake, &["time", "--ntp", &server]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert!(
        text(&out.stdout).contains("the corrected clock is"),
        "{}",
        text(&out.stdout)
    );
    let before = oathtool_at(unix_now());
    let out = credview(state.path(), fake, &["code", "101"]);
    let after = oathtool_at(unix_now());
    let code = text(&out.stdout).trim().to_owned();
    assert!(
        code == before || code == after,
        "{skew}: {code} vs oathtool {before}/{after}"
    );
    // Without the correction the skewed clock would be in another step: another code.
    let now = unix_now();
    let skewed = now.saturating_add_signed(skew_secs as i64);
    if skewed / 30 != now / 30 && before == after {
        assert_ne!(code, oathtool_at(skewed), "{skew}");
    }

    let out = credview(state.path(), fake, &["time", "reset"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("clock correction removed"));
    assert!(!stored.exists());
    let out = credview(state.path(), fake, &["time", "--ntp", &server]);
    assert_eq!(out.status.code(), Some(status), "{}", text(&out.stdout));
}

#[test]
fn a_clock_90_s_fast_is_wrong_and_time_sync_corrects_the_codes() {
    skewed_client("+90s", 90.0, 2, "codes wrong");
}

#[test]
fn a_clock_20_s_slow_is_wrong_and_time_sync_corrects_the_codes() {
    skewed_client("-20s", -20.0, 2, "codes wrong");
}

#[test]
fn a_clock_5_s_slow_puts_codes_at_risk() {
    let (chrony, lib) = (chronyd(), libfaketime());
    need!(chrony, lib);
    let (chrony, lib) = (chrony.unwrap(), lib.unwrap());
    let state = tempfile::tempdir().unwrap();
    let fake = Some((lib.as_path(), "-5s"));
    let out = credview(state.path(), fake, &["time", "--ntp", &chrony.server()]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains("codes at risk"));
    let stdout = text(&out.stdout);
    assert!(stdout.contains(" s behind 127.0.0.1:"), "{stdout}");
    let offset = reported_offset(&stdout, &chrony.server());
    assert!((offset - 5.0).abs() < 0.5, "{stdout}");
}

/// The screen of credview run in a private tmux server (as a person would), killed on drop.
struct Screen {
    socket: String,
}

impl Screen {
    fn tmux(&self) -> Command {
        let mut cmd = Command::new("tmux");
        cmd.args(["-u", "-f", "/dev/null", "-L", &self.socket])
            .env("TERM", "xterm-256color")
            .env("LANG", "C.UTF-8")
            .env_remove("TMUX");
        cmd
    }

    fn start(name: &str, command: &str) -> Option<Self> {
        let screen = Self {
            socket: format!("credview-clock-{name}-{}", std::process::id()),
        };
        let started = screen
            .tmux()
            .args([
                "new-session",
                "-d",
                "-s",
                "s",
                "-x",
                "120",
                "-y",
                "30",
                "--",
            ])
            .args(["sh", "-c", command])
            .status()
            .ok()?;
        started.success().then_some(screen)
    }

    fn text(&self) -> String {
        let out = self.tmux().args(["capture-pane", "-p", "-t", "s"]).output();
        out.map(|o| text(&o.stdout)).unwrap_or_default()
    }

    /// The screen once `needle` is on it (or as it is after many looks, for the message).
    fn showing(&self, needle: &str) -> String {
        for _ in 0..100 {
            let screen = self.text();
            if screen.contains(needle) {
                return screen;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        self.text()
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        let _ = self.tmux().arg("kill-server").status();
    }
}

#[test]
fn the_tui_warns_of_a_wrong_clock_and_shows_the_correction() {
    let (chrony, lib) = (chronyd(), libfaketime());
    let tmux = have("tmux").then_some(());
    need!(chrony, lib, tmux);
    let (chrony, lib) = (chrony.unwrap(), lib.unwrap());
    let server = chrony.server();
    let state = tempfile::tempdir().unwrap();
    let command = format!(
        "env -i TERM=xterm-256color LANG=C.UTF-8 XDG_STATE_HOME={} LD_PRELOAD={} FAKETIME=+90s \
         {BIN} --no-audit --ntp {server}",
        state.path().display(),
        lib.display()
    );
    let screen = Screen::start("warn", &command);
    need!(screen);
    let warning = format!("⚠ clock 90 s ahead of {server}: codes are wrong");
    let shown = screen.unwrap().showing(&warning);
    assert!(shown.contains(&warning), "{shown}");
    assert!(!shown.contains("clock corrected"), "{shown}");

    let fake = Some((lib.as_path(), "+90s"));
    let out = credview(state.path(), fake, &["time", "sync", "--ntp", &server]);
    assert_eq!(out.status.code(), Some(0));
    let screen = Screen::start("corrected", &command).unwrap();
    let shown = screen.showing("clock corrected by -90 s · 20 credentials");
    let title = shown.lines().next().unwrap_or_default();
    assert!(
        title.ends_with("clock corrected by -90 s · 20 credentials"),
        "{shown}"
    );
    // With the correction in force the clock is fine, so no warning is due.
    assert!(!shown.contains("⚠ clock"), "{shown}");
}
