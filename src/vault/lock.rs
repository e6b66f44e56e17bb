//! The exclusive advisory lock every write of a vault holds: `flock` on `VAULT.lock` beside
//! it (a lock on the vault itself would be lost when the new version is renamed over it).
//! The holder writes its pid into the lock file, so a writer that waits too long can say who
//! holds it. The lock file is never removed: removing it would let two writers lock two
//! different files of the same name.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::fsutil::PRIVATE_MODE;

/// How long a write waits for another one to finish before giving up.
pub const LOCK_WAIT: Duration = Duration::from_secs(10);
const RETRY_EVERY: Duration = Duration::from_millis(20);

/// Held until dropped (closing the file releases the lock).
#[derive(Debug)]
pub struct VaultLock {
    _file: File,
}

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("{lock}: {}", open_problem(.error))]
    Open { lock: String, error: io::Error },
    #[error("{lock}: {}", busy(.holder, *.secs))]
    Busy {
        lock: String,
        holder: Option<u32>,
        secs: u64,
    },
}

fn open_problem(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            crate::t!("err-lock-cannot-create", error = error.to_string())
        }
        _ => crate::t!("err-lock-cannot-open", error = error.to_string()),
    }
}

fn busy(holder: &Option<u32>, secs: u64) -> String {
    match holder {
        Some(pid) => crate::t!("err-lock-busy-pid", pid = pid.to_string(), secs = secs),
        None => crate::t!("err-lock-busy", secs = secs),
    }
}

/// `VAULT.lock` for `VAULT` (the whole file name, so `v.json` and `v.age` do not share one).
pub fn lock_path(vault: &Path) -> PathBuf {
    sibling(vault, "lock")
}

/// `VAULT.bak`: the version before the last write.
pub fn backup_path(vault: &Path) -> PathBuf {
    sibling(vault, "bak")
}

fn sibling(vault: &Path, suffix: &str) -> PathBuf {
    let mut name = vault.file_name().unwrap_or_default().to_os_string();
    name.push(".");
    name.push(suffix);
    vault.with_file_name(name)
}

/// Takes the lock of `vault`, waiting up to `wait` for another writer to release it.
pub fn acquire(vault: &Path, wait: Duration) -> Result<VaultLock, LockError> {
    let lock = lock_path(vault);
    let opened = |error| LockError::Open {
        lock: lock.display().to_string(),
        error,
    };
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // A symlink planted in its place must not make us write elsewhere.
        options.mode(PRIVATE_MODE).custom_flags(libc::O_NOFOLLOW);
    }
    let mut file = options.open(&lock).map_err(opened)?;
    let started = Instant::now();
    loop {
        match try_lock(&file) {
            Ok(true) => break,
            Ok(false) if started.elapsed() < wait => std::thread::sleep(RETRY_EVERY),
            Ok(false) => {
                return Err(LockError::Busy {
                    lock: lock.display().to_string(),
                    holder: holder(&mut file),
                    secs: wait.as_secs(),
                });
            }
            Err(error) => return Err(opened(error)),
        }
    }
    // Who holds it, for a writer that waits in vain; a failure here costs only that message.
    let _ = file
        .set_len(0)
        .and_then(|()| file.rewind())
        .and_then(|()| writeln!(file, "pid {}", std::process::id()));
    Ok(VaultLock { _file: file })
}

#[cfg(unix)]
fn try_lock(file: &File) -> io::Result<bool> {
    use std::os::fd::AsRawFd;
    // SAFETY: flock on a descriptor this function borrows; no memory is involved.
    let result = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
    if result == 0 {
        return Ok(true);
    }
    let error = io::Error::last_os_error();
    match error.kind() {
        io::ErrorKind::WouldBlock | io::ErrorKind::Interrupted => Ok(false),
        _ => Err(error),
    }
}

#[cfg(not(unix))]
fn try_lock(_file: &File) -> io::Result<bool> {
    Ok(true)
}

fn holder(file: &mut File) -> Option<u32> {
    let mut text = String::new();
    file.rewind().ok()?;
    file.take(64).read_to_string(&mut text).ok()?;
    text.trim().strip_prefix("pid ")?.parse().ok()
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn names_sit_beside_the_vault() {
        assert_eq!(lock_path(Path::new("d/v.json")), Path::new("d/v.json.lock"));
        assert_eq!(backup_path(Path::new("v.age")), Path::new("v.age.bak"));
    }

    #[test]
    fn a_held_lock_makes_the_next_writer_wait_then_name_the_holder() {
        let dir = tempfile::tempdir().unwrap();
        let vault = dir.path().join("v.json");
        let held = acquire(&vault, LOCK_WAIT).unwrap();
        let error = acquire(&vault, Duration::ZERO).unwrap_err();
        let text = error.to_string();
        assert!(
            text.contains(&format!("(pid {})", std::process::id())),
            "{text}"
        );
        assert!(text.contains("nothing was written"), "{text}");
        drop(held);
        acquire(&vault, Duration::ZERO).unwrap();
    }

    #[test]
    fn a_symlinked_lock_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let vault = dir.path().join("v.json");
        std::os::unix::fs::symlink(dir.path().join("elsewhere"), lock_path(&vault)).unwrap();
        assert!(matches!(
            acquire(&vault, Duration::ZERO),
            Err(LockError::Open { .. })
        ));
        assert!(!dir.path().join("elsewhere").exists());
    }
}
