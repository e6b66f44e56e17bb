use crate::helpers::*;

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
