//! Reading a vault one credential at a time, from a window on its text rather than all of it.
//!
//! The object around the credentials is walked here; each credential is read by the same
//! validating deserializer as the whole-text reader (`parse`), straight from the window. The
//! walk accepts only the plain layout, `{"version": 1, "credentials": [...]}` with the two keys
//! in either order; anything else, and any error, is left to the whole-text reader, whose
//! messages say where and what. So this path never accepts a file that one refuses.

use std::fs::File;
use std::io;
use std::os::unix::fs::FileExt;

use serde::de::IgnoredAny;
use zeroize::Zeroizing;

use super::model::Credential;
use super::parse;

/// How much of a file is read at a time.
const CHUNK: usize = 256 * 1024;

/// Why the walk stopped before the end.
pub(super) enum Stop {
    /// Not the plain layout, or an error in it: the whole-text reader must read it.
    Unusual,
    Io(io::Error),
    /// The receiver wants no more credentials.
    Cancelled,
}

/// Hands each credential of the text to `sink` as soon as it is read (`sink` returns false to
/// stop). `file`: the text is read from it a chunk at a time; else it is `bytes`.
pub(super) fn each(
    file: Option<&mut File>,
    bytes: &[u8],
    sink: &mut dyn FnMut(Credential) -> bool,
) -> Result<(), Stop> {
    let mut window = Window::new(file.map(|file| &*file), bytes);
    parse::reset();
    let walked = window.vault(&mut |window| window.credentials(sink));
    parse::reset();
    walked
}

pub(super) struct Window<'a> {
    /// Read at `next` (not at the file's own offset, so that two windows can read one file).
    file: Option<&'a File>,
    next: u64,
    /// Where in the file `buffer` starts.
    base: u64,
    /// What has been read of the file and not yet passed; `filled` bytes of it are text.
    /// Wiped when dropped, as the whole text is: it holds passwords and secrets.
    buffer: Zeroizing<Vec<u8>>,
    filled: usize,
    /// The whole text, when there is no file.
    bytes: &'a [u8],
    /// The next byte to look at.
    pos: usize,
}

impl<'a> Window<'a> {
    /// `file`: the text is read from it a chunk at a time; else it is `bytes`.
    pub(super) fn new(file: Option<&'a File>, bytes: &'a [u8]) -> Self {
        Self::at(file, 0, bytes)
    }

    /// A window on the file from byte `start`.
    pub(super) fn at(file: Option<&'a File>, start: u64, bytes: &'a [u8]) -> Self {
        // No bigger than the file: the buffer is wiped byte by byte when dropped.
        let size = file.as_ref().map_or(0, |file| {
            let length = file.metadata().map_or(u64::MAX, |m| {
                m.len().saturating_sub(start).saturating_add(1)
            });
            usize::try_from(length).map_or(2 * CHUNK, |length| length.clamp(1, 2 * CHUNK))
        });
        Window {
            buffer: Zeroizing::new(vec![0; size]),
            file,
            next: start,
            base: start,
            bytes,
            filled: 0,
            pos: 0,
        }
    }

    /// Where the next byte to look at is in the file (in `bytes` when there is no file).
    pub(super) fn offset(&self) -> u64 {
        self.base + self.pos as u64
    }

    /// The text in view, from the next byte to look at.
    pub(super) fn rest(&self) -> &[u8] {
        &self.text()[self.pos..]
    }

    /// Moves past `n` bytes of `rest`.
    pub(super) fn advance(&mut self, n: usize) {
        self.pos += n;
    }

    fn text(&self) -> &[u8] {
        if self.file.is_some() {
            &self.buffer[..self.filled]
        } else {
            self.bytes
        }
    }

