//! The parts of the text the block walk does not judge by its marks: numbers and literals
//! (checked byte by byte, with what ends them), and the rare string with an escape or a
//! non-ASCII character (its escapes and its UTF-8 checked byte by byte).

use super::{Fail, Scan};

/// Whether a byte may end a number or a literal: whitespace, a structural byte or a quote.
/// Any other byte would belong to it.
fn ends_scalar(byte: u8) -> bool {
    matches!(
        byte,
        b' ' | b'\t' | b'\n' | b'\r' | b'{' | b'}' | b'[' | b']' | b':' | b',' | b'"'
    )
}

/// The number or literal at `pos`; returns where it ends. One that reaches the end of the text
/// may go on past it, so it is short, not whole.
pub(super) fn scalar(text: &[u8], pos: usize) -> Scan<usize> {
    let end = match text.get(pos) {
        Some(b'-' | b'0'..=b'9') => number(text, pos)?,
        Some(b't') => literal(text, pos, b"true")?,
        Some(b'f') => literal(text, pos, b"false")?,
        Some(b'n') => literal(text, pos, b"null")?,
        Some(_) => return Err(Fail::Refused),
        None => return Err(Fail::Short),
    };
    match text.get(end) {
        Some(&byte) if ends_scalar(byte) => Ok(end),
        Some(_) => Err(Fail::Refused),
        None => Err(Fail::Short),
    }
}

/// A number as JSON spells one, without what ends it.
fn number(text: &[u8], mut pos: usize) -> Scan<usize> {
    if text.get(pos) == Some(&b'-') {
        pos += 1;
    }
    match text.get(pos) {
        Some(b'0') => pos += 1,
        Some(b'1'..=b'9') => pos = digits(text, pos),
        Some(_) => return Err(Fail::Refused),
        None => return Err(Fail::Short),
    }
    if text.get(pos) == Some(&b'.') {
        pos = at_least_one_digit(text, pos + 1)?;
    }
    if matches!(text.get(pos), Some(b'e' | b'E')) {
        pos += 1;
        if matches!(text.get(pos), Some(b'+' | b'-')) {
            pos += 1;
        }
        pos = at_least_one_digit(text, pos)?;
    }
    Ok(pos)
}

fn digits(text: &[u8], mut pos: usize) -> usize {
    while text.get(pos).is_some_and(u8::is_ascii_digit) {
        pos += 1;
    }
    pos
}

fn at_least_one_digit(text: &[u8], pos: usize) -> Scan<usize> {
    match text.get(pos) {
        Some(b'0'..=b'9') => Ok(digits(text, pos)),
        Some(_) => Err(Fail::Refused),
        None => Err(Fail::Short),
    }
}

fn literal(text: &[u8], pos: usize, word: &[u8]) -> Scan<usize> {
    let available = &text[pos..];
    if available.starts_with(word) {
        Ok(pos + word.len())
    } else if word.starts_with(available) {
        Err(Fail::Short)
    } else {
        Err(Fail::Refused)
    }
}

/// A credential's `id`: a plain positive whole number that fits (no sign, no leading zero, no
/// fraction or exponent).
pub(super) fn id(text: &[u8], pos: usize) -> Scan<u64> {
    if !matches!(text.get(pos), Some(b'1'..=b'9')) {
        return Err(Fail::Refused);
    }
    let mut id: u64 = 0;
    let mut end = pos;
    while let Some(&digit @ b'0'..=b'9') = text.get(end) {
        id = id
            .checked_mul(10)
            .and_then(|id| id.checked_add(u64::from(digit - b'0')))
            .ok_or(Fail::Refused)?;
        end += 1;
    }
    match text.get(end) {
        Some(&byte) if ends_scalar(byte) => Ok(id),
        Some(_) => Err(Fail::Refused),
        None => Err(Fail::Short),
    }
}

/// The string whose opening quote is at `open`, byte by byte: its escapes valid, its text
/// UTF-8, no raw control byte. Returns whether it has an escape.
pub(super) fn string(text: &[u8], open: usize) -> Scan<bool> {
    let start = open + 1;
    let mut pos = start;
    let mut escaped = false;
    loop {
        match text.get(pos) {
            None => return Err(Fail::Short),
            Some(b'"') => break,
            Some(b'\\') => {
                escaped = true;
                pos = escape(text, pos)?;
            }
            Some(0x00..=0x1F) => return Err(Fail::Refused),
            Some(_) => pos += 1,
        }
    }
    match std::str::from_utf8(&text[start..pos]) {
        Ok(_) => Ok(escaped),
        Err(_) => Err(Fail::Refused),
    }
}

/// The backslash escape at `pos`; returns where it ends.
fn escape(text: &[u8], pos: usize) -> Scan<usize> {
    match text.get(pos + 1) {
        None => Err(Fail::Short),
        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => Ok(pos + 2),
        Some(b'u') => {
            let hex = text.get(pos + 2..pos + 6).ok_or(Fail::Short)?;
            if hex.iter().all(u8::is_ascii_hexdigit) {
                Ok(pos + 6)
            } else {
                Err(Fail::Refused)
            }
        }
        Some(_) => Err(Fail::Refused),
    }
}
