//! Key URIs of every kind apps export: `otpauth://totp|hotp|steam/...`, the `encoder=steam`
//! parameter, and Bitwarden's and Proton's `steam://SECRET`.

use percent_encoding::percent_decode_str;
use zeroize::Zeroizing;

use super::EntryError;
use super::entry::{ImportedEntry, OtpKind, Place, algorithm, base32_secret};

/// Reads one Key URI; messages never repeat the secret.
pub fn parse(text: &str, place: Place) -> Result<ImportedEntry, EntryError> {
    let fail = |message: &str| EntryError::new(place, message);
    let text = text.trim();
    if let Some(secret) = strip_prefix_ignore_case(text, "steam://") {
        let mut entry = ImportedEntry::totp(base32_secret(secret, place)?, "", place);
        steam(&mut entry);
        return Ok(entry);
    }
    let rest = strip_prefix_ignore_case(text, "otpauth://")
        .ok_or_else(|| fail(&crate::t!("err-import-uri-not-uri")))?;
    let (kind, rest) = rest.split_once('/').unwrap_or((rest, ""));
    let kind = kind.to_ascii_lowercase();
    if !matches!(kind.as_str(), "totp" | "hotp" | "steam") {
        return Err(fail(&crate::t!(
            "err-import-uri-kind",
            kind = crate::format::printable(&kind.chars().take(16).collect::<String>())
        )));
    }
    let (label, query) = rest.split_once('?').unwrap_or((rest, ""));
    let label = decode(label).ok_or_else(|| fail(&crate::t!("err-import-uri-label")))?;
    let (label_issuer, account) = match label.split_once(':') {
        Some((issuer, account)) => (Some(issuer.trim().to_owned()), account.trim().to_owned()),
        None => (None, label.trim().to_owned()),
    };

    let mut secret = None;
    let mut entry = ImportedEntry::totp(crate::otp::Secret::from_bytes(Vec::new()), account, place);
    let mut period = 30;
    let mut counter = None;
    let mut encoder_steam = false;
    for pair in query.split('&').filter(|pair| !pair.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = Zeroizing::new(
            decode(&value.replace('+', " "))
                .ok_or_else(|| fail(&crate::t!("err-import-uri-parameter")))?,
        );
        match name.to_ascii_lowercase().as_str() {
            "secret" => secret = Some(value),
            "issuer" => entry.issuer = super::entry::non_empty(Some(&value)),
            "algorithm" => entry.algorithm = algorithm(&value, place)?,
            "digits" => {
                entry.digits = super::entry::digits(number(&value, "digits", place)?, place)?;
            }
            "period" => period = number(&value, "period", place)?,
            "counter" => counter = Some(number(&value, "counter", place)?),
            "encoder" => encoder_steam = value.eq_ignore_ascii_case("steam"),
            _ => {}
        }
    }
    let secret = secret.ok_or_else(|| fail(&crate::t!("err-import-uri-no-secret")))?;
    entry.secret = base32_secret(&secret, place)?;
    if entry.issuer.is_none() {
        entry.issuer = super::entry::non_empty(label_issuer.as_deref());
    }
    entry.kind = match kind.as_str() {
        "hotp" => OtpKind::Hotp {
            counter: counter.unwrap_or(0),
        },
        _ => OtpKind::Totp { period },
    };
    if kind == "steam" || encoder_steam {
        steam(&mut entry);
    }
    Ok(entry)
}

fn steam(entry: &mut ImportedEntry) {
    entry.kind = OtpKind::Steam;
    entry.digits = 5;
    entry.algorithm = crate::otp::Algorithm::Sha1;
    if entry.issuer.is_none() {
        entry.issuer = Some("Steam".into());
    }
}

fn number(text: &str, name: &str, place: Place) -> Result<u64, EntryError> {
    text.trim()
        .parse()
        .map_err(|_| EntryError::new(place, crate::t!("err-uri-not-a-number", name = name)))
}

fn decode(text: &str) -> Option<String> {
    percent_decode_str(text)
        .decode_utf8()
        .ok()
        .map(|decoded| decoded.into_owned())
}

pub(super) fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::otp::Algorithm;

    #[test]
    fn reads_every_kind() {
        let e = parse(
            "otpauth://hotp/ACME%20Co:j%C3%B8rn%40x?secret=JBSWY3DPEHPK3PXP&counter=42&digits=8&algorithm=SHA256",
            Place::Line(3),
        )
        .unwrap();
        assert_eq!(e.kind, OtpKind::Hotp { counter: 42 });
        assert_eq!((e.digits, e.algorithm), (8, Algorithm::Sha256));
        assert_eq!(e.issuer.as_deref(), Some("ACME Co"));
        assert_eq!(e.account, "jørn@x");
        let e = parse(
            "otpauth://totp/a?secret=JBSWY3DP&encoder=steam",
            Place::Line(1),
        )
        .unwrap();
        assert_eq!((e.kind, e.digits), (OtpKind::Steam, 5));
        let e = parse("steam://JBSWY3DP", Place::Line(1)).unwrap();
        assert_eq!(e.kind, OtpKind::Steam);
        let e = parse("otpauth://totp/x?secret=JBSWY3DP&period=45", Place::Line(1)).unwrap();
        assert_eq!(e.kind, OtpKind::Totp { period: 45 });
    }

    #[test]
    fn errors_name_the_place_not_the_secret() {
        for bad in [
            "otpauth://totp/x?secret=JBSW1Y3D",
            "otpauth://yandex/x?secret=JBSWY3DP",
            "otpauth://totp/x",
            "otpauth://totp/x?secret=JBSWY3DP&counter=x",
            "https://example.com",
        ] {
            let error = parse(bad, Place::Line(7)).unwrap_err();
            assert_eq!(error.place, Place::Line(7));
            assert!(!error.to_string().contains("JBSW"), "{error}");
        }
    }
}
