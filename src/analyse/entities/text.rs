//! One text being tagged: its folded form, words and units, and the questions the rules ask
//! about them (is this word definite, an adjective, capitalised, separated by punctuation?).

use super::clitics::{Script, script_of};
use super::gazetteer::{
    Caps, ROLE_FIRST_NAME, ROLE_ORG_HEAD, ROLE_PERSIAN_HEAD, ROLE_PERSIAN_PLACE, ROLE_PERSIAN_STOP,
    ROLE_PLACE_NOUN, ROLE_STOP,
};
use super::units::{Lexicons, Unit, Word, units_into, words_into};
use crate::document::EntityKind;
use crate::fold::{Folded, fold_into};

/// A proposed mention, in folded bytes, before overlaps are resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    /// How specific the evidence is: a context rule or a user name beats a generated list.
    pub rank: u8,
    /// The span starts at the lam of an article whose alef was dropped (للتحالف).
    pub elided: bool,
}

/// Ranks, lowest to highest.
pub const RANK_PATTERN: u8 = 1;
pub const RANK_GENERATED: u8 = 2;
pub const RANK_CURATED: u8 = 3;
pub const RANK_RULE: u8 = 4;
pub const RANK_TITLE: u8 = 5;
pub const RANK_USER: u8 = 6;

/// Frequent Arabic adjectives that are not nisbas, in folded form: they follow the nouns of
/// names (الهيئة العامة, الأمم المتحدة, المحكمة العليا) as nisbas do. A `match`, which
/// compiles to a switch on length: this is asked of most words.
fn arabic_adjective(word: &str) -> bool {
    matches!(
        word,
        "العام"
            | "العامه"
            | "المتحده"
            | "المتحد"
            | "الكبير"
            | "الكبيره"
            | "الكبري"
            | "العليا"
            | "الاعلي"
            | "الخاص"
            | "الخاصه"
            | "المستقل"
            | "المستقله"
            | "الموحد"
            | "الموحده"
            | "المشترك"
            | "المشتركه"
            | "الحر"
            | "الحره"
            | "الدائم"
            | "الدائمه"
            | "المؤقت"
            | "المؤقته"
            | "العظمي"
            | "الاحمر"
            | "الاخضر"
            | "المفتوح"
            | "المفتوحه"
            | "الحمراء"
            | "الخضراء"
            | "البيضاء"
            | "السوداء"
            | "الزرقاء"
            | "الصفراء"
            | "الابيض"
            | "الاسود"
            | "الازرق"
    )
}

/// The characters of `text` in Arabic or Hebrew script, and in Latin script, as
/// [`script_of`] tells them. Counted by lead bytes: two-byte characters are told from their
/// two bytes, longer ones decoded, continuation bytes skipped.
fn count_scripts(text: &str) -> (usize, usize) {
    let bytes = text.as_bytes();
    let (mut rtl, mut latin) = (0usize, 0usize);
    // A chunk at a time, without branches: ASCII letters, and the lead bytes 0xD7 to 0xDB of
    // Hebrew and Arabic letters, are counted from their byte alone; a chunk holding a lead byte
    // that needs its character looked at is walked again for those.
    for (n, chunk) in bytes.chunks(64).enumerate() {
        let (mut r, mut l, mut look) = (0u8, 0u8, false);
        for &b in chunk {
            l += u8::from((b | 0x20).wrapping_sub(b'a') < 26);
            r += u8::from(b.wrapping_sub(0xD7) < 5);
            look |= needs_a_look(b);
        }
        rtl += usize::from(r);
        latin += usize::from(l);
        if !look {
            continue;
        }
        for (i, &b) in chunk.iter().enumerate() {
            if !needs_a_look(b) {
                continue;
            }
            let at = n * 64 + i;
            let trail = bytes.get(at + 1).copied().unwrap_or(0);
            match b {
                // U+00C0 to U+024F.
                0xC3..=0xC8 => latin += 1,
                0xC9 if trail < 0x90 => latin += 1,
                // U+0590 to U+06FF, and U+0750 to U+077F.
                0xD6 | 0xDD if trail >= 0x90 => rtl += 1,
                0xE0.. => match text
                    .get(at..)
                    .and_then(|rest| rest.chars().next())
                    .map(script_of)
                {
                    Some(Script::Arabic | Script::Hebrew) => rtl += 1,
                    Some(Script::Latin) => latin += 1,
                    _ => {}
                },
                _ => {}
            }
        }
    }
    (rtl, latin)
}

