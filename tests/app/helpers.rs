use credview::app::layout;
use credview::app::rows::Row;
use credview::app::state::{Level, TokenView};
use credview::app::{App, Effect, Msg, Settings, update};
use credview::clipboard::Target;
use credview::otp::Timestamp;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

pub const VAULT_PATH: &str = "tests/data/app-vault.json";
pub const VAULT: &[u8] = include_bytes!("../data/app-vault.json");

/// Every credential id, in display order.
pub const ALL: [u64; 8] = [101, 102, 103, 201, 202, 203, 301, 302];

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

pub fn ms(millis: u64) -> Timestamp {
    Timestamp::from_millis(millis)
}

pub fn secs(secs: u64) -> Timestamp {
    Timestamp::from_secs(secs)
}

/// A fresh app on the test vault, at `now`, 80×24, nothing selected but the first row.
pub fn app_at(now: Timestamp) -> App {
    let vault = credview::vault::parse(VAULT_PATH, VAULT).expect("the test vault parses");
    App::new(vault, VAULT_PATH.to_owned(), Settings::default(), now)
}

/// Sends a key; an audit the key asks for is answered by a log that always writes, and the
/// effects of both steps are returned together.
pub fn send(app: &mut App, code: KeyCode, modifiers: KeyModifiers, t: Timestamp) -> Vec<Effect> {
    let mut effects = update(app, Msg::Key(KeyEvent::new(code, modifiers), t));
    if effects.iter().any(|e| matches!(e, Effect::Audit(_))) {
        effects.extend(update(app, Msg::Audited(Ok(()), t)));
    }
    effects
}

/// A printable key, with Shift for capitals as terminals report them.
pub fn key(app: &mut App, c: char, t: Timestamp) -> Vec<Effect> {
    let modifiers = if c.is_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    send(app, KeyCode::Char(c), modifiers, t)
}

/// A non-printable key: arrows, Enter, Esc, pages…
pub fn press(app: &mut App, code: KeyCode, t: Timestamp) -> Vec<Effect> {
    send(app, code, KeyModifiers::NONE, t)
}

pub fn ctrl(app: &mut App, c: char, t: Timestamp) -> Vec<Effect> {
    send(app, KeyCode::Char(c), KeyModifiers::CONTROL, t)
}

pub fn type_text(app: &mut App, text: &str, t: Timestamp) {
    for c in text.chars() {
        assert!(key(app, c, t).is_empty(), "typing {c:?} had an effect");
    }
}

pub fn tick(app: &mut App, t: Timestamp) -> Vec<Effect> {
    update(app, Msg::Tick(t))
}

pub fn resize(app: &mut App, width: u16, height: u16) {
    assert!(update(app, Msg::Resize { width, height }).is_empty());
}

pub fn mouse(app: &mut App, kind: MouseEventKind, column: u16, row: u16, t: Timestamp) {
    let event = MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    assert!(update(app, Msg::Mouse(event, t)).is_empty());
}

pub fn click(app: &mut App, column: u16, row: u16, t: Timestamp) {
    mouse(app, MouseEventKind::Down(MouseButton::Left), column, row, t);
}

pub fn wheel_down(app: &mut App, t: Timestamp) {
    mouse(app, MouseEventKind::ScrollDown, 10, 10, t);
}

pub fn wheel_up(app: &mut App, t: Timestamp) {
    mouse(app, MouseEventKind::ScrollUp, 10, 10, t);
}

pub fn copied(app: &mut App, result: Result<Target, String>, t: Timestamp) -> Vec<Effect> {
    update(app, Msg::Copied(result, t))
}

pub fn selected_id(app: &App) -> Option<u64> {
    app.selected_credential().map(|c| c.id)
}

/// The ids of the credential rows on screen (all of them, not only the visible window).
pub fn listed_ids(app: &App) -> Vec<u64> {
    app.rows
        .rows
        .iter()
        .filter_map(|row| match row {
            Row::Item(_) => Some(app.vault.credentials[row.index()].id),
            Row::Header(_) => None,
        })
        .collect()
}

pub fn details_id(app: &App) -> Option<u64> {
    app.details_credential().map(|c| c.id)
}

/// Selects credential `id` with the keyboard (Home, then j until there) and presses Enter.
pub fn open(app: &mut App, id: u64, t: Timestamp) {
    key(app, 'g', t);
    for _ in 0..ALL.len() {
        if selected_id(app) == Some(id) {
            break;
        }
        key(app, 'j', t);
    }
    assert_eq!(selected_id(app), Some(id), "credential {id} is not listed");
    assert!(press(app, KeyCode::Enter, t).is_empty());
    assert_eq!(details_id(app), Some(id));
}

pub fn token_view(app: &App) -> &TokenView {
    &app.details.as_ref().expect("Details is open").token
}

/// The code in the Token OTP bar, as digits.
pub fn shown_code(app: &App) -> String {
    match token_view(app) {
        TokenView::Code(token) => token.code.to_string(),
        other => panic!("no code shown: {other:?}"),
    }
}

pub fn status_text(app: &App) -> &str {
    app.status.as_ref().map_or("", |s| s.text.as_str())
}

pub fn status_level(app: &App) -> Option<Level> {
    app.status.as_ref().map(|s| s.level)
}

/// The texts of the `Effect::Copy`s.
pub fn copies(effects: &[Effect]) -> Vec<String> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Copy(text) => Some(text.as_str().to_owned()),
            _ => None,
        })
        .collect()
}

/// The `Effect::ClearClipboard`s, as (expected text, target).
pub fn clears(effects: &[Effect]) -> Vec<(String, Target)> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::ClearClipboard { expected, target } => {
                Some((expected.as_str().to_owned(), *target))
            }
            _ => None,
        })
        .collect()
}

pub fn quits(effects: &[Effect]) -> bool {
    effects.iter().any(|e| matches!(e, Effect::Quit))
}

/// Height of the list body at the app's current size.
pub fn body(app: &App) -> Rect {
    layout::screen(Rect::new(0, 0, app.size.0, app.size.1)).body
}

/// The selected row is inside the window `offset .. offset + body height`.
pub fn assert_selection_visible(app: &App) {
    let row = app.rows.row_of_item(app.selected).unwrap();
    let height = usize::from(body(app).height);
    assert!(
        app.offset <= row && row < app.offset + height,
        "row {row} outside {}..{}",
        app.offset,
        app.offset + height
    );
}

/// RFC 4226 Appendix D, the same SHA1 seed: HOTP codes for counters 0, 1 and 2. They are the
/// TOTP codes of steps 0, 1 and 2, whatever the period.
pub const HOTP_0: &str = "755224";
pub const HOTP_1: &str = "287082";
pub const HOTP_2: &str = "359152";
