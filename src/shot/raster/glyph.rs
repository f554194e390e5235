//! One cell's symbol rasterised into a coverage mask, cached: a screen repeats few symbols.
//!
//! Rule: a mask is computed in the coordinates of its cell (origin at the cell's top-left), so
//! the same symbol in the same style gives the same pixels wherever it stands. The base
//! character is squeezed (never widened) so its advance fits its cells and centred; combining
//! marks are drawn where their font places them relative to the base, or centred on the cell
//! when that would put them outside it. An Arabic presentation form narrower than its cells
//! (from a proportional fallback font) gets its font's tatweel from each side it joins to the
//! cell edge, so it meets its neighbours as DejaVu Sans Mono's forms do.

use super::fonts::{Fonts, Pick};
use super::{CELL_HEIGHT, CELL_WIDTH};
use crate::layout::shaping::form_joins;
use ab_glyph::{Font, Outline, OutlineCurve, OutlinedGlyph, Point, PxScaleFactor, point};
use std::collections::HashMap;

/// Slant of synthesised italics (horizontal shift per unit of height).
const ITALIC_SLANT: f32 = 0.2;
/// ARABIC TATWEEL, the joining stroke that carries a joined form to the cell edge.
const TATWEEL: char = '\u{640}';

/// What a mask depends on.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Key {
    pub symbol: String,
    /// Cells the symbol covers.
    pub width: u16,
    pub bold: bool,
    pub italic: bool,
}

/// Coverage (0..=1) of the pixels a symbol touches, relative to its cell's top-left corner.
pub type Mask = Vec<(i64, i64, f32)>;

/// The vertical metrics every font shares, taken from DejaVu Sans Mono.
pub struct Metrics {
    /// Pixels per em.
    em_px: f32,
    /// Baseline offset from a cell's top, in pixels.
    baseline: f32,
}

impl Metrics {
    /// DejaVu Sans Mono's ascent+descent fills the cell height exactly, so box-drawing
    /// verticals meet the rows above and below.
    pub fn new(fonts: &Fonts) -> Self {
        let font = fonts.main();
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

/// Masks already rasterised.
pub struct Cache<'f> {
    fonts: &'f Fonts,
    metrics: Metrics,
    masks: HashMap<Key, Mask>,
}

impl<'f> Cache<'f> {
    pub fn new(fonts: &'f Fonts) -> Self {
        Self {
            fonts,
            metrics: Metrics::new(fonts),
            masks: HashMap::new(),
        }
    }

    /// The mask of `key`, rasterised on first use.
    pub fn mask(&mut self, key: Key) -> &Mask {
        let (fonts, metrics) = (self.fonts, &self.metrics);
        self.masks
            .entry(key)
            .or_insert_with_key(|key| rasterise(fonts, metrics, key))
    }

    /// Baseline offset from a cell's top, in pixels.
    pub fn baseline(&self) -> f32 {
        self.metrics.baseline
    }
}

/// Coverage accumulated over a window three spans wide and three cells high around the cell,
/// so glyph parts that overhang the cell are kept.
struct Coverage {
    left: i64,
    top: i64,
    width: usize,
    height: usize,
    values: Vec<f32>,
}

impl Coverage {
    fn new(span_w: u32) -> Self {
        let (width, height) = (3 * span_w as usize, 3 * CELL_HEIGHT as usize);
        Self {
            left: -i64::from(span_w),
            top: -i64::from(CELL_HEIGHT),
            width,
            height,
            values: vec![0.0; width * height],
        }
    }

    /// Adds coverage `c` at (x, y): two passes over a pixel combine like two layers of ink.
    fn add(&mut self, x: i64, y: i64, c: f32) {
        let (Ok(cx), Ok(cy)) = (
            usize::try_from(x - self.left),
            usize::try_from(y - self.top),
        ) else {
            return;
        };
        if cx < self.width && cy < self.height {
            let v = &mut self.values[cy * self.width + cx];
            *v = 1.0 - (1.0 - *v) * (1.0 - c.clamp(0.0, 1.0));
        }
    }

