//! The Token OTP bar: the code, a gauge draining over the step, and the seconds left.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, LineGauge, Paragraph};

use super::text::fit_words;
use super::theme;
use crate::app::state::{HotpToken, Token, TokenView, WARN_MILLIS};
use crate::otp::Timestamp;
use crate::t;
use unicode_width::UnicodeWidthStr;

/// Rows the bar takes, borders included.
pub const HEIGHT: u16 = 4;

/// `preview_millis`: the next code shows in this last stretch of the step. `writable`: the
/// vault takes a secret from the `t` form, which a credential without one is pointed to.
pub fn render(
    view: &TokenView,
    now: Timestamp,
    preview_millis: u64,
    writable: bool,
    frame: &mut Frame,
    area: Rect,
) {
    let title = format!(" {} ", t!("tui-token-title"));
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme::border())
        .title(Span::styled(title, theme::section()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [first, second] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(inner);
    match view {
        TokenView::Code(token) => code(token, now, preview_millis, frame, first, second),
        TokenView::Hotp(hotp) => hotp_bar(hotp, frame, first, second),
        TokenView::NoTotp => sentences(
            frame,
            [first, second],
            &t!("tui-token-no-totp"),
            &if writable {
                t!("tui-token-no-totp-set")
            } else {
                t!("tui-token-no-totp-read-only")
            },
        ),
        TokenView::NoPermission => sentences(
            frame,
            [first, second],
            &t!("tui-token-no-permission"),
            &t!("tui-token-no-permission-why"),
        ),
    }
}

/// "HOTP · counter N" instead of a countdown: the code stays hidden until `n`.
fn hotp_bar(hotp: &HotpToken, frame: &mut Frame, first: Rect, second: Rect) {
    let (code, style) = match hotp.shown {
        Some((_, code)) => (code.grouped(), theme::code()),
        None => {
            let hidden = "•".repeat(usize::from(hotp.digits));
            let split = usize::from(hotp.digits) / 2;
            let (head, tail): (String, String) = (
                hidden.chars().take(split).collect(),
                hidden.chars().skip(split).collect(),
            );
            (format!("{head} {tail}"), theme::dim())
        }
    };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!(" {code}"), style),
            Span::styled(
                format!(
                    "   {}",
                    t!("tui-token-hotp-counter", counter = hotp.counter.to_string())
                ),
                theme::section(),
            ),
        ])),
        first,
    );
    let (text, style): (String, Style) = if hotp.advancing {
        (t!("tui-token-hotp-saving"), theme::dim())
    } else if let Some(bits) = hotp.short_secret_bits {
        (t!("tui-token-short-secret", bits = bits), theme::warning())
    } else if let Some((used, _)) = hotp.shown {
        let used = used.to_string();
        (t!("tui-token-hotp-shown", counter = used), theme::dim())
    } else {
        (t!("tui-token-hotp-press-n"), theme::dim())
    };
    let text = fit_words(&format!(" {text}"), usize::from(second.width));
    frame.render_widget(Paragraph::new(Line::styled(text, style)), second);
}

fn sentences(frame: &mut Frame, [first, second]: [Rect; 2], main: &str, detail: &str) {
    let main = fit_words(&format!(" {main}"), usize::from(first.width));
    let detail = fit_words(&format!(" {detail}"), usize::from(second.width));
    frame.render_widget(Paragraph::new(Line::styled(main, theme::warning())), first);
    frame.render_widget(Paragraph::new(Line::styled(detail, theme::dim())), second);
}

fn code(
    token: &Token,
    now: Timestamp,
    preview_millis: u64,
    frame: &mut Frame,
    first: Rect,
    second: Rect,
) {
    let left = token.millis_left(now);
    let period = token.totp.period_secs() * 1000;
    let expired = left == 0;
    let warning = left <= WARN_MILLIS;
    let style = if expired {
        theme::expired()
    } else if warning {
        theme::code_warning()
    } else {
        theme::code()
    };
    let grouped = token.code.grouped();
    let seconds = format!("{:>3} s", token.seconds_left(now));
    let next_word = t!("tui-token-next");
    let next = if left <= preview_millis && !expired {
        format!("{next_word} {}", token.next.grouped())
    } else {
        String::new()
    };
    // The slot for the next code is always there, so the gauge does not jump when it shows.
    let next_width = (next_word.width() + 1) as u16 + token.code.digits() as u16 + 1 + 3;
    let [code_area, gauge_area, seconds_area, next_area] = Layout::horizontal([
        Constraint::Length(grouped.len() as u16 + 3),
        Constraint::Fill(1),
        Constraint::Length(seconds.len() as u16 + 1),
        Constraint::Length(next_width),
    ])
    .areas(first);
    frame.render_widget(
        Paragraph::new(Line::styled(format!(" {grouped}"), style)),
        code_area,
    );
    let ratio = if period == 0 {
        0.0
    } else {
        left as f64 / period as f64
    };
    let gauge = LineGauge::default()
        .ratio(ratio.clamp(0.0, 1.0))
        .label("")
        .filled_symbol(symbols::line::THICK_HORIZONTAL)
        .unfilled_symbol(symbols::line::HORIZONTAL)
        .filled_style(style.remove_modifier(ratatui::style::Modifier::BOLD))
        .unfilled_style(theme::dim());
    frame.render_widget(gauge, gauge_area);
    frame.render_widget(Paragraph::new(Line::styled(seconds, style)), seconds_area);
    frame.render_widget(
        Paragraph::new(Line::styled(format!("  {next}"), theme::dim())),
        next_area,
    );

    let (text, style): (String, Style) = if expired {
        (t!("tui-token-expired"), theme::expired())
    } else if let Some(bits) = token.short_secret_bits {
        (t!("tui-token-short-secret", bits = bits), theme::warning())
    } else {
        let params = token.totp.params();
        let text = if params.is_steam() {
            t!("tui-token-steam", period = params.period)
        } else {
            t!(
                "tui-token-params",
                algorithm = params.algorithm.to_string(),
                digits = params.digits,
                period = params.period,
            )
        };
        (text, theme::dim())
    };
    let text = fit_words(&format!(" {text}"), usize::from(second.width));
    frame.render_widget(Paragraph::new(Line::styled(text, style)), second);
}
