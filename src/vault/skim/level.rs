//! What the processor offers the walks.

/// Below this much text, the walk does without AVX: asking the processor what it has takes
/// several CPUID instructions the first time, and each costs microseconds on a virtual machine,
/// more than walking a small vault takes. (Fuzzing feeds small texts: there, every size uses
/// what the processor has, so that those walks are fuzzed too.)
const DETECT_FROM: usize = if cfg!(fuzzing) { 0 } else { 64 * 1024 };

/// What this processor offers the walks, asked once a text is large enough to be worth it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Level {
    Plain,
    #[cfg(target_arch = "x86_64")]
    Avx2,
    /// `vbmi2`: AVX-512's byte compress as well.
    #[cfg(target_arch = "x86_64")]
    Avx512 {
        vbmi2: bool,
    },
}

pub(super) fn level(len: usize) -> Level {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::is_x86_feature_detected as has;
        use std::sync::atomic::{AtomicBool, Ordering};
        // Once asked, the answer is kept: the ends of a large file's windows are small texts.
        static ASKED: AtomicBool = AtomicBool::new(false);
        // Stored once only: the two threads of a large file's walk share it.
        let asked = ASKED.load(Ordering::Relaxed);
        let ask = asked || len >= DETECT_FROM;
        if ask && !asked {
            ASKED.store(true, Ordering::Relaxed);
        }
        let bits = ask && has!("bmi1") && has!("bmi2") && has!("lzcnt") && has!("popcnt");
        if bits && has!("avx512bw") {
            return Level::Avx512 {
                vbmi2: has!("avx512vbmi2") && has!("pclmulqdq"),
            };
        }
        if bits && has!("avx2") {
            return Level::Avx2;
        }
    }
    let _ = len;
    Level::Plain
}