/// A lead byte whose letter [`count_scripts`] cannot tell from the byte alone.
fn needs_a_look(b: u8) -> bool {
    (b.wrapping_sub(0xC3) < 7) | (b == 0xD6) | (b == 0xDD) | (b >= 0xE0)
}

/// Letters of Persian and Urdu that Arabic does not use.
const PERSIAN_LETTERS: Letters = Letters::new(&['پ', 'چ', 'ژ', 'گ', 'ی', 'ک', 'ہ', 'ے']);
/// Letters of Urdu that Persian does not use.
const URDU_LETTERS: Letters = Letters::new(&['ٹ', 'ڈ', 'ڑ', 'ں', 'ے', 'ھ', 'ہ']);

/// A set of letters written in two bytes of UTF-8 (U+0080 to U+07FF), looked for by bytes
/// rather than by decoding every character of a text and comparing it with each letter.
struct Letters {
    letters: &'static [char],
    /// For each lead byte 0xC0 to 0xDF, the bit set of continuation bytes (less 0x80) that
    /// complete a letter of the set.
    trails: [u64; 32],
}

/// Lead bytes of U+0680 to U+06FF, the Arabic block's letters for other languages: rare in
/// Arabic and Hebrew text, so a scan for them skips most of it.
const EXTENDED_LEADS: [u8; 2] = [0xDA, 0xDB];

impl Letters {
    const fn new(letters: &'static [char]) -> Letters {
        let mut trails = [0u64; 32];
        let mut i = 0;
        while i < letters.len() {
            let c = letters[i] as u32;
            assert!(c >= 0x80 && c < 0x800, "a letter of two bytes");
            trails[(c >> 6) as usize] |= 1 << (c & 0x3F);
            i += 1;
        }
        Letters { letters, trails }
    }

    /// Whether `text` holds one of the letters. A lead byte is never a continuation byte, so a
    /// lead found anywhere starts a character: letters of U+0680 to U+06FF are found by one
    /// scan for their lead bytes, each other letter by a substring scan.
    fn in_text(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        let others = self.letters.iter().filter(|c| {
            let lead = (0xC0 | (u32::from(**c) >> 6)) as u8;
            !EXTENDED_LEADS.contains(&lead)
        });
        for c in others {
            let mut buffer = [0u8; 4];
            if memchr::memmem::find(bytes, c.encode_utf8(&mut buffer).as_bytes()).is_some() {
                return true;
            }
        }
        let [a, b] = EXTENDED_LEADS;
        memchr::memchr2_iter(a, b, bytes).any(|at| {
            bytes.get(at + 1).is_some_and(|&trail| {
                trail & 0xC0 == 0x80
                    && self.trails[usize::from(bytes[at] & 0x1F)] & (1 << (trail & 0x3F)) != 0
            })
        })
    }
}

/// Arabic letters and the article, as bytes, for the questions asked of most units.
const WAW: &[u8] = "و".as_bytes();
const FEH: &[u8] = "ف".as_bytes();
const BEH: &[u8] = "ب".as_bytes();
const KAF: &[u8] = "ك".as_bytes();
const LAM: &[u8] = "ل".as_bytes();
const LAM_LAM: &[u8] = "لل".as_bytes();
const ARTICLE: &[u8] = "ال".as_bytes();

/// The number of characters of `s`: its bytes that start one.
fn letters(s: &str) -> usize {
    s.bytes().filter(|&b| b & 0xC0 != 0x80).count()
}

