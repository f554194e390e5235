//! Arabic word shapes that are never names, read off the letters of one word: a present-tense
//! verb with an object pronoun (تقوده, يديره: "leads it"), and a verbal noun of the تفعيل /
//! تفعلة pattern (تحلية, توليد, تخزين), which says what a station or a plant does rather than
//! naming it.
//!
//! Moroccan regions are named by their towns, side by side after جهة (جهة فاس مكناس, جهة
//! طنجة تطوان الحسيمة): two or three known places with nothing between are one place.
//!
//! Initials spelled as the names of their letters after a head noun (شركة بي إن سبورتس,
//! مجموعة أي بي إم تيرمينالز) are the organisation's name, with one word after them.
//!
//! A state named with its kind (سلطنة عمان, جمهورية مصر العربية, إمارة دبي) is one place
//! with its head.
//!
//! And one question about what was chosen: a listed place named like a feminine nisba
//! (السعودية) right after an organisation describes it (شركة أكوا باور السعودية), as
//! الحكومة السعودية does.
//!
//! Folding merges ة into ه, so the original letters decide between تقوده (a verb) and تحلية
//! (a noun). Only unknown words are asked: a listed name keeps its kind. Not in Persian or
//! Urdu text, where ی and ت start names and ه ends many.

use super::clitics::Script;
use super::gazetteer::{ROLE_PLACE_NOUN, ROLE_STOP};
use super::text::{Candidate, RANK_RULE, Text};
use super::units::Unit;
use crate::document::EntityKind;

/// The original letters of unit `u`'s word, without the clitics cut off in front.
fn original<'a>(t: &Text<'a>, u: &Unit) -> Option<&'a str> {
    if t.persian || u.roles.is_some() || t.script(u) != Script::Arabic || u.first() != u.last() {
        return None;
    }
    Some(t.original_text(u.start, u.end))
}

/// A present-tense verb with the pronoun «ه» attached: تقوده, يديره, تملكه, يرأسه. Four to
/// six letters, starting with ي or ت, ending in ه (not ة), and not the تفعيل noun of a weak
/// root (توجيه, ترفيه), which ends in يه.
pub fn verb_with_object(t: &Text<'_>, u: &Unit) -> bool {
    let Some(word) = original(t, u) else {
        return false;
    };
    let n = word.chars().count();
    word.starts_with(['ي', 'ت'])
        && word.ends_with('ه')
        && !word.ends_with("يه")
        && (4..=6).contains(&n)
}

/// A verbal noun of the تفعيل pattern (توليد, تخزين), or of تفعلة from a root ending in ي
/// (تحلية, تنقية). Unknown words only: تكريت is listed.
pub fn verbal_noun(t: &Text<'_>, u: &Unit) -> bool {
    let Some(word) = original(t, u) else {
        return false;
    };
    // An uncut preposition or conjunction in front (لتحلية) does not change the noun.
    let bare = word.strip_prefix(['ل', 'ب', 'و', 'ف']).unwrap_or(word);
    pattern_tafil(bare) || pattern_tafil(word)
}

fn pattern_tafil(word: &str) -> bool {
    let (stem, feminine) = match word.strip_suffix('ة') {
        Some(stem) => (stem, true),
        None => (word, false),
    };
    let n = stem.chars().count();
    // تفعيل and تفعيلة of a sound root (توليد, تخزين); تفعلة of a weak one (تحلية, تنقية).
    stem.starts_with('ت') && stem.chars().nth(3) == Some('ي') && (n == 5 || feminine && n == 4)
}

