//! What the user can tune: the effective values, whatever they came from (the settings file,
//! the environment or a flag; `crate::config` works that out at the edge).

use std::fmt;
use std::path::PathBuf;

/// The language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    #[default]
    English,
    PortugueseBrazil,
}

impl Language {
    pub const NAMES: [&'static str; 2] = ["en", "pt-BR"];

    /// `en` or `pt-BR`, any case, `_` for `-` accepted.
    pub fn parse(text: &str) -> Option<Self> {
        match text.replace('_', "-").to_ascii_lowercase().as_str() {
            "en" => Some(Self::English),
            "pt-br" => Some(Self::PortugueseBrazil),
            _ => None,
        }
    }

    /// A POSIX locale (`pt_BR.UTF-8`, `pt_BR`, `pt`): Portuguese for `pt`, else English.
    pub fn from_locale(locale: &str) -> Self {
        let language = locale
            .split(['_', '.', '@', '-'])
            .next()
            .unwrap_or_default();
        if language.eq_ignore_ascii_case("pt") {
            Self::PortugueseBrazil
        } else {
            Self::English
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::English => "en",
            Self::PortugueseBrazil => "pt-BR",
        }
    }
}

/// The colour palette of the screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Dark,
    Light,
    HighContrast,
}

impl Theme {
    pub const NAMES: [&'static str; 3] = ["dark", "light", "high-contrast"];

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "dark" => Some(Self::Dark),
            "light" => Some(Self::Light),
            "high-contrast" => Some(Self::HighContrast),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Dark => "dark",
            Self::Light => "light",
            Self::HighContrast => "high-contrast",
        }
    }
}

/// A time server, from `host` or `host:port` (`[v6]:port` for IPv6 with a port).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NtpServer {
    pub host: String,
    pub port: u16,
}

impl NtpServer {
    pub const DEFAULT_PORT: u16 = 123;

    pub fn parse(text: &str) -> Result<Self, String> {
        let quoted = format!("{text:?}");
        let bad =
            |why: &str| crate::t!("tui-settings-not-a-time-server", text = &quoted, why = why);
        let (host, port) = if let Some(rest) = text.strip_prefix('[') {
            let (host, after) = rest
                .split_once(']')
                .ok_or_else(|| bad("no-closing-bracket"))?;
            match after {
                "" => (host, None),
                _ => (
                    host,
                    Some(
                        after
                            .strip_prefix(':')
                            .ok_or_else(|| bad("text-after-bracket"))?,
                    ),
                ),
            }
        } else {
            match text.split_once(':') {
                // Two colons or more: a bare IPv6 address, no port.
                Some((_, rest)) if rest.contains(':') => (text, None),
                Some((host, port)) => (host, Some(port)),
                None => (text, None),
            }
        };
        if host.is_empty() || host.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(bad("host"));
        }
        let port = match port {
            None => Self::DEFAULT_PORT,
            Some(port) => port
                .parse::<u16>()
                .ok()
                .filter(|&p| p > 0)
                .ok_or_else(|| bad("port"))?,
        };
        Ok(Self {
            host: host.to_owned(),
            port,
        })
    }
}

impl fmt::Display for NtpServer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.host.contains(':') {
            write!(f, "[{}]:{}", self.host, self.port)
        } else {
            write!(f, "{}:{}", self.host, self.port)
        }
    }
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub language: Language,
    /// Dates in this zone (the local one, when asked for); `None`: in UTC, as the vault has them.
    pub time_zone: Option<jiff::tz::TimeZone>,
    /// Zero: a copied code is never cleared.
    pub clear_clipboard_after_millis: u64,
    /// The next code shows beside the current one in this last stretch of a step (zero: never).
    pub next_code_preview_millis: u64,
    /// The QR code closes by itself after this long.
    pub qr_display_millis: u64,
    pub theme: Theme,
    /// Colours on screen; without them, only bold and reverse video mark things.
    pub color: bool,
    /// The vault to open when neither `--vault` nor `$CREDVIEW_VAULT` names one.
    pub vault: Option<PathBuf>,
    /// The audit log when `--audit` names none.
    pub audit_log: Option<PathBuf>,
    /// Where the clock's offset is measured.
    pub ntp_servers: Vec<NtpServer>,
    /// Words, besides the usual ones, that announce an SSH verification-code prompt.
    pub session_code_prompts: Vec<String>,
    /// Credentials a search looks at between two chances to draw and read keys.
    pub search_step: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            language: Language::default(),
            time_zone: None,
            clear_clipboard_after_millis: 30_000,
            next_code_preview_millis: 5_000,
            qr_display_millis: 45_000,
            theme: Theme::default(),
            color: true,
            vault: None,
            audit_log: None,
            ntp_servers: Vec::new(),
            session_code_prompts: Vec::new(),
            search_step: super::filter::STEP,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_from_names_and_locales() {
        assert_eq!(Language::parse("pt-BR"), Some(Language::PortugueseBrazil));
        assert_eq!(Language::parse("pt_br"), Some(Language::PortugueseBrazil));
        assert_eq!(Language::parse("EN"), Some(Language::English));
        assert_eq!(Language::parse("fr"), None);
        for pt in ["pt_BR.UTF-8", "pt_BR", "pt", "pt_PT.utf8"] {
            assert_eq!(
                Language::from_locale(pt),
                Language::PortugueseBrazil,
                "{pt}"
            );
        }
        for en in ["C", "POSIX", "en_US.UTF-8", "fr_FR", "", "ptx"] {
            assert_eq!(Language::from_locale(en), Language::English, "{en}");
        }
    }

    #[test]
    fn time_servers_with_and_without_ports() {
        let server = |text| NtpServer::parse(text).map(|s| s.to_string());
        assert_eq!(server("pool.ntp.org"), Ok("pool.ntp.org:123".into()));
        assert_eq!(server("10.0.0.1:1123"), Ok("10.0.0.1:1123".into()));
        assert_eq!(server("[2001:db8::1]:124"), Ok("[2001:db8::1]:124".into()));
        assert_eq!(server("2001:db8::1"), Ok("[2001:db8::1]:123".into()));
        for bad in [
            "",
            ":123",
            "host:0",
            "host:x",
            "host:70000",
            "a b",
            "[::1",
            "[::1]x",
        ] {
            assert!(NtpServer::parse(bad).is_err(), "{bad}");
        }
    }
}
