//! Whole-screen snapshots: an `App` driven by a script of messages at a fixed clock, rendered
//! into ratatui's `TestBackend` and compared as plain text (one line per terminal row, trailing
//! spaces trimmed). The snapshots live in `tests/snapshots/`; each was read by a person.
//!
//! Two vaults are used:
//! - the demo vault (`assets/demo-vault.json`), what a first-time user sees, for the list and
//!   the token bar's sentences;
//! - the test vault (`tests/data/app-vault.json`), whose secrets are the RFC 6238 seeds, so the
//!   codes in the snapshots can be checked against RFC 6238 Appendix B by eye.
//!
//! The token bar's colours are not in the text, so those cases also check the style of the
//! code's first cell.

mod screen_text;

use credview::app::{App, Effect, Msg, Settings, update};
use credview::clipboard::Target;
use credview::otp::Timestamp;
use credview::vault::Source;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use screen_text::{row_cells, text};

const TEST_VAULT_PATH: &str = "tests/data/app-vault.json";
const TEST_VAULT: &[u8] = include_bytes!("data/app-vault.json");

/// 2026-11-25 12:00:10 UTC: 10 s into a 30 s step (20 s left), close to the demo's dates.
const DEMO_NOW: u64 = 1_795_608_010;

fn secs(secs: u64) -> Timestamp {
    Timestamp::from_secs(secs)
}

fn ms(millis: u64) -> Timestamp {
    Timestamp::from_millis(millis)
}

// ---------------------------------------------------------------------------------------------
// A session: one app, one terminal size, messages sent in order
// ---------------------------------------------------------------------------------------------

struct Session {
    app: App,
    width: u16,
    height: u16,
}

impl Session {
    /// The demo vault at `now`; like the event loop, the first message is the terminal's size.
    fn demo(width: u16, height: u16, now: Timestamp) -> Self {
        let source = Source::Demo;
        let vault = source.load().expect("the demo vault loads");
        Self::start(
            App::new(vault, source.name(), Settings::default(), now),
            width,
            height,
        )
    }

    /// The RFC-seeded test vault at `now`.
    fn rfc(width: u16, height: u16, now: Timestamp) -> Self {
        let vault = credview::vault::parse(TEST_VAULT_PATH, TEST_VAULT).expect("the test vault");
        let app = App::new(vault, TEST_VAULT_PATH.to_owned(), Settings::default(), now);
        Self::start(app, width, height)
    }

    fn start(app: App, width: u16, height: u16) -> Self {
        let mut session = Self { app, width, height };
        session.send(Msg::Resize { width, height });
        session
    }

    fn send(&mut self, msg: Msg) -> Vec<Effect> {
        update(&mut self.app, msg)
    }

    fn press(&mut self, code: KeyCode, t: Timestamp) -> Vec<Effect> {
        self.send(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE), t))
    }

    /// A printable key, with Shift for capitals as terminals report them.
    fn key(&mut self, c: char, t: Timestamp) -> Vec<Effect> {
        let modifiers = if c.is_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        self.send(Msg::Key(KeyEvent::new(KeyCode::Char(c), modifiers), t))
    }

    fn type_text(&mut self, text: &str, t: Timestamp) {
        for c in text.chars() {
            self.key(c, t);
        }
    }

    fn tick(&mut self, t: Timestamp) {
        self.send(Msg::Tick(t));
    }

    fn selected_id(&self) -> Option<u64> {
        self.app.selected_credential().map(|c| c.id)
    }

    /// Goes to the first credential, moves down with `j` to credential `id`, presses Enter.
    fn open(&mut self, id: u64, t: Timestamp) {
        self.key('g', t);
        for _ in 0..self.app.vault.credentials.len() {
            if self.selected_id() == Some(id) {
                break;
            }
            self.key('j', t);
        }
        assert_eq!(
            self.selected_id(),
            Some(id),
            "credential {id} is not listed"
        );
        self.press(KeyCode::Enter, t);
        assert_eq!(self.app.details_credential().map(|c| c.id), Some(id));
    }

    /// `c`, the audit log's confirmation, then the edge's confirmation that the copy reached
    /// `target`: the order in which the event loop answers the effects.
    fn copy(&mut self, target: Target, t: Timestamp) {
        let effects = self.key('c', t);
        assert!(
            effects.iter().any(|e| matches!(e, Effect::Audit(_))),
            "c asked for no audit: {effects:?}"
        );
        let effects = self.send(Msg::Audited(Ok(()), t));
        assert!(
            effects.iter().any(|e| matches!(e, Effect::Copy(_))),
            "the audit led to no copy: {effects:?}"
        );
        self.send(Msg::Copied(Ok(target), t));
    }

    fn buffer(&self) -> Buffer {
        draw(&self.app, self.width, self.height)
    }

    fn screen(&self) -> String {
        text(&self.buffer())
    }
}

