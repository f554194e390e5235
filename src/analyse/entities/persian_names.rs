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

/// Words before الله that make no given name of it (folded): Hezbollah, ayatollah, and the
/// phrases God willing, as God wills, in God's name, glory be to God.
const NOT_BEFORE_ALLAH: &[&str] = &["حزب", "ايت", "انشا", "ماشا", "بسم", "سبحان", "لا"];

/// A compound given name written solid, a name and الله (نجیب‌الله, رحمت‌الله, عزت‌الله),
/// in folded form (the joiner dropped).
pub fn compound_given(form: &str) -> bool {
    form.strip_suffix("الله")
        .is_some_and(|stem| stem.chars().count() >= 3 && !NOT_BEFORE_ALLAH.contains(&stem))
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

/// A month that is also a given name (محرم, رجب, بهمن, آذر) at unit `i`, then a word shaped
/// like a family name (محرم نویدکیا, بهمن فرمان‌آرا is left to the lists): the person's last
/// unit. Not after a number, which makes it a date (۲۲ بهمن).
pub fn month_named(t: &super::text::Text<'_>, i: usize) -> Option<usize> {
    // Asked of every unit: the text's language first, before any unit is read.
    if !t.persian || t.urdu {
        return None;
    }
    let u = t.units.get(i)?;
    let next = t.units.get(i + 1)?;
    let after_number = i > 0 && t.number(&t.units[i - 1]);
    (u.roles.is_some_and(|r| r.month != 0 && r.kind.is_none())
        && !after_number
        && t.joined_at(i)
        && next.roles.is_none()
        && t.name_word(next)
        && family_shaped(t.form(next))
        && !super::context::before_light_verb(t, i + 1))
    .then_some(i + 1)
}

/// Words of time that follow a noun (بهار آینده, next spring; سال گذشته, last year; ماه
/// جاری, this month), folded: never part of a name, though a given name (بهار) may stand
/// before them.
const TIME_WORDS: &[&str] = &[
    "اينده",
    "گذشته",
    "امسال",
    "پارسال",
    "اخير",
    "جاري",
    "اتي",
    "بعدي",
    "قبلي",
];

/// A Persian word that is never part of a person's or a place's name (folded form).
pub fn never_name(form: &str) -> bool {
    TIME_WORDS.contains(&form)
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

    fn people(text: &str) -> Vec<String> {
        crate::analyse::entities::examples::of_kind(text, crate::document::EntityKind::Person)
    }

    #[test]
    fn a_month_that_is_a_given_name_before_a_family_name_is_a_person() {
        let found = people("محرم نویدکیا، سرمربی سپاهان، گفت که تیم آماده است.");
        assert!(found.iter().any(|p| p == "محرم نویدکیا"), "{found:?}");
        let found = people("جشنواره در ۲۲ بهمن و در آذر ماه امسال برگزار شد.");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_compound_given_name_written_solid_starts_a_person() {
        let found = people("به گفتهٔ نجیب‌الله صدیقی، استاد اقتصاد در دانشگاه بلخ، صادرات رشد کرد.");
        assert!(found.iter().any(|p| p == "نجیب‌الله صدیقی"), "{found:?}");
        // Hezbollah is no given name, and a verb after the name is no family name.
        let found = people("حزب‌الله لبنانی بیانیه داد و عزت‌الله گفت که می‌آید.");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_word_of_time_after_a_given_name_is_not_its_family_name() {
        // بهار is spring and a given name; آینده (next) and گذشته (last) are never names.
        let found = people("نتایج این طرح بهار آینده اعلام خواهد شد و بهار گذشته نیز آزمایش شد.");
        assert!(found.is_empty(), "{found:?}");
        // A given name then a family name is still a person.
        let found = people("بهار رضایی در نمایشگاه سخنرانی کرد.");
        assert!(found.iter().any(|p| p == "بهار رضایی"), "{found:?}");
    }

    #[test]
    fn a_noun_before_a_present_light_verb_ends_a_name_but_one_before_becomes_does_not() {
        let found = people("او جانشین دکتر حسین نیک‌نام می‌شود و کار را آغاز می‌کند.");
        assert!(found.iter().any(|p| p == "حسین نیک‌نام"), "{found:?}");
        let found = people("به گفتهٔ او، علی توکلی اعلام می‌کند که جلسه برگزار نمی‌شود.");
        assert!(found.iter().all(|p| !p.contains("اعلام")), "{found:?}");
    }
}
