//! The way back out: a vault's codes as a Key URI list, an Aegis plain JSON export, or Google
//! Authenticator migration payloads. Pure: credentials in, text out.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde_json::{Value, json};
use zeroize::Zeroizing;

use super::entry::{ImportedEntry, OtpKind, Place};
use super::migration::{self, OtpParameters, Payload};
use crate::otp::{Algorithm, Encoder};
use crate::vault::Credential;

/// Google Authenticator's own export puts at most this many accounts in one QR code.
pub const ACCOUNTS_PER_CODE: usize = 10;

const ESCAPE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// A credential's code settings as the neutral entry (`None`: it has no code).
pub fn entry(credential: &Credential) -> Option<ImportedEntry> {
    let place = Place::Entry(0);
    let hostname = credential.device.hostname.as_deref();
    let issuer = |named: &Option<String>| {
        named
            .as_deref()
            .or(hostname)
            .map(str::trim)
            .filter(|i| !i.is_empty())
            .map(str::to_owned)
    };
    let mut entry = if let Some(totp) = &credential.totp {
        let mut entry = ImportedEntry::totp(totp.secret.clone(), &*credential.username, place);
        entry.algorithm = totp.params.algorithm;
        entry.digits = totp.params.digits;
        entry.kind = match totp.params.encoder {
            Encoder::Steam => OtpKind::Steam,
            _ => OtpKind::Totp {
                period: totp.params.period,
            },
        };
        entry.issuer = issuer(&totp.issuer);
        entry
    } else {
        let hotp = credential.hotp.as_ref()?;
        let mut entry = ImportedEntry::totp(hotp.secret.clone(), &*credential.username, place);
        entry.algorithm = hotp.algorithm;
        entry.digits = hotp.digits;
        entry.kind = OtpKind::Hotp {
            counter: hotp.counter,
        };
        entry.issuer = issuer(&hotp.issuer);
        entry
    };
    entry.tags = credential.tags.iter().map(|t| t.to_string()).collect();
    entry.notes = credential.notes.as_deref().map(str::to_owned);
    Some(entry)
}

/// One Key URI: `otpauth://totp|hotp/...`; Steam as KeePassXC writes it (`encoder=steam`).
pub fn key_uri(entry: &ImportedEntry) -> Zeroizing<String> {
    let kind = if matches!(entry.kind, OtpKind::Hotp { .. }) {
        "hotp"
    } else {
        "totp"
    };
    let account = utf8_percent_encode(&entry.account, ESCAPE);
    let mut uri = Zeroizing::new(format!("otpauth://{kind}/"));
    if let Some(issuer) = &entry.issuer {
        uri.push_str(&format!("{}:", utf8_percent_encode(issuer, ESCAPE)));
    }
    uri.push_str(&format!("{account}?secret="));
    uri.push_str(&entry.secret.to_base32());
    if let Some(issuer) = &entry.issuer {
        uri.push_str(&format!("&issuer={}", utf8_percent_encode(issuer, ESCAPE)));
    }
    uri.push_str(&format!(
        "&algorithm={}&digits={}",
        entry.algorithm, entry.digits
    ));
    match entry.kind {
        OtpKind::Totp { period } => uri.push_str(&format!("&period={period}")),
        OtpKind::Hotp { counter } => uri.push_str(&format!("&counter={counter}")),
        OtpKind::Steam => uri.push_str("&period=30&encoder=steam"),
    }
    uri
}

/// The Key URI list, one a line.
pub fn otpauth_list(entries: &[ImportedEntry]) -> Zeroizing<String> {
    let mut text = Zeroizing::new(String::new());
    for entry in entries {
        text.push_str(&key_uri(entry));
        text.push('\n');
    }
    text
}

