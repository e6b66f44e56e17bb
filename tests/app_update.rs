//! The app's state machine driven by scripts of messages at a fixed clock.
//!
//! Every test builds an `App` over `tests/data/app-vault.json` at a chosen time and feeds it
//! `Msg`s; times are milliseconds since the Unix epoch, so boundaries can be hit exactly.
//!
//! The vault, as the list shows it (display row: content):
//!
//! ```text
//!  0  srv-db-01 (10.20.0.11) · Server · Debian · Sao Paulo
//!  1    101 root           SHA1, 6 digits, 30 s, the RFC 6238 seed
//!  2    102 backup         SHA1, 6 digits, 60 s, the same seed
//!  3    103 postgres       no TOTP
//!  4  dc-01 (10.10.0.5) · Domain Controller · Microsoft · Lisbon
//!  5    201 Administrator  SHA256, 8 digits, 30 s, the RFC 6238 SHA256 seed
//!  6    202 auditor        TOTP, but view_password = start_session = false
//!  7    203 helpdesk       otpauth URI
//!  8  fw-edge (192.168.1.1) · Firewall · OPNsense · Porto
//!  9    301 admin          80-bit secret, all defaults
//! 10    302 monitor        SHA512, 7 digits
//! ```

use credview::app::layout;
use credview::app::rows::Row;
use credview::app::state::{Level, TokenView};
use credview::app::{App, Effect, Msg, Settings, update};
use credview::clipboard::Target;
use credview::otp::Timestamp;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

const VAULT_PATH: &str = "tests/data/app-vault.json";
const VAULT: &[u8] = include_bytes!("data/app-vault.json");

/// Every credential id, in display order.
const ALL: [u64; 8] = [101, 102, 103, 201, 202, 203, 301, 302];

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn ms(millis: u64) -> Timestamp {
    Timestamp::from_millis(millis)
}

fn secs(secs: u64) -> Timestamp {
    Timestamp::from_secs(secs)
}

/// A fresh app on the test vault, at `now`, 80×24, nothing selected but the first row.
fn app_at(now: Timestamp) -> App {
    let vault = credview::vault::parse(VAULT_PATH, VAULT).expect("the test vault parses");
    App::new(vault, VAULT_PATH.to_owned(), Settings::default(), now)
}

fn send(app: &mut App, code: KeyCode, modifiers: KeyModifiers, t: Timestamp) -> Vec<Effect> {
    update(app, Msg::Key(KeyEvent::new(code, modifiers), t))
}

/// A printable key, with Shift for capitals as terminals report them.
fn key(app: &mut App, c: char, t: Timestamp) -> Vec<Effect> {
    let modifiers = if c.is_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    send(app, KeyCode::Char(c), modifiers, t)
}

/// A non-printable key: arrows, Enter, Esc, pages…
fn press(app: &mut App, code: KeyCode, t: Timestamp) -> Vec<Effect> {
    send(app, code, KeyModifiers::NONE, t)
}

fn ctrl(app: &mut App, c: char, t: Timestamp) -> Vec<Effect> {
    send(app, KeyCode::Char(c), KeyModifiers::CONTROL, t)
}

fn type_text(app: &mut App, text: &str, t: Timestamp) {
    for c in text.chars() {
        assert!(key(app, c, t).is_empty(), "typing {c:?} had an effect");
    }
}

fn tick(app: &mut App, t: Timestamp) -> Vec<Effect> {
    update(app, Msg::Tick(t))
}

fn resize(app: &mut App, width: u16, height: u16) {
    assert!(update(app, Msg::Resize { width, height }).is_empty());
}

fn mouse(app: &mut App, kind: MouseEventKind, column: u16, row: u16, t: Timestamp) {
    let event = MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    assert!(update(app, Msg::Mouse(event, t)).is_empty());
}

fn click(app: &mut App, column: u16, row: u16, t: Timestamp) {
    mouse(app, MouseEventKind::Down(MouseButton::Left), column, row, t);
}

fn wheel_down(app: &mut App, t: Timestamp) {
    mouse(app, MouseEventKind::ScrollDown, 10, 10, t);
}

fn wheel_up(app: &mut App, t: Timestamp) {
    mouse(app, MouseEventKind::ScrollUp, 10, 10, t);
}

fn copied(app: &mut App, result: Result<Target, String>, t: Timestamp) -> Vec<Effect> {
    update(app, Msg::Copied(result, t))
}

fn selected_id(app: &App) -> Option<u64> {
    app.selected_credential().map(|c| c.id)
}

/// The ids of the credential rows on screen (all of them, not only the visible window).
fn listed_ids(app: &App) -> Vec<u64> {
    app.rows
        .rows
        .iter()
        .filter_map(|row| match row {
            Row::Item(index) => Some(app.vault.credentials[*index].id),
            Row::Header(_) => None,
        })
        .collect()
}

fn details_id(app: &App) -> Option<u64> {
    app.details_credential().map(|c| c.id)
}

