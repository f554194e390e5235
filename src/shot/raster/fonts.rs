//! The fonts compiled into the binary for PNG screenshots, and which one draws a character.
//!
//! Rule: DejaVu Sans Mono (regular or bold) first — it covers Latin, box drawing, Arabic and its
//! presentation forms, and its presentation forms join when drawn edge to edge in adjacent cells;
//! GNU FreeMono second, for what DejaVu Sans Mono lacks (Hebrew letters and niqqud, U+FBAF and
//! other Urdu/Persian forms). Coverage is decided per character by the font's own glyph lookup.
//! Every font sits on the same baseline; a fallback font is scaled so its x-height matches
//! DejaVu Sans Mono's (FreeMono's letters are small for their em), so its letters look the same
//! size as their neighbours.

use ab_glyph::{Font, FontRef, GlyphId};
use std::sync::OnceLock;

static REGULAR: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSansMono.ttf");
static BOLD: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSansMono-Bold.ttf");
static FALLBACK: &[u8] = include_bytes!("../../../assets/fonts/FreeMono.ttf");

/// Offset of the second pass that emboldens a glyph drawn bold without a bold face.
const BOLD_PASS: f32 = 0.7;
/// Offset of the second pass that brings FreeMono's thin strokes to DejaVu Sans Mono's weight.
const FALLBACK_PASS: f32 = 0.5;

/// The bundled fonts, parsed once.
pub struct Fonts {
    pub regular: FontRef<'static>,
    pub bold: FontRef<'static>,
    pub fallback: FontRef<'static>,
    /// Scale of the fallback font's em relative to the shared em size (x-heights matched).
    fallback_scale: f32,
}

/// A character resolved to a font and glyph.
pub struct Pick<'a> {
    pub font: &'a FontRef<'static>,
    pub id: GlyphId,
    /// Extra horizontal offset (pixels) of a second drawing pass, 0 for none: bold asked for
    /// but the font has no bold face, or a fallback font whose strokes are thinner than
    /// DejaVu Sans Mono's.
    pub embolden: f32,
    /// Scale of this font's em relative to the shared em size.
    pub em_scale: f32,
}

impl Fonts {
    /// The bundled fonts (parsed on first use).
    pub fn get() -> Result<&'static Fonts, String> {
        static FONTS: OnceLock<Result<Fonts, String>> = OnceLock::new();
        FONTS
            .get_or_init(|| {
                let parse = |name: &str, data: &'static [u8]| {
                    FontRef::try_from_slice(data).map_err(|e| format!("bundled font {name}: {e}"))
                };
                let regular = parse("DejaVuSansMono.ttf", REGULAR)?;
                let fallback = parse("FreeMono.ttf", FALLBACK)?;
                let fallback_scale = match (x_height(&regular), x_height(&fallback)) {
                    (Some(main), Some(other)) if other > 0.0 => main / other,
                    _ => 1.0,
                };
                Ok(Fonts {
                    regular,
                    bold: parse("DejaVuSansMono-Bold.ttf", BOLD)?,
                    fallback,
                    fallback_scale,
                })
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The font and glyph that draw `c`, or `None` when no bundled font has it.
    pub fn pick(&self, c: char, bold: bool) -> Option<Pick<'_>> {
        let has = |font: &FontRef<'static>| {
            let id = font.glyph_id(c);
            (id.0 != 0).then_some(id)
        };
        if bold && let Some(id) = has(&self.bold) {
            return Some(Pick {
                font: &self.bold,
                id,
                embolden: 0.0,
                em_scale: 1.0,
            });
        }
        let bold_pass = if bold { BOLD_PASS } else { 0.0 };
        [
            (&self.regular, 1.0, bold_pass),
            (
                &self.fallback,
                self.fallback_scale,
                FALLBACK_PASS + bold_pass,
            ),
        ]
        .into_iter()
        .find_map(|(font, em_scale, embolden)| {
            has(font).map(|id| Pick {
                font,
                id,
                embolden,
                em_scale,
            })
        })
    }

    /// The regular font's "missing glyph" box, drawn for characters no bundled font has.
    pub fn missing(&self, bold: bool) -> Pick<'_> {
        Pick {
            font: &self.regular,
            id: GlyphId(0),
            embolden: if bold { BOLD_PASS } else { 0.0 },
            em_scale: 1.0,
        }
    }
}

impl Pick<'_> {
    /// Pixels per font unit for this glyph's font when the shared em is `em_px` pixels.
    pub fn units_to_px(&self, em_px: f32) -> f32 {
        em_px * self.em_scale / self.font.units_per_em().unwrap_or(1000.0)
    }
}

/// The height of `x` in ems, as the font draws it.
fn x_height(font: &FontRef<'static>) -> Option<f32> {
    let outline = font.outline(font.glyph_id('x'))?;
    let height = (outline.bounds.max.y - outline.bounds.min.y).abs();
    Some(height / font.units_per_em()?)
}
