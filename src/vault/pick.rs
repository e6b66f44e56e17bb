//! Reading what a one-credential command needs from a large vault: the whole text is checked
//! for JSON syntax and id uniqueness (`skim`), and only the credentials the command could
//! mean are deserialised, by the same validating deserializer as always.
//!
//! Anything the quick check does not accept (an error, or a layout it does not read) stops it,
//! and the caller reads the whole vault as before, whose messages say what and where.

use std::fs::File;
use std::os::unix::fs::FileExt;
use std::thread::{self, ScopedJoinHandle};

use memchr::memmem::Finder;
use zeroize::Zeroizing;

use super::model::Credential;
use super::parse;
use super::skim::{self, Skim};
use super::stream::{Stop, Window};

/// From this size a vault file is checked in two halves at once.
const SPLIT_FROM: u64 = 4 << 20;

/// The credentials a command names by `spec` (an id, or `username@hostname`) could be: the
/// one with that id, or those whose text holds the name's last part (or has escapes, so its
/// text may not spell it). Errors anywhere in the text stop the walk (`Stop::Unusual`).
///
/// A large file is checked in two halves at once: the second from a place that looks like the
/// start of a credential, near the middle. The first half's walk must then arrive at that very
/// place as the start of a credential in the list, which proves the guess (the second walk
/// began where the first would have been); otherwise the first walk goes on alone to the end.
pub(super) fn candidates(
    file: Option<&File>,
    bytes: &[u8],
    spec: &str,
) -> Result<Vec<Credential>, Stop> {
    let split = file.and_then(|file| split_point(file).map(|at| (file, at)));
    walk(file, bytes, &Wanted::new(spec), split)
}

/// The walk, in two halves when `split` is a file and a place in it to start the second at.
fn walk(
    file: Option<&File>,
    bytes: &[u8],
    wanted: &Wanted,
    split: Option<(&File, u64)>,
) -> Result<Vec<Credential>, Stop> {
    let mut window = Window::new(file, bytes);
    let mut first = Found::default();
    let walked = thread::scope(|scope| {
        let mut second = split.map(|(file, at)| {
            let half = scope.spawn(move || second_half(Window::at(Some(file), at, &[]), wanted));
            (at, half)
        });
        let walked = window.vault(&mut |window| {
            window.objects(&mut |window, index| {
                let Some((at, _)) = second.as_ref() else {
                    return first.visit(window, index, wanted);
                };
                if window.offset() != *at {
                    return first.visit(window, index, wanted);
                }
                // The guess is proven: the second walk takes over, up to the list's end.
                let Some((_, half)) = second.take() else {
                    return Err(Stop::Unusual);
                };
                let (rest, found) = joined(half)?;
                first.append(found, index - 1);
                *window = rest;
                Ok(())
            })
        });
        // A guess not proven: the second walk's work is dropped (and a panic in it with it).
        if let Some((_, half)) = second {
            drop(half.join());
        }
        walked
    });
    walked?;
    first.credentials()
}

/// The credentials from the window's `{` to the list's end, leaving the window at its `]`.
fn second_half<'a>(mut window: Window<'a>, wanted: &Wanted) -> Result<(Window<'a>, Found), Stop> {
    let mut found = Found::default();
    for index in 1.. {
        if window.skip_space()? != Some(b'{') {
            return Err(Stop::Unusual);
        }
        found.visit(&mut window, index, wanted)?;
        match window.skip_space()? {
            Some(b',') => window.advance(1),
            Some(b']') => break,
            _ => return Err(Stop::Unusual),
        }
    }
    Ok((window, found))
}

fn joined<'a>(
    half: ScopedJoinHandle<'_, Result<(Window<'a>, Found), Stop>>,
) -> Result<(Window<'a>, Found), Stop> {
    half.join().map_err(|_| Stop::Unusual)?
}

/// Where a credential seems to start near the middle of a large file: a `{` after `},` and
/// before a `"`, whitespace between. A guess, proven or not by the first half's walk.
fn split_point(file: &File) -> Option<u64> {
    let length = file.metadata().ok()?.len();
    if length < SPLIT_FROM {
        return None;
    }
    let middle = length / 2;
    let mut probe = Zeroizing::new(vec![0; 64 * 1024]);
    let read = file.read_at(&mut probe, middle).ok()?;
    let probe = &probe[..read];
    let space = |byte: &u8| matches!(byte, b' ' | b'\t' | b'\n' | b'\r');
    let next = |from: usize| {
        probe
            .get(from..)?
            .iter()
            .position(|b| !space(b))
            .map(|at| from + at)
    };
    memchr::memchr_iter(b',', probe).find_map(|comma| {
        let before = probe[..comma].iter().rposition(|b| !space(b))?;
        let open = next(comma + 1)?;
        let quote = next(open + 1)?;
        let plausible = probe[before] == b'}' && probe[open] == b'{' && probe[quote] == b'"';
        plausible.then_some(middle + open as u64)
    })
}

/// What a walk found: every id, and the text of each credential the command could mean, with
/// its place in the list.
#[derive(Default)]
struct Found {
    shapes: skim::Shapes,
    ids: Vec<u64>,
    texts: Vec<(usize, Zeroizing<Vec<u8>>)>,
}

impl Found {
    /// The credential at the window's `{`, checked; the window moves past it.
    fn visit(&mut self, window: &mut Window, index: usize, wanted: &Wanted) -> Result<(), Stop> {
        let (end, id, escaped) = loop {
            match self.shapes.credential(window.rest()) {
                Skim::Object { end, id, escaped } => break (end, id, escaped),
                Skim::Short if window.more()? => {}
                Skim::Short | Skim::Refused => return Err(Stop::Unusual),
            }
        };
        self.ids.push(id);
        let text = &window.rest()[..end];
        let named = match wanted {
            Wanted::Id(wanted) => id == *wanted,
            Wanted::Name(part) => escaped || part.find(text).is_some(),
        };
        if named {
            self.texts.push((index, Zeroizing::new(text.to_vec())));
        }
        window.advance(end);
        Ok(())
    }

    /// What a walk that started after `before` credentials found.
    fn append(&mut self, found: Found, before: usize) {
        self.ids.extend(found.ids);
        let texts = found.texts.into_iter();
        self.texts
            .extend(texts.map(|(index, text)| (index + before, text)));
    }

    /// The credentials named, deserialised by the validating deserializer; an error if an id
    /// is repeated anywhere.
    fn credentials(mut self) -> Result<Vec<Credential>, Stop> {
        // Sorted, a repeated id sits next to itself (vault order is often sorted already).
        self.ids.sort_unstable();
        if self.ids.windows(2).any(|pair| pair[0] == pair[1]) {
            return Err(Stop::Unusual);
        }
        parse::reset();
        let credentials = self
            .texts
            .iter()
            .map(|(index, text)| {
                parse::at_credential(*index);
                serde_json::from_slice::<Credential>(text).map_err(|_| Stop::Unusual)
            })
            .collect();
        parse::reset();
        credentials
    }
}

enum Wanted {
    Id(u64),
    Name(Box<Finder<'static>>),
}

impl Wanted {
    fn new(spec: &str) -> Self {
        let spec = spec.trim();
        match spec.parse::<u64>() {
            Ok(id) => Wanted::Id(id),
            // `user@host` holds what follows its last `@` whether the name splits there or
            // earlier (a hostname with an `@`), or is a username alone.
            Err(_) => Wanted::Name(Box::new(
                Finder::new(spec.rsplit('@').next().unwrap_or(spec)).into_owned(),
            )),
        }
    }
}

#[cfg(test)]
#[path = "pick_tests.rs"]
mod tests;
