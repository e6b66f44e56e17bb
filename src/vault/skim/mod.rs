//! A quick check of one credential's JSON: its syntax, its `id`, and whether any string in it
//! is escaped, without building anything. Commands that want one credential check the whole
//! vault this way and deserialise only the credentials that could be the one named.
//!
//! The text is classified 64 bytes at a time (`blocks`), and the walk visits only the bytes
//! that matter to JSON's grammar: structural bytes, opening quotes and the first byte of each
//! number or literal. String text is judged by the masks: a control byte in it is an error,
//! and a string with a backslash or a non-ASCII byte is read byte by byte (`scalars`).
//!
//! It is strict: whatever it does not read plainly (an escaped key, a deep nesting, an id that
//! is not a plain positive whole number, a repeated `id`) it refuses, and the caller leaves the
//! file to the full reader, which says what is wrong and where.

mod blocks;
mod gather;
mod level;
mod scalars;
mod shapes;

pub(super) use shapes::Shapes;

use blocks::{BLOCK, Carry, Classes, Marks};
use level::{Level, level};

/// What the check found in the object at the start of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Skim {
    /// A whole JSON object `end` bytes long, with its top-level `id`; `escaped`: a string in it
    /// has a backslash escape, so its raw text may not spell what it holds.
    Object { end: usize, id: u64, escaped: bool },
    /// The text ends inside the object.
    Short,
    /// Not valid JSON, or not plain enough to judge here.
    Refused,
}

/// Deeper than this is left to the full reader (serde_json stops at 128); the walk notes which
/// depths are arrays in one 64-bit word.
const MAX_DEPTH: usize = 63;

enum Fail {
    Short,
    Refused,
}

type Scan<T> = Result<T, Fail>;

/// Checks the JSON object that starts `text` (at its `{`).
pub(super) fn credential(text: &[u8]) -> Skim {
    match level(text.len()) {
        // SAFETY: the processor has AVX-512BW and the bit instructions.
        #[cfg(target_arch = "x86_64")]
        Level::Avx512 { .. } => unsafe { credential_avx512(text) },
        // SAFETY: the processor has AVX2 and the bit instructions.
        #[cfg(target_arch = "x86_64")]
        Level::Avx2 => unsafe { credential_avx2(text) },
        Level::Plain => credential_plain(text),
    }
}

fn credential_plain(text: &[u8]) -> Skim {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: SSE2 is part of x86-64 itself.
    return walk(text, |block| unsafe { blocks::classify_sse2(block) });
    #[cfg(not(target_arch = "x86_64"))]
    walk(text, blocks::classify_bytes)
}

/// The same walk, compiled for AVX-512 (and the bit instructions that come with it: variable
/// shifts, counts of zeros).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512bw,bmi1,bmi2,lzcnt")]
fn credential_avx512(text: &[u8]) -> Skim {
    walk(text, |block| blocks::classify_avx512(block))
}

/// The same walk, compiled for AVX2 (and the bit instructions).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,bmi1,bmi2,lzcnt")]
fn credential_avx2(text: &[u8]) -> Skim {
    walk(text, |block| blocks::classify_avx2(block))
}

