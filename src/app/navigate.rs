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

/// A new query; its search starts when the batch of messages it came in ends (`settle`).
pub(super) fn set_filter(app: &mut App, query: String) {
    app.filter.set_query(query, app.vault.credentials.len());
    app.search_due = true;
}

/// One step of the search under way; once none is left, the list shows what it found.
/// `top`: a new query, so the list starts from the top again.
pub(super) fn search(app: &mut App, top: bool) {
    if app
        .filter
        .step(&app.haystacks, app.settings.search_step.max(1))
    {
        show_matches(app, top);
    }
}

/// Lists what the filter matched (or everything), staying on the selected credential while
/// it is still listed; else on the first.
pub(super) fn show_matches(app: &mut App, top: bool) {
    let keep = app.rows.credential_at(app.selected);
    let total = app.vault.credentials.len();
    // The old rows go first: holding both would double the list's largest part at the peak.
    app.rows = Rows::default();
    app.rows = Rows::build(app.groups.list(), app.filter.matches(), total);
    app.selected = keep
        .and_then(|index| {
            (0..app.rows.item_count()).find(|&n| app.rows.credential_at(n) == Some(index))
        })
        .unwrap_or(0);
    if top {
        app.offset = 0;
    }
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
    let Some(row) = app.rows.row_of_item(app.selected) else {
        app.offset = 0;
        return;
    };
    let top = if app.selected == 0 || app.rows.row_of_item(app.selected - 1) != Some(row - 1) {
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