    /// Reads more of the file, first dropping what lies before `pos`. False at its end.
    pub(super) fn more(&mut self) -> Result<bool, Stop> {
        let Some(file) = self.file else {
            return Ok(false);
        };
        self.buffer.copy_within(self.pos..self.filled, 0);
        self.filled -= self.pos;
        self.base += self.pos as u64;
        self.pos = 0;
        if self.filled == self.buffer.len() {
            // One credential larger than the window: a bigger one (the old one is wiped).
            let mut bigger = Zeroizing::new(vec![0; (2 * self.buffer.len()).max(CHUNK)]);
            bigger[..self.filled].copy_from_slice(&self.buffer[..self.filled]);
            self.buffer = bigger;
        }
        loop {
            match file.read_at(&mut self.buffer[self.filled..], self.next) {
                Ok(read) => {
                    self.filled += read;
                    self.next += read as u64;
                    return Ok(read > 0);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(Stop::Io(e)),
            }
        }
    }

    /// The next byte that is not JSON whitespace, left in place.
    pub(super) fn skip_space(&mut self) -> Result<Option<u8>, Stop> {
        loop {
            match self.text().get(self.pos).copied() {
                Some(b' ' | b'\t' | b'\n' | b'\r') => self.pos += 1,
                Some(byte) => return Ok(Some(byte)),
                None if self.more()? => {}
                None => return Ok(None),
            }
        }
    }

    fn eat(&mut self, byte: u8) -> Result<(), Stop> {
        if self.skip_space()? == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(Stop::Unusual)
        }
    }

    /// At least `n` bytes from `pos` in view, unless the text ends first.
    fn ensure(&mut self, n: usize) -> Result<(), Stop> {
        while self.text().len() - self.pos < n && self.more()? {}
        Ok(())
    }

    /// A key of the vault object, spelt plainly.
    fn key(&mut self, key: &[u8]) -> Result<bool, Stop> {
        self.ensure(key.len())?;
        let found = self.text()[self.pos..].starts_with(key);
        if found {
            self.pos += key.len();
        }
        Ok(found)
    }

    /// The vault object around the credentials; `list` walks their list, from its `[`.
    pub(super) fn vault(
        &mut self,
        list: &mut dyn FnMut(&mut Self) -> Result<(), Stop>,
    ) -> Result<(), Stop> {
        self.eat(b'{')?;
        let (mut version, mut credentials) = (false, false);
        loop {
            if self.skip_space()? != Some(b'"') {
                return Err(Stop::Unusual);
            }
            if !version && self.key(b"\"version\"")? {
                self.eat(b':')?;
                self.version()?;
                version = true;
            } else if !credentials && self.key(b"\"credentials\"")? {
                self.eat(b':')?;
                list(self)?;
                credentials = true;
            } else {
                return Err(Stop::Unusual);
            }
            match self.skip_space()? {
                Some(b',') => self.pos += 1,
                Some(b'}') => break,
                _ => return Err(Stop::Unusual),
            }
        }
        self.pos += 1;
        if version && credentials && self.skip_space()?.is_none() {
            Ok(())
        } else {
            Err(Stop::Unusual)
        }
    }

    fn version(&mut self) -> Result<(), Stop> {
        // A number is whole once what follows it is in view; a longer one fails the walk after.
        self.ensure(64)?;
        let text = &self.text()[self.pos..];
        let end = match read_one::<IgnoredAny>(text) {
            (Some(Ok(_)), end) if parse::version_ok(&text[..end]) => end,
            _ => return Err(Stop::Unusual),
        };
        self.pos += end;
        Ok(())
    }

    fn credentials(&mut self, sink: &mut dyn FnMut(Credential) -> bool) -> Result<(), Stop> {
        self.objects(&mut |window, index| {
            let credential = window.credential(index)?;
            if sink(credential) {
                Ok(())
            } else {
                Err(Stop::Cancelled)
            }
        })
    }

    /// The list of objects at `pos` (its `[`); `object` is called at each one's `{` with its
    /// 1-based place in the list, and moves past it.
    pub(super) fn objects(
        &mut self,
        object: &mut dyn FnMut(&mut Self, usize) -> Result<(), Stop>,
    ) -> Result<(), Stop> {
        self.eat(b'[')?;
        if self.skip_space()? == Some(b']') {
            self.pos += 1;
            return Ok(());
        }
        self.objects_from_here(object)
    }

