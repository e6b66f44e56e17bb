//! The `hotp` value of a credential: an object `{"secret", "algorithm", "digits", "counter"}`
//! or an `otpauth://hotp/...&counter=N` Key URI. Checked where it is read, so errors point
//! at it.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};

use super::fields::{AlgorithmField, SecretField};
use super::model::HotpConfig;
use crate::otp::{KeyUri, Params};

const COUNTER_RANGE: &str = "a whole number from 0 to 18446744073709551615";

impl<'de> Deserialize<'de> for HotpConfig {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(HotpVisitor)
    }
}

struct HotpVisitor;

impl<'de> Visitor<'de> for HotpVisitor {
    type Value = HotpConfig;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(
            "an hotp object {\"secret\": ..., \"counter\": 0} or an \"otpauth://hotp/...\" string",
        )
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<HotpConfig, E> {
        let uri = KeyUri::parse(text).map_err(E::custom)?;
        let Some(counter) = uri.counter else {
            return Err(E::custom(
                "an \"hotp\" Key URI starts with \"otpauth://hotp/\"; a time-based one belongs in \"totp\"",
            ));
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
        f.write_str(COUNTER_RANGE)
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Counter, E> {
        Ok(Counter(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Counter, E> {
        u64::try_from(value).map(Counter).map_err(|_| {
            E::custom(format!(
                "the counter is negative; it must be {COUNTER_RANGE}"
            ))
        })
    }

    /// serde_json reads a fraction, an exponent or a number past 2^64-1 as a float.
    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Counter, E> {
        let why = if value < 0.0 {
            "is negative"
        } else if value.fract() != 0.0 || !value.is_finite() {
            "is not a whole number"
        } else if value >= 18_446_744_073_709_551_616.0 {
            "is past 2^64-1"
        } else {
            "is written with a fraction or exponent"
        };
        Err(E::custom(format!(
            "the counter {why}; it must be {COUNTER_RANGE}"
        )))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Counter, E> {
        Err(E::custom(format!(
            "the counter is a string; it must be {COUNTER_RANGE}, without quotes"
        )))
    }
}

/// A `period` in an `hotp` object is refused at the value itself.
struct NoPeriod;

impl<'de> Deserialize<'de> for NoPeriod {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        IgnoredAny::deserialize(deserializer)?;
        Err(de::Error::custom(
            "an hotp object has no period: HOTP codes do not expire; remove it, or use \"totp\"",
        ))
    }
}
