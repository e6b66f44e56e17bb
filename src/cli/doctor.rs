//! `credview doctor`: one screen of checks to run when something is wrong, each a line with
//! ✓ / ⚠ / ✗ and what to do about it.

use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::Path;

use super::{Cli, Failure};
use crate::clipboard::{Target, choose_target};
use crate::ntp::{self, Verdict, ahead_or_behind, signed_seconds};
use crate::vault::Source;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Ok,
    Warn,
    Fail,
}

/// One line of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    pub mark: Mark,
    pub text: String,
    /// What to do, when there is something to do.
    pub fix: Option<String>,
}

impl Check {
    fn ok(text: impl Into<String>) -> Self {
        Self {
            mark: Mark::Ok,
            text: text.into(),
            fix: None,
        }
    }

    fn warn(text: impl Into<String>, fix: impl Into<String>) -> Self {
        Self {
            mark: Mark::Warn,
            text: text.into(),
            fix: Some(fix.into()),
        }
    }

    fn fail(text: impl Into<String>, fix: impl Into<String>) -> Self {
        Self {
            mark: Mark::Fail,
            text: text.into(),
            fix: Some(fix.into()),
        }
    }

    pub fn line(&self) -> String {
        let mark = match self.mark {
            Mark::Ok => '✓',
            Mark::Warn => '⚠',
            Mark::Fail => '✗',
        };
        match &self.fix {
            Some(fix) => format!("{mark} {} → {fix}", self.text),
            None => format!("{mark} {}", self.text),
        }
    }
}

pub fn doctor(
    args: &Cli,
    settings: &crate::app::Settings,
    servers: &[String],
    env: impl Fn(&str) -> Option<OsString> + Copy,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let source = Source::resolve_with(args.vault.as_deref(), settings.vault.as_deref(), env);
    let mut checks = vault(&source);
    checks.push(audit_log(args, settings.audit_log.as_deref(), env));
    checks.push(clipboard(env, tmux_set_clipboard));
    checks.extend(terminal(env));
    checks.extend(clock(servers, env));
    for check in &checks {
        let line = check.line();
        let line = crate::format::printable(&line);
        writeln!(out, "{line}").map_err(|e| super::output_failed(&e))?;
    }
    if checks.iter().any(|c| c.mark == Mark::Fail) {
        return Err(Failure::usage(crate::t!("cli-doctor-failed")));
    }
    Ok(())
}

fn vault(source: &Source) -> Vec<Check> {
    let path = match source {
        Source::Demo => {
            return vec![Check::warn(
                crate::t!("cli-doctor-vault-demo"),
                crate::t!("cli-doctor-vault-demo-fix"),
            )];
        }
        Source::File(path) => path,
    };
    let shown = path.display().to_string();
    if let Err(why) = crate::vault::check_symlink(path) {
        return vec![Check::fail(
            crate::t!(
                "cli-doctor-vault-refused",
                path = &shown,
                why = why.to_string()
            ),
            crate::t!("cli-doctor-see-message"),
        )];
    }
    let opened = if path.extension().is_some_and(|e| e == "age") {
        match std::fs::File::open(path) {
            Ok(_) => Check::ok(crate::t!("cli-doctor-vault-encrypted", path = &shown)),
            Err(e) => Check::fail(
                crate::t!(
                    "cli-doctor-vault-unreadable",
                    path = &shown,
                    error = e.to_string()
                ),
                crate::t!("cli-doctor-vault-unreadable-fix"),
            ),
        }
    } else {
        match source.load() {
            Ok(vault) => Check::ok(crate::t!(
                "cli-doctor-vault-read",
                path = &shown,
                count = vault.credentials.len()
            )),
            Err(e) => Check::fail(
                crate::t!("cli-doctor-vault-bad", error = e.to_string()),
                crate::t!("cli-doctor-vault-bad-fix"),
            ),
        }
    };
    let mut checks = vec![opened];
    if !path.exists() {
        return checks;
    }
    let warnings = crate::vault::permission_warnings(path);
    if warnings.is_empty() {
        checks.push(Check::ok(crate::t!("cli-doctor-permissions-ok")));
    }
    for warning in warnings {
        let text = warning.trim_start_matches("warning: ");
        let (what, fix) = match text.split_once("; run: ") {
            Some((what, command)) => (what, crate::t!("cli-doctor-run", command = command)),
            None => (text, crate::t!("cli-doctor-permissions-fix")),
        };
        checks.push(Check::warn(
            crate::t!("cli-doctor-permissions", what = what),
            fix,
        ));
    }
    checks
}

