//! What an import does to a vault, decided before anything is written: each entry becomes a
//! credential with a new id, or is skipped (already there) or failed (unreadable, unsupported).

use std::collections::HashMap;
use std::sync::Arc;

use super::entry::{EntryError, ImportedEntry, OtpKind, Place};
use crate::otp::Params;
use crate::vault::{Access, Credential, Device, HotpConfig, Shared, TotpConfig, Vault};

/// The device type every imported account gets: they are web logins, not servers.
pub const DEVICE_TYPE: &str = "Web Application";
/// The username of an account whose export names none.
const NO_ACCOUNT: &str = "imported";

/// What happened to one entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Added { id: u64 },
    Skipped(String),
    Failed(String),
}

/// One line of the summary table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The file the entry came from, as named on the command line.
    pub file: String,
    pub place: Place,
    pub kind: &'static str,
    pub name: String,
    pub outcome: Outcome,
}

/// The table and the credentials to add, in file order.
#[derive(Debug, Default)]
pub struct Plan {
    pub rows: Vec<Row>,
    pub credentials: Vec<Credential>,
}

impl Plan {
    pub fn failed(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| matches!(r.outcome, Outcome::Failed(_)))
            .count()
    }

    pub fn skipped(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| matches!(r.outcome, Outcome::Skipped(_)))
            .count()
    }
}

/// Decides every entry against `vault` (as it is now): new ids follow the highest one.
pub fn plan(vault: &Vault, entries: Vec<(String, Result<ImportedEntry, EntryError>)>) -> Plan {
    let mut next_id = vault.credentials.iter().map(|c| c.id).max().unwrap_or(0) + 1;
    let mut plan = Plan::default();
    // Usernames to the ids that have them (and whether each was in the vault already), so a
    // large import compares secrets only among credentials of the same name.
    let mut seen: HashMap<String, Vec<(u64, bool)>> = HashMap::new();
    for credential in &vault.credentials {
        seen.entry(credential.username.to_string())
            .or_default()
            .push((credential.id, true));
    }
    for (file, read) in entries {
        let entry = match read {
            Ok(entry) => entry,
            Err(error) => {
                plan.rows.push(Row {
                    file,
                    place: error.place,
                    kind: "?",
                    name: String::new(),
                    outcome: Outcome::Failed(error.message),
                });
                continue;
            }
        };
        let username = username(&entry);
        let mut row = Row {
            file,
            place: entry.place,
            kind: entry.kind_name(),
            name: match &entry.issuer {
                Some(issuer) => format!("{issuer}: {username}"),
                None => username.clone(),
            },
            outcome: Outcome::Failed(String::new()),
        };
        let earlier = seen
            .get(username.as_str())
            .and_then(|ids: &Vec<(u64, bool)>| {
                ids.iter().find(|(id, _)| {
                    let credential = vault
                        .credentials
                        .iter()
                        .chain(&plan.credentials)
                        .find(|c| c.id == *id);
                    credential.is_some_and(|c| has_secret(c, &entry))
                })
            });
        row.outcome = match earlier {
            Some((id, true)) => {
                Outcome::Skipped(crate::t!("err-import-skip-in-vault", id = id.to_string()))
            }
            Some((id, false)) => {
                Outcome::Skipped(crate::t!("err-import-skip-repeated", id = id.to_string()))
            }
            None => match credential(&entry, &username, next_id) {
                Ok(credential) => {
                    plan.credentials.push(credential);
                    seen.entry(username.clone())
                        .or_default()
                        .push((next_id, false));
                    next_id += 1;
                    Outcome::Added { id: next_id - 1 }
                }
                Err(why) => Outcome::Failed(why),
            },
        };
        plan.rows.push(row);
    }
    plan
}

fn totp_config(entry: &ImportedEntry, params: Params) -> Box<TotpConfig> {
    Box::new(TotpConfig {
        secret: entry.secret.clone(),
        params,
        issuer: entry.issuer.clone(),
        time_offset: 0,
    })
}

fn has_secret(credential: &Credential, entry: &ImportedEntry) -> bool {
    credential
        .totp
        .as_ref()
        .is_some_and(|t| t.secret == entry.secret)
        || credential
            .hotp
            .as_ref()
            .is_some_and(|h| h.secret == entry.secret)
}

fn username(entry: &ImportedEntry) -> String {
    let account = entry.account.trim();
    if !account.is_empty() {
        return account.to_owned();
    }
    entry
        .issuer
        .clone()
        .unwrap_or_else(|| NO_ACCOUNT.to_owned())
}

/// The credential an entry becomes: account → username, issuer → device hostname.
fn credential(entry: &ImportedEntry, username: &str, id: u64) -> Result<Credential, String> {
    entry.check()?;
    let (totp, hotp) = match entry.kind {
        OtpKind::Totp { .. } => match entry.totp_params() {
            Some(Ok(params)) => (Some(totp_config(entry, params)), None),
            Some(Err(e)) => return Err(e.to_string()),
            None => return Err(crate::t!("err-import-not-totp")),
        },
        OtpKind::Hotp { counter } => (
            None,
            Some(Box::new(HotpConfig {
                secret: entry.secret.clone(),
                algorithm: entry.algorithm,
                digits: entry.digits,
                counter,
                issuer: entry.issuer.clone(),
            })),
        ),
        OtpKind::Steam => (Some(totp_config(entry, Params::steam())), None),
    };
    let shared = |text: &str| -> Shared { Shared::from(text) };
    Ok(Credential {
        id,
        username: username.into(),
        kind: None,
        domain: None,
        additional: None,
        tags: entry.tags.iter().map(|t| shared(t.trim())).collect(),
        device: Arc::new(Device {
            hostname: entry.issuer.as_deref().map(shared),
            kind: Some(shared(DEVICE_TYPE)),
            ..Device::default()
        }),
        password: None,
        totp,
        hotp,
        access: Access::default(),
        last_view: None,
        expiration: None,
        created: None,
        notes: entry.notes.as_deref().map(shared),
    })
}
