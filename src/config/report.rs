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
        ConfigFile::Read(path) => {
            crate::t!("cli-config-file-read", path = path.display().to_string())
        }
        ConfigFile::Absent(path) => {
            crate::t!("cli-config-file-absent", path = path.display().to_string())
        }
        ConfigFile::Nowhere => crate::t!("cli-config-file-nowhere"),
    };
    let seconds = |millis: u64| (millis / 1000).to_string();
    let list = |items: Vec<String>| {
        if items.is_empty() {
            crate::t!("cli-config-none")
        } else {
            items.join(", ")
        }
    };
    let audit = match resolved.audit {
        Some(path) => path.display().to_string(),
        None => crate::t!("cli-config-off"),
    };
    let rows: [(&str, String); 11] = [
        ("language", settings.language.name().to_owned()),
        // As the settings file writes it.
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
            if settings.color {
                crate::t!("cli-config-on")
            } else {
                crate::t!("cli-config-off")
            },
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
    let title = crate::t!("cli-config-settings-file");
    let rows = rows.map(|(key, value)| (key, printable(&value).into_owned()));
    let width = rows.iter().map(|(key, _)| key.len()).max().unwrap_or(0);
    // The file's line lines up with the rows when its title fits the key column.
    let title_width = width.max(title.width());
    writeln!(out, "{title:title_width$}  {}", printable(&file))?;
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
        Origin::Default => crate::t!("cli-config-from-default"),
        Origin::File => crate::t!("cli-config-from-file"),
        Origin::Environment(name) => {
            crate::t!("cli-config-from-environment", name = format!("${name}"))
        }
        Origin::Flag(flag) => crate::t!("cli-config-from-flag", flag = flag),
    }
}