    fn into_mask(self) -> Mask {
        let (left, top, width) = (self.left, self.top, self.width);
        self.values
            .into_iter()
            .enumerate()
            .filter(|(_, c)| *c > 0.0)
            .map(|(i, c)| {
                let (x, y) = (i % width, i / width);
                (left + x as i64, top + y as i64, c)
            })
            .collect()
    }
}

fn rasterise(fonts: &Fonts, metrics: &Metrics, key: &Key) -> Mask {
    let span_w = u32::from(key.width) * CELL_WIDTH;
    let mut coverage = Coverage::new(span_w);
    #[allow(clippy::cast_precision_loss)]
    let span_wf = span_w as f32;
    let baseline = metrics.baseline;
    let mut chars = key.symbol.chars();
    let Some(base_char) = chars.next() else {
        return Vec::new();
    };
    let base = fonts
        .pick(base_char, key.bold)
        .unwrap_or_else(|| fonts.missing(key.bold));
    let v = base.units_to_px(metrics.em_px);
    let advance = base.font.h_advance_unscaled(base.id);
    // Squeeze to fit the cells, never widen: a monospace advance then spans its cells exactly.
    let h = if advance * v > span_wf {
        span_wf / advance
    } else {
        v
    };
    let left = (span_wf - advance * h) / 2.0;
    let base_end = left + advance * h;
    let squeeze = h / v;
    paint(
        &mut coverage,
        &base,
        point(left, baseline),
        (h, v),
        key.italic,
    );
    if let Some((previous, next)) = form_joins(base_char) {
        // A joined form narrower than its cells (a proportional fallback font's) is carried to
        // the cell edges it joins at by its font's tatweel, as a monospace font draws it.
        let overlap = 0.5;
        let mut fill = |from: f32, to: f32| {
            if to - from > overlap {
                kashida(&mut coverage, &base, (from, to), baseline, v, key.italic);
            }
        };
        if next {
            fill(0.0, left + overlap);
        }
        if previous {
            fill(base_end - overlap, span_wf);
        }
    }

    for mark in chars {
        // Only what a font really has: joiners, selectors and emoji tails draw nothing.
        let Some(pick) = fonts.pick(mark, key.bold) else {
            continue;
        };
        let Some(outline) = pick.font.outline(pick.id) else {
            continue;
        };
        let v = pick.units_to_px(metrics.em_px);
        let h = v * squeeze;
        // A mark drawn left of its origin is designed to hang back over the glyph before it;
        // one drawn right of it sits in its base's own box.
        let origin = if outline.bounds.max.x <= 0.0 {
            base_end
        } else {
            left
        };
        let centre = origin + (outline.bounds.min.x + outline.bounds.max.x) / 2.0 * h;
        let origin = if (0.0..=span_wf).contains(&centre) {
            origin
        } else {
            origin + (span_wf / 2.0 - centre)
        };
        paint(
            &mut coverage,
            &pick,
            point(origin, baseline),
            (h, v),
            key.italic,
        );
    }
    coverage.into_mask()
}

/// Draws the tatweel of `base`'s font stretched so its ink spans `from..to` (pixels from the
/// cell's left edge) on the baseline, `v` pixels per font unit high.
fn kashida(
    coverage: &mut Coverage,
    base: &Pick<'_>,
    (from, to): (f32, f32),
    baseline: f32,
    v: f32,
    italic: bool,
) {
    let id = base.font.glyph_id(TATWEEL);
    let Some(bounds) = base.font.outline(id).map(|o| o.bounds) else {
        return;
    };
    let ink = bounds.max.x - bounds.min.x;
    if id.0 == 0 || ink <= 0.0 {
        return;
    }
    let h = (to - from) / ink;
    let stroke = Pick { id, ..*base };
    let origin = point(from - bounds.min.x * h, baseline);
    paint(coverage, &stroke, origin, (h, v), italic);
}

/// Rasterises one glyph with its origin at `position` into `coverage`.
fn paint(
    coverage: &mut Coverage,
    pick: &Pick<'_>,
    position: Point,
    scale: (f32, f32),
    italic: bool,
) {
    let Some(mut outline) = pick.font.outline(pick.id) else {
        return;
    };
    if italic {
        slant(
            &mut outline,
            (pick.font.ascent_unscaled() + pick.font.descent_unscaled()) / 2.0,
        );
    }
    let factor = PxScaleFactor {
        horizontal: scale.0,
        vertical: scale.1,
    };
    let passes: &[f32] = if pick.embolden > 0.0 {
        &[0.0, pick.embolden]
    } else {
        &[0.0]
    };
    for dx in passes {
        let glyph = pick
            .id
            .with_scale_and_position(scale.1, point(position.x + dx, position.y));
        let outlined = OutlinedGlyph::new(glyph, outline.clone(), factor);
        let bounds = outlined.px_bounds();
        #[allow(clippy::cast_possible_truncation)]
        let (bx, by) = (bounds.min.x as i64, bounds.min.y as i64);
        outlined.draw(|px, py, c| coverage.add(bx + i64::from(px), by + i64::from(py), c));
    }
}

/// Shears an outline around the height `middle` (font units), so the slanted glyph stays in
/// its cell.
fn slant(outline: &mut Outline, middle: f32) {
    let dx = |y: f32| (y - middle) * ITALIC_SLANT;
    let shear = |p: &mut Point| p.x += dx(p.y);
    for curve in &mut outline.curves {
        match curve {
            OutlineCurve::Line(a, b) => [a, b].into_iter().for_each(shear),
            OutlineCurve::Quad(a, b, c) => [a, b, c].into_iter().for_each(shear),
            OutlineCurve::Cubic(a, b, c, d) => [a, b, c, d].into_iter().for_each(shear),
        }
    }
    let b = &mut outline.bounds;
    let (low, high) = (dx(b.min.y).min(dx(b.max.y)), dx(b.min.y).max(dx(b.max.y)));
    b.min.x += low;
    b.max.x += high;
}
