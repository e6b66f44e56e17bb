//! What the screen says about the clock: the correction in force (title bar) and the latest
//! background check's warning (status line). The check itself runs at the edge.

use super::state::App;
use crate::ntp::{Verdict, signed_seconds};
use crate::t;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClockState {
    /// Milliseconds added to the system clock (`credview time sync`); 0 when none.
    pub correction_millis: i64,
    /// Said while the latest check found the codes at risk or wrong.
    pub warning: Option<String>,
    /// The warning without the server's name, for a status line too narrow for the whole.
    pub short_warning: Option<String>,
}

/// A background check's result, as the edge measured it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClockCheck {
    /// What to add to the system clock to read `server`'s time.
    Measured { server: String, offset_millis: i64 },
    /// No server answered: nothing is known, so nothing is said.
    NoAnswer,
}

impl ClockState {
    /// `clock corrected by +42 s`, while a correction is in force.
    pub fn title(&self) -> Option<String> {
        self.titles().map(|[full, _]| full)
    }

    /// The title's correction in full and shortened (`clock +42 s`) for narrower terminals.
    pub fn titles(&self) -> Option<[String; 2]> {
        let secs = round_to_secs(self.correction_millis);
        let seconds = signed_seconds(secs * 1000);
        (self.correction_millis != 0).then(|| {
            [
                t!("tui-clock-corrected-by", seconds = &seconds),
                t!("tui-clock-corrected-short", seconds = &seconds),
            ]
        })
    }
}

fn round_to_secs(millis: i64) -> i64 {
    let secs = millis / 1000;
    match millis % 1000 {
        rest if rest >= 500 => secs + 1,
        rest if rest <= -500 => secs - 1,
        _ => secs,
    }
}

pub(super) fn on_checked(app: &mut App, check: ClockCheck) {
    let ClockCheck::Measured {
        server,
        offset_millis,
    } = check
    else {
        return;
    };
    // What the codes are off by: the correction in force already covers part of it.
    let residual = offset_millis.saturating_sub(app.clock.correction_millis);
    let corrected = if app.clock.correction_millis == 0 {
        "no"
    } else {
        "yes"
    };
    // Whole seconds: a warning is about seconds, and only from 2 s on.
    let residual_secs = round_to_secs(residual);
    let seconds = signed_seconds(residual_secs * 1000);
    let seconds = seconds.trim_start_matches(['+', '-']);
    // A clock that needs time added is behind the server; one that needs time taken, ahead.
    let position = if residual_secs < 0 { "ahead" } else { "behind" };
    let codes = match Verdict::of(residual) {
        Verdict::Fine => None,
        Verdict::AtRisk => Some("at-risk"),
        Verdict::Wrong => Some("wrong"),
    };
    app.clock.warning = codes.map(|codes| {
        t!(
            "tui-clock-warning",
            corrected = corrected,
            position = position,
            seconds = seconds,
            server = &server,
            codes = codes,
        )
    });
    app.clock.short_warning = codes.map(|codes| {
        t!(
            "tui-clock-warning-short",
            corrected = corrected,
            position = position,
            seconds = seconds,
            codes = codes,
        )
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Settings;
    use crate::otp::Timestamp;

    fn app(correction_millis: i64) -> App {
        let mut app = App::loading("v".into(), Settings::default(), Timestamp::from_secs(0));
        app.clock.correction_millis = correction_millis;
        app
    }

    fn check(app: &mut App, offset_millis: i64) -> Option<String> {
        let server = "127.0.0.1:123".to_owned();
        on_checked(
            app,
            ClockCheck::Measured {
                server,
                offset_millis,
            },
        );
        app.clock.warning.clone()
    }

    #[test]
    fn warns_when_at_risk_or_wrong_and_clears_when_fine() {
        let mut app = app(0);
        let wrong = check(&mut app, -90_000).unwrap();
        assert!(
            wrong.contains("clock 90 s ahead of 127.0.0.1:123: codes are wrong"),
            "{wrong}"
        );
        let risk = check(&mut app, 4_000).unwrap();
        assert!(risk.contains("4 s behind"), "{risk}");
        assert!(
            risk.contains("codes at risk near each step's end"),
            "{risk}"
        );
        assert_eq!(check(&mut app, 300), None);
        // A server that stopped answering changes nothing either way.
        check(&mut app, 20_000);
        on_checked(&mut app, ClockCheck::NoAnswer);
        assert!(app.clock.warning.is_some());
    }

    #[test]
    fn a_correction_in_force_counts_and_shows_in_the_title() {
        let mut app = app(-90_012);
        assert_eq!(check(&mut app, -90_400), None);
        assert_eq!(
            app.clock.title().as_deref(),
            Some("clock corrected by -90 s")
        );
        let off = check(&mut app, 0).unwrap();
        assert!(off.contains("corrected clock 90 s behind"), "{off}");
        assert_eq!(ClockState::default().title(), None);
    }
}
