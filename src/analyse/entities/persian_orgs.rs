//! Persian organisations named by a long chain without the written ezafe, closed by the
//! country or the province they serve: سازمان زمین‌شناسی و اکتشافات معدنی کشور, اداره کل
//! راه و شهرسازی استان فارس, اداره کل حفاظت محیط زیست خراسان جنوبی. The chain has too many
//! words for the bounded head rule (three unknown words), but its end is certain: کشور
//! (national) before the sentence goes on, a known place, or استان and its name.
//!
//! The words between the head and that end are nouns and adjectives only: a particle or a
//! preposition (در, به, برای), a verb (می‌گوید, گفت, a noun before a light verb), a number,
//! a title, a person or another head ends the search with nothing found.

use super::context::before_light_verb;
use super::gazetteer::{ROLE_ORG_HEAD, ROLE_PLACE_NOUN, ROLE_STOP, ROLE_TITLE};
use super::text::Text;
use crate::document::EntityKind;

/// The most units from the head to the end of the name.
const CHAIN_UNITS: usize = 8;

/// Frequent words of the stop lists that name a body's field (folded): راه و شهرسازی,
/// تعاون، کار و رفاه, آب منطقه‌ای.
const FIELD_WORDS: &[&str] = &["راه", "كار", "اب"];

/// Past-tense verbs of reporting that may follow a name without a light verb (folded).
const VERBS: &[&str] = &[
    "گفت",
    "گفتند",
    "افزود",
    "افزودند",
    "نوشت",
    "خواست",
    "خواستند",
    "رفت",
    "امد",
    "دانست",
];

/// National: کشور (folded).
const COUNTRY: &str = "كشور";
/// General, after a head: اداره کل (folded).
const GENERAL: &str = "كل";
/// Province, before its name: استان.
const PROVINCE: &str = "استان";

/// Where the organisation that head `i` opens ends, when a long chain is closed by the
/// country or a place; `None` when it is not.
pub fn anchored_end(t: &Text<'_>, i: usize) -> Option<usize> {
    if !t.persian || t.urdu {
        return None;
    }
    let mut k = i + 1;
    while k < t.units.len() && k - i < CHAIN_UNITS && t.joined_at(k - 1) {
        let u = &t.units[k];
        let form = t.form(u);
        if t.kind(u) == Some(EntityKind::Place) && t.prefix(u).is_empty() {
            return (k > i + 1).then_some(k);
        }
        if form == PROVINCE && u.has(ROLE_PLACE_NOUN) {
            let next = t.units.get(k + 1)?;
            return (t.joined_at(k) && t.kind(next) == Some(EntityKind::Place)).then_some(k + 1);
        }
        if form == COUNTRY {
            let closed = !t.joined_at(k)
                || t.units.get(k + 1).is_none_or(|n| {
                    n.has(ROLE_STOP) || t.form(n) == "و" || t.form(n).starts_with("مي")
                });
            return (k > i + 1 && closed).then_some(k);
        }
        // A standalone و joins two nouns of the name (اکتشافات و معدن), never two names.
        if form == "و" && k > i + 1 {
            k += 1;
            continue;
        }
        // کل right after the head makes it general: اداره کل, directorate general.
        let general = k == i + 1 && form == GENERAL;
        let stop = u.has(ROLE_STOP) && !FIELD_WORDS.contains(&form) && !general;
        let verb = form.starts_with("مي") || form.starts_with("نمي") || VERBS.contains(&form);
        if stop
            || verb
            || t.number(u)
            || u.has(ROLE_TITLE)
            || u.has(ROLE_ORG_HEAD)
            || t.kind(u).is_some()
            || before_light_verb(t, k)
            || !(t.name_word(u) || FIELD_WORDS.contains(&form) || general)
        {
            return None;
        }
        k += 1;
    }
    None
}

/// The bounded head rule takes three unknown words (`head + 1..=end`); a fourth closed by
/// punctuation is the name's last (رئیس انجمن فرهنگی ناشران کتاب کودک، نیز گفت): where the
/// organisation ends then.
pub fn fourth_word_end(t: &Text<'_>, head: usize, end: usize) -> Option<usize> {
    if !t.persian || t.urdu || end != head + 3 {
        return None;
    }
    let plain = |k: usize| {
        t.units.get(k).is_some_and(|u| {
            u.roles.is_none()
                && t.name_word(u)
                && !t.form(u).starts_with("مي")
                && !t.form(u).starts_with("نمي")
                && !VERBS.contains(&t.form(u))
        })
    };
    let last = end + 1;
    ((head + 1..=last).all(plain)
        && t.joined_at(end)
        && !t.joined_at(last)
        && t.units.get(last + 1).is_some())
    .then_some(last)
}

