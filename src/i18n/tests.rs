use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_bundle::FluentResource;
use fluent_syntax::ast;

use super::*;

const LANGUAGES: [Language; 2] = [Language::English, Language::PortugueseBrazil];

#[test]
fn every_catalogue_file_parses() {
    for (language, file, text) in FILES {
        if let Err((_, errors)) = FluentResource::try_new((*text).to_owned()) {
            panic!("locales/{}/{file}: {errors:?}", language.name());
        }
    }
}

#[test]
fn both_languages_have_the_same_files_and_the_same_ids_in_each() {
    let files = |language: Language| -> BTreeMap<String, BTreeSet<String>> {
        let mut files: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (_, file, _) in FILES.iter().filter(|(l, _, _)| *l == language) {
            files.entry((*file).to_owned()).or_default();
        }
        for (id, file) in ids(language) {
            let fresh = files.entry(file.to_owned()).or_default().insert(id.clone());
            assert!(fresh, "{id} is twice in locales/{}/{file}", language.name());
        }
        files
    };
    let english = files(Language::English);
    let portuguese = files(Language::PortugueseBrazil);
    assert_eq!(
        english.keys().collect::<Vec<_>>(),
        portuguese.keys().collect::<Vec<_>>()
    );
    for (file, ids) in &english {
        let other = &portuguese[file];
        let only_en: Vec<_> = ids.difference(other).collect();
        let only_pt: Vec<_> = other.difference(ids).collect();
        assert!(
            only_en.is_empty() && only_pt.is_empty(),
            "{file}: only in en: {only_en:?}; only in pt-BR: {only_pt:?}"
        );
    }
    let mut all = BTreeSet::new();
    for id in english.values().flatten() {
        assert!(all.insert(id), "{id} is in two files");
    }
}

/// The `$variables` a message uses, by id.
fn variables(language: Language) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for (_, _, text) in FILES.iter().filter(|(l, _, _)| *l == language) {
        let resource = FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(r, _)| r);
        for entry in resource.entries() {
            if let ast::Entry::Message(message) = entry {
                let mut names = BTreeSet::new();
                if let Some(pattern) = &message.value {
                    collect(pattern, &mut names);
                }
                out.insert(message.id.name.to_owned(), names);
            }
        }
    }
    out
}

fn collect(pattern: &ast::Pattern<&str>, names: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_names(expression, names);
        }
    }
}

fn expression_names(expression: &ast::Expression<&str>, names: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_names(selector, names);
            for variant in variants {
                collect(&variant.value, names);
            }
        }
        ast::Expression::Inline(inline) => inline_names(inline, names),
    }
}

fn inline_names(inline: &ast::InlineExpression<&str>, names: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            names.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => expression_names(expression, names),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_names(argument, names);
            }
        }
        _ => {}
    }
}

#[test]
fn a_message_takes_the_same_arguments_in_both_languages() {
    let english = variables(Language::English);
    let portuguese = variables(Language::PortugueseBrazil);
    for (id, names) in &english {
        if let Some(other) = portuguese.get(id) {
            assert_eq!(names, other, "{id} takes other arguments in pt-BR");
        }
    }
}

/// Every `.rs` file under `src/`, as text.
fn sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<(String, String)>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs")
                && !path.ends_with("i18n/tests.rs")
            {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                out.push((path.display().to_string(), text));
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    out
}

/// Ids the code builds rather than names (`help-<command>-<arg>` for the `--help` text).
fn built_ids() -> BTreeSet<String> {
    use clap::CommandFactory;
    crate::cli::help::ids(crate::cli::Cli::command())
        .into_iter()
        .collect()
}

#[test]
fn every_catalogue_entry_is_used_by_the_code() {
    let sources = sources();
    let built = built_ids();
    let unused: Vec<String> = ids(Language::English)
        .into_iter()
        .map(|(id, _)| id)
        .filter(|id| !built.contains(id))
        .filter(|id| {
            let quoted = format!("\"{id}\"");
            !sources.iter().any(|(_, text)| text.contains(&quoted))
        })
        .collect();
    assert!(
        unused.is_empty(),
        "catalogue entries no code uses: {unused:?}"
    );
}

#[test]
fn every_message_the_code_asks_for_is_in_the_catalogue() {
    let known: BTreeSet<String> = ids(Language::English)
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let mut missing = Vec::new();
    for (path, text) in sources() {
        let code: Vec<&str> = text
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
            .collect();
        let code = code.join("\n");
        for (at, _) in code.match_indices("t!(") {
            let before = code[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue; // format!, print! and the like
            }
            let Some(quoted) = code[at + 3..].trim_start().strip_prefix('"') else {
                continue;
            };
            let id = quoted.split('"').next().unwrap_or_default();
            if !known.contains(id) {
                missing.push(format!("{path}: {id}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "asked for but not in the catalogue: {missing:?}"
    );
}

#[test]
fn a_thread_can_speak_another_language_for_a_while() {
    assert_eq!(current(), Language::English);
    {
        let _pt = speak(Language::PortugueseBrazil);
        assert_eq!(t!("value-not-one-of", names = "a, b"), "não é um de a, b");
    }
    assert_eq!(t!("value-not-one-of", names = "a, b"), "not one of a, b");
}

#[test]
fn an_unknown_id_shows_as_itself() {
    assert_eq!(text("no-such-message", &[]), "no-such-message");
}

#[test]
fn both_languages_are_loaded() {
    for language in LANGUAGES {
        let _speaking = speak(language);
        assert_ne!(t!("value-not-one-of", names = "x"), "value-not-one-of");
    }
}
