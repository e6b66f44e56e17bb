//! `credview render`: a template with a credential's values in place of its tags.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::time::Duration;

use zeroize::Zeroizing;

use super::code::{at_time, checked_totp, describe, find};
use super::hotp::{self, CounterStore};
use super::{Failure, audit::record, audit::record_counter};
use crate::audit::{AuditAction, AuditLog};
use crate::clock::Clock;
use crate::otp::Timestamp;
use crate::template::{RenderError, Rendered, Template, Values};
use crate::vault::Vault;

/// A wait is at most one step; this many rounds only guards against a clock that jumps.
const MAX_ROUNDS: usize = 4;

#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// The credential whose values fill the tags: its id or username@hostname
    #[arg(long, value_name = "ID")]
    pub credential: String,
    /// The template; `-` or nothing reads standard input
    #[arg(value_name = "FILE")]
    pub template: Option<PathBuf>,
    /// When the code has fewer than S seconds left, wait for the next one
    #[arg(long, value_name = "S")]
    pub min_validity: Option<u64>,
    /// Render for this moment instead of now (a wait then moves to the next step at once)
    #[arg(long, value_name = "UNIX_SECONDS", allow_negative_numbers = true)]
    pub at: Option<i64>,
    /// HOTP: fill the token tag with the next code, advancing the stored counter first
    /// (without it an HOTP credential's token is never filled)
    #[arg(long)]
    pub advance: bool,
}

pub fn render(
    vault: &Vault,
    args: &RenderArgs,
    counters: &mut dyn CounterStore,
    audit: &mut dyn AuditLog,
    clock: &dyn Clock,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    let fixed = args.at.map(at_time).transpose()?;
    let (name, text) = read_template(args.template.as_ref())?;
    let template = Template::parse(&text).map_err(|e| Failure::usage(format!("{name}:{e}")))?;
    let credential = find(vault, &args.credential)?;
    let mut values = Values::plain(credential);
    let hotp = hotp::checked_hotp(credential, err)?;
    let advance = template.needs_token() && hotp.is_some();
    if advance && !args.advance {
        return Err(Failure::unavailable(crate::t!(
            "cli-render-hotp",
            name = describe(credential)
        )));
    }
    if template.needs_token() && !advance {
        values.totp = Some(checked_totp(credential, err)?.generator());
    }
    if template.needs_password() {
        if !credential.access.can_see_password() {
            return Err(Failure::unavailable(crate::t!(
                "cli-render-password-not-permitted",
                name = describe(credential)
            )));
        }
        let password = credential.password.as_ref().ok_or_else(|| {
            Failure::unavailable(crate::t!(
                "cli-render-no-password",
                name = describe(credential)
            ))
        })?;
        values.password = Some(password.expose());
    }
    // Last of the checks: a counter is advanced only for a render that goes ahead.
    if advance {
        let (counter, written) = hotp::advance(counters, credential)?;
        record_counter(audit, AuditAction::HotpAdvance, credential, counter, clock)?;
        values.code = Some(written.generator().code(counter));
    }
    let output = fill(&template, &values, fixed, args.min_validity, clock, err)?;
    record(audit, AuditAction::Render, credential, clock)?;
    // One write of the finished text: an error above leaves stdout untouched.
    out.write_all(output.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| super::output_failed(&e))
}

/// Renders, sleeping to the next step when the code is too close to its end; with a fixed
/// time (`--at`) the next step's start is used without sleeping.
fn fill(
    template: &Template,
    values: &Values,
    fixed: Option<Timestamp>,
    min_validity: Option<u64>,
    clock: &dyn Clock,
    err: &mut dyn Write,
) -> Result<Zeroizing<String>, Failure> {
    let mut at = fixed.unwrap_or_else(|| clock.now());
    for _ in 0..MAX_ROUNDS {
        let rendered = template
            .render(values, at, min_validity)
            .map_err(|e| match e {
                RenderError::ValidityTooLong { .. } => Failure::usage(e.to_string()),
                RenderError::Missing(_) => Failure::unavailable(e.to_string()),
            })?;
        match rendered {
            Rendered::Text(text) => return Ok(text),
            Rendered::WaitUntil(next) if fixed.is_some() => at = next,
            Rendered::WaitUntil(next) => {
                let wait = next.as_millis().saturating_sub(clock.now().as_millis());
                let told = crate::t!("cli-render-waiting", seconds = wait.div_ceil(1000));
                let _ = writeln!(err, "{told}");
                std::thread::sleep(Duration::from_millis(wait));
                at = clock.now().max(next);
            }
        }
    }
    Err(Failure::usage(crate::t!("cli-render-clock-jumping")))
}

fn read_template(path: Option<&PathBuf>) -> Result<(String, String), Failure> {
    let mut bytes = Vec::new();
    let name = match path.filter(|p| p.as_os_str() != "-") {
        Some(path) => {
            bytes = std::fs::read(path).map_err(|e| {
                Failure::usage(crate::t!(
                    "cli-render-template-unreadable",
                    path = path.display().to_string(),
                    error = e.to_string()
                ))
            })?;
            path.display().to_string()
        }
        None => {
            std::io::stdin().read_to_end(&mut bytes).map_err(|e| {
                Failure::usage(crate::t!(
                    "cli-render-stdin-unreadable",
                    error = e.to_string()
                ))
            })?;
            "<stdin>".to_owned()
        }
    };
    let text = String::from_utf8(bytes)
        .map_err(|_| Failure::usage(format!("{name}: {}", crate::t!("cli-render-not-utf8"))))?;
    Ok((name, text))
}
