//! The quick check against hand-written texts: what it reads, notes and refuses.

use super::*;

fn skim(text: &str) -> Skim {
    checked(text.as_bytes())
}

/// The check with each way of classifying the text this processor has; all must agree.
fn checked(text: &[u8]) -> Skim {
    let expected = walk(text, blocks::classify_bytes);
    #[cfg(target_arch = "x86_64")]
    {
        // SAFETY: SSE2 is part of x86-64; the others are used where the processor has them.
        assert_eq!(
            walk(text, |b| unsafe { blocks::classify_sse2(b) }),
            expected
        );
        let bits = std::arch::is_x86_feature_detected!("bmi2")
            && std::arch::is_x86_feature_detected!("lzcnt");
        if bits && std::arch::is_x86_feature_detected!("avx2") {
            assert_eq!(unsafe { credential_avx2(text) }, expected);
        }
        if bits && std::arch::is_x86_feature_detected!("avx512bw") {
            assert_eq!(unsafe { credential_avx512(text) }, expected);
        }
    }
    assert_eq!(credential(text), expected);
    expected
}

#[test]
fn a_plain_credential_is_read_with_its_id() {
    let text = r#"{"id": 7, "username": "root", "tags": ["a", "b"], "n": -1.5e+3,
        "device": {"hostname": "h", "x": [true, false, null, {}]}}, {"id": 8}"#;
    let end = text.find("}, {").map(|at| at + 1);
    assert_eq!(
        skim(text),
        Skim::Object {
            end: end.unwrap(),
            id: 7,
            escaped: false
        }
    );
}

#[test]
fn an_escape_anywhere_is_noted() {
    let text = r#"{"id": 7, "device": {"hostname": "h\u0041\n"}}"#;
    assert!(matches!(skim(text), Skim::Object { escaped: true, .. }));
}

#[test]
fn text_that_ends_inside_is_short() {
    let whole = r#"{"id": 12, "username": "r\u00e9", "ok": true, "n": 10}"#;
    for cut in 1..whole.len() {
        assert_eq!(skim(&whole[..cut]), Skim::Short, "cut at {cut}");
    }
}

#[test]
fn what_json_or_the_vault_refuses_is_refused() {
    for text in [
        r#"{"id": 1, "a": tru }"#,
        r#"{"id": 1, "a": 01}"#,
        r#"{"id": 1, "a": 1.}"#,
        r#"{"id": 1, "a": "\x"}"#,
        r#"{"id": 1, "a": "\u12g4"}"#,
        "{\"id\": 1, \"a\": \"tab\there\"}",
        r#"{"id": 1, "a": [1, 2,]}"#,
        r#"{"id": 1,}"#,
        r#"{"id": 1 "a": 2}"#,
        r#"{"id": 1, "a": 'x'}"#,
        r#"{"id": 0}"#,
        r#"{"id": -1}"#,
        r#"{"id": 1.0}"#,
        r#"{"id": "1"}"#,
        r#"{"id": 1, "id": 2}"#,
        r#"{"id": 99999999999999999999}"#,
        r#"{"username": "no id"}"#,
        r#"{"id": 1, "\u0069d": 2}"#,
    ] {
        assert_eq!(skim(text), Skim::Refused, "{text}");
    }
    let mut deep = String::from(r#"{"id": 1, "a": "#);
    deep.push_str(&"[".repeat(MAX_DEPTH + 1));
    deep.push_str(&"]".repeat(MAX_DEPTH + 1));
    deep.push('}');
    assert_eq!(skim(&deep), Skim::Refused);
}

#[test]
fn invalid_utf8_in_a_string_is_refused() {
    let mut text = br#"{"id": 1, "a": "x"#.to_vec();
    text.extend([0xC3, 0x28]);
    text.extend(br#""}"#);
    assert_eq!(checked(&text), Skim::Refused);
}

/// Every way of classifying agrees on every one-byte change of a credential: small texts take
/// the SSE2 walk in use, whose results the vault tests hold against the full reader.
#[test]
fn the_walks_agree_on_every_one_byte_change() {
    let whole = r#"{"id": 12, "username": "r\u00e9", "tags": ["a", "b"], "device": {"ip": "10.0.0.1",
        "x": [true, {"k": null}]}, "n": -1.5e3, "id2": "\"id\"", "last": "é"}, {"id": 13}"#;
    let whole = whole.as_bytes();
    for at in 0..whole.len() {
        for byte in [
            b'"', b'\\', b'{', b'}', b'[', b']', b':', b',', b' ', b'1', b'a', 0x01, 0xC3,
        ] {
            let mut text = whole.to_vec();
            text[at] = byte;
            checked(&text);
        }
    }
}
