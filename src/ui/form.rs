//! The enrolment forms, drawn over the list or the pop-up: "Set TOTP secret", "Add
//! credential" and the confirmation to remove a secret. The secret shows only as dots.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::{text::fit, theme};
use crate::app::form::{Field, Form, FormKind};

const LABEL: usize = 12;
const DOTS_SHOWN: usize = 32;

pub fn render(form: &Form, frame: &mut Frame, screen: Rect) {
    let fields = form.fields();
    let height = (fields.len() as u16 + 6).min(screen.height);
    let width = 72.min(screen.width);
    let area = Rect::new(
        screen.x + (screen.width - width) / 2,
        screen.y + (screen.height - height) / 2,
        width,
        height,
    );
    let title = match &form.kind {
        FormKind::SetTotp { name, .. } => format!(" Set TOTP secret · {name} "),
        FormKind::Add => " Add credential ".to_owned(),
        FormKind::RemoveTotp { name, .. } => format!(" Remove TOTP secret · {name} "),
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
        lines.push(Line::raw(fit(
            " The secret is deleted from the vault; its codes stop here.",
            room,
        )));
    }
    for (row, field) in fields.iter().enumerate() {
        let (label, value) = shown(form, *field);
        let focused = form.focus == *field;
        let label_style = if focused {
            theme::key()
        } else {
            theme::label()
        };
        let prefix = format!(" {label:<LABEL$}");
        if focused && !form.saving {
            let cursor = cursor_x(form, *field, &value);
            let x = inner.x + (prefix.width() + cursor) as u16;
            let y = inner.y + 1 + row as u16;
            frame.set_cursor_position(Position::new(x.min(inner.right().saturating_sub(1)), y));
        }
        lines.push(Line::from(vec![
            Span::styled(prefix, label_style),
            Span::raw(fit(&value, room.saturating_sub(LABEL + 1))),
        ]));
    }
    lines.push(Line::default());
    lines.push(verdict(form, room));
    lines.push(Line::styled(fit(&hint(form), room), theme::dim()));
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
fn shown(form: &Form, field: Field) -> (&'static str, String) {
    let settings_from_uri = form.from_uri();
    let setting = |text: String| {
        if settings_from_uri {
            format!("{text}  (from the Key URI)")
        } else {
            format!("‹ {text} ›")
        }
    };
    match field {
        Field::Username => ("Username", form.username.value().to_owned()),
        Field::Hostname => ("Hostname", form.hostname.value().to_owned()),
        Field::Secret => {
            let count = form.secret.chars();
            let mut dots = "•".repeat(count.min(DOTS_SHOWN));
            if count > DOTS_SHOWN {
                dots.push_str(&format!(" ({count} characters)"));
            }
            if settings_from_uri {
                dots = format!("otpauth:// Key URI, {count} characters");
            }
            ("Secret key", dots)
        }
        Field::Algorithm => ("Algorithm", setting(form.algorithm.to_string())),
        Field::Digits => ("Digits", setting(form.digits.to_string())),
        Field::Period => {
            let value = form.period.value();
            let text = if settings_from_uri {
                setting(format!("{value} s"))
            } else {
                format!("{value} s")
            };
            ("Period", text)
        }
    }
}

fn verdict(form: &Form, room: usize) -> Line<'static> {
    if form.saving {
        return Line::styled(" saving…", theme::info());
    }
    if let Some(error) = &form.error {
        return Line::styled(fit(&format!(" ✗ {error}"), room), theme::error());
    }
    if let FormKind::RemoveTotp { .. } = form.kind {
        return Line::styled(" Remove it? y / n", theme::warning());
    }
    let check = form.check();
    match (check.problem, check.warning) {
        (Some(problem), _) => Line::styled(fit(&format!(" {problem}"), room), theme::warning()),
        (None, Some(warning)) => {
            Line::styled(fit(&format!(" ✓ {warning}"), room), theme::warning())
        }
        (None, None) => Line::styled(" ✓ ready to save", theme::info()),
    }
}

fn hint(form: &Form) -> String {
    match form.kind {
        FormKind::RemoveTotp { .. } => " y or Enter remove   n or Esc keep it".to_owned(),
        _ => {
            " Enter save   Tab next   ←→ change   paste a secret or Key URI   Esc cancel".to_owned()
        }
    }
}
