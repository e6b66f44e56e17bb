//! Reading by shape against the grammar walk: the same answer for every credential, whether
//! its shape was known, new, or only looked known.

use super::super::walk;
use super::*;

/// The walk's answer, byte by byte: the reference.
fn walked(text: &[u8]) -> Skim {
    walk(text, blocks::classify_bytes)
}

/// The outcome by shape in each way this processor has; all must agree.
fn by_shape(shapes: &mut Shapes, text: &[u8]) -> Outcome {
    let plain = shapes.shape_plain(text);
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::is_x86_feature_detected as has;
        let bits = has!("bmi1") && has!("bmi2") && has!("lzcnt") && has!("popcnt");
        if bits && has!("avx2") {
            // SAFETY: the processor has what the function is compiled for.
            assert_eq!(unsafe { shapes.shape_avx2(text) }, plain);
        }
        if bits && has!("avx512bw") && has!("avx512vbmi2") {
            // SAFETY: as above.
            assert_eq!(unsafe { shapes.shape_vbmi2(text) }, plain);
        }
    }
    plain
}

/// Reads each credential of `list` (`{...}, {...}, ...`) by shape, learning as `Shapes` does,
/// and checks each answer against the walk's. Returns the outcomes.
fn read_all(shapes: &mut Shapes, list: &str) -> Vec<Outcome> {
    let mut text = list.as_bytes();
    let mut outcomes = Vec::new();
    loop {
        let start = text.iter().position(|&b| b == b'{').unwrap_or(text.len());
        text = &text[start..];
        if text.is_empty() {
            return outcomes;
        }
        let outcome = by_shape(shapes, text);
        let expected = walked(text);
        let answer = shapes.answer(outcome, text);
        assert_eq!(answer, expected, "{}", String::from_utf8_lossy(text));
        if let Outcome::Known(skim) = &outcome {
            assert_eq!(skim, &expected);
        }
        outcomes.push(outcome);
        match expected {
            Skim::Object { end, .. } => text = &text[end..],
            _ => return outcomes,
        }
    }
}

fn alike(id: u64, name: &str, tags: &[&str]) -> String {
    let tags: Vec<String> = tags.iter().map(|tag| format!("\"{tag}\"")).collect();
    format!(
        r#"{{
      "id": {id},
      "username": "{name}",
      "ia": "id",
      "tags": [{}],
      "device": {{ "hostname": "srv-{id}", "id": 3, "on": true, "ip": "10.0.0.{id}" }},
      "n": -1.5e3,
      "x": null
    }}"#,
        tags.join(", ")
    )
}

#[test]
fn a_credential_laid_out_like_one_before_is_read_by_its_shape() {
    let list: Vec<String> = (1..=40)
        .map(|id| {
            alike(
                id,
                &format!("user{id}"),
                &["prod", "web"][..(id % 2 + 1) as usize],
            )
        })
        .collect();
    let mut shapes = Shapes::default();
    let outcomes = read_all(&mut shapes, &list.join(",\n    "));
    assert_eq!(outcomes.len(), 40);
    // Two shapes (one tag or two), each walked once; every other credential by its shape.
    let new = outcomes.iter().filter(|o| matches!(o, Outcome::New { .. }));
    assert_eq!(new.count(), 2);
    let known = outcomes.iter().filter(|o| matches!(o, Outcome::Known(_)));
    assert_eq!(known.count(), 38);
    assert_eq!(shapes.known(), 2);
}

#[test]
fn the_id_is_the_number_after_the_credentials_own_id_key() {
    let first = r#"{"a": [1, {"id": 5}], "id": 7, "b": 2}"#;
    let second = r#"{"a": [10, {"id": 50}], "id": 70, "b": 20}"#;
    let mut shapes = Shapes::default();
    let outcomes = read_all(&mut shapes, &format!("{first}, {second}"));
    assert_eq!(
        outcomes[1],
        Outcome::Known(Skim::Object {
            end: second.len(),
            id: 70,
            escaped: false
        })
    );
}

