//! Which vault to open: `--vault`, then `$CREDVIEW_VAULT`, then the settings file's `vault`,
//! then the XDG path, then the demo.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use super::encrypted::{Keys, NoKeys};
use super::load::{VaultError, VaultText, load_file_with, open_file_with, parse};
use super::model::Vault;

pub const DEMO_VAULT: &str = include_str!("../../assets/demo-vault.json");
pub const DEMO_NAME: &str = "demo vault";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    File(PathBuf),
    Demo,
}

impl Source {
    /// `env` looks up an environment variable; passed in so tests need not touch the process's.
    pub fn resolve(flag: Option<&Path>, env: impl Fn(&str) -> Option<OsString>) -> Self {
        Self::resolve_with(flag, None, env)
    }

    /// As `resolve`, with `configured` (the settings file's `vault`) after the variable.
    pub fn resolve_with(
        flag: Option<&Path>,
        configured: Option<&Path>,
        env: impl Fn(&str) -> Option<OsString>,
    ) -> Self {
        let set = |name: &str| env(name).filter(|value| !value.is_empty());
        if let Some(path) = flag {
            return Self::File(path.to_owned());
        }
        if let Some(path) = set("CREDVIEW_VAULT") {
            return Self::File(path.into());
        }
        if let Some(path) = configured {
            return Self::File(path.to_owned());
        }
        let folder = config_folder(&env);
        ["vault.json", "vault.age"]
            .iter()
            .find_map(|name| folder.as_ref().map(|f| f.join(name)).filter(|p| p.exists()))
            .map_or(Self::Demo, Self::File)
    }

    /// Where `credview init` puts a new vault when given no path: `--vault`, else
    /// `$CREDVIEW_VAULT`, else `vault.json` (`vault.age` when encrypted) in the config folder.
    pub fn new_vault_path(
        flag: Option<&Path>,
        env: impl Fn(&str) -> Option<OsString>,
        encrypted: bool,
    ) -> Option<PathBuf> {
        if let Some(path) = flag {
            return Some(path.to_owned());
        }
        if let Some(path) = env("CREDVIEW_VAULT").filter(|v| !v.is_empty()) {
            return Some(path.into());
        }
        let name = if encrypted { "vault.age" } else { "vault.json" };
        config_folder(&env).map(|folder| folder.join(name))
    }

    pub fn name(&self) -> String {
        match self {
            Self::File(path) => path.display().to_string(),
            Self::Demo => DEMO_NAME.to_owned(),
        }
    }

    /// Reads a plain vault (an encrypted one fails, saying a key is needed).
    pub fn load(&self) -> Result<Vault, VaultError> {
        self.load_with(&mut NoKeys)
    }

    /// Reads the vault, asking `keys` for what an encrypted (`.age`) one needs.
    pub fn load_with(&self, keys: &mut dyn Keys) -> Result<Vault, VaultError> {
        match self {
            Self::File(path) => load_file_with(path, keys),
            Self::Demo => parse(DEMO_NAME, DEMO_VAULT.as_bytes()),
        }
    }

    /// Opens the vault (decrypting an encrypted one) without reading its credentials yet.
    pub fn open_with(&self, keys: &mut dyn Keys) -> Result<VaultText, VaultError> {
        match self {
            Self::File(path) => open_file_with(path, keys),
            Self::Demo => Ok(VaultText::Static(DEMO_VAULT.as_bytes())),
        }
    }
}

/// `$XDG_CONFIG_HOME/credview`, else `~/.config/credview`.
fn config_folder(env: &impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    let set = |name: &str| env(name).filter(|value| !value.is_empty());
    set("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| set("HOME").map(|home| PathBuf::from(home).join(".config")))
        .map(|dir| dir.join("credview"))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::test_env::env;

    #[test]
    fn flag_beats_environment() {
        let source = Source::resolve(
            Some(Path::new("a.json")),
            env(&[("CREDVIEW_VAULT", "b.json")]),
        );
        assert_eq!(source, Source::File("a.json".into()));
    }

    #[test]
    fn environment_beats_xdg() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("credview")).unwrap();
        std::fs::write(dir.path().join("credview/vault.json"), "{}").unwrap();
        let xdg = dir.path().to_str().unwrap();
        let source = Source::resolve(
            None,
            env(&[("CREDVIEW_VAULT", "b.json"), ("XDG_CONFIG_HOME", xdg)]),
        );
        assert_eq!(source, Source::File("b.json".into()));
        let source = Source::resolve(None, env(&[("XDG_CONFIG_HOME", xdg)]));
        assert_eq!(source, Source::File(dir.path().join("credview/vault.json")));
    }

    #[test]
    fn the_settings_file_comes_after_the_variable_and_before_xdg() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("credview")).unwrap();
        std::fs::write(dir.path().join("credview/vault.json"), "{}").unwrap();
        let xdg = dir.path().to_str().unwrap();
        let configured = Some(Path::new("c.json"));
        let only_xdg = [("XDG_CONFIG_HOME", xdg)];
        let source = Source::resolve_with(None, configured, env(&only_xdg));
        assert_eq!(source, Source::File("c.json".into()));
        let both = [("XDG_CONFIG_HOME", xdg), ("CREDVIEW_VAULT", "e.json")];
        let source = Source::resolve_with(None, configured, env(&both));
        assert_eq!(source, Source::File("e.json".into()));
        let flag = Source::resolve_with(Some(Path::new("f.json")), configured, env(&both));
        assert_eq!(flag, Source::File("f.json".into()));
    }

    #[test]
    fn home_config_then_demo() {
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path().to_str().unwrap();
        assert_eq!(Source::resolve(None, env(&[("HOME", home)])), Source::Demo);
        std::fs::create_dir_all(dir.path().join(".config/credview")).unwrap();
        std::fs::write(dir.path().join(".config/credview/vault.json"), "{}").unwrap();
        assert_eq!(
            Source::resolve(None, env(&[("HOME", home)])),
            Source::File(dir.path().join(".config/credview/vault.json"))
        );
        assert_eq!(Source::resolve(None, env(&[])), Source::Demo);
    }

    #[test]
    fn an_encrypted_config_vault_is_found_after_the_plain_one() {
        let dir = tempfile::tempdir().unwrap();
        let xdg = dir.path().to_str().unwrap();
        std::fs::create_dir_all(dir.path().join("credview")).unwrap();
        std::fs::write(dir.path().join("credview/vault.age"), "x").unwrap();
        let source = Source::resolve(None, env(&[("XDG_CONFIG_HOME", xdg)]));
        assert_eq!(source, Source::File(dir.path().join("credview/vault.age")));
        std::fs::write(dir.path().join("credview/vault.json"), "{}").unwrap();
        let source = Source::resolve(None, env(&[("XDG_CONFIG_HOME", xdg)]));
        assert_eq!(source, Source::File(dir.path().join("credview/vault.json")));
    }

    #[test]
    fn demo_vault_loads() {
        let vault = Source::Demo.load().unwrap();
        assert!(vault.credentials.len() >= 15);
    }
}
