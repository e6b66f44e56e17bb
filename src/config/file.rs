//! The settings file: TOML, every key optional, an unknown key or a bad value an error that
//! names its line and column, as the vault's errors do.

use std::path::PathBuf;

use serde::{Deserialize, Deserializer, de::Error as _};

use crate::app::settings::{Language, NtpServer, Theme};

/// The longest any of the `*_seconds` keys may be: a day.
const MAX_SECONDS: u64 = 86_400;

/// What the file says; `None` where it says nothing.
#[derive(Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FileSettings {
    #[serde(default, deserialize_with = "language")]
    pub language: Option<Language>,
    pub local_time: Option<bool>,
    #[serde(default, deserialize_with = "seconds_or_zero")]
    pub clipboard_clear_seconds: Option<u64>,
    #[serde(default, deserialize_with = "seconds_or_zero")]
    pub next_code_preview_seconds: Option<u64>,
    #[serde(default, deserialize_with = "seconds")]
    pub qr_display_seconds: Option<u64>,
    #[serde(default, deserialize_with = "path")]
    pub vault: Option<PathBuf>,
    #[serde(default, deserialize_with = "path")]
    pub audit_log: Option<PathBuf>,
    #[serde(default, deserialize_with = "theme")]
    pub theme: Option<Theme>,
    #[serde(default, deserialize_with = "ntp_servers")]
    pub ntp_servers: Option<Vec<NtpServer>>,
    #[serde(default, deserialize_with = "prompts")]
    pub session_code_prompts: Option<Vec<String>>,
}

/// Reads the file's text; `origin` names it in errors: `origin:LINE:COLUMN: what`.
pub fn parse(origin: &str, text: &str) -> Result<FileSettings, String> {
    toml::from_str(text).map_err(|error| {
        let what = error.message().trim_end();
        match error.span() {
            Some(span) => {
                let (line, column) = line_column(text, span.start);
                format!("{origin}:{line}:{column}: {what}")
            }
            None => format!("{origin}: {what}"),
        }
    })
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

fn language<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Language>, D::Error> {
    let text = String::deserialize(d)?;
    Language::parse(&text).map(Some).ok_or_else(|| {
        let names = Language::NAMES.join(", ");
        D::Error::custom(crate::t!(
            "language-unknown",
            text = format!("{text:?}"),
            names = names
        ))
    })
}

fn theme<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Theme>, D::Error> {
    let text = String::deserialize(d)?;
    Theme::parse(&text).map(Some).ok_or_else(|| {
        let names = Theme::NAMES.join(", ");
        D::Error::custom(crate::t!(
            "cli-config-theme-unknown",
            text = format!("{text:?}"),
            names = names
        ))
    })
}

fn seconds_in<'de, D: Deserializer<'de>>(d: D, least: u64) -> Result<Option<u64>, D::Error> {
    let value = i64::deserialize(d)?;
    u64::try_from(value)
        .ok()
        .filter(|s| (least..=MAX_SECONDS).contains(s))
        .map(Some)
        .ok_or_else(|| {
            D::Error::custom(crate::t!(
                "cli-config-seconds-range",
                value = value.to_string(),
                least = least.to_string(),
                most = MAX_SECONDS.to_string()
            ))
        })
}

fn seconds_or_zero<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    seconds_in(d, 0)
}

fn seconds<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    seconds_in(d, 1)
}

fn path<'de, D: Deserializer<'de>>(d: D) -> Result<Option<PathBuf>, D::Error> {
    let text = String::deserialize(d)?;
    if text.trim().is_empty() {
        return Err(D::Error::custom(crate::t!("cli-config-path-empty")));
    }
    Ok(Some(PathBuf::from(text)))
}

fn ntp_servers<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<NtpServer>>, D::Error> {
    Vec::<String>::deserialize(d)?
        .iter()
        .map(|text| NtpServer::parse(text).map_err(D::Error::custom))
        .collect::<Result<_, _>>()
        .map(Some)
}

fn prompts<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<String>>, D::Error> {
    let words = Vec::<String>::deserialize(d)?;
    if words.iter().any(|w| w.trim().is_empty()) {
        return Err(D::Error::custom(crate::t!("cli-config-prompt-empty")));
    }
    Ok(Some(words))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_optional() {
        assert_eq!(parse("c.toml", ""), Ok(FileSettings::default()));
        assert_eq!(
            parse("c.toml", "# only a comment\n"),
            Ok(FileSettings::default())
        );
    }

    #[test]
    fn every_key_reads() {
        let text = r#"
language = "pt-BR"
local_time = true
clipboard_clear_seconds = 0
next_code_preview_seconds = 10
qr_display_seconds = 20
vault = "/v/vault.age"
audit_log = "/v/audit.jsonl"
theme = "high-contrast"
ntp_servers = ["pool.ntp.org", "10.0.0.1:1123"]
session_code_prompts = ["Codigo de verificacao", "OTP"]
"#;
        let file = parse("c.toml", text).unwrap();
        assert_eq!(file.language, Some(Language::PortugueseBrazil));
        assert_eq!(file.local_time, Some(true));
        assert_eq!(file.clipboard_clear_seconds, Some(0));
        assert_eq!(file.next_code_preview_seconds, Some(10));
        assert_eq!(file.qr_display_seconds, Some(20));
        assert_eq!(file.vault, Some(PathBuf::from("/v/vault.age")));
        assert_eq!(file.audit_log, Some(PathBuf::from("/v/audit.jsonl")));
        assert_eq!(file.theme, Some(Theme::HighContrast));
        let servers = file.ntp_servers.unwrap();
        assert_eq!(
            servers[1],
            NtpServer {
                host: "10.0.0.1".into(),
                port: 1123
            }
        );
        assert_eq!(file.session_code_prompts.unwrap().len(), 2);
    }

    #[test]
    fn an_unknown_key_names_its_line_and_column() {
        let error = parse("c.toml", "theme = \"dark\"\n  colour = \"red\"\n").unwrap_err();
        assert!(
            error.starts_with("c.toml:2:3: unknown field `colour`"),
            "{error}"
        );
    }

    #[test]
    fn bad_values_name_their_line_and_column() {
        let cases = [
            (
                "theme = \"blue\"",
                "c.toml:1:9: theme \"blue\" is not one of dark, light",
            ),
            (
                "language = \"fr\"",
                "c.toml:1:12: language \"fr\" is not one",
            ),
            ("qr_display_seconds = 0", "c.toml:1:22: 0 is out of range"),
            (
                "clipboard_clear_seconds = -1",
                "c.toml:1:27: -1 is out of range",
            ),
            ("local_time = \"yes\"", "c.toml:1:14: invalid type"),
            (
                "ntp_servers = [\"a:0\"]",
                "c.toml:1:15: \"a:0\" is not a time server",
            ),
            (
                "session_code_prompts = [\"\"]",
                "c.toml:1:24: a prompt word is empty",
            ),
            ("vault = \"\"", "c.toml:1:9: the path is empty"),
            ("theme = ", "c.toml:1:9: "),
        ];
        for (text, expected) in cases {
            let error = parse("c.toml", text).unwrap_err();
            assert!(error.starts_with(expected), "{text}: {error}");
        }
    }

    #[test]
    fn columns_count_characters() {
        assert_eq!(line_column("a\nçé x", 6), (2, 3));
        assert_eq!(line_column("abc", 0), (1, 1));
    }
}
