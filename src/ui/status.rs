//! The line above the footer: the filter being typed, else the latest message.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::text::fit_words;
use super::theme;
use crate::app::App;
use crate::app::state::{Level, Sensitive};
use crate::t;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let width = usize::from(area.width);
    let prompt = app.details.as_ref().and_then(|d| d.prompt.as_ref());
    let line = if let Some(prompt) = prompt {
        let label = if prompt.purpose == Sensitive::SessionStart {
            t!("tui-prompt-reason-session")
        } else {
            t!("tui-prompt-reason-password")
        };
        let label = format!(" {label} ");
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
        Line::styled(fit_words(&format!(" {}", status.text), width), style)
    } else if let Some(warning) = &app.clock.warning {
        // Stays until a check finds the clock fine: a wrong clock makes every code wrong.
        let mut text = format!(" {warning}");
        if let Some(short) = app
            .clock
            .short_warning
            .as_ref()
            .filter(|_| text.width() > width)
        {
            text = format!(" {short}");
        }
        Line::styled(fit_words(&text, width), theme::warning())
    } else if app.filter.is_active() {
        Line::from(vec![
            Span::styled(format!(" {} ", t!("tui-filter-label")), theme::dim()),
            Span::raw(app.filter.query.clone()),
            Span::styled(format!("   ({})", t!("tui-filter-hint")), theme::dim()),
        ])
    } else {
        Line::default()
    };
    frame.render_widget(Paragraph::new(line), area);
}
