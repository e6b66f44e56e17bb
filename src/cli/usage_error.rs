//! clap's usage errors in the language of the moment: `error: ` stays as it is (scripts look
//! for it), the sentence after it and the usage heading come from the catalogue.

use std::fmt::Write as _;

use clap::builder::{StyledStr, Styles};
use clap::error::{ContextKind, ContextValue, Error, ErrorFormatter, ErrorKind};

use crate::i18n::{self, Arg};

pub struct Localized;

impl ErrorFormatter for Localized {
    fn format_error(error: &Error<Self>) -> StyledStr {
        let styles = Styles::default();
        let bad = styles.get_invalid();
        let good = styles.get_valid();
        let literal = styles.get_literal();
        let red = styles.get_error();
        let text = |kind| match error.get(kind) {
            Some(ContextValue::String(text)) => Some(text.clone()),
            Some(ContextValue::Strings(list)) => Some(list.join(", ")),
            Some(ContextValue::Number(n)) => Some(n.to_string()),
            _ => None,
        };
        let arg = text(ContextKind::InvalidArg).map(|a| format!("'{literal}{a}{literal:#}'"));
        let value = text(ContextKind::InvalidValue).map(|v| format!("'{bad}{v}{bad:#}'"));
        let say = |id: &str, args: &[(&str, Arg)]| i18n::text(id, args);
        let sentence = match (error.kind(), arg, value) {
            (ErrorKind::InvalidValue, Some(arg), Some(_))
                if text(ContextKind::InvalidValue).is_some_and(|v| v.is_empty()) =>
            {
                say("cli-usage-value-missing", &[("arg", arg.into())])
            }
            (ErrorKind::InvalidValue | ErrorKind::ValueValidation, Some(arg), Some(value)) => {
                let mut line = say(
                    "cli-usage-value-invalid",
                    &[("arg", arg.into()), ("value", value.into())],
                );
                if let Some(why) = std::error::Error::source(error) {
                    let _ = write!(line, ": {why}");
                }
                line
            }
            (ErrorKind::UnknownArgument, Some(arg), _) => {
                say("cli-usage-unknown-argument", &[("arg", arg.into())])
            }
            (ErrorKind::InvalidSubcommand, _, _) => {
                let name = text(ContextKind::InvalidSubcommand).unwrap_or_default();
                let name = format!("'{bad}{name}{bad:#}'");
                say("cli-usage-unknown-command", &[("name", name.into())])
            }
            (ErrorKind::MissingRequiredArgument, Some(_), _) => {
                let names = match error.get(ContextKind::InvalidArg) {
                    Some(ContextValue::Strings(names)) => names
                        .iter()
                        .map(|n| format!("\n  {good}{n}{good:#}"))
                        .collect(),
                    _ => String::new(),
                };
                say("cli-usage-missing-arguments", &[]) + &names
            }
            (ErrorKind::MissingSubcommand, _, _) => {
                let name = text(ContextKind::InvalidSubcommand).unwrap_or_default();
                let name = format!("'{bad}{name}{bad:#}'");
                say("cli-usage-missing-command", &[("name", name.into())])
            }
            (ErrorKind::ArgumentConflict, Some(arg), _) => {
                let same = text(ContextKind::InvalidArg);
                match text(ContextKind::PriorArg).filter(|prior| Some(prior) != same.as_ref()) {
                    Some(prior) => {
                        let other = format!("'{bad}{prior}{bad:#}'");
                        say(
                            "cli-usage-conflict",
                            &[("arg", arg.into()), ("other", other.into())],
                        )
                    }
                    None => say("cli-usage-repeated", &[("arg", arg.into())]),
                }
            }
            (ErrorKind::TooManyValues, Some(arg), Some(value)) => say(
                "cli-usage-value-unexpected",
                &[("arg", arg.into()), ("value", value.into())],
            ),
            (ErrorKind::NoEquals, Some(arg), _) => {
                say("cli-usage-equals-needed", &[("arg", arg.into())])
            }
            (kind, _, _) => match std::error::Error::source(error) {
                Some(why) => why.to_string(),
                None => kind.as_str().unwrap_or_default().to_owned(),
            },
        };
        let mut styled = StyledStr::new();
        let _ = write!(styled, "{red}error:{red:#} {sentence}");
        if let Some(values) = text(ContextKind::ValidValue).filter(|v| !v.is_empty()) {
            let list = say("help-possible-values", &[("values", values.into())]);
            let _ = write!(styled, "\n  [{list}]");
        }
        let similar = [
            ContextKind::SuggestedSubcommand,
            ContextKind::SuggestedArg,
            ContextKind::SuggestedValue,
        ]
        .into_iter()
        .find_map(text);
        if let Some(similar) = similar {
            let similar = format!("'{good}{similar}{good:#}'");
            let tip = say("cli-usage-similar", &[("names", similar.into())]);
            let label = say("cli-usage-tip", &[]);
            let _ = write!(styled, "\n\n  {good}{label}:{good:#} {tip}");
        }
        if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
            let heading = say("help-heading-usage", &[]);
            let usage = usage
                .ansi()
                .to_string()
                .replacen("Usage:", &format!("{heading}:"), 1);
            let _ = write!(styled, "\n\n{usage}");
        }
        let help = format!("'{literal}--help{literal:#}'");
        let more = say("cli-usage-more", &[("help", help.into())]);
        let _ = writeln!(styled, "\n\n{more}");
        styled
    }
}