#[inline(always)]
fn walk(text: &[u8], classify: impl Fn(&[u8; BLOCK]) -> Classes) -> Skim {
    if text.first() != Some(&b'{') {
        return Skim::Refused;
    }
    let mut grammar = Grammar::new(text);
    let mut carry = Carry::default();
    let mut last = [b' '; BLOCK];
    let mut start = 0;
    while start < text.len() {
        let block = blocks::first_or_padded(&text[start..], &mut last);
        let Marks { mut events, dirty } = carry.marks(&classify(block));
        if start == 0 {
            // The credential's `{`, where the grammar starts.
            events &= !1;
        }
        if dirty != 0 {
            grammar.dirty_end = start + BLOCK - dirty.leading_zeros() as usize;
        }
        // Most blocks have nothing to read byte by byte, nor does any string still open.
        let careful = grammar.dirty_end > grammar.previous;
        if !careful && events != 0 {
            grammar.previous = start + BLOCK - 1 - events.leading_zeros() as usize;
        }
        while events != 0 {
            let bit = events.trailing_zeros() as usize;
            let pos = start + bit;
            events &= events - 1;
            // The byte from the block: it is `text[pos]`, and needs no bounds check.
            let byte = block[bit % BLOCK];
            let step = if careful {
                grammar.step::<true>(pos, byte)
            } else {
                grammar.step::<false>(pos, byte)
            };
            match step {
                Ok(None) => {}
                Ok(Some(end)) => return grammar.found(end),
                Err(Fail::Short) => return Skim::Short,
                Err(Fail::Refused) => return Skim::Refused,
            }
        }
        start += BLOCK;
    }
    Skim::Short
}

/// The kinds of marked byte.
const OPEN_OBJECT: u8 = 0;
const OPEN_ARRAY: u8 = 1;
const CLOSE_OBJECT: u8 = 2;
const CLOSE_ARRAY: u8 = 3;
const COLON: u8 = 4;
const COMMA: u8 = 5;
const QUOTE: u8 = 6;
/// The first byte of a number or a literal, or anything that is an error here.
const OTHER: u8 = 7;
const KINDS: usize = 8;

static KIND: [u8; 256] = {
    let mut kinds = [OTHER; 256];
    kinds[b'{' as usize] = OPEN_OBJECT;
    kinds[b'[' as usize] = OPEN_ARRAY;
    kinds[b'}' as usize] = CLOSE_OBJECT;
    kinds[b']' as usize] = CLOSE_ARRAY;
    kinds[b':' as usize] = COLON;
    kinds[b',' as usize] = COMMA;
    kinds[b'"' as usize] = QUOTE;
    kinds
};

/// The walk's states: what may come next, in the credential itself (`TOP_`), in an object in
/// it (`OBJECT_`) or in an array (`ARRAY_`).
mod state {
    pub(super) const TOP_KEY_OR_END: u8 = 0;
    pub(super) const TOP_KEY: u8 = 1;
    pub(super) const TOP_COLON: u8 = 2;
    /// After the credential's `"id"`.
    pub(super) const TOP_ID_COLON: u8 = 3;
    pub(super) const TOP_VALUE: u8 = 4;
    pub(super) const TOP_ID_VALUE: u8 = 5;
    pub(super) const TOP_COMMA_OR_END: u8 = 6;
    pub(super) const OBJECT_KEY_OR_END: u8 = 7;
    pub(super) const OBJECT_KEY: u8 = 8;
    pub(super) const OBJECT_COLON: u8 = 9;
    pub(super) const OBJECT_VALUE: u8 = 10;
    pub(super) const OBJECT_COMMA_OR_END: u8 = 11;
    pub(super) const ARRAY_VALUE_OR_END: u8 = 12;
    pub(super) const ARRAY_VALUE: u8 = 13;
    pub(super) const ARRAY_COMMA_OR_END: u8 = 14;
}

/// What a marked byte does that is more than a change of state (the table's entries from
/// `SPECIAL` up; below it, an entry is the next state).
const SPECIAL: u8 = 16;
const REFUSE: u8 = SPECIAL;
const OPEN_OBJECT_STEP: u8 = SPECIAL + 1;
const OPEN_ARRAY_STEP: u8 = SPECIAL + 2;
const CLOSE_OBJECT_STEP: u8 = SPECIAL + 3;
const CLOSE_ARRAY_STEP: u8 = SPECIAL + 4;
const TOP_KEY_STEP: u8 = SPECIAL + 5;
const ID_STEP: u8 = SPECIAL + 6;
/// A number or literal; then `SCALAR_STEP + n` goes to state `n`.
const SCALAR_STEP: u8 = SPECIAL + 7;

