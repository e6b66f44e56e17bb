use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

use super::*;
use crate::vault::encrypted::NoKeys;
use crate::vault::{Credential, load_file, load_file_with};

const START: &str = r#"{
  "version": 1,
  "credentials": [
    { "id": 3, "username": "root", "device": { "hostname": "srv" } }
  ]
}
"#;

fn vault_file(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vault.json");
    fs::write(&path, text).unwrap();
    (dir, path)
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn credential(id: u64, username: &str) -> Credential {
    Credential {
        id,
        ..blank_credential(username)
    }
}

fn add(vault: &mut Vault) -> Result<u64, String> {
    let id = next_free_id(vault);
    vault.credentials.push(credential(id, "new"));
    Ok(id)
}

#[test]
fn a_change_is_written_and_the_previous_version_kept() {
    let (dir, path) = vault_file(START);
    let source = Source::File(path.clone());
    assert_eq!(update(&source, &mut NoKeys, add).unwrap(), 4);
    let vault = load_file(&path).unwrap();
    let ids: Vec<u64> = vault.credentials.iter().map(|c| c.id).collect();
    assert_eq!(ids, [3, 4]);
    assert_eq!(fs::read_to_string(backup_path(&path)).unwrap(), START);
    for file in [path.clone(), backup_path(&path)] {
        let mode = fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}", file.display());
    }
    assert_eq!(
        names(dir.path()),
        ["vault.json", "vault.json.bak", "vault.json.lock"]
    );
}

#[test]
fn a_refused_or_invalid_change_writes_nothing() {
    let (dir, path) = vault_file(START);
    let source = Source::File(path.clone());
    let error = update(&source, &mut NoKeys, |_| {
        Err::<(), _>("no such id 9".into())
    });
    assert_eq!(error.unwrap_err().to_string(), "no such id 9");
    let error = update(&source, &mut NoKeys, |vault| {
        vault.credentials.push(credential(3, "twin"));
        Ok(())
    })
    .unwrap_err();
    assert!(matches!(error, WriteError::Invalid { .. }), "{error}");
    assert!(error.to_string().contains("duplicate id 3"), "{error}");
    let error = update(&source, &mut NoKeys, |vault| {
        vault.credentials.push(credential(5, " "));
        Ok(())
    })
    .unwrap_err();
    assert!(error.to_string().contains("username is empty"), "{error}");
    assert_eq!(fs::read_to_string(&path).unwrap(), START);
    assert_eq!(names(dir.path()), ["vault.json", "vault.json.lock"]);
}

#[test]
fn a_vault_that_is_invalid_on_disk_is_not_changed() {
    let broken = "{\"version\": 1, \"credentials\": [{\"id\": 1}]}";
    let (_dir, path) = vault_file(broken);
    let error = update(&Source::File(path.clone()), &mut NoKeys, add).unwrap_err();
    assert!(matches!(error, WriteError::Read(_)), "{error}");
    assert!(error.to_string().contains("username"), "{error}");
    assert_eq!(fs::read_to_string(&path).unwrap(), broken);
}

#[test]
fn the_demo_vault_is_never_written() {
    let error = update(&Source::Demo, &mut NoKeys, add).unwrap_err();
    assert!(error.to_string().contains("credview init"), "{error}");
}

#[test]
fn a_missing_vault_says_to_init_one() {
    let dir = tempfile::tempdir().unwrap();
    let source = Source::File(dir.path().join("none.json"));
    let error = update(&source, &mut NoKeys, add).unwrap_err();
    assert!(error.to_string().contains("credview init"), "{error}");
}

#[test]
fn a_writer_that_waits_too_long_gives_up_without_writing() {
    let (_dir, path) = vault_file(START);
    let held = lock::acquire(&path, LOCK_WAIT).unwrap();
    let source = Source::File(path.clone());
    let error = update_waiting(&source, &mut NoKeys, Duration::ZERO, add).unwrap_err();
    assert!(error.to_string().contains("nothing was written"), "{error}");
    assert_eq!(fs::read_to_string(&path).unwrap(), START);
    drop(held);
    update_waiting(&source, &mut NoKeys, Duration::ZERO, add).unwrap();
}

