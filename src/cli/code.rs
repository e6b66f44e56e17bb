//! `credview code`: one credential's TOTP code, digits only.

use std::io::Write;

use super::Failure;
use crate::otp::Timestamp;
use crate::vault::Credential;

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
    let name = format!(
        "credential {} ({})",
        credential.id,
        credential.qualified_name()
    );
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
    let generator = totp.generator();
    let code = if next {
        generator.next_code(at)
    } else {
        generator.code(at)
    };
    Ok(code.to_string())
}