/// The table, by state and kind; its size lets the index go unchecked.
static STEPS: [[u8; KINDS]; 16] = {
    use state::*;
    let mut steps = [[REFUSE; KINDS]; 16];
    let values = [
        (TOP_VALUE, TOP_COMMA_OR_END),
        (OBJECT_VALUE, OBJECT_COMMA_OR_END),
        (ARRAY_VALUE, ARRAY_COMMA_OR_END),
        (ARRAY_VALUE_OR_END, ARRAY_COMMA_OR_END),
    ];
    let mut i = 0;
    while i < values.len() {
        let (at, after) = values[i];
        steps[at as usize][OPEN_OBJECT as usize] = OPEN_OBJECT_STEP;
        steps[at as usize][OPEN_ARRAY as usize] = OPEN_ARRAY_STEP;
        steps[at as usize][QUOTE as usize] = after;
        steps[at as usize][OTHER as usize] = SCALAR_STEP + after;
        i += 1;
    }
    steps[ARRAY_VALUE_OR_END as usize][CLOSE_ARRAY as usize] = CLOSE_ARRAY_STEP;
    steps[TOP_KEY_OR_END as usize][QUOTE as usize] = TOP_KEY_STEP;
    steps[TOP_KEY_OR_END as usize][CLOSE_OBJECT as usize] = CLOSE_OBJECT_STEP;
    steps[TOP_KEY as usize][QUOTE as usize] = TOP_KEY_STEP;
    steps[TOP_COLON as usize][COLON as usize] = TOP_VALUE;
    steps[TOP_ID_COLON as usize][COLON as usize] = TOP_ID_VALUE;
    steps[TOP_ID_VALUE as usize][OTHER as usize] = ID_STEP;
    steps[TOP_COMMA_OR_END as usize][COMMA as usize] = TOP_KEY;
    steps[TOP_COMMA_OR_END as usize][CLOSE_OBJECT as usize] = CLOSE_OBJECT_STEP;
    steps[OBJECT_KEY_OR_END as usize][QUOTE as usize] = OBJECT_COLON;
    steps[OBJECT_KEY_OR_END as usize][CLOSE_OBJECT as usize] = CLOSE_OBJECT_STEP;
    steps[OBJECT_KEY as usize][QUOTE as usize] = OBJECT_COLON;
    steps[OBJECT_COLON as usize][COLON as usize] = OBJECT_VALUE;
    steps[OBJECT_COMMA_OR_END as usize][COMMA as usize] = OBJECT_KEY;
    steps[OBJECT_COMMA_OR_END as usize][CLOSE_OBJECT as usize] = CLOSE_OBJECT_STEP;
    steps[ARRAY_COMMA_OR_END as usize][COMMA as usize] = ARRAY_VALUE;
    steps[ARRAY_COMMA_OR_END as usize][CLOSE_ARRAY as usize] = CLOSE_ARRAY_STEP;
    steps
};

/// In `NEXT`: the step is more than a change of state (see `STEPS`).
const MORE: u8 = 15;

/// `STEPS` again, by kind: four bits a state, its next state or `MORE`.
static NEXT: [u64; KINDS] = {
    let mut next = [0; KINDS];
    let mut kind = 0;
    while kind < KINDS {
        let mut state = 0;
        while state < 16 {
            let step = STEPS[state][kind];
            let nibble = if step < SPECIAL { step } else { MORE };
            next[kind] |= (nibble as u64) << (state * 4);
            state += 1;
        }
        kind += 1;
    }
    next
};

/// JSON's grammar over the marked bytes.
struct Grammar<'a> {
    text: &'a [u8],
    state: u8,
    /// 1 in the credential itself.
    depth: usize,
    /// Bit `d` set when the container at depth `d` is an array.
    arrays: u64,
    id: Option<u64>,
    escaped: bool,
    /// The marked byte before this one: when it opened a string and a backslash or non-ASCII
    /// byte came since, that string is read byte by byte. (In a block walked without care, the
    /// block's last marked byte.)
    previous: usize,
    /// One past the last backslash or non-ASCII byte seen in a string (0: none yet).
    dirty_end: usize,
}

