//! The bottom line: the keys that matter on the current screen, labelled from the key table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::theme;
use crate::app::App;
use crate::app::form::FormKind;
use crate::app::keymap::{Action, BINDINGS};
use crate::app::state::TokenView;

const LIST: &[(Action, &str)] = &[
    (Action::Down, "tui-footer-move"),
    (Action::Open, "tui-footer-details"),
    (Action::StartFilter, "tui-footer-filter"),
    (Action::Help, "tui-footer-help"),
    (Action::Quit, "tui-footer-quit"),
];

const DETAILS: &[(Action, &str)] = &[
    (Action::Copy, "tui-footer-copy-token"),
    (Action::Refresh, "tui-footer-refresh"),
    (Action::ShowPassword, "tui-footer-password"),
    (Action::ShowQr, "tui-footer-qr"),
    (Action::Close, "tui-footer-close"),
    (Action::Help, "tui-footer-help"),
    (Action::Quit, "tui-footer-quit"),
];

const FILTER: &[(&str, &str)] = &[
    ("Enter", "tui-footer-open"),
    ("Esc", "tui-footer-clear"),
    ("↑↓", "tui-footer-move"),
];

fn label(action: Action) -> &'static str {
    match action {
        Action::Down => "↑↓",
        Action::Quit => "q",
        _ => BINDINGS
            .iter()
            .find(|b| b.action == action)
            .map_or("", |b| b.label),
    }
}

/// Key and meaning; the meaning is a catalogue id until it is said.
type Item<'a> = (&'a str, &'a str);

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let prompting = app.details.as_ref().is_some_and(|d| d.prompt.is_some());
    let keys: Vec<Item> = if app.help {
        vec![("Esc", "tui-footer-close-help")]
    } else if let Some(FormKind::RemoveTotp { .. }) = app.form.as_ref().map(|f| &f.kind) {
        vec![("y", "tui-footer-remove"), ("n", "tui-footer-keep")]
    } else if app.form.is_some() {
        vec![
            ("Enter", "tui-footer-save"),
            ("Tab", "tui-footer-next-field"),
            ("Esc", "tui-footer-cancel"),
        ]
    } else if prompting {
        vec![
            ("Enter", "tui-footer-confirm"),
            ("Esc", "tui-footer-cancel"),
        ]
    } else if let Some(details) = &app.details {
        let mut keys: Vec<Item> = DETAILS.iter().map(|&(a, what)| (label(a), what)).collect();
        if matches!(details.token, TokenView::Hotp(_)) {
            keys.insert(0, (label(Action::NextCode), "tui-footer-next-code"));
        }
        keys
    } else if app.filter_editing {
        FILTER.to_vec()
    } else {
        LIST.iter().map(|&(a, what)| (label(a), what)).collect()
    };
    let said = |(key, id): Item| (key.to_owned(), crate::i18n::text(id, &[]));
    // Keys go in while they fit; `?` always ends the line, since help lists everything.
    let help_key = (label(Action::Help), "tui-footer-help");
    let help = said(help_key);
    let room = usize::from(area.width).saturating_sub(item_width(&help) + 1);
    let mut used = 0;
    let mut shown: Vec<(String, String)> = Vec::new();
    for item in keys.into_iter().filter(|&item| item != help_key).map(said) {
        used += item_width(&item);
        if used > room {
            break;
        }
        shown.push(item);
    }
    // In a form `?` is typed into the field: help is not a key there.
    if !app.help && app.form.is_none() {
        shown.push(help);
    }
    let mut spans = vec![Span::raw(" ")];
    for (key, what) in shown {
        spans.push(Span::styled(key, theme::key()));
        spans.push(Span::styled(format!(" {what}   "), theme::dim()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn item_width((key, what): &(String, String)) -> usize {
    key.width() + what.width() + 4
}
