//! The `hotp` value of a credential: an object `{"secret", "algorithm", "digits", "counter"}`
//! or an `otpauth://hotp/...&counter=N` Key URI. Checked where it is read, so errors point
//! at it.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};

use super::fields::{AlgorithmField, SecretField};
use super::model::HotpConfig;
use crate::otp::{KeyUri, Params};

fn counter_range() -> String {
    crate::t!("err-vault-counter-range")
}

impl<'de> Deserialize<'de> for HotpConfig {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(HotpVisitor)
    }
}

struct HotpVisitor;

impl<'de> Visitor<'de> for HotpVisitor {
    type Value = HotpConfig;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&crate::t!("err-vault-expect-hotp"))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<HotpConfig, E> {
        let uri = KeyUri::parse(text).map_err(E::custom)?;
        let Some(counter) = uri.counter else {
            return Err(E::custom(crate::t!("err-vault-totp-uri-in-hotp")));
        };
        Ok(HotpConfig {
            secret: uri.secret,
            algorithm: uri.params.algorithm,
            digits: uri.params.digits,
            counter,
            issuer: uri.issuer,
        })
    }

    fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<HotpConfig, M::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct RawHotp {
            secret: SecretField,
            #[serde(default)]
            algorithm: Option<AlgorithmField>,
            #[serde(default)]
            digits: Option<u64>,
            #[serde(default)]
            counter: Option<Counter>,
            #[serde(default, rename = "period")]
            _period: Option<NoPeriod>,
        }
        let raw = RawHotp::deserialize(de::value::MapAccessDeserializer::new(map))?;
        let defaults = Params::default();
        let params = Params::new(
            raw.algorithm.map_or(defaults.algorithm, |a| a.0),
            raw.digits.unwrap_or(u64::from(defaults.digits)),
            defaults.period,
        )
        .map_err(de::Error::custom)?;
        Ok(HotpConfig {
            secret: raw.secret.0,
            algorithm: params.algorithm,
            digits: params.digits,
            counter: raw.counter.map_or(0, |c| c.0),
            issuer: None,
        })
    }
}

/// An HOTP counter: any whole number a `u64` holds, and nothing else.
struct Counter(u64);

impl<'de> Deserialize<'de> for Counter {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(CounterVisitor)
    }
}

struct CounterVisitor;

impl Visitor<'_> for CounterVisitor {
    type Value = Counter;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&counter_range())
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Counter, E> {
        Ok(Counter(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Counter, E> {
        u64::try_from(value).map(Counter).map_err(|_| {
            E::custom(crate::t!(
                "err-vault-counter-negative",
                range = counter_range()
            ))
        })
    }

    /// serde_json reads a fraction, an exponent or a number past 2^64-1 as a float.
    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Counter, E> {
        let range = counter_range();
        Err(E::custom(if value < 0.0 {
            crate::t!("err-vault-counter-negative", range = range)
        } else if value.fract() != 0.0 || !value.is_finite() {
            crate::t!("err-vault-counter-fraction", range = range)
        } else if value >= 18_446_744_073_709_551_616.0 {
            crate::t!("err-vault-counter-too-large", range = range)
        } else {
            crate::t!("err-vault-counter-float", range = range)
        }))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Counter, E> {
        Err(E::custom(crate::t!(
            "err-vault-counter-string",
            range = counter_range()
        )))
    }
}

/// A `period` in an `hotp` object is refused at the value itself.
struct NoPeriod;

impl<'de> Deserialize<'de> for NoPeriod {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        IgnoredAny::deserialize(deserializer)?;
        Err(de::Error::custom(crate::t!("err-vault-hotp-period")))
    }
}
