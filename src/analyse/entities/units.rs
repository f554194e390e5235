//! Words and units: the folded text cut into words, then into units — a known phrase (one or
//! more words, attached prefixes set aside) or a single unknown word.
//!
//! The rule: left to right, each word is looked up whole, then with its prefixes cut (see
//! [`super::clitics`]); the longest known phrase starting there that ends on a word end becomes
//! one unit and the next lookup starts after it.

use super::clitics::{elided_article, prefix_cuts};
use super::gazetteer::{
    ROLE_PERSIAN_HEAD, ROLE_PERSIAN_PLACE, ROLE_PERSIAN_STOP, ROLE_STOP, Roles, Source,
};
use super::lexicon::Lexicon;

/// A word of the folded text, as a byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    start: u32,
    end: u32,
}

impl Word {
    /// A word over `start..end`. Offsets past 4 GiB saturate (those words come out empty), as
    /// the folded text's way back does.
    pub fn new(start: usize, end: usize) -> Word {
        let at = |offset: usize| u32::try_from(offset).unwrap_or(u32::MAX);
        Word {
            start: at(start),
            end: at(end),
        }
    }

    pub fn start(&self) -> usize {
        self.start as usize
    }

    pub fn end(&self) -> usize {
        self.end as usize
    }
}

/// Characters that join two letters into one word: the hyphen of al-Assad, the gershayim of
/// צה"ל, the apostrophe of ג'ון.
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '־' | '\'' | '"' | '׳' | '״' | '’')
}

/// A letter or digit. Arabic, Hebrew and ASCII are answered from their ranges: the general
/// Unicode lookup is the slowest step of tagging otherwise.
pub fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\0'..='\x7f' => false,
        '\u{0621}'..='\u{064A}' | '\u{0660}'..='\u{0669}' | '\u{066E}'..='\u{06D3}' => true,
        '\u{05D0}'..='\u{05EA}' => true,
        _ => c.is_alphanumeric(),
    }
}

/// An English possessive: the apostrophe of "Iran's" ends the word instead of joining.
fn possessive(text: &str, at: usize) -> bool {
    let rest = text.get(at..).unwrap_or_default();
    let mut chars = rest.chars();
    matches!(chars.next(), Some('\'' | '’'))
        && chars.next() == Some('s')
        && chars.next().is_none_or(|c| !is_word_char(c))
}

/// The words of `text`: letters and digits, with joiners between two of them.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::with_capacity(text.len() / 8);
    words_into(text, &mut out);
    out
}

/// [`words`] into `out`, replacing what it held but keeping its memory.
pub fn words_into(text: &str, out: &mut Vec<Word>) {
    out.clear();
    out.reserve(text.len() / 8);
    let mut start: Option<usize> = None;
    let mut prev_alnum = false;
    let mut prev_digit = false;
    let mut prev_hebrew = false;
    let mut at = 0;
    while let Some(c) = char_at(text, at) {
        let here = at;
        at += c.len_utf8();
        if is_word_char(c) {
            // Letters and digits, most of the text, need no look ahead.
            if start.is_none() {
                start = Some(here);
            }
            prev_alnum = true;
            prev_hebrew = ('\u{05D0}'..='\u{05EA}').contains(&c);
            prev_digit = c.is_ascii_digit();
            // The Arabic letters after it (U+0621 to U+064A), two bytes each, skipped whole.
            let before = at;
            while let Some([lead, trail]) = text.as_bytes().get(at..at + 2) {
                if !((*lead == 0xD8 && *trail >= 0xA1) || (*lead == 0xD9 && *trail <= 0x8A)) {
                    break;
                }
                at += 2;
            }
            if at > before {
                prev_hebrew = false;
                prev_digit = false;
            }
            continue;
        }
        let at = here;
        let next = char_at(text, at + c.len_utf8());
        // A geresh closes Hebrew transliterations: דוידוביץ', ג'.
        let geresh = matches!(c, '\'' | '׳') && prev_hebrew;
        // A Hebrew prefix and a hyphen before a Latin word stay apart from it: ו-GoDaddy.
        let prefix_latin =
            prev_hebrew && matches!(c, '-' | '־') && next.is_some_and(|n| n.is_ascii_alphabetic());
        let joins = geresh
            || prev_alnum
                && is_joiner(c)
                && next.is_some_and(is_word_char)
                && !possessive(text, at)
                && !prefix_latin
                && !(c == '-' && prev_digit && next.is_some_and(|n| n.is_ascii_digit()));
        if joins {
            if start.is_none() {
                start = Some(at);
            }
        } else if let Some(s) = start.take() {
            out.push(Word::new(s, at));
        }
        prev_alnum = geresh;
        prev_hebrew = false;
        // Digits on both sides of a hyphen are a range or a date (2016-05-12), not one word.
        prev_digit = false;
    }
    if let Some(s) = start {
        out.push(Word::new(s, text.len()));
    }
}