pub struct Text<'a> {
    pub original: &'a str,
    pub folded: Folded,
    pub words: Vec<Word>,
    pub units: Vec<Unit>,
    /// Written in Persian or Urdu (their own letters appear): no article marks names' ends.
    pub persian: bool,
    /// Written in Urdu (its own letters appear): names end at postpositions (نے, کے, کی).
    pub urdu: bool,
    /// Written mostly in Arabic or Hebrew letters (see [`Text::rtl`]), worked out when first
    /// asked: only Latin words ask.
    rtl: std::cell::OnceCell<bool>,
    /// The stretch of the folded text's way back that the last original range came from.
    near: std::cell::Cell<usize>,
}

/// A text's analysis without the text: its folded form, words and units, kept to make the
/// same text's [`Text`] again without analysing it twice ([`Text::again`]), or as buffers for
/// the next text to fill ([`Text::reusing`]), so that tagging one text after another does not
/// ask for fresh memory each time.
#[derive(Default)]
pub struct Analysis {
    folded: Folded,
    words: Vec<Word>,
    units: Vec<Unit>,
    persian: bool,
    urdu: bool,
}

impl Analysis {
    /// Bytes of memory held.
    pub fn size(&self) -> usize {
        self.folded.text.capacity()
            + self.words.capacity() * std::mem::size_of::<Word>()
            + self.units.capacity() * std::mem::size_of::<Unit>()
    }
}

