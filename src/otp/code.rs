use std::fmt;

/// A one-time code: its value and how many digits it is written with.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Code {
    value: u32,
    digits: u8,
}

impl Code {
    pub(crate) const fn new(value: u32, digits: u8) -> Self {
        Self { value, digits }
    }

    pub const fn digits(self) -> u8 {
        self.digits
    }

    /// The code split for reading aloud: `123 456`, `1234 5678`, `123 4567`.
    pub fn grouped(self) -> String {
        let plain = self.to_string();
        let split = plain.len() / 2;
        format!("{} {}", &plain[..split], &plain[split..])
    }

    /// Compares with what a user typed, in time independent of where they differ.
    pub fn matches(self, typed: &str) -> bool {
        let ours = self.to_string();
        if typed.len() != ours.len() {
            return false;
        }
        let diff = ours
            .bytes()
            .zip(typed.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b));
        diff == 0
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:0width$}",
            self.value,
            width = usize::from(self.digits)
        )
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
    fn matches_exactly() {
        let code = Code::new(7, 6);
        assert!(code.matches("000007"));
        assert!(!code.matches("000008"));
        assert!(!code.matches("7"));
        assert!(!code.matches("0000070"));
    }
}
