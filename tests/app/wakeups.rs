use crate::helpers::*;

use credview::clipboard::Target;
use crossterm::event::KeyCode;

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
