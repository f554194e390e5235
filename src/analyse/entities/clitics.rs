//! Attached prefixes: Arabic proclitics and Hebrew prefix letters.
//!
//! The rule: a word is looked up whole first; only when the whole word is not a known phrase
//! are its possible prefixes cut, shortest first, and the rest looked up. So لافروف, لندن,
//! بغداد and בנימין stay whole (they are known, or their cut rest is not), while وواشنطن,
//! بالرقة and בירושלים give واشنطن, الرقة and ירושלים. Arabic chains are
//! (و|ف)?(ب|ك|ل)? before a word that may carry its own ال; لل (ل + ال with the alef dropped)
//! is handled apart because the article's alef must be put back. Hebrew chains are up to three
//! of ו ה ב כ ל מ ש, ו only first, ה only last, optionally followed by a hyphen (ב-2016).

/// The script a word is written in, which decides its prefix rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Arabic,
    Hebrew,
    Latin,
    Other,
}

pub fn script_of(c: char) -> Script {
    match c {
        '\u{0600}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}' => Script::Arabic,
        '\u{0590}'..='\u{05FF}' | '\u{FB1D}'..='\u{FB4F}' => Script::Hebrew,
        c if c.is_ascii_alphabetic() => Script::Latin,
        'À'..='ɏ' => Script::Latin,
        _ => Script::Other,
    }
}

/// A cut needs at least this many letters after it: short rests are ordinary words far more
/// often than names.
const MIN_REST: usize = 2;

/// Byte lengths of the possible prefixes of a folded `word`, shortest first (the whole word,
/// length 0, is not included).
pub fn prefix_cuts(word: &str) -> Cuts {
    let mut cuts = Cuts::default();
    let Some(first) = word.chars().next() else {
        return cuts;
    };
    // Most words start with a letter that is no prefix.
    if !matches!(
        first,
        'و' | 'ف' | 'ب' | 'ك' | 'ل' | 'ו' | 'ה' | 'ב' | 'כ' | 'ל' | 'מ' | 'ש'
    ) {
        return cuts;
    }
    // Only the first few letters can be prefixes; the rest only needs counting. Asked of most
    // words of a text, so nothing here allocates.
    let mut chars = [(0usize, '\0'); 8];
    let mut n = 0;
    for (slot, c) in chars.iter_mut().zip(word.char_indices()) {
        *slot = c;
        n += 1;
    }
    let chars = chars.get(..n).unwrap_or_default();
    if chars.len() <= MIN_REST {
        return cuts;
    }
    match script_of(first) {
        Script::Arabic => {
            let mut i = 0;
            let conj = matches!(chars.first(), Some((_, 'و' | 'ف')));
            if conj {
                i = 1;
                push_cut(chars, i, word.len(), &mut cuts);
            }
            if let Some((_, 'ب' | 'ك' | 'ل')) = chars.get(i) {
                push_cut(chars, i + 1, word.len(), &mut cuts);
            }
        }
        Script::Hebrew => {
            for n in 1..=3 {
                if !hebrew_chain(chars, n) {
                    break;
                }
                push_cut(chars, n, word.len(), &mut cuts);
                // Full spelling doubles a consonantal ו after a prefix letter: בוועדת,
                // הוועדה are ב + ועדת, ה + ועדה.
                if let (Some((_, 'ו')), Some((_, 'ו'))) = (chars.get(n), chars.get(n + 1)) {
                    push_cut(chars, n + 1, word.len(), &mut cuts);
                }
                if let Some((_, '-' | '־')) = chars.get(n) {
                    push_cut(chars, n + 1, word.len(), &mut cuts);
                }
            }
        }
        Script::Latin | Script::Other => {}
    }
    cuts
}

/// The cuts [`prefix_cuts`] offers: at most six (three Hebrew prefix letters, each maybe
/// followed by a hyphen), kept inline.
#[derive(Debug, Clone, Copy, Default)]
pub struct Cuts {
    at: [usize; 6],
    len: usize,
}

