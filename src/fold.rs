//! Folding text for matching: search and entity lookup compare folded forms, so that a reader
//! typing الرقه finds الرَّقَة and a gazetteer entry اسرائيل finds إسرائيل.
//!
//! The rule: a folded string drops what readers do not type (Arabic harakat and Quranic marks,
//! tatweel, Hebrew niqqud and cantillation, ZWJ/ZWNJ, bidi controls) and merges letters that are
//! written interchangeably (أ إ آ ٱ → ا; ى ی ے ۓ → ي; ة and Urdu ہ ۂ ۃ ھ → ه; ک → ك;
//! Arabic-Indic and Persian digits → ASCII; Hebrew geresh ׳ and gershayim ״ → ' and "; Latin
//! lower case). Urdu writes heh goal (ہ) and yeh barree (ے) where Arabic keyboards give ه and
//! ي, so a reader typing لاهور finds لاہور. Every folded byte keeps the offset of the original
//! character it came from, so a match in folded text maps back to a range of the original text.

use std::ops::Range;

/// Folded text plus its way back to the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// The way back, in stretches: most characters fold to as many bytes as they had (Hebrew
    /// and Arabic letters, ASCII), so a stretch of them maps by one offset, and a map of
    /// every byte (four times the text) is not needed. A stretch ends where a character was
    /// dropped or changed its length; the last one starts at the end of the text and maps to
    /// the original length. Offsets past 4 GiB saturate, so ranges there come out empty
    /// instead of wrong.
    stretches: Vec<Stretch>,
}

/// Where a stretch of folded text starts, and the original offset it starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stretch {
    folded: u32,
    original: u32,
    /// Every byte maps to `original` (one character that changed its length); otherwise byte
    /// for byte, each to the start of its character.
    flat: bool,
}

impl Default for Folded {
    fn default() -> Folded {
        fold("")
    }
}

impl Folded {
    /// Maps a byte range of the folded text back to the original text. The range is widened to
    /// whole original characters and takes along marks dropped right after its last character.
    pub fn original_range(&self, folded: Range<usize>) -> Range<usize> {
        let (start, end) = (self.original_at(folded.start), self.original_at(folded.end));
        start..end.max(start)
    }

    /// [`Folded::original_range`] for ranges asked in about increasing order (a long text's
    /// mentions, its words from first to last): each end is looked for from `near`, the
    /// stretch the last answer came from, where a binary search of a long text's stretches
    /// would miss the cache at every step. The answers are those of `original_range`.
    pub fn original_range_near(&self, folded: Range<usize>, near: &mut usize) -> Range<usize> {
        let (start, end) = (
            self.original_at_near(folded.start, near),
            self.original_at_near(folded.end, near),
        );
        start..end.max(start)
    }

    /// The original offset of the character folded byte `at` came from; the end and anything
    /// past it map to the original length.
    fn original_at(&self, at: usize) -> usize {
        let at = at.min(self.text.len());
        let i = self.stretches.partition_point(|s| s.folded as usize <= at);
        self.original_in(at, i)
    }

    /// [`Folded::original_at`], looked for from stretch `near` (a few steps forward or back,
    /// else a binary search), which is left at the stretch found.
    fn original_at_near(&self, at: usize, near: &mut usize) -> usize {
        let at = at.min(self.text.len());
        let starts_by = |i: usize| {
            self.stretches
                .get(i)
                .is_some_and(|s| s.folded as usize <= at)
        };
        // `i` is the first stretch starting past `at`, as `partition_point` gives it.
        let mut i = *near;
        let i = if starts_by(i) || i == 0 {
            let mut steps = 0;
            while starts_by(i) && steps < 8 {
                i += 1;
                steps += 1;
            }
            if starts_by(i) {
                let rest = self.stretches.get(i..).unwrap_or_default();
                i + rest.partition_point(|s| s.folded as usize <= at)
            } else {
                i
            }
        } else {
            // Backwards: `i` starts past `at`; so may a few before it.
            let mut i = i.min(self.stretches.len());
            let mut steps = 0;
            while i > 0 && !starts_by(i - 1) && steps < 8 {
                i -= 1;
                steps += 1;
            }
            if i > 0 && !starts_by(i - 1) {
                let before = self.stretches.get(..i).unwrap_or_default();
                before.partition_point(|s| s.folded as usize <= at)
            } else {
                i
            }
        };
        *near = i.saturating_sub(1);
        self.original_in(at, i)
    }

