//! Hebrew people named by a pair: a given name, even one that is also a word or too short for
//! the given-name list (טל, שחר, אור, שיר, דן), then an Israeli family name: טל אזולאי, דן
//! ביטון, שחר מלכה. Neither list makes a name alone: טל is dew until a family name follows.
//!
//! The lists (`he-family.tsv`, `he-word-given.tsv`) are generated from names-dataset (see
//! `assets/gazetteers/gen/generate.py`); they are read once, on first use.

use std::collections::HashSet;
use std::sync::OnceLock;

fn lines(text: &'static str) -> HashSet<&'static str> {
    text.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// An Israeli family name (folded Hebrew letters).
pub fn family(form: &str) -> bool {
    static FAMILY: OnceLock<HashSet<&'static str>> = OnceLock::new();
    FAMILY
        .get_or_init(|| lines(include_str!("../../../assets/gazetteers/he-family.tsv")))
        .contains(form)
}

/// A popular Israeli given name that the given-name list leaves out because it is a word.
pub fn word_given(form: &str) -> bool {
    static WORD_GIVEN: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORD_GIVEN
        .get_or_init(|| lines(include_str!("../../../assets/gazetteers/he-word-given.tsv")))
        .contains(form)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_hold_family_names_and_word_given_names() {
        assert!(family("אזולאי"));
        assert!(word_given("טל"));
        assert!(!family("טל") || word_given("טל"));
    }
}
