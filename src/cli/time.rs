//! `credview time [sync|reset]`: the clock against the configured NTP servers, and the
//! correction every code then uses.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use super::Failure;
use crate::clock::{Clock, CorrectedClock, SystemClock};
use crate::ntp::correction::{self, Correction};
use crate::ntp::{self, Measurement, Verdict, ahead_or_behind, nanos_to_millis, signed_seconds};

#[derive(Debug, clap::Args)]
pub struct TimeArgs {
    #[command(subcommand)]
    pub action: Option<TimeAction>,
}

#[derive(Debug, clap::Subcommand)]
pub enum TimeAction {
    /// Measure the offset and store it: every code is then computed for the corrected time
    Sync,
    /// Remove the stored correction: codes use the system clock again
    Reset,
}

/// What a missing server list says, wherever a command needs one.
pub fn no_servers() -> String {
    crate::t!("cli-time-no-servers")
}

/// The servers to ask: those named with `--ntp`, else those of the settings file.
pub fn ntp_servers(flag: &[String], configured: &[String]) -> Vec<String> {
    if flag.is_empty() {
        configured.to_vec()
    } else {
        flag.to_vec()
    }
}

/// The correction in force, or a warning on `err` and none when its file cannot be used.
pub fn stored_correction(
    env: impl Fn(&str) -> Option<OsString>,
    err: &mut dyn Write,
) -> Option<Correction> {
    let path = correction::path(env)?;
    correction::load(&path).unwrap_or_else(|e| {
        let what = crate::t!("cli-time-correction-ignored", error = e.to_string());
        let _ = writeln!(err, "warning: {what}");
        None
    })
}

/// The clock every code uses: the system clock plus the stored correction.
pub fn corrected_clock(correction: Option<&Correction>) -> CorrectedClock {
    CorrectedClock {
        offset_millis: correction.map_or(0, |c| c.offset_millis),
    }
}

pub fn time(
    args: &TimeArgs,
    servers: &[String],
    env: impl Fn(&str) -> Option<OsString>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    let path = correction::path(&env);
    let correction = stored_correction(&env, err);
    match args.action {
        None => report(servers, correction.as_ref(), out),
        Some(TimeAction::Sync) => sync(servers, path, out),
        Some(TimeAction::Reset) => reset(path, out),
    }
}

fn write_error(e: std::io::Error) -> Failure {
    super::output_failed(&e)
}

/// `label: ` padded so that the report's values line up, whatever the language's words.
fn labelled(rows: [(String, String); 3]) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let width = rows
        .iter()
        .map(|(label, _)| label.width() + 1)
        .max()
        .unwrap_or(0);
    rows.into_iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(label, value)| {
            let pad = width - label.width();
            format!("{label}:{:pad$}{value}", "")
        })
        .collect()
}

/// The system clock, the correction, each server's answer and a verdict; exit 0 / 1 / 2.
fn report(
    servers: &[String],
    correction: Option<&Correction>,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let system = SystemClock.now();
    let applied = match correction {
        Some(c) => crate::t!(
            "cli-time-correction",
            offset = signed_seconds(c.offset_millis),
            server = &c.server
        ),
        None => crate::t!("cli-time-correction-none"),
    };
    let labels = [
        crate::t!("cli-time-system-clock"),
        crate::t!("cli-time-correction-label"),
        crate::t!("cli-time-verdict-label"),
    ];
    let [system_label, correction_label, verdict_label] = labels;
    // The verdict's line is made last, lined up with the first two.
    let head = |verdict: String| {
        labelled([
            (system_label.clone(), crate::audit::rfc3339(system)),
            (correction_label.clone(), applied.clone()),
            (verdict_label.clone(), verdict),
        ])
    };
    let mut lines = head(String::new());
    if servers.is_empty() {
        write_lines(out, &lines)?;
        return Err(Failure::usage(no_servers()));
    }
    let measured = ntp::measure_all(servers, ntp::TIMEOUT);
    lines.extend(measured.iter().map(describe));
    let Some((server, offset)) = best_offset(&measured) else {
        write_lines(out, &lines)?;
        return Err(Failure::usage(crate::t!("cli-time-no-answer")));
    };
    let applied = correction.map_or(0, |c| c.offset_millis);
    let residual = offset.saturating_sub(applied);
    let verdict = Verdict::of(residual);
    let offset = ahead_or_behind(residual);
    let verdict_text = if correction.is_some() {
        crate::t!(
            "cli-time-verdict-corrected",
            verdict = verdict.sentence(),
            offset = &offset,
            server = server
        )
    } else {
        crate::t!(
            "cli-time-verdict",
            verdict = verdict.sentence(),
            offset = &offset,
            server = server
        )
    };
    if let Some(last) = head(verdict_text).pop() {
        lines.push(last);
    }
    write_lines(out, &lines)?;
    match verdict {
        Verdict::Fine => Ok(()),
        other => Err(Failure {
            status: other.exit_status(),
            message: crate::t!("cli-time-off", verdict = other.sentence()),
        }),
    }
}

