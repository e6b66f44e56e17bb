use crate::helpers::*;

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
