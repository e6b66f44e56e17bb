//! KeePassXC's CSV export: Group, Title, Username, Password, URL, Notes, TOTP (a Key URI).

use super::entry;
use super::{Format, ImportError, Input, Parsed, Password, csv_table};

pub struct KeepassxcCsv;

impl Format for KeepassxcCsv {
    fn id(&self) -> &'static str {
        "keepassxc-csv"
    }

    fn name(&self) -> String {
        crate::t!("err-import-format-keepassxc-csv")
    }

    fn detect(&self, input: &Input) -> bool {
        csv_table::header_has(input, &["Group", "Title", "Username", "TOTP"])
    }

    fn read(&self, input: &Input, _: &mut Password) -> Result<Parsed, ImportError> {
        let mut parsed = Parsed::default();
        csv_table::each_row(input, &["TOTP"], |row, place| {
            let Some(totp) = entry::non_empty(row.get("TOTP")) else {
                return;
            };
            let read = super::bitwarden::totp_field(&totp, place).map(|mut entry| {
                if let Some(username) = entry::non_empty(row.get("Username")) {
                    entry.account = username;
                }
                if let Some(title) = entry::non_empty(row.get("Title")) {
                    entry.issuer = Some(title);
                }
                entry.notes = entry::non_empty(row.get("Notes"));
                entry.tags = group_tag(row.get("Group")).into_iter().collect();
                entry
            });
            parsed.entries.push(read);
        })?;
        Ok(parsed)
    }
}

/// The group path without the database's root group ("Root/Servers" → "Servers").
pub fn group_tag(group: Option<&str>) -> Option<String> {
    let group = group?.trim();
    let inner = group.split_once('/').map_or("", |(_, rest)| rest);
    entry::non_empty(Some(inner))
}
