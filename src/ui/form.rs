//! The enrolment forms, drawn over the list or the pop-up: "Set TOTP secret", "Add
//! credential" and the confirmation to remove a secret. The secret shows only as dots.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::text::{fit, fit_words};
use super::theme;
use crate::app::form::{Field, Form, FormKind};
use crate::t;

/// The narrowest label column; a language with longer labels widens it.
const LABEL: usize = 12;
const DOTS_SHOWN: usize = 32;

pub fn render(form: &Form, frame: &mut Frame, screen: Rect) {
    let fields = form.fields();
    // A blank line, the fields, a blank line, the verdict and the keys; removing explains first.
    let explained = u16::from(matches!(form.kind, FormKind::RemoveTotp { .. }));
    let height = (fields.len() as u16 + 6 + explained).min(screen.height);
    let width = 72.min(screen.width);
    let area = Rect::new(
        screen.x + (screen.width - width) / 2,
        screen.y + (screen.height - height) / 2,
        width,
        height,
    );
    let title = match &form.kind {
        FormKind::SetTotp { name, .. } => format!(" {} · {name} ", t!("tui-form-set-totp")),
        FormKind::Add => format!(" {} ", t!("tui-form-add")),
        FormKind::RemoveTotp { name, .. } => format!(" {} · {name} ", t!("tui-form-remove-totp")),
    };
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme::border())
        .title(Span::styled(title, theme::section()));
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let room = usize::from(inner.width);
    let mut lines = vec![Line::default()];
    if let FormKind::RemoveTotp { .. } = form.kind {
        let text = format!(" {}", t!("tui-form-remove-explained"));
        lines.push(Line::raw(fit_words(&text, room)));
    }
    let shown: Vec<(String, String)> = fields.iter().map(|&field| shown(form, field)).collect();
    let label_width = shown
        .iter()
        .map(|(label, _)| label.width() + 2)
        .fold(LABEL, usize::max);
    for (row, (field, (label, value))) in fields.iter().zip(shown).enumerate() {
        let focused = form.focus == *field;
        let label_style = if focused {
            theme::key()
        } else {
            theme::label()
        };
        let prefix = format!(" {}", fit(&label, label_width));
        if focused && !form.saving {
            let cursor = cursor_x(form, *field, &value);
            let x = inner.x + (prefix.width() + cursor) as u16;
            let y = inner.y + 1 + row as u16;
            frame.set_cursor_position(Position::new(x.min(inner.right().saturating_sub(1)), y));
        }
        lines.push(Line::from(vec![
            Span::styled(prefix, label_style),
            Span::raw(fit(&value, room.saturating_sub(label_width + 1))),
        ]));
    }
    lines.push(Line::default());
    lines.push(verdict(form, room));
    lines.push(Line::styled(hint(form, room), theme::dim()));
    frame.render_widget(Paragraph::new(lines), inner);
}

fn cursor_x(form: &Form, field: Field, value: &str) -> usize {
    match field {
        Field::Username => form.username.visual_cursor(),
        Field::Hostname => form.hostname.visual_cursor(),
        Field::Period if !form.from_uri() => form.period.visual_cursor(),
        _ => value.width(),
    }
}

/// A field's label and value as shown; the secret as one dot a character.
fn shown(form: &Form, field: Field) -> (String, String) {
    let settings_from_uri = form.from_uri();
    let setting = |text: String| {
        if settings_from_uri {
            format!("{text}  ({})", t!("tui-form-from-uri"))
        } else {
            format!("‹ {text} ›")
        }
    };
    match field {
        Field::Username => (t!("tui-form-username"), form.username.value().to_owned()),
        Field::Hostname => (t!("tui-form-hostname"), form.hostname.value().to_owned()),
        Field::Secret => {
            let count = form.secret.chars();
            let mut dots = "•".repeat(count.min(DOTS_SHOWN));
            if count > DOTS_SHOWN {
                dots.push_str(&format!(" ({})", t!("tui-form-characters", count = count)));
            }
            if settings_from_uri {
                dots = t!("tui-form-secret-uri", count = count);
            }
            (t!("tui-form-secret"), dots)
        }
        Field::Algorithm => (
            t!("tui-form-algorithm"),
            setting(form.algorithm.to_string()),
        ),
        Field::Digits => (t!("tui-form-digits"), setting(form.digits.to_string())),
        Field::Period => {
            let value = form.period.value();
            let text = if settings_from_uri {
                setting(format!("{value} s"))
            } else {
                format!("{value} s")
            };
            (t!("tui-form-period"), text)
        }
    }
}

fn verdict(form: &Form, room: usize) -> Line<'static> {
    if form.saving {
        return Line::styled(format!(" {}", t!("tui-form-saving")), theme::info());
    }
    if let Some(error) = &form.error {
        return Line::styled(fit_words(&format!(" ✗ {error}"), room), theme::error());
    }
    if let FormKind::RemoveTotp { .. } = form.kind {
        let question = format!(" {}", t!("tui-form-remove-question"));
        return Line::styled(fit_words(&question, room), theme::warning());
    }
    let check = form.check();
    match (check.problem, check.warning) {
        (Some(problem), _) => {
            Line::styled(fit_words(&format!(" {problem}"), room), theme::warning())
        }
        (None, Some(warning)) => {
            Line::styled(fit_words(&format!(" ✓ {warning}"), room), theme::warning())
        }
        (None, None) => Line::styled(format!(" ✓ {}", t!("tui-form-ready")), theme::info()),
    }
}

/// The keys of the form, as many as fit in `room`: the last one (how to leave) always shows.
fn hint(form: &Form, room: usize) -> String {
    let ids: &[&str] = match form.kind {
        FormKind::RemoveTotp { .. } => &["tui-form-key-remove", "tui-form-key-keep"],
        _ => &[
            "tui-form-key-save",
            "tui-form-key-next",
            "tui-form-key-change",
            "tui-form-key-paste",
            "tui-form-key-cancel",
        ],
    };
    let items: Vec<String> = ids.iter().map(|id| crate::i18n::text(id, &[])).collect();
    let Some((last, rest)) = items.split_last() else {
        return String::new();
    };
    let mut line = String::from(" ");
    for item in rest {
        if (line.width() + item.width() + 3 + last.width()) <= room {
            line.push_str(item);
            line.push_str("   ");
        }
    }
    line.push_str(last);
    fit_words(&line, room)
}
