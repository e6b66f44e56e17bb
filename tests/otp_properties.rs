//! Property tests for the OTP engine: codes agree with totp-rs, an independent
//! implementation, and Key URIs and base32 secrets survive a round trip.

use credview::otp::{Algorithm, KeyUri, Params, Secret, Timestamp, Totp};
use proptest::prelude::*;
use proptest::sample::Index;

/// 2500-01-01T00:00:00Z in seconds since the Unix epoch.
const YEAR_2500: u64 = 16_725_225_600;

fn algorithm() -> impl Strategy<Value = Algorithm> {
    prop::sample::select(vec![Algorithm::Sha1, Algorithm::Sha256, Algorithm::Sha512])
}

fn secret_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(any::<u8>(), 1..=64)
}

fn params() -> impl Strategy<Value = Params> {
    (algorithm(), 6u64..=8, 1u64..=86_400)
        .prop_map(|(algorithm, digits, period)| Params::new(algorithm, digits, period).unwrap())
}

fn reference(algorithm: Algorithm) -> totp_rs::Algorithm {
    match algorithm {
        Algorithm::Sha1 => totp_rs::Algorithm::SHA1,
        Algorithm::Sha256 => totp_rs::Algorithm::SHA256,
        Algorithm::Sha512 => totp_rs::Algorithm::SHA512,
    }
}

/// Text that leans on the characters a Key URI gives meaning to, mixed with any other `char`.
fn label_text(max_chars: usize) -> impl Strategy<Value = String> {
    let special = prop::sample::select(vec![
        ':', '&', '=', '+', '%', ' ', '?', '#', '/', '@', '\u{a0}', '\u{3000}',
    ]);
    prop::collection::vec(
        prop_oneof![
            2 => special,
            1 => prop::char::range('a', 'z'),
            2 => any::<char>(),
        ],
        0..=max_chars,
    )
    // The parser trims the label and the issuer taken from it; generate what survives that.
    .prop_map(|chars| chars.into_iter().collect::<String>().trim().to_owned())
}

fn non_empty_label_text(max_chars: usize) -> impl Strategy<Value = String> {
    label_text(max_chars).prop_filter("non-empty after trimming", |text| !text.is_empty())
}

proptest! {
    /// credview's TOTP matches totp-rs for any secret, time, algorithm, digit count and period,
    /// at the sampled time and at both ends of the step that holds it.
    #[test]
    fn totp_matches_totp_rs(
        bytes in secret_bytes(),
        time in 0u64..=YEAR_2500,
        params in params(),
    ) {
        let totp = Totp::new(&Secret::from_bytes(bytes.clone()), params);
        // build_noncompliant: totp-rs refuses secrets under 128 bits, credview accepts them.
        let other = totp_rs::Builder::new()
            .with_algorithm(reference(params.algorithm))
            .with_digits(params.digits)
            .with_step_duration(params.period)
            .with_skew(0)
            .with_secret(bytes)
            .build_noncompliant();

        let step_start = time - time % params.period;
        for at in [time, step_start, step_start + params.period - 1] {
            let ours = totp.code(Timestamp::from_secs(at)).to_string();
            let theirs = other.generate(at).to_string();
            prop_assert_eq!(ours.len(), usize::from(params.digits));
            prop_assert_eq!(ours, theirs, "{:?} at {}", params, at);
        }
    }

    /// `to_uri` then `parse` gives back the same Key URI.
    #[test]
    fn key_uri_round_trips(
        issuer in prop::option::of(non_empty_label_text(24)),
        account in non_empty_label_text(24),
        bytes in secret_bytes(),
        params in params(),
    ) {
        let uri = KeyUri {
            issuer,
            account,
            secret: Secret::from_bytes(bytes),
            params,
            counter: None,
        };
        let text = uri.to_uri();
        let parsed = KeyUri::parse(&text);
        prop_assert_eq!(parsed.as_ref(), Ok(&uri), "{}", text.as_str());
    }

    /// `from_base32(to_base32())` gives back the same bytes, however the text is dressed up:
    /// lower or mixed case, spaces and dashes anywhere, `=` padding to a multiple of 8.
    #[test]
    fn base32_round_trips(
        bytes in secret_bytes(),
        case in 0u8..3,
        lower_mask in prop::collection::vec(any::<bool>(), 104),
        pad in any::<bool>(),
        separators in prop::collection::vec(
            (any::<Index>(), prop::sample::select(vec![' ', '-'])),
            0..8,
        ),
    ) {
        let secret = Secret::from_bytes(bytes.clone());
        let canonical = secret.to_base32();
        prop_assert_eq!(Secret::from_base32(&canonical).map(|s| s.as_bytes().to_vec()), Ok(bytes.clone()));

        let mut text: Vec<char> = canonical
            .chars()
            .zip(&lower_mask)
            .map(|(ch, &lower)| match case {
                0 => ch,
                1 => ch.to_ascii_lowercase(),
                _ if lower => ch.to_ascii_lowercase(),
                _ => ch,
            })
            .collect();
        if pad {
            while !text.len().is_multiple_of(8) {
                text.push('=');
            }
        }
        for (at, separator) in separators {
            let position = at.index(text.len() + 1);
            text.insert(position, separator);
        }
        let text: String = text.into_iter().collect();

        let decoded = Secret::from_base32(&text).map(|s| s.as_bytes().to_vec());
        prop_assert_eq!(decoded, Ok(bytes), "{}", text);
    }
}

/// Found by `key_uri_round_trips`: without an issuer, `to_uri` escaped the account's colon as
/// `%3A`, which `parse` reads as the issuer/account separator, so "ops:root" came back as
/// issuer "ops", account "root" (and ":" as an empty account).
#[test]
fn key_uri_keeps_a_colon_in_an_account_without_issuer() {
    for account in ["ops:root", ":", "a:b:c"] {
        let uri = KeyUri {
            issuer: None,
            account: account.to_owned(),
            secret: Secret::from_base32("JBSWY3DPEHPK3PXP").unwrap(),
            params: Params::default(),
            counter: None,
        };
        let text = uri.to_uri();
        assert_eq!(KeyUri::parse(&text).as_ref(), Ok(&uri), "{}", text.as_str());
    }
}
