//! The text 64 bytes at a time as bit masks, one bit a byte (as simdjson's first stage does):
//! where the quotes, backslashes, whitespace, structural bytes, controls and non-ASCII bytes
//! are, and from those and what the block before left, which bytes the walk must look at.

pub(super) const BLOCK: usize = 64;

/// Each kind of byte in a block.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct Classes {
    pub(super) quote: u64,
    pub(super) backslash: u64,
    /// Space, tab, line feed, carriage return.
    pub(super) space: u64,
    /// `{`, `}`, `[`, `]`, `:` and `,`.
    pub(super) structural: u64,
    /// `{` and `[`.
    pub(super) open: u64,
    /// `}` and `]`.
    pub(super) close: u64,
    /// Below 0x20.
    pub(super) control: u64,
    /// 0x80 and up.
    pub(super) high: u64,
}

/// What the walk must look at in a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Marks {
    /// Structural bytes outside strings, opening quotes, the first byte of each run of other
    /// bytes outside strings (a number or a literal, or an error), and controls inside strings.
    pub(super) events: u64,
    /// Backslashes and non-ASCII bytes inside strings: such a string is read byte by byte.
    pub(super) dirty: u64,
}

/// What a block leaves to the next.
#[derive(Debug, Default)]
pub(super) struct Carry {
    /// 1 when the block ended in an odd run of backslashes inside a string.
    escaped: u64,
    /// All ones when the block ended inside a string.
    in_string: u64,
    /// 1 when the block ended inside a run of scalar bytes.
    scalar: u64,
}

impl Carry {
    pub(super) fn marks(&mut self, classes: &Classes) -> Marks {
        self.marks_by(classes, prefix_xor)
    }

    /// The same, with another way to take the prefix XOR of the quotes.
    #[inline(always)]
    pub(super) fn marks_by(&mut self, classes: &Classes, prefix_xor: impl Fn(u64) -> u64) -> Marks {
        let escaped = self.escaped_bytes(classes.backslash);
        let quote = classes.quote & !escaped;
        let in_string = if quote == 0 {
            self.in_string
        } else {
            prefix_xor(quote) ^ self.in_string
        };
        // Sign-extend the last byte's state to the whole word.
        self.in_string = ((in_string as i64) >> 63) as u64;
        let outside = !in_string;
        let scalar = !(classes.space | classes.structural | classes.quote) & outside;
        let scalar_start = scalar & !(scalar << 1 | self.scalar);
        self.scalar = scalar >> 63;
        Marks {
            events: classes.structural & outside
                | quote & in_string
                | scalar_start
                | classes.control & in_string,
            dirty: (classes.backslash | classes.high) & in_string,
        }
    }

    /// The bytes that follow an odd run of backslashes (simdjson's branchless way): a run
    /// starting on an even bit ends with an odd one when its length is odd, and adding the
    /// starts of runs to the backslashes carries each run out to its end.
    fn escaped_bytes(&mut self, backslash: u64) -> u64 {
        if backslash == 0 {
            return std::mem::take(&mut self.escaped);
        }
        const EVEN: u64 = 0x5555_5555_5555_5555;
        let backslash = backslash & !self.escaped;
        let follows_escape = backslash << 1 | self.escaped;
        let odd_starts = backslash & !EVEN & !follows_escape;
        let (even_runs, overflow) = odd_starts.overflowing_add(backslash);
        self.escaped = u64::from(overflow);
        (EVEN ^ (even_runs << 1)) & follows_escape
    }
}

/// The first `N` bytes of `rest`; when it is shorter, all of it padded with spaces in `spare`
/// (spaces mark nothing).
#[inline(always)]
pub(super) fn first_or_padded<'a, const N: usize>(
    rest: &'a [u8],
    spare: &'a mut [u8; N],
) -> &'a [u8; N] {
    match rest.first_chunk::<N>() {
        Some(chunk) => chunk,
        None => {
            spare.fill(b' ');
            spare[..rest.len()].copy_from_slice(rest);
            spare
        }
    }
}

