//! Copying a code or a password: the edge's answer, and what the status line says of it.

use unicode_width::UnicodeWidthStr;
use zeroize::Zeroizing;

use super::details::shown_token;
use super::msg::Effect;
use super::say;
use super::state::{App, LATE_COPY_MILLIS, Level, Sensitive};
use crate::clipboard::Target;
use crate::t;

pub(super) fn copy(
    app: &mut App,
    text: Zeroizing<String>,
    what: Sensitive,
    effects: &mut Vec<Effect>,
) {
    app.copying = Some((text.clone(), what));
    effects.push(Effect::Copy(text));
}

pub(super) fn on_copied(app: &mut App, result: Result<Target, String>) {
    let now = app.now;
    let clear_after = app.settings.clear_clipboard_after_millis;
    let Some((text, what)) = app.copying.take() else {
        return;
    };
    let left = shown_token(app).map(|t| t.millis_left(now));
    let late = what == Sensitive::TokenCopy && left.is_some_and(|left| left <= LATE_COPY_MILLIS);
    let what = if what == Sensitive::TokenCopy {
        "token"
    } else {
        "password"
    };
    match result {
        Ok(target) => {
            let mut text = if clear_after == 0 {
                // Clearing is turned off: an earlier copy's clear would find this one anyway.
                app.clipboard = None;
                t!(
                    "tui-status-copied-kept",
                    what = what,
                    target = where_to(target)
                )
            } else {
                app.clipboard = Some(super::state::Clip {
                    text,
                    target,
                    clear_at: now.plus_millis(clear_after),
                });
                let seconds = clear_after.div_ceil(1000);
                t!(
                    "tui-status-copied",
                    what = what,
                    target = where_to(target),
                    seconds = seconds
                )
            };
            if late {
                let seconds = left.unwrap_or(0).div_ceil(1000);
                let expires = t!("tui-status-expires-soon", seconds = seconds);
                // The warning is the part that must show: first, when both do not fit.
                let both = format!("{text}. {expires}");
                text = if both.width() < usize::from(app.size.0) {
                    both
                } else {
                    format!("{expires} {text}")
                };
            }
            say(app, text, if late { Level::Warning } else { Level::Info });
        }
        // An earlier copy that did land keeps its own clear.
        Err(reason) => say(
            app,
            t!("tui-status-copy-failed", reason = reason),
            Level::Error,
        ),
    }
}

/// Which clipboard, as the catalogue's sentences select it.
fn where_to(target: Target) -> &'static str {
    match target {
        Target::System => "system",
        Target::Osc52 => "osc52",
    }
}
