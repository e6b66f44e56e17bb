//! `credview uri`: the credential's otpauth:// Key URI, for an app that takes one as text.

use std::io::Write;

use super::code::{checked_totp, describe, find};
use super::{Failure, audit::record};
use crate::audit::{AuditAction, AuditLog};
use crate::clock::Clock;
use crate::vault::{Credential, Vault};

pub fn uri(
    vault: &Vault,
    spec: &str,
    audit: &mut dyn AuditLog,
    clock: &dyn Clock,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    let credential = find(vault, spec)?;
    let uri = key_uri_text(credential, err)?;
    record(audit, AuditAction::Uri, credential, clock)?;
    let mut line = uri;
    line.push('\n');
    out.write_all(line.as_bytes())
        .map_err(|e| super::output_failed(&e))
}

/// The Key URI after the token checks, shared with `qr`.
pub(super) fn key_uri_text(
    credential: &Credential,
    err: &mut dyn Write,
) -> Result<zeroize::Zeroizing<String>, Failure> {
    if super::hotp::checked_hotp(credential, err)?.is_none() {
        checked_totp(credential, err)?;
    }
    crate::enrol::key_uri(credential)
        .map(|uri| uri.to_uri())
        .ok_or_else(|| Failure::unavailable(crate::t!("cli-no-totp", name = describe(credential))))
}