// ---------------------------------------------------------------------------------------------
// Rendering and reading the buffer
// ---------------------------------------------------------------------------------------------

fn draw(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| credview::ui::render(app, frame))
        .expect("drawing into a test terminal");
    terminal.backend().buffer().clone()
}

/// Where `needle` first appears on screen, as the (column, row) of its first character.
fn find(buffer: &Buffer, needle: &str) -> (u16, u16) {
    let area = buffer.area;
    for y in area.top()..area.bottom() {
        let mut line = String::new();
        let mut starts = Vec::new();
        for (x, symbol) in row_cells(buffer, y) {
            starts.push((line.len(), x));
            line.push_str(symbol);
        }
        if let Some(at) = line.find(needle) {
            let x = starts
                .iter()
                .find(|(byte, _)| *byte == at)
                .map(|(_, x)| *x)
                .expect("a match starts on a cell");
            return (x, y);
        }
    }
    panic!("{needle:?} is not on screen:\n{}", text(buffer));
}

fn fg_of(buffer: &Buffer, needle: &str) -> Color {
    buffer[find(buffer, needle)].fg
}

/// The selection is not in the text: it is the row drawn on a light cyan background.
fn assert_selected_row(buffer: &Buffer, needle: &str) {
    let (_, y) = find(buffer, needle);
    for x in 0..buffer.area.width {
        assert_eq!(
            buffer[(x, y)].bg,
            Color::LightCyan,
            "{needle:?} at column {x}"
        );
    }
    let highlighted = (0..buffer.area.height)
        .filter(|&y| buffer[(0, y)].bg == Color::LightCyan)
        .count();
    assert_eq!(highlighted, 1, "one row is selected");
}

// ---------------------------------------------------------------------------------------------
// Credentials > All
// ---------------------------------------------------------------------------------------------

#[test]
fn list_of_the_demo_vault_100x30() {
    let session = Session::demo(100, 30, secs(DEMO_NOW));
    assert_snapshot!("list_demo_100x30", session.screen());
    assert_selected_row(&session.buffer(), "  101    Local Administrator root");
}

#[test]
fn list_of_the_demo_vault_80x24() {
    let session = Session::demo(80, 24, secs(DEMO_NOW));
    assert_snapshot!("list_demo_80x24", session.screen());
}

#[test]
fn list_scrolled_to_the_last_credential_80x24() {
    let mut session = Session::demo(80, 24, secs(DEMO_NOW));
    session.key('G', secs(DEMO_NOW));
    assert_eq!(session.selected_id(), Some(162));
    assert_snapshot!("list_demo_80x24_last_selected", session.screen());
    assert_selected_row(&session.buffer(), "  162    Web Application");
}

#[test]
fn list_filtered_while_typing_corp() {
    let mut session = Session::demo(100, 30, secs(DEMO_NOW));
    session.key('/', secs(DEMO_NOW));
    session.type_text("corp", secs(DEMO_NOW));
    assert_snapshot!("list_filter_corp_typing", session.screen());
}

#[test]
fn list_filtered_after_enter_then_esc_from_details() {
    // Enter keeps the filter and opens Details; Esc closes them and the filter stays.
    let mut session = Session::demo(100, 30, secs(DEMO_NOW));
    session.key('/', secs(DEMO_NOW));
    session.type_text("corp", secs(DEMO_NOW));
    session.press(KeyCode::Enter, secs(DEMO_NOW));
    session.press(KeyCode::Esc, secs(DEMO_NOW));
    assert!(session.app.details.is_none());
    assert_snapshot!("list_filter_corp_kept", session.screen());
    assert_selected_row(&session.buffer(), "  121    Domain Administrat");
}

#[test]
fn list_filter_with_no_match() {
    let mut session = Session::demo(100, 30, secs(DEMO_NOW));
    session.key('/', secs(DEMO_NOW));
    session.type_text("zzz", secs(DEMO_NOW));
    assert_snapshot!("list_filter_no_match", session.screen());
}