    /// The original offset of folded byte `at`, in the stretch before stretch `i`.
    fn original_in(&self, at: usize, i: usize) -> usize {
        let Some(stretch) = i.checked_sub(1).and_then(|i| self.stretches.get(i)) else {
            return 0;
        };
        let first = stretch.folded as usize;
        if stretch.flat {
            return stretch.original as usize;
        }
        // A continuation byte maps to the start of its character.
        let bytes = self.text.as_bytes();
        let mut start = at;
        while start > first && bytes.get(start).is_some_and(|b| b & 0xC0 == 0x80) {
            start -= 1;
        }
        stretch.original as usize + (start - first)
    }
}

/// Folds `text` for matching.
pub fn fold(text: &str) -> Folded {
    let mut folded = Folded {
        text: String::new(),
        stretches: Vec::new(),
    };
    fold_into(text, &mut folded);
    folded
}

/// Folds `text` into `into`, replacing what it held but keeping its memory: a caller folding
/// one text after another touches fresh memory only when a text is longer than all before.
pub fn fold_into(text: &str, into: &mut Folded) {
    let offset = |at: usize| u32::try_from(at).unwrap_or(u32::MAX);
    let out = &mut into.text;
    let stretches = &mut into.stretches;
    out.clear();
    stretches.clear();
    out.reserve(text.len());
    // Whether the next byte pushed starts a new stretch, after a dropped character or one
    // that changed its length.
    let mut broken = true;
    let mut run = 0;
    let bytes = text.as_bytes();
    let mut at = 0;
    loop {
        at = skip_unchanged(bytes, at);
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        let rtl = (c as usize)
            .checked_sub(RTL_FIRST as usize)
            .and_then(|i| RTL_FOLDS.get(i))
            .map(|&f| char::from_u32(u32::from(f)).unwrap_or_default());
        if rtl == Some(c) {
            at += c.len_utf8();
            continue;
        }
        // The characters before this one fold to themselves: copied as they are.
        if let Some(piece) = text.get(run..at).filter(|p| !p.is_empty()) {
            if broken {
                stretches.push(Stretch {
                    folded: offset(out.len()),
                    original: offset(run),
                    flat: false,
                });
                broken = false;
            }
            out.push_str(piece);
        }
        let from = at;
        at += c.len_utf8();
        run = at;
        let folded = match rtl {
            _ if c.is_ascii() => Some(c.to_ascii_lowercase()),
            Some('\0') => {
                broken = true;
                continue;
            }
            Some(f) => Some(f),
            None if is_ignored(c) => {
                broken = true;
                continue;
            }
            None => None,
        };
        match folded {
            // A character folded to one of the same length keeps the stretch going.
            Some(f) if f.len_utf8() == c.len_utf8() => {
                if broken {
                    stretches.push(Stretch {
                        folded: offset(out.len()),
                        original: offset(from),
                        flat: false,
                    });
                    broken = false;
                }
                out.push(f);
            }
            _ => {
                stretches.push(Stretch {
                    folded: offset(out.len()),
                    original: offset(from),
                    flat: true,
                });
                broken = true;
                match folded {
                    Some(f) => out.push(f),
                    None => push_folded(out, c),
                }
            }
        }
    }
    if let Some(piece) = text.get(run..).filter(|p| !p.is_empty()) {
        if broken {
            stretches.push(Stretch {
                folded: offset(out.len()),
                original: offset(run),
                flat: false,
            });
        }
        out.push_str(piece);
    }
    // The end maps past everything, so a match ending on the last letter takes its marks; a
    // match ending earlier maps to the next kept character, past the marks dropped between.
    stretches.push(Stretch {
        folded: offset(out.len()),
        original: offset(text.len()),
        flat: true,
    });
}

