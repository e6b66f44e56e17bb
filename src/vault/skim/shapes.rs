//! Most credentials in a vault are laid out alike: the same fields in the same order, so the
//! same sequence of marked bytes (their *shape*). Once the grammar walk has accepted a shape,
//! a credential of that very shape needs no walk: the blocks' masks find where it ends (by
//! counting brackets), its marked bytes are gathered into a byte string and looked up among
//! the shapes walked before, and only its numbers and literals are read.
//!
//! A shape is the marked bytes themselves, except that the first byte of a number or literal
//! (or any other byte the walk would judge) becomes `x`, and the opening quote of `"id"`
//! becomes `I` (the walk reads the credential's `id` by that key). The walk's answer depends
//! on nothing else in a text without escapes (and whose non-ASCII bytes are UTF-8), so equal
//! shapes get equal answers; any other text is left to the walk.

use std::collections::HashMap;

use super::blocks::{self, BLOCK, Carry, Classes, Marks};
use super::gather::{Gather, WIDE, gather_plain, id_quotes_plain};
use super::{Level, Skim, gather, level, scalars};

/// The longest shape looked up, in marked bytes (a typical credential has 60 to 100).
const LONGEST: usize = 256;
/// The most numbers and literals a shape may have.
const SCALARS: usize = 16;
/// At most this many shapes are kept (about 100 bytes each).
const KEPT: usize = 4096;
/// After this many credentials, shapes are no longer tried if fewer than half were known.
const TRIAL: u32 = 1024;

/// The shapes a walk has accepted, and the work space to read the next credential's.
pub(in crate::vault) struct Shapes {
    known: HashMap<Box<[u8]>, Shape, foldhash::fast::FixedState>,
    tried: u32,
    /// Credentials read by a known shape.
    hits: u32,
    shape: [u8; LONGEST + BLOCK],
    /// The text's last bytes, padded.
    tail: [u8; WIDE],
}

/// What is known of an accepted shape: which of its numbers is the credential's `id`.
#[derive(Clone, Copy)]
struct Shape {
    id: u8,
}

impl Default for Shapes {
    fn default() -> Self {
        Shapes {
            known: HashMap::default(),
            tried: 0,
            hits: 0,
            shape: [0; LONGEST + BLOCK],
            tail: [0; WIDE],
        }
    }
}

/// What the shape of the credential at the start of a text told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    /// A known shape, its numbers read: the answer.
    Known(Skim),
    /// A plain text ending at `end`, of a shape not seen before: `length` marked bytes.
    New { length: usize, end: usize },
    /// Something only the walk can judge.
    Unsure,
}

impl Shapes {
    /// The same answer as `super::credential(text)`.
    pub(in crate::vault) fn credential(&mut self, text: &[u8]) -> Skim {
        let level = level(text.len());
        // A small vault is walked: learning its shapes would cost more than it saves.
        if level == Level::Plain {
            return super::credential(text);
        }
        self.credential_at(text, level)
    }

    /// The same, classifying as `level` says.
    fn credential_at(&mut self, text: &[u8], level: Level) -> Skim {
        if self.tried >= TRIAL && self.hits < self.tried / 2 {
            return super::credential(text);
        }
        self.tried = self.tried.saturating_add(1);
        let outcome = match level {
            // SAFETY: the processor has AVX-512BW, VBMI2 and the bit instructions.
            #[cfg(target_arch = "x86_64")]
            Level::Avx512 { vbmi2: true } => unsafe { self.shape_vbmi2(text) },
            // SAFETY: the processor has AVX2 and the bit instructions.
            #[cfg(target_arch = "x86_64")]
            Level::Avx512 { vbmi2: false } | Level::Avx2 => unsafe { self.shape_avx2(text) },
            Level::Plain => self.shape_plain(text),
        };
        self.answer(outcome, text)
    }

    fn answer(&mut self, outcome: Outcome, text: &[u8]) -> Skim {
        let (length, end) = match outcome {
            Outcome::Known(skim) => {
                self.hits += 1;
                return skim;
            }
            Outcome::Unsure => return super::credential(text),
            Outcome::New { length, end } => (length, end),
        };
        let skim = super::credential(text);
        // The walk accepted it: that shape is now known.
        if matches!(skim, Skim::Object { end: walked, escaped: false, .. } if walked == end)
            && self.known.len() < KEPT
            && let Some(id) = id_among_scalars(&self.shape[..length])
        {
            let shape = Box::from(&self.shape[..length]);
            self.known.insert(shape, Shape { id });
        }
        skim
    }

    fn shape_plain(&mut self, text: &[u8]) -> Outcome {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: SSE2 is part of x86-64 itself.
        let classify = |block: &[u8; BLOCK]| unsafe { blocks::classify_sse2(block) };
        #[cfg(not(target_arch = "x86_64"))]
        let classify = blocks::classify_bytes;
        self.gathered_one_by_one(text, classify)
    }

    /// The same, compiled for AVX2.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,bmi1,bmi2,lzcnt,popcnt")]
    fn shape_avx2(&mut self, text: &[u8]) -> Outcome {
        self.gathered_one_by_one(text, |block| blocks::classify_avx2(block))
    }

    /// By shape, with the marked bytes gathered one at a time.
    #[inline(always)]
    fn gathered_one_by_one(
        &mut self,
        text: &[u8],
        classify: impl Fn(&[u8; BLOCK]) -> Classes,
    ) -> Outcome {
        shape(
            self,
            text,
            classify,
            Carry::marks,
            gather_plain,
            id_quotes_plain,
        )
    }

