use std::fmt;

/// How a code's number is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Encoder {
    /// Decimal digits, as RFC 4226 and RFC 6238 write them.
    #[default]
    Digits,
    /// Steam Guard: five characters over `STEAM_ALPHABET`.
    Steam,
}

/// The characters of a Steam Guard code: no vowels or look-alikes, so no word and no `0`/`O`.
pub const STEAM_ALPHABET: &[u8; 26] = b"23456789BCDFGHJKMNPQRTVWXY";
/// A Steam Guard code always has this many characters.
pub const STEAM_CHARS: u8 = 5;

/// A one-time code: its value and how many digits (or Steam characters) it is written with.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Code {
    value: u32,
    digits: u8,
    encoder: Encoder,
}

impl Code {
    pub(crate) const fn new(value: u32, digits: u8) -> Self {
        Self {
            value,
            digits,
            encoder: Encoder::Digits,
        }
    }

    /// A Steam Guard code from the whole truncated HMAC value (not reduced modulo anything).
    pub(crate) const fn steam(value: u32) -> Self {
        Self {
            value,
            digits: STEAM_CHARS,
            encoder: Encoder::Steam,
        }
    }

    /// How many characters the code has.
    pub const fn digits(self) -> u8 {
        self.digits
    }

    pub const fn encoder(self) -> Encoder {
        self.encoder
    }

    /// The code split for reading aloud: `123 456`, `1234 5678`, `123 4567`. A Steam code
    /// stays whole, as the Steam app shows it.
    pub fn grouped(self) -> String {
        let plain = self.to_string();
        if self.encoder == Encoder::Steam {
            return plain;
        }
        let split = plain.len() / 2;
        format!("{} {}", &plain[..split], &plain[split..])
    }

    /// Compares with what a user typed, in time independent of where they differ. Steam
    /// codes are compared in any case.
    pub fn matches(self, typed: &str) -> bool {
        let ours = self.to_string();
        if typed.len() != ours.len() {
            return false;
        }
        let diff = ours
            .bytes()
            .zip(typed.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b.to_ascii_uppercase()));
        diff == 0
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.encoder {
            Encoder::Digits => write!(
                f,
                "{:0width$}",
                self.value,
                width = usize::from(self.digits)
            ),
            Encoder::Steam => {
                // Least significant "digit" first, as Valve's authenticator writes it.
                let base = STEAM_ALPHABET.len() as u32;
                let mut rest = self.value;
                let mut text = String::with_capacity(usize::from(STEAM_CHARS));
                for _ in 0..STEAM_CHARS {
                    text.push(char::from(STEAM_ALPHABET[(rest % base) as usize]));
                    rest /= base;
                }
                f.write_str(&text)
            }
        }
    }
}

/// Codes are short-lived secrets: keep them out of debug output and logs.
impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Code({} digits, redacted)", self.digits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pads_and_groups() {
        assert_eq!(Code::new(42, 6).to_string(), "000042");
        assert_eq!(Code::new(123456, 6).grouped(), "123 456");
        assert_eq!(Code::new(12345678, 8).grouped(), "1234 5678");
        assert_eq!(Code::new(1234567, 7).grouped(), "123 4567");
    }

    #[test]
    fn debug_hides_the_value() {
        assert!(!format!("{:?}", Code::new(123456, 6)).contains("123456"));
    }

    #[test]
    fn steam_codes_are_five_letters_from_their_alphabet() {
        // 0 is the alphabet's first character five times; 25 its last, then the first.
        assert_eq!(Code::steam(0).to_string(), "22222");
        assert_eq!(Code::steam(25).to_string(), "Y2222");
        assert_eq!(Code::steam(26).to_string(), "23222");
        assert_eq!(Code::steam(26).grouped(), "23222");
        assert!(Code::steam(26).matches("23222"));
        assert!(!Code::steam(26).matches("22222"));
        assert_eq!(Code::steam(0).digits(), 5);
    }

    #[test]
    fn matches_exactly() {
        let code = Code::new(7, 6);
        assert!(code.matches("000007"));
        assert!(!code.matches("000008"));
        assert!(!code.matches("7"));
        assert!(!code.matches("0000070"));
    }
}