/// Each bit set when an odd number of bits at or below it are set: inside a string from its
/// opening quote up to (not including) its closing one.
fn prefix_xor(mut bits: u64) -> u64 {
    for shift in [1, 2, 4, 8, 16, 32] {
        bits ^= bits << shift;
    }
    bits
}

/// The classes of a block's bytes, looked at one by one: for processors without SIMD here,
/// and the reference the SIMD versions are tested against.
#[cfg(any(test, not(target_arch = "x86_64")))]
pub(super) fn classify_bytes(block: &[u8; BLOCK]) -> Classes {
    let mut classes = Classes::default();
    for (i, &byte) in block.iter().enumerate() {
        let bit = 1 << i;
        match byte {
            b'"' => classes.quote |= bit,
            b'\\' => classes.backslash |= bit,
            b' ' => classes.space |= bit,
            b'\t' | b'\n' | b'\r' => {
                classes.space |= bit;
                classes.control |= bit;
            }
            b'{' | b'[' => {
                classes.structural |= bit;
                classes.open |= bit;
            }
            b'}' | b']' => {
                classes.structural |= bit;
                classes.close |= bit;
            }
            b':' | b',' => classes.structural |= bit,
            0x00..=0x1F => classes.control |= bit,
            0x80.. => classes.high |= bit,
            _ => {}
        }
    }
    classes
}

#[cfg(target_arch = "x86_64")]
pub(super) use x86::{
    classes_avx512, classify_avx2, classify_avx512, classify_sse2, prefix_xor_clmul,
};

#[cfg(target_arch = "x86_64")]
mod x86 {
    use std::arch::x86_64::{
        __m128i, __m256i, _mm_clmulepi64_si128, _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_cvtsi128_si64,
        _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set_epi64x, _mm_set1_epi8,
        _mm256_cmpeq_epi8, _mm256_cmpgt_epi8, _mm256_loadu_si256, _mm256_movemask_epi8,
        _mm256_or_si256, _mm256_set1_epi8, _mm512_cmpeq_epi8_mask, _mm512_cmplt_epi8_mask,
        _mm512_loadu_si512, _mm512_movepi8_mask, _mm512_or_si512, _mm512_set1_epi8,
    };

    use super::{BLOCK, Classes};