/// After a field an institution serves, closed at unit `end` (لعلوم الآثار), a second field
/// joined by «و» with the article (والتراث), and its adjectives: the last unit. Not a known
/// name, an adjective, a plural in ـات or a word the lists give a role (والحكومة is another
/// actor, not a field).
pub fn second_field(t: &Text<'_>, end: usize) -> Option<usize> {
    let k = end + 1;
    let u = t.units.get(k)?;
    let field = t.joined_at(end)
        && t.script(u) == Script::Arabic
        && (t.conjoined(u) || t.form(u).starts_with("وال"))
        && t.definite(u)
        && u.roles.is_none()
        && !t.adjective(u)
        && !super::arabic_names::definite_plural(t, u)
        && t.name_word(u);
    if !field {
        return None;
    }
    let mut last = k;
    while last - k < 2
        && t.joined_at(last)
        && t.units.get(last + 1).is_some_and(|n| {
            t.adjective(n) && !n.has(ROLE_STOP) && !super::arabic_names::nationality(t, last + 1)
        })
    {
        last += 1;
    }
    Some(last)
}

/// Letter names that are no Arabic word (B, C, D, G, H, Q, R, S, T, W, X, Z, A, F).
const LETTERS: &[&str] = &[
    "بي",
    "سي",
    "دي",
    "جي",
    "اتش",
    "كيو",
    "ار",
    "اس",
    "تي",
    "دبليو",
    "اكس",
    "زد",
    "ايه",
    "اف",
];
/// Letter names that are also Arabic words (أي, إن, أم, أو, في, كي) or rare: only inside a
/// run with one of [`LETTERS`].
const WORD_LETTERS: &[&str] = &[
    "اي", "ان", "ام", "او", "في", "كي", "يو", "واي", "جاي", "كيه", "ال",
];

/// From unit `k`, right after a head noun: two or more letter names, one at least not an
/// Arabic word, then maybe one unknown word (سبورتس): the last unit.
pub fn spelled_initials(t: &Text<'_>, k: usize) -> Option<usize> {
    if t.persian || k == 0 || !t.joined_at(k - 1) {
        return None;
    }
    let letter = |j: usize| {
        t.units.get(j).and_then(|u| {
            if t.kind(u).is_some() || u.first() != u.last() || !t.prefix(u).is_empty() {
                return None;
            }
            let form = t.form(u);
            if LETTERS.contains(&form) {
                Some(true)
            } else if WORD_LETTERS.contains(&form) {
                Some(false)
            } else {
                None
            }
        })
    };
    let mut last = k;
    let mut strong = letter(k)?;
    while t.joined_at(last)
        && let Some(s) = letter(last + 1)
    {
        strong |= s;
        last += 1;
    }
    if last == k || !strong {
        return None;
    }
    if t.joined_at(last)
        && t.units.get(last + 1).is_some_and(|n| {
            n.roles.is_none() && t.name_word(n) && !t.definite(n) && t.script(n) == Script::Arabic
        })
    {
        last += 1;
    }
    Some(last)
}

/// After region word `i` (جهة, إقليم), two or three known places joined with no conjunction
/// or punctuation are the region's name: جهة فاس مكناس. The region word is not part of it.
/// After a state word (سلطنة, جمهورية), the place is named with it: سلطنة عمان.
pub fn place_named_by_places(t: &Text<'_>, i: usize, out: &mut Vec<Candidate>) {
    if t.persian {
        return;
    }
    // The state word keeps a «و» the lists did not cut (وسلطنة عمان): the name starts after it.
    let bare = t.bare(&t.units[i]);
    let state_word = |w: &str| matches!(w, "سلطنه" | "جمهوريه" | "اماره" | "مملكه");
    if state_word(bare) {
        return state(t, i, 0, out);
    }
    if bare.strip_prefix('و').is_some_and(state_word) {
        return state(t, i, 'و'.len_utf8(), out);
    }
    if !matches!(bare, "جهه" | "اقليم") {
        return;
    }
    let town = |k: usize| {
        t.units.get(k).is_some_and(|u| {
            t.kind(u) == Some(EntityKind::Place) && !t.conjoined(u) && !t.prepositional(u)
        })
    };
    let mut last = i;
    while last - i < 3 && t.joined_at(last) && town(last + 1) {
        last += 1;
    }
    if last >= i + 2 {
        out.push(Candidate {
            start: t.units[i + 1].start,
            end: t.units[last].end,
            kind: EntityKind::Place,
            rank: RANK_RULE,
            elided: false,
        });
    }
}