// ---------------------------------------------------------------------------------------------
// Details: the Token OTP bar
// ---------------------------------------------------------------------------------------------

#[test]
fn details_of_the_demo_root_mid_step() {
    let mut session = Session::demo(100, 30, secs(DEMO_NOW));
    session.open(101, secs(DEMO_NOW));
    assert_snapshot!("details_demo_101_mid_step", session.screen());
}

#[test]
fn details_of_the_demo_root_80x24() {
    let mut session = Session::demo(80, 24, secs(DEMO_NOW));
    session.open(101, secs(DEMO_NOW));
    assert_snapshot!("details_demo_101_80x24", session.screen());
}

#[test]
fn details_at_the_smallest_size_that_fits_64x24() {
    let mut session = Session::demo(64, 24, secs(DEMO_NOW));
    session.open(101, secs(DEMO_NOW));
    assert_snapshot!("details_demo_101_64x24", session.screen());
}

/// RFC 6238 Appendix B at 1234567890 (a step boundary) gives 89005924, so 005924 for the
/// whole step 1234567890..1234567920. At +15 s the step is half over.
#[test]
fn details_with_a_code_mid_step() {
    let t = secs(1_234_567_905);
    let mut session = Session::rfc(100, 30, t);
    session.open(101, t);
    let buffer = session.buffer();
    assert_snapshot!("details_code_mid_step", text(&buffer));
    assert!(text(&buffer).contains("005 924"));
    assert_eq!(fg_of(&buffer, "005 924"), Color::LightGreen);
    assert_eq!(fg_of(&buffer, " 15 s"), Color::LightGreen);
}

/// 1111111106 is 4 s before the boundary at 1111111110: RFC 07081804 is shown (081804), the
/// next one (RFC at 1111111111: 14050471, so 050471) is shown dimmed beside it.
#[test]
fn details_in_the_last_five_seconds_show_the_next_code_dimmed() {
    let t = secs(1_111_111_106);
    let mut session = Session::rfc(100, 30, t);
    session.open(101, t);
    let buffer = session.buffer();
    assert_snapshot!("details_code_last_5s", text(&buffer));
    assert_eq!(fg_of(&buffer, "081 804"), Color::Yellow);
    assert_eq!(fg_of(&buffer, "  4 s"), Color::Yellow);
    assert_eq!(fg_of(&buffer, "next 050 471"), Color::DarkGray);
}

/// The warning starts with exactly 5 s left, not a millisecond before.
#[test]
fn the_code_turns_yellow_exactly_five_seconds_before_the_end() {
    let boundary = 1_111_111_110_000;
    let mut session = Session::rfc(100, 30, ms(boundary - 5_001));
    session.open(101, ms(boundary - 5_001));
    let buffer = session.buffer();
    assert_eq!(fg_of(&buffer, "081 804"), Color::LightGreen);
    assert!(!text(&buffer).contains("next"), "{}", text(&buffer));

    session.tick(ms(boundary - 5_000));
    let buffer = session.buffer();
    assert_eq!(fg_of(&buffer, "081 804"), Color::Yellow);
    assert_eq!(fg_of(&buffer, "next 050 471"), Color::DarkGray);

    session.tick(ms(boundary - 1));
    let buffer = session.buffer();
    assert_eq!(fg_of(&buffer, "081 804"), Color::Yellow);
    assert!(text(&buffer).contains("  1 s"), "{}", text(&buffer));
}

/// A tick exactly at the boundary renews the code: a full step, green again, no "next".
#[test]
fn details_exactly_at_a_step_boundary() {
    let mut session = Session::rfc(100, 30, secs(1_111_111_106));
    session.open(101, secs(1_111_111_106));
    session.tick(secs(1_111_111_110));
    let buffer = session.buffer();
    assert_snapshot!("details_code_step_boundary", text(&buffer));
    assert_eq!(fg_of(&buffer, "050 471"), Color::LightGreen);
    assert!(text(&buffer).contains(" 30 s"));
    assert!(!text(&buffer).contains("next"));
}

/// Details opened exactly at a boundary show that step's code for its full 30 s.
#[test]
fn details_opened_exactly_at_a_step_boundary() {
    let t = secs(1_234_567_890);
    let mut session = Session::rfc(100, 30, t);
    session.open(101, t);
    let screen = session.screen();
    assert!(screen.contains("005 924"), "{screen}");
    assert!(screen.contains(" 30 s"), "{screen}");
}