    /// The rest of a list of objects, from the `{` of one of them to past the list's `]`;
    /// `index` counts from there.
    pub(super) fn objects_from_here(
        &mut self,
        object: &mut dyn FnMut(&mut Self, usize) -> Result<(), Stop>,
    ) -> Result<(), Stop> {
        for index in 1.. {
            if self.skip_space()? != Some(b'{') {
                return Err(Stop::Unusual);
            }
            object(self, index)?;
            match self.skip_space()? {
                Some(b',') => self.pos += 1,
                Some(b']') => break,
                _ => return Err(Stop::Unusual),
            }
        }
        self.pos += 1;
        Ok(())
    }

    /// The credential whose text starts at `pos`; read again with more text when it runs out.
    fn credential(&mut self, index: usize) -> Result<Credential, Stop> {
        loop {
            parse::at_credential(index);
            match read_one::<Credential>(&self.text()[self.pos..]) {
                (Some(Ok(credential)), end) => {
                    self.pos += end;
                    return Ok(credential);
                }
                // The window may end inside the credential, and a number cut short there can
                // look wrong: only an error inside a whole credential is one.
                (Some(Err(e)), _) if e.is_eof() || !self.whole_object() => {
                    parse::forget_current();
                    if !self.more()? {
                        return Err(Stop::Unusual);
                    }
                }
                _ => return Err(Stop::Unusual),
            }
        }
    }

    /// Whether the object at `pos` closes within the window (looked for only after an error).
    fn whole_object(&self) -> bool {
        let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
        for &byte in &self.text()[self.pos..] {
            match (in_string, byte) {
                (true, _) if escaped => escaped = false,
                (true, b'\\') => escaped = true,
                (true, b'"') | (false, b'"') => in_string = !in_string,
                (false, b'{' | b'[') => depth += 1,
                (false, b'}' | b']') => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return true;
                    }
                }
                _ => {}
            }
        }
        false
    }
}

/// The JSON value at the start of `text`, and where it ends.
fn read_one<T: serde::de::DeserializeOwned>(text: &[u8]) -> (Option<serde_json::Result<T>>, usize) {
    let mut values = serde_json::Deserializer::from_slice(text).into_iter::<T>();
    let value = values.next();
    (value, values.byte_offset())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::resolve::DEMO_VAULT;

    fn walk(text: &[u8]) -> Result<Vec<u64>, Stop> {
        let mut ids = Vec::new();
        each(None, text, &mut |c| {
            ids.push(c.id);
            true
        })
        .map(|()| ids)
    }

    /// A vault whose first read ends between the digits of the second credential's id.
    fn cut_at_first_window(id: &str) -> Vec<u8> {
        let head =
            "{\"version\": 1, \"credentials\": [{\"id\": 1, \"username\": \"a\", \"notes\": \"";
        let mut text = head.to_owned();
        let second = "\"}, {\"id\": ";
        let pad = 2 * CHUNK - head.len() - second.len() - 1;
        text.push_str(&"x".repeat(pad));
        text.push_str(second);
        text.push_str(id);
        text.push_str(", \"username\": \"b\"}]}");
        text.into_bytes()
    }

    #[test]
    fn a_credential_cut_by_the_window_is_read_whole() {
        let text = cut_at_first_window("12");
        let mut file = tempfile::tempfile().unwrap();
        std::io::Write::write_all(&mut file, &text).unwrap();
        std::io::Seek::rewind(&mut file).unwrap();
        let mut ids = Vec::new();
        let walked = each(Some(&mut file), &[], &mut |c| {
            ids.push(c.id);
            true
        });
        // Cut after its "1", the id would read as a duplicate of the first.
        assert!(walked.is_ok());
        assert_eq!(ids, [1, 12]);
    }

    #[test]
    fn the_plain_layout_is_read_here() {
        let ids = walk(DEMO_VAULT.as_bytes()).map_err(|_| "left to the whole-text reader");
        assert_eq!(ids.map(|ids| ids.len()), Ok(20));
    }
}
