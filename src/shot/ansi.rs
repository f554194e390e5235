//! `.ansi` screenshots: the text of `.txt` with SGR sequences, viewable with `cat`.
//!
//! Rule: whenever the style changes, the full style is written afresh (`ESC[0;…m`), so each
//! sequence stands alone and the output does not depend on what a previous cell left behind. A
//! row that ends styled ends with `ESC[0m` before its newline, so colour never bleeds into the
//! next line or the shell prompt.

use super::grid;
use crate::render::ansi::color;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use std::fmt::Write as _;

/// The SGR parameters for the style of one cell; empty for the terminal's default style.
fn sgr(fg: Color, bg: Color, modifier: Modifier) -> String {
    let mut params: Vec<String> = Vec::new();
    for (flag, code) in [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::SLOW_BLINK, "5"),
        (Modifier::RAPID_BLINK, "6"),
        (Modifier::REVERSED, "7"),
        (Modifier::HIDDEN, "8"),
        (Modifier::CROSSED_OUT, "9"),
    ] {
        if modifier.contains(flag) {
            params.push(code.to_owned());
        }
    }
    params.extend(color(fg, false));
    params.extend(color(bg, true));
    params.join(";")
}

/// The buffer as text with SGR styling: one line per row, styled rows reset at their end.
pub fn to_ansi(buffer: &Buffer) -> String {
    let mut out = String::new();
    for row in grid::rows(buffer) {
        let mut current = String::new();
        for glyph in row {
            let cell = glyph.cell;
            let wanted = sgr(cell.fg, cell.bg, cell.modifier);
            if wanted != current {
                if wanted.is_empty() {
                    out.push_str("\x1b[0m");
                } else {
                    let _ = write!(out, "\x1b[0;{wanted}m");
                }
                current = wanted;
            }
            out.push_str(glyph.symbol);
        }
        if !current.is_empty() {
            out.push_str("\x1b[0m");
        }
        out.push('\n');
    }
    out
}