/// Appends the folded form of `text` to `out`, and to `origin` one entry for each byte
/// appended plus one for the end: the original offset of the character each came from, as
/// [`original_range`] reads them (offsets relative to `text`).
/// Texts folded one after another into one buffer can then be scanned in one pass.
pub fn fold_onto(text: &str, out: &mut String, origin: &mut Vec<u32>) {
    out.reserve(text.len());
    origin.reserve(text.len() + 1);
    let offset = |at: usize| u32::try_from(at).unwrap_or(u32::MAX);
    let bytes = text.as_bytes();
    // Characters that fold to themselves (most of an article: lower-case ASCII, Hebrew and
    // Arabic letters) are copied a run at a time; only the others are folded one by one.
    let mut run = 0;
    let mut at = 0;
    loop {
        at = skip_unchanged(bytes, at);
        let Some(&b) = bytes.get(at) else {
            break;
        };
        // Hebrew and Arabic letters take two bytes: decoded here without the general decoder.
        let two = match bytes.get(at + 1) {
            Some(&t) if b & 0xE0 == 0xC0 => {
                char::from_u32(u32::from(b & 0x1F) << 6 | u32::from(t & 0x3F))
            }
            _ => None,
        };
        let Some(c) = two.or_else(|| text.get(at..).and_then(|rest| rest.chars().next())) else {
            break;
        };
        let rtl = (c as usize)
            .checked_sub(RTL_FIRST as usize)
            .and_then(|i| RTL_FOLDS.get(i));
        if rtl.is_some_and(|&f| u32::from(f) == u32::from(c)) {
            at += c.len_utf8();
            continue;
        }
        copy_run(text, run..at, out, origin);
        let from = offset(at);
        at += c.len_utf8();
        run = at;
        // ASCII capitals, and Hebrew and Arabic characters from the table made at compile
        // time (0 when dropped); the rest by the general rules and the case tables.
        let folded = match rtl {
            _ if c.is_ascii() => c.to_ascii_lowercase(),
            Some(&f) => match char::from_u32(u32::from(f)) {
                Some(f) if f != '\0' => f,
                _ => continue,
            },
            None => {
                if !is_ignored(c) {
                    let before = out.len();
                    push_folded(out, c);
                    origin.resize(origin.len() + (out.len() - before), from);
                }
                continue;
            }
        };
        out.push(folded);
        origin.resize(origin.len() + folded.len_utf8(), from);
    }
    copy_run(text, run..text.len(), out, origin);
    // The end maps past everything, so a match ending on the last letter takes its marks; a
    // match ending earlier maps to the next kept character, past the marks dropped between.
    origin.push(offset(text.len()));
}

/// Copies `range` of `text`, characters that fold to themselves, to `out`, each byte mapped
/// to the start of its character.
fn copy_run(text: &str, range: Range<usize>, out: &mut String, origin: &mut Vec<u32>) {
    let Some(piece) = text.get(range.clone()) else {
        return;
    };
    out.push_str(piece);
    let base = range.start;
    let mut start = 0;
    origin.extend(piece.bytes().enumerate().map(|(i, b)| {
        // A continuation byte maps to the start of its character.
        if b & 0xC0 != 0x80 {
            start = i;
        }
        u32::try_from(base + start).unwrap_or(u32::MAX)
    }));
}

/// The Hebrew and Arabic blocks, whose letters fold without case: U+0590 to U+06FF.
const RTL_FIRST: char = '\u{0590}';
const RTL_LAST: char = '\u{06FF}';

/// What each character of the Hebrew and Arabic blocks folds to, 0 when it is dropped: the
/// same answers as [`is_ignored`] and [`push_folded`], worked out at compile time.
const RTL_FOLDS: [u16; RTL_LAST as usize - RTL_FIRST as usize + 1] = {
    let mut table = [0u16; RTL_LAST as usize - RTL_FIRST as usize + 1];
    let mut i = 0;
    while i < table.len() {
        if let Some(c) = char::from_u32(RTL_FIRST as u32 + i as u32)
            && !is_ignored(c)
        {
            table[i] = match fold_char(c) {
                Some(f) => f as u16,
                None => c as u16,
            };
        }
        i += 1;
    }
    table
};

