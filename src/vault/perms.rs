//! File hygiene around the vault: warnings when others can read it, as ssh gives for keys,
//! and a refusal when a symlink leads it somewhere anyone can write to.

use std::path::Path;

/// Like ssh for private keys: a vault others can read deserves a warning.
#[cfg(unix)]
pub fn permission_warning(path: &Path) -> Option<String> {
    let mode = unix::mode(path).filter(|_| path.is_file())?;
    (mode & 0o077 != 0).then(|| {
        let path = path.display().to_string();
        let words = crate::t!(
            "err-perms-file-open",
            path = &path,
            mode = format!("{:03o}", mode & 0o777)
        );
        format!("warning: {words}")
    })
}

#[cfg(not(unix))]
pub fn permission_warning(_path: &Path) -> Option<String> {
    None
}

/// The file's warning and its folder's: a folder others can list or write to gives away
/// the vault too (they can see it, or swap it).
pub fn permission_warnings(path: &Path) -> Vec<String> {
    let mut warnings: Vec<String> = permission_warning(path).into_iter().collect();
    warnings.extend(folder_warning(path));
    warnings
}

#[cfg(unix)]
fn folder_warning(path: &Path) -> Option<String> {
    let real = std::fs::canonicalize(path).ok().filter(|p| p.is_file())?;
    let folder = real.parent()?;
    let mode = unix::mode(folder)?;
    (mode & 0o066 != 0).then(|| {
        let folder = folder.display().to_string();
        let words = crate::t!(
            "err-perms-folder-open",
            folder = &folder,
            mode = format!("{:03o}", mode & 0o777)
        );
        format!("warning: {words}")
    })
}

#[cfg(not(unix))]
fn folder_warning(_path: &Path) -> Option<String> {
    None
}

/// A vault that is a symlink into a world-writable place could be swapped by anyone: refused.
#[cfg(unix)]
pub fn check_symlink(path: &Path) -> Result<(), String> {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    let Some(target) = is_link.then(|| std::fs::canonicalize(path).ok()).flatten() else {
        return Ok(());
    };
    let open = |p: &Path, sticky_ok: bool| {
        unix::mode(p).is_some_and(|m| m & 0o002 != 0 && !(sticky_ok && m & 0o1000 != 0))
    };
    let folder_open = target.parent().is_some_and(|p| open(p, false));
    let above_open = target.ancestors().skip(2).any(|p| open(p, true));
    if open(&target, false) || folder_open || above_open {
        return Err(crate::t!(
            "err-perms-symlink",
            target = target.display().to_string()
        ));
    }
    Ok(())
}

#[cfg(not(unix))]
pub fn check_symlink(_path: &Path) -> Result<(), String> {
    Ok(())
}

#[cfg(unix)]
mod unix {
    use std::os::unix::fs::PermissionsExt;
    use std::path::Path;

    pub fn mode(path: &Path) -> Option<u32> {
        std::fs::metadata(path).ok().map(|m| m.permissions().mode())
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::fs;
    use std::os::unix::fs::{PermissionsExt, symlink};

    fn chmod(path: &Path, mode: u32) {
        fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
    }

    #[test]
    fn warns_about_the_file_and_its_folder() {
        let dir = tempfile::tempdir().unwrap();
        let vault = dir.path().join("vault.json");
        fs::write(&vault, "{}").unwrap();
        chmod(&vault, 0o600);
        chmod(dir.path(), 0o700);
        assert!(permission_warnings(&vault).is_empty());
        chmod(dir.path(), 0o755);
        let warnings = permission_warnings(&vault);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("folder") && warnings[0].contains("chmod 700"));
        chmod(&vault, 0o644);
        assert_eq!(permission_warnings(&vault).len(), 2);
    }

    #[test]
    fn refuses_a_symlink_into_a_world_writable_folder() {
        let dir = tempfile::tempdir().unwrap();
        let open = dir.path().join("open");
        let private = dir.path().join("private");
        for folder in [&open, &private] {
            fs::create_dir(folder).unwrap();
            fs::write(folder.join("vault.json"), "{}").unwrap();
        }
        chmod(&open, 0o1777);
        chmod(&private, 0o700);
        let link = dir.path().join("link.json");
        symlink(open.join("vault.json"), &link).unwrap();
        let error = check_symlink(&link).unwrap_err();
        assert!(error.contains("symlink") && error.contains("anyone can write"));
        let link = dir.path().join("fine.json");
        symlink(private.join("vault.json"), &link).unwrap();
        assert_eq!(check_symlink(&link), Ok(()));
        // A plain file is the folder warning's business, not this check's.
        assert_eq!(check_symlink(&open.join("vault.json")), Ok(()));
    }
}
