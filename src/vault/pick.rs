//! Reading what a one-credential command needs from a large vault: the whole text is checked
//! for JSON syntax and id uniqueness (`skim`), and only the credentials the command could
//! mean are deserialised, by the same validating deserializer as always.
//!
//! Anything the quick check does not accept (an error, or a layout it does not read) stops it,
//! and the caller reads the whole vault as before, whose messages say what and where.

use std::fs::File;

use memchr::memmem::Finder;

use super::model::Credential;
use super::parse;
use super::skim::{self, Skim};
use super::stream::{Stop, Window};

/// The credentials a command names by `spec` (an id, or `username@hostname`) could be: the
/// one with that id, or those whose text holds the name's last part (or has escapes, so its
/// text may not spell it). Errors anywhere in the text stop the walk (`Stop::Unusual`).
pub(super) fn candidates(
    file: Option<&mut File>,
    bytes: &[u8],
    spec: &str,
) -> Result<Vec<Credential>, Stop> {
    let spec = spec.trim();
    let wanted = match spec.parse::<u64>() {
        Ok(id) => Wanted::Id(id),
        // `user@host` holds what follows its last `@` whether the name splits there or
        // earlier (a hostname with an `@`), or is a username alone.
        Err(_) => Wanted::Name(Box::new(
            Finder::new(spec.rsplit('@').next().unwrap_or(spec)).into_owned(),
        )),
    };
    let mut window = Window::new(file, bytes);
    let mut ids = Vec::new();
    let mut found = Vec::new();
    parse::reset();
    let walked = window.vault(&mut |window| {
        window.objects(&mut |window, index| {
            let (end, id, escaped) = loop {
                match skim::credential(window.rest()) {
                    Skim::Object { end, id, escaped } => break (end, id, escaped),
                    Skim::Short if window.more()? => {}
                    Skim::Short | Skim::Refused => return Err(Stop::Unusual),
                }
            };
            ids.push(id);
            let text = &window.rest()[..end];
            let named = match &wanted {
                Wanted::Id(wanted) => id == *wanted,
                Wanted::Name(part) => escaped || part.find(text).is_some(),
            };
            if named {
                parse::at_credential(index);
                let credential = serde_json::from_slice::<Credential>(text);
                found.push(credential.map_err(|_| Stop::Unusual)?);
            }
            window.advance(end);
            Ok(())
        })
    });
    parse::reset();
    walked?;
    // Sorted, a repeated id sits next to itself (vault order is often sorted already).
    ids.sort_unstable();
    if ids.windows(2).any(|pair| pair[0] == pair[1]) {
        return Err(Stop::Unusual);
    }
    Ok(found)
}

enum Wanted {
    Id(u64),
    Name(Box<Finder<'static>>),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::resolve::DEMO_VAULT;

    fn ids(text: &str, spec: &str) -> Option<Vec<u64>> {
        let found = candidates(None, text.as_bytes(), spec).ok()?;
        Some(found.iter().map(|c| c.id).collect())
    }

    #[test]
    fn an_id_reads_that_credential_alone() {
        assert_eq!(ids(DEMO_VAULT, "121"), Some(vec![121]));
        assert_eq!(ids(DEMO_VAULT, " 121 "), Some(vec![121]));
        assert_eq!(ids(DEMO_VAULT, "999"), Some(vec![]));
    }

    #[test]
    fn a_name_reads_the_credentials_whose_text_holds_it() {
        let found = ids(DEMO_VAULT, "root@srv-db-01").unwrap();
        assert!(found.contains(&101), "{found:?}");
        assert!(found.len() < 20, "{found:?}");
    }

    #[test]
    fn an_escaped_credential_is_always_read() {
        let text = r#"{"version": 1, "credentials": [
            {"id": 1, "username": "a", "device": {"hostname": "h\u0031"}},
            {"id": 2, "username": "b", "device": {"hostname": "h2"}}]}"#;
        assert_eq!(ids(text, "a@h1"), Some(vec![1]));
    }
}
