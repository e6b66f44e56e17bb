//! The QR code over everything: the credential's Key URI for an authenticator app to scan.
//! It takes the whole screen, with one line of words above it, so it fits 80×24.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::theme;
use crate::enrol;
use crate::otp::Timestamp;
use crate::t;
use crate::vault::Credential;

pub fn render(
    credential: &Credential,
    until: Timestamp,
    now: Timestamp,
    frame: &mut Frame,
    area: Rect,
) {
    frame.render_widget(Clear, area);
    let Some(uri) = enrol::key_uri(credential) else {
        return;
    };
    let code = match enrol::qr_lines(&uri.to_uri()) {
        Ok(code) => code,
        Err(error) => {
            let error = error.to_string();
            message(frame, area, t!("tui-qr-failed", error = error));
            return;
        }
    };
    let seconds = until
        .as_millis()
        .saturating_sub(now.as_millis())
        .div_ceil(1000);
    let label = format!("{}:{}", uri.issuer.as_deref().unwrap_or(""), uri.account);
    let title = format!(" {} ", t!("tui-qr-title", label = label, seconds = seconds));
    let warning = enrol::non_default_warning(&uri.params);
    let words = 1 + u16::from(warning.is_some());
    let (width, height) = (
        code.first().map_or(0, |l| l.width()) as u16,
        code.len() as u16,
    );
    if area.width < width || area.height < height + 1 {
        message(
            frame,
            area,
            t!(
                "tui-qr-too-small",
                need_width = width,
                need_height = height + words,
                width = area.width,
                height = area.height,
                id = credential.id.to_string(),
            ),
        );
        return;
    }
    // The warning goes only where it leaves the code whole.
    let warning = warning.filter(|_| area.height >= height + words);
    let [top, rest] = Layout::vertical([
        Constraint::Length(words.min(1 + u16::from(warning.is_some()))),
        Constraint::Fill(1),
    ])
    .areas(area);
    let mut lines = vec![Line::styled(title, theme::section()).centered()];
    if let Some(warning) = warning {
        lines.push(Line::styled(warning, theme::warning()).centered());
    }
    frame.render_widget(Paragraph::new(lines), top);
    // The drawing's blocks are the light modules: white on black, whatever the terminal's theme.
    let paper = theme::qr_paper();
    let qr = rest.centered(Constraint::Length(width), Constraint::Length(height));
    let lines: Vec<Line> = code.into_iter().map(|l| Line::styled(l, paper)).collect();
    frame.render_widget(Paragraph::new(lines), qr);
}

fn message(frame: &mut Frame, area: Rect, text: String) {
    frame.render_widget(
        Paragraph::new(Line::styled(text, theme::warning()))
            .wrap(Wrap { trim: true })
            .centered(),
        area.centered_vertically(Constraint::Length(3.min(area.height))),
    );
}