/// Arabic: unit `k`, found by cutting بـ, لـ or كـ off its word, right after an indefinite
/// place noun (بلدة ببنين, قرية لبايا): the noun's genitive never takes a preposition, so the
/// whole word is the name, not the place the rest spells (بنين). The start of the word.
pub fn whole_after_place_noun(t: &Text<'_>, k: usize) -> Option<usize> {
    if t.persian || k == 0 || !t.joined_at(k - 1) {
        return None;
    }
    let (u, noun) = (&t.units[k], &t.units[k - 1]);
    if !noun.has(ROLE_PLACE_NOUN) || t.definite(noun) || t.script(u) != Script::Arabic {
        return None;
    }
    let prefix = t.prefix(u);
    (matches!(prefix, "ب" | "ل" | "ك")).then(|| t.words.get(u.first()).map(|w| w.start()))?
}

/// State word `i` and the known place after it, with an adjective that closes the name
/// (جمهورية مصر العربية): one place.
fn state(t: &Text<'_>, i: usize, cut: usize, out: &mut Vec<Candidate>) {
    let k = i + 1;
    let Some(u) = t.units.get(k) else {
        return;
    };
    if !t.joined_at(i)
        || t.kind(u) != Some(EntityKind::Place)
        || t.conjoined(u)
        || t.prepositional(u)
    {
        return;
    }
    let mut last = k;
    if t.joined_at(k)
        && t.units
            .get(k + 1)
            .is_some_and(|n| t.adjective(n) && !n.has(ROLE_STOP))
    {
        last = k + 1;
    }
    out.push(Candidate {
        start: t.units[i].start + cut,
        end: t.units[last].end,
        kind: EntityKind::Place,
        rank: RANK_RULE,
        elided: false,
    });
}

/// Drops a chosen place that is a bare definite word ending in ية (folded يه) and follows a
/// chosen organisation with nothing but a space between: the organisation's adjective
/// (شركة أكوا باور السعودية), not the country. Behind a conjunction or a preposition
/// (والسعودية, في السعودية) it stays the country. `chosen` is sorted by start.
pub fn nisba_after_organization(t: &Text<'_>, chosen: &mut Vec<Candidate>) {
    if t.persian || !chosen.iter().any(|c| c.kind == EntityKind::Organization) {
        return;
    }
    let units = &t.units;
    let mut drop = Vec::new();
    // The candidates come in the text's order: each unit is looked for after the last one.
    let mut from = 0;
    for (n, c) in chosen.iter().enumerate().skip(1) {
        if c.kind != EntityKind::Place {
            continue;
        }
        if units.get(from).is_none_or(|u| u.start > c.start) {
            from = 0;
        }
        let found = unit_at(&units[from..], c.start);
        let Ok(k) = found.map(|k| k + from) else {
            // Every unit before the place's position starts before it, and before the next.
            from += found.err().unwrap_or(0);
            continue;
        };
        from = k;
        let u = &units[k];
        let clean = t.words.get(u.first()).is_some_and(|w| w.start() == u.start);
        if k == 0
            || u.end != c.end
            || !clean
            || u.first() != u.last()
            || t.script(u) != Script::Arabic
            || !t.form(u).starts_with("ال")
            || !t.form(u).ends_with("يه")
            || !t.joined_at(k - 1)
        {
            continue;
        }
        let before = &chosen[n - 1];
        if before.kind == EntityKind::Organization && before.end == units[k - 1].end {
            drop.push(n);
        }
    }
    if drop.is_empty() {
        return;
    }
    let mut n = 0;
    let mut dropped = drop.iter().peekable();
    chosen.retain(|_| {
        let keep = dropped.next_if_eq(&&n).is_none();
        n += 1;
        keep
    });
}

