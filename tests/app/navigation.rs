use crate::helpers::*;

use credview::app::rows::Row;
use crossterm::event::{KeyCode, KeyModifiers};

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
            app.rows.rows[app.rows.row_of_item(app.selected).unwrap()],
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
