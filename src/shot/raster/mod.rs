//! `.png` screenshots: the cell grid drawn with the bundled fonts, one cell at a time.
//!
//! Rule: each cell is a fixed [`CELL_WIDTH`]×[`CELL_HEIGHT`] pixel box. The em size is chosen so
//! DejaVu Sans Mono's ascent+descent fills the cell height exactly, and each glyph is squeezed
//! horizontally (never widened) so its advance fits its cells (one, or two for wide characters);
//! a glyph narrower than its cells is centred. DejaVu Sans Mono's advance then spans its cell
//! exactly, so joined Arabic presentation forms and box-drawing lines meet their neighbours.
//! Combining marks in a cell's grapheme are drawn over the base, where the font places them.
//! All backgrounds are painted before any glyph, so glyph parts that overhang a cell are kept.
//! Bold uses DejaVu Sans Mono Bold (fallback glyphs are emboldened by a second pass); italic is
//! a shear of the outline. Pixels come from ab_glyph's rasteriser and are encoded with `png`.

mod canvas;
mod fonts;

use super::grid::{self, Glyph};
use super::palette::Palette;
use super::{CELL_HEIGHT, CELL_WIDTH, Error, Result};
use ab_glyph::{Font, OutlineCurve, OutlinedGlyph, Point, PxScaleFactor, point};
use canvas::Canvas;
use fonts::{Fonts, Pick};
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

/// Slant of synthesised italics (horizontal shift per unit of height).
const ITALIC_SLANT: f32 = 0.2;

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
    let metrics = Metrics::new(fonts);
    for glyph in grid.iter().flatten() {
        draw_glyph(&mut canvas, fonts, &metrics, glyph, palette);
    }
    canvas.encode()
}

/// Pixel position and width of the cells a glyph covers.
fn span(glyph: &Glyph<'_>) -> (u32, u32, u32) {
    (
        u32::from(glyph.x) * CELL_WIDTH,
        u32::from(glyph.y) * CELL_HEIGHT,
        u32::from(glyph.width) * CELL_WIDTH,
    )
}

/// The vertical metrics shared by every font, taken from DejaVu Sans Mono.
struct Metrics {
    /// Pixels per em.
    em_px: f32,
    /// Baseline offset from a cell's top, in pixels.
    baseline: f32,
}

impl Metrics {
    fn new(fonts: &Fonts) -> Self {
        let font = &fonts.regular;
        let height = font.ascent_unscaled() - font.descent_unscaled();
        let upem = font.units_per_em().unwrap_or(1000.0);
        #[allow(clippy::cast_precision_loss)] // cell sizes are tiny
        let cell_height = CELL_HEIGHT as f32;
        Self {
            em_px: cell_height * upem / height,
            baseline: cell_height * font.ascent_unscaled() / height,
        }
    }
}

fn draw_glyph(
    canvas: &mut Canvas,
    fonts: &Fonts,
    metrics: &Metrics,
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
    let bold = modifier.contains(Modifier::BOLD);
    let italic = modifier.contains(Modifier::ITALIC);
    let (x0, top, span_w) = span(glyph);
    #[allow(clippy::cast_precision_loss)]
    let (x0f, topf, span_wf) = (x0 as f32, top as f32, span_w as f32);
    let baseline = topf + metrics.baseline;

    let mut chars = glyph.symbol.chars();
    let Some(base_char) = chars.next() else {
        return;
    };
    let base = fonts
        .pick(base_char, bold)
        .unwrap_or_else(|| fonts.missing(bold));
    let v = base.units_to_px(metrics.em_px);
    let advance = base.font.h_advance_unscaled(base.id);
    // Squeeze to fit the cells, never widen: a monospace advance then spans its cells exactly.
    let h = if advance * v > span_wf {
        span_wf / advance
    } else {
        v
    };
    let left = x0f + (span_wf - advance * h) / 2.0;
    let base_end = left + advance * h;
    let squeeze = h / v;
    paint(canvas, &base, point(left, baseline), (h, v), italic, fg);

    for mark in chars {
        // Only what a font really has: joiners, selectors and emoji tails draw nothing.
        let Some(pick) = fonts.pick(mark, bold) else {
            continue;
        };
        let v = pick.units_to_px(metrics.em_px);
        let h = v * squeeze;
        let Some(outline) = pick.font.outline(pick.id) else {
            continue;
        };
        // A mark drawn left of its origin is designed to hang back over the glyph before it;
        // one drawn right of it sits in its base's own box. Either way the font's placement is
        // kept, unless it would land outside this cell's span: then it is centred on the span.
        let origin = if outline.bounds.max.x <= 0.0 {
            base_end
        } else {
            left
        };
        let centre = origin + (outline.bounds.min.x + outline.bounds.max.x) / 2.0 * h;
        let origin = if centre < x0f || centre > x0f + span_wf {
            origin + (x0f + span_wf / 2.0 - centre)
        } else {
            origin
        };
        paint(canvas, &pick, point(origin, baseline), (h, v), italic, fg);
    }

    if modifier.contains(Modifier::UNDERLINED) {
        let y = (baseline + 2.0).round();
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        canvas.fill(x0, (y as u32).min(top + CELL_HEIGHT - 1), span_w, 1, fg);
    }
    if modifier.contains(Modifier::CROSSED_OUT) {
        canvas.fill(x0, top + CELL_HEIGHT / 2, span_w, 1, fg);
    }
}

/// Rasterises one glyph with its origin at `position` and blends it onto the canvas in `fg`.
fn paint(
    canvas: &mut Canvas,
    pick: &Pick<'_>,
    position: Point,
    (h, v): (f32, f32),
    italic: bool,
    fg: [u8; 3],
) {
    let Some(mut outline) = pick.font.outline(pick.id) else {
        return;
    };
    if italic {
        // Shear around the middle of the line so the slanted glyph stays in its cell.
        let middle = (pick.font.ascent_unscaled() + pick.font.descent_unscaled()) / 2.0;
        let shear = |p: &mut Point| p.x += (p.y - middle) * ITALIC_SLANT;
        for curve in &mut outline.curves {
            match curve {
                OutlineCurve::Line(a, b) => [a, b].into_iter().for_each(shear),
                OutlineCurve::Quad(a, b, c) => [a, b, c].into_iter().for_each(shear),
                OutlineCurve::Cubic(a, b, c, d) => [a, b, c, d].into_iter().for_each(shear),
            }
        }
        let dx = |y: f32| (y - middle) * ITALIC_SLANT;
        let b = &mut outline.bounds;
        b.min.x += dx(b.min.y).min(dx(b.max.y));
        b.max.x += dx(b.min.y).max(dx(b.max.y));
    }
    let scale = PxScaleFactor {
        horizontal: h,
        vertical: v,
    };
    let passes = if pick.embolden > 0.0 {
        vec![0.0, pick.embolden]
    } else {
        vec![0.0]
    };
    for dx in passes {
        let glyph = pick
            .id
            .with_scale_and_position(v, point(position.x + dx, position.y));
        let outlined = OutlinedGlyph::new(glyph, outline.clone(), scale);
        let bounds = outlined.px_bounds();
        #[allow(clippy::cast_possible_truncation)]
        let (bx, by) = (bounds.min.x as i64, bounds.min.y as i64);
        outlined.draw(|px, py, coverage| {
            canvas.blend(bx + i64::from(px), by + i64::from(py), fg, coverage);
        });
    }
}
