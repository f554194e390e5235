//! Hebrew companies named by a name and their business, the business word last and without
//! the article: רמי לוי תקשורת, הראל השקעות, מגדל ביטוח, אלביט מערכות. The business words
//! are `org-suffix` lines of `he-context.tsv`.
//!
//! The name before the business word is one to three words, and its first is a given name
//! or a known name (a person, a place, an organisation): a common noun before the business
//! word is a phrase of the language (כלי תקשורת, media; חברות ביטוח, insurers), not a name.
//! The business word itself carries no prefix letter (ותקשורת starts another phrase).

use super::clitics::Script;
use super::gazetteer::ROLE_ORG_SUFFIX;
use super::text::Text;

/// The most words of the name before the business word.
const NAME_WORDS: usize = 3;

/// Business words taken from English (folded): no phrase of the language ends with them, so
/// the name before them need not be known (מיטסובה טריידינג, נובה הולדינגס).
const TRANSLITERATED: &[&str] = &[
    "טריידינג",
    "הולדינגס",
    "גרופ",
    "אינטרנשיונל",
    "ונצ'רס",
    "קפיטל",
    "סיסטמס",
    "לאבס",
    "סולושנס",
    "טכנולוגיז",
    "פארמה",
];

/// The units (first, last) of the company that unit `i`, a business word, ends.
pub fn named_business(t: &Text<'_>, i: usize) -> Option<(usize, usize)> {
    let suffix = t.units.get(i)?;
    if i == 0
        || t.script(suffix) != Script::Hebrew
        || !suffix.has(ROLE_ORG_SUFFIX)
        || !t.prefix(suffix).is_empty()
    {
        return None;
    }
    let transliterated = TRANSLITERATED.contains(&t.form(suffix));
    // A Latin name is known enough (IDE טכנולוגיות): a common noun is never written so.
    let known = |j: usize| {
        let u = &t.units[j];
        t.given_name(u) || t.kind(u).is_some() || t.script(u) == Script::Latin
    };
    let name_word = |j: usize| {
        let u = &t.units[j];
        (t.script(u) == Script::Hebrew
            && !t.number(u)
            && (known(j) || (u.roles.is_none() && t.name_word(u) && !t.definite(u))))
            || t.script(u) == Script::Latin && u.roles.is_none()
    };
    // Back from the business word over name words, joined, none after the first behind a
    // prefix letter (a word behind one starts its own phrase).
    let mut first = i;
    while first > 0
        && i - first < NAME_WORDS
        && t.joined_at(first - 1)
        && name_word(first - 1)
        && (first == i || t.prefix(&t.units[first]).is_empty())
    {
        first -= 1;
    }
    // The name opens with a given or known name; back to the first such word.
    while first < i && !transliterated && !known(first) {
        first += 1;
    }
    (first < i && !t.conjoined(&t.units[first])).then_some((first, i))
}

#[cfg(test)]
mod tests {
    use crate::analyse::entities::examples::found;
    use crate::document::EntityKind;

    #[test]
    fn a_name_then_a_business_word_is_a_company() {
        let text = "רמי לוי תקשורת, שהגישה הצעה משותפת, לא זכתה בתדרים.";
        assert!(
            found(text).contains(&(EntityKind::Organization, "רמי לוי תקשורת".into())),
            "{:?}",
            found(text)
        );
        let text = "המניה של הראל השקעות עלתה אתמול.";
        assert!(
            found(text).contains(&(EntityKind::Organization, "הראל השקעות".into())),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn a_common_noun_before_a_business_word_is_no_company() {
        let text = "כלי תקשורת רבים דיווחו כי חברות ביטוח יעלו את המחירים.";
        let orgs: Vec<_> = found(text)
            .into_iter()
            .filter(|(k, _)| *k == EntityKind::Organization)
            .collect();
        assert!(orgs.is_empty(), "{orgs:?}");
        // With the article, the business word is a noun of another name.
        let text = "משרד התקשורת פרסם את תוצאות המכרז.";
        assert!(
            found(text).contains(&(EntityKind::Organization, "משרד התקשורת".into())),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn a_latin_or_unknown_name_before_an_english_business_word_is_a_company() {
        let text = "את המערכת פיתחה QLT מערכות, שזכתה במכרז הקודם.";
        assert!(
            found(text).contains(&(EntityKind::Organization, "QLT מערכות".into())),
            "{:?}",
            found(text)
        );
        let text = "ההסכם נחתם עם קורבלו הולדינגס בשבוע שעבר.";
        assert!(
            found(text).contains(&(EntityKind::Organization, "קורבלו הולדינגס".into())),
            "{:?}",
            found(text)
        );
        // A Hebrew business word after an unknown word is still a phrase of the language.
        let text = "הם עובדים במערכות מידע ובשירותי תקשורת.";
        let orgs: Vec<_> = found(text)
            .into_iter()
            .filter(|(k, _)| *k == EntityKind::Organization)
            .collect();
        assert!(orgs.is_empty(), "{orgs:?}");
    }
}
