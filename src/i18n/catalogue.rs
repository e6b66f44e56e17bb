//! The Fluent bundles, one per language, built from the compiled-in `.ftl` files on first use.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use super::{Arg, Language};

/// Each catalogue file, by language: `(language, file name, text)`. Areas of the app keep
/// their own file; every file exists in both languages.
pub const FILES: &[(Language, &str, &str)] = &[
    (
        Language::English,
        "common.ftl",
        include_str!("../../locales/en/common.ftl"),
    ),
    (
        Language::English,
        "tui.ftl",
        include_str!("../../locales/en/tui.ftl"),
    ),
    (
        Language::English,
        "cli.ftl",
        include_str!("../../locales/en/cli.ftl"),
    ),
    (
        Language::English,
        "help.ftl",
        include_str!("../../locales/en/help.ftl"),
    ),
    (
        Language::English,
        "errors.ftl",
        include_str!("../../locales/en/errors.ftl"),
    ),
    (
        Language::PortugueseBrazil,
        "common.ftl",
        include_str!("../../locales/pt-BR/common.ftl"),
    ),
    (
        Language::PortugueseBrazil,
        "tui.ftl",
        include_str!("../../locales/pt-BR/tui.ftl"),
    ),
    (
        Language::PortugueseBrazil,
        "cli.ftl",
        include_str!("../../locales/pt-BR/cli.ftl"),
    ),
    (
        Language::PortugueseBrazil,
        "help.ftl",
        include_str!("../../locales/pt-BR/help.ftl"),
    ),
    (
        Language::PortugueseBrazil,
        "errors.ftl",
        include_str!("../../locales/pt-BR/errors.ftl"),
    ),
];

type Bundle = FluentBundle<FluentResource>;

fn bundle(language: Language) -> &'static Bundle {
    static ENGLISH: OnceLock<Bundle> = OnceLock::new();
    static PORTUGUESE: OnceLock<Bundle> = OnceLock::new();
    let cell = match language {
        Language::English => &ENGLISH,
        Language::PortugueseBrazil => &PORTUGUESE,
    };
    cell.get_or_init(|| build(language))
}

fn build(language: Language) -> Bundle {
    let id: LanguageIdentifier = language.name().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Isolation marks are for bidirectional text in GUIs; in a terminal they show as junk.
    bundle.set_use_isolating(false);
    for (_, _, text) in FILES.iter().filter(|(lang, _, _)| *lang == language) {
        // A file that does not parse keeps what did (the catalogue tests fail on it).
        let resource = FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(r, _)| r);
        // A duplicate id keeps the first (the catalogue tests fail on it too).
        let _ = bundle.add_resource(resource);
    }
    bundle
}

pub fn format(language: Language, id: &str, args: &[(&str, Arg)]) -> String {
    let bundle = bundle(language);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_owned();
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        let value = match value {
            Arg::Text(text) => FluentValue::from(text.as_ref()),
            Arg::Number(number) => FluentValue::from(*number),
        };
        fluent_args.set(*name, value);
    }
    let mut errors = Vec::new();
    let args = (!args.is_empty()).then_some(&fluent_args);
    bundle
        .format_pattern(pattern, args, &mut errors)
        .into_owned()
}

/// The message ids of one language's catalogue, with the file each is in.
pub fn ids(language: Language) -> Vec<(String, &'static str)> {
    let mut ids = Vec::new();
    for (_, file, text) in FILES.iter().filter(|(lang, _, _)| *lang == language) {
        let resource = FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(r, _)| r);
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(message) = entry {
                ids.push((message.id.name.to_owned(), *file));
            }
        }
    }
    ids
}