/// `configured`: the settings file's `audit_log`, after `--audit`.
fn audit_log(
    args: &Cli,
    configured: Option<&Path>,
    env: impl Fn(&str) -> Option<OsString>,
) -> Check {
    if args.no_audit {
        return Check::warn(
            crate::t!("cli-doctor-audit-off"),
            crate::t!("cli-doctor-audit-off-fix"),
        );
    }
    let Some(path) = crate::audit::resolve_path(args.audit.as_deref().or(configured), env) else {
        return Check::fail(
            crate::t!("cli-doctor-audit-nowhere"),
            crate::t!("cli-doctor-audit-nowhere-fix"),
        );
    };
    let shown = path.display().to_string();
    if path.exists() {
        return match std::fs::OpenOptions::new().append(true).open(&path) {
            Ok(_) => Check::ok(crate::t!("cli-doctor-audit-writable", path = &shown)),
            Err(e) => Check::fail(
                crate::t!(
                    "cli-doctor-audit-unwritable",
                    path = &shown,
                    error = e.to_string()
                ),
                crate::t!("cli-doctor-audit-unwritable-fix"),
            ),
        };
    }
    // Not there yet: the first reveal creates it (and its folders) where one can write.
    match path.ancestors().skip(1).find(|p| p.exists()) {
        Some(folder) if writable(folder) => {
            Check::ok(crate::t!("cli-doctor-audit-later", path = &shown))
        }
        Some(folder) => Check::fail(
            crate::t!(
                "cli-doctor-audit-folder",
                folder = folder.display().to_string(),
                path = &shown
            ),
            crate::t!("cli-doctor-audit-folder-fix"),
        ),
        None => Check::fail(
            crate::t!("cli-doctor-audit-no-folder", path = &shown),
            crate::t!("cli-doctor-audit-no-folder-fix"),
        ),
    }
}

