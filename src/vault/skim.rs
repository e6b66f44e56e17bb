//! A quick check of one credential's JSON: its syntax, its `id`, and whether any string in it
//! is escaped, without building anything. Commands that want one credential check the whole
//! vault this way and deserialise only the credentials that could be the one named.
//!
//! It is strict: whatever it does not read plainly (an escaped key, a deep nesting, an id that
//! is not a plain positive whole number, a repeated `id`) it refuses, and the caller leaves the
//! file to the full reader, which says what is wrong and where.

use super::plain;

/// What the check found in the object at the start of the text.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Skim {
    /// A whole JSON object `end` bytes long, with its top-level `id`; `escaped`: a string in it
    /// has a backslash escape, so its raw text may not spell what it holds.
    Object { end: usize, id: u64, escaped: bool },
    /// The text ends inside the object.
    Short,
    /// Not valid JSON, or not plain enough to judge here.
    Refused,
}

/// Deeper than this is left to the full reader (serde_json stops at 128).
const MAX_DEPTH: usize = 100;

/// What a byte inside a string means to the scan.
const PLAIN: u8 = 0;
const QUOTE: u8 = 1;
const BACKSLASH: u8 = 2;
const CONTROL: u8 = 3;
const NON_ASCII: u8 = 4;

static IN_STRING: [u8; 256] = {
    let mut table = [PLAIN; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = if byte < 0x20 {
            CONTROL
        } else if byte == b'"' as usize {
            QUOTE
        } else if byte == b'\\' as usize {
            BACKSLASH
        } else if byte >= 0x80 {
            NON_ASCII
        } else {
            PLAIN
        };
        byte += 1;
    }
    table
};

enum Fail {
    Short,
    Refused,
}

type Scan<T> = Result<T, Fail>;

/// Checks the JSON object that starts `text` (at its `{`).
pub(super) fn credential(text: &[u8]) -> Skim {
    let mut scan = Scanner {
        text,
        pos: 0,
        escaped: false,
        id: None,
    };
    match scan.object(1) {
        Ok(()) => match scan.id {
            Some(id) => Skim::Object {
                end: scan.pos,
                id,
                escaped: scan.escaped,
            },
            None => Skim::Refused,
        },
        Err(Fail::Short) => Skim::Short,
        Err(Fail::Refused) => Skim::Refused,
    }
}

struct Scanner<'a> {
    text: &'a [u8],
    pos: usize,
    escaped: bool,
    id: Option<u64>,
}

impl<'a> Scanner<'a> {
    /// The next byte that is not JSON whitespace, left in place.
    fn next_token(&mut self) -> Scan<u8> {
        while let Some(&byte) = self.text.get(self.pos) {
            match byte {
                // Indentation: runs of spaces, a block at a time.
                b' ' => self.pos += plain::space_run(self.text, self.pos).0.max(1),
                b'\n' | b'\r' | b'\t' => self.pos += 1,
                _ => return Ok(byte),
            }
        }
        Err(Fail::Short)
    }

    fn expect(&mut self, byte: u8) -> Scan<()> {
        if self.next_token()? == byte {
            self.pos += 1;
            Ok(())
        } else {
            Err(Fail::Refused)
        }
    }

    fn value(&mut self, depth: usize) -> Scan<()> {
        match self.next_token()? {
            b'{' => self.object(depth + 1),
            b'[' => self.array(depth + 1),
            b'"' => self.string().map(drop),
            b'-' | b'0'..=b'9' => self.number().map(drop),
            b't' => self.literal(b"true"),
            b'f' => self.literal(b"false"),
            b'n' => self.literal(b"null"),
            _ => Err(Fail::Refused),
        }
    }

