//! Snapshots of what the screen says about the clock: the title bar while a correction from
//! `credview time sync` is in force, and the warning line after a background check found the
//! clock off. The demo vault at a fixed time, driven by messages as the event loop sends them.

use credview::app::clock::ClockCheck;
use credview::app::{App, Msg, Settings, update};
use credview::otp::Timestamp;
use credview::vault::Source;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use insta::assert_snapshot;
mod screen_text;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;

/// 2026-11-25 12:00:10 UTC, as in the other snapshots.
const NOW: u64 = 1_795_608_010;

fn demo(correction_millis: i64, width: u16, height: u16) -> App {
    let source = Source::Demo;
    let vault = source.load().expect("the demo vault loads");
    let now = Timestamp::from_secs(NOW);
    let mut app = App::new(vault, source.name(), Settings::default(), now);
    app.clock.correction_millis = correction_millis;
    update(&mut app, Msg::Resize { width, height });
    app
}

fn checked(app: &mut App, offset_millis: i64) {
    let server = "pool.ntp.org".to_owned();
    update(
        app,
        Msg::ClockChecked(ClockCheck::Measured {
            server,
            offset_millis,
        }),
    );
}

fn draw(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| credview::ui::render(app, frame))
        .expect("drawing into a test terminal");
    terminal.backend().buffer().clone()
}

#[test]
fn the_title_bar_says_the_clock_is_corrected() {
    let app = demo(42_400, 120, 12);
    let screen = draw(&app, 120, 12);
    assert_snapshot!("clock_corrected_title", screen_text::text(&screen));
    let first = screen_text::text(&screen)
        .lines()
        .next()
        .unwrap_or_default()
        .to_owned();
    assert!(
        first.ends_with("clock corrected by +42 s · 20 credentials"),
        "{first}"
    );
}

#[test]
fn narrower_title_bars_shorten_the_correction_before_the_count() {
    let title = |width| {
        let app = demo(-90_000, width, 10);
        let screen = screen_text::text(&draw(&app, width, 10));
        screen.lines().next().unwrap_or_default().to_owned()
    };
    assert!(
        title(80).ends_with("clock corrected by -90 s · 20 credentials"),
        "{}",
        title(80)
    );
    assert!(
        title(64).ends_with(" clock -90 s · 20 credentials"),
        "{}",
        title(64)
    );
    assert!(title(50).ends_with(" 20 credentials"), "{}", title(50));
    assert!(!title(50).contains("clock"), "{}", title(50));
}

#[test]
fn a_clock_found_wrong_gets_a_warning_line() {
    let mut app = demo(0, 120, 12);
    checked(&mut app, -90_000);
    let screen = draw(&app, 120, 12);
    assert_snapshot!("clock_wrong_warning", screen_text::text(&screen));
    // The warning colour, as for a code about to expire.
    let y = screen.area.bottom() - 2;
    assert_eq!(screen[(1, y)].fg, Color::Yellow);
}

#[test]
fn the_warning_stays_under_the_details_pop_up_and_goes_once_the_clock_is_fine() {
    let mut app = demo(0, 100, 30);
    checked(&mut app, 4_000);
    let now = Timestamp::from_secs(NOW);
    update(
        &mut app,
        Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE), now),
    );
    assert_snapshot!(
        "clock_at_risk_details",
        screen_text::text(&draw(&app, 100, 30))
    );
    checked(&mut app, 300);
    let screen = screen_text::text(&draw(&app, 100, 30));
    assert!(!screen.contains("⚠ clock"), "{screen}");
}
