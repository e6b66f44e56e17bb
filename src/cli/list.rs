//! `credview list`: the Credentials > All table, as aligned text or JSON.

use std::io::Write;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::format;
use crate::vault::{Credential, Stamp, Vault};

fn headers() -> [String; 9] {
    [
        crate::t!("cli-list-id"),
        crate::t!("cli-list-hostname"),
        crate::t!("cli-list-type"),
        crate::t!("cli-list-username"),
        crate::t!("cli-list-additional"),
        crate::t!("cli-list-domain"),
        crate::t!("cli-list-tags"),
        crate::t!("cli-list-last-view"),
        crate::t!("cli-list-totp"),
    ]
}

/// `zone`: dates in that zone, else UTC.
pub fn table(
    vault: &Vault,
    zone: Option<&jiff::tz::TimeZone>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let rows: Vec<[String; 9]> = vault
        .credentials
        .iter()
        .map(|c| {
            [
                c.id.to_string(),
                format::text(&c.device.hostname).to_owned(),
                format::text(&c.kind).to_owned(),
                c.username.to_string(),
                format::text(&c.additional).to_owned(),
                format::text(&c.domain).to_owned(),
                format::tags(c),
                format::date_in(c.last_view.map(Stamp::get), zone),
                code_kind(c),
            ]
        })
        // A vault's text must not send the terminal commands (escape sequences).
        .map(|row: [String; 9]| row.map(|cell| format::printable(&cell).into_owned()))
        .collect();
    let header = headers();
    let mut widths = header.each_ref().map(|h| h.width());
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.width());
        }
    }
    for row in std::iter::once(&header).chain(&rows) {
        let mut line = String::new();
        for (index, (cell, width)) in row.iter().zip(widths).enumerate() {
            line.push_str(cell);
            if index + 1 < row.len() {
                line.push_str(&" ".repeat(width - cell.width() + 2));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

#[derive(Serialize)]
struct ListedCredential<'a> {
    id: u64,
    username: &'a str,
    #[serde(rename = "type")]
    kind: Option<&'a str>,
    domain: Option<&'a str>,
    additional: Option<&'a str>,
    tags: Vec<&'a str>,
    device: ListedDevice<'a>,
    totp: Option<ListedTotp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hotp: Option<ListedHotp>,
    access: ListedAccess,
    last_view: String,
    expiration: String,
    created: String,
}

#[derive(Serialize)]
struct ListedDevice<'a> {
    hostname: Option<&'a str>,
    ip: Option<&'a str>,
    #[serde(rename = "type")]
    kind: Option<&'a str>,
    vendor: Option<&'a str>,
    site: Option<&'a str>,
}

#[derive(Serialize)]
struct ListedTotp {
    algorithm: String,
    digits: u8,
    period: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    encoder: Option<&'static str>,
    short_secret: bool,
}

#[derive(Serialize)]
struct ListedHotp {
    algorithm: String,
    digits: u8,
    counter: u64,
    short_secret: bool,
}

/// The table's TOTP column: what kind of one-time code the credential has.
fn code_kind(c: &Credential) -> String {
    match (&c.totp, &c.hotp) {
        (Some(totp), _) if totp.params.is_steam() => "steam".to_owned(),
        (Some(_), _) => crate::t!("cli-list-totp-yes"),
        (None, Some(_)) => "hotp".to_owned(),
        (None, None) => crate::t!("cli-list-totp-no"),
    }
}

#[derive(Serialize)]
struct ListedAccess {
    view_password: bool,
    start_session: bool,
    require_reason: bool,
}

pub fn json(vault: &Vault, out: &mut dyn Write) -> std::io::Result<()> {
    let listed: Vec<ListedCredential> = vault.credentials.iter().map(listed).collect();
    serde_json::to_writer_pretty(&mut *out, &listed)?;
    writeln!(out)
}

fn listed(c: &Credential) -> ListedCredential<'_> {
    let rfc3339 = |d: Option<time::OffsetDateTime>| {
        d.and_then(|d| {
            d.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_default()
    };
    ListedCredential {
        id: c.id,
        username: &c.username,
        kind: c.kind.as_deref(),
        domain: c.domain.as_deref(),
        additional: c.additional.as_deref(),
        tags: c.tags.iter().map(AsRef::as_ref).collect(),
        device: ListedDevice {
            hostname: c.device.hostname.as_deref(),
            ip: c.device.ip.as_deref(),
            kind: c.device.kind.as_deref(),
            vendor: c.device.vendor.as_deref(),
            site: c.device.site.as_deref(),
        },
        totp: c.totp.as_ref().map(|t| ListedTotp {
            algorithm: t.params.algorithm.to_string(),
            digits: t.params.digits,
            period: t.params.period,
            encoder: t.params.is_steam().then_some("steam"),
            short_secret: t.is_short(),
        }),
        hotp: c.hotp.as_ref().map(|h| ListedHotp {
            algorithm: h.algorithm.to_string(),
            digits: h.digits,
            counter: h.counter,
            short_secret: h.is_short(),
        }),
        access: ListedAccess {
            view_password: c.access.view_password,
            start_session: c.access.start_session,
            require_reason: c.access.require_reason,
        },
        last_view: rfc3339(c.last_view.map(Stamp::get)),
        expiration: rfc3339(c.expiration.map(Stamp::get)),
        created: rfc3339(c.created.map(Stamp::get)),
    }
}