    /// Sixteen bytes at a time with SSE2, which every x86-64 processor has.
    // Not inlined: the compiler would otherwise turn the masks' arithmetic back into vector
    // work, byte by byte.
    #[target_feature(enable = "sse2")]
    #[inline(never)]
    pub(in crate::vault::skim) fn classify_sse2(block: &[u8; BLOCK]) -> Classes {
        let mut classes = Classes::default();
        for (i, chunk) in block.chunks_exact(16).enumerate() {
            // SAFETY: `chunk` is 16 readable bytes; the load has no alignment requirement.
            let v: __m128i = unsafe { _mm_loadu_si128(chunk.as_ptr().cast()) };
            let is = |byte: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(byte as i8));
            let bits = |mask: __m128i| u64::from(_mm_movemask_epi8(mask) as u16) << (16 * i);
            // `[` and `{`, `]` and `}` differ only in bit 0x20.
            let folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
            let fold = |byte: u8| _mm_cmpeq_epi8(folded, _mm_set1_epi8(byte as i8));
            classes.quote |= bits(is(b'"'));
            classes.backslash |= bits(is(b'\\'));
            let space = _mm_or_si128(
                _mm_or_si128(is(b' '), is(b'\t')),
                _mm_or_si128(is(b'\n'), is(b'\r')),
            );
            classes.space |= bits(space);
            let (open, close) = (bits(fold(b'{')), bits(fold(b'}')));
            classes.open |= open;
            classes.close |= close;
            classes.structural |= open | close | bits(_mm_or_si128(is(b':'), is(b',')));
            // Signed: bytes from 0x80 are negative, so below 0x20 too.
            let high = bits(v);
            classes.control |= bits(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20))) & !high;
            classes.high |= high;
        }
        classes
    }

    /// The whole block at once with AVX-512, where the processor has it: its compares give
    /// the masks themselves.
    #[target_feature(enable = "avx512bw")]
    #[inline(never)]
    pub(in crate::vault::skim) fn classify_avx512(block: &[u8; BLOCK]) -> Classes {
        classes_avx512(block)
    }

    /// The same, inlined into its caller: its constants stay in registers across blocks.
    #[target_feature(enable = "avx512bw")]
    #[inline]
    pub(in crate::vault::skim) fn classes_avx512(block: &[u8; BLOCK]) -> Classes {
        // SAFETY: `block` is 64 readable bytes; the load has no alignment requirement.
        let v = unsafe { _mm512_loadu_si512(block.as_ptr().cast()) };
        let is = |byte: u8| _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8(byte as i8));
        let folded = _mm512_or_si512(v, _mm512_set1_epi8(0x20));
        let fold = |byte: u8| _mm512_cmpeq_epi8_mask(folded, _mm512_set1_epi8(byte as i8));
        let high = _mm512_movepi8_mask(v);
        let (open, close) = (fold(b'{'), fold(b'}'));
        Classes {
            quote: is(b'"'),
            backslash: is(b'\\'),
            space: is(b' ') | is(b'\t') | is(b'\n') | is(b'\r'),
            structural: open | close | is(b':') | is(b','),
            open,
            close,
            control: _mm512_cmplt_epi8_mask(v, _mm512_set1_epi8(0x20)) & !high,
            high,
        }
    }

    /// The prefix XOR as one carry-less multiplication by all ones (as simdjson does).
    #[target_feature(enable = "pclmulqdq")]
    #[inline]
    pub(in crate::vault::skim) fn prefix_xor_clmul(bits: u64) -> u64 {
        let product = _mm_clmulepi64_si128(_mm_set_epi64x(0, bits as i64), _mm_set1_epi8(-1), 0);
        _mm_cvtsi128_si64(product) as u64
    }

    /// Thirty-two bytes at a time with AVX2, where the processor has it.
    #[target_feature(enable = "avx2")]
    #[inline(never)]
    pub(in crate::vault::skim) fn classify_avx2(block: &[u8; BLOCK]) -> Classes {
        let mut classes = Classes::default();
        for (i, chunk) in block.chunks_exact(32).enumerate() {
            // SAFETY: `chunk` is 32 readable bytes; the load has no alignment requirement.
            let v: __m256i = unsafe { _mm256_loadu_si256(chunk.as_ptr().cast()) };
            let is = |byte: u8| _mm256_cmpeq_epi8(v, _mm256_set1_epi8(byte as i8));
            let bits = |mask: __m256i| u64::from(_mm256_movemask_epi8(mask) as u32) << (32 * i);
            let folded = _mm256_or_si256(v, _mm256_set1_epi8(0x20));
            let fold = |byte: u8| _mm256_cmpeq_epi8(folded, _mm256_set1_epi8(byte as i8));
            classes.quote |= bits(is(b'"'));
            classes.backslash |= bits(is(b'\\'));
            let space = _mm256_or_si256(
                _mm256_or_si256(is(b' '), is(b'\t')),
                _mm256_or_si256(is(b'\n'), is(b'\r')),
            );
            classes.space |= bits(space);
            let (open, close) = (bits(fold(b'{')), bits(fold(b'}')));
            classes.open |= open;
            classes.close |= close;
            classes.structural |= open | close | bits(_mm256_or_si256(is(b':'), is(b',')));
            let high = bits(v);
            classes.control |= bits(_mm256_cmpgt_epi8(_mm256_set1_epi8(0x20), v)) & !high;
            classes.high |= high;
        }
        classes
    }
}

#[cfg(test)]
#[path = "blocks_tests.rs"]
mod tests;