/// Selects credential `id` with the keyboard (Home, then j until there) and presses Enter.
fn open(app: &mut App, id: u64, t: Timestamp) {
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

fn token_view(app: &App) -> &TokenView {
    &app.details.as_ref().expect("Details is open").token
}

/// The code in the Token OTP bar, as digits.
fn shown_code(app: &App) -> String {
    match token_view(app) {
        TokenView::Code(token) => token.code.to_string(),
        other => panic!("no code shown: {other:?}"),
    }
}

fn status_text(app: &App) -> &str {
    app.status.as_ref().map_or("", |s| s.text.as_str())
}

fn status_level(app: &App) -> Option<Level> {
    app.status.as_ref().map(|s| s.level)
}

/// The texts of the `Effect::Copy`s.
fn copies(effects: &[Effect]) -> Vec<String> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Copy(text) => Some(text.as_str().to_owned()),
            _ => None,
        })
        .collect()
}

/// The `Effect::ClearClipboard`s, as (expected text, target).
fn clears(effects: &[Effect]) -> Vec<(String, Target)> {
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

fn quits(effects: &[Effect]) -> bool {
    effects.iter().any(|e| matches!(e, Effect::Quit))
}

/// Height of the list body at the app's current size.
fn body(app: &App) -> Rect {
    layout::screen(Rect::new(0, 0, app.size.0, app.size.1)).body
}

/// The selected row is inside the window `offset .. offset + body height`.
fn assert_selection_visible(app: &App) {
    let row = app.rows.items[app.selected];
    let height = usize::from(body(app).height);
    assert!(
        app.offset <= row && row < app.offset + height,
        "row {row} outside {}..{}",
        app.offset,
        app.offset + height
    );
}

// ---------------------------------------------------------------------------------------------
// Navigation
// ---------------------------------------------------------------------------------------------

#[test]
fn the_list_groups_credentials_under_their_device() {
    let app = app_at(secs(0));
    assert_eq!(listed_ids(&app), ALL);
    let headers: Vec<usize> = (0..app.rows.rows.len())
        .filter(|&n| matches!(app.rows.rows[n], Row::Header(_)))
        .collect();
    assert_eq!(headers, [0, 4, 8]);
    assert_eq!(selected_id(&app), Some(101));
    assert!(app.details.is_none() && !app.help && app.status.is_none());
}

#[test]
fn j_k_and_arrows_move_one_credential_skipping_device_headers() {
    let mut app = app_at(secs(0));
    let t = secs(1);
    let mut seen = vec![selected_id(&app).unwrap()];
    for n in 0..7 {
        // Alternate j and Down: they are the same binding.
        if n % 2 == 0 {
            key(&mut app, 'j', t);
        } else {
            press(&mut app, KeyCode::Down, t);
        }
        seen.push(selected_id(&app).unwrap());
        assert!(matches!(
            app.rows.rows[app.rows.items[app.selected]],
            Row::Item(_)
        ));
    }
    assert_eq!(seen, ALL, "every credential once, no header in between");

    let mut back = vec![selected_id(&app).unwrap()];
    for n in 0..7 {
        if n % 2 == 0 {
            key(&mut app, 'k', t);
        } else {
            press(&mut app, KeyCode::Up, t);
        }
        back.push(selected_id(&app).unwrap());
    }
    back.reverse();
    assert_eq!(back, ALL);
}

#[test]
fn moving_past_either_end_stays_at_the_end() {
    let mut app = app_at(secs(0));
    let t = secs(1);
    key(&mut app, 'k', t);
    press(&mut app, KeyCode::Up, t);
    press(&mut app, KeyCode::PageUp, t);
    assert_eq!((app.selected, selected_id(&app)), (0, Some(101)));

    key(&mut app, 'G', t);
    key(&mut app, 'j', t);
    press(&mut app, KeyCode::Down, t);
    press(&mut app, KeyCode::PageDown, t);
    assert_eq!((app.selected, selected_id(&app)), (7, Some(302)));
}

#[test]
fn home_end_g_and_shift_g_jump_to_the_first_and_last_credential() {
    let mut app = app_at(secs(0));
    let t = secs(1);
    press(&mut app, KeyCode::End, t);
    assert_eq!(selected_id(&app), Some(302));
    press(&mut app, KeyCode::Home, t);
    assert_eq!(selected_id(&app), Some(101));
    key(&mut app, 'G', t);
    assert_eq!(selected_id(&app), Some(302));
    key(&mut app, 'g', t);
    assert_eq!(selected_id(&app), Some(101));
    // Some terminals send a capital without Shift.
    send(&mut app, KeyCode::Char('G'), KeyModifiers::NONE, t);
    assert_eq!(selected_id(&app), Some(302));
}

#[test]
fn page_keys_move_by_the_body_height_less_one() {
    let mut app = app_at(secs(0));
    let t = secs(1);
    // 8 lines: title, table header, 4 body rows, status, footer. A page is 3 credentials.
    resize(&mut app, 80, 8);
    assert_eq!(body(&app).height, 4);

    let mut down = vec![];
    for _ in 0..3 {
        press(&mut app, KeyCode::PageDown, t);
        down.push(selected_id(&app).unwrap());
    }
    assert_eq!(down, [201, 301, 302]);

    let mut up = vec![];
    for _ in 0..3 {
        press(&mut app, KeyCode::PageUp, t);
        up.push(selected_id(&app).unwrap());
    }
    assert_eq!(up, [202, 102, 101]);

    // Ctrl-F / Ctrl-B are the same bindings.
    ctrl(&mut app, 'f', t);
    assert_eq!(selected_id(&app), Some(201));
    ctrl(&mut app, 'b', t);
    assert_eq!(selected_id(&app), Some(101));
}

#[test]
fn the_offset_keeps_the_selection_and_its_device_header_in_view() {
    let mut app = app_at(secs(0));
    let t = secs(1);
    resize(&mut app, 80, 8); // 4 body rows
    let mut offsets = vec![app.offset];
    for _ in 0..7 {
        key(&mut app, 'j', t);
        assert_selection_visible(&app);
        offsets.push(app.offset);
    }
    // 201 (row 5) is the first of its group: its header (row 4) comes into view with it.
    // 301 (row 9) likewise brings row 8. The window never runs past the last row (10).
    assert_eq!(offsets, [0, 0, 0, 2, 3, 4, 6, 7]);

    let mut offsets = vec![];
    for _ in 0..7 {
        key(&mut app, 'k', t);
        assert_selection_visible(&app);
        offsets.push(app.offset);
    }
    assert_eq!(offsets, [7, 7, 6, 4, 3, 2, 0]);

    key(&mut app, 'G', t);
    assert_eq!(app.offset, 7);
    key(&mut app, 'g', t);
    assert_eq!(app.offset, 0);
}

#[test]
fn a_resize_scrolls_to_keep_the_selection_visible() {
    let mut app = app_at(secs(0));
    let t = secs(1);
    key(&mut app, 'G', t);
    assert_eq!(app.offset, 0, "everything fits in 80×24");
    resize(&mut app, 80, 8);
    assert_selection_visible(&app);
    assert_eq!(app.offset, 7);
    resize(&mut app, 80, 24);
    assert_eq!(app.offset, 0, "back to a window that holds every row");
}

// ---------------------------------------------------------------------------------------------
// Mouse
// ---------------------------------------------------------------------------------------------

#[test]
fn the_wheel_moves_the_selection_by_three() {
    let mut app = app_at(secs(0));
    let t = secs(1);
    let mut seen = vec![];
    for _ in 0..3 {
        wheel_down(&mut app, t);
        seen.push(selected_id(&app).unwrap());
    }
    for _ in 0..3 {
        wheel_up(&mut app, t);
        seen.push(selected_id(&app).unwrap());
    }
    assert_eq!(seen, [201, 301, 302, 202, 102, 101]);
}

#[test]
fn a_click_selects_and_a_second_click_opens_details() {
    let mut app = app_at(secs(0));
    let t = secs(1);
    let top = body(&app).y; // screen line of display row 0
    assert_eq!(top, 2);

    click(&mut app, 10, top + 6, t); // row 6: 202
    assert_eq!(selected_id(&app), Some(202));
    assert!(app.details.is_none(), "the first click only selects");

    click(&mut app, 10, top + 6, t);
    assert_eq!(details_id(&app), Some(202));
}

#[test]
fn a_click_on_a_device_header_or_outside_the_rows_does_nothing() {
    let mut app = app_at(secs(0));
    let t = secs(1);
    let top = body(&app).y;
    key(&mut app, 'j', t); // 102
    for line in [top + 4, top + 8, top, 0, 1, top + 11, 23] {
        click(&mut app, 10, line, t);
        assert_eq!(selected_id(&app), Some(102), "click on line {line}");
        assert!(app.details.is_none(), "click on line {line}");
    }
}

#[test]
fn a_click_counts_rows_from_the_scroll_offset() {
    let mut app = app_at(secs(0));
    let t = secs(1);
    resize(&mut app, 80, 8);
    key(&mut app, 'G', t);
    assert_eq!(app.offset, 7);
    let top = body(&app).y;
    click(&mut app, 10, top, t); // row 7: 203
    assert_eq!(selected_id(&app), Some(203));
    click(&mut app, 10, top + 1, t); // row 8: the fw-edge header
    assert_eq!(selected_id(&app), Some(203));
}

#[test]
fn the_mouse_leaves_the_list_alone_while_details_are_open() {
    let mut app = app_at(secs(0));
    let t = secs(1);
    open(&mut app, 101, t);
    wheel_down(&mut app, t);
    let line = body(&app).y + 6;
    click(&mut app, 10, line, t);
    assert_eq!(selected_id(&app), Some(101));
    assert_eq!(details_id(&app), Some(101));
}

// ---------------------------------------------------------------------------------------------
// Filter
// ---------------------------------------------------------------------------------------------

/// `/`, the query, and the ids it leaves listed.
fn filtered(query: &str) -> Vec<u64> {
    let mut app = app_at(secs(0));
    key(&mut app, '/', secs(1));
    type_text(&mut app, query, secs(1));
    listed_ids(&app)
}

#[test]
fn the_filter_matches_each_searched_field_in_any_case() {
    let cases: &[(&str, &str, &[u64])] = &[
        ("id", "103", &[103]),
        ("username", "AUDITOR", &[202]),
        ("username and additional", "Root", &[101, 201]),
        ("hostname", "FW-EDGE", &[301, 302]),
        ("ip", "192.168", &[301, 302]),
        ("domain", "Corp.Local", &[101]),
        ("domain, all cases", "corp", &[101, 201, 202, 203]),
        ("tags", "TIER0", &[201]),
        ("additional, two terms", "service DESK", &[203]),
        ("nothing", "no-such-thing", &[]),
    ];
    for (field, query, expected) in cases {
        assert_eq!(filtered(query), *expected, "{field}: {query:?}");
    }
}

#[test]
fn typing_narrows_and_backspace_widens() {
    let mut app = app_at(secs(0));
    let t = secs(1);
    key(&mut app, '/', t);
    assert!(app.filter_editing);

    let mut steps = vec![];
    for c in "10.1".chars() {
        key(&mut app, c, t);
        steps.push(listed_ids(&app));
    }
    assert_eq!(
        steps,
        [
            ALL.to_vec(),                       // "1"
            vec![101, 102, 103, 201, 202, 203], // "10"
            vec![101, 102, 103, 201, 202, 203], // "10."
            vec![201, 202, 203],                // "10.1"
        ]
    );

    let mut steps = vec![];
    for _ in 0..4 {
        press(&mut app, KeyCode::Backspace, t);
        steps.push(listed_ids(&app));
    }
    assert_eq!(
        steps,
        [
            vec![101, 102, 103, 201, 202, 203],
            vec![101, 102, 103, 201, 202, 203],
            ALL.to_vec(),
            ALL.to_vec(),
        ]
    );
    assert_eq!(app.filter.query, "");
    assert!(app.filter_editing, "Backspace keeps editing");
}

#[test]
fn keys_typed_into_the_filter_are_text_not_commands() {
    let mut app = app_at(secs(0));
    let t = secs(1);
    key(&mut app, '/', t);
    // q, ? and j are bound in the list; while editing they are letters.
    for c in ['q', '?', 'j', 'G'] {
        assert!(key(&mut app, c, t).is_empty());
    }
    assert_eq!(app.filter.query, "q?jG");
    assert!(!app.help && !app.quit);
    // Ctrl-C still quits.
    assert!(quits(&ctrl(&mut app, 'c', t)));
}

#[test]
fn esc_while_typing_clears_the_filter_and_stops_editing() {
    let mut app = app_at(secs(0));
    let t = secs(1);
    key(&mut app, '/', t);
    type_text(&mut app, "fw", t);
    assert_eq!(listed_ids(&app), [301, 302]);
    assert!(press(&mut app, KeyCode::Esc, t).is_empty());
    assert!(!app.filter_editing);
    assert_eq!(app.filter.query, "");
    assert!(!app.filter.is_active());
    assert_eq!(listed_ids(&app), ALL);
}

#[test]
fn enter_stops_editing_and_opens_the_selected_match() {
    let mut app = app_at(secs(0));
    let t = secs(1);
    key(&mut app, '/', t);
    type_text(&mut app, "fw", t);
    // Arrows still move the selection while typing.
    press(&mut app, KeyCode::Down, t);
    assert_eq!(selected_id(&app), Some(302));
    assert!(app.filter_editing);

    assert!(press(&mut app, KeyCode::Enter, t).is_empty());
    assert!(!app.filter_editing);
    assert_eq!(details_id(&app), Some(302));
    assert_eq!(
        app.filter.query, "fw",
        "the filter stays while Details is open"
    );
}

#[test]
fn esc_in_the_list_clears_an_active_filter() {
    let mut app = app_at(secs(0));
    let t = secs(1);
    key(&mut app, '/', t);
    type_text(&mut app, "auditor", t);
    press(&mut app, KeyCode::Enter, t);
    assert_eq!(details_id(&app), Some(202));

    press(&mut app, KeyCode::Esc, t); // closes Details
    assert!(app.details.is_none());
    assert_eq!(listed_ids(&app), [202], "closing Details keeps the filter");

    press(&mut app, KeyCode::Esc, t); // clears the filter
    assert_eq!(listed_ids(&app), ALL);
    assert!(!app.filter.is_active());
    assert_eq!(selected_id(&app), Some(202));
    // With no filter, Esc in the list is harmless.
    assert!(press(&mut app, KeyCode::Esc, t).is_empty());
    assert_eq!(selected_id(&app), Some(202));
}

#[test]
fn the_selection_stays_on_its_credential_while_it_matches() {
    let mut app = app_at(secs(0));
    let t = secs(1);
    for _ in 0..4 {
        key(&mut app, 'j', t);
    }
    assert_eq!(selected_id(&app), Some(202));

    key(&mut app, '/', t);
    let mut seen = vec![];
    for c in "corp".chars() {
        key(&mut app, c, t);
        seen.push(selected_id(&app));
    }
    assert_eq!(seen, [Some(202); 4]);
    assert_eq!(listed_ids(&app), [101, 201, 202, 203]);
    assert_eq!(app.selected, 2);

    for _ in 0..4 {
        press(&mut app, KeyCode::Backspace, t);
        assert_eq!(selected_id(&app), Some(202));
    }
    assert_eq!(app.selected, 4);

    // A query that drops it: the selection moves to the first match.
    type_text(&mut app, "fw", t);
    assert_eq!(selected_id(&app), Some(301));
}

#[test]
fn with_no_match_enter_does_nothing() {
    let mut app = app_at(secs(0));
    let t = secs(1);
    key(&mut app, '/', t);
    type_text(&mut app, "zzz", t);
    assert!(listed_ids(&app).is_empty());
    assert_eq!(selected_id(&app), None);

    assert!(press(&mut app, KeyCode::Enter, t).is_empty());
    assert!(app.details.is_none());
    // Moving in an empty list is harmless too.
    for code in [KeyCode::Down, KeyCode::Up, KeyCode::PageDown, KeyCode::End] {
        press(&mut app, code, t);
        assert_eq!(selected_id(&app), None);
    }
    let top = body(&app).y;
    click(&mut app, 10, top, t);
    wheel_down(&mut app, t);
    assert!(app.details.is_none());
}

// ---------------------------------------------------------------------------------------------
// Open, close, help, quit
// ---------------------------------------------------------------------------------------------

#[test]
fn enter_opens_details_of_the_selection_and_esc_closes_it() {
    let mut app = app_at(secs(0));
    let t = secs(1);
    key(&mut app, 'j', t);
    assert!(press(&mut app, KeyCode::Enter, t).is_empty());
    assert_eq!(details_id(&app), Some(102));
    // List keys do nothing while Details is open.
    key(&mut app, 'j', t);
    assert_eq!(selected_id(&app), Some(102));
    assert!(press(&mut app, KeyCode::Esc, t).is_empty());
    assert!(app.details.is_none());
    assert_eq!(selected_id(&app), Some(102));
}

#[test]
fn q_and_ctrl_c_quit_from_the_list_and_from_details() {
    let t = secs(1);
    let mut app = app_at(secs(0));
    assert_eq!(key(&mut app, 'q', t), [Effect::Quit]);

    let mut app = app_at(secs(0));
    assert_eq!(ctrl(&mut app, 'c', t), [Effect::Quit]);

    let mut app = app_at(secs(0));
    open(&mut app, 101, t);
    assert_eq!(key(&mut app, 'q', t), [Effect::Quit]);

    let mut app = app_at(secs(0));
    open(&mut app, 101, t);
    assert_eq!(ctrl(&mut app, 'c', t), [Effect::Quit]);
}

#[test]
fn help_opens_with_question_mark_and_closes_without_quitting() {
    let t = secs(1);
    for (name, code) in [
        ("Esc", KeyCode::Esc),
        ("?", KeyCode::Char('?')),
        ("q", KeyCode::Char('q')),
    ] {
        let mut app = app_at(secs(0));
        assert!(key(&mut app, '?', t).is_empty());
        assert!(app.help);
        // Other keys leave the help up and do not reach the list.
        key(&mut app, 'j', t);
        assert!(app.help);
        assert_eq!(selected_id(&app), Some(101));

        assert!(press(&mut app, code, t).is_empty(), "{name} quit");
        assert!(!app.help, "{name} did not close the help");
        assert!(!app.quit);
        // The list works again.
        key(&mut app, 'j', t);
        assert_eq!(selected_id(&app), Some(102));
    }
}

#[test]
fn help_over_details_returns_to_details() {
    let mut app = app_at(secs(0));
    let t = secs(1);
    open(&mut app, 101, t);
    key(&mut app, '?', t);
    assert!(app.help);
    press(&mut app, KeyCode::Esc, t);
    assert!(!app.help);
    assert_eq!(
        details_id(&app),
        Some(101),
        "Esc closed the help, not Details"
    );
}

#[test]
fn ctrl_c_quits_from_the_help() {
    let mut app = app_at(secs(0));
    let t = secs(1);
    key(&mut app, '?', t);
    assert_eq!(ctrl(&mut app, 'c', t), [Effect::Quit]);
}

// ---------------------------------------------------------------------------------------------
// The token
// ---------------------------------------------------------------------------------------------

/// RFC 6238 Appendix B, SHA1 seed "12345678901234567890": the 8-digit codes cut to 6 digits.
const RFC6238_SHA1_6: [(u64, &str); 5] = [
    (59, "287082"),            // 94287082
    (1_111_111_109, "081804"), // 07081804
    (1_111_111_111, "050471"), // 14050471
    (1_234_567_890, "005924"), // 89005924
    (2_000_000_000, "279037"), // 69279037
];

/// RFC 6238 Appendix B, SHA256 seed "12345678901234567890123456789012", 8 digits.
const RFC6238_SHA256_8: [(u64, &str); 5] = [
    (59, "46119246"),
    (1_111_111_109, "68084774"),
    (1_111_111_111, "67062674"),
    (1_234_567_890, "91819424"),
    (2_000_000_000, "90698825"),
];

/// RFC 4226 Appendix D, the same SHA1 seed: HOTP codes for counters 0, 1 and 2. They are the
/// TOTP codes of steps 0, 1 and 2, whatever the period.
const HOTP_0: &str = "755224";
const HOTP_1: &str = "287082";
const HOTP_2: &str = "359152";

#[test]
fn details_show_the_rfc_6238_sha1_codes() {
    for (at, expected) in RFC6238_SHA1_6 {
        let mut app = app_at(secs(at));
        open(&mut app, 101, secs(at));
        assert_eq!(shown_code(&app), expected, "at {at}");
    }
}

#[test]
fn details_show_the_rfc_6238_sha256_eight_digit_codes() {
    for (at, expected) in RFC6238_SHA256_8 {
        let mut app = app_at(secs(at));
        open(&mut app, 201, secs(at));
        assert_eq!(shown_code(&app), expected, "at {at}");
    }
}

#[test]
fn a_tick_renews_the_code_exactly_at_the_step_boundary() {
    let mut app = app_at(ms(500));
    open(&mut app, 101, ms(500));
    assert_eq!(shown_code(&app), HOTP_0);

    assert!(tick(&mut app, ms(29_999)).is_empty());
    assert_eq!(shown_code(&app), HOTP_0, "one millisecond left");

    assert!(tick(&mut app, ms(30_000)).is_empty());
    assert_eq!(shown_code(&app), HOTP_1);

    tick(&mut app, ms(59_999));
    assert_eq!(shown_code(&app), HOTP_1);
    tick(&mut app, ms(60_000));
    assert_eq!(shown_code(&app), HOTP_2);
}

#[test]
fn a_sixty_second_code_does_not_renew_at_thirty_seconds() {
    let mut app = app_at(ms(500));
    open(&mut app, 102, ms(500));
    assert_eq!(shown_code(&app), HOTP_0);

    tick(&mut app, ms(30_000));
    assert_eq!(shown_code(&app), HOTP_0, "a 60 s step is not over at 30 s");
    tick(&mut app, ms(59_999));
    assert_eq!(shown_code(&app), HOTP_0);
    tick(&mut app, ms(60_000));
    assert_eq!(shown_code(&app), HOTP_1);
}

#[test]
fn refresh_before_the_boundary_keeps_the_code_and_says_how_long_it_lasts() {
    let mut app = app_at(ms(500));
    open(&mut app, 101, ms(500));
    assert_eq!(shown_code(&app), HOTP_0);

    assert!(key(&mut app, 'r', ms(29_999)).is_empty());
    assert_eq!(shown_code(&app), HOTP_0);
    let text = status_text(&app);
    assert!(text.contains("still valid for 1 s"), "{text:?}");
    assert_ne!(text, "new token");
}

#[test]
fn refresh_at_the_boundary_without_a_tick_shows_the_next_code() {
    let mut app = app_at(ms(500));
    open(&mut app, 101, ms(500));
    key(&mut app, 'r', ms(29_999));
    assert_eq!(shown_code(&app), HOTP_0);

    assert!(key(&mut app, 'r', ms(30_000)).is_empty());
    assert_eq!(shown_code(&app), HOTP_1);
    assert_eq!(status_text(&app), "new token");
}

// ---------------------------------------------------------------------------------------------
// Copy and the clipboard clear
// ---------------------------------------------------------------------------------------------

#[test]
fn c_and_y_copy_the_shown_code_once() {
    for letter in ['c', 'y'] {
        let mut app = app_at(ms(500));
        open(&mut app, 101, ms(500));
        let effects = key(&mut app, letter, secs(1));
        assert_eq!(effects.len(), 1, "{letter}: {effects:?}");
        assert_eq!(copies(&effects), [HOTP_0], "{letter}");
    }
    // An 8-digit code is copied whole, without the display's grouping space.
    let mut app = app_at(secs(59));
    open(&mut app, 201, secs(59));
    assert_eq!(copies(&key(&mut app, 'c', secs(59))), ["46119246"]);
}

#[test]
fn the_clipboard_is_cleared_once_thirty_seconds_after_the_copy() {
    let mut app = app_at(ms(500));
    open(&mut app, 101, ms(500));
    key(&mut app, 'c', secs(1));
    assert!(copied(&mut app, Ok(Target::System), ms(1_200)).is_empty());
    let text = status_text(&app);
    assert!(text.contains("system clipboard"), "{text:?}");
    assert!(text.contains("30 s"), "{text:?}");
    assert_eq!(status_level(&app), Some(Level::Info));

    assert!(clears(&tick(&mut app, ms(31_199))).is_empty());
    let effects = tick(&mut app, ms(31_200));
    assert_eq!(effects.len(), 1);
    assert_eq!(clears(&effects), [(HOTP_0.to_owned(), Target::System)]);
    assert!(tick(&mut app, ms(32_000)).is_empty());
    assert!(tick(&mut app, ms(62_000)).is_empty());
}

#[test]
fn the_clear_goes_to_the_target_the_copy_reached() {
    let mut app = app_at(ms(500));
    open(&mut app, 101, ms(500));
    key(&mut app, 'c', secs(1));
    copied(&mut app, Ok(Target::Osc52), secs(1));
    assert!(
        status_text(&app).contains("OSC 52"),
        "{}",
        status_text(&app)
    );
    let effects = tick(&mut app, secs(31));
    assert_eq!(clears(&effects), [(HOTP_0.to_owned(), Target::Osc52)]);
}

#[test]
fn a_second_copy_moves_the_clear_deadline() {
    let mut app = app_at(ms(500));
    open(&mut app, 101, ms(500));
    key(&mut app, 'c', secs(1));
    copied(&mut app, Ok(Target::System), secs(1));
    key(&mut app, 'y', secs(11));
    copied(&mut app, Ok(Target::System), secs(11));

    assert!(
        clears(&tick(&mut app, secs(31))).is_empty(),
        "the old deadline"
    );
    assert!(clears(&tick(&mut app, ms(40_999))).is_empty());
    let effects = tick(&mut app, secs(41));
    assert_eq!(clears(&effects), [(HOTP_0.to_owned(), Target::System)]);
    assert!(clears(&tick(&mut app, secs(71))).is_empty());
}

#[test]
fn a_failed_copy_shows_an_error_and_clears_nothing() {
    let mut app = app_at(ms(500));
    open(&mut app, 101, ms(500));
    key(&mut app, 'c', secs(1));
    let effects = copied(&mut app, Err("no display".to_owned()), secs(1));
    assert!(effects.is_empty());
    assert_eq!(status_level(&app), Some(Level::Error));
    assert!(
        status_text(&app).contains("no display"),
        "{}",
        status_text(&app)
    );
    for at in [31, 60, 120] {
        assert!(clears(&tick(&mut app, secs(at))).is_empty(), "at {at}");
    }
}

#[test]
fn a_failed_second_copy_keeps_the_first_copy_s_clear() {
    let mut app = app_at(ms(500));
    open(&mut app, 101, ms(500));
    key(&mut app, 'c', secs(1));
    copied(&mut app, Ok(Target::System), secs(1)); // on the clipboard; cleared at 31 s
    key(&mut app, 'c', secs(5));
    copied(&mut app, Err("clipboard busy".to_owned()), secs(5));
    let effects = tick(&mut app, secs(31));
    assert_eq!(clears(&effects), [(HOTP_0.to_owned(), Target::System)]);
}

#[test]
fn a_copy_just_past_the_step_end_copies_the_new_code_even_before_the_tick() {
    let mut app = app_at(ms(500));
    open(&mut app, 101, ms(500));
    assert_eq!(copies(&key(&mut app, 'c', ms(30_500))), [HOTP_1]);
    assert_eq!(shown_code(&app), HOTP_1);
}

#[test]
fn copying_in_the_last_three_seconds_warns() {
    // (copy time in ms, expected level); step 0 ends at 30 000 ms.
    for (at, level) in [
        (26_999, Level::Info),
        (27_000, Level::Warning),
        (29_500, Level::Warning),
    ] {
        let mut app = app_at(ms(500));
        open(&mut app, 101, ms(500));
        assert_eq!(copies(&key(&mut app, 'c', ms(at))), [HOTP_0]);
        copied(&mut app, Ok(Target::System), ms(at));
        assert_eq!(status_level(&app), Some(level), "copy at {at} ms");
        assert!(status_text(&app).contains("system clipboard"));
    }
}

#[test]
fn nothing_to_copy_without_a_totp_or_without_permission() {
    for (id, words) in [(103, "no TOTP"), (202, "may not see")] {
        let mut app = app_at(ms(500));
        open(&mut app, id, ms(500));
        for letter in ['c', 'y'] {
            let effects = key(&mut app, letter, secs(1));
            assert!(copies(&effects).is_empty(), "{id} {letter}");
            assert!(effects.is_empty(), "{id} {letter}");
            let text = status_text(&app);
            assert!(text.contains(words), "{id}: {text:?}");
            assert!(!text.chars().any(|c| c.is_ascii_digit()), "{id}: {text:?}");
        }
        assert!(app.clipboard.is_none());
        assert!(clears(&tick(&mut app, secs(40))).is_empty());
    }
}

// ---------------------------------------------------------------------------------------------
// What the Token OTP bar says
// ---------------------------------------------------------------------------------------------

#[test]
fn the_token_bar_has_a_case_for_each_kind_of_credential() {
    let t = ms(500);
    let mut app = app_at(t);

    open(&mut app, 103, t);
    assert!(matches!(token_view(&app), TokenView::NoTotp));
    press(&mut app, KeyCode::Esc, t);

    open(&mut app, 202, t);
    assert!(matches!(token_view(&app), TokenView::NoPermission));
    press(&mut app, KeyCode::Esc, t);

    open(&mut app, 301, t);
    match token_view(&app) {
        TokenView::Code(token) => assert_eq!(token.short_secret_bits, Some(80)),
        other => panic!("{other:?}"),
    }
    press(&mut app, KeyCode::Esc, t);

    for id in [101, 102, 201, 203, 302] {
        open(&mut app, id, t);
        match token_view(&app) {
            TokenView::Code(token) => assert_eq!(token.short_secret_bits, None, "{id}"),
            other => panic!("{id}: {other:?}"),
        }
        press(&mut app, KeyCode::Esc, t);
    }
}

#[test]
fn refresh_without_a_code_changes_nothing() {
    for id in [103, 202] {
        let mut app = app_at(ms(500));
        open(&mut app, id, ms(500));
        assert!(key(&mut app, 'r', secs(40)).is_empty());
        assert!(!matches!(token_view(&app), TokenView::Code(_)));
    }
}

// ---------------------------------------------------------------------------------------------
// When the event loop must wake up
// ---------------------------------------------------------------------------------------------

#[test]
fn an_idle_list_never_needs_a_wakeup() {
    let mut app = app_at(ms(500));
    assert_eq!(app.next_wakeup(), None);
    key(&mut app, 'j', secs(3));
    key(&mut app, '/', secs(3));
    type_text(&mut app, "db", secs(4));
    assert_eq!(app.next_wakeup(), None);
}

#[test]
fn a_shown_token_wakes_at_each_whole_second() {
    let mut app = app_at(ms(500));
    open(&mut app, 101, ms(500));
    assert_eq!(app.next_wakeup(), Some(secs(1)));
    tick(&mut app, secs(1));
    assert_eq!(app.next_wakeup(), Some(secs(2)));
    tick(&mut app, ms(2_999));
    assert_eq!(app.next_wakeup(), Some(secs(3)));

    // No code, no countdown.
    let mut app = app_at(ms(500));
    open(&mut app, 103, ms(500));
    assert_eq!(app.next_wakeup(), None);
}

#[test]
fn wakeups_follow_the_status_and_the_clipboard_then_stop() {
    let mut app = app_at(ms(500));
    open(&mut app, 101, ms(500));
    key(&mut app, 'c', ms(10_000));
    copied(&mut app, Ok(Target::System), ms(10_100));
    // Status until 15.1 s, clear at 40.1 s, countdown at 11 s: the countdown first.
    assert_eq!(app.next_wakeup(), Some(secs(11)));

    press(&mut app, KeyCode::Esc, ms(10_400));
    assert_eq!(app.next_wakeup(), Some(ms(15_100)), "the status expiry");

    tick(&mut app, ms(15_100));
    assert!(app.status.is_none());
    assert_eq!(app.next_wakeup(), Some(ms(40_100)), "the clipboard clear");

    let effects = tick(&mut app, ms(40_100));
    assert_eq!(clears(&effects).len(), 1);
    assert_eq!(app.next_wakeup(), None);
}

#[test]
fn after_closing_details_and_the_status_expiring_nothing_is_due() {
    let mut app = app_at(ms(500));
    open(&mut app, 101, ms(500));
    key(&mut app, 'r', ms(10_200));
    assert!(app.status.is_some());
    press(&mut app, KeyCode::Esc, ms(10_400));
    assert_eq!(app.next_wakeup(), Some(ms(15_200)));
    tick(&mut app, ms(15_200));
    assert_eq!(app.next_wakeup(), None);
}

#[test]
fn a_copy_not_yet_confirmed_sets_no_deadline() {
    let mut app = app_at(ms(500));
    open(&mut app, 101, ms(500));
    key(&mut app, 'c', ms(10_000));
    press(&mut app, KeyCode::Esc, ms(10_000));
    assert_eq!(
        app.next_wakeup(),
        None,
        "nothing to clear until the copy is done"
    );
}

// ---------------------------------------------------------------------------------------------
// Status messages
// ---------------------------------------------------------------------------------------------

#[test]
fn a_status_message_lasts_until_its_deadline() {
    let mut app = app_at(ms(500));
    open(&mut app, 101, ms(500));
    key(&mut app, 'r', ms(2_000));
    let until = app.status.as_ref().unwrap().until;
    assert!(until > ms(2_000));

    tick(&mut app, Timestamp::from_millis(until.as_millis() - 1));
    assert!(app.status.is_some(), "one millisecond early");
    tick(&mut app, until);
    assert!(app.status.is_none(), "at the deadline");
}

#[test]
fn a_late_tick_also_removes_the_status() {
    let mut app = app_at(ms(500));
    open(&mut app, 101, ms(500));
    key(&mut app, 'r', ms(2_000));
    let until = app.status.as_ref().unwrap().until;
    tick(&mut app, until.plus_millis(12_345));
    assert!(app.status.is_none());
}