/// Airline words written after the name in Persian (folded): ایر, ایرلاینز, ایرویز (Air,
/// Airlines, Airways).
const AIRLINE_WORDS: &[&str] = &["اير", "ايرلاينز", "ايرويز"];

/// An airline named by one or two words and an airline word (کام ایر, ترکیش ایرلاینز, قطر
/// ایرویز): the units (first, last) when unit `i` is the airline word.
pub fn airline(t: &Text<'_>, i: usize) -> Option<(usize, usize)> {
    let u = t.units.get(i)?;
    if !t.persian || t.urdu || i == 0 || !AIRLINE_WORDS.contains(&t.form(u)) {
        return None;
    }
    // Right before the airline word, a frequent word is its name too (کام ایر: کام is a
    // word of Urdu).
    let word = |j: usize| {
        let v = &t.units[j];
        !t.number(v)
            && t.script(v) == t.script(u)
            && (t.kind(v) == Some(EntityKind::Place)
                || v.roles.is_none() && t.name_word(v)
                || j + 1 == i && v.has(ROLE_STOP) && t.form(v).chars().count() >= 3)
    };
    let mut first = i;
    while first > 0 && i - first < 2 && t.joined_at(first - 1) && word(first - 1) {
        first -= 1;
    }
    (first < i).then_some((first, i))
}

#[cfg(test)]
mod tests {
    fn organisations(text: &str) -> Vec<String> {
        crate::analyse::entities::examples::of_kind(text, crate::document::EntityKind::Organization)
    }

    #[test]
    fn a_long_chain_closed_by_the_country_or_a_province_is_one_organisation() {
        let found = organisations("سازمان زمین‌شناسی و اکتشافات معدنی کشور روز شنبه گزارش داد.");
        assert_eq!(found, ["سازمان زمین‌شناسی و اکتشافات معدنی کشور"]);
        let found = organisations("اداره کل راه و شهرسازی استان فارس اعلام کرد که جاده بسته است.");
        assert_eq!(found, ["اداره کل راه و شهرسازی استان فارس"]);
        let found = organisations("ادارهٔ کل حفاظت محیط زیست خراسان جنوبی اجازهٔ ورود را صادر کرد.");
        assert_eq!(found, ["ادارهٔ کل حفاظت محیط زیست خراسان جنوبی"]);
        let found = organisations("طرحی که شرکت آب منطقه‌ای آذربایجان غربی اجرا می‌کند.");
        assert_eq!(found, ["شرکت آب منطقه‌ای آذربایجان غربی"]);
    }

    #[test]
    fn a_fourth_word_closed_by_punctuation_ends_the_name() {
        let found = organisations("علی رمضانی، رئیس انجمن فرهنگی ناشران کتاب کودک، نیز گفت.");
        assert_eq!(found, ["انجمن فرهنگی ناشران کتاب کودک"]);
        // Not when the sentence goes on after it.
        let found = organisations("انجمن فرهنگی ناشران کتاب کودک امسال نمایشگاه ندارد.");
        assert!(found.iter().all(|o| !o.contains("امسال")), "{found:?}");
    }

    #[test]
    fn a_name_then_an_airline_word_is_an_airline() {
        let found = organisations("کام ایر، دیگر شرکت هوایی خصوصی، پرواز تازه‌ای راه انداخت.");
        assert!(found.iter().any(|o| o == "کام ایر"), "{found:?}");
        // The airline described after it names no organisation.
        assert!(found.iter().all(|o| !o.contains("هوایی")), "{found:?}");
        let found = organisations("مسافران با ترکیش ایرلاینز به استانبول رفتند.");
        assert!(found.iter().any(|o| o == "ترکیش ایرلاینز"), "{found:?}");
    }

    #[test]
    fn a_verb_or_a_particle_before_the_place_ends_the_search() {
        // The place is where the sentence goes, not the organisation's seat.
        let found = organisations("سازمان هواشناسی گفت بارش برف در تهران ادامه دارد.");
        assert!(found.iter().all(|o| !o.contains("تهران")), "{found:?}");
        let found = organisations("کارشناسان سازمان ملل برای بازدید به کابل رفتند.");
        assert!(found.iter().all(|o| !o.contains("کابل")), "{found:?}");
    }
}
