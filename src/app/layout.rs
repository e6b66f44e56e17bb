//! Where each part of the screen goes. Shared by rendering and by mouse hit-testing.

use ratatui::layout::{Constraint, Layout, Rect};

/// The list needs room for its header, a few rows, the status line and the footer.
pub const MIN_LIST: (u16, u16) = (50, 8);
/// Details shows the token bar and three sections side by side, above the status and footer.
pub const MIN_DETAILS: (u16, u16) = (64, 24);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    pub title: Rect,
    pub table_header: Rect,
    pub body: Rect,
    pub status: Rect,
    pub footer: Rect,
}

pub fn fits(area: Rect, (width, height): (u16, u16)) -> bool {
    area.width >= width && area.height >= height
}

pub fn screen(area: Rect) -> Screen {
    let [title, table_header, body, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    Screen {
        title,
        table_header,
        body,
        status,
        footer,
    }
}

/// The Details pop-up, centred over the list, leaving the status line and footer in view.
pub fn details(area: Rect, content_height: u16) -> Rect {
    let above_status = Rect {
        height: area.height.saturating_sub(2),
        ..area
    };
    let width = area.width.saturating_sub(4).min(96);
    let height = (content_height + 2).min(above_status.height);
    above_status.centered(Constraint::Length(width), Constraint::Length(height))
}