/// [`Folded::original_range`] over one text's part of an origin map made by [`fold_onto`].
pub fn original_range(origin: &[u32], folded: Range<usize>) -> Range<usize> {
    let last = origin.len().saturating_sub(1);
    let at = |i: usize| origin.get(i.min(last)).map_or(0, |&o| o as usize);
    let (start, end) = (at(folded.start), at(folded.end));
    start..end.max(start)
}

/// Folds a short query (no way back needed).
pub fn fold_query(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().filter(|&c| !is_ignored(c)) {
        push_folded(&mut out, c);
    }
    out
}

fn push_folded(out: &mut String, c: char) {
    match fold_char(c) {
        Some(f) => out.push(f),
        // Hebrew and Arabic have no case; skipping the case tables for them and for ASCII
        // makes folding a long article several times faster.
        None if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        None if ('\u{0590}'..='\u{06FF}').contains(&c) => out.push(c),
        None => out.extend(c.to_lowercase()),
    }
}

/// Characters readers do not type, dropped from folded text.
pub const fn is_ignored(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}'   // Arabic honorific and Quranic signs
        | '\u{064B}'..='\u{065F}' // harakat, tanwin, shadda, sukun, hamza marks
        | '\u{0670}'              // superscript alef
        | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E4}' | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}' // Quranic annotation marks
        | '\u{0640}'              // tatweel
        | '\u{0591}'..='\u{05BD}' | '\u{05BF}' | '\u{05C1}'..='\u{05C2}'
        | '\u{05C4}'..='\u{05C5}' | '\u{05C7}' // Hebrew cantillation and niqqud (not maqaf, sof pasuq)
        | '\u{200B}'..='\u{200F}' // ZWSP, ZWNJ, ZWJ, LRM, RLM
        | '\u{061C}'              // ALM
        | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' // embeddings, overrides, isolates
        | '\u{FEFF}')
}

const fn fold_char(c: char) -> Option<char> {
    Some(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        // ۓ is ے + hamza above, ۂ is ہ + hamza above: the hamza is a mark readers do not type.
        'ى' | 'ی' | 'ے' | 'ۓ' => 'ي',
        'ة' | 'ہ' | 'ۂ' | 'ۃ' | 'ھ' => 'ه',
        'ک' => 'ك',
        // Hebrew geresh and gershayim, typed as the apostrophe and the double quote: צ׳ילה is
        // צ'ילה, צה״ל is צה"ל.
        '\u{05F3}' => '\'',
        '\u{05F4}' => '"',
        '\u{0660}'..='\u{0669}' => digit(c, '\u{0660}'),
        '\u{06F0}'..='\u{06F9}' => digit(c, '\u{06F0}'),
        _ => return None,
    })
}

const fn digit(c: char, zero: char) -> char {
    match char::from_digit(c as u32 - zero as u32, 10) {
        Some(d) => d,
        None => c,
    }
}

/// The first byte at or after `at` that may start a character folding to something else: the
/// common characters that stay as they are (lower-case ASCII, and Hebrew or Arabic letters told
/// from their two bytes without decoding) are passed over.
fn skip_unchanged(bytes: &[u8], mut at: usize) -> usize {
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii() && !b.is_ascii_uppercase() {
            at += 1;
        } else if stays_rtl_letter(b, bytes.get(at + 1)) {
            at += 2;
        } else {
            break;
        }
    }
    at
}

