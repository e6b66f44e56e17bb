//! The effective settings: the settings file, the environment and the flags, layered, with
//! where each value came from. A flag beats the environment, which beats the file, which beats
//! the default (the locale variables, being system-wide, yield to the file).

mod file;
mod report;

use std::ffi::OsString;
use std::path::{Path, PathBuf};

pub use file::{FileSettings, parse};
pub use report::{Resolved, report};

use crate::app::settings::{Language, NtpServer, Settings};

pub const CONFIG_ENV: &str = "CREDVIEW_CONFIG";

/// `--color`: whether screens and messages may use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorWhen {
    /// Colour on a terminal, unless $NO_COLOR is set or $TERM is dumb
    #[default]
    Auto,
    /// Colour even when not on a terminal, and despite $NO_COLOR
    Always,
    /// No colour: bold and reverse video only
    Never,
}

/// The global flags that bear on settings.
#[derive(Debug, Default, Clone)]
pub struct Flags {
    pub config: Option<PathBuf>,
    pub language: Option<Language>,
    pub color: ColorWhen,
    pub local_time: bool,
    pub vault: Option<PathBuf>,
    pub audit: Option<PathBuf>,
    pub no_audit: bool,
    /// `--ntp` servers, as typed.
    pub ntp: Vec<String>,
}

/// Where a value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Default,
    File,
    Environment(&'static str),
    Flag(&'static str),
}

/// The settings file that was looked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigFile {
    Read(PathBuf),
    /// The usual place, with no file there: every value is a default.
    Absent(PathBuf),
    /// Neither `$XDG_CONFIG_HOME` nor `$HOME` is set.
    Nowhere,
}

#[derive(Debug, Clone)]
pub struct Effective {
    pub settings: Settings,
    pub file: ConfigFile,
    /// Each key's origin, in the file's order of keys.
    pub origins: Vec<(&'static str, Origin)>,
    /// Things worth a line on stderr that are not errors.
    pub warnings: Vec<String>,
}

impl Effective {
    pub fn origin(&self, key: &str) -> Origin {
        self.origins
            .iter()
            .find(|(name, _)| *name == key)
            .map_or(Origin::Default, |(_, origin)| *origin)
    }
}

/// Works out the effective settings; an unreadable or invalid settings file is an error of the
/// form `PATH:LINE:COLUMN: what`.
pub fn resolve(flags: &Flags, env: impl Fn(&str) -> Option<OsString>) -> Result<Effective, String> {
    let set = |name: &str| env(name).filter(|value| !value.is_empty());
    let (file, values) = read_file(flags, &set)?;
    let folder = match &file {
        ConfigFile::Read(path) => path.parent().map(Path::to_owned),
        _ => None,
    };
    let home = set("HOME").map(PathBuf::from);
    let place = |path: PathBuf| expand(path, home.as_deref(), folder.as_deref());
    let mut settings = Settings::default();
    let mut origins = Origins::default();
    let mut warnings = Vec::new();

    let locale = locale(&set);
    settings.language = origins.pick(
        "language",
        [
            flags.language.map(|l| (l, Origin::Flag("--lang"))),
            values.language.map(|l| (l, Origin::File)),
            locale.map(|(name, language)| (language, Origin::Environment(name))),
        ],
        Language::default(),
    );
    let local_time = origins.pick(
        "local_time",
        [
            flags
                .local_time
                .then_some((true, Origin::Flag("--local-time"))),
            values.local_time.map(|v| (v, Origin::File)),
        ],
        false,
    );
    if local_time {
        match jiff::tz::TimeZone::try_system() {
            Ok(zone) => settings.time_zone = Some(zone),
            Err(e) => {
                let what = crate::t!("cli-config-zone-unknown", error = e.to_string());
                warnings.push(format!("warning: {what}"));
            }
        }
    }
    let millis = |seconds: Option<u64>| seconds.map(|s| (s * 1000, Origin::File));
    settings.clear_clipboard_after_millis = origins.pick(
        "clipboard_clear_seconds",
        [millis(values.clipboard_clear_seconds)],
        settings.clear_clipboard_after_millis,
    );
    settings.next_code_preview_millis = origins.pick(
        "next_code_preview_seconds",
        [millis(values.next_code_preview_seconds)],
        settings.next_code_preview_millis,
    );
    settings.qr_display_millis = origins.pick(
        "qr_display_seconds",
        [millis(values.qr_display_seconds)],
        settings.qr_display_millis,
    );
    let vault = origins.pick(
        "vault",
        [
            flags
                .vault
                .clone()
                .map(|p| (Some(p), Origin::Flag("--vault"))),
            set("CREDVIEW_VAULT").map(|p| (Some(p.into()), Origin::Environment("CREDVIEW_VAULT"))),
            values.vault.map(|p| (Some(place(p)), Origin::File)),
        ],
        None,
    );
    // The app's own setting is the file's: the flag and the variable are read where the vault
    // is chosen, and keep their place before it.
    if origins.last() == Some(Origin::File) {
        settings.vault = vault;
    }
    settings.audit_log = origins.pick(
        "audit_log",
        [
            flags.no_audit.then_some((None, Origin::Flag("--no-audit"))),
            flags
                .audit
                .clone()
                .map(|p| (Some(p), Origin::Flag("--audit"))),
            values.audit_log.map(|p| (Some(place(p)), Origin::File)),
        ],
        None,
    );
    settings.theme = origins.pick(
        "theme",
        [values.theme.map(|t| (t, Origin::File))],
        settings.theme,
    );
    settings.color = origins.pick(
        "color",
        [
            match flags.color {
                ColorWhen::Always => Some((true, Origin::Flag("--color"))),
                ColorWhen::Never => Some((false, Origin::Flag("--color"))),
                ColorWhen::Auto => None,
            },
            set("NO_COLOR").map(|_| (false, Origin::Environment("NO_COLOR"))),
            set("TERM")
                .filter(|term| term == "dumb")
                .map(|_| (false, Origin::Environment("TERM"))),
        ],
        true,
    );
    let flag_servers = flags
        .ntp
        .iter()
        .map(|text| NtpServer::parse(text).map_err(|e| format!("--ntp: {e}")))
        .collect::<Result<Vec<_>, _>>()?;
    settings.ntp_servers = origins.pick(
        "ntp_servers",
        [
            (!flag_servers.is_empty()).then_some((flag_servers, Origin::Flag("--ntp"))),
            values.ntp_servers.map(|v| (v, Origin::File)),
        ],
        Vec::new(),
    );
    settings.session_code_prompts = origins.pick(
        "session_code_prompts",
        [values.session_code_prompts.map(|v| (v, Origin::File))],
        Vec::new(),
    );
    Ok(Effective {
        settings,
        file,
        origins: origins.0,
        warnings,
    })
}

/// The language `resolve` picks; when the settings file cannot be read, the flag's, else the
/// locale's (its error is then told in that language).
pub fn language(flags: &Flags, env: impl Fn(&str) -> Option<OsString> + Copy) -> Language {
    resolve(flags, env).map_or_else(
        |_| language_without_file(flags, env),
        |effective| effective.settings.language,
    )
}

/// The language as far as it is known before the settings file is read: `--lang`, else the
/// locale variables. Cheap: no file, no catalogue.
pub fn language_without_file(flags: &Flags, env: impl Fn(&str) -> Option<OsString>) -> Language {
    let set = |name: &str| env(name).filter(|value| !value.is_empty());
    flags
        .language
        .or_else(|| locale(&set).map(|(_, language)| language))
        .unwrap_or_default()
}

/// The first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set, and the language it names.
fn locale(set: &dyn Fn(&str) -> Option<OsString>) -> Option<(&'static str, Language)> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(|name| {
            set(name).map(|value| (name, Language::from_locale(&value.to_string_lossy())))
        })
}