#[cfg(unix)]
fn writable(folder: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(name) = std::ffi::CString::new(folder.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: `name` is a valid NUL-terminated path that outlives the call.
    unsafe { libc::access(name.as_ptr(), libc::W_OK) == 0 }
}

#[cfg(not(unix))]
fn writable(folder: &Path) -> bool {
    !std::fs::metadata(folder).is_ok_and(|m| m.permissions().readonly())
}

/// `tmux show-options -gv set-clipboard`: `on`, `external`, `off`, or `None` if tmux says nothing.
fn tmux_set_clipboard() -> Option<String> {
    let output = std::process::Command::new("tmux")
        .args(["show-options", "-gv", "set-clipboard"])
        .output()
        .ok()
        .filter(|o| o.status.success())?;
    Some(String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

/// Where `c` copies to, and inside tmux whether tmux lets the OSC 52 sequence through.
pub fn clipboard(
    env: impl Fn(&str) -> Option<OsString>,
    tmux: impl Fn() -> Option<String>,
) -> Check {
    let in_tmux = env("TMUX").is_some_and(|v| !v.is_empty());
    match choose_target(&env) {
        Target::System => Check::ok(crate::t!("cli-doctor-clipboard-system")),
        Target::Osc52 if in_tmux => match tmux().as_deref() {
            Some("on") => Check::ok(crate::t!("cli-doctor-clipboard-tmux")),
            Some(other) => Check::fail(
                crate::t!("cli-doctor-clipboard-tmux-off", setting = other),
                crate::t!("cli-doctor-clipboard-tmux-off-fix"),
            ),
            None => Check::warn(
                crate::t!("cli-doctor-clipboard-tmux-unknown"),
                crate::t!("cli-doctor-clipboard-tmux-unknown-fix"),
            ),
        },
        Target::Osc52 => Check::ok(crate::t!("cli-doctor-clipboard-osc52")),
    }
}

fn terminal(env: impl Fn(&str) -> Option<OsString>) -> Vec<Check> {
    let set = |name: &str| {
        env(name)
            .filter(|v| !v.is_empty())
            .map(|v| v.to_string_lossy().into_owned())
    };
    let mut checks = Vec::new();
    let (need_w, need_h) = crate::app::layout::MIN_DETAILS;
    if !std::io::stdout().is_terminal() {
        checks.push(Check::warn(
            crate::t!("cli-doctor-terminal-none"),
            crate::t!("cli-doctor-terminal-none-fix"),
        ));
    } else {
        match crossterm::terminal::size() {
            Ok((w, h)) if w >= need_w && h >= need_h => {
                let size = format!("{w}×{h}");
                checks.push(Check::ok(crate::t!(
                    "cli-doctor-terminal-size",
                    size = size
                )))
            }
            Ok((w, h)) => checks.push(Check::warn(
                crate::t!(
                    "cli-doctor-terminal-small",
                    size = format!("{w}×{h}"),
                    needed = format!("{need_w}×{need_h}")
                ),
                crate::t!("cli-doctor-terminal-small-fix"),
            )),
            Err(e) => checks.push(Check::warn(
                crate::t!("cli-doctor-terminal-unknown", error = e.to_string()),
                crate::t!("cli-doctor-terminal-unknown-fix"),
            )),
        }
    }
    let term = set("TERM").unwrap_or_default();
    let colours = if set("NO_COLOR").is_some() {
        Check::warn(
            crate::t!("cli-doctor-colours-off"),
            crate::t!("cli-doctor-colours-off-fix"),
        )
    } else if term.is_empty() || term == "dumb" {
        Check::warn(
            crate::t!("cli-doctor-colours-term", term = &term),
            crate::t!("cli-doctor-colours-term-fix"),
        )
    } else if set("COLORTERM").is_some_and(|c| c == "truecolor" || c == "24bit") {
        Check::ok(crate::t!("cli-doctor-colours-24bit", term = &term))
    } else if term.contains("256color") {
        Check::ok(crate::t!("cli-doctor-colours-256", term = &term))
    } else {
        Check::ok(crate::t!("cli-doctor-colours-basic", term = &term))
    };
    checks.push(colours);
    checks
}

fn clock(servers: &[String], env: impl Fn(&str) -> Option<OsString>) -> Vec<Check> {
    let mut sink = Vec::new();
    let correction = super::stored_correction(env, &mut sink);
    let mut checks = Vec::new();
    let warning = String::from_utf8_lossy(&sink).trim().to_owned();
    if !warning.is_empty() {
        checks.push(Check::warn(
            crate::t!(
                "cli-doctor-clock-correction-bad",
                what = warning.trim_start_matches("warning: ")
            ),
            crate::t!("cli-doctor-clock-correction-bad-fix"),
        ));
    }
    if let Some(c) = &correction {
        checks.push(Check::ok(crate::t!(
            "cli-doctor-clock-corrected",
            offset = signed_seconds(c.offset_millis),
            server = &c.server
        )));
    }
    if servers.is_empty() {
        checks.push(Check::warn(
            crate::t!("cli-doctor-clock-unchecked"),
            crate::t!("cli-doctor-clock-unchecked-fix"),
        ));
        return checks;
    }
    let measured = ntp::measure_all(servers, ntp::TIMEOUT);
    let Some((server, offset)) = super::best_offset(&measured) else {
        checks.push(Check::fail(
            crate::t!("cli-doctor-clock-no-answer"),
            crate::t!("cli-doctor-clock-no-answer-fix"),
        ));
        return checks;
    };
    let residual = offset - correction.as_ref().map_or(0, |c| c.offset_millis);
    let offset = ahead_or_behind(residual);
    let text = || crate::t!("cli-doctor-clock", offset = &offset, server = server);
    checks.push(match Verdict::of(residual) {
        Verdict::Fine => Check::ok(text()),
        Verdict::AtRisk => Check::warn(
            crate::t!("cli-doctor-clock-at-risk", clock = text()),
            crate::t!("cli-doctor-clock-at-risk-fix"),
        ),
        Verdict::Wrong => Check::fail(
            crate::t!("cli-doctor-clock-wrong", clock = text()),
            crate::t!("cli-doctor-clock-wrong-fix"),
        ),
    });
    checks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<OsString> {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.into())
        }
    }

    #[test]
    fn tmux_lets_osc_52_through_only_with_set_clipboard_on() {
        let inside = env(&[("TMUX", "/tmp/tmux-0/default,1,0")]);
        let on = clipboard(&inside, || Some("on".into()));
        assert_eq!(on.mark, Mark::Ok);
        let external = clipboard(&inside, || Some("external".into()));
        assert_eq!(external.mark, Mark::Fail);
        assert!(
            external.line().contains("tmux set -g set-clipboard on"),
            "{}",
            external.line()
        );
        assert_eq!(clipboard(&inside, || None).mark, Mark::Warn);
    }

    #[test]
    fn lines_carry_their_mark_and_fix() {
        assert_eq!(Check::ok("a").line(), "✓ a");
        assert_eq!(Check::warn("b", "do c").line(), "⚠ b → do c");
        assert_eq!(Check::fail("d", "do e").line(), "✗ d → do e");
    }
}
