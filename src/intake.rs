//! What a user hands over to set a TOTP secret, turned into the credential's TOTP settings:
//! a base32 secret as typed or pasted (any case, spaces and dashes, stored in upper case), an
//! `otpauth://` Key URI (which brings its own settings), or the texts of the QR codes found
//! in a screenshot. Pure; shared by the command line and the TUI's form.

use zeroize::Zeroizing;

use crate::otp::{Algorithm, KeyUri, Params, Secret};
use crate::vault::TotpConfig;

/// Whether pasted text is a Key URI rather than a bare secret.
pub fn is_key_uri(text: &str) -> bool {
    let text = text.trim_start().as_bytes();
    text.len() >= 10 && text[..10].eq_ignore_ascii_case(b"otpauth://")
}

/// A bare base32 secret with the given settings.
pub fn from_secret(text: &str, params: Params) -> Result<TotpConfig, String> {
    let secret = Secret::from_base32(text.trim()).map_err(|e| e.to_string())?;
    Ok(TotpConfig {
        secret,
        params,
        issuer: None,
        time_offset: 0,
    })
}

/// An `otpauth://totp/...` Key URI: secret, issuer and settings all from it.
pub fn from_uri(text: &str) -> Result<TotpConfig, String> {
    let uri = KeyUri::parse(text).map_err(|e| e.to_string())?;
    Ok(TotpConfig {
        secret: uri.secret,
        params: uri.params,
        issuer: uri.issuer.filter(|i| !i.trim().is_empty()),
        time_offset: 0,
    })
}

/// The first QR code that holds a Key URI; the reason none does otherwise.
pub fn from_qr_texts(texts: &[Zeroizing<String>]) -> Result<TotpConfig, String> {
    let mut first_error = None;
    for text in texts {
        if !is_key_uri(text) {
            continue;
        }
        match from_uri(text) {
            Ok(totp) => return Ok(totp),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    Err(first_error.unwrap_or_else(|| crate::t!("err-intake-no-key-uri")))
}

/// Settings from `--algorithm`, `--digits` and `--period`, each defaulting as the schema does.
pub fn params(
    algorithm: Option<&str>,
    digits: Option<u64>,
    period: Option<u64>,
) -> Result<Params, String> {
    let defaults = Params::default();
    let algorithm = match algorithm {
        Some(text) => text.parse::<Algorithm>().map_err(|e| e.to_string())?,
        None => defaults.algorithm,
    };
    Params::new(
        algorithm,
        digits.unwrap_or(u64::from(defaults.digits)),
        period.unwrap_or(defaults.period),
    )
    .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_is_normalised_and_checked() {
        let totp = from_secret(" jbsw-y3dp ehpk3pxp ", Params::default()).unwrap();
        assert_eq!(totp.secret.to_base32().as_str(), "JBSWY3DPEHPK3PXP");
        assert_eq!(
            from_secret("JBSW1", Params::default()).unwrap_err(),
            "the secret has a character outside base32 (A-Z, 2-7) at position 5"
        );
        assert_eq!(
            from_secret("  ", Params::default()).unwrap_err(),
            "the secret is empty"
        );
    }

    #[test]
    fn a_uri_brings_its_settings_and_issuer() {
        let totp = from_uri(
            "otpauth://totp/Z-API:me?secret=JBSWY3DPEHPK3PXP&issuer=Z-API&digits=8&period=60",
        )
        .unwrap();
        assert_eq!(totp.params.digits, 8);
        assert_eq!(totp.params.period, 60);
        assert_eq!(totp.issuer.as_deref(), Some("Z-API"));
        assert!(from_uri("otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=9").is_err());
        assert!(from_uri("otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP").is_err());
    }

    #[test]
    fn qr_texts_need_a_key_uri() {
        let texts = [Zeroizing::new("https://example.com".to_owned())];
        assert!(from_qr_texts(&texts).unwrap_err().contains("otpauth://"));
        let texts = [
            Zeroizing::new("hello".to_owned()),
            Zeroizing::new("OTPAUTH://totp/x?secret=JBSWY3DPEHPK3PXP".to_owned()),
        ];
        assert!(from_qr_texts(&texts).is_ok());
    }

    #[test]
    fn settings_are_checked() {
        assert_eq!(params(None, None, None).unwrap(), Params::default());
        assert!(params(Some("sha256"), Some(8), Some(60)).is_ok());
        assert!(params(Some("md5"), None, None).is_err());
        assert!(params(None, Some(5), None).is_err());
        assert!(params(None, None, Some(0)).is_err());
    }
}
