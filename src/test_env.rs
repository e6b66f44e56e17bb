//! A fake environment for tests of code that takes `env: impl Fn(&str) -> Option<OsString>`.

use std::ffi::OsString;

pub fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<OsString> + 'a {
    move |name| {
        pairs
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| OsString::from(value))
    }
}