/// The index of the unit starting at byte `start` in `units` (sorted by start), or where it
/// would be: bounds doubled from the front (a unit near the front is found among its
/// neighbours in memory), then a binary search between the last two.
fn unit_at(units: &[Unit], start: usize) -> Result<usize, usize> {
    let mut hi = 1;
    while hi < units.len() && units[hi].start < start {
        hi *= 2;
    }
    let lo = hi / 2;
    let hi = (hi + 1).min(units.len());
    match units[lo..hi].binary_search_by_key(&start, |u| u.start) {
        Ok(k) => Ok(lo + k),
        Err(k) => Err(lo + k),
    }
}

#[cfg(test)]
mod tests {
    use crate::analyse::entities::examples::found;
    use crate::document::EntityKind;

    #[test]
    fn a_verb_with_its_object_after_a_head_is_not_a_name() {
        // "a consortium led by the company ..." / "a group run by a bank"
        for text in [
            "فاز بالمناقصة تحالف تقوده شركة محلية.",
            "ووقع العقد مع تحالف تقوده شركة فولتا الإيطالية.",
            "وكان الفندق ملكا لمجموعة يديره مستثمر أجنبي.",
        ] {
            let all = found(text);
            assert!(
                !all.iter()
                    .any(|(_, t)| t.contains("تقوده") || t.contains("يديره")),
                "{all:?}"
            );
        }
    }

