//! The `--help` text from the catalogue (`locales/*/help.ftl`), in the language of the moment.
//!
//! The doc comments on the clap definitions are for developers; what a user reads is put in
//! here, walking the built command tree: each command's about is `help-<path>-about`, each
//! argument's help `help-<path>-arg-<id>` (`help-arg-<id>` for the global ones), clap's own
//! headings and flags theirs. Only help and usage errors need it: a command that runs never
//! builds it, nor the catalogue.

use clap::builder::{PossibleValue, StyledStr};
use clap::{Arg, Command};

use crate::i18n;

/// `command`, built, with every text a user reads taken from the catalogue.
pub fn localized(mut command: Command) -> Command {
    command.build();
    let styles = command.get_styles();
    let layout = Layout {
        usage: styles.get_usage().to_owned(),
        header: styles.get_header().to_owned(),
        words: [
            "help-heading-usage",
            "help-heading-commands",
            "help-heading-arguments",
            "help-heading-options",
        ]
        .map(|id| i18n::text(id, &[])),
    };
    walk(&mut command, &[], Some(&layout));
    command.after_help(i18n::text("help-after", &[]))
}

/// clap's help layout with the headings in the language of the moment.
struct Layout {
    usage: clap::builder::styling::Style,
    header: clap::builder::styling::Style,
    /// Usage, Commands, Arguments, Options.
    words: [String; 4],
}

impl Layout {
    /// clap's own layout, each section under its heading: the sections are laid out here, not
    /// by `help_heading`, so they keep clap's order (commands, arguments, options).
    fn template(&self, command: &Command) -> String {
        let [usage, commands, arguments, options] = &self.words;
        let (u, h) = (self.usage, self.header);
        let mut sections = Vec::new();
        if command.get_subcommands().any(|s| !s.is_hide_set()) {
            sections.push(format!("{h}{commands}:{h:#}\n{{subcommands}}"));
        }
        if command.get_positionals().any(|a| !a.is_hide_set()) {
            sections.push(format!("{h}{arguments}:{h:#}\n{{positionals}}"));
        }
        if command
            .get_arguments()
            .any(|a| !a.is_positional() && !a.is_hide_set())
        {
            sections.push(format!("{h}{options}:{h:#}\n{{options}}"));
        }
        format!(
            "{{before-help}}{{about-with-newline}}\n{u}{usage}:{u:#} {{usage}}\n\n{}{{after-help}}",
            sections.join("\n\n")
        )
    }
}

/// `command`, built, with the catalogue's abouts and helps but clap's own headings, defaults
/// and value lists: for the man page and completions, whose generators lay those out.
pub fn described(mut command: Command) -> Command {
    command.build();
    walk(&mut command, &[], None);
    command.after_help(i18n::text("help-after", &[]))
}

/// Every message id the walk asks for, for the catalogue's tests.
pub fn ids(mut command: Command) -> Vec<String> {
    command.build();
    let mut ids = vec![
        "help-heading-usage".to_owned(),
        "help-heading-commands".to_owned(),
        "help-heading-arguments".to_owned(),
        "help-heading-options".to_owned(),
        "help-heading-values".to_owned(),
        "help-default".to_owned(),
        "help-possible-values".to_owned(),
        "help-after".to_owned(),
        "help-flag-help".to_owned(),
    ];
    collect(&command, &[], &mut ids);
    ids.sort();
    ids.dedup();
    ids
}

fn collect(command: &Command, path: &[String], ids: &mut Vec<String>) {
    ids.push(about_id(path));
    for arg in command.get_arguments() {
        let id = arg_id(path, arg);
        if let Some(long) = long_id(arg) {
            ids.push(long.to_owned());
        }
        for value in shown_values(arg).iter().filter(|v| v.get_help().is_some()) {
            ids.push(value_id(&id, value));
        }
        ids.push(id);
    }
    for sub in command.get_subcommands() {
        collect(sub, &child(path, sub.get_name()), ids);
    }
}

/// `layout`: `None` leaves the layout and headings to clap.
fn walk(command: &mut Command, path: &[String], layout: Option<&Layout>) {
    let about = i18n::text(&about_id(path), &[]);
    let mut owned = std::mem::take(command).about(about).long_about(None);
    owned = match layout {
        Some(layout) => {
            let template = layout.template(&owned);
            owned
                .help_template(template)
                .mut_args(|arg| localize_arg(arg, path))
        }
        None => owned.mut_args(|arg| {
            let help = i18n::text(&arg_id(path, &arg), &[]);
            let long = long_id(&arg).map(|id| i18n::text(id, &[]));
            with_helps(arg.help(help), long)
        }),
    };
    for sub in owned.get_subcommands_mut() {
        let sub_path = child(path, sub.get_name());
        walk(sub, &sub_path, layout);
    }
    *command = owned;
}