/// Each key's origin, as the values are picked.
#[derive(Default)]
struct Origins(Vec<(&'static str, Origin)>);

impl Origins {
    /// The first value given, else the default; its origin is recorded under `key`.
    fn pick<T, const N: usize>(
        &mut self,
        key: &'static str,
        candidates: [Option<(T, Origin)>; N],
        default: T,
    ) -> T {
        let (value, origin) = candidates
            .into_iter()
            .flatten()
            .next()
            .unwrap_or((default, Origin::Default));
        self.0.push((key, origin));
        value
    }

    fn last(&self) -> Option<Origin> {
        self.0.last().map(|(_, origin)| *origin)
    }
}

/// Where the settings file is: `--config`, `$CREDVIEW_CONFIG`, then the XDG place. One named
/// explicitly must exist; the usual one may be absent.
fn read_file(
    flags: &Flags,
    set: &dyn Fn(&str) -> Option<OsString>,
) -> Result<(ConfigFile, FileSettings), String> {
    let explicit = flags
        .config
        .clone()
        .or_else(|| set(CONFIG_ENV).map(PathBuf::from));
    let path = match explicit {
        Some(path) => path,
        None => match default_path(set) {
            Some(path) if path.exists() => path,
            Some(path) => return Ok((ConfigFile::Absent(path), FileSettings::default())),
            None => return Ok((ConfigFile::Nowhere, FileSettings::default())),
        },
    };
    let name = path.display().to_string();
    let text = std::fs::read(&path).map_err(|e| {
        let what = crate::t!("cli-config-unreadable", error = e.to_string());
        format!("{name}: {what}")
    })?;
    let text =
        String::from_utf8(text).map_err(|_| format!("{name}: {}", crate::t!("cli-not-utf8")))?;
    let values = file::parse(&name, &text)?;
    Ok((ConfigFile::Read(path), values))
}

/// `$XDG_CONFIG_HOME/credview/config.toml`, else `~/.config/credview/config.toml`.
pub fn default_path(set: &dyn Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    set("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| set("HOME").map(|home| PathBuf::from(home).join(".config")))
        .map(|dir| dir.join("credview").join("config.toml"))
}

/// `~/x` is under the home folder; a relative path is relative to the settings file's folder.
fn expand(path: PathBuf, home: Option<&Path>, folder: Option<&Path>) -> PathBuf {
    if let (Ok(rest), Some(home)) = (path.strip_prefix("~"), home) {
        return home.join(rest);
    }
    match folder {
        Some(folder) if path.is_relative() => folder.join(path),
        _ => path,
    }
}

#[cfg(test)]
mod tests;
