//! The screen of a test terminal as text, the way a terminal shows it.

use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

/// One line per row, trailing spaces trimmed, wide characters' continuation cells skipped.
pub fn text(buffer: &Buffer) -> String {
    let area = buffer.area;
    (area.top()..area.bottom())
        .map(|y| {
            let line: String = row_cells(buffer, y).into_iter().map(|(_, s)| s).collect();
            line.trim_end().to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The symbols of row `y` with, for each, the column it starts at. A wide character's
/// continuation cells are skipped, as a terminal shows them.
#[allow(dead_code)] // Not every test file that shares this module looks at cells.
pub fn row_cells(buffer: &Buffer, y: u16) -> Vec<(u16, &str)> {
    let area = buffer.area;
    let mut cells = Vec::with_capacity(usize::from(area.width));
    let mut skip = 0;
    for x in area.left()..area.right() {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let symbol = buffer[(x, y)].symbol();
        skip = symbol.width().saturating_sub(1);
        cells.push((x, symbol));
    }
    cells
}
