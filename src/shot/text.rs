//! `.txt` screenshots: the cells as plain text.
//!
//! One line per row, each ending in `\n`. Trailing spaces are kept, so every line is exactly as
//! many display cells wide as the buffer (measured with `unicode-width`): a text golden then pins
//! alignment too (a right-aligned RTL line and a left-aligned one differ), and a line compares
//! directly with a terminal emulator's row.

use super::grid;
use ratatui::buffer::Buffer;

/// The buffer as text: one line per row, each exactly the buffer's width in cells.
pub fn to_text(buffer: &Buffer) -> String {
    let mut out = String::new();
    for row in grid::rows(buffer) {
        for glyph in row {
            out.push_str(glyph.symbol);
        }
        out.push('\n');
    }
    out
}
