//! Rendering: pure functions of `&App` onto a ratatui frame, one file per part of the screen.

mod details;
mod footer;
mod form;
mod help;
mod list;
mod qr;
mod status;
mod text;
pub mod theme;
mod token_bar;

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::app::layout::{self, MIN_DETAILS, MIN_LIST};
use crate::t;

pub fn render(app: &App, frame: &mut Frame) {
    theme::with(theme::palette(&app.settings), || draw(app, frame));
}

fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let needed = if app.details.is_some() {
        MIN_DETAILS
    } else {
        MIN_LIST
    };
    if !layout::fits(area, needed) {
        too_small(frame, area, needed, app.details.is_some());
        return;
    }
    let screen = layout::screen(area);
    list::render(app, frame, &screen);
    if let Some(details) = &app.details {
        details::render(app, details, frame, area);
        if let (Some(until), Some(credential)) = (details.qr_until, app.details_credential()) {
            qr::render(credential, until, app.now, frame, area);
        }
    }
    if let Some(form) = &app.form {
        form::render(form, frame, area);
    }
    if app.help {
        help::render(frame, area);
    }
}

fn too_small(frame: &mut Frame, area: Rect, (width, height): (u16, u16), details: bool) {
    let mut text = t!(
        "tui-too-small",
        width = area.width,
        height = area.height,
        need_width = width,
        need_height = height,
    );
    if details {
        text = format!("{text} {}", t!("tui-too-small-details"));
    }
    let lines =
        u16::try_from(text.width() / usize::from(area.width.max(1)) + 1).unwrap_or(u16::MAX);
    let message = area.centered_vertically(Constraint::Length(lines.min(area.height)));
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(Line::styled(text, theme::warning()))
            .centered()
            .wrap(Wrap { trim: true }),
        message,
    );
}
