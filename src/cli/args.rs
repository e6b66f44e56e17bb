//! Reading the command line: `--color` before clap parses (clap colours its own messages),
//! the language of help and usage errors, the language flag's values, and the flags that bear
//! on settings.

use std::ffi::OsString;

use clap::{CommandFactory, FromArgMatches, ValueEnum};

use super::Cli;
use crate::app::settings::Language;
use crate::config::ColorWhen;

/// Parses the process's arguments, with clap's own help and errors in colour only as `--color`
/// allows: it is read before parsing, as clap colours its messages while it parses.
pub fn parse_args() -> Cli {
    let args: Vec<OsString> = std::env::args_os().collect();
    if let Some(cli) = super::fast_args::read(&args) {
        return cli;
    }
    let choice = match color_flag(&args) {
        Some(ColorWhen::Always) => clap::ColorChoice::Always,
        Some(ColorWhen::Never) => clap::ColorChoice::Never,
        // clap's own auto already heeds $NO_COLOR, $TERM=dumb and a non-terminal.
        Some(ColorWhen::Auto) | None => clap::ColorChoice::Auto,
    };
    // The catalogue is read only for help and errors: a command that runs never needs it.
    let matches = match Cli::command().color(choice).try_get_matches_from(&args) {
        Ok(matches) => matches,
        Err(plain) => {
            let env = |name: &str| std::env::var_os(name);
            crate::i18n::set(early_language(&args, env));
            let localized = super::help::localized(Cli::command().color(choice));
            match localized.try_get_matches_from(&args) {
                Err(error) => error.apply::<super::usage_error::Localized>().exit(),
                Ok(_) => plain.exit(),
            }
        }
    };
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

/// The language of help and usage errors, from what can be read of the command line: its
/// `--lang` and `--config`, with the settings file and the locale as `config::resolve` has them.
fn early_language(args: &[OsString], env: impl Fn(&str) -> Option<OsString> + Copy) -> Language {
    let flags = crate::config::Flags {
        config: flag_values(args, "--config").last().map(Into::into),
        language: flag_values(args, "--lang")
            .iter()
            .rev()
            .find_map(|text| Language::parse(text)),
        ..crate::config::Flags::default()
    };
    crate::config::language(&flags, env)
}

/// The last `--color WHEN` or `--color=WHEN` before `--`.
fn color_flag(args: &[OsString]) -> Option<ColorWhen> {
    flag_values(args, "--color")
        .iter()
        .filter_map(|value| ColorWhen::from_str(value, true).ok())
        .next_back()
}

/// Each value of `--NAME VALUE` or `--NAME=VALUE` before `--`, in order.
fn flag_values(args: &[OsString], name: &str) -> Vec<String> {
    let mut values = Vec::new();
    let mut words = args.iter().skip(1).map(|a| a.to_str().unwrap_or_default());
    let joined = format!("{name}=");
    while let Some(word) = words.next() {
        let value = match word {
            "--" => break,
            _ if word == name => words.next(),
            _ => word.strip_prefix(&joined),
        };
        values.extend(value.map(str::to_owned));
    }
    values
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

    #[test]
    fn the_language_of_help_is_the_flag_else_the_file_else_the_locale() {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config.toml");
        std::fs::write(&config, "language = \"pt-BR\"\n").unwrap();
        let locale =
            |value: &'static str| move |name: &str| (name == "LANG").then(|| OsString::from(value));
        let english = Language::English;
        let portuguese = Language::PortugueseBrazil;
        let pt = locale("pt_BR.UTF-8");
        let en = locale("C.UTF-8");
        assert_eq!(early_language(&words("credview --help"), pt), portuguese);
        assert_eq!(early_language(&words("credview --help"), en), english);
        assert_eq!(early_language(&words("credview --lang en -h"), pt), english);
        assert_eq!(
            early_language(&words("credview --lang=pt-BR x"), en),
            portuguese
        );
        let with_file = format!("credview --config {} --help", config.display());
        assert_eq!(early_language(&words(&with_file), en), portuguese);
        let flag_wins = format!("credview --config={} --lang en", config.display());
        assert_eq!(early_language(&words(&flag_wins), pt), english);
        // A settings file that cannot be read leaves the locale to decide.
        let missing = "credview --config /nonexistent/config.toml --help";
        assert_eq!(early_language(&words(missing), pt), portuguese);
    }
}
