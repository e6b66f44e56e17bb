use crate::helpers::*;

use credview::app::Effect;
use crossterm::event::KeyCode;

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
    for (name, code) in [("Esc", KeyCode::Esc), ("?", KeyCode::Char('?'))] {
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
fn q_quits_from_the_help_as_the_help_says() {
    let mut app = app_at(secs(0));
    key(&mut app, '?', secs(1));
    assert!(quits(&key(&mut app, 'q', secs(1))));
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