    /// The same, compiled for AVX-512 with its byte compress.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512bw,avx512vbmi2,bmi1,bmi2,lzcnt,popcnt,pclmulqdq")]
    fn shape_vbmi2(&mut self, text: &[u8]) -> Outcome {
        shape(
            self,
            text,
            |block| blocks::classes_avx512(block),
            |carry, classes| carry.marks_by(classes, |bits| blocks::prefix_xor_clmul(bits)),
            |block, marks, out| gather::x86::gather(block, marks, out),
            |wide, _| gather::x86::id_quotes(wide),
        )
    }

    #[cfg(test)]
    fn known(&self) -> usize {
        self.known.len()
    }
}

/// The credential at the start of `text`, by its shape.
#[inline(always)]
fn shape(
    shapes: &mut Shapes,
    text: &[u8],
    classify: impl Fn(&[u8; BLOCK]) -> Classes,
    marks: impl Fn(&mut Carry, &Classes) -> Marks,
    gather: impl Fn(&[u8; BLOCK], Gather, &mut [u8; BLOCK]),
    id_quotes: impl Fn(&[u8; WIDE], u64) -> u64,
) -> Outcome {
    if text.first() != Some(&b'{') {
        return Outcome::Unsure;
    }
    let mut carry = Carry::default();
    // Open brackets, the credential's own `{` included.
    let mut depth = 1u32;
    let mut length = 0;
    let mut scalars = [0usize; SCALARS];
    let mut found = 0;
    let mut non_ascii = false;
    let mut start = 0;
    while start < text.len() {
        let wide = blocks::first_or_padded(&text[start..], &mut shapes.tail);
        let Some(block) = wide.first_chunk::<BLOCK>() else {
            return Outcome::Unsure;
        };
        let classes = classify(block);
        let Marks { mut events, dirty } = marks(&mut carry, &classes);
        if start == 0 {
            events &= !1;
        }
        let closing = closing_bracket(&classes, events, &mut depth);
        let mine = closing.map_or(u64::MAX, |bit| u64::MAX >> (63 - bit));
        events &= mine;
        // An escape is the walk's to read; non-ASCII text needs only to be UTF-8.
        if dirty & mine & classes.backslash != 0 {
            return Outcome::Unsure;
        }
        non_ascii |= dirty & mine != 0;
        let marked = events.count_ones() as usize;
        let Some(out) = shapes.shape.get_mut(length..length + BLOCK) else {
            return Outcome::Unsure;
        };
        let Ok(out) = <&mut [u8; BLOCK]>::try_from(out) else {
            return Outcome::Unsure;
        };
        let quotes = events & classes.quote;
        let gathered = Gather {
            events,
            scalars: events & !classes.structural & !classes.quote,
            id_quotes: quotes & id_quotes(wide, quotes),
        };
        gather(block, gathered, out);
        length += marked;
        let mut bits = gathered.scalars;
        while bits != 0 {
            let Some(slot) = scalars.get_mut(found) else {
                return Outcome::Unsure;
            };
            *slot = start + bits.trailing_zeros() as usize;
            found += 1;
            bits &= bits - 1;
        }
        if let Some(bit) = closing {
            let end = start + bit as usize + 1;
            if non_ascii
                && text
                    .get(..end)
                    .is_none_or(|text| std::str::from_utf8(text).is_err())
            {
                return Outcome::Unsure;
            }
            return known(shapes, text, length, end, &scalars[..found]);
        }
        if length > LONGEST {
            return Outcome::Unsure;
        }
        start += BLOCK;
    }
    Outcome::Unsure
}

/// The bit of the block's bracket that closes the credential, if it is in this block;
/// `depth` follows the brackets.
#[inline(always)]
fn closing_bracket(classes: &Classes, events: u64, depth: &mut u32) -> Option<u32> {
    let close = events & classes.close;
    let open = events & classes.open;
    if close.count_ones() < *depth {
        // Not enough closing brackets here to get back out.
        *depth = *depth + open.count_ones() - close.count_ones();
        return None;
    }
    let mut brackets = open | close;
    while brackets != 0 {
        let bit = brackets.trailing_zeros();
        brackets &= brackets - 1;
        if close >> bit & 1 == 0 {
            *depth += 1;
            continue;
        }
        *depth -= 1;
        if *depth == 0 {
            return Some(bit);
        }
    }
    None
}

/// The answer for a credential whose shape, `length` bytes, is gathered, ending at `end`.
fn known(shapes: &Shapes, text: &[u8], length: usize, end: usize, at: &[usize]) -> Outcome {
    let Some(gathered) = shapes.shape.get(..length) else {
        return Outcome::Unsure;
    };
    let Some(shape) = shapes.known.get(gathered) else {
        return Outcome::New { length, end };
    };
    let mut id = None;
    for (index, &pos) in at.iter().enumerate() {
        let read = if index == usize::from(shape.id) {
            scalars::id(text, pos).map(|number| id = Some(number))
        } else {
            scalars::scalar(text, pos).map(drop)
        };
        if read.is_err() {
            return Outcome::Unsure;
        }
    }
    match id {
        Some(id) => Outcome::Known(Skim::Object {
            end,
            id,
            escaped: false,
        }),
        None => Outcome::Unsure,
    }
}

/// Which of an accepted shape's numbers and literals is the credential's `id`: the one after
/// its own `"id":`.
fn id_among_scalars(shape: &[u8]) -> Option<u8> {
    let mut depth = 1;
    let mut scalars = 0;
    for (at, &byte) in shape.iter().enumerate() {
        match byte {
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth -= 1,
            b'x' => scalars += 1,
            b'I' if depth == 1 && shape.get(at + 1..at + 3) == Some(b":x") => {
                return u8::try_from(scalars).ok();
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
#[path = "shapes_tests.rs"]
mod tests;