#[test]
fn init_creates_an_empty_private_vault_and_never_replaces_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new/credview/vault.json");
    create(&path, None).unwrap();
    assert!(load_file(&path).unwrap().credentials.is_empty());
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(path.parent().unwrap()), 0o700);
    fs::write(&path, START).unwrap();
    let error = create(&path, None).unwrap_err();
    assert!(error.to_string().contains("never replaces"), "{error}");
    assert_eq!(fs::read_to_string(&path).unwrap(), START);
}

#[test]
fn next_id_follows_the_largest() {
    assert_eq!(next_free_id(&Vault::default()), 1);
    let mut vault = Vault::default();
    vault.credentials.push(credential(41, "a"));
    vault.credentials.push(credential(7, "b"));
    assert_eq!(next_free_id(&vault), 42);
}

/// A passphrase that must be asked for once only, and keys from one identity.
struct TestKeys {
    passphrase: Option<&'static str>,
    asked: usize,
    identity: Option<age::x25519::Identity>,
}

impl Keys for TestKeys {
    fn passphrase(&mut self, _origin: &str) -> Result<SecretString, String> {
        self.asked += 1;
        self.passphrase.map(SecretString::from).ok_or("none".into())
    }
    fn identities(&mut self) -> Result<Option<Identities>, String> {
        Ok(self
            .identity
            .clone()
            .map(|i| vec![Box::new(i) as Box<dyn age::Identity + Send + Sync>]))
    }
    fn recipients(&mut self) -> Result<Option<Recipients>, String> {
        Ok(self
            .identity
            .as_ref()
            .map(|i| vec![Box::new(i.to_public()) as Box<dyn age::Recipient + Send>]))
    }
}

#[test]
fn an_age_vault_stays_encrypted_to_the_same_passphrase_and_armor() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vault.age");
    let lock = Lock::Passphrase(SecretString::from("correct horse"));
    create(&path, Some((lock, true))).unwrap();
    let mut keys = TestKeys {
        passphrase: Some("correct horse"),
        asked: 0,
        identity: None,
    };
    update(&Source::File(path.clone()), &mut keys, add).unwrap();
    assert_eq!(keys.asked, 1);
    let bytes = fs::read(&path).unwrap();
    assert!(is_armored(&bytes));
    let vault = load_file_with(&path, &mut keys).unwrap();
    assert_eq!(vault.credentials.len(), 1);
    let error = load_file_with(&path, &mut NoKeys).unwrap_err();
    assert!(error.to_string().contains("passphrase"), "{error}");
}

#[test]
fn an_age_vault_stays_encrypted_to_the_identity() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vault.age");
    let identity = age::x25519::Identity::generate();
    let lock = Lock::Recipients(vec![Box::new(identity.to_public())]);
    create(&path, Some((lock, false))).unwrap();
    let mut keys = TestKeys {
        passphrase: None,
        asked: 0,
        identity: Some(identity),
    };
    update(&Source::File(path.clone()), &mut keys, add).unwrap();
    let bytes = fs::read(&path).unwrap();
    assert!(!is_armored(&bytes));
    assert_eq!(
        load_file_with(&path, &mut keys).unwrap().credentials.len(),
        1
    );
    assert_eq!(keys.asked, 0);
}

#[test]
fn a_write_that_fails_says_so_in_portuguese_and_names_the_file() {
    let _pt = crate::i18n::speak(crate::i18n::Language::PortugueseBrazil);
    let error = WriteError::Write {
        origin: "cofre.json".into(),
        message: write_reason(&io::Error::from_raw_os_error(libc::ENOSPC)),
    };
    let text = error.to_string();
    assert!(
        text.starts_with("cofre.json: não há espaço para gravar a nova versão (")
            && text.ends_with("); o cofre não foi alterado"),
        "{text}"
    );
    let (_dir, path) = vault_file(START);
    let source = Source::File(path.clone());
    let error = update(&source, &mut NoKeys, |vault| {
        vault.credentials.push(credential(3, "twin"));
        Ok(())
    })
    .unwrap_err();
    let text = error.to_string();
    assert!(
        text.contains(": a alteração deixaria o cofre inválido (")
            && text.contains("id 3 repetido")
            && text.ends_with("); nada foi gravado"),
        "{text}"
    );
    let error = update(&Source::Demo, &mut NoKeys, add).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("o cofre de demonstração embutido não pode ser alterado"),
        "{error}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), START);
}
