//! Urdu acronyms: English initials written as the names of their letters (بی این پی, جے یو
//! آئی, ایف سی), which Urdu news uses for parties, forces and companies.
//!
//! Two or more letter names in a row, closed by punctuation, the end of the text or a
//! postposition (بی این پی کے سربراہ, (ایف سی)), are an organisation. Not when a noun goes on
//! after them (ٹی وی چینل, او پی ڈی بند: a thing named by initials), nor before a number (کے
//! ایس ای 100, این اے 265: an index, a constituency), nor the initials of a title or a degree
//! (ایم این اے, ایس ایچ او, پی ایچ ڈی), nor بی بی (the honorific). کے at either end is the
//! postposition. Letters are read in the original text: folding merges سے with سی and کے with
//! کی. One walk over the units, in Urdu text only.

use super::gazetteer::ROLE_STOP;
use super::text::{Candidate, RANK_RULE, Text};
use crate::document::EntityKind;

/// The letters A to Z as Urdu writes their names.
const LETTERS: &[&str] = &[
    "اے",
    "بی",
    "سی",
    "ڈی",
    "ای",
    "ایف",
    "جی",
    "ایچ",
    "آئی",
    "جے",
    "کے",
    "ایل",
    "ایم",
    "این",
    "او",
    "پی",
    "کیو",
    "آر",
    "ایس",
    "ٹی",
    "یو",
    "وی",
    "ڈبلیو",
    "ایکس",
    "وائی",
    "زیڈ",
];

/// Initials that name a title, a degree, a rank or a thing, not an organisation.
const NOT_ORGANISATIONS: &[&str] = &[
    "ایم این اے",
    "ایم پی اے",
    "ایس ایچ او",
    "ڈی ایس پی",
    "اے ایس پی",
    "ایس ایس پی",
    "ایس پی",
    "ڈی پی او",
    "آئی جی",
    "ڈی آئی جی",
    "ڈی سی",
    "اے سی",
    "سی ای او",
    "ایم ڈی",
    "پی ایچ ڈی",
    "ایم بی بی ایس",
    "ایف آئی آر",
    "سی این جی",
    "ایل این جی",
    "ایل پی جی",
    "جی ڈی پی",
    "ڈی این اے",
    "آئی ٹی",
    "اے آئی",
    "ٹی وی",
    "وی آئی پی",
    "اے ٹی ایم",
    "آئی ڈی",
    "سی سی ٹی وی",
    "ایس ایم ایس",
    "بی بی",
];

/// The postposition that is also the letter K.
const KE: &str = "کے";

pub fn candidates(t: &Text<'_>, out: &mut Vec<Candidate>) {
    if !t.urdu {
        return;
    }
    let units = &t.units;
    let letter = |k: usize| {
        units.get(k).is_some_and(|u| {
            u.first() == u.last()
                && t.kind(u).is_none()
                && u.end - u.start <= 12
                && LETTERS.contains(&t.original_text(u.start, u.end))
        })
    };
    let original = |k: usize| t.original_text(units[k].start, units[k].end);
    let mut i = 0;
    while i < units.len() {
        if !letter(i) {
            i += 1;
            continue;
        }
        let mut last = i;
        while t.joined_at(last) && letter(last + 1) {
            last += 1;
        }
        let next = last + 1;
        let mut first = i;
        while first < last && original(first) == KE {
            first += 1;
        }
        let mut end = last;
        while end > first && original(end) == KE {
            end -= 1;
        }
        i = next;
        if end == first {
            continue;
        }
        // Closed by punctuation, the end, or the postposition the run ended on or that
        // follows it.
        let closed = end < last
            || !t.joined_at(end)
            || units
                .get(end + 1)
                .is_none_or(|n| n.has(ROLE_STOP) && !t.number(n));
        let spelled = t.original_text(units[first].start, units[end].end);
        let named = NOT_ORGANISATIONS.contains(&spelled)
            || t.original_text(units[first].start, units[first + 1].end) == "بی بی";
        if closed && !named {
            out.push(Candidate {
                start: units[first].start,
                end: units[end].end,
                kind: EntityKind::Organization,
                rank: RANK_RULE,
                elided: false,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    fn organisations(text: &str) -> Vec<String> {
        crate::analyse::entities::examples::of_kind(text, crate::document::EntityKind::Organization)
    }

    #[test]
    fn spelled_initials_before_a_postposition_are_an_organisation() {
        let found = organisations("اجلاس میں اے این پی کے رہنماؤں نے شرکت کی۔");
        assert!(found.iter().any(|o| o == "اے این پی"), "{found:?}");
        let found = organisations("شہر میں رینجرز اور پولیس (ایس ایس جی) کے اہلکار تعینات تھے۔");
        assert!(found.iter().any(|o| o == "ایس ایس جی"), "{found:?}");
    }

    #[test]
    fn where_an_institute_stands_is_not_part_of_its_name() {
        let found = organisations("لاہور میں قائم پنجاب سیڈ کارپوریشن نے نئے بیج متعارف کرائے۔");
        assert!(found.iter().all(|o| !o.contains("قائم")), "{found:?}");
        let found = organisations("شہر کی نجی ہاؤسنگ سوسائٹی نے جواب دیا۔");
        assert!(found.iter().all(|o| !o.contains("نجی")), "{found:?}");
    }

    #[test]
    fn initials_of_a_thing_a_title_or_a_seat_are_not_one() {
        for text in [
            "انہوں نے ٹی وی چینل پر بات کی۔",
            "حلقہ این اے 246 سے امیدوار کامیاب ہوا۔",
            "مقامی ایم این اے نے دورہ کیا۔",
            "مریضہ بی بی زینب کو ہسپتال لایا گیا۔",
        ] {
            let found = organisations(text);
            assert!(found.is_empty(), "{text}: {found:?}");
        }
    }
}
