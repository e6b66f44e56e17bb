//! The `?` overlay: every binding from the key table, by screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

use super::{text::fit, theme};
use crate::app::keymap::{BINDINGS, Context};
use crate::app::layout;

/// Keys while typing a filter; they edit text, so they are not actions in the table.
const FILTER_KEYS: &[(&str, &str)] = &[
    ("Enter", "keep the filter and open Details"),
    ("Esc", "clear the filter"),
    ("Backspace", "delete a character"),
    ("Ctrl-U Ctrl-W", "delete the line / the last word"),
];

const KEY_WIDTH: usize = 14;

fn lines() -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let heading = |lines: &mut Vec<Line<'static>>, title: &str| {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::styled(format!(" {title}"), theme::section()));
    };
    let entry = |key: &str, help: &str| {
        Line::from(vec![
            Span::styled(format!("   {}", fit(key, KEY_WIDTH)), theme::key()),
            Span::raw(help.to_owned()),
        ])
    };
    for (context, title) in [
        (Context::List, "Credentials > All"),
        (Context::Details, "Details"),
        (Context::Anywhere, "Anywhere"),
    ] {
        heading(&mut lines, title);
        for binding in BINDINGS.iter().filter(|b| b.context == context) {
            lines.push(entry(binding.label, binding.help));
        }
        if context == Context::List {
            lines.push(entry("click, wheel", "select; click again to open"));
        }
    }
    heading(&mut lines, "While typing a filter");
    for (key, help) in FILTER_KEYS {
        lines.push(entry(key, help));
    }
    lines
}

pub fn render(frame: &mut Frame, area: Rect) {
    let lines = lines();
    let popup = layout::help(area, lines.len() as u16);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme::border())
        .title(Span::styled(" Help · Esc closes ", theme::section()));
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}
