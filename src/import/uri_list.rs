//! A list of `otpauth://` Key URIs, one a line; `#` comments and blank lines allowed.

use super::{Format, ImportError, Input, Parsed, Password, Place};

pub struct UriList;

impl Format for UriList {
    fn id(&self) -> &'static str {
        "otpauth"
    }

    fn name(&self) -> String {
        crate::t!("err-import-format-uri-list")
    }

    fn detect(&self, input: &Input) -> bool {
        first_line(input).is_some_and(|line| {
            let lower = line.get(..10).unwrap_or(line).to_ascii_lowercase();
            lower.starts_with("otpauth://") || lower.starts_with("steam://")
        })
    }

    fn read(&self, input: &Input, _: &mut Password) -> Result<Parsed, ImportError> {
        read_lines(super::text(input)?)
    }
}

/// The first line that is neither blank nor a comment.
pub(super) fn first_line<'a>(input: &Input<'a>) -> Option<&'a str> {
    let head = &input.bytes[..input.bytes.len().min(4096)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let text = match std::str::from_utf8(head) {
        Ok(text) => text,
        Err(e) => std::str::from_utf8(&head[..e.valid_up_to()]).ok()?,
    };
    text.lines()
        .map(str::trim)
        .find(|line| !line.is_empty() && !line.starts_with('#'))
}

/// Every Key URI line, each read on its own.
pub(super) fn read_lines(text: &str) -> Result<Parsed, ImportError> {
    let entries = text
        .lines()
        .enumerate()
        .map(|(index, line)| (Place::Line(index + 1), line.trim()))
        .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
        .map(|(place, line)| super::otpauth::parse(line, place))
        .collect();
    Ok(Parsed {
        entries,
        batches: Vec::new(),
    })
}
