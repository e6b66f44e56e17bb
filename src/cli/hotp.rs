//! HOTP on the command line. A code is used once: `code` writes the advanced counter to the
//! vault (through its write path) before it prints the code, `--peek` prints without
//! advancing, and `verify` looks ahead and resynchronises the stored counter.

use std::io::Write;

use zeroize::Zeroizing;

use super::Failure;
use super::audit::record_counter;
use super::code::describe;
use crate::audit::{AuditAction, AuditLog};
use crate::clock::Clock;
use crate::vault::{Credential, HotpConfig};

/// Where HOTP counters are kept: the vault file, changed only through its write path.
pub trait CounterStore {
    /// Applies `change` to credential `id`'s HOTP settings as they are in the vault now,
    /// under its lock, and writes the vault. When `change` fails nothing is written and its
    /// failure is returned.
    fn change(
        &mut self,
        id: u64,
        change: &mut dyn FnMut(&mut HotpConfig) -> Result<(), Failure>,
    ) -> Result<(), Failure>;
}

/// For commands that never advance a counter: any attempt is a mistake of the caller.
pub struct ReadOnly;

impl CounterStore for ReadOnly {
    fn change(
        &mut self,
        id: u64,
        _: &mut dyn FnMut(&mut HotpConfig) -> Result<(), Failure>,
    ) -> Result<(), Failure> {
        Err(Failure::usage(crate::t!(
            "cli-hotp-read-only",
            id = id.to_string()
        )))
    }
}

/// The checks every command that reveals an HOTP code makes, as `checked_totp` does.
pub(crate) fn checked_hotp<'a>(
    credential: &'a Credential,
    err: &mut dyn Write,
) -> Result<Option<&'a HotpConfig>, Failure> {
    let Some(hotp) = credential.hotp.as_deref() else {
        return Ok(None);
    };
    let name = || describe(credential);
    if !credential.access.can_see_token() {
        return Err(Failure::unavailable(crate::t!(
            "cli-token-not-permitted",
            name = name()
        )));
    }
    if hotp.is_short() {
        let what = crate::t!("cli-short-secret", name = name(), bits = hotp.secret.bits());
        let _ = writeln!(err, "warning: {what}");
    }
    Ok(Some(hotp))
}

/// Advances the counter on disk first; returns the counter whose code may now be shown and
/// the settings as they were written.
pub fn advance(
    store: &mut dyn CounterStore,
    credential: &Credential,
) -> Result<(u64, HotpConfig), Failure> {
    advance_id(store, credential.id, &describe(credential))
}

/// As `advance`, for credential `id`, named `name` in messages.
pub fn advance_id(
    store: &mut dyn CounterStore,
    id: u64,
    name: &str,
) -> Result<(u64, HotpConfig), Failure> {
    let mut taken = None;
    store.change(id, &mut |hotp| {
        let used = hotp
            .take_next()
            .map_err(|e| Failure::unavailable(format!("{name}: {e}")))?;
        taken = Some((used, hotp.clone()));
        Ok(())
    })?;
    taken.ok_or_else(|| Failure::usage(crate::t!("cli-hotp-not-advanced", name = name)))
}

/// `credview code ID` on an HOTP credential: advance, record, then print.
pub fn code(
    credential: &Credential,
    peek: bool,
    store: &mut dyn CounterStore,
    clock: &dyn Clock,
    audit: &mut dyn AuditLog,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    let Some(hotp) = credential.hotp.as_deref() else {
        return Err(Failure::unavailable(crate::t!(
            "cli-hotp-none",
            name = describe(credential)
        )));
    };
    let (counter, event, settings) = if peek {
        let told = crate::t!("cli-hotp-peek", counter = hotp.counter.to_string());
        let _ = writeln!(err, "{told}");
        (hotp.counter, AuditAction::Code, hotp.clone())
    } else {
        let (used, written) = advance(store, credential)?;
        (used, AuditAction::HotpAdvance, written)
    };
    record_counter(audit, event, credential, counter, clock)?;
    let line = Zeroizing::new(format!("{}\n", settings.generator().code(counter)));
    out.write_all(line.as_bytes())
        .map_err(|e| super::output_failed(&e))
}

/// `credview verify` on an HOTP credential: the stored counter and `window` more; a match
/// moves the counter past it, a miss changes nothing.
pub fn verify(
    credential: &Credential,
    typed: &str,
    window: u64,
    store: &mut dyn CounterStore,
    clock: &dyn Clock,
    audit: &mut dyn AuditLog,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let name = describe(credential);
    let mut outcome = None;
    store.change(credential.id, &mut |hotp| {
        let from = hotp.counter;
        match hotp.resync(typed, window) {
            Ok(Some(matched)) => {
                outcome = Some((matched, hotp.counter));
                Ok(())
            }
            // Nothing to write: refusing the change leaves the file as it is.
            Ok(None) => Err(Failure::unavailable(crate::t!(
                "cli-hotp-no-match",
                name = &name,
                from = from.to_string(),
                to = from.saturating_add(window).to_string()
            ))),
            Err(e) => Err(Failure::unavailable(format!("{name}: {e}"))),
        }
    })?;
    let Some((matched, stored)) = outcome else {
        return Err(Failure::usage(crate::t!(
            "cli-hotp-not-changed",
            name = name
        )));
    };
    record_counter(audit, AuditAction::HotpResync, credential, matched, clock)?;
    let told = crate::t!(
        "cli-hotp-matched",
        matched = matched.to_string(),
        stored = stored.to_string()
    );
    writeln!(out, "{told}").map_err(|e| super::output_failed(&e))
}
