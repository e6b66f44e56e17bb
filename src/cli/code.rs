//! `credview code`: one credential's TOTP code, digits only.

use std::io::Write;

use super::Failure;
use crate::otp::Timestamp;
use crate::vault::{Credential, TotpConfig, Vault};

pub fn at_time(secs: i64) -> Result<Timestamp, Failure> {
    u64::try_from(secs)
        .map(Timestamp::from_secs)
        .map_err(|_| Failure::usage(format!("--at {secs}: times before 1970 are not supported")))
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
    format!(
        "credential {} ({})",
        credential.id,
        credential.qualified_name()
    )
}

/// The checks every command that reveals a token makes (no TOTP, no permission: exit 1),
/// warning on `err` about a short secret.
pub(crate) fn checked_totp<'a>(
    credential: &'a Credential,
    err: &mut dyn Write,
) -> Result<&'a TotpConfig, Failure> {
    let name = describe(credential);
    let totp = credential
        .totp
        .as_ref()
        .ok_or_else(|| Failure::unavailable(format!("{name} has no TOTP configured")))?;
    if !credential.access.can_see_token() {
        return Err(Failure::unavailable(format!(
            "{name}: your access allows neither viewing the password nor starting a session, \
             so its token is not shown"
        )));
    }
    if totp.is_short() {
        let _ = writeln!(
            err,
            "warning: {name} has a short secret ({} bits; 128 or more is recommended)",
            totp.secret.bits()
        );
    }
    Ok(totp)
}

/// The credential a command names; a missing one is exit 1, as for `code`.
pub(crate) fn find<'a>(vault: &'a Vault, spec: &str) -> Result<&'a Credential, Failure> {
    vault
        .find(spec)
        .map_err(|e| Failure::unavailable(e.to_string()))
}
