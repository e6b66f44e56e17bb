use crate::helpers::*;

use crossterm::event::KeyCode;

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
