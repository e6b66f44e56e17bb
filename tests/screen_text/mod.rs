//! The screen of a test terminal as text, the way a terminal shows it.

use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

/// One line per row, trailing spaces trimmed, wide characters' continuation cells skipped.
pub fn text(buffer: &Buffer) -> String {
    let area = buffer.area;
    (area.top()..area.bottom())
        .map(|y| {
            let mut line = String::new();
            let mut skip = 0;
            for x in area.left()..area.right() {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let symbol = buffer[(x, y)].symbol();
                skip = symbol.width().saturating_sub(1);
                line.push_str(symbol);
            }
            line.trim_end().to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}