/// The character at byte `at` of `text`: ASCII and two-byte characters (Hebrew, Arabic)
/// decoded from their bytes, others by the general decoder.
fn char_at(text: &str, at: usize) -> Option<char> {
    let bytes = text.as_bytes();
    let b = *bytes.get(at)?;
    if b.is_ascii() {
        return Some(char::from(b));
    }
    if b & 0xE0 == 0xC0
        && let Some(&t) = bytes.get(at + 1)
    {
        return char::from_u32(u32::from(b & 0x1F) << 6 | u32::from(t & 0x3F));
    }
    text.get(at..)?.chars().next()
}

/// Whether a phrase may end at byte `end` of `text`: not in the middle of a word.
pub fn ends_word(text: &str, end: usize) -> bool {
    let (Some(before), Some(after)) = (text.get(..end), text.get(end..)) else {
        return false;
    };
    let mut next = after.chars();
    let Some(n) = next.next() else {
        return true;
    };
    let prev_alnum = before.chars().next_back().is_some_and(is_word_char);
    if is_word_char(n) {
        return !prev_alnum;
    }
    !(prev_alnum && is_joiner(n) && next.next().is_some_and(is_word_char) && !possessive(text, end))
}

/// A known phrase or an unknown word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    /// First and last word index (inclusive), read by [`Unit::first`] and [`Unit::last`].
    first: u32,
    last: u32,
    /// The unit's text without attached prefixes, in folded bytes.
    pub start: usize,
    pub end: usize,
    /// What the phrase means; `None` for an unknown word.
    pub roles: Option<Roles>,
    /// The text lost the alef of its article after ل (للتحالف): put it back when reporting.
    pub elided: bool,
}

impl Unit {
    /// The index of the unit's first word.
    pub fn first(&self) -> usize {
        self.first as usize
    }

    /// The index of the unit's last word.
    pub fn last(&self) -> usize {
        self.last as usize
    }

    /// The same unit read as an unknown word.
    pub fn unknown(&self) -> Unit {
        Unit {
            roles: None,
            ..*self
        }
    }

    pub fn has(&self, role: u16) -> bool {
        self.roles.is_some_and(|r| r.bits & role != 0)
    }
}

/// The phrase sets a lookup consults: the built-in one and the article's own names.
#[derive(Clone, Copy)]
pub struct Lexicons<'a> {
    pub main: &'a Lexicon,
    pub extra: Option<&'a Lexicon>,
}

impl Lexicons<'_> {
    /// The longest phrase starting at `start` that ends on a word end; `word_end` ends the
    /// word `start` is in.
    fn phrase_at(&self, text: &str, start: usize, word_end: usize) -> Option<(usize, Roles)> {
        let main = self.main.phrase_at(text, start, word_end);
        let extra = self.extra.and_then(|l| l.phrase_at(text, start, word_end));
        match (main, extra) {
            (Some(m), Some(e)) => Some(if e.0 >= m.0 { e } else { m }),
            (m, e) => e.or(m),
        }
    }
}

/// How far past the elided article a phrase may reach (phrases are a few words long).
const ELIDED_WINDOW: usize = 200;

/// A word index as a unit keeps it; past 4 billion words it saturates (those units point at no
/// word).
fn word_index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// Cuts the folded `text` into units; `prefixes` says whether attached prefixes are cut
/// (Arabic and Hebrew text) or not (Persian and Urdu text).
pub fn units(text: &str, words: &[Word], lexicons: Lexicons<'_>, prefixes: bool) -> Vec<Unit> {
    let mut out = Vec::with_capacity(words.len());
    units_into(text, words, lexicons, prefixes, &mut out);
    out
}

/// [`units`] into `out`, replacing what it held but keeping its memory.
pub fn units_into(
    text: &str,
    words: &[Word],
    lexicons: Lexicons<'_>,
    prefixes: bool,
    out: &mut Vec<Unit>,
) {
    out.clear();
    out.reserve(words.len());
    let mut restored = String::new();
    let mut i = 0;
    while let Some(word) = words.get(i) {
        let found = lookup_word(text, *word, lexicons, prefixes, &mut restored);
        let (unit, last) = match found {
            Some((start, end, roles, elided)) => {
                // The last word the phrase reaches into ("dr." ends past "dr" but before the
                // next word starts).
                let mut last = i;
                while words.get(last + 1).is_some_and(|w| w.start() < end) {
                    last += 1;
                }
                let unit = Unit {
                    first: word_index(i),
                    last: word_index(last),
                    start,
                    end,
                    roles: Some(roles),
                    elided,
                };
                (unit, last)
            }
            None => {
                let unit = Unit {
                    first: word_index(i),
                    last: word_index(i),
                    start: word.start(),
                    end: word.end(),
                    roles: None,
                    elided: false,
                };
                (unit, i)
            }
        };
        i = last + 1;
        out.push(unit);
    }
}

