//! The line above the footer: the filter being typed, else the latest message.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::theme;
use crate::app::App;
use crate::app::state::{Level, Sensitive};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let prompt = app.details.as_ref().and_then(|d| d.prompt.as_ref());
    let line = if let Some(prompt) = prompt {
        let label = if prompt.purpose == Sensitive::SessionStart {
            " Reason for this session: "
        } else {
            " Reason for this password access: "
        };
        let x = area.x + (label.width() + prompt.text.width()) as u16;
        frame.set_cursor_position(Position::new(x.min(area.right().saturating_sub(1)), area.y));
        Line::from(vec![
            Span::styled(label, theme::key()),
            Span::raw(prompt.text.clone()),
        ])
    } else if app.filter_editing && app.details.is_none() {
        let prompt = " / ";
        let x = area.x + (prompt.width() + app.filter.query.width()) as u16;
        frame.set_cursor_position(Position::new(x.min(area.right().saturating_sub(1)), area.y));
        Line::from(vec![
            Span::styled(prompt, theme::key()),
            Span::raw(app.filter.query.clone()),
        ])
    } else if let Some(status) = &app.status {
        let style = match status.level {
            Level::Info => theme::info(),
            Level::Warning => theme::warning(),
            Level::Error => theme::error(),
        };
        Line::styled(format!(" {}", status.text), style)
    } else if let Some(warning) = &app.clock.warning {
        // Stays until a check finds the clock fine: a wrong clock makes every code wrong.
        Line::styled(format!(" {warning}"), theme::warning())
    } else if app.filter.is_active() {
        Line::from(vec![
            Span::styled(" filter: ", theme::dim()),
            Span::raw(app.filter.query.clone()),
            Span::styled("   (/ to edit, Esc clears)", theme::dim()),
        ])
    } else {
        Line::default()
    };
    frame.render_widget(Paragraph::new(line), area);
}
