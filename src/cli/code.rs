//! `credview code`: one credential's TOTP code, digits only.

use std::io::Write;

use super::Failure;
use crate::otp::Timestamp;
use crate::vault::{Credential, TotpConfig, Vault};

pub fn at_time(secs: i64) -> Result<Timestamp, Failure> {
    u64::try_from(secs)
        .map(Timestamp::from_secs)
        .map_err(|_| Failure::usage(crate::t!("cli-at-before-1970", secs = secs.to_string())))
}

/// The code as digits, after the same checks the Details pop-up makes.
pub fn code(
    credential: &Credential,
    at: Timestamp,
    next: bool,
    err: &mut dyn Write,
) -> Result<String, Failure> {
    let generator = checked_totp(credential, err)?.generator();
    let code = if next {
        generator.next_code(at)
    } else {
        generator.code(at)
    };
    Ok(code.to_string())
}

/// `credential 101 (root@srv-db-01)`, as messages name a credential.
pub(crate) fn describe(credential: &Credential) -> String {
    crate::t!(
        "cli-credential",
        id = credential.id.to_string(),
        name = credential.qualified_name()
    )
}

/// The checks every command that reveals a token makes (no TOTP, no permission: exit 1),
/// warning on `err` about a short secret.
pub(crate) fn checked_totp<'a>(
    credential: &'a Credential,
    err: &mut dyn Write,
) -> Result<&'a TotpConfig, Failure> {
    // Named only when something is said: a code that is simply shown reads no catalogue.
    let name = || describe(credential);
    let totp = credential
        .totp
        .as_ref()
        .ok_or_else(|| Failure::unavailable(crate::t!("cli-no-totp", name = name())))?;
    if !credential.access.can_see_token() {
        return Err(Failure::unavailable(crate::t!(
            "cli-token-not-permitted",
            name = name()
        )));
    }
    if totp.is_short() {
        let what = crate::t!("cli-short-secret", name = name(), bits = totp.secret.bits());
        let _ = writeln!(err, "warning: {what}");
    }
    Ok(totp)
}

/// The credential a command names; a missing one is exit 1, as for `code`.
pub(crate) fn find<'a>(vault: &'a Vault, spec: &str) -> Result<&'a Credential, Failure> {
    vault
        .find(spec)
        .map_err(|e| Failure::unavailable(e.to_string()))
}