/// A message other than a tick (here a mouse move) can reach the app at the boundary before
/// the tick; it renews the code too, so the bar never shows a code whose step is over.
#[test]
fn details_when_a_message_other_than_a_tick_crosses_the_boundary() {
    let mut session = Session::rfc(100, 30, secs(1_111_111_106));
    session.open(101, secs(1_111_111_106));
    let moved = MouseEvent {
        kind: MouseEventKind::Moved,
        column: 1,
        row: 1,
        modifiers: KeyModifiers::NONE,
    };
    session.send(Msg::Mouse(moved, secs(1_111_111_110)));
    let buffer = session.buffer();
    assert_snapshot!("details_code_renewed_by_a_mouse_move", text(&buffer));
    assert_eq!(fg_of(&buffer, "050 471"), Color::LightGreen);
    assert!(text(&buffer).contains(" 30 s"));
}

/// RFC 6238 SHA256, 8 digits: 91819424 for the step starting at 1234567890.
#[test]
fn details_with_an_eight_digit_code_group_it_by_four() {
    let t = secs(1_234_567_895);
    let mut session = Session::rfc(100, 30, t);
    session.open(201, t);
    let buffer = session.buffer();
    assert_snapshot!("details_code_8_digits", text(&buffer));
    assert_eq!(fg_of(&buffer, "9181 9424"), Color::LightGreen);
}

#[test]
fn details_of_a_credential_without_totp() {
    let mut session = Session::demo(100, 30, secs(DEMO_NOW));
    session.open(103, secs(DEMO_NOW));
    assert_snapshot!("details_no_totp", session.screen());
}

#[test]
fn details_of_a_credential_without_permission() {
    let mut session = Session::demo(100, 30, secs(DEMO_NOW));
    session.open(113, secs(DEMO_NOW));
    assert_snapshot!("details_no_permission", session.screen());
}

#[test]
fn details_of_a_credential_with_a_short_secret() {
    let mut session = Session::demo(100, 30, secs(DEMO_NOW));
    session.open(132, secs(DEMO_NOW));
    let buffer = session.buffer();
    assert_snapshot!("details_short_secret", text(&buffer));
    assert_eq!(fg_of(&buffer, "Short secret"), Color::Yellow);
}

// ---------------------------------------------------------------------------------------------
// Details: the password (every reveal is audited first)
// ---------------------------------------------------------------------------------------------

/// `v`, the audit log confirms, and 12.5 s later the password still shows with 18 s left.
#[test]
fn details_with_the_password_shown() {
    let t = secs(DEMO_NOW);
    let mut session = Session::demo(100, 30, t);
    session.open(101, t);
    let effects = session.key('v', t);
    assert!(effects.iter().any(|e| matches!(e, Effect::Audit(_))));
    session.send(Msg::Audited(Ok(()), t));
    session.tick(ms(DEMO_NOW * 1000 + 12_500));
    let screen = session.screen();
    assert_snapshot!("details_password_shown", screen);
    assert!(screen.contains("Tr0ub4dor&3-db  (18 s)"), "{screen}");
    // 30 s after it was shown, the mask is back by itself.
    session.tick(ms(DEMO_NOW * 1000 + 30_000));
    let screen = session.screen();
    assert_snapshot!("details_password_masked_again", screen);
    assert!(
        !screen.contains("Tr0ub4dor") && screen.contains("••••••••"),
        "{screen}"
    );
}

/// A credential that requires a reason asks for it on the status line before any audit.
#[test]
fn details_asking_for_a_reason() {
    let t = secs(DEMO_NOW);
    let mut session = Session::demo(100, 30, t);
    session.open(121, t);
    assert!(session.key('v', t).is_empty(), "no audit before the reason");
    session.type_text("CHG-1234", t);
    assert_snapshot!("details_reason_prompt", session.screen());
}

#[test]
fn details_when_the_audit_log_cannot_be_written() {
    let t = secs(DEMO_NOW);
    let mut session = Session::demo(100, 30, t);
    session.open(101, t);
    session.key('v', t);
    session.send(Msg::Audited(Err("disk full".to_owned()), t));
    let buffer = session.buffer();
    assert_snapshot!("details_audit_refused", text(&buffer));
    assert_eq!(fg_of(&buffer, "refused"), Color::LightRed);
}

// ---------------------------------------------------------------------------------------------
// Help
// ---------------------------------------------------------------------------------------------

