//! What a one-credential command reads: by id, by name, and the same whichever place the
//! second half of a split walk starts at.

use std::io::Write;

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

fn file_of(text: &str) -> File {
    let mut file = tempfile::tempfile().unwrap();
    file.write_all(text.as_bytes()).unwrap();
    file
}

/// The ids found with the second half started at `split`, or `None` for an error.
fn split_ids(file: &File, spec: &str, split: Option<u64>) -> Option<Vec<u64>> {
    let split = split.map(|at| (file, at));
    let found = walk(Some(file), &[], &Wanted::new(spec), split).ok()?;
    Some(found.iter().map(|c| c.id).collect())
}

/// Whatever place the second walk starts at (inside a string, a number, a nested object, the
/// vault object around the list), the result is the one walk's. Every place, or every `{` and
/// every `step`th byte.
fn same_from_places(text: &str, specs: &[&str], step: usize) {
    let file = file_of(text);
    let places =
        (0..=text.len() + 1).filter(|&at| at % step == 0 || text.as_bytes().get(at) == Some(&b'{'));
    let alone: Vec<_> = specs
        .iter()
        .map(|spec| split_ids(&file, spec, None))
        .collect();
    for at in places {
        for (spec, alone) in specs.iter().zip(&alone) {
            let split = split_ids(&file, spec, Some(at as u64));
            assert_eq!(&split, alone, "{spec} from byte {at}");
        }
    }
}

fn same_from_every_place(text: &str, specs: &[&str]) {
    same_from_places(text, specs, 1);
}

#[test]
fn the_demo_vault_reads_the_same_from_any_split() {
    same_from_places(DEMO_VAULT, &["121", "999", "root@srv-db-01"], 17);
}

/// Text that looks like the start of a credential, inside a string and in a nested list.
const LOOKALIKES: &str = r#"{"credentials": [
    {"id": 1, "username": "a", "notes": "x\"},\n {\"id\": 2, \"username\": \"b\"}"},
    {"id": 3, "username": "c", "extra": [{"id": 4}, {"id": 5, "username": "d"}]},
    {"id": 6, "username": "e", "notes": "}, {\"id\": 3"},
    {"id": 7, "username": "f"}
], "version": 1}"#;

#[test]
fn lookalike_starts_read_the_same_from_any_split() {
    same_from_every_place(LOOKALIKES, &["1", "2", "4", "7", "b@x", "f@y"]);
    let file = file_of(LOOKALIKES);
    assert_eq!(split_ids(&file, "7", None), Some(vec![7]));
    assert_eq!(split_ids(&file, "2", None), Some(vec![]));
}

#[test]
fn an_error_in_either_half_is_found_from_any_split() {
    let repeated = r#"{"version": 1, "credentials": [
        {"id": 1, "username": "a"}, {"id": 2, "username": "b"},
        {"id": 3, "username": "c"}, {"id": 1, "username": "d"}]}"#;
    let broken = r#"{"version": 1, "credentials": [
        {"id": 1, "username": "a"}, {"id": 2, "username": "b"},
        {"id": 3, "username": "c"}, {"id": 4, "username": "d",}]}"#;
    let after = r#"{"version": 1, "credentials": [
        {"id": 1, "username": "a"}, {"id": 2, "username": "b"}], "version": 2}"#;
    for text in [repeated, broken, after] {
        assert_eq!(split_ids(&file_of(text), "1", None), None, "{text}");
        same_from_every_place(text, &["1", "3"]);
    }
}

#[test]
fn a_split_is_guessed_only_in_a_large_file_and_at_a_likely_start() {
    let small = file_of(DEMO_VAULT);
    assert_eq!(split_point(&small), None);
    let credential = r#"{"id": ID, "username": "u", "password": "},{\"x"},
    "#;
    let mut text = String::from(r#"{"version": 1, "credentials": ["#);
    let mut id = 1;
    while text.len() < SPLIT_FROM as usize + 1000 {
        text.push_str(&credential.replace("ID", &id.to_string()));
        id += 1;
    }
    text.push_str(r#"{"id": 0}]}"#);
    let file = file_of(&text);
    let at = split_point(&file).unwrap() as usize;
    assert!(at >= text.len() / 2, "{at}");
    assert!(
        text[at..].starts_with(r#"{"id": "#),
        "{}",
        &text[at..at + 20]
    );
}