#[test]
fn what_only_looks_like_a_known_shape_is_left_to_the_walk() {
    let base = r#"{"id": 1, "ix": 2, "s": "a", "t": true}"#;
    for (text, expected) in [
        // The same marked bytes, but a second `id` key: a new shape, which the walk refuses.
        (r#"{"id": 3, "id": 4, "s": "a", "t": true}"#, Skim::Refused),
        // A number that is not one, and an id that is not a plain whole number.
        (
            r#"{"id": 3, "ix": 0x2, "s": "a", "t": true}"#,
            Skim::Refused,
        ),
        (r#"{"id": 03, "ix": 2, "s": "a", "t": true}"#, Skim::Refused),
        (r#"{"id": 3, "ix": 2, "s": "a", "t": tru}"#, Skim::Refused),
        // A control byte in a string is marked where the shape has a number.
        (
            "{\"id\": 3, \"ix\": 2, \"s\": \"a\x01\", \"t\": true}",
            Skim::Refused,
        ),
    ] {
        let mut shapes = Shapes::default();
        read_all(&mut shapes, base);
        assert_eq!(shapes.known(), 1);
        let outcome = by_shape(&mut shapes, text.as_bytes());
        assert!(!matches!(outcome, Outcome::Known(_)), "{text}: {outcome:?}");
        assert_eq!(shapes.answer(outcome, text.as_bytes()), expected, "{text}");
    }
}

#[test]
fn escapes_are_left_to_the_walk_and_non_ascii_text_must_be_utf8() {
    let plain = r#"{"id": 1, "s": "abc"}"#;
    let escaped = r#"{"id": 2, "s": "a\"c"}"#;
    let accented = r#"{"id": 2, "s": "ação"}"#;
    let mut broken = br#"{"id": 2, "s": "a"#.to_vec();
    broken.extend([0xC3, 0x28]);
    broken.extend(br#""}"#);
    for (text, by_shape_alone) in [
        (escaped.as_bytes(), false),
        (accented.as_bytes(), true),
        (&broken[..], false),
    ] {
        let mut shapes = Shapes::default();
        read_all(&mut shapes, plain);
        let outcome = by_shape(&mut shapes, text);
        assert_eq!(matches!(outcome, Outcome::Known(_)), by_shape_alone);
        assert_eq!(shapes.answer(outcome, text), walked(text));
    }
    assert_eq!(walked(&broken), Skim::Refused);
}

#[test]
fn a_text_that_ends_inside_a_known_shape_is_short() {
    let whole = r#"{"id": 12, "tags": ["a", "b"], "ok": true, "n": 10}"#;
    let mut shapes = Shapes::default();
    read_all(&mut shapes, whole);
    for cut in 1..whole.len() {
        let text = &whole.as_bytes()[..cut];
        let outcome = by_shape(&mut shapes, text);
        assert_eq!(shapes.answer(outcome, text), Skim::Short, "cut at {cut}");
    }
}

/// Every one-byte change of a credential whose shape is known gets the walk's answer, in
/// three layouts across the blocks.
#[test]
fn every_one_byte_change_of_a_known_shape_gets_the_walks_answer() {
    let first = alike(1, "root", &["a", "b"]);
    let second = alike(22, "admin", &["c", "d"]);
    for pad in [0, 13, 61] {
        // Spaces after its `{` move every later byte along the blocks.
        let second = format!("{{{}{}", " ".repeat(pad), &second[1..]);
        let mut shapes = Shapes::default();
        read_all(&mut shapes, &first);
        let unchanged = by_shape(&mut shapes, second.as_bytes());
        assert!(matches!(unchanged, Outcome::Known(_)), "{unchanged:?}");
        for at in 0..second.len() {
            for byte in [
                b'"', b'\\', b'{', b'}', b'[', b']', b':', b',', b' ', b'1', b'x', b'd', 0x01, 0xC3,
            ] {
                let mut text = second.as_bytes().to_vec();
                text[at] = byte;
                let mut shapes = Shapes::default();
                read_all(&mut shapes, &first);
                let outcome = by_shape(&mut shapes, &text);
                let answer = shapes.answer(outcome, &text);
                assert_eq!(answer, walked(&text), "{at}: {}", text[at] as char);
            }
        }
    }
}

#[test]
fn shapes_stop_being_tried_when_few_are_known() {
    let mut shapes = Shapes::default();
    // Each credential a shape of its own: its id's bits as strings and empty objects.
    for id in 1..=TRIAL + 10 {
        let items: Vec<&str> = (0..11)
            .map(|bit| if id >> bit & 1 == 1 { "{}" } else { "\"s\"" })
            .collect();
        let credential = format!(r#"{{"id": {id}, "n": [{}]}}"#, items.join(", "));
        let text = credential.as_bytes();
        assert_eq!(shapes.credential_at(text, Level::Plain), walked(text));
    }
    assert_eq!(shapes.hits, 0);
    assert_eq!(shapes.tried, TRIAL);
}
