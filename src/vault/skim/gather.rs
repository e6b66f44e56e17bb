//! A block's marked bytes as a shape's bytes: each as it is, except the first byte of a number
//! or literal (`x`) and the opening quote of `"id"` (`I`).

use super::blocks::BLOCK;

/// A block and the three bytes after it: enough to see `"id"` at any of its quotes.
pub(super) const WIDE: usize = BLOCK + 3;

/// Which bytes of a block go into a shape, and as what.
#[derive(Clone, Copy)]
pub(super) struct Gather {
    /// The marked bytes.
    pub(super) events: u64,
    /// Of those, the ones that become `x`.
    pub(super) scalars: u64,
    /// Of those, the ones that become `I`.
    pub(super) id_quotes: u64,
}

/// The marked bytes of a block, one by one.
pub(super) fn gather_plain(block: &[u8; BLOCK], marks: Gather, out: &mut [u8; BLOCK]) {
    let mut bits = marks.events;
    let mut next = 0;
    while bits != 0 {
        let bit = bits.trailing_zeros();
        bits &= bits - 1;
        let byte = if marks.scalars >> bit & 1 == 1 {
            b'x'
        } else if marks.id_quotes >> bit & 1 == 1 {
            b'I'
        } else {
            block[bit as usize % BLOCK]
        };
        out[next % BLOCK] = byte;
        next += 1;
    }
}

/// Which of the `quotes` open `"id"`, one by one.
pub(super) fn id_quotes_plain(wide: &[u8; WIDE], mut quotes: u64) -> u64 {
    let mut found = 0;
    while quotes != 0 {
        let at = quotes.trailing_zeros() as usize;
        quotes &= quotes - 1;
        if wide.get(at..at + 4) == Some(b"\"id\"") {
            found |= 1 << at;
        }
    }
    found
}

#[cfg(target_arch = "x86_64")]
pub(super) mod x86 {
    use std::arch::x86_64::{
        _mm512_cmpeq_epi8_mask, _mm512_loadu_si512, _mm512_mask_mov_epi8,
        _mm512_maskz_compress_epi8, _mm512_set1_epi8, _mm512_storeu_si512,
    };

    use super::{BLOCK, Gather, WIDE};

    /// The marked bytes of a block at once, by AVX-512's byte compress.
    #[target_feature(enable = "avx512bw,avx512vbmi2")]
    pub(in crate::vault::skim) fn gather(
        block: &[u8; BLOCK],
        marks: Gather,
        out: &mut [u8; BLOCK],
    ) {
        // SAFETY: `block` and `out` are 64 bytes; neither access needs alignment.
        unsafe {
            let bytes = _mm512_loadu_si512(block.as_ptr().cast());
            let bytes = _mm512_mask_mov_epi8(bytes, marks.scalars, _mm512_set1_epi8(b'x' as i8));
            let bytes = _mm512_mask_mov_epi8(bytes, marks.id_quotes, _mm512_set1_epi8(b'I' as i8));
            let gathered = _mm512_maskz_compress_epi8(marks.events, bytes);
            _mm512_storeu_si512(out.as_mut_ptr().cast(), gathered);
        }
    }

    /// The bytes followed by `id"`: three shifted compares.
    #[target_feature(enable = "avx512bw")]
    pub(in crate::vault::skim) fn id_quotes(wide: &[u8; WIDE]) -> u64 {
        let at = |offset: usize, byte: u8| {
            // SAFETY: `offset` is at most 3, so 64 bytes from it are within `wide`.
            let bytes = unsafe { _mm512_loadu_si512(wide.as_ptr().add(offset).cast()) };
            _mm512_cmpeq_epi8_mask(bytes, _mm512_set1_epi8(byte as i8))
        };
        at(1, b'i') & at(2, b'd') & at(3, b'"')
    }
}