/// The phrase a word starts, whole word first, then after each possible prefix, then through
/// an elided article (put back in `restored`, a buffer reused from word to word).
fn lookup_word(
    text: &str,
    word: Word,
    lexicons: Lexicons<'_>,
    prefixes: bool,
    restored: &mut String,
) -> Option<(usize, usize, Roles, bool)> {
    if let Some((end, roles)) = lexicons.phrase_at(text, word.start(), word.end()) {
        return Some((word.start(), end, roles, false));
    }
    if !prefixes {
        return None;
    }
    let form = text.get(word.start()..word.end())?;
    for cut in prefix_cuts(form) {
        let start = word.start() + cut;
        if let Some((end, roles)) = lexicons.phrase_at(text, start, word.end()) {
            // In Hebrew, a short rest that only a generated list knows is an ordinary word
            // far more often than a place: שנים is not ש + נים, מקום not מ + קום.
            let short = text
                .get(start..end)
                .is_some_and(|rest| rest.chars().count() < 4);
            let generated = roles
                .kind
                .is_some_and(|(_, source)| source == Source::Generated);
            let hebrew = form.starts_with(|c: char| ('\u{05D0}'..='\u{05EA}').contains(&c));
            if short && generated && hebrew && roles.bits == 0 {
                continue;
            }
            // A doubled ו cut to one (בוועדת → ועדת) serves the context words, whose spelling
            // is fixed; names keep the spelling they are written with (בווינה).
            let doubled = form
                .get(..cut)
                .is_some_and(|p| p.ends_with('ו') && p.chars().count() >= 2);
            if doubled && hebrew && roles.kind.is_some() {
                continue;
            }
            // Nor is a rest of two letters a context word: כלים is not כ + ל + ים (sea).
            // But a conjunction before a particle is one: ועם, ועל, וכי.
            let tiny = text
                .get(start..end)
                .is_some_and(|rest| rest.chars().count() < 3);
            let and_particle =
                cut == 'ו'.len_utf8() && form.starts_with('ו') && roles.bits & ROLE_STOP != 0;
            if tiny && hebrew && roles.kind.is_none() && !and_particle {
                continue;
            }
            // Cuts are made in Arabic text only, where a word known only to Persian and Urdu
            // (the Urdu اور) is no word: باور is a name, not ب + اور.
            let persian_only = ROLE_PERSIAN_STOP | ROLE_PERSIAN_HEAD | ROLE_PERSIAN_PLACE;
            if roles.kind.is_none() && roles.bits & !persian_only == 0 && roles.month == 0 {
                continue;
            }
            return Some((start, end, roles, false));
        }
    }
    let lam = word.start() + elided_article(form)?;
    let mut window_end = (lam + ELIDED_WINDOW).min(text.len());
    while !text.is_char_boundary(window_end) {
        window_end -= 1;
    }
    restored.clear();
    restored.push('ا');
    restored.push_str(text.get(lam..window_end)?);
    let restored_word_end = word.end() - lam + 'ا'.len_utf8();
    let (end, roles) = lexicons.phrase_at(restored, 0, restored_word_end.min(restored.len()))?;
    let end = lam + end.checked_sub('ا'.len_utf8())?;
    (end > lam).then_some((lam, end, roles, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_joined_letters_together() {
        let text = "צה\"ל said al-Assad, \"yes\" 28.000 Iran's";
        let got: Vec<&str> = words(text)
            .iter()
            .filter_map(|w| text.get(w.start()..w.end()))
            .collect();
        assert_eq!(
            got,
            vec!["צה\"ל", "said", "al-Assad", "yes", "28", "000", "Iran", "s"]
        );
    }

    #[test]
    fn phrase_ends_only_on_word_ends() {
        let text = "حلبان حلب، د.محمد";
        assert!(!ends_word(text, "حلب".len()));
        assert!(ends_word(text, "حلبان".len()));
        let at = text.find("حلب،").expect("present") + "حلب".len();
        assert!(ends_word(text, at));
        let dot = text.find("د.").expect("present") + "د.".len();
        assert!(ends_word(text, dot));
    }
}
