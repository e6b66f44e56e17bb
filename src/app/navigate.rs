//! Moving through the list: keys, pages, the mouse and the live filter.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use super::details::open_details;
use super::layout;
use super::rows::Rows;
use super::state::App;

const WHEEL_STEP: isize = 3;

/// Typing into the filter; returns false for keys the filter leaves to the list (arrows, pages).
pub(super) fn edit_filter(app: &mut App, key: KeyEvent) -> bool {
    let mut query = app.filter.query.clone();
    match key.code {
        KeyCode::Esc => {
            app.filter_editing = false;
            set_filter(app, String::new());
            return true;
        }
        KeyCode::Enter => {
            app.filter_editing = false;
            return false;
        }
        KeyCode::Backspace => {
            query.pop();
        }
        KeyCode::Char('u') if key.modifiers.contains(KeyModifiers::CONTROL) => query.clear(),
        KeyCode::Char('w') if key.modifiers.contains(KeyModifiers::CONTROL) => {
            let kept = query.trim_end().rfind(' ').map_or(0, |at| at + 1);
            query.truncate(kept);
        }
        KeyCode::Char(c)
            if !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            query.push(c);
        }
        _ => return false,
    }
    set_filter(app, query);
    true
}

pub(super) fn set_filter(app: &mut App, query: String) {
    let keep = app.selected_credential().map(|c| c.id);
    let total = app.vault.credentials.len();
    app.filter.set_query(query, &app.haystacks, total);
    app.rows = Rows::build(&app.groups, app.filter.matches(), total);
    // Stay on the same credential while it still matches; else go to the first.
    app.selected = keep
        .and_then(|id| {
            (0..app.rows.item_count()).find(|&n| {
                app.rows
                    .credential_at(n)
                    .is_some_and(|i| app.vault.credentials[i].id == id)
            })
        })
        .unwrap_or(0);
    app.offset = 0;
    keep_selection_visible(app);
}

pub(super) fn page(app: &App) -> isize {
    let body = layout::screen(screen_area(app)).body;
    isize::try_from(body.height.max(2) - 1).unwrap_or(1)
}

fn screen_area(app: &App) -> Rect {
    Rect::new(0, 0, app.size.0, app.size.1)
}

pub(super) fn select_by(app: &mut App, delta: isize) {
    let target = app.selected.saturating_add_signed(delta);
    select(app, target);
}

pub(super) fn select(app: &mut App, item: usize) {
    app.selected = item.min(app.rows.item_count().saturating_sub(1));
    keep_selection_visible(app);
}

/// Scrolls so the selected row, and the device header just above a group's first row, show.
pub(super) fn keep_selection_visible(app: &mut App) {
    let height = usize::from(layout::screen(screen_area(app)).body.height.max(1));
    let Some(&row) = app.rows.items.get(app.selected) else {
        app.offset = 0;
        return;
    };
    let top = if app.selected == 0 || app.rows.items.get(app.selected - 1) != Some(&(row - 1)) {
        row.saturating_sub(1)
    } else {
        row
    };
    if top < app.offset {
        app.offset = top;
    } else if row >= app.offset + height {
        app.offset = row + 1 - height;
    }
    let last_start = app.rows.rows.len().saturating_sub(height);
    app.offset = app.offset.min(last_start);
}

pub(super) fn on_mouse(app: &mut App, mouse: MouseEvent) {
    if app.help || app.details.is_some() {
        return;
    }
    match mouse.kind {
        MouseEventKind::ScrollDown => select_by(app, WHEEL_STEP),
        MouseEventKind::ScrollUp => select_by(app, -(WHEEL_STEP)),
        MouseEventKind::Down(MouseButton::Left) => {
            let body = layout::screen(screen_area(app)).body;
            if !body.contains((mouse.column, mouse.row).into()) {
                return;
            }
            let row = app.offset + usize::from(mouse.row - body.y);
            if let Some(item) = app.rows.item_at_row(row) {
                if item == app.selected {
                    open_details(app);
                } else {
                    select(app, item);
                }
            }
        }
        _ => {}
    }
}
