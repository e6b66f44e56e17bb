//! Reading the command line: `--color` before clap parses (clap colours its own messages),
//! the language flag's values, and the flags that bear on settings.

use std::ffi::OsString;

use clap::{CommandFactory, FromArgMatches, ValueEnum};

use super::Cli;
use crate::app::settings::Language;
use crate::config::ColorWhen;

/// Parses the process's arguments, with clap's own help and errors in colour only as `--color`
/// allows: it is read before parsing, as clap colours its messages while it parses.
pub fn parse_args() -> Cli {
    let args: Vec<OsString> = std::env::args_os().collect();
    let choice = match color_flag(&args) {
        Some(ColorWhen::Always) => clap::ColorChoice::Always,
        Some(ColorWhen::Never) => clap::ColorChoice::Never,
        // clap's own auto already heeds $NO_COLOR, $TERM=dumb and a non-terminal.
        Some(ColorWhen::Auto) | None => clap::ColorChoice::Auto,
    };
    let matches = Cli::command().color(choice).get_matches_from(args);
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

/// The last `--color WHEN` or `--color=WHEN` before `--`.
fn color_flag(args: &[OsString]) -> Option<ColorWhen> {
    let mut choice = None;
    let mut words = args.iter().skip(1).map(|a| a.to_str().unwrap_or_default());
    while let Some(word) = words.next() {
        let value = match word {
            "--" => break,
            "--color" => words.next(),
            _ => word.strip_prefix("--color="),
        };
        if let Some(value) = value {
            choice = ColorWhen::from_str(value, true).ok().or(choice);
        }
    }
    choice
}

pub(super) fn language(text: &str) -> Result<Language, String> {
    let names = Language::NAMES.join(", ");
    Language::parse(text).ok_or_else(|| crate::t!("value-not-one-of", names = names))
}

impl Cli {
    /// The flags that bear on settings, for `config::resolve`.
    pub fn settings_flags(&self) -> crate::config::Flags {
        crate::config::Flags {
            config: self.config.clone(),
            language: self.lang,
            color: self.color,
            local_time: self.local_time,
            vault: self.vault.clone(),
            audit: self.audit.clone(),
            no_audit: self.no_audit,
            ntp: self.ntp.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<OsString> {
        text.split_whitespace().map(OsString::from).collect()
    }

    #[test]
    fn the_last_color_flag_before_a_double_dash_counts() {
        assert_eq!(color_flag(&words("credview list")), None);
        assert_eq!(
            color_flag(&words("credview --color never list")),
            Some(ColorWhen::Never)
        );
        assert_eq!(
            color_flag(&words("credview --color=always --color auto")),
            Some(ColorWhen::Auto)
        );
        assert_eq!(color_flag(&words("credview --color=bogus")), None);
        assert_eq!(color_flag(&words("credview -- --color never")), None);
    }
}
