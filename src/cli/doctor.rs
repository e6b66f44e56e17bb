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
        writeln!(out, "{line}")
            .map_err(|e| Failure::usage(format!("cannot write the output: {e}")))?;
    }
    if checks.iter().any(|c| c.mark == Mark::Fail) {
        return Err(Failure::usage(
            "some checks failed (✗); each says what to do",
        ));
    }
    Ok(())
}

fn vault(source: &Source) -> Vec<Check> {
    let path = match source {
        Source::Demo => {
            return vec![Check::warn(
                "vault: none found, so the built-in demo vault is shown",
                "put yours at $XDG_CONFIG_HOME/credview/vault.json or pass --vault PATH",
            )];
        }
        Source::File(path) => path,
    };
    let shown = path.display();
    if let Err(why) = crate::vault::check_symlink(path) {
        return vec![Check::fail(
            format!("vault: {shown}: {why}"),
            "see the message",
        )];
    }
    let opened = if path.extension().is_some_and(|e| e == "age") {
        match std::fs::File::open(path) {
            Ok(_) => Check::ok(format!(
                "vault: {shown} (age-encrypted: readable, not opened here)"
            )),
            Err(e) => Check::fail(
                format!("vault: cannot read {shown}: {e}"),
                "check the path and its owner",
            ),
        }
    } else {
        match source.load() {
            Ok(vault) => Check::ok(format!(
                "vault: {shown}, {} credentials",
                vault.credentials.len()
            )),
            Err(e) => Check::fail(format!("vault: {e}"), "fix what the message names"),
        }
    };
    let mut checks = vec![opened];
    if !path.exists() {
        return checks;
    }
    let warnings = crate::vault::permission_warnings(path);
    if warnings.is_empty() {
        checks.push(Check::ok("vault permissions: only you can read it"));
    }
    for warning in warnings {
        let text = warning.trim_start_matches("warning: ");
        match text.split_once("; run: ") {
            Some((what, fix)) => checks.push(Check::warn(
                format!("vault permissions: {what}"),
                format!("run: {fix}"),
            )),
            None => checks.push(Check::warn(
                format!("vault permissions: {text}"),
                "make it private",
            )),
        }
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
            "audit log: off (--no-audit)",
            "drop --no-audit to record reveals",
        );
    }
    let Some(path) = crate::audit::resolve_path(args.audit.as_deref().or(configured), env) else {
        return Check::fail(
            "audit log: nowhere to write it (neither $XDG_STATE_HOME nor $HOME is set)",
            "set $XDG_STATE_HOME or pass --audit PATH",
        );
    };
    let shown = path.display();
    if path.exists() {
        return match std::fs::OpenOptions::new().append(true).open(&path) {
            Ok(_) => Check::ok(format!("audit log: {shown} is writable")),
            Err(e) => Check::fail(
                format!("audit log: cannot write {shown}: {e}"),
                "fix its owner or permissions, or pass --audit PATH",
            ),
        };
    }
    // Not there yet: the first reveal creates it (and its folders) where one can write.
    match path.ancestors().skip(1).find(|p| p.exists()) {
        Some(folder) if writable(folder) => {
            Check::ok(format!("audit log: {shown} (created on the first reveal)"))
        }
        Some(folder) => Check::fail(
            format!(
                "audit log: {} is not writable, so {shown} cannot be created",
                folder.display()
            ),
            "pass --audit PATH somewhere you can write",
        ),
        None => Check::fail(
            format!("audit log: no folder above {shown} exists"),
            "pass --audit PATH",
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
        Target::System => {
            Check::ok("clipboard: `c` copies to the system clipboard (a display is set)")
        }
        Target::Osc52 if in_tmux => match tmux().as_deref() {
            Some("on") => Check::ok("clipboard: `c` sends OSC 52 through tmux (set-clipboard on)"),
            Some(other) => Check::fail(
                format!(
                    "clipboard: `c` sends OSC 52, but tmux's set-clipboard is {other}, so it never arrives"
                ),
                "run: tmux set -g set-clipboard on (and add it to ~/.tmux.conf)",
            ),
            None => Check::warn(
                "clipboard: `c` sends OSC 52 inside tmux, whose set-clipboard could not be read",
                "make sure tmux has set-clipboard on",
            ),
        },
        Target::Osc52 => Check::ok(
            "clipboard: `c` sends OSC 52 to the terminal (SSH or no display); the terminal must allow it",
        ),
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
            "terminal: the output is not a terminal, so its size is unknown",
            "run doctor in the terminal you use",
        ));
    } else {
        match crossterm::terminal::size() {
            Ok((w, h)) if w >= need_w && h >= need_h => {
                checks.push(Check::ok(format!("terminal: {w}×{h}")))
            }
            Ok((w, h)) => checks.push(Check::warn(
                format!("terminal: {w}×{h}, smaller than the {need_w}×{need_h} Details needs"),
                "enlarge the window",
            )),
            Err(e) => checks.push(Check::warn(
                format!("terminal: size unknown ({e})"),
                "run doctor in a terminal",
            )),
        }
    }
    let term = set("TERM").unwrap_or_default();
    let colours = if set("NO_COLOR").is_some() {
        Check::warn(
            "colours: off (NO_COLOR is set); the countdown's warning colour will not show",
            "unset NO_COLOR",
        )
    } else if term.is_empty() || term == "dumb" {
        Check::warn(
            format!("colours: TERM is \"{term}\""),
            "set TERM to your terminal's (xterm-256color, say)",
        )
    } else if set("COLORTERM").is_some_and(|c| c == "truecolor" || c == "24bit") {
        Check::ok(format!("colours: 24-bit ({term})"))
    } else if term.contains("256color") {
        Check::ok(format!("colours: 256 ({term})"))
    } else {
        Check::ok(format!("colours: basic ({term})"))
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
            format!("clock: {}", warning.trim_start_matches("warning: ")),
            "run: credview time reset",
        ));
    }
    if let Some(c) = &correction {
        checks.push(Check::ok(format!(
            "clock: corrected by {} (time sync against {})",
            signed_seconds(c.offset_millis),
            c.server
        )));
    }
    if servers.is_empty() {
        checks.push(Check::warn(
            "clock: not checked (no NTP server configured)",
            "add --ntp pool.ntp.org, or ntp_servers in the settings file",
        ));
        return checks;
    }
    let measured = ntp::measure_all(servers, ntp::TIMEOUT);
    let Some((server, offset)) = super::best_offset(&measured) else {
        checks.push(Check::fail(
            "clock: no NTP server answered within 1 s",
            "check the server names and that UDP port 123 is open",
        ));
        return checks;
    };
    let residual = offset - correction.as_ref().map_or(0, |c| c.offset_millis);
    let text = format!("clock: {} {server}", ahead_or_behind(residual));
    checks.push(match Verdict::of(residual) {
        Verdict::Fine => Check::ok(text),
        Verdict::AtRisk => Check::warn(format!("{text}: codes at risk"), "run: credview time sync"),
        Verdict::Wrong => Check::fail(
            format!("{text}: codes wrong"),
            "run: credview time sync (or set the system clock)",
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
