//! Credentials > All: the title bar, the grouped table, the status line and the footer.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};
use unicode_width::UnicodeWidthStr;

use super::text::{fit, fit_words};
use super::{footer, status, theme};
use crate::app::App;
use crate::app::layout::Screen;
use crate::app::rows::{FieldWidths, Row};
use crate::format;
use crate::t;
use crate::vault::{Credential, Stamp};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Id,
    Type,
    Username,
    Additional,
    Domain,
    Tags,
    LastView,
    Totp,
}

impl Column {
    const ALL: [Column; 8] = [
        Column::Id,
        Column::Type,
        Column::Username,
        Column::Additional,
        Column::Domain,
        Column::Tags,
        Column::LastView,
        Column::Totp,
    ];
    /// Spare width goes to these, in this order, up to what their values need.
    const GROW_ORDER: [Column; 5] = [
        Column::Username,
        Column::Type,
        Column::Additional,
        Column::Domain,
        Column::Tags,
    ];
    /// Narrow terminals lose these first.
    const DROP_ORDER: [Column; 5] = [
        Column::Tags,
        Column::Domain,
        Column::Additional,
        Column::LastView,
        Column::Type,
    ];

    fn title(self) -> String {
        match self {
            Column::Id => t!("tui-column-id"),
            Column::Type => t!("tui-column-type"),
            Column::Username => t!("tui-column-username"),
            Column::Additional => t!("tui-column-additional"),
            Column::Domain => t!("tui-column-domain"),
            Column::Tags => t!("tui-column-tags"),
            Column::LastView => t!("tui-column-last-view"),
            Column::Totp => t!("tui-column-totp"),
        }
    }

    /// Room for the values, and never less than the title in the current language.
    fn min_width(self) -> usize {
        self.value_min_width().max(self.title().width())
    }

    fn value_min_width(self) -> usize {
        match self {
            Column::Id => 6,
            Column::Type => 16,
            Column::Username => 14,
            Column::Additional => 14,
            Column::Domain => 10,
            Column::Tags => 12,
            Column::LastView => 16,
            Column::Totp => 4,
        }
    }

    /// How wide the column would like to be, given the widest value in the vault.
    fn ideal_width(self, widths: &FieldWidths) -> usize {
        let content = match self {
            Column::Type => widths.kind,
            Column::Username => widths.username,
            Column::Additional => widths.additional,
            Column::Domain => widths.domain,
            Column::Tags => widths.tags,
            Column::Id | Column::LastView | Column::Totp => 0,
        };
        content.max(self.min_width())
    }

    fn cell(self, credential: &Credential, zone: Option<&jiff::tz::TimeZone>) -> String {
        match self {
            Column::Id => credential.id.to_string(),
            Column::Type => format::text(&credential.kind).to_owned(),
            Column::Username => credential.username.to_string(),
            Column::Additional => format::text(&credential.additional).to_owned(),
            Column::Domain => format::text(&credential.domain).to_owned(),
            Column::Tags => format::tags(credential),
            Column::LastView => format::date_in(credential.last_view.map(Stamp::get), zone),
            Column::Totp => if credential.totp.is_some() || credential.hotp.is_some() {
                " ✓"
            } else {
                ""
            }
            .to_owned(),
        }
    }
}

const GAP: usize = 1;
/// Rows are indented under their device header.
const INDENT: usize = 2;

/// Which columns fit in `width`, and how wide each is.
fn plan(width: usize, widths: &FieldWidths) -> Vec<(Column, usize)> {
    let mut columns: Vec<Column> = Column::ALL.to_vec();
    // Titles are words of the catalogue: said once a frame, not once a question.
    let mins: Vec<(Column, usize)> = Column::ALL.iter().map(|&c| (c, c.min_width())).collect();
    let min = |column: Column| {
        mins.iter()
            .find(|(c, _)| *c == column)
            .map_or(0, |(_, width)| *width)
    };
    let needed = |cols: &[Column]| INDENT + cols.iter().map(|&c| min(c) + GAP).sum::<usize>();
    for drop in Column::DROP_ORDER {
        if needed(&columns) <= width {
            break;
        }
        columns.retain(|&c| c != drop);
    }
    let mut planned: Vec<(Column, usize)> = columns.iter().map(|&c| (c, min(c))).collect();
    let mut spare = width.saturating_sub(needed(&columns));
    for grower in Column::GROW_ORDER {
        if let Some((column, width)) = planned.iter_mut().find(|(c, _)| *c == grower) {
            let extra = column.ideal_width(widths).saturating_sub(*width).min(spare);
            *width += extra;
            spare -= extra;
        }
    }
    planned
}

fn line_of_cells(plan: &[(Column, usize)], cell: impl Fn(Column) -> String) -> String {
    let mut line = " ".repeat(INDENT);
    for &(column, width) in plan {
        line.push_str(&fit(&cell(column), width));
        line.push_str(&" ".repeat(GAP));
    }
    line
}

pub fn render(app: &App, frame: &mut Frame, screen: &Screen) {
    title_bar(app, frame, screen.title);
    let plan = plan(usize::from(screen.body.width), &app.field_widths);
    let header = line_of_cells(&plan, Column::title);
    frame.render_widget(
        Paragraph::new(Line::styled(header, theme::column_header())),
        screen.table_header,
    );
    body(app, frame, screen.body, &plan);
    status::render(app, frame, screen.status);
    footer::render(app, frame, screen.footer);
}