impl Cuts {
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn push(&mut self, cut: usize) {
        if let Some(slot) = self.at.get_mut(self.len) {
            *slot = cut;
            self.len += 1;
        }
    }
}

impl IntoIterator for Cuts {
    type Item = usize;
    type IntoIter = std::iter::Take<std::array::IntoIter<usize, 6>>;

    fn into_iter(self) -> Self::IntoIter {
        self.at.into_iter().take(self.len)
    }
}

fn push_cut(chars: &[(usize, char)], at: usize, len: usize, cuts: &mut Cuts) {
    if chars.len().saturating_sub(at) >= MIN_REST
        && let Some(&(offset, _)) = chars.get(at)
        && offset < len
    {
        cuts.push(offset);
    }
}

/// Whether the first `n` letters form a Hebrew prefix chain.
fn hebrew_chain(chars: &[(usize, char)], n: usize) -> bool {
    if chars.len() < n {
        return false;
    }
    // Two prepositions never stand together (בב, לב, מל): בבניין is ב + בניין, not בב + ניין.
    let preposition = |c: char| matches!(c, 'ב' | 'כ' | 'ל' | 'מ');
    chars[..n].iter().enumerate().all(|(i, &(_, c))| match c {
        'ו' => i == 0,
        'ה' => i == n - 1,
        'ב' | 'כ' | 'ל' | 'מ' => i == 0 || !preposition(chars[i - 1].1),
        'ש' => true,
        _ => false,
    })
}

/// For an Arabic word starting with (و|ف)?لل, the byte offset of the second ل: the article's
/// lam, whose alef was dropped after the preposition ل.
pub fn elided_article(word: &str) -> Option<usize> {
    let rest = word
        .strip_prefix('و')
        .or_else(|| word.strip_prefix('ف'))
        .unwrap_or(word);
    let after = rest.strip_prefix("لل")?;
    (after.chars().count() >= 2).then(|| word.len() - rest.len() + 'ل'.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rests(word: &str) -> Vec<&str> {
        prefix_cuts(word)
            .into_iter()
            .filter_map(|cut| word.get(cut..))
            .collect()
    }

    #[test]
    fn arabic_chains_are_cut_shortest_first() {
        assert_eq!(rests("وواشنطن"), vec!["واشنطن"]);
        assert_eq!(rests("بالرقه"), vec!["الرقه"]);
        assert_eq!(rests("وبالرقه"), vec!["بالرقه", "الرقه"]);
        assert_eq!(rests("فلموسكو"), vec!["لموسكو", "موسكو"]);
    }

    #[test]
    fn short_rests_are_not_offered() {
        assert_eq!(rests("وفي"), vec!["في"]);
        assert_eq!(rests("به"), Vec::<&str>::new());
    }

    #[test]
    fn hebrew_prefix_letters_follow_their_order() {
        assert_eq!(rests("בירושלים"), vec!["ירושלים"]);
        assert_eq!(rests("ומהעיר"), vec!["מהעיר", "העיר", "עיר"]);
        assert_eq!(rests("בתל"), vec!["תל"]);
        assert_eq!(rests("ב-2016"), vec!["-2016", "2016"]);
        // ה is only ever last in the chain, so הבית offers only the cut after ה.
        assert_eq!(rests("הבית"), vec!["בית"]);
        assert_eq!(rests("בוועדת"), vec!["וועדת", "ועדת"]);
        assert_eq!(rests("בבניין"), vec!["בניין"]);
    }

    #[test]
    fn lam_lam_points_at_the_article() {
        let word = "للتحالف";
        let at = elided_article(word).expect("لل");
        assert_eq!(word.get(at..), Some("لتحالف"));
        assert_eq!(elided_article("لندن"), None);
        assert_eq!(
            elided_article("وللرقه").and_then(|a| "وللرقه".get(a..)),
            Some("لرقه")
        );
    }

    #[test]
    fn latin_words_have_no_prefixes() {
        assert!(prefix_cuts("Washington").is_empty());
    }
}
