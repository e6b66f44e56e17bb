//! Ente Auth's plain-text export: Key URIs, one a line, with Ente's `codeDisplay` parameter
//! (URL-encoded JSON holding the entry's tags and note).

use percent_encoding::percent_decode_str;
use serde::Deserialize;

use super::{Format, ImportError, Input, Parsed, Password};

pub struct Ente;

#[derive(Deserialize, Default)]
#[serde(default)]
struct CodeDisplay {
    tags: Vec<String>,
    note: String,
}

impl Format for Ente {
    fn id(&self) -> &'static str {
        "ente"
    }

    fn name(&self) -> String {
        crate::t!("err-import-format-ente")
    }

    fn detect(&self, input: &Input) -> bool {
        super::uri_list::first_line(input)
            .is_some_and(|line| line.starts_with("otpauth://") && line.contains("codeDisplay="))
    }

    fn read(&self, input: &Input, _: &mut Password) -> Result<Parsed, ImportError> {
        let text = super::text(input)?;
        let mut parsed = super::uri_list::read_lines(text)?;
        let lines: Vec<&str> = text.lines().collect();
        for entry in parsed.entries.iter_mut().flatten() {
            let super::Place::Line(n) = entry.place else {
                continue;
            };
            let display = lines.get(n - 1).and_then(|line| code_display(line));
            if let Some(display) = display {
                entry.tags = display.tags;
                entry.notes = super::entry::non_empty(Some(&display.note));
            }
        }
        Ok(parsed)
    }
}

fn code_display(line: &str) -> Option<CodeDisplay> {
    let (_, query) = line.split_once('?')?;
    let value = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("codeDisplay="))?;
    let json = percent_decode_str(value).decode_utf8().ok()?;
    serde_json::from_str(&json).ok()
}
