use std::fmt;
use std::str::FromStr;

use hmac::{Hmac, KeyInit, Mac};
use sha1::Sha1;
use sha2::{Sha256, Sha512};

use super::{Code, Encoder, Secret};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Algorithm {
    #[default]
    Sha1,
    Sha256,
    Sha512,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::t!("err-otp-algorithm-unknown", name = .0))]
pub struct UnknownAlgorithm(pub String);

impl FromStr for Algorithm {
    type Err = UnknownAlgorithm;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.to_ascii_uppercase().as_str() {
            "SHA1" => Ok(Self::Sha1),
            "SHA256" => Ok(Self::Sha256),
            "SHA512" => Ok(Self::Sha512),
            _ => Err(UnknownAlgorithm(text.chars().take(32).collect())),
        }
    }
}

impl fmt::Display for Algorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Sha1 => "SHA1",
            Self::Sha256 => "SHA256",
            Self::Sha512 => "SHA512",
        })
    }
}

/// HMAC keyed once: cloning the prepared state skips re-hashing the key for every code.
#[derive(Clone)]
enum KeyedMac {
    Sha1(Hmac<Sha1>),
    Sha256(Hmac<Sha256>),
    Sha512(Hmac<Sha512>),
}

/// An HOTP generator (RFC 4226) for one secret, algorithm and digit count.
#[derive(Clone)]
pub struct Hotp {
    mac: KeyedMac,
    digits: u8,
    encoder: Encoder,
}

const POWERS_OF_TEN: [u32; 11] = [
    1,
    10,
    100,
    1_000,
    10_000,
    100_000,
    1_000_000,
    10_000_000,
    100_000_000,
    1_000_000_000,
    u32::MAX,
];

impl Hotp {
    /// `digits` is clamped to 1..=9 here; the vault and URI parsers enforce the 6 to 8 users may set.
    pub fn new(secret: &Secret, algorithm: Algorithm, digits: u8) -> Self {
        Self::with_encoder(secret, algorithm, digits, Encoder::Digits)
    }

    /// A Steam encoder ignores `digits`: its codes always have five characters.
    pub fn with_encoder(
        secret: &Secret,
        algorithm: Algorithm,
        digits: u8,
        encoder: Encoder,
    ) -> Self {
        let key = secret.as_bytes();
        // HMAC accepts keys of any length, so these constructors cannot fail.
        let mac = match algorithm {
            Algorithm::Sha1 => KeyedMac::Sha1(keyed(key)),
            Algorithm::Sha256 => KeyedMac::Sha256(keyed(key)),
            Algorithm::Sha512 => KeyedMac::Sha512(keyed(key)),
        };
        Self {
            mac,
            digits: digits.clamp(1, 9),
            encoder,
        }
    }

    pub fn code(&self, counter: u64) -> Code {
        let message = counter.to_be_bytes();
        let value = match &self.mac {
            KeyedMac::Sha1(mac) => sign_and_truncate(mac, &message),
            KeyedMac::Sha256(mac) => sign_and_truncate(mac, &message),
            KeyedMac::Sha512(mac) => sign_and_truncate(mac, &message),
        };
        match self.encoder {
            Encoder::Digits => {
                Code::new(value % POWERS_OF_TEN[usize::from(self.digits)], self.digits)
            }
            Encoder::Steam => Code::steam(value),
        }
    }
}

impl Hotp {
    /// RFC 4226 section 7.4 look-ahead: the first counter from `from` to `from + window` whose
    /// code is `typed`. Every counter in the window is computed and compared, so the time taken
    /// does not say which one matched.
    pub fn look_ahead(&self, typed: &str, from: u64, window: u64) -> Option<u64> {
        let mut matched = None;
        for offset in 0..=window {
            let Some(counter) = from.checked_add(offset) else {
                break;
            };
            if self.code(counter).matches(typed) && matched.is_none() {
                matched = Some(counter);
            }
        }
        matched
    }
}

fn keyed<M: KeyInit>(key: &[u8]) -> M {
    M::new_from_slice(key).unwrap_or_else(|_| M::new(&Default::default()))
}

fn sign_and_truncate<M: Mac + Clone>(mac: &M, message: &[u8]) -> u32 {
    truncate(&mac.clone().chain_update(message).finalize().into_bytes())
}

/// RFC 4226 section 5.3 dynamic truncation.
fn truncate(digest: &[u8]) -> u32 {
    let offset = usize::from(digest[digest.len() - 1] & 0x0f);
    u32::from_be_bytes([
        digest[offset] & 0x7f,
        digest[offset + 1],
        digest[offset + 2],
        digest[offset + 3],
    ])
}

impl fmt::Debug for Hotp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Hotp")
            .field("digits", &self.digits)
            .field("encoder", &self.encoder)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 4226 Appendix D: secret "12345678901234567890", counters 0 to 9.
    #[test]
    fn rfc_4226_appendix_d() {
        let secret = Secret::from_bytes(b"12345678901234567890".to_vec());
        let hotp = Hotp::new(&secret, Algorithm::Sha1, 6);
        let expected = [
            "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583",
            "399871", "520489",
        ];
        for (counter, code) in expected.iter().enumerate() {
            assert_eq!(
                hotp.code(counter as u64).to_string(),
                *code,
                "counter {counter}"
            );
        }
    }

    #[test]
    fn look_ahead_finds_the_first_match_in_the_window_only() {
        let secret = Secret::from_bytes(b"12345678901234567890".to_vec());
        let hotp = Hotp::new(&secret, Algorithm::Sha1, 6);
        // RFC 4226 Appendix D: counter 3 is "969429", counter 9 "520489".
        assert_eq!(hotp.look_ahead("969429", 0, 10), Some(3));
        assert_eq!(hotp.look_ahead("969429", 3, 0), Some(3));
        assert_eq!(hotp.look_ahead("520489", 0, 8), None);
        assert_eq!(hotp.look_ahead("520489", 0, 9), Some(9));
        assert_eq!(hotp.look_ahead("969429", 4, 5), None);
        assert_eq!(hotp.look_ahead("000000", u64::MAX, 10), None);
    }

    #[test]
    fn algorithms_parse_in_any_case() {
        assert_eq!("sha256".parse(), Ok(Algorithm::Sha256));
        assert_eq!("Sha512".parse(), Ok(Algorithm::Sha512));
        assert_eq!("SHA1".parse(), Ok(Algorithm::Sha1));
        assert!("MD5".parse::<Algorithm>().is_err());
    }
}
