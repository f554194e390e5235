//! `.png` screenshots: the cell grid drawn with the bundled fonts, one cell at a time.
//!
//! Rule: each cell is a fixed [`CELL_WIDTH`]×[`CELL_HEIGHT`] pixel box. The em size is chosen so
//! DejaVu Sans Mono's ascent+descent fills the cell height exactly, and each glyph is squeezed
//! horizontally (never widened) so its advance fits its cells (one, or two for wide characters);
//! a glyph narrower than its cells is centred. DejaVu Sans Mono's advance then spans its cell
//! exactly, so joined Arabic presentation forms and box-drawing lines meet their neighbours.
//! Combining marks in a cell's grapheme are drawn over the base, where the font places them.
//! All backgrounds are painted before any glyph, so glyph parts that overhang a cell are kept.
//! Bold uses DejaVu Sans Mono Bold (glyphs it lacks are emboldened by a second pass); italic is
//! a shear of the outline. Pixels come from ab_glyph's rasteriser and are encoded with `png`.

mod canvas;
mod fonts;
mod glyph;

use super::grid::{self, Glyph};
use super::palette::Palette;
use super::{CELL_HEIGHT, CELL_WIDTH, Error, Result};
use canvas::Canvas;
use fonts::Fonts;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

/// The buffer as PNG bytes (8-bit RGB, `CELL_WIDTH`×`CELL_HEIGHT` pixels per cell).
pub fn to_png(buffer: &Buffer, palette: &Palette) -> Result<Vec<u8>> {
    let fonts = Fonts::get().map_err(Error::Png)?;
    let cols = u32::from(buffer.area.width);
    let rows = u32::from(buffer.area.height);
    let mut canvas = Canvas::new(cols * CELL_WIDTH, rows * CELL_HEIGHT, palette.background);
    let grid: Vec<Vec<Glyph<'_>>> = grid::rows(buffer).collect();
    for glyph in grid.iter().flatten() {
        let (_, bg) = palette.cell_colours(glyph.cell);
        let (x, y, w) = span(glyph);
        canvas.fill(x, y, w, CELL_HEIGHT, bg);
    }
    let mut cache = glyph::Cache::new(fonts);
    for glyph in grid.iter().flatten() {
        draw_glyph(&mut canvas, &mut cache, glyph, palette);
    }
    canvas.encode()
}

/// Whether a bundled font draws `c`; a PNG shows any other character as the missing-glyph box
/// (combining marks and joiners no font has are left out instead).
pub fn has_glyph(c: char) -> bool {
    Fonts::get().is_ok_and(|fonts| fonts.pick(c, false).is_some())
}

/// Pixel position and width of the cells a glyph covers.
fn span(glyph: &Glyph<'_>) -> (u32, u32, u32) {
    (
        u32::from(glyph.x) * CELL_WIDTH,
        u32::from(glyph.y) * CELL_HEIGHT,
        u32::from(glyph.width) * CELL_WIDTH,
    )
}

fn draw_glyph(
    canvas: &mut Canvas,
    cache: &mut glyph::Cache<'_>,
    glyph: &Glyph<'_>,
    palette: &Palette,
) {
    let modifier = glyph.cell.modifier;
    if glyph.is_blank() || modifier.contains(Modifier::HIDDEN) {
        return;
    }
    let (mut fg, bg) = palette.cell_colours(glyph.cell);
    if modifier.contains(Modifier::DIM) {
        fg = canvas::mix(fg, bg, 0.6);
    }
    let (x0, top, span_w) = span(glyph);
    let key = glyph::Key {
        symbol: glyph.symbol.to_owned(),
        width: glyph.width,
        bold: modifier.contains(Modifier::BOLD),
        italic: modifier.contains(Modifier::ITALIC),
    };
    for &(dx, dy, coverage) in cache.mask(key) {
        canvas.blend(i64::from(x0) + dx, i64::from(top) + dy, fg, coverage);
    }
    if modifier.contains(Modifier::UNDERLINED) {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let below = (cache.baseline() + 2.0).round() as u32;
        canvas.fill(x0, top + below.min(CELL_HEIGHT - 1), span_w, 1, fg);
    }
    if modifier.contains(Modifier::CROSSED_OUT) {
        canvas.fill(x0, top + CELL_HEIGHT / 2, span_w, 1, fg);
    }
}
