//! `credview config`: the effective settings and where each came from.

use std::io::{self, Write};
use std::path::Path;

use super::{ConfigFile, Effective, Origin};
use unicode_width::UnicodeWidthStr;

use crate::format::printable;
use crate::vault::Source;

/// What the report needs beyond the settings: the vault and audit log as they were resolved
/// (with the XDG defaults in place). `audit`: `None` when auditing is off.
pub struct Resolved<'a> {
    pub vault: &'a Source,
    pub audit: Option<&'a Path>,
}

pub fn report(effective: &Effective, resolved: &Resolved, out: &mut dyn Write) -> io::Result<()> {
    let settings = &effective.settings;
    let file = match &effective.file {
        ConfigFile::Read(path) => format!("{} (read)", path.display()),
        ConfigFile::Absent(path) => format!("{} (absent: defaults apply)", path.display()),
        ConfigFile::Nowhere => "none ($XDG_CONFIG_HOME and $HOME are unset)".to_owned(),
    };
    let seconds = |millis: u64| (millis / 1000).to_string();
    let list = |items: Vec<String>| {
        if items.is_empty() {
            "(none)".to_owned()
        } else {
            items.join(", ")
        }
    };
    let audit = match resolved.audit {
        Some(path) => path.display().to_string(),
        None => "off".to_owned(),
    };
    let rows: [(&str, String); 11] = [
        ("language", settings.language.name().to_owned()),
        ("local_time", settings.time_zone.is_some().to_string()),
        (
            "clipboard_clear_seconds",
            seconds(settings.clear_clipboard_after_millis),
        ),
        (
            "next_code_preview_seconds",
            seconds(settings.next_code_preview_millis),
        ),
        ("qr_display_seconds", seconds(settings.qr_display_millis)),
        ("vault", resolved.vault.name()),
        ("audit_log", audit),
        ("theme", settings.theme.name().to_owned()),
        (
            "color",
            if settings.color { "on" } else { "off" }.to_owned(),
        ),
        (
            "ntp_servers",
            list(
                settings
                    .ntp_servers
                    .iter()
                    .map(ToString::to_string)
                    .collect(),
            ),
        ),
        (
            "session_code_prompts",
            list(settings.session_code_prompts.clone()),
        ),
    ];
    writeln!(out, "settings file  {}", printable(&file))?;
    let rows = rows.map(|(key, value)| (key, printable(&value).into_owned()));
    let width = rows.iter().map(|(key, _)| key.len()).max().unwrap_or(0);
    let value_width = rows.iter().map(|(_, v)| v.width()).max().unwrap_or(0);
    for (key, value) in &rows {
        let from = from(effective.origin(key));
        let pad = value_width - value.width();
        writeln!(out, "{key:width$}  {value}{:pad$}  {from}", "")?;
    }
    Ok(())
}

fn from(origin: Origin) -> String {
    match origin {
        Origin::Default => "default".to_owned(),
        Origin::File => "file".to_owned(),
        Origin::Environment(name) => format!("environment ${name}"),
        Origin::Flag(flag) => format!("flag {flag}"),
    }
}
