use std::fmt;
use std::sync::OnceLock;

use data_encoding::{Encoding, Specification};
use zeroize::{Zeroize, Zeroizing};

/// Secrets shorter than this are accepted but flagged (RFC 4226 asks for at least 128 bits).
pub const RECOMMENDED_BITS: usize = 128;

/// A shared TOTP key. Its bytes are wiped on drop and never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret {
    bytes: Zeroizing<Vec<u8>>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SecretError {
    #[error("{}", crate::t!("err-secret-empty"))]
    Empty,
    /// 1-based character position in the text as written; the character itself is not echoed.
    #[error("{}", crate::t!("err-secret-bad-character", position = position.to_string()))]
    InvalidCharacter { position: usize },
    #[error("{}", crate::t!("err-secret-bad-length", length = *.length))]
    InvalidLength { length: usize },
}

fn base32() -> &'static Encoding {
    static ENCODING: OnceLock<Encoding> = OnceLock::new();
    ENCODING.get_or_init(|| {
        let mut spec = Specification::new();
        spec.symbols.push_str("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
        // Several issuers leave stray low bits in the last character; the bytes are still clear.
        spec.check_trailing_bits = false;
        spec.encoding()
            .unwrap_or_else(|_| data_encoding::BASE32_NOPAD.clone())
    })
}

impl Secret {
    pub fn from_bytes(bytes: Vec<u8>) -> Self {
        Self {
            bytes: Zeroizing::new(bytes),
        }
    }

    /// Parses base32 in any case, ignoring spaces and dashes, with `=` padding optional.
    pub fn from_base32(text: &str) -> Result<Self, SecretError> {
        let mut clean = Zeroizing::new(String::with_capacity(text.len()));
        let mut padding_from = None;
        for (index, ch) in text.chars().enumerate() {
            let position = index + 1;
            match ch {
                ' ' | '-' => {}
                '=' => {
                    padding_from.get_or_insert(position);
                }
                'a'..='z' | 'A'..='Z' | '2'..='7' => {
                    if padding_from.is_some() {
                        return Err(SecretError::InvalidCharacter { position });
                    }
                    clean.push(ch.to_ascii_uppercase());
                }
                _ => return Err(SecretError::InvalidCharacter { position }),
            }
        }
        if clean.is_empty() {
            return Err(SecretError::Empty);
        }
        let bytes = base32()
            .decode(clean.as_bytes())
            .map_err(|_| SecretError::InvalidLength {
                length: clean.len(),
            })?;
        Ok(Self::from_bytes(bytes))
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    pub fn bits(&self) -> usize {
        self.bytes.len() * 8
    }

    pub fn is_short(&self) -> bool {
        self.bits() < RECOMMENDED_BITS
    }

    /// Upper-case base32 without padding, as authenticator apps expect in a Key URI.
    pub fn to_base32(&self) -> Zeroizing<String> {
        let mut out = Zeroizing::new(String::new());
        base32().encode_append(&self.bytes, &mut out);
        out
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({} bits, redacted)", self.bits())
    }
}

impl Zeroize for Secret {
    fn zeroize(&mut self) {
        self.bytes.zeroize();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_secret_or_key_uri_is_explained_in_portuguese() {
        let _pt = crate::i18n::speak(crate::i18n::Language::PortugueseBrazil);
        let error = |text: &str| Secret::from_base32(text).unwrap_err().to_string();
        assert_eq!(error(""), "a chave secreta está vazia");
        assert_eq!(
            error("JBSW!"),
            "a chave secreta tem um caractere fora do base32 (A-Z, 2-7) na posição 5"
        );
        assert_eq!(
            error("A"),
            "a chave secreta tem 1 caractere base32, quantidade que nenhum número inteiro de \
             bytes codifica"
        );
        let uri = |text: &str| crate::otp::KeyUri::parse(text).unwrap_err().to_string();
        assert_eq!(
            uri("otpauth://totp/x?issuer=a"),
            "a URI da chave não tem o parâmetro \"secret\""
        );
        assert_eq!(
            uri("otpauth://totp/x?secret=JBSWY3DP&digits=9"),
            "URI da chave: digits deve ser 6, 7 ou 8, não 9"
        );
        assert_eq!(
            uri("https://example.com"),
            "uma URI da chave começa com \"otpauth://totp/\" (ou hotp, ou steam)"
        );
    }

    #[test]
    fn decodes_rfc_4648_vectors() {
        let cases = [
            ("MY", "f"),
            ("MZXQ", "fo"),
            ("MZXW6", "foo"),
            ("MZXW6YQ", "foob"),
            ("MZXW6YTB", "fooba"),
            ("MZXW6YTBOI", "foobar"),
            ("MZXW6YTBOI======", "foobar"),
        ];
        for (text, bytes) in cases {
            let secret = Secret::from_base32(text).unwrap();
            assert_eq!(secret.as_bytes(), bytes.as_bytes(), "{text}");
        }
    }

    #[test]
    fn accepts_any_case_spaces_and_dashes() {
        let canonical = Secret::from_base32("JBSWY3DPEHPK3PXP").unwrap();
        for text in [
            "jbswy3dpehpk3pxp",
            "jbsw y3dp ehpk 3pxp",
            "JBSW-Y3DP-EHPK-3PXP",
        ] {
            assert_eq!(Secret::from_base32(text).unwrap(), canonical, "{text}");
        }
    }

    #[test]
    fn names_the_position_of_a_bad_character() {
        assert_eq!(
            Secret::from_base32("JBSW1Y3D"),
            Err(SecretError::InvalidCharacter { position: 5 })
        );
        assert_eq!(
            Secret::from_base32("MZXW6===x"),
            Err(SecretError::InvalidCharacter { position: 9 })
        );
        assert_eq!(
            Secret::from_base32("ÄBC"),
            Err(SecretError::InvalidCharacter { position: 1 })
        );
    }

    #[test]
    fn refuses_empty_and_impossible_lengths() {
        assert_eq!(Secret::from_base32(""), Err(SecretError::Empty));
        assert_eq!(Secret::from_base32(" - = "), Err(SecretError::Empty));
        assert_eq!(
            Secret::from_base32("ABC"),
            Err(SecretError::InvalidLength { length: 3 })
        );
    }

    #[test]
    fn flags_short_secrets() {
        assert!(Secret::from_base32("JBSWY3DPEHPK3PXP").unwrap().is_short());
        let long = Secret::from_base32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ").unwrap();
        assert_eq!(long.bits(), 160);
        assert!(!long.is_short());
    }

    #[test]
    fn round_trips_and_never_prints() {
        let secret = Secret::from_base32("jbswy3dpehpk3pxp").unwrap();
        assert_eq!(secret.to_base32().as_str(), "JBSWY3DPEHPK3PXP");
        let debug = format!("{secret:?}");
        assert!(!debug.contains("JBSW") && debug.contains("redacted"));
    }
}
