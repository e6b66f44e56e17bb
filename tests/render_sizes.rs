//! Every terminal size from 1×1 to 250×80, for each main screen: rendering never panics, a
//! terminal smaller than the screen's minimum says "too small" (and which size it needs), and
//! one large enough never does.
//!
//! One `App` per screen, resized (as the event loop does) before each render into a fresh
//! `TestBackend`. Each screen is its own test so the harness runs them in parallel.

use credview::app::layout::{self, MIN_DETAILS, MIN_LIST};
use credview::app::{App, Msg, Settings, update};
use credview::otp::Timestamp;
use credview::vault::Source;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::style::Color;

const MAX_WIDTH: u16 = 250;
const MAX_HEIGHT: u16 = 80;

/// "Terminal too small:" is 19 columns: from 20 on, "too small" is never split by wrapping.
const ROOM_FOR_TOO_SMALL: u16 = 20;
/// From 20 columns, the whole message ("… This screen needs 64×22.") fits in 4 rows.
const ROOM_FOR_NEEDED_SIZE: u16 = 4;

/// 2026-11-25 12:00:10 UTC, 20 s before the end of a 30 s step.
const NOW: Timestamp = Timestamp::from_secs(1_795_608_010);

fn demo_app() -> App {
    let source = Source::Demo;
    let vault = source.load().expect("the demo vault loads");
    App::new(vault, source.name(), Settings::default(), NOW)
}

fn key(app: &mut App, code: KeyCode) {
    let modifiers = match code {
        KeyCode::Char(c) if c.is_uppercase() => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    update(app, Msg::Key(KeyEvent::new(code, modifiers), NOW));
}

/// Resizes the app (as the event loop does on a resize event) and the terminal, then draws.
fn draw(terminal: &mut Terminal<TestBackend>, app: &mut App, width: u16, height: u16) {
    update(app, Msg::Resize { width, height });
    terminal.backend_mut().resize(width, height);
    terminal
        .resize(Rect::new(0, 0, width, height))
        .expect("resizing a test terminal");
    terminal
        .draw(|frame| credview::ui::render(app, frame))
        .unwrap_or_else(|e| panic!("{width}×{height}: {e}"));
}

/// Whether one row of the screen shows `needle`, one cell per character, ASCII case ignored.
/// Scans the cells in place with plain loops: building strings for 20,000 screens per test, or
/// iterator chains, are too slow in debug builds.
fn shows(buffer: &Buffer, needle: &str) -> bool {
    let needle: Vec<String> = needle.chars().map(String::from).collect();
    let width = usize::from(buffer.area.width);
    if needle.is_empty() || width < needle.len() {
        return needle.is_empty();
    }
    for row in buffer.content.chunks(width) {
        for x in 0..=width - needle.len() {
            if !row[x].symbol().eq_ignore_ascii_case(&needle[0]) {
                continue;
            }
            let mut i = 1;
            while i < needle.len() && row[x + i].symbol().eq_ignore_ascii_case(&needle[i]) {
                i += 1;
            }
            if i == needle.len() {
                return true;
            }
        }
    }
    false
}

/// The screen as text, for failure messages.
fn text(buffer: &Buffer) -> String {
    let width = usize::from(buffer.area.width);
    buffer
        .content
        .chunks(width)
        .map(|row| row.iter().map(Cell::symbol).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Renders `app` at every size and checks the "too small" message against `minimum`.
/// `check` sees each screen that fits.
fn sweep(app: &mut App, minimum: (u16, u16), check: impl Fn(u16, u16, &Buffer)) {
    let started = std::time::Instant::now();
    let mut terminal = Terminal::new(TestBackend::new(1, 1)).expect("a test terminal");
    for width in 1..=MAX_WIDTH {
        for height in 1..=MAX_HEIGHT {
            draw(&mut terminal, app, width, height);
            let buffer = terminal.backend().buffer();
            if layout::fits(Rect::new(0, 0, width, height), minimum) {
                assert!(
                    !shows(buffer, "too small"),
                    "{width}×{height} fits {minimum:?} but says too small:\n{}",
                    text(buffer)
                );
                check(width, height, buffer);
            } else if width >= ROOM_FOR_TOO_SMALL {
                assert!(
                    shows(buffer, "too small"),
                    "{width}×{height} is under {minimum:?} but does not say so:\n{}",
                    text(buffer)
                );
                // The message names the size the screen on show needs, so one enlargement does.
                let (w, h) = minimum;
                if height >= ROOM_FOR_NEEDED_SIZE {
                    assert!(
                        shows(buffer, &format!("{w}×{h}")),
                        "{width}×{height} does not say it needs {w}×{h}:\n{}",
                        text(buffer)
                    );
                }
            }
        }
    }
    println!(
        "{} renders in {:.2?}",
        usize::from(MAX_WIDTH) * usize::from(MAX_HEIGHT),
        started.elapsed()
    );
}

/// The list, scrolled to its last credential: the selected row stays in view at every size.
#[test]
fn the_list_renders_at_every_size() {
    let mut app = demo_app();
    key(&mut app, KeyCode::Char('G'));
    assert_eq!(app.selected_credential().map(|c| c.id), Some(162));
    sweep(&mut app, MIN_LIST, |width, height, buffer| {
        let selected = (0..height).any(|y| buffer[(0, y)].bg == Color::LightCyan);
        assert!(
            selected,
            "{width}×{height}: the selected row is not in view"
        );
    });
}

#[test]
fn details_with_a_code_render_at_every_size() {
    let mut app = demo_app();
    key(&mut app, KeyCode::Enter);
    assert!(app.details.is_some());
    sweep(&mut app, MIN_DETAILS, |width, height, buffer| {
        assert!(
            shows(buffer, "Token OTP"),
            "{width}×{height}:\n{}",
            text(buffer)
        );
    });
}

#[test]
fn help_renders_at_every_size() {
    let mut app = demo_app();
    key(&mut app, KeyCode::Char('?'));
    assert!(app.help);
    sweep(&mut app, MIN_LIST, |width, height, buffer| {
        assert!(
            shows(buffer, "Help · Esc closes"),
            "{width}×{height}:\n{}",
            text(buffer)
        );
    });
}