#[test]
fn help_over_the_list() {
    let mut session = Session::demo(100, 30, secs(DEMO_NOW));
    session.key('?', secs(DEMO_NOW));
    assert_snapshot!("help_over_list", session.screen());
}

#[test]
fn help_over_details() {
    let mut session = Session::demo(100, 30, secs(DEMO_NOW));
    session.open(101, secs(DEMO_NOW));
    session.key('?', secs(DEMO_NOW));
    assert_snapshot!("help_over_details", session.screen());
}

#[test]
fn help_at_80x24() {
    let mut session = Session::demo(80, 24, secs(DEMO_NOW));
    session.key('?', secs(DEMO_NOW));
    assert_snapshot!("help_over_list_80x24", session.screen());
}

// ---------------------------------------------------------------------------------------------
// The status line
// ---------------------------------------------------------------------------------------------

/// `r` 2.3 s later, mid-step: the code stays; 12.7 s left reads as 13 s, as in the bar.
#[test]
fn status_after_r_before_the_step_ends() {
    let mut session = Session::rfc(100, 30, secs(1_234_567_905));
    session.open(101, secs(1_234_567_905));
    session.key('r', ms(1_234_567_907_300));
    let screen = session.screen();
    assert_snapshot!("status_after_refresh_still_valid", screen);
    assert!(screen.contains("still valid for 13 s"), "{screen}");
    assert!(screen.contains(" 13 s"), "{screen}");
}

#[test]
fn status_after_r_once_a_new_step_began() {
    let mut session = Session::rfc(100, 30, secs(1_111_111_106));
    session.open(101, secs(1_111_111_106));
    session.key('r', secs(1_111_111_110));
    assert_snapshot!("status_after_refresh_new_token", session.screen());
}

#[test]
fn status_after_a_copy() {
    let mut session = Session::rfc(100, 30, secs(1_234_567_905));
    session.open(101, secs(1_234_567_905));
    session.copy(Target::System, secs(1_234_567_906));
    assert_snapshot!("status_after_copy_system", session.screen());
}

#[test]
fn status_after_a_copy_through_osc52_at_80x24() {
    let mut session = Session::rfc(80, 24, secs(1_234_567_905));
    session.open(101, secs(1_234_567_905));
    session.copy(Target::Osc52, secs(1_234_567_906));
    assert_snapshot!("status_after_copy_osc52_80x24", session.screen());
}

/// A copy in the last 3 s adds a warning to the status line.
#[test]
fn status_after_a_late_copy() {
    let mut session = Session::rfc(100, 30, secs(1_111_111_106));
    session.open(101, secs(1_111_111_106));
    session.copy(Target::System, secs(1_111_111_108));
    let buffer = session.buffer();
    assert_snapshot!("status_after_late_copy", text(&buffer));
    assert_eq!(fg_of(&buffer, "token copied"), Color::Yellow);
}

#[test]
fn status_after_a_failed_copy() {
    let mut session = Session::rfc(100, 30, secs(1_234_567_905));
    session.open(101, secs(1_234_567_905));
    session.key('c', secs(1_234_567_906));
    session.send(Msg::Audited(Ok(()), secs(1_234_567_906)));
    session.send(Msg::Copied(
        Err("no clipboard available".to_owned()),
        secs(1_234_567_906),
    ));
    let buffer = session.buffer();
    assert_snapshot!("status_after_failed_copy", text(&buffer));
    assert_eq!(fg_of(&buffer, "could not copy"), Color::LightRed);
}

#[test]
fn the_status_is_gone_after_five_seconds() {
    let mut session = Session::rfc(100, 30, secs(1_234_567_905));
    session.open(101, secs(1_234_567_905));
    session.key('r', secs(1_234_567_906));
    assert!(session.screen().contains("still valid"));
    session.tick(secs(1_234_567_911));
    assert!(!session.screen().contains("still valid"));
}

// ---------------------------------------------------------------------------------------------
// Too small
// ---------------------------------------------------------------------------------------------

#[test]
fn the_list_in_a_terminal_too_small() {
    let session = Session::demo(40, 6, secs(DEMO_NOW));
    assert_snapshot!("too_small_list_40x6", session.screen());
}

#[test]
fn details_in_a_terminal_too_small() {
    let mut session = Session::demo(70, 15, secs(DEMO_NOW));
    session.open(101, secs(DEMO_NOW));
    assert_snapshot!("too_small_details_70x15", session.screen());
}
