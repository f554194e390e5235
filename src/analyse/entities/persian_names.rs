//! Persian people named without a title: a given name that the shared list lacks, then a
//! family name (رخشان بنی‌اعتماد), or a given name that is also a word (آزاده, free; یاسمن,
//! jasmine) before a word shaped like a family name (آزاده نامداری, یاسمن آریانی).
//!
//! The lists (`fa-given.tsv`, `fa-word-given.tsv`) are generated from persian-gender-detection
//! (see `assets/gazetteers/gen/generate.py`); they are read once, on first use, and serve
//! Persian text only.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::fold::fold;

fn folded_lines(text: &'static str) -> HashSet<String> {
    text.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| fold(l).text)
        .collect()
}

/// An Iranian given name, rare as a word (folded form).
pub fn given(form: &str) -> bool {
    static GIVEN: OnceLock<HashSet<String>> = OnceLock::new();
    GIVEN
        .get_or_init(|| folded_lines(include_str!("../../../assets/gazetteers/fa-given.tsv")))
        .contains(form)
}

/// An Iranian given name that is also a frequent word (folded form).
pub fn word_given(form: &str) -> bool {
    static WORD_GIVEN: OnceLock<HashSet<String>> = OnceLock::new();
    WORD_GIVEN
        .get_or_init(|| folded_lines(include_str!("../../../assets/gazetteers/fa-word-given.tsv")))
        .contains(form)
}

/// Endings of Persian family names (folded): the nisba ی (اسکندری), زاده and پور (son of),
/// یان, نیا, نژاد, فر, وند, لو, کیا, دوست.
const FAMILY_ENDINGS: &[&str] = &[
    "ي", "زاده", "پور", "يان", "نيا", "نژاد", "فر", "وند", "لو", "كيا", "دوست",
];

/// A word shaped like a Persian family name: four letters or more with a family name's ending.
pub fn family_shaped(form: &str) -> bool {
    form.chars().count() >= 4 && FAMILY_ENDINGS.iter().any(|e| form.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_hold_persian_given_names() {
        assert!(word_given(&fold("آزاده").text));
        assert!(given(&fold("رخشان").text));
        assert!(!given(&fold("ایران").text) && !word_given(&fold("ایران").text));
        assert!(family_shaped(&fold("اسکندری").text));
        assert!(family_shaped(&fold("قاسمی‌زاده").text));
        assert!(!family_shaped(&fold("کتاب").text));
    }
}
