//! The `?` overlay: every binding from the key table, in two columns that fit 80×24.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

use super::{text::fit, theme};
use crate::app::keymap::{BINDINGS, Context};

/// Keys while typing a filter; they edit text, so they are not actions in the table.
const FILTER_KEYS: &[(&str, &str)] = &[
    ("Enter", "keep it, open Details"),
    ("Esc", "clear it"),
    ("Backspace", "delete a character"),
    ("Ctrl-U/W", "delete line / word"),
];

/// Pointer actions on the list, which the key table does not hold.
const MOUSE: &[(&str, &str)] = &[("click", "select; again opens"), ("wheel", "move by three")];

const KEY_WIDTH: usize = 9;
const COLUMN_WIDTH: u16 = 39;

fn entry(key: &str, help: &str) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!(" {} ", fit(key, KEY_WIDTH)), theme::key()),
        Span::raw(help.to_owned()),
    ])
}

fn section(
    lines: &mut Vec<Line<'static>>,
    title: &str,
    entries: impl Iterator<Item = (&'static str, &'static str)>,
) {
    if !lines.is_empty() {
        lines.push(Line::default());
    }
    lines.push(Line::styled(format!(" {title}"), theme::section()));
    lines.extend(entries.map(|(key, help)| entry(key, help)));
}

fn bindings(context: Context) -> impl Iterator<Item = (&'static str, &'static str)> {
    BINDINGS
        .iter()
        .filter(move |b| b.context == context)
        .map(|b| (b.label, b.help))
}

fn columns() -> [Vec<Line<'static>>; 2] {
    let mut left = Vec::new();
    section(
        &mut left,
        "Credentials > All",
        bindings(Context::List).chain(MOUSE.iter().copied()),
    );
    section(
        &mut left,
        "While typing a filter",
        FILTER_KEYS.iter().copied(),
    );
    let mut right = Vec::new();
    section(&mut right, "Details", bindings(Context::Details));
    section(&mut right, "Anywhere", bindings(Context::Anywhere));
    [left, right]
}

/// Centred over the list, leaving the title bar and the footer in view where there is room.
pub fn render(frame: &mut Frame, area: Rect) {
    let [left, right] = columns();
    let rows = left.len().max(right.len()) as u16 + 2;
    let inner = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(2),
        ..area
    };
    let inner = if inner.height >= rows { inner } else { area };
    let popup = inner.centered(
        Constraint::Length((2 * COLUMN_WIDTH + 2).min(area.width)),
        Constraint::Length(rows.min(inner.height)),
    );
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme::border())
        .title(Span::styled(" Help · Esc closes ", theme::section()));
    let body = block.inner(popup);
    frame.render_widget(Clear, popup);
    frame.render_widget(block, popup);
    let [l, r] =
        Layout::horizontal([Constraint::Length(COLUMN_WIDTH), Constraint::Fill(1)]).areas(body);
    frame.render_widget(Paragraph::new(left), l);
    frame.render_widget(Paragraph::new(right), r);
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn every_line_fits_its_column_and_the_whole_fits_80_by_24() {
        let [left, right] = columns();
        for line in left.iter().chain(&right) {
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            assert!(
                text.width() <= usize::from(COLUMN_WIDTH),
                "too wide: {text:?}"
            );
        }
        assert!(
            left.len().max(right.len()) + 2 <= 22,
            "taller than 80×24 leaves room for"
        );
    }
}
