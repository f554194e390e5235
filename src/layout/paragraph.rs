//! Bidi analysis of one paragraph (UAX #9 rules P2–P3, X1–X10, W1–W7, N0–N2, I1–I2).
//!
//! Rule: done once per paragraph, by `unicode-bidi`, whatever the number of lines; the text is
//! always one paragraph (a paragraph separator inside it does not start a new one, as in the
//! Unicode conformance files). Everything later reads the per-byte vectors kept here; the crate's
//! per-line helpers are never called (they cost O(paragraph) per line). The classes come from
//! the crate's own data, looked up through a direct table for the scripts articles are written
//! in (a binary search per character was a tenth of the layout time).

use super::DirectionMode;
use std::sync::OnceLock;
use unicode_bidi::{BidiClass, BidiDataSource, Level, ParagraphBidiInfo, bidi_class};

/// The crate's bidi classes, with the first pages of the BMP (Latin, Greek, Cyrillic, Hebrew,
/// Arabic, general punctuation) and the Arabic presentation forms in direct tables.
struct CachedClasses {
    low: Box<[BidiClass]>,
    forms: Box<[BidiClass]>,
}

const LOW_END: u32 = 0x2100;
const FORMS_START: u32 = 0xFB00;
const FORMS_END: u32 = 0xFF00;

impl CachedClasses {
    fn get() -> &'static Self {
        static CLASSES: OnceLock<CachedClasses> = OnceLock::new();
        CLASSES.get_or_init(|| {
            let table = |range: std::ops::Range<u32>| {
                range
                    .map(|cp| char::from_u32(cp).map_or(BidiClass::L, bidi_class))
                    .collect()
            };
            Self {
                low: table(0..LOW_END),
                forms: table(FORMS_START..FORMS_END),
            }
        })
    }
}

impl BidiDataSource for CachedClasses {
    fn bidi_class(&self, c: char) -> BidiClass {
        let cp = c as u32;
        if cp < LOW_END {
            self.low[cp as usize]
        } else if (FORMS_START..FORMS_END).contains(&cp) {
            self.forms[(cp - FORMS_START) as usize]
        } else {
            bidi_class(c)
        }
    }
}

/// Resolved levels and original classes of a paragraph, indexed by byte.
pub(crate) struct Analysis {
    pub para_level: u8,
    /// Resolved embedding level per byte (before L1).
    pub levels: Vec<Level>,
    /// Bidi class per byte, as in the character database.
    pub classes: Vec<BidiClass>,
}

impl Analysis {
    pub fn new(text: &str, direction: DirectionMode) -> Self {
        let default_level = match direction {
            DirectionMode::Auto => None,
            DirectionMode::Ltr => Some(Level::ltr()),
            DirectionMode::Rtl => Some(Level::rtl()),
        };
        let info =
            ParagraphBidiInfo::new_with_data_source(CachedClasses::get(), text, default_level);
        Self {
            para_level: info.paragraph_level.number(),
            levels: info.levels,
            classes: info.original_classes,
        }
    }

    pub fn rtl(&self) -> bool {
        self.para_level % 2 == 1
    }

    /// Level of the character starting at byte `i`.
    pub fn level(&self, i: usize) -> u8 {
        self.levels.get(i).map_or(self.para_level, |l| l.number())
    }

    /// Class of the character starting at byte `i`.
    pub fn class(&self, i: usize) -> BidiClass {
        self.classes.get(i).copied().unwrap_or(BidiClass::WS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_strong_character_decides_auto_direction() {
        assert!(Analysis::new("123 שלום abc", DirectionMode::Auto).rtl());
        assert!(!Analysis::new("abc שלום", DirectionMode::Auto).rtl());
        assert!(!Analysis::new("123", DirectionMode::Auto).rtl());
    }

    #[test]
    fn isolates_do_not_decide_direction() {
        assert!(!Analysis::new("\u{2067}שלום\u{2069} abc", DirectionMode::Auto).rtl());
    }

    #[test]
    fn cached_classes_agree_with_the_crate() {
        let cached = CachedClasses::get();
        for c in (0..0x11000).filter_map(char::from_u32) {
            assert_eq!(cached.bidi_class(c), bidi_class(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn forced_direction_wins() {
        assert!(Analysis::new("abc", DirectionMode::Rtl).rtl());
        assert!(!Analysis::new("שלום", DirectionMode::Ltr).rtl());
    }
}
