//! The one walk over a buffer's cells that every screenshot writer shares.
//!
//! Rule: a row is a sequence of [`Glyph`]s whose widths add up to exactly the buffer's width.
//! A cell's symbol is written whole (it may be a grapheme: a base plus combining marks) and takes
//! `unicode-width` cells; the continuation cells it covers are skipped, as a terminal does.
//! Symbols that cannot be shown as they are become a space, so rows never change width:
//! a symbol of width 0 (empty, or a lone mark), one containing a control character, or a wide
//! symbol that does not fit before the row's right edge (then each remaining cell is a space).

use ratatui::buffer::{Buffer, Cell};
use unicode_width::UnicodeWidthStr;

/// One drawn symbol on the grid: what the terminal would paint starting at column `x`.
#[derive(Debug, Clone, Copy)]
pub struct Glyph<'a> {
    /// Column, counted from the buffer's left edge (0-based).
    pub x: u16,
    /// Row, counted from the buffer's top edge (0-based).
    pub y: u16,
    /// Cells this glyph covers (1, or 2 for wide characters).
    pub width: u16,
    /// The text to draw: a whole grapheme, or a single space for a cell shown blank.
    pub symbol: &'a str,
    /// The cell carrying the glyph's style.
    pub cell: &'a Cell,
}

impl Glyph<'_> {
    /// Whether nothing but background is drawn for this glyph.
    pub fn is_blank(&self) -> bool {
        self.symbol.chars().all(|c| c == ' ')
    }
}

/// The glyphs of row `y` (0-based from the buffer's top), left to right.
pub fn row(buffer: &Buffer, y: u16) -> Vec<Glyph<'_>> {
    let area = buffer.area;
    let mut glyphs = Vec::with_capacity(usize::from(area.width));
    let mut x = 0u16;
    while x < area.width {
        let cell = &buffer[(area.x + x, area.y + y)];
        let symbol = cell.symbol();
        let width = u16::try_from(symbol.width()).unwrap_or(u16::MAX);
        let printable = width > 0 && !symbol.chars().any(char::is_control);
        if printable && width <= area.width - x {
            glyphs.push(Glyph {
                x,
                y,
                width,
                symbol,
                cell,
            });
            x += width;
        } else {
            glyphs.push(Glyph {
                x,
                y,
                width: 1,
                symbol: " ",
                cell,
            });
            x += 1;
        }
    }
    glyphs
}

/// All rows of the buffer, top to bottom.
pub fn rows(buffer: &Buffer) -> impl Iterator<Item = Vec<Glyph<'_>>> {
    (0..buffer.area.height).map(move |y| row(buffer, y))
}
