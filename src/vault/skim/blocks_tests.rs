//! The masks against a byte-by-byte reading of the same text.

use super::*;

/// What the marks should be, from a byte-by-byte walk of the whole text. As in the masks, a
/// backslash escapes the byte after it outside strings too: there it is an error that the walk
/// meets first (it starts or continues a scalar), so what it escapes never matters.
fn marks_by_bytes(text: &[u8]) -> (Vec<bool>, Vec<bool>) {
    let (mut events, mut dirty) = (vec![false; text.len()], vec![false; text.len()]);
    let (mut in_string, mut in_scalar) = (false, false);
    let mut escaped = false;
    for (i, &byte) in text.iter().enumerate() {
        let quote = byte == b'"' && !escaped;
        escaped = byte == b'\\' && !escaped;
        if in_string {
            if quote {
                in_string = false;
                in_scalar = false;
                continue;
            }
            events[i] = byte < 0x20;
            dirty[i] = byte == b'\\' || byte >= 0x80;
            continue;
        }
        match byte {
            b'"' => {
                in_string = quote;
                events[i] = quote;
                in_scalar = false;
            }
            b'{' | b'}' | b'[' | b']' | b':' | b',' => {
                events[i] = true;
                in_scalar = false;
            }
            b' ' | b'\t' | b'\n' | b'\r' => in_scalar = false,
            _ => {
                events[i] = !in_scalar;
                in_scalar = true;
            }
        }
    }
    (events, dirty)
}

fn marks_by_blocks(
    text: &[u8],
    classify: impl Fn(&[u8; BLOCK]) -> Classes,
) -> (Vec<bool>, Vec<bool>) {
    let mut carry = Carry::default();
    let (mut events, mut dirty) = (Vec::new(), Vec::new());
    for chunk in text.chunks(BLOCK) {
        let mut block = [b' '; BLOCK];
        block[..chunk.len()].copy_from_slice(chunk);
        let marks = carry.marks(&classify(&block));
        for i in 0..chunk.len() {
            events.push(marks.events >> i & 1 == 1);
            dirty.push(marks.dirty >> i & 1 == 1);
        }
    }
    (events, dirty)
}

/// Texts made of the bytes that matter to JSON, in every mix: runs of backslashes of each
/// length, quotes, structural bytes, controls, non-ASCII bytes, across block edges.
fn texts() -> Vec<Vec<u8>> {
    const ALPHABET: &[u8] = b"\"\\\\\\{}[]:, \n\tax1\x01\xC3\xA9";
    let mut state = 0x2545_F491_4F6C_DD1D_u64;
    let mut texts =
        vec![br#"{"id": 1, "a": "x\"y\\", "b": [true, -1.5e3], "c": "\u00e9"}"#.to_vec()];
    for length in [1, 63, 64, 65, 130, 300] {
        for _ in 0..300 {
            let text = (0..length)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    ALPHABET[(state % ALPHABET.len() as u64) as usize]
                })
                .collect();
            texts.push(text);
        }
    }
    texts
}

#[test]
fn each_way_of_classifying_matches_byte_by_byte() {
    for text in texts() {
        let expected = marks_by_bytes(&text);
        assert_eq!(marks_by_blocks(&text, classify_bytes), expected, "{text:?}");
        #[cfg(target_arch = "x86_64")]
        {
            // SAFETY: SSE2 is part of x86-64.
            let sse2 = marks_by_blocks(&text, |block| unsafe { classify_sse2(block) });
            assert_eq!(sse2, expected, "{text:?}");
            if std::arch::is_x86_feature_detected!("avx2") {
                // SAFETY: the processor has AVX2.
                let avx2 = marks_by_blocks(&text, |block| unsafe { classify_avx2(block) });
                assert_eq!(avx2, expected, "{text:?}");
            }
            if std::arch::is_x86_feature_detected!("avx512bw") {
                // SAFETY: the processor has AVX-512BW.
                let avx512 = marks_by_blocks(&text, |block| unsafe { classify_avx512(block) });
                assert_eq!(avx512, expected, "{text:?}");
            }
        }
    }
}

#[test]
fn the_simd_classes_are_the_byte_by_byte_ones() {
    for text in texts() {
        for chunk in text.chunks(BLOCK) {
            let mut block = [b'x'; BLOCK];
            block[..chunk.len()].copy_from_slice(chunk);
            let expected = classify_bytes(&block);
            #[cfg(target_arch = "x86_64")]
            {
                // SAFETY: as above.
                assert_eq!(unsafe { classify_sse2(&block) }, expected);
                if std::arch::is_x86_feature_detected!("avx2") {
                    // SAFETY: as above.
                    assert_eq!(unsafe { classify_avx2(&block) }, expected);
                }
                if std::arch::is_x86_feature_detected!("avx512bw") {
                    // SAFETY: as above.
                    assert_eq!(unsafe { classify_avx512(&block) }, expected);
                }
            }
        }
    }
}

#[cfg(target_arch = "x86_64")]
#[test]
fn the_carry_less_prefix_xor_is_the_shifted_one() {
    if !std::arch::is_x86_feature_detected!("pclmulqdq") {
        return;
    }
    let mut bits: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..10_000 {
        bits ^= bits << 13;
        bits ^= bits >> 7;
        bits ^= bits << 17;
        for value in [bits, bits & bits >> 3, 1 << 63, 1, 0, u64::MAX] {
            // SAFETY: the processor has PCLMULQDQ.
            assert_eq!(
                unsafe { prefix_xor_clmul(value) },
                prefix_xor(value),
                "{value:#x}"
            );
        }
    }
}
