//! Folding text for matching: search and entity lookup compare folded forms, so that a reader
//! typing الرقه finds الرَّقَة and a gazetteer entry اسرائيل finds إسرائيل.
//!
//! The rule: a folded string drops what readers do not type (Arabic harakat and Quranic marks,
//! tatweel, Hebrew niqqud and cantillation, ZWJ/ZWNJ, bidi controls) and merges letters that are
//! written interchangeably (أ إ آ ٱ → ا; ى ی ے ۓ → ي; ة and Urdu ہ ۂ ۃ ھ → ه; ک → ك;
//! Arabic-Indic and Persian digits → ASCII; Latin lower case). Urdu writes heh goal (ہ) and yeh
//! barree (ے) where Arabic keyboards give ه and ي, so a reader typing لاهور finds لاہور. Every folded byte keeps the offset of the original character it came
//! from, so a match in folded text maps back to a range of the original text.

use std::ops::Range;

/// Folded text plus its way back to the original.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// For each byte of `text` (and one past the end), the byte offset in the original text of
    /// the character it came from; the last entry is the original length. `u32` halves the
    /// memory a 10 MB article's map takes; one text part of 4 GiB or more is not read (the
    /// offsets past that saturate, so ranges there come out empty instead of wrong).
    origin: Vec<u32>,
}

impl Folded {
    /// Maps a byte range of the folded text back to the original text. The range is widened to
    /// whole original characters and takes along marks dropped right after its last character.
    pub fn original_range(&self, folded: Range<usize>) -> Range<usize> {
        original_range(&self.origin, folded)
    }
}

/// Folds `text` for matching.
pub fn fold(text: &str) -> Folded {
    let mut out = Folded::default();
    fold_onto(text, &mut out.text, &mut out.origin);
    out
}

/// Appends the folded form of `text` to `out`, and to `origin` one entry for each byte
/// appended plus one for the end, as [`Folded`] keeps them (offsets relative to `text`).
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
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii() && !b.is_ascii_uppercase() {
            at += 1;
            continue;
        }
        // The common case, a Hebrew or Arabic letter that stays as it is, told from its two
        // bytes.
        if b & 0xE0 == 0xC0
            && let Some(&t) = bytes.get(at + 1)
        {
            let code = usize::from(b & 0x1F) << 6 | usize::from(t & 0x3F);
            if code
                .checked_sub(RTL_FIRST as usize)
                .and_then(|i| RTL_FOLDS.get(i))
                .is_some_and(|&f| usize::from(f) == code)
            {
                at += 2;
                continue;
            }
        }
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

/// [`Folded::original_range`] over one text's stretch of an origin map.
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
    fn digits_and_latin_case_fold() {
        assert_eq!(fold_query("٢٠١٦ و۱۳۹۵ Raqqa"), "2016 و1395 raqqa");
    }

    #[test]
    fn hebrew_and_arabic_table_folds_as_the_rules_do() {
        for c in (RTL_FIRST..=RTL_LAST).chain(['a', 'Z', 'É', 'Ж', '\u{200F}', 'ﻻ']) {
            let text = format!("x{c}y");
            let folded = fold(&text);
            assert_eq!(folded.text, fold_query(&text), "U+{:04X}", u32::from(c));
            assert_eq!(folded.origin.len(), folded.text.len() + 1);
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
