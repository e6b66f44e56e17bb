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
use crate::vault::Credential;

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
        " Details · {} · #{} ",
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
    token_bar::render(&details.token, app.now, frame, bar);

    let [left, right] = Layout::horizontal([
        Constraint::Length((sections.width / 2).max(33)),
        Constraint::Fill(1),
    ])
    .areas(sections);
    let shown_for = details.password_until.map(|until| {
        until
            .as_millis()
            .saturating_sub(app.now.as_millis())
            .div_ceil(1000)
    });
    frame.render_widget(
        Paragraph::new(general(credential, shown_for, usize::from(left.width))),
        left,
    );
    frame.render_widget(
        Paragraph::new(device_and_access(credential, usize::from(right.width))),
        right,
    );

    if let Some(text) = &credential.notes {
        let lines = vec![
            Line::default(),
            Line::styled(" Notes", theme::section()),
            Line::raw(format!(" {text}")),
        ];
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), notes);
    }
}

fn field(label: &str, value: &str, width: usize) -> Line<'static> {
    let value_width = width.saturating_sub(LABEL_WIDTH + 1);
    Line::from(vec![
        Span::styled(format!(" {}", fit(label, LABEL_WIDTH)), theme::label()),
        Span::raw(fit(value, value_width).trim_end().to_owned()),
    ])
}

fn section(title: &str) -> Line<'static> {
    Line::styled(format!(" {title}"), theme::section())
}

/// `shown_for`: seconds left before a revealed password is masked again.
fn general(c: &Credential, shown_for: Option<u64>, width: usize) -> Vec<Line<'static>> {
    let password = match (&c.password, c.access.can_see_password(), shown_for) {
        (None, _, _) => "(none stored)".to_owned(),
        (Some(password), true, Some(seconds)) => format!("{}  ({seconds} s)", password.expose()),
        (Some(_), true, None) => MASK.to_owned(),
        (Some(_), false, _) => "hidden: no permission to view".to_owned(),
    };
    vec![
        section("General"),
        field("Username", &c.username, width),
        field("Type", format::text(&c.kind), width),
        field("Domain", format::text(&c.domain), width),
        field("Password", &password, width),
        field("Additional", format::text(&c.additional), width),
        field("Tags", &format::tags(c), width),
        field("Expiration", &format::date(c.expiration), width),
        field("Created", &format::date(c.created), width),
        field("Last view", &format::date(c.last_view), width),
    ]
}

/// The address a session connects to: the ip, and the SSH port when the vault sets one.
fn ip_and_port(d: &crate::vault::Device) -> String {
    match d.port {
        Some(port) => format!("{}  port {port}", format::text(&d.ip))
            .trim()
            .to_owned(),
        None => format::text(&d.ip).to_owned(),
    }
}

fn device_and_access(c: &Credential, width: usize) -> Vec<Line<'static>> {
    let d = &c.device;
    let yes_no = |v: bool| if v { "yes" } else { "no" };
    vec![
        section("Device"),
        field("Hostname", format::text(&d.hostname), width),
        field("IP", &ip_and_port(d), width),
        field("Type", format::text(&d.kind), width),
        field("Vendor", format::text(&d.vendor), width),
        field("Site", format::text(&d.site), width),
        Line::default(),
        section("Access"),
        field("View password", yes_no(c.access.view_password), width),
        field("Start session", yes_no(c.access.start_session), width),
        field("Needs reason", yes_no(c.access.require_reason), width),
    ]
}