    #[test]
    fn a_name_after_a_head_still_makes_an_organisation() {
        let text = "وقعت شركة تسلا عقدا جديدا.";
        assert!(
            found(text)
                .iter()
                .any(|(k, t)| *k == EntityKind::Organization && t == "شركة تسلا"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn a_country_named_like_a_nisba_after_a_company_describes_it() {
        let text = "ووقعت الوزارة عقدا مع شركة سابك السعودية لبناء مصنع.";
        let all = found(text);
        assert!(all.iter().all(|(k, _)| *k != EntityKind::Place), "{all:?}");
        // Behind a preposition or a conjunction it is the country.
        for text in [
            "وقالت شركة سابك في السعودية إن المصنع جاهز.",
            "وتصدر شركة سابك إلى الكويت والسعودية.",
        ] {
            let all = found(text);
            assert!(
                all.iter()
                    .any(|(k, t)| *k == EntityKind::Place && t == "السعودية"),
                "{all:?}"
            );
        }
    }

    #[test]
    fn a_long_organisation_keeps_its_closing_adjective() {
        let text = "وأعلنت الهيئة العامة للمدن الصناعية الجديدة والمناطق الحرة أمس عن خطة.";
        let all = found(text);
        assert!(
            all.iter().any(|(k, t)| *k == EntityKind::Organization
                && t == "الهيئة العامة للمدن الصناعية الجديدة والمناطق الحرة"),
            "{all:?}"
        );
        // Past the usual length a noun does not go on: the sentence does.
        let text = "وأعلنت الهيئة العامة للمدن الصناعية الجديدة والمناطق الحرة الشهر الماضي.";
        let all = found(text);
        assert!(all.iter().all(|(_, t)| !t.contains("الشهر")), "{all:?}");
    }

    #[test]
    fn a_given_name_with_the_article_starts_a_person_and_names_a_street() {
        let text = "وقدم الكاتب المنصف المزغني روايته الجديدة في مكتبة على شارع الحبيب ثامر.";
        let all = found(text);
        assert!(
            all.iter()
                .any(|(k, t)| *k == EntityKind::Person && t == "المنصف المزغني"),
            "{all:?}"
        );
        assert!(
            all.iter()
                .any(|(k, t)| *k == EntityKind::Place && t == "شارع الحبيب ثامر"),
            "{all:?}"
        );
        // A street named by a common word is not a person's.
        let text = "وأغلقت الشرطة شارعا جانبيا قرب شارع الجمهورية.";
        let all = found(text);
        assert!(all.iter().all(|(k, _)| *k != EntityKind::Person), "{all:?}");
    }

    #[test]
    fn a_region_named_by_its_towns_is_one_place() {
        let text = "وزار والي جهة طنجة تطوان الحسيمة الميناء أمس.";
        let all = found(text);
        assert!(
            all.iter()
                .any(|(k, t)| *k == EntityKind::Place && t == "طنجة تطوان الحسيمة"),
            "{all:?}"
        );
        // Towns with a conjunction between are two places.
        let text = "وزار الوفد جهة طنجة وتطوان أمس.";
        let all = found(text);
        assert!(
            all.iter()
                .any(|(k, t)| *k == EntityKind::Place && t == "طنجة"),
            "{all:?}"
        );
    }

    #[test]
    fn a_national_office_is_an_organisation_and_an_office_is_not() {
        let text = "وقال المكتب الوطني للسكك الحديدية إن القطارات ستعود.";
        let all = found(text);
        assert!(
            all.iter().any(|(k, t)| *k == EntityKind::Organization
                && t == "المكتب الوطني للسكك الحديدية"),
            "{all:?}"
        );
        let text = "ووصل المدير إلى المكتب صباحا.";
        let all = found(text);
        assert!(
            all.iter().all(|(k, _)| *k != EntityKind::Organization),
            "{all:?}"
        );
    }

    #[test]
    fn an_institute_of_two_fields_is_one_organisation() {
        let text = "وحضر خبراء من المعهد العالي لفنون المسرح والسينما على العرض.";
        let all = found(text);
        assert!(
            all.iter().any(|(k, t)| *k == EntityKind::Organization
                && t == "المعهد العالي لفنون المسرح والسينما"),
            "{all:?}"
        );
        // A plural behind «و» is the sentence going on.
        let text = "وحضر المعهد العالي لفنون المسرح والمسرحيات على العرض.";
        let all = found(text);
        assert!(
            all.iter().all(|(_, t)| !t.contains("والمسرحيات")),
            "{all:?}"
        );
    }

    #[test]
    fn a_state_named_with_its_kind_is_one_place() {
        let text = "ووصل الوفد إلى سلطنة بروناي ثم إلى جمهورية مصر العربية.";
        let all = found(text);
        for name in ["سلطنة بروناي", "جمهورية مصر العربية"] {
            assert!(
                all.iter()
                    .any(|(k, t)| *k == EntityKind::Place && t == name),
                "{name}: {all:?}"
            );
        }
        // The head alone, or before a common noun, is no place.
        let text = "وقال رئيس الجمهورية إن جمهورية الخوف انتهت.";
        let all = found(text);
        assert!(all.iter().all(|(k, _)| *k != EntityKind::Place), "{all:?}");
    }

    #[test]
    fn spelled_initials_after_a_head_are_the_name() {
        let text = "وقالت شركة إتش بي ديجيتال إن الأرباح تراجعت.";
        let all = found(text);
        assert!(
            all.iter()
                .any(|(k, t)| *k == EntityKind::Organization && t == "شركة إتش بي ديجيتال"),
            "{all:?}"
        );
        // Arabic words alone are no initials: شركة في is "a company in".
        let text = "وتعمل شركة في أي مكان.";
        let all = found(text);
        assert!(
            all.iter().all(|(k, _)| *k != EntityKind::Organization),
            "{all:?}"
        );
    }

    #[test]
    fn an_adjective_after_a_head_is_not_a_name() {
        for text in [
            "وأسس رجال أعمال شركة جديدة في المدينة.",
            "وأصبحت البلدة محطة مهمة للقوافل.",
            "وانتقل إلى مدينة صغيرة قرب الحدود.",
        ] {
            let all = found(text);
            assert!(
                all.iter()
                    .all(|(k, _)| !matches!(k, EntityKind::Place | EntityKind::Organization)),
                "{all:?}"
            );
        }
        // A name after the head still makes one.
        let text = "وانتقل إلى مدينة طبرقة قرب الحدود.";
        assert!(
            found(text).iter().any(|(k, _)| *k == EntityKind::Place),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn what_a_station_does_is_not_its_name() {
        for text in [
            "وبدأ العمل في محطة تحلية جديدة على الساحل.",
            "وتبني الحكومة محطة توليد قرب الحدود.",
        ] {
            let all = found(text);
            assert!(all.iter().all(|(k, _)| *k != EntityKind::Place), "{all:?}");
        }
    }
}
