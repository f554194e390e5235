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
    for (at, c) in text.char_indices() {
        if is_ignored(c) {
            continue;
        }
        let before = out.len();
        push_folded(out, c);
        origin.resize(origin.len() + (out.len() - before), offset(at));
    }
    // The end maps past everything, so a match ending on the last letter takes its marks; a
    // match ending earlier maps to the next kept character, past the marks dropped between.
    origin.push(offset(text.len()));
}

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
pub fn is_ignored(c: char) -> bool {
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

fn fold_char(c: char) -> Option<char> {
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

fn digit(c: char, zero: char) -> char {
    let value = u32::from(c) - u32::from(zero);
    char::from_digit(value, 10).unwrap_or(c)
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
