//! The session's private folder: 0700, holding the askpass socket (0600), the one token that
//! lets a client speak to it (0600), and the link through which ssh runs credview as its
//! askpass. Removed with everything in it when the session ends.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// The askpass program's name: `main` sees it in argv[0] and answers ssh instead of parsing
/// a command line.
pub const ASKPASS_NAME: &str = "credview-askpass";
/// Tells the askpass process which folder to find the socket and token in (a path, no secret).
pub const FOLDER_ENV: &str = "CREDVIEW_ASKPASS_FOLDER";
/// The language the askpass program speaks: the one of the credview that started ssh.
pub const LANGUAGE_ENV: &str = "CREDVIEW_ASKPASS_LANGUAGE";
pub const SOCKET_NAME: &str = "askpass.sock";
pub const TOKEN_NAME: &str = "token";

pub struct Folder {
    path: PathBuf,
}

impl Folder {
    /// A new folder under `$XDG_RUNTIME_DIR`, else the temporary directory.
    pub fn create() -> io::Result<Self> {
        let base = std::env::var_os("XDG_RUNTIME_DIR")
            .map(PathBuf::from)
            .filter(|dir| dir.is_absolute() && dir.is_dir())
            .unwrap_or_else(std::env::temp_dir);
        let path = base.join(format!("credview-session-{}", random_hex(8)?));
        let mut builder = fs::DirBuilder::new();
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        // Not `create_dir_all`: the name is new, and an existing one is somebody else's.
        builder.create(&path)?;
        Ok(Self { path })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn socket(&self) -> PathBuf {
        self.path.join(SOCKET_NAME)
    }

    pub fn askpass(&self) -> PathBuf {
        self.path.join(ASKPASS_NAME)
    }

    /// Writes a fresh token (0600) in place of the last, atomically, and returns it.
    pub fn write_token(&self) -> io::Result<String> {
        let token = random_hex(32)?;
        crate::fsutil::write_atomically(&self.path.join(TOKEN_NAME), token.as_bytes(), true)?;
        Ok(token)
    }

    /// The link ssh runs: credview's own executable under the askpass name.
    #[cfg(unix)]
    pub fn link_askpass(&self) -> io::Result<()> {
        let exe = std::env::current_exe()?;
        std::os::unix::fs::symlink(exe, self.askpass())
    }

    #[cfg(not(unix))]
    pub fn link_askpass(&self) -> io::Result<()> {
        Err(io::Error::other(crate::t!("err-session-unix-only")))
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.path);
    }
}

fn random_hex(bytes: usize) -> io::Result<String> {
    let mut raw = vec![0u8; bytes];
    fs::File::open("/dev/urandom")?.read_exact(&mut raw)?;
    Ok(raw.iter().map(|b| format!("{b:02x}")).collect())
}
