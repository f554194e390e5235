//! Bidi analysis of one paragraph (UAX #9 rules P2–P3, X1–X10, W1–W7, N0–N2, I1–I2).
//!
//! Rule: done once per paragraph, by `unicode-bidi`, whatever the number of lines; the text is
//! always one paragraph (a paragraph separator inside it does not start a new one, as in the
//! Unicode conformance files). Everything later reads the per-byte vectors kept here; the crate's
//! per-line helpers are never called (they cost O(paragraph) per line). The classes come from
//! the crate's own data, looked up through a direct table for the scripts articles are written
//! in (a binary search per character was a tenth of the layout time). A paragraph whose
//! characters can only resolve to its own level — left-to-right letters, European digits and
//! neutrals in an LTR paragraph; right-to-left letters and neutrals (no digits) in an RTL one;
//! no controls or separators — skips the full algorithm (the result is the same: tested
//! against the crate on random text).

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
    /// Resolved embedding level per byte (before L1); empty when all are the paragraph level.
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
        if let Some(simple) = Self::simple(text, default_level) {
            return simple;
        }
        Self::full(text, default_level)
    }

    fn full(text: &str, default_level: Option<Level>) -> Self {
        let info =
            ParagraphBidiInfo::new_with_data_source(CachedClasses::get(), text, default_level);
        Self {
            para_level: info.paragraph_level.number(),
            levels: info.levels,
            classes: info.original_classes,
        }
    }

    /// The analysis of a simple paragraph, or `None`. Simple means no controls, separators or
    /// isolates, and either: LTR with no right-to-left letters or Arabic digits (all at level
    /// 0); or RTL with no left-to-right letters, and numbers only after an Arabic letter and only
    /// among Arabic letters (W2 makes them Arabic numbers: level 2, with a single common
    /// separator between two of them; everything else at level 1).
    fn simple(text: &str, default_level: Option<Level>) -> Option<Self> {
        use BidiClass::{AL, AN, CS, EN, ES, ET, L, NSM, ON, R, WS};
        let cached = CachedClasses::get();
        let mut classes = Vec::with_capacity(text.len());
        let mut para_rtl = default_level.map(|l| l.is_rtl());
        let (mut hebrew, mut arabic, mut arabic_digits) = (false, false, false);
        let (mut numbers, mut number_first) = (false, false);
        for c in text.chars() {
            let class = cached.bidi_class(c);
            match class {
                L if para_rtl == Some(true) => return None,
                R | AL | AN if para_rtl == Some(false) => return None,
                L => {}
                R => hebrew = true,
                AL => arabic = true,
                EN | AN => {
                    numbers = true;
                    number_first |= !arabic;
                    arabic_digits |= class == AN;
                }
                ES | ET | CS | ON | WS | NSM => {}
                _ => return None,
            }
            if para_rtl.is_none() && matches!(class, L | R | AL) {
                para_rtl = Some(class != L);
            }
            for _ in 0..c.len_utf8() {
                classes.push(class);
            }
        }
        let rtl = para_rtl.unwrap_or(false);
        if !rtl && (hebrew || arabic || arabic_digits) {
            return None;
        }
        let mut analysis = Self {
            para_level: u8::from(rtl),
            levels: Vec::new(),
            classes,
        };
        if rtl && numbers {
            if hebrew || number_first {
                return None;
            }
            analysis.levels = arabic_number_levels(text, &analysis.classes)?;
        }
        Some(analysis)
    }

    /// True when every character is at the paragraph level.
    pub fn single_level(&self) -> bool {
        self.levels.is_empty()
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

/// Levels of an RTL paragraph of Arabic letters, numbers and neutrals, per byte: 2 for numbers
/// and for a single common separator between two of them (W4), 1 for the rest. `None` when a
/// mark follows a number or a separator (W1 would carry their class on to it).
fn arabic_number_levels(text: &str, classes: &[BidiClass]) -> Option<Vec<Level>> {
    use BidiClass::{AN, CS, EN, NSM};
    let number = Level::new(2).ok()?;
    let is_number = |class: BidiClass| matches!(class, EN | AN);
    let mut levels = vec![Level::rtl(); classes.len()];
    let mut chars = text.char_indices().peekable();
    let mut prev: Option<BidiClass> = None;
    while let Some((at, c)) = chars.next() {
        let class = classes.get(at).copied()?;
        let next = chars.peek().and_then(|&(n, _)| classes.get(n).copied());
        let raised = match class {
            EN | AN => true,
            CS => prev.is_some_and(is_number) && next.is_some_and(is_number),
            NSM if prev.is_some_and(|p| is_number(p) || p == CS) => return None,
            _ => false,
        };
        if raised {
            levels.get_mut(at..at + c.len_utf8())?.fill(number);
        }
        prev = Some(class);
    }
    Some(levels)
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

    const PLAIN: &[&str] = &[
        "a", "Z", "é", "א", "ב", "ب", "ل", "1", "٣", "۴", " ", ".", ",", "-", "+", "$", "%", "(",
        ")", "«", "»", "!", "\u{064E}", "\u{0301}", "\u{05B8}",
    ];
    const ARABIC: &[&str] = &[
        "ب", "ل", "ا", " ", "1", "٣", "۴", "٫", ",", ".", ":", "/", "%", "٪", "+", "-", "$", "(",
        ")", "!", "\u{064E}", "\u{0651}",
    ];
    const OTHER: &[&str] = &[
        "\t", "\u{200F}", "\u{2067}", "\u{2069}", "\u{202B}", "\u{AD}", "\u{2029}",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 3000, ..Default::default() })]

        #[test]
        fn the_simple_shortcut_agrees_with_the_full_algorithm(
            pieces in proptest::prop_oneof![
                proptest::collection::vec(proptest::sample::select(PLAIN), 0..24),
                proptest::collection::vec(proptest::sample::select(ARABIC), 0..24),
                proptest::collection::vec(proptest::sample::select([PLAIN, OTHER].concat()), 0..24),
            ],
            direction in proptest::sample::select(vec![None, Some(Level::ltr()), Some(Level::rtl())]),
        ) {
            let text = pieces.concat();
            if let Some(fast) = Analysis::simple(&text, direction) {
                let full = Analysis::full(&text, direction);
                proptest::prop_assert_eq!(fast.para_level, full.para_level);
                for i in 0..text.len() {
                    proptest::prop_assert_eq!(fast.level(i), full.level(i));
                }
                proptest::prop_assert_eq!(fast.classes, full.classes);
            }
        }
    }

    #[test]
    fn the_simple_shortcut_is_taken_for_plain_text() {
        assert!(Analysis::simple("hello, world 42", None).is_some());
        assert!(Analysis::simple("مرحبا «بكم».", None).is_some());
        assert!(Analysis::simple("مرحبا 42، و٣.٥٪", None).is_some());
        assert!(Analysis::simple("42 مرحبا", None).is_none());
        assert!(Analysis::simple("שלום 42", None).is_none());
        assert!(Analysis::simple("abc שלום", None).is_none());
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