impl<'a> Text<'a> {
    pub fn new(original: &'a str, lexicons: Lexicons<'_>) -> Text<'a> {
        Text::reusing(original, lexicons, Analysis::default())
    }

    /// [`Text::new`], filling the buffers of an earlier analysis instead of new ones.
    pub fn reusing(original: &'a str, lexicons: Lexicons<'_>, buffers: Analysis) -> Text<'a> {
        let Analysis {
            mut folded,
            mut words,
            mut units,
            ..
        } = buffers;
        fold_into(original, &mut folded);
        words_into(&folded.text, &mut words);
        let persian = PERSIAN_LETTERS.in_text(original);
        // Persian and Urdu attach no prefixes the way Arabic does: وکیل is a word, not و + کیل.
        units_into(&folded.text, &words, lexicons, !persian, &mut units);
        for u in &mut units {
            const PERSIAN_ONLY: u16 = ROLE_PERSIAN_STOP | ROLE_PERSIAN_HEAD | ROLE_PERSIAN_PLACE;
            if let Some(r) = u.roles.as_mut()
                && r.bits & PERSIAN_ONLY != 0
            {
                let only = r.bits & PERSIAN_ONLY;
                r.bits &= !PERSIAN_ONLY;
                if persian {
                    for (from, to) in [
                        (ROLE_PERSIAN_STOP, ROLE_STOP),
                        (ROLE_PERSIAN_HEAD, ROLE_ORG_HEAD),
                        (ROLE_PERSIAN_PLACE, ROLE_PLACE_NOUN),
                    ] {
                        if only & from != 0 {
                            r.bits |= to;
                        }
                    }
                } else if r.bits == 0 && r.kind.is_none() && r.month == 0 {
                    u.roles = None;
                }
            }
        }
        Text {
            original,
            folded,
            words,
            units,
            persian,
            urdu: URDU_LETTERS.in_text(original),
            rtl: std::cell::OnceCell::new(),
            near: std::cell::Cell::new(0),
        }
    }

    /// The text again from its own analysis, taken earlier by [`Text::into_analysis`]:
    /// `original` must be the text analysed.
    pub fn again(original: &'a str, analysis: Analysis) -> Text<'a> {
        Text {
            original,
            folded: analysis.folded,
            words: analysis.words,
            units: analysis.units,
            persian: analysis.persian,
            urdu: analysis.urdu,
            rtl: std::cell::OnceCell::new(),
            near: std::cell::Cell::new(0),
        }
    }

    /// The analysis, to make this text again ([`Text::again`]) or to fill with another
    /// ([`Text::reusing`]).
    pub fn into_analysis(self) -> Analysis {
        Analysis {
            folded: self.folded,
            words: self.words,
            units: self.units,
            persian: self.persian,
            urdu: self.urdu,
        }
    }

    /// Written mostly in Arabic or Hebrew letters: Latin words in it are names, terms or
    /// brands quoted from elsewhere.
    pub fn rtl(&self) -> bool {
        *self.rtl.get_or_init(|| {
            let (rtl, latin) = count_scripts(&self.folded.text);
            rtl > latin
        })
    }

    pub fn text(&self) -> &str {
        &self.folded.text
    }

    /// The unit's folded text (without attached prefixes when it is a known phrase).
    pub fn form(&self, u: &Unit) -> &str {
        self.folded.text.get(u.start..u.end).unwrap_or_default()
    }

    /// The script of the unit's first letter.
    pub fn script(&self, u: &Unit) -> Script {
        // Asked many times of most units: ASCII and the two-byte Hebrew and Arabic letters
        // are told from their first byte, the rest decoded.
        let text = &self.folded.text;
        match text.as_bytes().get(u.start) {
            Some(_) if u.end <= u.start || !text.is_char_boundary(u.end) => Script::Other,
            Some(&b) if b.is_ascii_alphabetic() => Script::Latin,
            Some(&b) if b.is_ascii() => Script::Other,
            Some(0xD7) => Script::Hebrew,
            Some(0xD8..=0xDB) => Script::Arabic,
            Some(_) => self.form(u).chars().next().map_or(Script::Other, script_of),
            None => Script::Other,
        }
    }

    /// Only spaces between two units: no punctuation, no line break.
    pub fn joined(&self, a: &Unit, b: &Unit) -> bool {
        let (Some(wa), Some(wb)) = (self.words.get(a.last()), self.words.get(b.first())) else {
            return false;
        };
        // From the end of the unit, which may reach past its last word (the dot of "Dr.").
        self.folded
            .text
            .get(a.end.max(wa.end())..wb.start())
            .is_some_and(|gap| !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}'))
    }

    /// Units `a` and `b` are separated by a comma alone (Latin or Arabic) and spaces.
    pub fn comma_between(&self, a: usize, b: usize) -> bool {
        match (self.units.get(a), self.units.get(b)) {
            (Some(a), Some(b)) => self
                .text()
                .get(a.end..b.start)
                .is_some_and(|gap| matches!(gap.trim(), "," | "،")),
            _ => false,
        }
    }

    /// Whether units `i` and `i + 1` are joined.
    pub fn joined_at(&self, i: usize) -> bool {
        match (self.units.get(i), self.units.get(i + 1)) {
            (Some(a), Some(b)) => self.joined(a, b),
            _ => false,
        }
    }

    /// The word without a conjunction or preposition in front: وبالطبع → الطبع.
    pub fn bare<'s>(&'s self, u: &Unit) -> &'s str {
        let form = self.form(u);
        if u.roles.is_some() || self.script(u) != Script::Arabic {
            return form;
        }
        // Asked of most units, several times: the letters compared as bytes.
        let bytes = form.as_bytes();
        let rest = bytes
            .strip_prefix(WAW)
            .or_else(|| bytes.strip_prefix(FEH))
            .unwrap_or(bytes);
        let tail = |rest: &[u8]| form.get(form.len() - rest.len()..).unwrap_or(form);
        if let Some(after) = rest.strip_prefix(LAM_LAM) {
            return tail(after);
        }
        let rest = [BEH, KAF, LAM]
            .iter()
            .find_map(|p| rest.strip_prefix(*p))
            .filter(|r| r.starts_with(ARTICLE))
            .unwrap_or(rest);
        if rest.starts_with(ARTICLE) {
            tail(rest)
        } else {
            form
        }
    }

    /// Carries the definite article: الدفاع, بالطبع, للأنباء, הביטחון.
    pub fn definite(&self, u: &Unit) -> bool {
        let form = self.form(u);
        match self.script(u) {
            Script::Arabic => {
                let bytes = form.as_bytes();
                self.bare(u).starts_with("ال")
                    || bytes.starts_with(LAM_LAM)
                    || bytes
                        .strip_prefix(WAW)
                        .is_some_and(|r| r.starts_with(LAM_LAM))
            }
            Script::Hebrew => form.starts_with('ה') && letters(form) >= 3,
            _ => false,
        }
    }

    /// A definite relative adjective (nisba): الروسي, الديمقراطية, האמריקאי.
    pub fn adjective(&self, u: &Unit) -> bool {
        if u.first() != u.last() || u.roles.is_some_and(|r| r.kind.is_some()) || !self.definite(u) {
            return false;
        }
        let form = self.form(u);
        match self.script(u) {
            Script::Arabic => {
                form.ends_with('ي') || form.ends_with("يه") || arabic_adjective(self.bare(u))
            }
            Script::Hebrew => form.ends_with('י') || form.ends_with("ית"),
            _ => false,
        }
    }

    /// The unit had a conjunction cut off in front (وواشنطن, ومنظمة): it starts a new item.
    pub fn conjoined(&self, u: &Unit) -> bool {
        let Some(word) = self.words.get(u.first()) else {
            return false;
        };
        let prefix = self
            .folded
            .text
            .get(word.start()..u.start)
            .unwrap_or_default();
        prefix.starts_with(['و', 'ו'])
    }

    /// The letters cut off in front of the unit (و of وواشنطن, בה of בהסכם).
    pub fn prefix(&self, u: &Unit) -> &str {
        let start = self.words.get(u.first()).map_or(u.start, |w| w.start());
        self.folded.text.get(start..u.start).unwrap_or_default()
    }

    /// The unit had a preposition cut off in front (בירושלים, לשר, بالرقة, لوزير), not only
    /// a conjunction or an article.
    pub fn prepositional(&self, u: &Unit) -> bool {
        let Some(word) = self.words.get(u.first()) else {
            return false;
        };
        let prefix = self
            .folded
            .text
            .get(word.start()..u.start)
            .unwrap_or_default();
        prefix.contains(['ב', 'ל', 'מ', 'כ', 'ש', 'ب', 'ل', 'ك'])
    }

    /// An unknown Arabic word shaped like a third-person present-tense verb: يدعو, يزور,
    /// يلتقي (ي and three to five letters, not a nisba). Not in Persian or Urdu text, where
    /// ی starts names.
    pub fn arabic_verb(&self, u: &Unit) -> bool {
        let form = self.form(u);
        let n = letters(form);
        !self.persian
            && u.roles.is_none()
            && form.starts_with('ي')
            && !form.ends_with('ي')
            && (4..=6).contains(&n)
    }

    /// Starts with a digit, or holds one (כ-2, ב-2016): never part of a name.
    pub fn number(&self, u: &Unit) -> bool {
        // An ASCII byte is never part of a longer character.
        self.form(u).bytes().any(|b| b.is_ascii_digit())
    }

    /// A Latin brand or acronym: two to six capitals (BBC, OPEC), or capitals inside a word
    /// (GoDaddy, OpenAI, iPhone); letters only.
    pub fn brand_like(&self, u: &Unit) -> bool {
        let original = self.original_text(u.start, u.end);
        if !original.chars().all(|c| c.is_ascii_alphabetic()) {
            return false;
        }
        let n = original.chars().count();
        let capitals = original.chars().filter(char::is_ascii_uppercase).count();
        let inner = original.chars().skip(1).any(|c| c.is_ascii_uppercase())
            && original.chars().any(|c| c.is_ascii_lowercase());
        (capitals == n && (2..=6).contains(&n)) || inner
    }

    /// The first letter of the unit is a capital in the original text.
    pub fn capitalised(&self, u: &Unit) -> bool {
        self.original_text(u.start, u.end)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }

    /// An unknown word that can be part of a name: not a number, a stop word, a generic noun or
    /// an adjective; in Latin script, capitalised.
    pub fn name_word(&self, u: &Unit) -> bool {
        if u.roles
            .is_some_and(|r| r.bits & !ROLE_FIRST_NAME != 0 || r.kind.is_some())
            || self.number(u)
            || self.adjective(u)
        {
            return false;
        }
        match self.script(u) {
            Script::Latin => self.capitalised(u),
            Script::Other => false,
            Script::Arabic => {
                let form = self.form(u);
                !(self.possessed(u)
                    || super::arabic_names::plural_verb(self, form)
                    || super::arabic_forms::verb_with_object(self, u)
                    || self.persian && super::persian_names::never_name(form))
            }
            Script::Hebrew => true,
        }
    }

    /// An Arabic word with a possessive pronoun attached (أرباحها, موكلهم): a noun, never a
    /// name.
    pub fn possessed(&self, u: &Unit) -> bool {
        let form = self.form(u);
        !self.persian
            && ["ها", "هم", "هما", "كم"].iter().any(|p| form.ends_with(p))
            && letters(form) >= 5
    }

    /// A given name that starts or continues a person's name. A word that is also a particle
    /// is not one (جو, Joe or the Urdu "who"), except when written with a yeh: folding merges
    /// ی and ي with the ى of the Arabic preposition على, but علی and علي are the name.
    pub fn given_name(&self, u: &Unit) -> bool {
        u.has(ROLE_FIRST_NAME)
            && (!u.has(ROLE_STOP)
                || self
                    .original
                    .get(self.original_range(u.start, u.end))
                    .is_some_and(|w| w.ends_with(['ی', 'ي'])))
    }

    pub fn kind(&self, u: &Unit) -> Option<EntityKind> {
        u.roles.and_then(|r| r.kind.map(|k| k.0))
    }

    /// A Latin name from the lists appears with the capitals it needs.
    pub fn caps_ok(&self, u: &Unit) -> bool {
        let caps = u.roles.map_or(Caps::Any, |r| r.caps);
        if caps == Caps::Any {
            return true;
        }
        let original = self.original_text(u.start, u.end);
        match caps {
            Caps::Any => true,
            Caps::Initial => original.chars().next().is_some_and(char::is_uppercase),
            Caps::All => original
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase),
        }
    }

    /// The original text behind a folded byte range.
    pub fn original_text(&self, start: usize, end: usize) -> &'a str {
        let range = self.original_range(start, end);
        self.original.get(range).unwrap_or_default()
    }

    /// The original byte range behind a folded byte range.
    fn original_range(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        // Rules ask from the first unit to the last: each range is looked for from the last.
        let mut near = self.near.get();
        let range = self.folded.original_range_near(start..end, &mut near);
        self.near.set(near);
        range
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_are_counted_as_script_of_tells_them() {
        let every: String = (0..0x11000u32).filter_map(char::from_u32).collect();
        for text in [every.as_str(), "שלום Raqqa الرقة ÀɏɐĀ ݐ ݏ ﭐ יִ 😀", ""] {
            let (mut rtl, mut latin) = (0, 0);
            for c in text.chars() {
                match script_of(c) {
                    Script::Arabic | Script::Hebrew => rtl += 1,
                    Script::Latin => latin += 1,
                    Script::Other => {}
                }
            }
            assert_eq!(count_scripts(text), (rtl, latin));
        }
    }

    #[test]
    fn persian_and_urdu_letters_are_found_by_their_bytes() {
        let texts = [
            "أعلن وزير الخارجية الروسي سيرغي لافروف",
            "پایتخت ایران",
            "وزیر",
            "کراچی سے",
            "ٹیم",
            "لاہور",
            "בירושלים ÞÄ",
            "ڈ",
            "",
            "ÿ ڭ ۆ",
        ];
        for text in texts {
            for (set, letters) in [
                (
                    &PERSIAN_LETTERS,
                    ['پ', 'چ', 'ژ', 'گ', 'ی', 'ک', 'ہ', 'ے'].as_slice(),
                ),
                (
                    &URDU_LETTERS,
                    ['ٹ', 'ڈ', 'ڑ', 'ں', 'ے', 'ھ', 'ہ'].as_slice(),
                ),
            ] {
                assert_eq!(set.in_text(text), text.contains(letters), "{text}");
            }
        }
    }
}
