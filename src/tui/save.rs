//! The edge that carries out the forms' `Effect::Save`: the change through the vault's one
//! write path, then its audit record (never with the secret).

use std::cell::RefCell;

use time::OffsetDateTime;

use crate::app::form::Change;
use crate::app::msg::Saved;
use crate::audit::{AuditAction, AuditLog, AuditRecord};
use crate::otp::Timestamp;
use crate::t;
use crate::vault::Stamp;
use crate::vault::encrypted::{Identities, Keys, Recipients};
use crate::vault::write::{blank_credential, next_free_id, update};
use crate::vault::{Device, Shared, Source};

/// Writes `change` to the vault at `source`; the credential as written, or one line saying why
/// nothing was.
pub fn save(
    change: &Change,
    source: &Source,
    keys: &mut dyn Keys,
    audit: &mut dyn AuditLog,
    now: Timestamp,
) -> Result<Saved, String> {
    let (action, credential) = match change {
        Change::Add {
            username,
            hostname,
            totp,
        } => {
            let mut credential = blank_credential(username);
            credential.device = std::sync::Arc::new(Device {
                hostname: hostname.as_deref().map(Shared::from),
                ..Device::default()
            });
            credential.totp = totp.clone().map(Box::new);
            let secs = i64::try_from(now.as_secs()).unwrap_or(i64::MAX);
            credential.created = OffsetDateTime::from_unix_timestamp(secs)
                .ok()
                .map(Stamp::from);
            let added = update(source, keys, |vault| {
                credential.id = next_free_id(vault);
                vault.credentials.push(credential.clone());
                Ok(credential)
            });
            (AuditAction::CredentialAdded, added)
        }
        Change::SetTotp { id, totp } => (AuditAction::TotpSet, set(source, keys, *id, Some(totp))),
        Change::RemoveTotp { id } => (AuditAction::TotpRemoved, set(source, keys, *id, None)),
    };
    let credential = credential.map_err(|e| e.to_string())?;
    let warning = audit
        .append(&AuditRecord::of(action, &credential, None, now))
        .err()
        .map(|e| t!("tui-save-audit-not-written", reason = e.to_string()));
    Ok(Saved {
        credential,
        warning,
    })
}

fn set(
    source: &Source,
    keys: &mut dyn Keys,
    id: u64,
    totp: Option<&crate::vault::TotpConfig>,
) -> Result<crate::vault::Credential, crate::vault::WriteError> {
    update(source, keys, |vault| {
        let credential = vault
            .credentials
            .iter_mut()
            .find(|c| c.id == id)
            .ok_or_else(|| t!("tui-save-credential-gone", id = id.to_string()))?;
        // An HOTP secret is never dropped silently: a credential has one kind of code.
        if totp.is_some() && credential.hotp.is_some() {
            return Err(t!("tui-save-hotp-and-totp", id = id.to_string()));
        }
        // The service's clock is what an offset corrects: a new secret keeps it.
        let offset = credential.totp.as_ref().map_or(0, |t| t.time_offset);
        credential.totp = totp.cloned().map(|mut totp| {
            totp.time_offset = offset;
            Box::new(totp)
        });
        Ok(credential.clone())
    })
}

/// One set of keys for the several edges that write the vault (the forms, the HOTP counters):
/// a passphrase typed once serves them all. They take turns, never at once.
pub struct SharedKeys<'a, 'k>(pub &'a RefCell<&'k mut dyn Keys>);

impl Keys for SharedKeys<'_, '_> {
    fn passphrase(&mut self, origin: &str) -> Result<age::secrecy::SecretString, String> {
        self.0.borrow_mut().passphrase(origin)
    }

    fn identities(&mut self) -> Result<Option<Identities>, String> {
        self.0.borrow_mut().identities()
    }

    fn recipients(&mut self) -> Result<Option<Recipients>, String> {
        self.0.borrow_mut().recipients()
    }
}