/// An Aegis plain (unencrypted) JSON export, as Aegis's "Import from file" reads it.
pub fn aegis(entries: &[ImportedEntry]) -> Zeroizing<String> {
    let mut groups: Vec<String> = Vec::new();
    for tag in entries.iter().flat_map(|e| &e.tags) {
        if !groups.contains(tag) {
            groups.push(tag.clone());
        }
    }
    let group_uuid = |index: usize| format!("00000000-0000-4000-8000-{:012x}", index + 1);
    let all: Vec<Value> = entries
        .iter()
        .enumerate()
        .map(|(index, entry)| {
            let mut info = json!({
                "secret": entry.secret.to_base32().as_str(),
                "algo": entry.algorithm.to_string(),
                "digits": entry.digits,
            });
            let kind = match entry.kind {
                OtpKind::Totp { period } => {
                    info["period"] = json!(period);
                    "totp"
                }
                OtpKind::Hotp { counter } => {
                    info["counter"] = json!(counter);
                    "hotp"
                }
                OtpKind::Steam => {
                    info["period"] = json!(30);
                    "steam"
                }
            };
            let tags: Vec<String> = entry
                .tags
                .iter()
                .filter_map(|t| groups.iter().position(|g| g == t).map(group_uuid))
                .collect();
            json!({
                "type": kind,
                "uuid": format!("00000000-0000-4000-9000-{:012x}", index + 1),
                "name": entry.account,
                "issuer": entry.issuer.clone().unwrap_or_default(),
                "note": entry.notes.clone().unwrap_or_default(),
                "favorite": false,
                "icon": null,
                "info": info,
                "groups": tags,
            })
        })
        .collect();
    let groups: Vec<Value> = groups
        .iter()
        .enumerate()
        .map(|(index, name)| json!({"uuid": group_uuid(index), "name": name}))
        .collect();
    let file = json!({
        "version": 1,
        "header": {"slots": null, "params": null},
        "db": {"version": 3, "entries": all, "groups": groups},
    });
    Zeroizing::new(serde_json::to_string_pretty(&file).unwrap_or_default())
}

/// Why Google Authenticator cannot take an entry, if it cannot (it knows 6 or 8 digits, 30 s).
pub fn google_refuses(entry: &ImportedEntry) -> Option<String> {
    match entry.kind {
        OtpKind::Steam => Some(crate::t!("err-export-google-steam")),
        _ if !matches!(entry.digits, 6 | 8) => Some(crate::t!("err-export-google-digits")),
        OtpKind::Totp { period } if period != 30 => Some(crate::t!("err-export-google-period")),
        _ => None,
    }
}

/// Migration URLs of at most `ACCOUNTS_PER_CODE` accounts each, their batch numbers set.
pub fn google(entries: &[ImportedEntry], batch_id: i32) -> Vec<Zeroizing<String>> {
    let chunks: Vec<&[ImportedEntry]> = entries.chunks(ACCOUNTS_PER_CODE).collect();
    let size = i32::try_from(chunks.len()).unwrap_or(i32::MAX);
    chunks
        .iter()
        .enumerate()
        .map(|(index, chunk)| {
            let payload = Payload {
                otp_parameters: chunk.iter().map(google_account).collect(),
                version: 1,
                batch_size: size,
                batch_index: i32::try_from(index).unwrap_or(i32::MAX),
                batch_id,
            };
            migration::encode_url(&payload)
        })
        .collect()
}

fn google_account(entry: &ImportedEntry) -> OtpParameters {
    let (kind, counter) = match entry.kind {
        OtpKind::Hotp { counter } => (1, i64::try_from(counter).unwrap_or(i64::MAX)),
        _ => (2, 0),
    };
    OtpParameters {
        secret: entry.secret.as_bytes().to_vec(),
        name: match &entry.issuer {
            Some(issuer) => format!("{issuer}:{}", entry.account),
            None => entry.account.clone(),
        },
        issuer: entry.issuer.clone().unwrap_or_default(),
        algorithm: match entry.algorithm {
            Algorithm::Sha1 => 1,
            Algorithm::Sha256 => 2,
            Algorithm::Sha512 => 3,
        },
        digits: if entry.digits == 8 { 2 } else { 1 },
        kind,
        counter,
    }
}
