//! The Details pop-up: the Token OTP bar over General, Device and Access.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};

use unicode_width::UnicodeWidthStr;

use super::{text::fit, theme, token_bar};
use crate::app::state::Details;
use crate::app::{App, layout};
use crate::format;
use crate::t;
use crate::vault::{Credential, Stamp};

/// The narrowest label column; a language with longer labels widens it.
const LABEL_WIDTH: usize = 14;
const MASK: &str = "••••••••";

const SECTIONS_HEIGHT: u16 = 11;

/// Rows inside the border: the bar, a gap, the sections, and the notes as wrapped to `width`.
pub fn content_height(credential: &Credential, width: u16) -> u16 {
    let notes = credential.notes.as_deref().map_or(0, |text| {
        let room = usize::from(width.saturating_sub(4).max(1));
        2 + u16::try_from(text.width().div_ceil(room)).unwrap_or(u16::MAX)
    });
    token_bar::HEIGHT + 1 + SECTIONS_HEIGHT + notes
}

pub fn render(app: &App, details: &Details, frame: &mut Frame, screen: Rect) {
    let Some(credential) = app.vault.credentials.get(details.credential) else {
        return;
    };
    let width = layout::details(screen, 0).width;
    let area = layout::details(screen, content_height(credential, width));
    let title = format!(
        " {} · {} · #{} ",
        t!("tui-details-title"),
        credential.qualified_name(),
        credential.id
    );
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme::border())
        .title(Span::styled(title, theme::section()));
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);

    let [bar, _, sections, notes] = Layout::vertical([
        Constraint::Length(token_bar::HEIGHT),
        Constraint::Length(1),
        Constraint::Length(SECTIONS_HEIGHT),
        Constraint::Fill(1),
    ])
    .areas(inner);
    let preview = app.settings.next_code_preview_millis;
    let writable = crate::app::write::read_only_reason(app).is_none();
    token_bar::render(&details.token, app.now, preview, writable, frame, bar);

    let [left, right] = Layout::horizontal([
        Constraint::Length((sections.width / 2).max(33)),
        Constraint::Fill(1),
    ])
    .areas(sections);
    let labels = Labels::new();
    let shown_for = details.password_until.map(|until| {
        until
            .as_millis()
            .saturating_sub(app.now.as_millis())
            .div_ceil(1000)
    });
    frame.render_widget(
        Paragraph::new(general(
            &labels,
            credential,
            shown_for,
            app.settings.time_zone.as_ref(),
            usize::from(left.width),
        )),
        left,
    );
    frame.render_widget(
        Paragraph::new(device_and_access(
            &labels,
            credential,
            usize::from(right.width),
        )),
        right,
    );

    if let Some(text) = &credential.notes {
        let lines = vec![
            Line::default(),
            Line::styled(format!(" {}", t!("tui-details-notes")), theme::section()),
            Line::raw(format!(" {text}")),
        ];
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), notes);
    }
}

/// The field labels in the current language, and the column they take.
struct Labels {
    width: usize,
}

/// Every label of the pop-up, by catalogue id.
const LABELS: [&str; 16] = [
    "tui-details-username",
    "tui-details-type",
    "tui-details-domain",
    "tui-details-password",
    "tui-details-additional",
    "tui-details-tags",
    "tui-details-expiration",
    "tui-details-created",
    "tui-details-last-view",
    "tui-details-hostname",
    "tui-details-ip",
    "tui-details-vendor",
    "tui-details-site",
    "tui-details-view-password",
    "tui-details-start-session",
    "tui-details-needs-reason",
];

impl Labels {
    fn new() -> Self {
        let widest = LABELS
            .iter()
            .map(|id| crate::i18n::text(id, &[]).width())
            .max()
            .unwrap_or(0);
        // At least one space between the longest label and its value.
        Self {
            width: LABEL_WIDTH.max(widest + 1),
        }
    }

    fn field(&self, id: &str, value: &str, width: usize) -> Line<'static> {
        let label = crate::i18n::text(id, &[]);
        let value_width = width.saturating_sub(self.width + 1);
        Line::from(vec![
            Span::styled(format!(" {}", fit(&label, self.width)), theme::label()),
            Span::raw(fit(value, value_width).trim_end().to_owned()),
        ])
    }
}

fn section(title: String) -> Line<'static> {
    Line::styled(format!(" {title}"), theme::section())
}

/// `shown_for`: seconds left before a revealed password is masked again.
fn general(
    labels: &Labels,
    c: &Credential,
    shown_for: Option<u64>,
    zone: Option<&jiff::tz::TimeZone>,
    width: usize,
) -> Vec<Line<'static>> {
    let password = match (&c.password, c.access.can_see_password(), shown_for) {
        (None, _, _) => t!("tui-details-password-none"),
        (Some(password), true, Some(seconds)) => format!("{}  ({seconds} s)", password.expose()),
        (Some(_), true, None) => MASK.to_owned(),
        (Some(_), false, _) => t!("tui-details-password-hidden"),
    };
    let field = |id: &str, value: &str| labels.field(id, value, width);
    vec![
        section(t!("tui-details-general")),
        field("tui-details-username", &c.username),
        field("tui-details-type", format::text(&c.kind)),
        field("tui-details-domain", format::text(&c.domain)),
        field("tui-details-password", &password),
        field("tui-details-additional", format::text(&c.additional)),
        field("tui-details-tags", &format::tags(c)),
        field(
            "tui-details-expiration",
            &format::date_in(c.expiration.map(Stamp::get), zone),
        ),
        field(
            "tui-details-created",
            &format::date_in(c.created.map(Stamp::get), zone),
        ),
        field(
            "tui-details-last-view",
            &format::date_in(c.last_view.map(Stamp::get), zone),
        ),
    ]
}

/// The address a session connects to: the ip, and the SSH port when the vault sets one.
fn ip_and_port(d: &crate::vault::Device) -> String {
    match d.port {
        Some(port) => t!("tui-details-ip-port", ip = format::text(&d.ip), port = port)
            .trim()
            .to_owned(),
        None => format::text(&d.ip).to_owned(),
    }
}

fn device_and_access(labels: &Labels, c: &Credential, width: usize) -> Vec<Line<'static>> {
    let d = &c.device;
    let yes_no = |v: bool| {
        if v {
            t!("tui-details-yes")
        } else {
            t!("tui-details-no")
        }
    };
    let field = |id: &str, value: &str| labels.field(id, value, width);
    vec![
        section(t!("tui-details-device")),
        field("tui-details-hostname", format::text(&d.hostname)),
        field("tui-details-ip", &ip_and_port(d)),
        field("tui-details-type", format::text(&d.kind)),
        field("tui-details-vendor", format::text(&d.vendor)),
        field("tui-details-site", format::text(&d.site)),
        Line::default(),
        section(t!("tui-details-access")),
        field("tui-details-view-password", &yes_no(c.access.view_password)),
        field("tui-details-start-session", &yes_no(c.access.start_session)),
        field("tui-details-needs-reason", &yes_no(c.access.require_reason)),
    ]
}
