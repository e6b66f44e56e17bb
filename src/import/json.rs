//! JSON exports: a quick look at the top-level keys for detection, and reading with the
//! line and column of what is wrong.

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::{ImportError, Input};

/// The top-level object's value, when the file is a JSON object (or array, under "[]").
pub(super) fn top(input: &Input) -> Option<Wiped> {
    let start = input.bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    if !matches!(input.bytes[start], b'{' | b'[') {
        return None;
    }
    serde_json::from_slice(input.bytes).ok().map(Wiped)
}

/// A JSON value from an export, whose strings (secrets, Key URIs) are wiped when it goes.
pub(super) struct Wiped(pub Value);

impl std::ops::Deref for Wiped {
    type Target = Value;

    fn deref(&self) -> &Value {
        &self.0
    }
}

impl Drop for Wiped {
    fn drop(&mut self) {
        wipe(&mut self.0);
    }
}

/// Zeroes every string in `value`, however deep.
pub(super) fn wipe(value: &mut Value) {
    use zeroize::Zeroize;
    match value {
        Value::String(text) => text.zeroize(),
        Value::Array(items) => items.iter_mut().for_each(wipe),
        Value::Object(map) => map.values_mut().for_each(wipe),
        _ => {}
    }
}

/// Whether the top-level object has every one of `keys`.
pub(super) fn has_keys(value: &Value, keys: &[&str]) -> bool {
    value
        .as_object()
        .is_some_and(|object| keys.iter().all(|key| object.contains_key(*key)))
}

/// Reads the whole file as `T`; a mistake is reported with its line and column.
pub(super) fn read<T: DeserializeOwned>(input: &Input) -> Result<T, ImportError> {
    let text = super::text(input)?;
    let mut deserializer = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let inner = e.inner();
        let path = e.path().to_string();
        let what = match inner.classify() {
            serde_json::error::Category::Eof => crate::t!("err-import-json-eof"),
            serde_json::error::Category::Syntax => crate::t!("err-import-json-invalid"),
            _ => safe_message(&inner.to_string()),
        };
        let line = inner.line().to_string();
        let column = inner.column().to_string();
        let place = if path == "." {
            crate::t!("err-import-json-place", line = line, column = column)
        } else {
            crate::t!(
                "err-import-json-place-path",
                line = line,
                column = column,
                path = path
            )
        };
        ImportError::new(format!("{place}: {what}"))
    })
}

/// serde's own words when they cannot hold a value from the file (which may be a secret).
fn safe_message(text: &str) -> String {
    let text = text.rfind(" at line ").map_or(text, |cut| &text[..cut]);
    if text.starts_with("missing field") {
        return crate::vault::serde_words::translate(text);
    }
    let expected = text.find(", expected").map_or("", |at| &text[at..]);
    crate::vault::serde_words::translate(&format!("a value of the wrong type{expected}"))
}

/// An entry's serde error without any value from the file.
pub(super) fn short(error: &serde_json::Error) -> String {
    safe_message(&error.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wiping_empties_every_string_however_deep() {
        let mut value = serde_json::json!({
            "secret": "JBSWY3DPEHPK3PXP",
            "entries": [{"info": {"secret": "GEZDGNBVGY3TQOJQ", "digits": 6}}, "otpauth://x"],
        });
        wipe(&mut value);
        let expected = serde_json::json!({
            "secret": "",
            "entries": [{"info": {"secret": "", "digits": 6}}, ""],
        });
        assert_eq!(value, expected);
    }
}
