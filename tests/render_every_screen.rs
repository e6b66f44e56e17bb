//! The screens `render_sizes.rs` does not sweep, at every size from 1×1 to 250×80: the QR
//! overlay, the reason prompt, a filter that matches nothing, an empty vault, a vault still
//! loading, and a vault of wide, combining and control characters. No size panics, and no
//! control character from the vault reaches a cell (ratatui drops them; this checks it stays so).

use credview::app::{App, Msg, Settings, update};
use credview::otp::Timestamp;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

const APP_VAULT: &[u8] = include_bytes!("data/app-vault.json");
const HOSTILE_VAULT: &[u8] = include_bytes!("data/fuzz-vault.json");
const NOW: Timestamp = Timestamp::from_secs(1_795_608_010);

fn open(vault: &[u8]) -> App {
    let vault = credview::vault::parse("vault", vault).expect("the vault parses");
    App::new(vault, "vault".into(), Settings::default(), NOW)
}

fn keys(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\u{1b}' => KeyCode::Esc,
            c => KeyCode::Char(c),
        };
        let effects = update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE), NOW));
        // Sensitive actions go ahead as if the audit log had written them.
        if effects
            .iter()
            .any(|e| matches!(e, credview::app::Effect::Audit(_)))
        {
            update(app, Msg::Audited(Ok(()), NOW));
        }
    }
}

fn assert_no_control(name: &str, width: u16, height: u16, cells: &[ratatui::buffer::Cell]) {
    for cell in cells {
        for c in cell.symbol().chars() {
            assert!(
                !c.is_control(),
                "{name} at {width}×{height}: {c:?} on screen"
            );
        }
    }
}

fn sweep(name: &str, app: &mut App) {
    let mut terminal = Terminal::new(TestBackend::new(1, 1)).expect("a test terminal");
    for width in 1..=250 {
        for height in 1..=80 {
            update(app, Msg::Resize { width, height });
            terminal.backend_mut().resize(width, height);
            terminal
                .resize(Rect::new(0, 0, width, height))
                .expect("resize");
            terminal
                .draw(|frame| credview::ui::render(app, frame))
                .unwrap_or_else(|e| panic!("{name} at {width}×{height}: {e}"));
            // Scanning every cell of 20,000 screens is slow in a debug build: every 7th size.
            if (width + height) % 7 == 0 {
                assert_no_control(name, width, height, &terminal.backend().buffer().content);
            }
        }
    }
}

#[test]
fn the_qr_overlay() {
    let mut app = open(APP_VAULT);
    keys(&mut app, "\nQ");
    assert!(app.details.as_ref().is_some_and(|d| d.qr_until.is_some()));
    sweep("QR", &mut app);
}

#[test]
fn the_reason_prompt() {
    let mut app = open(APP_VAULT);
    // 201 asks for a reason before its password is shown.
    keys(&mut app, "jjj\nv");
    assert!(app.details.as_ref().is_some_and(|d| d.prompt.is_some()));
    keys(&mut app, "checking the backup job");
    sweep("reason prompt", &mut app);
}

#[test]
fn a_filter_that_matches_nothing_and_an_empty_vault() {
    let mut app = open(APP_VAULT);
    keys(&mut app, "/no such credential");
    assert_eq!(app.rows.item_count(), 0);
    sweep("no match", &mut app);
    let mut empty = open(br#"{"version": 1, "credentials": []}"#);
    sweep("empty vault", &mut empty);
}

#[test]
fn a_vault_still_loading() {
    let mut vault = credview::vault::parse("vault", APP_VAULT).expect("the vault parses");
    let mut app = App::loading("vault".into(), Settings::default(), NOW);
    let first = vault.credentials.drain(..3).collect();
    update(&mut app, Msg::Loaded(first, false));
    keys(&mut app, "G\n");
    sweep("loading", &mut app);
}

#[test]
fn wide_combining_and_control_characters() {
    let mut app = open(HOSTILE_VAULT);
    keys(&mut app, "G");
    sweep("hostile list", &mut app);
    keys(&mut app, "g\nv");
    sweep("hostile details", &mut app);
}
