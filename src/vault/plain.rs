//! Runs of bytes the quick check can pass over without looking at each: plain string text
//! and indentation. Sixteen bytes at a time with SSE2 (every x86-64 processor has it), eight
//! at a time as bit tricks on a `u64` elsewhere; both say how many bytes from `pos` belong to
//! the run, up to the block size, and 0 when fewer than a block's bytes are left.

/// Bytes of a block that are plain string text: not a quote, a backslash, a control (below
/// 0x20) or a byte of a non-ASCII character (from 0x80).
pub(super) fn string_run(text: &[u8], pos: usize) -> (usize, usize) {
    // SAFETY: the SSE2 version is compiled only where the whole build has SSE2.
    #[allow(unused_unsafe)]
    unsafe {
        imp::string_run(text, pos)
    }
}

/// Spaces from `pos`, up to a block; and the block size.
pub(super) fn space_run(text: &[u8], pos: usize) -> (usize, usize) {
    // SAFETY: as above.
    #[allow(unused_unsafe)]
    unsafe {
        imp::space_run(text, pos)
    }
}

#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
mod imp {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8,
    };

    const BLOCK: usize = 16;

    fn load(text: &[u8], pos: usize) -> Option<__m128i> {
        let block: &[u8; BLOCK] = text.get(pos..pos + BLOCK)?.try_into().ok()?;
        // SAFETY: `block` is 16 readable bytes; the load has no alignment requirement.
        Some(unsafe { _mm_loadu_si128(block.as_ptr().cast()) })
    }

    // SSE2 is part of x86-64 itself: enabled for every build, so no run-time check.
    #[target_feature(enable = "sse2")]
    pub(super) fn string_run(text: &[u8], pos: usize) -> (usize, usize) {
        let Some(v) = load(text, pos) else {
            return (0, BLOCK);
        };
        let quote = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'"' as i8));
        let backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\\' as i8));
        // Signed: below 0x20 is a control, and 0x80 and up are negative, so below too.
        let other = _mm_cmplt_epi8(v, _mm_set1_epi8(0x20));
        let special = _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(quote, backslash), other));
        (first(special), BLOCK)
    }

    #[target_feature(enable = "sse2")]
    pub(super) fn space_run(text: &[u8], pos: usize) -> (usize, usize) {
        let Some(v) = load(text, pos) else {
            return (0, BLOCK);
        };
        let spaces = _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(b' ' as i8)));
        (first(!spaces & 0xFFFF), BLOCK)
    }

    /// The index of the lowest marked byte of a 16-bit mask, 16 when none is.
    fn first(mask: i32) -> usize {
        (mask | 1 << BLOCK).trailing_zeros() as usize
    }
}

#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
mod imp {
    const BLOCK: usize = 8;
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);

    fn load(text: &[u8], pos: usize) -> Option<u64> {
        let block: [u8; BLOCK] = text.get(pos..pos + BLOCK)?.try_into().ok()?;
        Some(u64::from_le_bytes(block))
    }

    /// The borrows of the subtractions only ever mark bytes above a truly marked one, so the
    /// lowest marked byte is exact.
    pub(super) fn string_run(text: &[u8], pos: usize) -> (usize, usize) {
        let Some(word) = load(text, pos) else {
            return (0, BLOCK);
        };
        let has_zero = |word: u64| word.wrapping_sub(ONES) & !word & HIGHS;
        let special = has_zero(word ^ (ONES * u64::from(b'"')))
            | has_zero(word ^ (ONES * u64::from(b'\\')))
            | (word.wrapping_sub(ONES * 0x20) | word) & HIGHS;
        ((special.trailing_zeros() / 8) as usize, BLOCK)
    }

    pub(super) fn space_run(text: &[u8], pos: usize) -> (usize, usize) {
        let Some(word) = load(text, pos) else {
            return (0, BLOCK);
        };
        let other = word ^ (ONES * u64::from(b' '));
        ((other.trailing_zeros() / 8) as usize, BLOCK)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each run against a byte-by-byte count, at every offset of texts that put each kind of
    /// byte at each place of a block.
    #[test]
    fn runs_match_a_byte_by_byte_count() {
        let plain = |b: u8| (0x20..0x80).contains(&b) && b != b'"' && b != b'\\';
        for stop in [b'"', b'\\', b'\n', 0x00, 0x1F, 0x80, 0xC3, 0xFF, b'x', b' '] {
            for at in 0..40 {
                let mut text = vec![b'a'; 40];
                text[at] = stop;
                for pos in 0..text.len() {
                    let (run, block) = string_run(&text, pos);
                    if pos + block > text.len() {
                        assert_eq!(run, 0);
                        continue;
                    }
                    let expected = text[pos..pos + block].iter().take_while(|&&b| plain(b));
                    assert_eq!(run, expected.count(), "stop {stop:#x} at {at}, from {pos}");
                }
                let spaces: Vec<u8> = text
                    .iter()
                    .map(|&b| if b == b'a' { b' ' } else { b })
                    .collect();
                for pos in 0..spaces.len() {
                    let (run, block) = space_run(&spaces, pos);
                    if pos + block > spaces.len() {
                        assert_eq!(run, 0);
                        continue;
                    }
                    let expected = spaces[pos..pos + block].iter().take_while(|&&b| b == b' ');
                    assert_eq!(run, expected.count(), "{stop:#x} at {at}, from {pos}");
                }
            }
        }
    }
}