/// `127.0.0.1:123: offset +0.003 s, round trip 0.4 ms`, or why there is no answer.
fn describe(measurement: &Measurement) -> String {
    match &measurement.result {
        Ok(sample) => {
            let answer = crate::t!(
                "cli-time-answer",
                offset = signed_seconds(nanos_to_millis(sample.offset_nanos)),
                trip = format!("{:.1}", sample.round_trip_nanos as f64 / 1e6)
            );
            format!("{}: {answer}", measurement.server)
        }
        Err(e) => format!("{}: {e}", measurement.server),
    }
}

/// The server to trust and its offset in milliseconds (what to add to the system clock).
pub fn best_offset(measured: &[Measurement]) -> Option<(&str, i64)> {
    let answers = measured
        .iter()
        .filter_map(|m| m.result.as_ref().ok().map(|s| (m.server.as_str(), s)));
    answers
        .min_by_key(|(_, sample)| sample.round_trip_nanos)
        .map(|(server, sample)| (server, nanos_to_millis(sample.offset_nanos)))
}

fn sync(servers: &[String], path: Option<PathBuf>, out: &mut dyn Write) -> Result<(), Failure> {
    if servers.is_empty() {
        return Err(Failure::usage(no_servers()));
    }
    let path = path.ok_or_else(|| Failure::usage(crate::t!("cli-time-nowhere")))?;
    let measured = ntp::measure_all(servers, ntp::TIMEOUT);
    let Some((server, offset)) = best_offset(&measured) else {
        let why: Vec<String> = measured.iter().map(describe).collect();
        return Err(Failure::usage(crate::t!(
            "cli-time-sync-no-answer",
            why = why.join("; ")
        )));
    };
    let at = corrected_clock(None)
        .now()
        .offset_by_millis(offset)
        .as_secs();
    let correction = Correction::new(offset, server.to_owned(), at)
        .map_err(|e| Failure::usage(e.to_string()))?;
    correction::save(&path, &correction).map_err(|e| Failure::usage(e.to_string()))?;
    write_lines(
        out,
        &[crate::t!(
            "cli-time-synced",
            offset = signed_seconds(offset),
            server = server
        )],
    )
}

fn reset(path: Option<PathBuf>, out: &mut dyn Write) -> Result<(), Failure> {
    let removed = match path {
        Some(path) => correction::remove(&path).map_err(|e| {
            Failure::usage(crate::t!(
                "cli-time-cannot-remove",
                path = path.display().to_string(),
                error = e.to_string()
            ))
        })?,
        None => false,
    };
    let line = if removed {
        crate::t!("cli-time-reset")
    } else {
        crate::t!("cli-time-reset-none")
    };
    write_lines(out, &[line])
}

fn write_lines(out: &mut dyn Write, lines: &[String]) -> Result<(), Failure> {
    for line in lines {
        // Server names are the user's text: no control characters reach the terminal.
        let line = crate::format::printable(line);
        writeln!(out, "{line}").map_err(write_error)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn servers_on_the_command_line_replace_the_configured_ones() {
        let flag = ["127.0.0.1:1234".to_owned()];
        let configured = ["pool.ntp.org".to_owned()];
        assert_eq!(ntp_servers(&flag, &configured), flag);
        assert_eq!(ntp_servers(&[], &configured), configured);
        assert!(ntp_servers(&[], &[]).is_empty());
    }

    #[test]
    fn the_answer_with_the_shortest_round_trip_is_trusted() {
        let answer = |server: &str, offset_nanos, round_trip_nanos| Measurement {
            server: server.to_owned(),
            result: Ok(ntp::Sample {
                offset_nanos,
                round_trip_nanos,
            }),
        };
        let silent = Measurement {
            server: "silent".to_owned(),
            result: Err(ntp::QueryError::NoAnswer(ntp::TIMEOUT)),
        };
        let measured = [
            silent,
            answer("far", 5_000_000_000, 90_000_000),
            answer("near", -1_400_000, 2_000_000),
        ];
        assert_eq!(best_offset(&measured), Some(("near", -1)));
        assert_eq!(best_offset(&measured[..1]), None);
    }
}
