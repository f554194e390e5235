//! The fonts compiled into the binary for PNG screenshots, and which one draws a character.
//!
//! Rule: DejaVu Sans Mono (regular or bold) first — it covers Latin, box drawing, Arabic and its
//! presentation forms, and its presentation forms join when drawn edge to edge in adjacent cells.
//! What it lacks comes from subsets of two Noto families (SIL Open Font License): Noto Sans
//! Hebrew, regular and bold (Hebrew letters, niqqud and cantillation), then Noto Sans Arabic
//! regular (U+FBAE/U+FBAF yeh barree, heh goal, ddal and the other Urdu and Persian letters and
//! forms, superscript alef, the Arabic full stop). Coverage is decided per character by each
//! font's own glyph lookup, family by family.
//!
//! Every font sits on the same baseline. A family is scaled so one of its letters is as tall as
//! a letter DejaVu Sans Mono draws: Noto's alef as tall as DejaVu's alef, so Urdu forms match the
//! Arabic letters beside them; Hebrew letters as tall as DejaVu's lowercase `x`, as DejaVu Sans
//! draws its own Hebrew. The Noto regular faces have strokes about as thick as DejaVu Sans
//! Mono's at that size. A bold cell takes the family's bold face; where the family has none
//! (Noto Sans Arabic: the Urdu forms in a bold heading) the regular glyph gets a second pass,
//! offset sideways.

use ab_glyph::{Font, FontRef, GlyphId};
use std::sync::OnceLock;

/// A font family compiled in: its faces and the letters that match its size to DejaVu's.
struct Source {
    name: &'static str,
    regular: &'static [u8],
    bold: Option<&'static [u8]>,
    /// This family's letter and the DejaVu Sans Mono letter that should be as tall (the same
    /// letter of DejaVu Sans Mono itself: it sets the size).
    reference: (char, char),
}

/// The families in the order they are asked for a character.
const SOURCES: [Source; 3] = [
    Source {
        name: "DejaVu Sans Mono",
        regular: include_bytes!("../../../assets/fonts/DejaVuSansMono.ttf"),
        bold: Some(include_bytes!(
            "../../../assets/fonts/DejaVuSansMono-Bold.ttf"
        )),
        reference: ('x', 'x'),
    },
    Source {
        name: "Noto Sans Hebrew",
        regular: include_bytes!("../../../assets/fonts/NotoSansHebrew-Regular-subset.ttf"),
        bold: Some(include_bytes!(
            "../../../assets/fonts/NotoSansHebrew-Bold-subset.ttf"
        )),
        reference: ('\u{5D4}', 'x'),
    },
    Source {
        name: "Noto Sans Arabic",
        regular: include_bytes!("../../../assets/fonts/NotoSansArabic-Regular-subset.ttf"),
        bold: None,
        reference: ('\u{627}', '\u{627}'),
    },
];

/// Offset of the second pass that emboldens a glyph drawn bold without a bold face.
const BOLD_PASS: f32 = 0.7;

/// A font family, parsed, with its size matched to DejaVu Sans Mono's.
pub struct Family {
    pub regular: FontRef<'static>,
    pub bold: Option<FontRef<'static>>,
    /// Scale of this family's em relative to the shared em size.
    em_scale: f32,
}

/// The bundled fonts, parsed once: DejaVu Sans Mono first.
pub struct Fonts {
    families: Vec<Family>,
}

/// A character resolved to a font and glyph.
#[derive(Clone, Copy)]
pub struct Pick<'a> {
    pub font: &'a FontRef<'static>,
    pub id: GlyphId,
    /// Extra horizontal offset (pixels) of a second drawing pass, 0 for none: bold asked for
    /// but the family has no bold face with the glyph.
    pub embolden: f32,
    /// Scale of this font's em relative to the shared em size.
    pub em_scale: f32,
}

impl Fonts {
    /// The bundled fonts (parsed on first use).
    pub fn get() -> Result<&'static Fonts, String> {
        static FONTS: OnceLock<Result<Fonts, String>> = OnceLock::new();
        FONTS.get_or_init(load).as_ref().map_err(Clone::clone)
    }

    /// DejaVu Sans Mono regular: its metrics are the shared ones.
    pub fn main(&self) -> &FontRef<'static> {
        &self.families[0].regular
    }

    /// The font and glyph that draw `c`, or `None` when no bundled font has it: the first
    /// family that has it, in its bold face when asked and it has one.
    pub fn pick(&self, c: char, bold: bool) -> Option<Pick<'_>> {
        let has = |font: &FontRef<'static>| {
            let id = font.glyph_id(c);
            (id.0 != 0).then_some(id)
        };
        self.families.iter().find_map(|family| {
            let pick = |font, id, embolden| Pick {
                font,
                id,
                embolden,
                em_scale: family.em_scale,
            };
            let bold_face = family.bold.as_ref().filter(|_| bold);
            if let Some(face) = bold_face
                && let Some(id) = has(face)
            {
                return Some(pick(face, id, 0.0));
            }
            let embolden = if bold { BOLD_PASS } else { 0.0 };
            has(&family.regular).map(|id| pick(&family.regular, id, embolden))
        })
    }

    /// The regular font's "missing glyph" box, drawn for characters no bundled font has.
    pub fn missing(&self, bold: bool) -> Pick<'_> {
        Pick {
            font: self.main(),
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

/// Parses every family and matches its size to DejaVu Sans Mono's.
fn load() -> Result<Fonts, String> {
    let parse = |name: &str, data: &'static [u8]| {
        FontRef::try_from_slice(data).map_err(|e| format!("bundled font {name}: {e}"))
    };
    let main = parse(SOURCES[0].name, SOURCES[0].regular)?;
    let families = SOURCES
        .iter()
        .map(|source| {
            let regular = parse(source.name, source.regular)?;
            let (own, theirs) = source.reference;
            let em_scale = match (height(&regular, own), height(&main, theirs)) {
                (Some(own), Some(theirs)) if own > 0.0 => theirs / own,
                _ => return Err(format!("bundled font {}: no reference letter", source.name)),
            };
            let bold = source
                .bold
                .map(|data| parse(source.name, data))
                .transpose()?;
            Ok(Family {
                regular,
                bold,
                em_scale,
            })
        })
        .collect::<Result<_, String>>()?;
    Ok(Fonts { families })
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
