//! The `?` overlay: every binding from the key table, in two columns that fit 80×24.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

use super::{text::fit, theme};
use crate::app::keymap::{BINDINGS, Context};
use crate::t;

/// Keys while typing a filter; they edit text, so they are not actions in the table.
const FILTER_KEYS: &[(&str, &str)] = &[
    ("Enter", "tui-help-filter-enter"),
    ("Esc", "tui-help-filter-esc"),
    ("Backspace", "tui-help-filter-backspace"),
    ("Ctrl-U/W", "tui-help-filter-ctrl-u-w"),
];

const KEY_WIDTH: usize = 9;
const COLUMN_WIDTH: u16 = 39;

type Entry = (String, String);

fn entry((key, help): Entry) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!(" {} ", fit(&key, KEY_WIDTH)), theme::key()),
        Span::raw(help),
    ])
}

fn section(lines: &mut Vec<Line<'static>>, title: String, entries: impl Iterator<Item = Entry>) {
    if !lines.is_empty() {
        lines.push(Line::default());
    }
    lines.push(Line::styled(format!(" {title}"), theme::section()));
    lines.extend(entries.map(entry));
}

fn bindings(context: Context) -> impl Iterator<Item = Entry> {
    BINDINGS
        .iter()
        .filter(move |b| b.context == context)
        .map(|b| (b.label.to_owned(), b.help()))
}

/// Pointer actions on the list, which the key table does not hold.
fn mouse() -> [Entry; 2] {
    [
        (t!("tui-help-mouse-click"), t!("tui-help-mouse-click-does")),
        (t!("tui-help-mouse-wheel"), t!("tui-help-mouse-wheel-does")),
    ]
}

fn columns() -> [Vec<Line<'static>>; 2] {
    let mut left = Vec::new();
    section(
        &mut left,
        t!("tui-help-list"),
        bindings(Context::List).chain(mouse()),
    );
    let filter_keys = FILTER_KEYS
        .iter()
        .map(|&(key, id)| (key.to_owned(), crate::i18n::text(id, &[])));
    section(&mut left, t!("tui-help-filter"), filter_keys);
    let mut right = Vec::new();
    section(
        &mut right,
        t!("tui-help-details"),
        bindings(Context::Details),
    );
    section(
        &mut right,
        t!("tui-help-anywhere"),
        bindings(Context::Anywhere),
    );
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
        .title(Span::styled(
            format!(" {} ", t!("tui-help-title")),
            theme::section(),
        ));
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
    use crate::i18n::Language;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn every_line_fits_its_column_and_the_whole_fits_80_by_24() {
        for language in [Language::English, Language::PortugueseBrazil] {
            let _speaking = crate::i18n::speak(language);
            fits(language);
        }
    }

    fn fits(language: Language) {
        let [left, right] = columns();
        for line in left.iter().chain(&right) {
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            assert!(
                text.width() <= usize::from(COLUMN_WIDTH),
                "too wide in {}: {text:?}",
                language.name()
            );
        }
        assert!(
            left.len().max(right.len()) + 2 <= 22,
            "taller than 80×24 leaves room for"
        );
    }
}
