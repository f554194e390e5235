//! Hebrew people introduced by their nationality: a nationality with the article after a verb,
//! then the name, two or three words closed by punctuation or a particle: ניצח הקנייתי ג'וזף
//! קיפרונו, סיים האתיופי טספאיה גירמה. The nationality is not part of the
//! name. After a definite noun the same word is its adjective (הצבא הישראלי תקף מטרות), so
//! the word before it must not carry the article.

use super::clitics::Script;
use super::gazetteer::ROLE_STOP;
use super::text::Text;
use super::units::Unit;

/// Hebrew nationalities in the feminine, as a company's (ישראלית, אמריקאית, בינלאומית), without
/// the article (folded).
pub const HEBREW_COMPANY_NATIONS: &[&str] = &[
    "ישראלית",
    "אמריקאית",
    "אמריקנית",
    "בריטית",
    "גרמנית",
    "צרפתית",
    "סינית",
    "יפנית",
    "הודית",
    "קוריאנית",
    "שווייצרית",
    "הולנדית",
    "איטלקית",
    "טורקית",
    "קנדית",
    "ספרדית",
    "רוסית",
    "אוסטרלית",
    "שוודית",
    "בלגית",
    "אוסטרית",
    "פולנית",
    "ברזילאית",
    "יוונית",
    "מצרית",
    "ירדנית",
    "אמירתית",
    "סעודית",
    "טייוואנית",
    "נורווגית",
    "פינית",
    "בינלאומית",
];

/// Stems of Hebrew nationality adjectives (folded), without the article and the ending י,
/// ית or יה: האתיופי, הקנייתית, האמריקאי.
const STEMS: &[&str] = &[
    "ישראל",
    "אמריקא",
    "אמריקנ",
    "בריט",
    "אנגל",
    "סקוט",
    "איר",
    "צרפת",
    "גרמנ",
    "רוס",
    "סינ",
    "יפנ",
    "קוריאנ",
    "הוד",
    "טורק",
    "איראנ",
    "מצר",
    "ירדנ",
    "סור",
    "לבנונ",
    "סעוד",
    "עיראק",
    "פלסטינ",
    "איטלק",
    "ספרד",
    "פורטוגל",
    "הולנד",
    "בלג",
    "שווד",
    "נורווג",
    "דנ",
    "פינ",
    "פולנ",
    "אוקראינ",
    "יוונ",
    "שווייצר",
    "אוסטר",
    "הונגר",
    "רומנ",
    "צ'כ",
    "סרב",
    "קרואט",
    "קנד",
    "ברזילא",
    "ארגנטינא",
    "מקסיקנ",
    "אוסטרל",
    "קניית",
    "אתיופ",
    "אריתרא",
    "ניגר",
    "מרוקא",
    "תוניסא",
    "אלג'יר",
    "אוגנד",
    "טנזנ",
    "בחרינ",
    "קטר",
    "אמירת",
];

/// Most words a name after a nationality has.
const NAME_WORDS: usize = 3;

/// Whether unit `u` is a Hebrew nationality adjective with the article.
fn nationality(t: &Text<'_>, u: &Unit) -> bool {
    if t.script(u) != Script::Hebrew || u.first() != u.last() || u.roles.is_some() {
        return false;
    }
    let form = t.form(u);
    let bare = match form.strip_prefix('ה') {
        Some(rest) => rest,
        None if t.prefix(u).ends_with('ה') => form,
        None => return false,
    };
    ["יה", "ית", "י"]
        .iter()
        .find_map(|end| bare.strip_suffix(end))
        .is_some_and(|stem| STEMS.contains(&stem))
}

/// Whether unknown unit `u` opens with a preposition or a conjunction and the article the
/// lists did not cut (מהעסקה, בהסכם): a definite noun, whose adjective the nationality is.
fn behind_article(t: &Text<'_>, u: &Unit) -> bool {
    let form = t.form(u);
    u.roles.is_none()
        && t.prefix(u).is_empty()
        && form.chars().count() >= 5
        && ["מה", "בה", "לה", "כה", "שה", "וה"]
            .iter()
            .any(|p| form.starts_with(p))
}

/// The units (first, last) of the person named after unit `i`, a nationality.
pub fn person_after(t: &Text<'_>, i: usize) -> Option<(usize, usize)> {
    let u = t.units.get(i)?;
    let before = i.checked_sub(1).and_then(|b| t.units.get(b))?;
    if !t.joined_at(i - 1)
        || !t.joined_at(i)
        || t.script(before) != Script::Hebrew
        || t.definite(before)
        || behind_article(t, before)
        || t.kind(before).is_some()
        || t.number(before)
        || !nationality(t, u)
    {
        return None;
    }
    let word = |v: &Unit| {
        t.script(v) == Script::Hebrew
            && !t.definite(v)
            && !t.prepositional(v)
            && !t.conjoined(v)
            && (v.roles.is_none() && t.name_word(v) || t.given_name(v))
    };
    let first = i + 1;
    let mut last = first;
    if !t.units.get(first).is_some_and(word) {
        return None;
    }
    // Past two words, one that opens with a prefix letter is the sentence going on (ג'וזף
    // קיפרונו בזמן של): it closes the name.
    let prefixed = |v: &Unit| {
        t.words
            .get(v.first())
            .and_then(|w| t.text().get(w.start()..w.end()))
            .and_then(|w| w.chars().next())
            .is_some_and(|c| "ובלמכשה".contains(c))
    };
    while last + 1 - first < NAME_WORDS
        && t.joined_at(last)
        && t.units
            .get(last + 1)
            .is_some_and(|n| word(n) && !(last > first && prefixed(n)))
    {
        last += 1;
    }
    // Closed by punctuation, a particle, or a word behind a preposition or ו.
    let closed = !t.joined_at(last)
        || t.units.get(last + 1).is_none_or(|n| {
            n.has(ROLE_STOP)
                || t.prepositional(n)
                || t.conjoined(n)
                || t.number(n)
                || last > first && prefixed(n)
        });
    if last == first || !closed {
        return None;
    }
    Some((first, last))
}
