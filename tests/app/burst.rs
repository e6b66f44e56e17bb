use crate::helpers::*;

use credview::app::{App, Msg, apply, settle};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

// ---------------------------------------------------------------------------------------------
// A burst of keys (a paste, a fast typist): applied together, then one frame
// ---------------------------------------------------------------------------------------------

/// The whole 80×24 screen as text.
fn screen(app: &App) -> String {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24))
        .expect("a test terminal");
    terminal
        .draw(|frame| credview::ui::render(app, frame))
        .expect("a frame");
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                + "\n"
        })
        .collect()
}

/// The keys as the event loop hands over what arrived in one read: applied, then settled.
fn burst(app: &mut App, keys: &[KeyCode]) {
    for &code in keys {
        let effects = apply(
            app,
            Msg::Key(KeyEvent::new(code, KeyModifiers::NONE), secs(1)),
        );
        assert!(effects.is_empty(), "{code:?} had an effect");
    }
    settle(app);
}

fn chars(text: &str) -> Vec<KeyCode> {
    text.chars().map(KeyCode::Char).collect()
}

#[test]
fn ten_keys_at_once_show_what_ten_keys_one_by_one_do_after_one_search() {
    let query = "10.20.0.11";
    assert_eq!(query.len(), 10);

    let mut slow = app_at(secs(0));
    key(&mut slow, '/', secs(1));
    let before = slow.filter.looked();
    type_text(&mut slow, query, secs(1));

    let mut fast = app_at(secs(0));
    key(&mut fast, '/', secs(1));
    burst(&mut fast, &chars(query));

    assert_eq!(screen(&fast), screen(&slow));
    assert_eq!(listed_ids(&fast), [101, 102, 103]);
    // One pass over the vault for the last key; the nine searches before it never ran.
    assert_eq!(fast.filter.looked() - before, ALL.len());
    assert!(slow.filter.looked() - before > ALL.len());
}

#[test]
fn keys_after_the_text_in_a_burst_act_on_its_result() {
    let mut slow = app_at(secs(0));
    key(&mut slow, '/', secs(1));
    type_text(&mut slow, "fw", secs(1));
    press(&mut slow, KeyCode::Down, secs(1));
    press(&mut slow, KeyCode::Enter, secs(1));

    let mut fast = app_at(secs(0));
    burst(
        &mut fast,
        &[
            KeyCode::Char('/'),
            KeyCode::Char('f'),
            KeyCode::Char('w'),
            KeyCode::Down,
            KeyCode::Enter,
        ],
    );

    assert_eq!(details_id(&fast), Some(302));
    assert_eq!(screen(&fast), screen(&slow));
}

#[test]
fn backspace_and_esc_in_a_burst_leave_what_they_would_one_by_one() {
    let mut fast = app_at(secs(0));
    burst(
        &mut fast,
        &[
            KeyCode::Char('/'),
            KeyCode::Char('f'),
            KeyCode::Char('w'),
            KeyCode::Char('x'),
            KeyCode::Backspace,
        ],
    );
    assert_eq!(listed_ids(&fast), [301, 302]);
    burst(&mut fast, &[KeyCode::Char('z'), KeyCode::Esc]);
    assert_eq!(listed_ids(&fast), ALL);
    assert!(!fast.busy());
}