    /// An object at `pos`; at depth 1 (the credential itself) it notes the `id`.
    fn object(&mut self, depth: usize) -> Scan<()> {
        if depth > MAX_DEPTH {
            return Err(Fail::Refused);
        }
        self.expect(b'{')?;
        if self.next_token()? == b'}' {
            self.pos += 1;
            return Ok(());
        }
        loop {
            if self.next_token()? != b'"' {
                return Err(Fail::Refused);
            }
            let key = self.string()?;
            // The full reader reads `"\u0069d"` as `id`: an escaped field name is its to judge.
            if depth == 1 && key.contains(&b'\\') {
                return Err(Fail::Refused);
            }
            self.expect(b':')?;
            if depth == 1 && key == b"id" {
                self.id_value()?;
            } else {
                self.value(depth)?;
            }
            match self.next_token()? {
                b',' => self.pos += 1,
                b'}' => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err(Fail::Refused),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Scan<()> {
        if depth > MAX_DEPTH {
            return Err(Fail::Refused);
        }
        self.expect(b'[')?;
        if self.next_token()? == b']' {
            self.pos += 1;
            return Ok(());
        }
        loop {
            self.value(depth)?;
            match self.next_token()? {
                b',' => self.pos += 1,
                b']' => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err(Fail::Refused),
            }
        }
    }

    /// The credential's `id`: a plain positive whole number that fits, given once.
    fn id_value(&mut self) -> Scan<()> {
        if self.id.is_some() || !self.next_token()?.is_ascii_digit() {
            return Err(Fail::Refused);
        }
        let digits = self.number()?;
        let id = std::str::from_utf8(digits)
            .ok()
            .filter(|text| text.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|text| text.parse::<u64>().ok())
            .filter(|&id| id > 0)
            .ok_or(Fail::Refused)?;
        self.id = Some(id);
        Ok(())
    }

    /// A string at `pos` (its opening quote); returns its raw content.
    fn string(&mut self) -> Scan<&'a [u8]> {
        self.pos += 1;
        let start = self.pos;
        // Most strings of a vault are short plain ASCII: their closing quote is in the first
        // block.
        let (run, block) = plain::string_run(self.text, start);
        if run < block && self.text.get(start + run) == Some(&b'"') {
            self.pos = start + run + 1;
            return Ok(&self.text[start..start + run]);
        }
        let mut ascii = true;
        loop {
            self.skip_plain_words();
            let Some(&byte) = self.text.get(self.pos) else {
                return Err(Fail::Short);
            };
            match IN_STRING[usize::from(byte)] {
                PLAIN => self.pos += 1,
                QUOTE => break,
                BACKSLASH => {
                    self.escaped = true;
                    self.escape()?;
                }
                NON_ASCII => {
                    ascii = false;
                    self.pos += 1;
                }
                _ => return Err(Fail::Refused),
            }
        }
        let text: &'a [u8] = self.text;
        let content = &text[start..self.pos];
        self.pos += 1;
        if !ascii && std::str::from_utf8(content).is_err() {
            return Err(Fail::Refused);
        }
        Ok(content)
    }

    /// Moves past plain string text (no quote, backslash, control or non-ASCII byte) a word
    /// at a time, up to the first byte that is not plain: most of a vault is such text.
    fn skip_plain_words(&mut self) {
        loop {
            let (run, block) = plain::string_run(self.text, self.pos);
            self.pos += run;
            if run < block {
                return;
            }
        }
    }

    /// A backslash escape at `pos`.
    fn escape(&mut self) -> Scan<()> {
        let Some(&kind) = self.text.get(self.pos + 1) else {
            return Err(Fail::Short);
        };
        match kind {
            b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => self.pos += 2,
            b'u' => {
                let hex = self
                    .text
                    .get(self.pos + 2..self.pos + 6)
                    .ok_or(Fail::Short)?;
                if !hex.iter().all(u8::is_ascii_hexdigit) {
                    return Err(Fail::Refused);
                }
                self.pos += 6;
            }
            _ => return Err(Fail::Refused),
        }
        Ok(())
    }

    /// A number at `pos`, as JSON spells one; returns its text. One that reaches the end of
    /// the text may go on past it, so it is short, not whole.
    fn number(&mut self) -> Scan<&'a [u8]> {
        let start = self.pos;
        if self.text.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        match self.text.get(self.pos) {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            Some(_) => return Err(Fail::Refused),
            None => return Err(Fail::Short),
        }
        if self.text.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            self.at_least_one_digit()?;
        }
        if matches!(self.text.get(self.pos), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.text.get(self.pos), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            self.at_least_one_digit()?;
        }
        match self.text.get(self.pos) {
            None => Err(Fail::Short),
            Some(_) => {
                let text: &'a [u8] = self.text;
                Ok(&text[start..self.pos])
            }
        }
    }

    fn digits(&mut self) {
        while self.text.get(self.pos).is_some_and(u8::is_ascii_digit) {
            self.pos += 1;
        }
    }

    fn at_least_one_digit(&mut self) -> Scan<()> {
        match self.text.get(self.pos) {
            Some(b'0'..=b'9') => {
                self.digits();
                Ok(())
            }
            Some(_) => Err(Fail::Refused),
            None => Err(Fail::Short),
        }
    }

    fn literal(&mut self, word: &[u8]) -> Scan<()> {
        let available = &self.text[self.pos..];
        if available.len() < word.len() {
            return if word.starts_with(available) {
                Err(Fail::Short)
            } else {
                Err(Fail::Refused)
            };
        }
        if !available.starts_with(word) {
            return Err(Fail::Refused);
        }
        self.pos += word.len();
        Ok(())
    }
}

#[cfg(test)]
#[path = "skim_tests.rs"]
mod tests;
