use crate::helpers::*;

use credview::app::state::TokenView;
use crossterm::event::KeyCode;

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
