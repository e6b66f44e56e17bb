//! A throw-away SSH server with two-factor login, for the session tests: a local user with a
//! password and a Google Authenticator secret, host keys in a temporary folder, and an sshd on
//! 127.0.0.1 with its own config, run through a link with its own name so that PAM reads a
//! service file written for it (pam_unix, then pam_google_authenticator). The system's sshd
//! service is never touched. Dropping the lab stops sshd and removes the user (with its home),
//! the PAM file and the folder, whether the test passed or not.

use std::net::TcpListener;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use tempfile::TempDir;

pub const PASSWORD: &str = "Lab-pa55word!";
/// "TestSecretTestSecret" in base32: what the server checks codes against.
pub const TOTP_SECRET: &str = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";
/// RFC 6238's key: a different secret, so its codes are refused.
pub const OTHER_SECRET: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

const SSHD: &str = "/usr/sbin/sshd";
const GOOGLE_PAM: [&str; 2] = [
    "/lib/x86_64-linux-gnu/security/pam_google_authenticator.so",
    "/usr/lib/x86_64-linux-gnu/security/pam_google_authenticator.so",
];
const READY: Duration = Duration::from_secs(5);

/// Why the lab cannot run here, if it cannot (the test then passes with this note).
pub fn unavailable() -> Option<String> {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        return Some("not root: cannot add a user or a PAM service".into());
    }
    if !Path::new(SSHD).exists() {
        return Some(format!(
            "{SSHD} is missing (apt-get install openssh-server)"
        ));
    }
    if !GOOGLE_PAM.iter().any(|p| Path::new(p).exists()) {
        return Some("pam_google_authenticator is missing (libpam-google-authenticator)".into());
    }
    if Command::new("ssh").arg("-V").output().is_err() {
        return Some("ssh is missing (openssh-client)".into());
    }
    None
}

pub struct Lab {
    pub dir: TempDir,
    pub user: String,
    pub port: u16,
    pub log: PathBuf,
    pam_file: PathBuf,
    sshd: Option<Child>,
}

impl Lab {
    /// `name` tells the labs of tests running at once apart (a few lowercase letters).
    pub fn start(name: &str) -> Self {
        let tag = format!("cv{name}{}", std::process::id());
        let dir = tempfile::Builder::new()
            .prefix("credview-ssh-lab")
            .tempdir()
            .unwrap();
        let service = format!("credview-sshd-{tag}");
        // The guard exists before anything is created, so a failure half-way still cleans up.
        let mut lab = Self {
            log: dir.path().join("sshd.log"),
            dir,
            user: tag,
            port: 0,
            pam_file: Path::new("/etc/pam.d").join(&service),
            sshd: None,
        };
        lab.add_user();
        std::fs::write(
            &lab.pam_file,
            "auth required pam_unix.so nodelay\n\
             auth required pam_google_authenticator.so\n\
             account required pam_unix.so\n\
             session required pam_unix.so\n",
        )
        .unwrap();
        lab.port = spare_port();
        lab.start_sshd(&service);
        lab
    }

    fn add_user(&self) {
        run("useradd", &["-m", "-s", "/bin/bash", &self.user]);
        let mut chpasswd = Command::new("chpasswd")
            .stdin(Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        let line = format!("{}:{PASSWORD}\n", self.user);
        chpasswd
            .stdin
            .take()
            .unwrap()
            .write_all(line.as_bytes())
            .unwrap();
        assert!(chpasswd.wait().unwrap().success(), "chpasswd failed");
        // No DISALLOW_REUSE and no RATE_LIMIT: one code may log in more than once.
        let home = PathBuf::from(format!("/home/{}", self.user));
        let file = home.join(".google_authenticator");
        std::fs::write(&file, format!("{TOTP_SECRET}\n\" TOTP_AUTH\n")).unwrap();
        run("chown", &[&self.user, file.to_str().unwrap()]);
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o400)).unwrap();
    }

    fn start_sshd(&mut self, service: &str) {
        let dir = self.dir.path();
        let key = dir.join("host_key");
        run(
            "ssh-keygen",
            &["-q", "-t", "ed25519", "-N", "", "-f", key.to_str().unwrap()],
        );
        let config = dir.join("sshd_config");
        std::fs::write(
            &config,
            format!(
                "ListenAddress 127.0.0.1\nPort {port}\nHostKey {key}\nPidFile {pid}\n\
                 KbdInteractiveAuthentication yes\nPasswordAuthentication no\n\
                 PubkeyAuthentication no\nUsePAM yes\nPrintMotd no\n",
                port = self.port,
                key = key.display(),
                pid = dir.join("sshd.pid").display(),
            ),
        )
        .unwrap();
        // Privilege separation needs it; the system's sshd service creates it when it runs.
        std::fs::create_dir_all("/run/sshd").unwrap();
        let link = dir.join(service);
        std::os::unix::fs::symlink(SSHD, &link).unwrap();
        let sshd = Command::new(&link)
            .args(["-D", "-f"])
            .arg(&config)
            .arg("-E")
            .arg(&self.log)
            .spawn()
            .unwrap();
        self.sshd = Some(sshd);
        let started = Instant::now();
        while !self.sshd_log().contains("Server listening") {
            assert!(
                started.elapsed() < READY,
                "sshd did not start: {}",
                self.sshd_log()
            );
            sleep(Duration::from_millis(20));
        }
    }

    pub fn sshd_log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// A vault (0600) with three credentials for the lab's user: 1 right, 2 a wrong password,
    /// 3 a wrong TOTP secret; 4 needs a reason; all on the lab's port.
    pub fn vault(&self) -> PathBuf {
        let entry = |id: u32, password: &str, secret: &str, extra: &str| {
            format!(
                r#"{{"id":{id},"username":"{user}","device":{{"hostname":"lab","ip":"127.0.0.1","port":{port}}},"password":"{password}","totp":{{"secret":"{secret}"}}{extra}}}"#,
                user = self.user,
                port = self.port,
            )
        };
        let json = format!(
            r#"{{"version":1,"credentials":[{},{},{},{}]}}"#,
            entry(1, PASSWORD, TOTP_SECRET, ""),
            entry(2, "not-the-password", TOTP_SECRET, ""),
            entry(3, PASSWORD, OTHER_SECRET, ""),
            entry(
                4,
                PASSWORD,
                TOTP_SECRET,
                r#","access":{"require_reason":true}"#
            ),
        );
        let path = self.path("vault.json");
        std::fs::write(&path, json).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        path
    }
}

impl Drop for Lab {
    fn drop(&mut self) {
        if let Some(mut sshd) = self.sshd.take() {
            let _ = sshd.kill();
            let _ = sshd.wait();
        }
        let _ = Command::new("userdel")
            .args(["-r", "-f", &self.user])
            .stderr(Stdio::null())
            .status();
        let _ = std::fs::remove_file(&self.pam_file);
    }
}

fn run(program: &str, args: &[&str]) {
    let status = Command::new(program).args(args).status().unwrap();
    assert!(status.success(), "{program} {args:?} failed: {status}");
}

fn spare_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}
