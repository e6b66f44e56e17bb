//! `credview verify`: does a code someone typed match the credential's, allowing for drift?

use std::fmt;
use std::io::Write;

use zeroize::Zeroizing;

use super::Failure;
use super::code::{at_time, checked_totp, describe, find};
use super::hotp::{self, CounterStore};
use crate::audit::AuditLog;
use crate::clock::Clock;
use crate::vault::Vault;

/// Steps either side a TOTP code may drift by default (RFC 6238 section 5.2 suggests one).
pub const TOTP_WINDOW: u64 = 1;
/// HOTP counters looked ahead by default (RFC 4226 section 7.4).
pub const HOTP_WINDOW: u64 = 10;

/// More than this many steps either side is no longer drift; RFC 6238 suggests one.
pub const MAX_WINDOW: u64 = 100;

#[derive(Debug, clap::Args)]
pub struct VerifyArgs {
    /// The credential: its id or username@hostname
    pub credential: String,
    /// The code to check, digits only
    #[arg(value_parser = typed_code)]
    pub code: TypedCode,
    /// Also accept codes this many steps before or after (0 to 100; default 1). HOTP: this
    /// many counters ahead of the stored one (default 10, as RFC 4226 section 7.4 suggests)
    #[arg(long, value_name = "N",
          value_parser = clap::value_parser!(u64).range(0..=MAX_WINDOW))]
    pub window: Option<u64>,
    /// Check against this moment instead of now
    #[arg(long, value_name = "UNIX_SECONDS", allow_negative_numbers = true)]
    pub at: Option<i64>,
}

/// A code as typed; never shown in debug output.
#[derive(Clone)]
pub struct TypedCode(Zeroizing<String>);

impl fmt::Debug for TypedCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TypedCode(redacted)")
    }
}

fn typed_code(text: &str) -> Result<TypedCode, String> {
    Ok(TypedCode(Zeroizing::new(text.to_owned())))
}

pub fn verify(
    vault: &Vault,
    args: &VerifyArgs,
    counters: &mut dyn CounterStore,
    clock: &dyn Clock,
    audit: &mut dyn AuditLog,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    let typed = args.code.0.as_str();
    // Steam codes are letters and digits; the length check below says what is expected.
    if typed.is_empty() || !typed.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(Failure::usage(crate::t!("cli-verify-digits-only")));
    }
    let at = match args.at {
        Some(secs) => at_time(secs)?,
        None => clock.now(),
    };
    let credential = find(vault, &args.credential)?;
    if let Some(settings) = hotp::checked_hotp(credential, err)? {
        if args.at.is_some() {
            return Err(Failure::usage(crate::t!(
                "cli-verify-hotp-no-time",
                name = describe(credential)
            )));
        }
        check_length(typed, usize::from(settings.digits), credential)?;
        let window = args.window.unwrap_or(HOTP_WINDOW);
        return hotp::verify(credential, typed, window, counters, clock, audit, out);
    }
    let totp = checked_totp(credential, err)?.generator();
    let digits = usize::from(totp.params().digits);
    if !totp.params().is_steam() {
        check_length(typed, digits, credential)?;
    } else if typed.len() != digits {
        return Err(Failure::usage(crate::t!(
            "cli-verify-steam-length",
            typed = typed.len(),
            name = describe(credential),
            digits = digits
        )));
    }
    let step = totp.step(at);
    let window = args.window.unwrap_or(TOTP_WINDOW).min(MAX_WINDOW);
    let window = i64::try_from(window).unwrap_or(1);
    // Every step in the window is compared, so the time taken does not say which matched;
    // the nearest offset wins if two steps happen to share a code.
    let mut matched = None;
    for offset in nearest_first(window) {
        let Some(other) = step.checked_add_signed(offset) else {
            continue;
        };
        if totp.code_for_step(other).matches(typed) && matched.is_none() {
            matched = Some(offset);
        }
    }
    match matched {
        Some(offset) => {
            let told = crate::t!("cli-verify-matched", offset = signed(offset));
            writeln!(out, "{told}").map_err(|e| super::output_failed(&e))
        }
        None => Err(Failure::unavailable(crate::t!(
            "cli-verify-no-match",
            name = describe(credential),
            window = window
        ))),
    }
}

fn check_length(
    typed: &str,
    digits: usize,
    credential: &crate::vault::Credential,
) -> Result<(), Failure> {
    if !typed.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Failure::usage(crate::t!("cli-verify-digits-only")));
    }
    if typed.len() != digits {
        return Err(Failure::usage(crate::t!(
            "cli-verify-length",
            typed = typed.len(),
            name = describe(credential),
            digits = digits
        )));
    }
    Ok(())
}

/// `-1`, `0`, `+1`: the offset as a person reads it.
fn signed(offset: i64) -> String {
    if offset == 0 {
        "0".to_owned()
    } else {
        format!("{offset:+}")
    }
}

/// `0, -1, 1, -2, 2, ...` up to `window`.
fn nearest_first(window: i64) -> impl Iterator<Item = i64> {
    std::iter::once(0).chain((1..=window).flat_map(|n| [-n, n]))
}
