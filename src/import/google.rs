//! Google Authenticator's export as text: `otpauth-migration://` lines.

use std::collections::BTreeMap;

use super::entry::{ImportedEntry, OtpKind, Place};
use super::migration::{self, Batch, OtpParameters, Payload};
use super::{EntryError, Format, ImportError, Input, Parsed, Password};
use crate::otp::{Algorithm, Secret};

pub struct Google;

impl Format for Google {
    fn id(&self) -> &'static str {
        "google"
    }

    fn name(&self) -> String {
        crate::t!("err-import-format-google")
    }

    fn detect(&self, input: &Input) -> bool {
        super::uri_list::first_line(input).is_some_and(|line| {
            line.get(..migration::PREFIX.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(migration::PREFIX))
        })
    }

    fn read(&self, input: &Input, _: &mut Password) -> Result<Parsed, ImportError> {
        let text = super::text(input)?;
        let mut parsed = Parsed::default();
        for (index, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let payload = migration::decode_url(line)
                .map_err(|e| ImportError::new(format!("{}: {e}", Place::Line(index + 1))))?;
            add_payload(&mut parsed, &payload, |_| Place::Line(index + 1));
        }
        Ok(parsed)
    }
}

/// The payload's accounts as entries, placed by `place(n)` (n: 1-based within the payload).
pub(super) fn add_payload(parsed: &mut Parsed, payload: &Payload, place: impl Fn(usize) -> Place) {
    parsed.batches.push(payload.batch());
    for (index, otp) in payload.otp_parameters.iter().enumerate() {
        parsed.entries.push(entry(otp, place(index + 1)));
    }
}

fn entry(otp: &OtpParameters, place: Place) -> Result<ImportedEntry, EntryError> {
    if otp.secret.is_empty() {
        return Err(EntryError::new(
            place,
            crate::t!("err-import-google-no-secret"),
        ));
    }
    let issuer = super::entry::non_empty(Some(&otp.issuer));
    // The app writes "Issuer:account" as the name when it has an issuer.
    let account = match (&issuer, otp.name.split_once(':')) {
        (Some(issuer), Some((prefix, rest))) if prefix.trim() == issuer => rest.trim(),
        _ => otp.name.trim(),
    };
    let mut entry = ImportedEntry::totp(Secret::from_bytes(otp.secret.clone()), account, place);
    entry.issuer = issuer;
    entry.algorithm = match otp.algorithm {
        0 | 1 => Algorithm::Sha1,
        2 => Algorithm::Sha256,
        3 => Algorithm::Sha512,
        4 => return Err(EntryError::new(place, crate::t!("err-import-google-md5"))),
        n => {
            return Err(EntryError::new(
                place,
                crate::t!("err-import-google-algorithm", n = n.to_string()),
            ));
        }
    };
    entry.digits = match otp.digits {
        0 | 1 => 6,
        2 => 8,
        n => {
            return Err(EntryError::new(
                place,
                crate::t!("err-import-google-digits", n = n.to_string()),
            ));
        }
    };
    entry.kind = match otp.kind {
        0 | 2 => OtpKind::Totp { period: 30 },
        1 => OtpKind::Hotp {
            counter: u64::try_from(otp.counter)
                .map_err(|_| EntryError::new(place, crate::t!("err-import-google-counter")))?,
        },
        n => {
            return Err(EntryError::new(
                place,
                crate::t!("err-import-google-kind", n = n.to_string()),
            ));
        }
    };
    Ok(entry)
}

/// Every part of every multi-part export must be there: a missing one is an error naming it.
pub fn check_batches(batches: &[Batch]) -> Result<(), ImportError> {
    let mut by_id: BTreeMap<i32, (i32, Vec<i32>)> = BTreeMap::new();
    for batch in batches {
        if batch.index < 0 || batch.index >= batch.size {
            return Err(ImportError::new(crate::t!(
                "err-import-google-part-outside",
                part = (i64::from(batch.index) + 1).to_string(),
                size = batch.size.to_string()
            )));
        }
        let (size, seen) = by_id.entry(batch.id).or_insert((batch.size, Vec::new()));
        if *size != batch.size {
            return Err(ImportError::new(crate::t!(
                "err-import-google-parts-disagree"
            )));
        }
        seen.push(batch.index);
    }
    for (size, seen) in by_id.values() {
        let missing: Vec<String> = (0..*size)
            .filter(|index| !seen.contains(index))
            .map(|index| (index + 1).to_string())
            .collect();
        if !missing.is_empty() {
            return Err(ImportError::new(crate::t!(
                "err-import-google-parts-missing",
                size = size.to_string(),
                count = missing.len(),
                missing = missing.join(", ")
            )));
        }
    }
    Ok(())
}
