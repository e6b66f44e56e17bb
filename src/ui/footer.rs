//! The bottom line: the keys that matter on the current screen, labelled from the key table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::theme;
use crate::app::App;
use crate::app::keymap::{Action, BINDINGS};
use crate::app::state::TokenView;

const LIST: &[(Action, &str)] = &[
    (Action::Down, "move"),
    (Action::Open, "details"),
    (Action::StartFilter, "filter"),
    (Action::Help, "help"),
    (Action::Quit, "quit"),
];

const DETAILS: &[(Action, &str)] = &[
    (Action::Copy, "copy token"),
    (Action::Refresh, "refresh"),
    (Action::ShowPassword, "password"),
    (Action::ShowQr, "QR"),
    (Action::Close, "close"),
    (Action::Help, "help"),
    (Action::Quit, "quit"),
];

const FILTER: &[(&str, &str)] = &[("Enter", "open"), ("Esc", "clear"), ("↑↓", "move")];

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

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let prompting = app.details.as_ref().is_some_and(|d| d.prompt.is_some());
    let keys: Vec<(&str, &str)> = if app.help {
        vec![("Esc", "close help")]
    } else if app.form.is_some() {
        vec![("Enter", "save"), ("Tab", "next field"), ("Esc", "cancel")]
    } else if prompting {
        vec![("Enter", "confirm"), ("Esc", "cancel")]
    } else if let Some(details) = &app.details {
        let mut keys: Vec<(&str, &str)> =
            DETAILS.iter().map(|&(a, what)| (label(a), what)).collect();
        if matches!(details.token, TokenView::Hotp(_)) {
            keys.insert(0, (label(Action::NextCode), "next code"));
        }
        keys
    } else if app.filter_editing {
        FILTER.to_vec()
    } else {
        LIST.iter().map(|&(a, what)| (label(a), what)).collect()
    };
    // Keys go in while they fit; `?` always ends the line, since help lists everything.
    let help = (label(Action::Help), "help");
    let room = usize::from(area.width).saturating_sub(item_width(help) + 1);
    let mut used = 0;
    let mut shown: Vec<(&str, &str)> = Vec::new();
    for item in keys.into_iter().filter(|&item| item != help) {
        used += item_width(item);
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

fn item_width((key, what): (&str, &str)) -> usize {
    key.width() + what.width() + 4
}