impl<'a> Grammar<'a> {
    /// Past the credential's `{`, at `text[0]`.
    fn new(text: &'a [u8]) -> Self {
        Grammar {
            text,
            state: state::TOP_KEY_OR_END,
            depth: 1,
            arrays: 0,
            id: None,
            escaped: false,
            previous: 0,
            dirty_end: 0,
        }
    }

    fn found(&self, end: usize) -> Skim {
        match self.id {
            Some(id) => Skim::Object {
                end,
                id,
                escaped: self.escaped,
            },
            None => Skim::Refused,
        }
    }

    /// The marked byte `byte`, at `pos`; the object's end once it closes.
    #[inline(always)]
    fn step<const CAREFUL: bool>(&mut self, pos: usize, byte: u8) -> Scan<Option<usize>> {
        if CAREFUL {
            if self.dirty_end > self.previous && dirty_string(self.text, self.previous, self.state)?
            {
                self.escaped = true;
            }
            self.previous = pos;
        }
        let kind = usize::from(KIND[usize::from(byte)]);
        // The next state from shifts of one word: a short chain from one state to the next.
        let next = (NEXT[kind] >> (u32::from(self.state & 15) * 4)) as u8 & 15;
        if next != MORE {
            self.state = next;
            return Ok(None);
        }
        self.special(STEPS[usize::from(self.state & 15)][kind], pos)
    }

    #[inline(always)]
    fn special(&mut self, step: u8, pos: usize) -> Scan<Option<usize>> {
        self.state = match step {
            OPEN_OBJECT_STEP | OPEN_ARRAY_STEP => {
                let array = step == OPEN_ARRAY_STEP;
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err(Fail::Refused);
                }
                self.arrays = self.arrays & !(1 << self.depth) | u64::from(array) << self.depth;
                if array {
                    state::ARRAY_VALUE_OR_END
                } else {
                    state::OBJECT_KEY_OR_END
                }
            }
            CLOSE_OBJECT_STEP | CLOSE_ARRAY_STEP => {
                self.depth -= 1;
                if self.depth == 0 {
                    return Ok(Some(pos + 1));
                }
                if self.depth == 1 {
                    state::TOP_COMMA_OR_END
                } else if self.arrays >> self.depth & 1 == 1 {
                    state::ARRAY_COMMA_OR_END
                } else {
                    state::OBJECT_COMMA_OR_END
                }
            }
            TOP_KEY_STEP if self.text[pos..].starts_with(b"\"id\"") => state::TOP_ID_COLON,
            TOP_KEY_STEP => state::TOP_COLON,
            ID_STEP if self.id.is_none() => {
                self.id = Some(scalars::id(self.text, pos)?);
                state::TOP_COMMA_OR_END
            }
            _ if step >= SCALAR_STEP => {
                scalars::scalar(self.text, pos)?;
                step - SCALAR_STEP
            }
            _ => return Err(Fail::Refused),
        };
        Ok(None)
    }
}

/// The string opened by the marked byte before this one (`previous`), if it was a quote, read
/// byte by byte; whether it has an escape. The full reader reads `"\u0069d"` as `id`: an escaped
/// field name of the credential is its to judge.
#[cold]
#[inline(never)]
fn dirty_string(text: &[u8], previous: usize, state: u8) -> Scan<bool> {
    if text.get(previous) != Some(&b'"') || !scalars::string(text, previous)? {
        return Ok(false);
    }
    if matches!(state, state::TOP_COLON | state::TOP_ID_COLON) {
        return Err(Fail::Refused);
    }
    Ok(true)
}

#[cfg(test)]
mod tests;