fn with_helps(arg: Arg, long: Option<String>) -> Arg {
    match long {
        Some(long) => arg.long_help(StyledStr::from(long)),
        None => arg.long_help(None::<&'static str>),
    }
}

/// An argument's help and clap's words around it (its default, its possible values).
fn localize_arg(arg: Arg, path: &[String]) -> Arg {
    let id = arg_id(path, &arg);
    let mut help = i18n::text(&id, &[]);
    let mut long = long_id(&arg).map(|id| i18n::text(id, &[]));
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let show_default =
        arg.get_action().takes_values() && !defaults.is_empty() && !arg.is_hide_default_value_set();
    let values = shown_values(&arg);
    let mut arg = arg;
    // As clap lays them out: `[default: x] [possible values: ...]` after the short help; the
    // values with their meaning, then the default, under the long one.
    let mut default = None;
    if show_default {
        let text = i18n::text(
            "help-default",
            &[("value", i18n::Arg::from(defaults.join(", ")))],
        );
        help = format!("{help} [{text}]");
        default = Some(text);
        arg = arg.hide_default_value(true);
    }
    if !values.is_empty() {
        let names: Vec<&str> = values.iter().map(PossibleValue::get_name).collect();
        let list = i18n::text(
            "help-possible-values",
            &[("values", i18n::Arg::from(names.join(", ")))],
        );
        let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
        let described: Vec<String> = values
            .iter()
            .filter(|v| v.get_help().is_some())
            .map(|v| {
                let name = v.get_name();
                let pad = width - name.chars().count();
                let meaning = i18n::text(&value_id(&id, v), &[]);
                format!("- {name}:{:pad$} {meaning}", "")
            })
            .collect();
        if !described.is_empty() {
            let heading = i18n::text("help-heading-values", &[]);
            let first = long.take().unwrap_or_else(|| i18n::text(&id, &[]));
            let mut text = format!("{first}\n\n{heading}:\n{}", described.join("\n"));
            if let Some(default) = &default {
                text.push_str(&format!("\n\n[{default}]"));
            }
            long = Some(text);
        }
        help = format!("{help} [{list}]");
        arg = arg.hide_possible_values(true);
    }
    with_helps(arg.help(help), long)
}

/// The values clap would list after an argument's help.
fn shown_values(arg: &Arg) -> Vec<PossibleValue> {
    if arg.is_hide_possible_values_set() || !arg.get_action().takes_values() {
        return Vec::new();
    }
    arg.get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .collect()
}

/// Clap's own `--help` has a long form when some help in its command does.
fn long_id(arg: &Arg) -> Option<&'static str> {
    match arg.get_id().as_str() {
        "help" if arg.get_long_help().is_some() => Some("help-flag-help-long"),
        _ => None,
    }
}

fn child(path: &[String], name: &str) -> Vec<String> {
    let mut path = path.to_vec();
    path.push(name.to_owned());
    path
}

/// A command's words for its ids. Every `help` command is one; `help totp set` shows `totp set`'s
/// about, its copies being named as the originals.
fn command_words(path: &[String]) -> Vec<&str> {
    match path.last() {
        Some(last) if last == "help" => vec!["help"],
        _ => path
            .iter()
            .map(String::as_str)
            .filter(|word| *word != "help")
            .collect(),
    }
}

fn about_id(path: &[String]) -> String {
    let words = command_words(path);
    if words.is_empty() {
        "help-about".to_owned()
    } else {
        format!("help-{}-about", words.join("-"))
    }
}

fn arg_id(path: &[String], arg: &Arg) -> String {
    let name = arg.get_id().as_str().replace('_', "-");
    match name.as_str() {
        "help" if arg.get_long_help().is_some() => return "help-flag-help-short".to_owned(),
        "help" | "version" => return format!("help-flag-{name}"),
        _ => {}
    }
    let words = command_words(path);
    if arg.is_global_set() || words.is_empty() {
        format!("help-arg-{name}")
    } else {
        format!("help-{}-arg-{name}", words.join("-"))
    }
}

fn value_id(arg_id: &str, value: &PossibleValue) -> String {
    format!("{arg_id}-value-{}", value.get_name())
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;
    use crate::cli::Cli;
    use crate::i18n::Language;

    #[test]
    fn every_command_and_argument_has_help_in_both_languages() {
        let wanted = ids(Cli::command());
        assert!(wanted.contains(&"help-add-arg-username".to_owned()));
        assert!(wanted.contains(&"help-totp-set-about".to_owned()));
        assert!(wanted.contains(&"help-arg-color-value-never".to_owned()));
        for language in [Language::English, Language::PortugueseBrazil] {
            let known: Vec<String> = i18n::ids(language).into_iter().map(|(id, _)| id).collect();
            let missing: Vec<&String> = wanted.iter().filter(|id| !known.contains(id)).collect();
            assert!(
                missing.is_empty(),
                "{}: no help for {missing:?}",
                language.name()
            );
            let _speaking = i18n::speak(language);
            for id in &wanted {
                assert!(!i18n::text(id, &[]).trim().is_empty(), "{id} is empty");
            }
        }
    }

    fn rendered(language: Language, path: &[&str]) -> String {
        let _speaking = i18n::speak(language);
        let mut command = localized(Cli::command());
        let mut at = &mut command;
        for name in path {
            at = at.find_subcommand_mut(name).expect("a command of the tree");
        }
        at.render_long_help().to_string()
    }

    #[test]
    fn help_speaks_the_language_of_the_moment() {
        let english = rendered(Language::English, &["add"]);
        assert!(english.contains("Usage: credview add"), "{english}");
        assert!(english.contains("The username (required)"), "{english}");
        assert!(english.contains("Options:"), "{english}");
        let portuguese = rendered(Language::PortugueseBrazil, &["add"]);
        assert!(portuguese.contains("Uso: credview add"), "{portuguese}");
        assert!(
            portuguese.contains("O usuário (obrigatório)"),
            "{portuguese}"
        );
        assert!(portuguese.contains("Opções:"), "{portuguese}");
        assert!(!portuguese.contains("Options:"), "{portuguese}");
        let code = rendered(Language::PortugueseBrazil, &["code"]);
        let arguments = code.find("Argumentos:\n  <CREDENTIAL>");
        let options = code.find("Opções:");
        assert!(arguments.is_some() && arguments < options, "{code}");
        let root = rendered(Language::PortugueseBrazil, &[]);
        assert!(root.contains("Comandos:"), "{root}");
        assert!(root.contains("- never:  Sem cores"), "{root}");
        assert!(root.contains("[padrão: auto]"), "{root}");
    }
}
