use crate::helpers::*;

use credview::app::Effect;
use credview::app::state::Level;
use credview::clipboard::Target;

// ---------------------------------------------------------------------------------------------
// Copy and the clipboard clear
// ---------------------------------------------------------------------------------------------

#[test]
fn c_and_y_copy_the_shown_code_once() {
    for letter in ['c', 'y'] {
        let mut app = app_at(ms(500));
        open(&mut app, 101, ms(500));
        let effects = key(&mut app, letter, secs(1));
        // Audited first, then copied: nothing reaches the clipboard unrecorded.
        assert!(
            matches!(effects[0], Effect::Audit(_)),
            "{letter}: {effects:?}"
        );
        assert_eq!(effects.len(), 2, "{letter}: {effects:?}");
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
