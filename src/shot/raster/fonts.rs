//! The fonts compiled into the binary for PNG screenshots, and which one draws a character.
//!
//! Rule: DejaVu Sans Mono (regular or bold) first — it covers Latin, box drawing, Arabic and its
//! presentation forms, and its presentation forms join when drawn edge to edge in adjacent cells.
//! What it lacks comes from two subsets of Noto fonts (SIL Open Font License): Noto Sans Hebrew
//! (Hebrew letters, niqqud and cantillation) and Noto Sans Arabic (U+FBAE/U+FBAF yeh barree,
//! heh goal, ddal and the other Urdu and Persian letters and forms, superscript alef, the Arabic
//! full stop). Coverage is decided per character by each font's own glyph lookup.
//!
//! Every font sits on the same baseline. A fallback font is scaled so one of its letters is as
//! tall as a letter DejaVu Sans Mono draws: Noto's alef as tall as DejaVu's alef, so Urdu forms
//! match the Arabic letters beside them; Hebrew letters as tall as DejaVu's lowercase `x`, as
//! DejaVu Sans draws its own Hebrew. The Noto regular weights have strokes about as thick as
//! DejaVu Sans Mono's at that size, so they are drawn in one pass; bold is a second pass, as for
//! DejaVu Sans Mono's own glyphs that its bold face lacks.

use ab_glyph::{Font, FontRef, GlyphId};
use std::sync::OnceLock;

static REGULAR: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSansMono.ttf");
static BOLD: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSansMono-Bold.ttf");

/// A font for what DejaVu Sans Mono lacks, and the letters that match its size to DejaVu's.
struct FallbackSource {
    name: &'static str,
    data: &'static [u8],
    /// This font's letter and the DejaVu Sans Mono letter that should be as tall.
    reference: (char, char),
}

const FALLBACKS: [FallbackSource; 2] = [
    FallbackSource {
        name: "NotoSansHebrew-Regular-subset.ttf",
        data: include_bytes!("../../../assets/fonts/NotoSansHebrew-Regular-subset.ttf"),
        reference: ('\u{5D4}', 'x'),
    },
    FallbackSource {
        name: "NotoSansArabic-Regular-subset.ttf",
        data: include_bytes!("../../../assets/fonts/NotoSansArabic-Regular-subset.ttf"),
        reference: ('\u{627}', '\u{627}'),
    },
];

/// Offset of the second pass that emboldens a glyph drawn bold without a bold face.
const BOLD_PASS: f32 = 0.7;

/// A fallback font, parsed, with its size matched to DejaVu Sans Mono's.
pub struct Fallback {
    pub font: FontRef<'static>,
    /// Scale of this font's em relative to the shared em size.
    em_scale: f32,
}

/// The bundled fonts, parsed once.
pub struct Fonts {
    pub regular: FontRef<'static>,
    pub bold: FontRef<'static>,
    pub fallbacks: Vec<Fallback>,
}

/// A character resolved to a font and glyph.
pub struct Pick<'a> {
    pub font: &'a FontRef<'static>,
    pub id: GlyphId,
    /// Extra horizontal offset (pixels) of a second drawing pass, 0 for none: bold asked for
    /// but the font has no bold face.
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
                let regular = parse("DejaVuSansMono.ttf", REGULAR)?;
                let fallbacks = FALLBACKS
                    .iter()
                    .map(|source| {
                        let font = parse(source.name, source.data)?;
                        let (own, theirs) = source.reference;
                        let em_scale = match (height(&font, own), height(&regular, theirs)) {
                            (Some(own), Some(theirs)) if own > 0.0 => theirs / own,
                            _ => {
                                return Err(format!(
                                    "bundled font {}: no reference letter",
                                    source.name
                                ));
                            }
                        };
                        Ok(Fallback { font, em_scale })
                    })
                    .collect::<Result<_, String>>()?;
                Ok(Fonts {
                    regular,
                    bold: parse("DejaVuSansMono-Bold.ttf", BOLD)?,
                    fallbacks,
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
        let embolden = if bold { BOLD_PASS } else { 0.0 };
        std::iter::once((&self.regular, 1.0))
            .chain(self.fallbacks.iter().map(|f| (&f.font, f.em_scale)))
            .find_map(|(font, em_scale)| {
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

fn parse(name: &str, data: &'static [u8]) -> Result<FontRef<'static>, String> {
    FontRef::try_from_slice(data).map_err(|e| format!("bundled font {name}: {e}"))
}

/// The height of `c` above the baseline in ems, as the font draws it; `None` when the font
/// lacks it.
fn height(font: &FontRef<'static>, c: char) -> Option<f32> {
    let id = font.glyph_id(c);
    if id.0 == 0 {
        return None;
    }
    // ab_glyph keeps an outline's bounds in font units (y up) with the top in `min.y`; take
    // the larger so the order does not matter.
    let bounds = font.outline(id)?.bounds;
    Some(bounds.min.y.max(bounds.max.y) / font.units_per_em()?)
}
