//! Writing files the way a credential tool must: private from the first byte, and atomically,
//! so a crash or a full disk never leaves a half-written file under the real name.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// The mode of every file credview creates.
pub const PRIVATE_MODE: u32 = 0o600;

/// Writes `bytes` to `path` through a temporary file in the same folder (mode 0600, fsynced,
/// then renamed, then the folder fsynced). Without `force`, an existing `path` is an
/// `AlreadyExists` error and is left untouched. On any error the temporary file is removed.
pub fn write_atomically(path: &Path, bytes: &[u8], force: bool) -> io::Result<()> {
    if !force && fs::symlink_metadata(path).is_ok() {
        return Err(exists(path));
    }
    let folder = folder_of(path);
    let (temp, file) = create_temp(&folder, path)?;
    let written = fill(file, bytes).and_then(|()| put_in_place(&temp, path, force));
    if let Err(error) = written {
        let _ = fs::remove_file(&temp);
        return Err(error);
    }
    sync_folder(&folder)
}

/// Replaces `path` with `bytes` the same way (temporary file, fsync, rename, folder fsync),
/// after keeping `previous` (the bytes being replaced) as `backup`, itself written atomically.
/// `before_rename` runs when both are on disk and the rename is all that is left. On any
/// error `path` is as it was and the temporary file is removed.
pub fn replace_keeping_backup(
    path: &Path,
    bytes: &[u8],
    backup: &Path,
    previous: &[u8],
    before_rename: &dyn Fn(),
) -> io::Result<()> {
    let folder = folder_of(path);
    let (temp, file) = create_temp(&folder, path)?;
    let written = fill(file, bytes)
        .and_then(|()| write_atomically(backup, previous, true))
        .and_then(|()| {
            before_rename();
            fs::rename(&temp, path)
        });
    if let Err(error) = written {
        let _ = fs::remove_file(&temp);
        return Err(error);
    }
    sync_folder(&folder)
}

/// Opens `path` for appending, creating it with mode 0600 (for logs such as the audit log).
pub fn open_private_append(path: &Path) -> io::Result<File> {
    private_options().append(true).create(true).open(path)
}

fn fill(mut file: File, bytes: &[u8]) -> io::Result<()> {
    file.write_all(bytes)?;
    file.sync_all()
}

fn exists(path: &Path) -> io::Error {
    io::Error::new(
        io::ErrorKind::AlreadyExists,
        crate::t!("err-fs-exists", path = path.display().to_string()),
    )
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    }
}

fn private_options() -> OpenOptions {
    let mut options = OpenOptions::new();
    options.write(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, PRIVATE_MODE);
    options
}

/// A new file next to `target`, named so that a leftover is recognisable.
fn create_temp(folder: &Path, target: &Path) -> io::Result<(PathBuf, File)> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let name = target
        .file_name()
        .map_or_else(|| "credview".into(), |n| n.to_string_lossy().into_owned());
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let temp = folder.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
        match private_options().create_new(true).open(&temp) {
            Ok(file) => return Ok((temp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 1000 => {}
            Err(e) => return Err(e),
        }
    }
}

fn put_in_place(temp: &Path, path: &Path, force: bool) -> io::Result<()> {
    if force {
        return fs::rename(temp, path);
    }
    // A hard link fails if `path` appeared meanwhile, where a rename would replace it.
    match fs::hard_link(temp, path) {
        Ok(()) => fs::remove_file(temp),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(exists(path)),
        // Some file systems have no hard links; the check above has to do.
        Err(_) => fs::rename(temp, path),
    }
}

#[cfg(unix)]
fn sync_folder(folder: &Path) -> io::Result<()> {
    File::open(folder)?.sync_all()
}

#[cfg(not(unix))]
fn sync_folder(_folder: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_a_private_file_and_leaves_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.age");
        write_atomically(&path, b"hello", false).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"hello");
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert_eq!(names(dir.path()), ["out.age"]);
    }

    #[test]
    fn refuses_to_overwrite_without_force() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.age");
        fs::write(&path, b"old").unwrap();
        let error = write_atomically(&path, b"new", false).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::AlreadyExists);
        assert!(error.to_string().contains("--force"), "{error}");
        assert_eq!(fs::read(&path).unwrap(), b"old");
        assert_eq!(names(dir.path()), ["out.age"]);
        write_atomically(&path, b"new", true).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert_eq!(names(dir.path()), ["out.age"]);
    }

    #[test]
    fn a_failed_rename_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        // A directory in the way: the rename onto it fails after the temp file was written.
        let path = dir.path().join("taken");
        fs::create_dir(&path).unwrap();
        fs::write(path.join("inside"), b"x").unwrap();
        assert!(write_atomically(&path, b"new", true).is_err());
        assert_eq!(names(dir.path()), ["taken"]);
    }

    #[test]
    fn replacing_keeps_the_previous_bytes_as_a_private_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v.json");
        let backup = dir.path().join("v.json.bak");
        fs::write(&path, b"old").unwrap();
        replace_keeping_backup(&path, b"new", &backup, b"old", &|| {
            assert_eq!(fs::read(dir.path().join("v.json")).unwrap(), b"old");
        })
        .unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert_eq!(fs::read(&backup).unwrap(), b"old");
        for file in [&path, &backup] {
            let mode = fs::metadata(file).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        assert_eq!(names(dir.path()), ["v.json", "v.json.bak"]);
    }

    #[test]
    fn appends_to_a_private_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("audit.log");
        open_private_append(&path)
            .unwrap()
            .write_all(b"one\n")
            .unwrap();
        open_private_append(&path)
            .unwrap()
            .write_all(b"two\n")
            .unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"one\ntwo\n");
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}