/// Lead byte `b` and the byte after it are a two-byte Hebrew or Arabic letter that folds to
/// itself.
fn stays_rtl_letter(b: u8, next: Option<&u8>) -> bool {
    let Some(&t) = next else {
        return false;
    };
    let code = usize::from(b & 0x1F) << 6 | usize::from(t & 0x3F);
    b & 0xE0 == 0xC0
        && code
            .checked_sub(RTL_FIRST as usize)
            .and_then(|i| RTL_FOLDS.get(i))
            .is_some_and(|&f| usize::from(f) == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn harakat_tatweel_and_letter_variants_fold_away() {
        assert_eq!(fold_query("الرَّقَّة"), "الرقه");
        assert_eq!(fold_query("إسرائيـــل"), "اسرائيل");
        assert_eq!(fold_query("مستشفى"), "مستشفي");
        assert_eq!(fold_query("کتاب‌ها"), "كتابها");
    }

    #[test]
    fn urdu_heh_and_yeh_forms_fold_to_arabic_letters() {
        assert_eq!(fold_query("لاہور"), fold_query("لاهور"));
        assert_eq!(fold_query("بھارت"), "بهارت");
        assert_eq!(fold_query("صلوٰۃ"), "صلوه");
        // Precomposed ۂ and ۓ, and the same letters written with a separate hamza mark.
        assert_eq!(fold_query("خانۂ"), "خانه");
        assert_eq!(fold_query("خانہ\u{0654}"), "خانه");
        assert_eq!(fold_query("گئۓ"), "گئي");
        assert_eq!(fold_query("گئے\u{0654}"), "گئي");
        assert_eq!(fold_query("کراچی سے"), "كراچي سي");
    }

    #[test]
    fn niqqud_folds_away_but_maqaf_stays() {
        assert_eq!(fold_query("יְרוּשָׁלַיִם"), "ירושלים");
        assert_eq!(fold_query("בֵּית־לֶחֶם"), "בית־לחם");
    }

    #[test]
    fn geresh_and_gershayim_fold_to_the_apostrophe_and_quote() {
        assert_eq!(fold_query("צ׳ילה"), fold_query("צ'ילה"));
        assert_eq!(fold_query("צה״ל"), "צה\"ל");
    }

    #[test]
    fn digits_and_latin_case_fold() {
        assert_eq!(fold_query("٢٠١٦ و۱۳۹۵ Raqqa"), "2016 و1395 raqqa");
    }

    #[test]
    fn hebrew_and_arabic_table_folds_as_the_rules_do() {
        for c in (RTL_FIRST..=RTL_LAST).chain(['a', 'Z', 'É', 'Ж', '\u{200F}', 'ﻻ']) {
            let text = format!("x{c}y");
            let folded = fold(&text);
            assert_eq!(folded.text, fold_query(&text), "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn stretches_map_back_as_a_map_of_every_byte_does() {
        let texts = [
            "",
            "\u{064E}",
            "Raqqa الرَّقَّة ٢٠١٦ و۱۳۹۵ İstanbul ﻻ יְרוּשָׁלַיִם כ-2 إسرائيـــل\u{200F}ک ÉCOLE 😀x",
            "ABC\u{0651}\u{0651}def",
            "السلام عليكم\u{064B}",
        ];
        for text in texts {
            let folded = fold(text);
            let (mut dense, mut origin) = (String::new(), Vec::new());
            fold_onto(text, &mut dense, &mut origin);
            assert_eq!(folded.text, dense);
            for a in 0..=dense.len() + 1 {
                for b in a..=dense.len() + 1 {
                    assert_eq!(
                        folded.original_range(a..b),
                        original_range(&origin, a..b),
                        "{text:?} {a}..{b}"
                    );
                }
            }
            // From any stretch near, forwards and backwards.
            for near in 0..folded.stretches.len() + 2 {
                for a in 0..=dense.len() + 1 {
                    for b in [a, a + 1, a + 7, dense.len()] {
                        let mut at = near;
                        assert_eq!(
                            folded.original_range_near(a..b, &mut at),
                            folded.original_range(a..b),
                            "{text:?} {a}..{b} from {near}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn folded_match_maps_back_to_whole_original_characters() {
        let original = "في الرَّقَّة اليوم";
        let folded = fold(original);
        let at = folded.text.find("الرقه").expect("found");
        let range = folded.original_range(at..at + "الرقه".len());
        assert_eq!(original.get(range), Some("الرَّقَّة"));
    }

    #[test]
    fn match_at_the_end_takes_trailing_marks() {
        let original = "كتابٌ";
        let folded = fold(original);
        assert_eq!(
            folded.original_range(0..folded.text.len()),
            0..original.len()
        );
    }
}