fn title_bar(app: &App, frame: &mut Frame, area: Rect) {
    let total = app.vault.credentials.len();
    // Said while a large vault is still being read, or a query over it still searched.
    let busy = if app.loading {
        format!("{} ", t!("tui-list-reading"))
    } else if app.filter.is_searching() {
        format!("{} ", t!("tui-list-searching"))
    } else {
        String::new()
    };
    let count = if app.filter.is_active() {
        let shown = app.rows.item_count();
        let count = t!("tui-list-count-filtered", shown = shown, total = total);
        format!("{busy}{count} ")
    } else {
        format!("{busy}{} ", t!("tui-list-count", total = total))
    };
    let mut left = vec![
        Span::styled(" credview ", theme::title()),
        Span::styled(format!("· {} · ", t!("tui-list-place")), theme::title_dim()),
    ];
    let width = usize::from(area.width);
    let fixed: usize = left.iter().map(Span::width).sum();
    // The corrected time is what every code on screen is for: said before the count, in
    // full where there is room, shortened where there is less, and never over the count.
    let count = app
        .clock
        .titles()
        .into_iter()
        .flatten()
        .map(|corrected| format!("{corrected} · {count}"))
        .find(|both| fixed + both.width() <= width)
        .unwrap_or(count);
    // A long path gives way to the count, which matters more.
    let room = width.saturating_sub(fixed + count.width() + 1);
    // The demo vault's name is a word of the interface; a path is the user's own.
    let vault_name = if app.is_demo() {
        t!("tui-list-demo-vault")
    } else {
        app.vault_name.clone()
    };
    let name = fit(&vault_name, room.min(vault_name.width()));
    left.push(Span::styled(name, theme::title_dim()));
    let used: usize = left.iter().map(Span::width).sum();
    let pad = width.saturating_sub(used + count.width());
    let mut spans = left;
    spans.push(Span::styled(" ".repeat(pad), theme::title_dim()));
    spans.push(Span::styled(count, theme::title()));
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(theme::title_dim()),
        area,
    );
}

fn body(app: &App, frame: &mut Frame, area: Rect, plan: &[(Column, usize)]) {
    if app.rows.rows.is_empty() {
        let message = if app.filter.is_active() {
            t!("tui-list-no-match", query = &app.filter.query)
        } else {
            t!("tui-list-empty")
        };
        let message = fit_words(&format!("  {message}"), usize::from(area.width));
        frame.render_widget(Paragraph::new(Line::styled(message, theme::dim())), area);
        return;
    }
    let selected_row = app.rows.row_of_item(app.selected);
    let width = usize::from(area.width);
    let lines: Vec<Line> = app
        .rows
        .rows
        .iter()
        .enumerate()
        .skip(app.offset)
        .take(usize::from(area.height))
        .map(|(index, row)| match *row {
            Row::Header(_) => {
                let header = app
                    .groups
                    .get(row.index())
                    .map_or("", |g| g.header.as_str());
                Line::styled(fit(header, width), theme::device_header())
            }
            Row::Item(_) => {
                let credential = &app.vault.credentials[row.index()];
                let text = fit(
                    &line_of_cells(plan, |c| {
                        c.cell(credential, app.settings.time_zone.as_ref())
                    }),
                    width,
                );
                if Some(index) == selected_row {
                    Line::styled(text, theme::selected())
                } else {
                    Line::raw(text)
                }
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
    let total = app.rows.rows.len();
    if total > usize::from(area.height) {
        // Says there is more, and where in it the view is.
        let mut state = ScrollbarState::new(total.saturating_sub(usize::from(area.height)))
            .position(app.offset);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .track_symbol(Some("│"))
            .thumb_symbol("┃")
            .track_style(theme::dim())
            .thumb_style(theme::border());
        frame.render_stateful_widget(bar, area, &mut state);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_terminals_show_every_column_and_narrow_ones_drop_the_least_useful() {
        let widths = FieldWidths {
            kind: 30,
            username: 30,
            additional: 30,
            domain: 30,
            tags: 30,
        };
        assert_eq!(plan(160, &widths).len(), Column::ALL.len());
        let narrow: Vec<Column> = plan(60, &widths).into_iter().map(|(c, _)| c).collect();
        assert_eq!(
            narrow,
            vec![Column::Id, Column::Type, Column::Username, Column::Totp]
        );
        for width in [50, 80, 120, 200] {
            let used: usize = INDENT
                + plan(width, &widths)
                    .iter()
                    .map(|(_, w)| w + GAP)
                    .sum::<usize>();
            assert!(
                used <= width.max(INDENT + 6 + 14 + 4 + 3 * GAP),
                "{width}: {used}"
            );
        }
        let wide: Vec<usize> = plan(400, &widths).into_iter().map(|(_, w)| w).collect();
        assert_eq!(
            wide,
            vec![6, 30, 30, 30, 30, 30, 16, 4],
            "columns grow only as far as their values"
        );
    }
}
