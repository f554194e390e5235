//! `.svg` screenshots: the cell grid as an SVG image no renderer can reshape or reorder.
//!
//! Rule: one `<text>` element per non-blank cell, at the cell's fixed x/y, stretched to the
//! cell's width (`textLength`), with `direction="ltr" unicode-bidi="bidi-override"` so a renderer
//! neither runs the bidi algorithm nor joins letters across cells: the letters are already
//! shaped (presentation forms) and in visual order. Backgrounds that differ from the palette's
//! default are `<rect>`s, merged along a row when neighbours share a colour. Elements are written
//! in row-major order with integer coordinates, so output is byte-for-byte deterministic.

use super::grid;
use super::palette::{Palette, Rgb, hex};
use super::{CELL_HEIGHT, CELL_WIDTH};
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use std::fmt::Write as _;

/// Font size in SVG user units: DejaVu Sans Mono's ascent+descent then fills the cell height.
const FONT_SIZE: &str = "15.46";
/// Baseline offset from the top of a cell (DejaVu Sans Mono's ascent at [`FONT_SIZE`]).
const BASELINE: u32 = 14;
/// The PNG writer's fonts in its order of preference; the viewer supplies them (none are embedded).
const FONT_FAMILY: &str = "'DejaVu Sans Mono', 'Noto Sans Hebrew', 'Noto Sans Arabic', monospace";

/// The buffer as a standalone SVG document.
pub fn to_svg(buffer: &Buffer, palette: &Palette) -> String {
    let cols = u32::from(buffer.area.width);
    let rows = u32::from(buffer.area.height);
    let (width, height) = (cols * CELL_WIDTH, rows * CELL_HEIGHT);
    let mut out = String::new();
    let _ = writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="{FONT_FAMILY}" font-size="{FONT_SIZE}">"#
    );
    let _ = writeln!(
        out,
        r#"<rect x="0" y="0" width="{width}" height="{height}" fill="{}"/>"#,
        hex(palette.background)
    );
    let grid: Vec<_> = grid::rows(buffer).collect();
    for row in &grid {
        backgrounds(&mut out, row, palette);
    }
    for row in &grid {
        for glyph in row {
            text(&mut out, glyph, palette);
        }
    }
    out.push_str("</svg>\n");
    out
}

/// `<rect>`s for the row's non-default backgrounds, one per run of equal colour.
fn backgrounds(out: &mut String, row: &[grid::Glyph<'_>], palette: &Palette) {
    let mut run: Option<(u16, u16, Rgb)> = None; // start column, width, colour
    let flush = |out: &mut String, run: Option<(u16, u16, Rgb)>, y: u16| {
        if let Some((x, w, rgb)) = run {
            let _ = writeln!(
                out,
                r#"<rect x="{}" y="{}" width="{}" height="{CELL_HEIGHT}" fill="{}"/>"#,
                u32::from(x) * CELL_WIDTH,
                u32::from(y) * CELL_HEIGHT,
                u32::from(w) * CELL_WIDTH,
                hex(rgb)
            );
        }
    };
    for glyph in row {
        let (_, bg) = palette.cell_colours(glyph.cell);
        let shown = (bg != palette.background).then_some(bg);
        run = match (run, shown) {
            (Some((x, w, rgb)), Some(bg)) if rgb == bg => Some((x, w + glyph.width, rgb)),
            (previous, shown) => {
                flush(out, previous, glyph.y);
                shown.map(|bg| (glyph.x, glyph.width, bg))
            }
        };
    }
    if let Some(first) = row.first() {
        flush(out, run, first.y);
    }
}

/// The `<text>` element of one glyph, nothing for a blank or hidden one.
fn text(out: &mut String, glyph: &grid::Glyph<'_>, palette: &Palette) {
    let modifier = glyph.cell.modifier;
    if glyph.is_blank() || modifier.contains(Modifier::HIDDEN) {
        return;
    }
    let (fg, _) = palette.cell_colours(glyph.cell);
    let x = u32::from(glyph.x) * CELL_WIDTH;
    let y = u32::from(glyph.y) * CELL_HEIGHT + BASELINE;
    let length = u32::from(glyph.width) * CELL_WIDTH;
    let _ = write!(
        out,
        r#"<text x="{x}" y="{y}" textLength="{length}" lengthAdjust="spacingAndGlyphs" fill="{}""#,
        hex(fg)
    );
    if modifier.contains(Modifier::BOLD) {
        out.push_str(r#" font-weight="bold""#);
    }
    if modifier.contains(Modifier::ITALIC) {
        out.push_str(r#" font-style="italic""#);
    }
    if modifier.contains(Modifier::DIM) {
        out.push_str(r#" fill-opacity="0.6""#);
    }
    let decorations: Vec<&str> = [
        (Modifier::UNDERLINED, "underline"),
        (Modifier::CROSSED_OUT, "line-through"),
    ]
    .into_iter()
    .filter(|(flag, _)| modifier.contains(*flag))
    .map(|(_, name)| name)
    .collect();
    if !decorations.is_empty() {
        let _ = write!(out, r#" text-decoration="{}""#, decorations.join(" "));
    }
    out.push_str(r#" xml:space="preserve" direction="ltr" unicode-bidi="bidi-override">"#);
    escape_into(out, glyph.symbol);
    out.push_str("</text>\n");
}

/// Appends `s` escaped for XML character data and attributes; characters XML 1.0 forbids
/// become U+FFFD.
fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::escape_into;

    #[test]
    fn markup_characters_and_forbidden_controls_are_escaped() {
        let mut out = String::new();
        escape_into(&mut out, "<a href=\"x\">&'\u{1}");
        assert_eq!(out, "&lt;a href=&quot;x&quot;&gt;&amp;&apos;\u{FFFD}");
    }
}
