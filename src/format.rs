//! How credential fields read on screen, shared by the list command and the TUI.

use std::borrow::Cow;

use time::OffsetDateTime;
use time::macros::format_description;

use crate::i18n::Language;
use crate::vault::{Credential, Device};

/// Dates as the console shows them, in UTC to the minute, laid out as the language writes
/// them: `2026-11-20 14:03` in English, `20/11/2026 14:03` in Portuguese.
pub fn date(value: Option<OffsetDateTime>) -> String {
    date_in(value, None)
}

/// A date to the minute in `zone` (with the offset that zone had at that moment), else UTC,
/// laid out as the current language writes it.
pub fn date_in(value: Option<OffsetDateTime>, zone: Option<&jiff::tz::TimeZone>) -> String {
    let Some(value) = value else {
        return String::new();
    };
    let offset = zone
        .and_then(|zone| {
            let instant = jiff::Timestamp::from_second(value.unix_timestamp()).ok()?;
            let seconds = zone.to_offset(instant).seconds();
            time::UtcOffset::from_whole_seconds(seconds).ok()
        })
        .unwrap_or(time::UtcOffset::UTC);
    let layout = match crate::i18n::current() {
        Language::English => format_description!("[year]-[month]-[day] [hour]:[minute]"),
        Language::PortugueseBrazil => format_description!("[day]/[month]/[year] [hour]:[minute]"),
    };
    value.to_offset(offset).format(layout).unwrap_or_default()
}

/// The group header over a device's rows: `hostname (ip) · type · vendor · site`.
pub fn device_header(device: &Device) -> String {
    let mut head = device
        .hostname
        .as_deref()
        .map_or_else(|| crate::t!("tui-device-none"), str::to_owned);
    if let Some(ip) = &device.ip {
        head.push_str(&format!(" ({ip})"));
    }
    for part in [&device.kind, &device.vendor, &device.site]
        .into_iter()
        .flatten()
    {
        head.push_str(" · ");
        head.push_str(part);
    }
    head
}

pub fn tags(credential: &Credential) -> String {
    credential.tags.join(", ")
}

pub fn text<T: AsRef<str>>(value: &Option<T>) -> &str {
    value.as_ref().map_or("", AsRef::as_ref)
}

/// Text from a file made safe for a terminal: control characters (ESC, BEL, NUL, DEL, C1)
/// are written as escapes (`\u{1b}`), so a vault cannot send the terminal commands.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|ch| {
                if ch.is_control() {
                    ch.escape_unicode().to_string()
                } else {
                    ch.to_string()
                }
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn dates_in_a_zone_follow_its_summer_time() {
        let zone = jiff::tz::TimeZone::get("America/New_York").unwrap();
        let winter = OffsetDateTime::from_unix_timestamp(1_763_647_380).ok(); // 2025-11-20 14:03Z
        let summer = OffsetDateTime::from_unix_timestamp(1_752_674_580).ok(); // 2025-07-16 14:03Z
        assert_eq!(date_in(winter, Some(&zone)), "2025-11-20 09:03");
        assert_eq!(date_in(summer, Some(&zone)), "2025-07-16 10:03");
        assert_eq!(date_in(winter, None), "2025-11-20 14:03");
        assert_eq!(date_in(None, Some(&zone)), "");
    }

    #[test]
    fn dates_read_in_utc_to_the_minute() {
        assert_eq!(
            date(Some(datetime!(2026-11-20 14:03:59 UTC))),
            "2026-11-20 14:03"
        );
        assert_eq!(
            date(Some(datetime!(2026-11-20 23:30 -03:00))),
            "2026-11-21 02:30"
        );
        assert_eq!(date(None), "");
    }

    #[test]
    fn dates_in_portuguese_put_the_day_first() {
        let _pt = crate::i18n::speak(Language::PortugueseBrazil);
        assert_eq!(
            date(Some(datetime!(2026-11-20 14:03:59 UTC))),
            "20/11/2026 14:03"
        );
        // The same instant as in English: only the layout changes.
        assert_eq!(
            date(Some(datetime!(2026-11-20 23:30 -03:00))),
            "21/11/2026 02:30"
        );
        let zone = jiff::tz::TimeZone::get("America/Sao_Paulo").unwrap();
        let at = OffsetDateTime::from_unix_timestamp(1_763_647_380).ok(); // 2025-11-20 14:03Z
        assert_eq!(date_in(at, Some(&zone)), "20/11/2025 11:03");
        assert_eq!(date_in(None, Some(&zone)), "");
        assert_eq!(
            date(Some(datetime!(2026-01-05 09:07 UTC))),
            "05/01/2026 09:07"
        );
    }

    #[test]
    fn headers_skip_what_is_missing() {
        let full = Device {
            hostname: Some("srv-db-01".into()),
            ip: Some("10.20.0.11".into()),
            kind: Some("Server".into()),
            vendor: Some("Debian".into()),
            site: Some("Sao Paulo".into()),
            port: None,
        };
        assert_eq!(
            device_header(&full),
            "srv-db-01 (10.20.0.11) · Server · Debian · Sao Paulo"
        );
        let bare = Device {
            hostname: Some("sw".into()),
            ..Device::default()
        };
        assert_eq!(device_header(&bare), "sw");
        let none = Device::default();
        assert_eq!(device_header(&none), "(no device)");
        let _pt = crate::i18n::speak(Language::PortugueseBrazil);
        assert_eq!(device_header(&none), "(sem dispositivo)");
    }

    #[test]
    fn control_characters_are_escaped_for_the_terminal() {
        assert!(matches!(
            printable("root ✓ 東京"),
            Cow::Borrowed("root ✓ 東京")
        ));
        assert_eq!(
            printable("a\u{1b}]52;c;x\u{7}b\u{0}\u{7f}\u{85}\n"),
            "a\\u{1b}]52;c;x\\u{7}b\\u{0}\\u{7f}\\u{85}\\u{a}"
        );
    }
}
