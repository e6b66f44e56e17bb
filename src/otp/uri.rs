//! `otpauth://` Key URIs, the format authenticator apps read from QR codes: `totp`, `hotp`
//! (with its `counter`) and Steam Guard (Aegis's `otpauth://steam/`, KeePassXC's
//! `encoder=steam`).

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use zeroize::Zeroizing;

use super::{Params, ParamsError, Secret, SecretError, UnknownAlgorithm};

const PREFIX: &str = "otpauth://";

/// Everything but RFC 3986 unreserved characters is escaped, so any app decodes it the same way.
const ESCAPE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'@');

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyUri {
    pub issuer: Option<String>,
    pub account: String,
    pub secret: Secret,
    /// For HOTP only the algorithm and digits apply.
    pub params: Params,
    /// `Some`: an HOTP key (`otpauth://hotp/`) and the counter of its next code.
    pub counter: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UriError {
    #[error("{}", crate::t!("err-uri-not-otpauth"))]
    NotOtpauth,
    #[error("{}", crate::t!("err-uri-unsupported-type", kind = .0))]
    UnsupportedType(String),
    #[error("{}", crate::t!("err-uri-missing-counter"))]
    MissingCounter,
    #[error("{}", crate::t!("err-uri-bad-counter"))]
    BadCounter,
    #[error("{}", crate::t!("err-uri-missing-secret"))]
    MissingSecret,
    #[error("{}", crate::t!("err-uri-bad-encoding", part = *.0))]
    BadEncoding(&'static str),
    #[error("{}", crate::t!("err-uri-repeated", name = .0))]
    Repeated(String),
    #[error("{}", crate::t!("err-uri-not-a-number", name = *.name))]
    NotANumber { name: &'static str },
    #[error("{}", crate::t!("err-uri-secret", why = .0.to_string()))]
    Secret(#[from] SecretError),
    #[error("{}", crate::t!("err-uri-part", why = .0.to_string()))]
    Algorithm(#[from] UnknownAlgorithm),
    #[error("{}", crate::t!("err-uri-part", why = .0.to_string()))]
    Params(#[from] ParamsError),
}

impl KeyUri {
    pub fn parse(text: &str) -> Result<Self, UriError> {
        let rest = strip_prefix_ignore_case(text.trim(), PREFIX).ok_or(UriError::NotOtpauth)?;
        let (kind, rest) = rest.split_once('/').unwrap_or((rest, ""));
        let kind = match kind.to_ascii_lowercase().as_str() {
            "totp" => Kind::Totp,
            "hotp" => Kind::Hotp,
            "steam" => Kind::Steam,
            _ => return Err(UriError::UnsupportedType(kind.chars().take(16).collect())),
        };
        let (label, query) = rest.split_once('?').unwrap_or((rest, ""));
        let (label_issuer, account) = split_label(label)?;

        let mut secret = None;
        let mut issuer = None;
        let mut algorithm = None;
        let mut digits = None;
        let mut period = None;
        let mut counter = None;
        let mut encoder = None;
        for pair in query.split('&').filter(|pair| !pair.is_empty()) {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            match name.to_ascii_lowercase().as_str() {
                "secret" => set_once(
                    &mut secret,
                    "secret",
                    Zeroizing::new(decode_query(value, "secret")?),
                )?,
                "issuer" => set_once(&mut issuer, "issuer", decode_query(value, "issuer")?)?,
                "algorithm" => set_once(
                    &mut algorithm,
                    "algorithm",
                    decode_query(value, "algorithm")?.parse()?,
                )?,
                "digits" => set_once(&mut digits, "digits", number(value, "digits")?)?,
                "period" => set_once(&mut period, "period", number(value, "period")?)?,
                "counter" => set_once(
                    &mut counter,
                    "counter",
                    value.trim().parse().map_err(|_| UriError::BadCounter)?,
                )?,
                "encoder" => set_once(&mut encoder, "encoder", decode_query(value, "encoder")?)?,
                // Apps add their own (image, icon, color); a QR made elsewhere must still load.
                _ => {}
            }
        }
        let secret = Secret::from_base32(&secret.ok_or(UriError::MissingSecret)?)?;
        // Other encoders (Yandex, ...) are not known here; their codes would be wrong.
        let steam =
            kind == Kind::Steam || encoder.is_some_and(|e: String| e.eq_ignore_ascii_case("steam"));
        let (params, counter) = match kind {
            // Some apps write a `period` into every URI; for HOTP it means nothing.
            Kind::Hotp => {
                let params = Params::new(
                    algorithm.unwrap_or_default(),
                    digits.unwrap_or(u64::from(super::totp::DEFAULT_DIGITS)),
                    super::totp::DEFAULT_PERIOD,
                )?;
                (params, Some(counter.ok_or(UriError::MissingCounter)?))
            }
            _ if steam => (Params::steam_checked(algorithm, digits, period)?, None),
            _ => {
                let params = Params::new(
                    algorithm.unwrap_or_default(),
                    digits.unwrap_or(u64::from(super::totp::DEFAULT_DIGITS)),
                    period.unwrap_or(super::totp::DEFAULT_PERIOD),
                )?;
                (params, None)
            }
        };
        Ok(Self {
            issuer: issuer
                .filter(|i| !i.is_empty())
                .or(label_issuer.filter(|i| !i.is_empty())),
            account,
            secret,
            params,
            counter,
        })
    }

    /// The URI as authenticator apps read it from a QR code.
    pub fn to_uri(&self) -> Zeroizing<String> {
        let account = utf8_percent_encode(&self.account, ESCAPE);
        let kind = if self.counter.is_some() {
            "hotp"
        } else {
            "totp"
        };
        let mut uri = Zeroizing::new(format!("otpauth://{kind}/"));
        match &self.issuer {
            Some(issuer) => uri.push_str(&format!("{}:", utf8_percent_encode(issuer, ESCAPE))),
            // `parse` takes an escaped colon in an issuer-less label as the separator; an empty
            // issuer before a literal colon keeps such an account whole.
            None if self.account.contains(':') => uri.push(':'),
            None => {}
        }
        uri.push_str(&format!("{account}?secret="));
        uri.push_str(&self.secret.to_base32());
        if let Some(issuer) = &self.issuer {
            uri.push_str(&format!("&issuer={}", utf8_percent_encode(issuer, ESCAPE)));
        }
        // Defaults are left out: every app assumes them, and a shorter URI makes a smaller QR
        // code, one that fits an 80×24 terminal.
        let Params {
            algorithm,
            digits,
            period,
            ..
        } = self.params;
        if let Some(counter) = self.counter {
            uri.push_str(&format!("&counter={counter}"));
        }
        if self.params.is_steam() {
            // KeePassXC's form: apps that know Steam read it, and it stays a totp URI.
            uri.push_str("&encoder=steam");
            return uri;
        }
        let defaults = Params::default();
        if algorithm != defaults.algorithm {
            uri.push_str(&format!("&algorithm={algorithm}"));
        }
        if digits != defaults.digits {
            uri.push_str(&format!("&digits={digits}"));
        }
        if period != defaults.period && self.counter.is_none() {
            uri.push_str(&format!("&period={period}"));
        }
        uri
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Totp,
    Hotp,
    Steam,
}

/// `issuer:account`; a literal colon separates first, so an escaped one may sit inside the issuer.
fn split_label(raw: &str) -> Result<(Option<String>, String), UriError> {
    let (issuer, account) = match raw.split_once(':') {
        Some((issuer, account)) => (Some(decode(issuer, "label")?), decode(account, "label")?),
        None => {
            let label = decode(raw, "label")?;
            match label.split_once(':') {
                Some((issuer, account)) => (Some(issuer.to_owned()), account.to_owned()),
                None => (None, label),
            }
        }
    };
    Ok((
        issuer.map(|i| i.trim().to_owned()),
        account.trim().to_owned(),
    ))
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// Query values may write a space as `+` (form encoding); the label is a path and keeps `+`.
fn decode_query(text: &str, what: &'static str) -> Result<String, UriError> {
    decode(&text.replace('+', " "), what)
}

fn decode(text: &str, what: &'static str) -> Result<String, UriError> {
    percent_decode_str(text)
        .decode_utf8()
        .map(|decoded| decoded.into_owned())
        .map_err(|_| UriError::BadEncoding(what))
}

fn number(text: &str, name: &'static str) -> Result<u64, UriError> {
    text.trim()
        .parse()
        .map_err(|_| UriError::NotANumber { name })
}

fn set_once<T>(slot: &mut Option<T>, name: &str, value: T) -> Result<(), UriError> {
    if slot.replace(value).is_some() {
        return Err(UriError::Repeated(name.to_owned()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::otp::Algorithm;

    #[test]
    fn parses_the_key_uri_format_example() {
        let uri = KeyUri::parse(
            "otpauth://totp/ACME%20Co:john.doe@email.com?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30",
        )
        .unwrap();
        assert_eq!(uri.issuer.as_deref(), Some("ACME Co"));
        assert_eq!(uri.account, "john.doe@email.com");
        assert_eq!(uri.params, Params::default());
        assert_eq!(uri.secret.bits(), 160);
    }

    #[test]
    fn applies_defaults_and_label_issuer() {
        let uri = KeyUri::parse("otpauth://totp/Example:alice?secret=jbswy3dpehpk3pxp").unwrap();
        assert_eq!(uri.issuer.as_deref(), Some("Example"));
        assert_eq!(uri.account, "alice");
        assert_eq!(uri.params, Params::default());
    }

    #[test]
    fn reads_every_parameter() {
        let uri = KeyUri::parse(
            "OTPAUTH://TOTP/bob?secret=JBSWY3DPEHPK3PXP&algorithm=sha512&digits=8&period=60&image=x",
        )
        .unwrap();
        assert_eq!(uri.params, Params::new(Algorithm::Sha512, 8, 60).unwrap());
        assert_eq!(uri.issuer, None);
    }

    #[test]
    fn keeps_plus_in_the_label_and_reads_it_as_space_in_the_query() {
        let uri =
            KeyUri::parse("otpauth://totp/alice+ops@x?secret=JBSWY3DP&issuer=Big+Co").unwrap();
        assert_eq!(uri.account, "alice+ops@x");
        assert_eq!(uri.issuer.as_deref(), Some("Big Co"));
    }

    #[test]
    fn round_trips() {
        let uri = KeyUri {
            issuer: Some("Big Corp: Ops & Co".into()),
            account: "root@srv db/01".into(),
            secret: Secret::from_base32("JBSWY3DPEHPK3PXP").unwrap(),
            params: Params::new(Algorithm::Sha256, 7, 45).unwrap(),
            counter: None,
        };
        let text = uri.to_uri();
        assert_eq!(KeyUri::parse(&text).unwrap(), uri);
    }

    #[test]
    fn reads_hotp_with_its_counter() {
        let uri = KeyUri::parse(
            "otpauth://hotp/Bank:alice?secret=JBSWY3DPEHPK3PXP&counter=18446744073709551615&digits=8",
        )
        .unwrap();
        assert_eq!(uri.counter, Some(u64::MAX));
        assert_eq!(uri.params.digits, 8);
        assert_eq!(KeyUri::parse(&uri.to_uri()).unwrap(), uri);
        assert!(uri.to_uri().starts_with("otpauth://hotp/Bank:alice?"));
        let with_period = KeyUri::parse("otpauth://hotp/a?secret=JBSWY3DP&counter=3&period=30");
        assert_eq!(with_period.map(|u| u.counter), Ok(Some(3)));
    }

    #[test]
    fn reads_both_spellings_of_steam() {
        let aegis = KeyUri::parse("otpauth://steam/Steam:gabe?secret=JBSWY3DPEHPK3PXP").unwrap();
        let keepassxc = KeyUri::parse(
            "otpauth://totp/Steam:gabe?secret=JBSWY3DPEHPK3PXP&period=30&digits=5&encoder=steam",
        )
        .unwrap();
        assert_eq!(aegis.params, Params::steam());
        assert_eq!(keepassxc, aegis);
        assert_eq!(KeyUri::parse(&aegis.to_uri()).unwrap(), aegis);
        assert!(aegis.to_uri().ends_with("&encoder=steam"));
    }

    #[test]
    fn refuses_malformed_uris_without_echoing_the_secret() {
        let cases = [
            ("https://totp/x?secret=JBSWY3DP", UriError::NotOtpauth),
            (
                "otpauth://yandex/x?secret=JBSWY3DP",
                UriError::UnsupportedType("yandex".into()),
            ),
            ("otpauth://hotp/x?secret=JBSWY3DP", UriError::MissingCounter),
            (
                "otpauth://hotp/x?secret=JBSWY3DP&counter=-1",
                UriError::BadCounter,
            ),
            (
                "otpauth://hotp/x?secret=JBSWY3DP&counter=1.5",
                UriError::BadCounter,
            ),
            (
                "otpauth://hotp/x?secret=JBSWY3DP&counter=18446744073709551616",
                UriError::BadCounter,
            ),
            (
                "otpauth://steam/x?secret=JBSWY3DP&digits=6",
                ParamsError::SteamDigits(6).into(),
            ),
            (
                "otpauth://totp/x?secret=JBSWY3DP&encoder=steam&digits=8",
                ParamsError::SteamDigits(8).into(),
            ),
            ("otpauth://totp/x?issuer=a", UriError::MissingSecret),
            (
                "otpauth://totp/x?secret=JBSW1Y3D",
                SecretError::InvalidCharacter { position: 5 }.into(),
            ),
            (
                "otpauth://totp/x?secret=JBSWY3DP&digits=x",
                UriError::NotANumber { name: "digits" },
            ),
            (
                "otpauth://totp/x?secret=JBSWY3DP&digits=9",
                ParamsError::Digits(9).into(),
            ),
            (
                "otpauth://totp/x?secret=JBSWY3DP&period=0",
                ParamsError::Period(0).into(),
            ),
            (
                "otpauth://totp/x?secret=JBSWY3DP&algorithm=MD5",
                UnknownAlgorithm("MD5".into()).into(),
            ),
            (
                "otpauth://totp/%FF?secret=JBSWY3DP",
                UriError::BadEncoding("label"),
            ),
            (
                "otpauth://totp/x?secret=JBSWY3DP&secret=JBSWY3DP",
                UriError::Repeated("secret".into()),
            ),
        ];
        for (text, expected) in cases {
            let error = KeyUri::parse(text).unwrap_err();
            assert_eq!(error, expected, "{text}");
            assert!(!error.to_string().contains("JBSW"), "{error}");
        }
    }
}
