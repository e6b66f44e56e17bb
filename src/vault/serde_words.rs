//! serde's and serde_json's own English words in a reading error, in the user's language.
//! Values from the file are already cut out of `message` by the caller; only serde's fixed
//! phrases are recognised here, and anything else is left as it is.

/// serde_json's syntax errors, word for word, and the message saying each.
const SYNTAX: &[(&str, &str)] = &[
    ("EOF while parsing a list", "err-json-eof-list"),
    ("EOF while parsing an object", "err-json-eof-object"),
    ("EOF while parsing a string", "err-json-eof-string"),
    ("EOF while parsing a value", "err-json-eof-value"),
    ("expected `:`", "err-json-expected-colon"),
    ("expected `,` or `]`", "err-json-expected-comma-or-bracket"),
    ("expected `,` or `}`", "err-json-expected-comma-or-brace"),
    ("expected ident", "err-json-expected-ident"),
    ("expected value", "err-json-expected-value"),
    ("expected `\"`", "err-json-expected-quote"),
    ("invalid escape", "err-json-invalid-escape"),
    ("invalid number", "err-json-invalid-number"),
    ("number out of range", "err-json-number-out-of-range"),
    ("invalid unicode code point", "err-json-invalid-unicode"),
    (
        "control character (\\u0000-\\u001F) found while parsing a string",
        "err-json-control-character",
    ),
    ("key must be a string", "err-json-key-not-string"),
    (
        "lone leading surrogate in hex escape",
        "err-json-lone-surrogate",
    ),
    ("trailing comma", "err-json-trailing-comma"),
    ("trailing characters", "err-json-trailing-characters"),
    ("unexpected end of hex escape", "err-json-hex-escape-end"),
    ("recursion limit exceeded", "err-json-too-deep"),
];

/// serde's message (without its " at line N column M") in the current language.
pub(crate) fn translate(message: &str) -> String {
    if let Some((_, id)) = SYNTAX.iter().find(|(english, _)| *english == message) {
        return syntax(id);
    }
    if let Some(field) = message.strip_prefix("missing field ") {
        return crate::t!("err-json-missing-field", field = field);
    }
    if let Some(field) = message.strip_prefix("duplicate field ") {
        return crate::t!("err-json-duplicate-field", field = field);
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let known = rest
            .split_once(", expected one of ")
            .or_else(|| rest.split_once(", expected "));
        if let Some((field, known)) = known {
            let or = format!("` {} `", crate::t!("err-json-or"));
            let known = known.replace("` or `", &or);
            return crate::t!("err-json-unknown-field", field = field, known = known);
        }
        if let Some((field, _)) = rest.split_once(", there are no fields") {
            return crate::t!("err-json-unknown-field-none", field = field);
        }
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return crate::t!(
            "err-json-invalid-type",
            found = kind(found),
            expected = expectation(expected)
        );
    }
    if let Some(expected) = message.strip_prefix("a value of the wrong type, expected ") {
        return crate::t!("err-json-wrong-type", expected = expectation(expected));
    }
    if message == "a value of the wrong type" {
        return crate::t!("err-json-wrong-type-bare");
    }
    message.to_owned()
}

fn syntax(id: &str) -> String {
    // `t!` takes literal ids (so the catalogue tests can see them): one arm each.
    match id {
        "err-json-eof-list" => crate::t!("err-json-eof-list"),
        "err-json-eof-object" => crate::t!("err-json-eof-object"),
        "err-json-eof-string" => crate::t!("err-json-eof-string"),
        "err-json-eof-value" => crate::t!("err-json-eof-value"),
        "err-json-expected-colon" => crate::t!("err-json-expected-colon"),
        "err-json-expected-comma-or-bracket" => crate::t!("err-json-expected-comma-or-bracket"),
        "err-json-expected-comma-or-brace" => crate::t!("err-json-expected-comma-or-brace"),
        "err-json-expected-ident" => crate::t!("err-json-expected-ident"),
        "err-json-expected-value" => crate::t!("err-json-expected-value"),
        "err-json-expected-quote" => crate::t!("err-json-expected-quote"),
        "err-json-invalid-escape" => crate::t!("err-json-invalid-escape"),
        "err-json-invalid-number" => crate::t!("err-json-invalid-number"),
        "err-json-number-out-of-range" => crate::t!("err-json-number-out-of-range"),
        "err-json-invalid-unicode" => crate::t!("err-json-invalid-unicode"),
        "err-json-control-character" => crate::t!("err-json-control-character"),
        "err-json-key-not-string" => crate::t!("err-json-key-not-string"),
        "err-json-lone-surrogate" => crate::t!("err-json-lone-surrogate"),
        "err-json-trailing-comma" => crate::t!("err-json-trailing-comma"),
        "err-json-trailing-characters" => crate::t!("err-json-trailing-characters"),
        "err-json-hex-escape-end" => crate::t!("err-json-hex-escape-end"),
        _ => crate::t!("err-json-too-deep"),
    }
}

/// What serde found instead (already without the value itself).
fn kind(found: &str) -> String {
    match found {
        "a string" => crate::t!("err-json-kind-string"),
        "a number" => crate::t!("err-json-kind-number"),
        "boolean" => crate::t!("err-json-kind-boolean"),
        "map" => crate::t!("err-json-kind-map"),
        "sequence" => crate::t!("err-json-kind-sequence"),
        "null" | "unit" => crate::t!("err-json-kind-null"),
        other => other.to_owned(),
    }
}

/// serde's own names for what it expected; a reader's own `expecting` is translated already.
fn expectation(expected: &str) -> String {
    match expected {
        "" => String::new(),
        "a whole number" | "u8" | "u16" | "u32" | "u64" => crate::t!("err-json-kind-whole-number"),
        "a list" | "a sequence" => crate::t!("err-json-kind-list"),
        "true or false" | "a boolean" => crate::t!("err-json-kind-true-or-false"),
        "a string" => crate::t!("err-json-kind-string"),
        "a map" => crate::t!("err-json-kind-map"),
        other if other.starts_with("struct ") => crate::t!("err-json-kind-map"),
        other => other.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::translate;
    use crate::i18n::{Language, speak};

    #[test]
    fn english_keeps_serde_own_words() {
        for message in [
            "expected `,` or `}`",
            "missing field `id`",
            "unknown field `secert`, expected one of `secret`, `digits`",
            "invalid type: a string, expected a whole number",
            "EOF while parsing an object",
        ] {
            assert_eq!(translate(message), message);
        }
    }

    #[test]
    fn portuguese_says_them_in_portuguese_keeping_the_names() {
        let _pt = speak(Language::PortugueseBrazil);
        assert_eq!(
            translate("missing field `username`"),
            "falta o campo `username`"
        );
        assert_eq!(
            translate("unknown field `secert`, expected one of `secret`, `digits`"),
            "campo desconhecido `secert`; os campos aceitos são `secret`, `digits`"
        );
        assert_eq!(
            translate("invalid type: a string, expected a whole number"),
            "tipo inválido: um texto, esperado um número inteiro"
        );
        assert_eq!(translate("something serde says"), "something serde says");
    }
}
