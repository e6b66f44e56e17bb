//! The values inside a credential that are more than plain strings: dates, access, the
//! password and the TOTP settings. Each is checked where it is read, so errors point at it.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::model::{Access, Password, TotpConfig};
use crate::otp::{Algorithm, KeyUri, Params, Secret, UnknownAlgorithm};

pub(super) struct Date(pub OffsetDateTime);

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(ParseStr {
            expecting: || crate::t!("err-vault-expect-date"),
            parse: |text: &str| {
                OffsetDateTime::parse(text, &Rfc3339)
                    .map(Date)
                    .map_err(|_| crate::t!("err-vault-date-invalid"))
            },
        })
    }
}

/// Parses a string inside the visitor, so serde_json reports a bad value at the value itself
/// rather than after the object around it.
pub(super) struct ParseStr<F> {
    /// Called only when a message needs it: a large vault reads many of these.
    pub(super) expecting: fn() -> String,
    pub(super) parse: F,
}

impl<T, F: FnOnce(&str) -> Result<T, String>> Visitor<'_> for ParseStr<F> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&(self.expecting)())
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
        (self.parse)(text).map_err(E::custom)
    }
}

impl<'de> Deserialize<'de> for Access {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct RawAccess {
            view_password: Option<bool>,
            start_session: Option<bool>,
            require_reason: Option<bool>,
        }
        let raw = RawAccess::deserialize(deserializer)?;
        let default = Access::default();
        Ok(Access {
            view_password: raw.view_password.unwrap_or(default.view_password),
            start_session: raw.start_session.unwrap_or(default.start_session),
            require_reason: raw.require_reason.unwrap_or(default.require_reason),
        })
    }
}

impl<'de> Deserialize<'de> for Password {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer)
            .map(Password::new)
            .map_err(|_: D::Error| de::Error::custom(crate::t!("err-vault-password-not-string")))
    }
}

impl<'de> Deserialize<'de> for TotpConfig {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TotpVisitor)
    }
}

struct TotpVisitor;

impl<'de> Visitor<'de> for TotpVisitor {
    type Value = TotpConfig;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&crate::t!("err-vault-expect-totp"))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<TotpConfig, E> {
        let uri = KeyUri::parse(text).map_err(E::custom)?;
        if uri.counter.is_some() {
            return Err(E::custom(crate::t!("err-vault-hotp-uri-in-totp")));
        }
        Ok(TotpConfig {
            secret: uri.secret,
            params: uri.params,
            issuer: uri.issuer,
            time_offset: 0,
        })
    }

    fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<TotpConfig, M::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct RawTotp {
            secret: SecretField,
            #[serde(default)]
            algorithm: Option<AlgorithmField>,
            #[serde(default)]
            digits: Option<u64>,
            #[serde(default)]
            period: Option<u64>,
            #[serde(default)]
            encoder: Option<SteamEncoder>,
            #[serde(default)]
            time_offset: Option<TimeOffsetField>,
        }
        let raw = RawTotp::deserialize(de::value::MapAccessDeserializer::new(map))?;
        let defaults = Params::default();
        let params = match raw.encoder {
            Some(SteamEncoder) => {
                Params::steam_checked(raw.algorithm.map(|a| a.0), raw.digits, raw.period)
            }
            None => Params::new(
                raw.algorithm.map_or(defaults.algorithm, |a| a.0),
                raw.digits.unwrap_or(u64::from(defaults.digits)),
                raw.period.unwrap_or(defaults.period),
            ),
        }
        .map_err(de::Error::custom)?;
        Ok(TotpConfig {
            secret: raw.secret.0,
            params,
            issuer: None,
            time_offset: raw.time_offset.map_or(0, |t| t.0),
        })
    }
}

/// A service's clock is off by seconds or minutes; a day or more is a mistake in the file.
pub const MAX_TIME_OFFSET: i64 = 86_400;

struct TimeOffsetField(i64);

impl<'de> Deserialize<'de> for TimeOffsetField {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TimeOffsetVisitor)
    }
}

struct TimeOffsetVisitor;

impl Visitor<'_> for TimeOffsetVisitor {
    type Value = TimeOffsetField;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&crate::t!(
            "err-vault-expect-time-offset",
            max = MAX_TIME_OFFSET.to_string()
        ))
    }

    fn visit_i64<E: de::Error>(self, secs: i64) -> Result<TimeOffsetField, E> {
        if secs.unsigned_abs() > MAX_TIME_OFFSET.unsigned_abs() {
            return Err(E::custom(crate::t!(
                "err-vault-time-offset-range",
                max = MAX_TIME_OFFSET.to_string(),
                secs = secs.to_string()
            )));
        }
        Ok(TimeOffsetField(secs))
    }

    fn visit_u64<E: de::Error>(self, secs: u64) -> Result<TimeOffsetField, E> {
        self.visit_i64(i64::try_from(secs).unwrap_or(i64::MAX))
    }
}

/// `"encoder": "steam"`, KeePassXC's word; the only encoder besides plain digits.
struct SteamEncoder;

impl<'de> Deserialize<'de> for SteamEncoder {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(ParseStr {
            expecting: || "\"steam\"".to_owned(),
            parse: |text: &str| {
                if text.eq_ignore_ascii_case("steam") {
                    Ok(SteamEncoder)
                } else {
                    Err(crate::t!(
                        "err-vault-encoder-unknown",
                        encoder = text.chars().take(32).collect::<String>()
                    ))
                }
            },
        })
    }
}

pub(super) struct SecretField(pub(super) Secret);

impl<'de> Deserialize<'de> for SecretField {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(ParseStr {
            expecting: || crate::t!("err-vault-expect-base32"),
            parse: |text: &str| {
                Secret::from_base32(text)
                    .map(SecretField)
                    .map_err(|e| e.to_string())
            },
        })
    }
}

pub(super) struct AlgorithmField(pub(super) Algorithm);

impl<'de> Deserialize<'de> for AlgorithmField {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(ParseStr {
            expecting: || crate::t!("err-vault-expect-algorithm"),
            parse: |text: &str| {
                text.parse()
                    .map(AlgorithmField)
                    .map_err(|e: UnknownAlgorithm| e.to_string())
            },
        })
    }
}
