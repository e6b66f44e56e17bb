use crate::helpers::*;

use credview::otp::Timestamp;

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
