//! Natural features named with their head in Arabic-script text: a desert, a plain, a
//! mountain, an island or a lake (دشت لوت, کویر مرکزی, کوه دماوند, جبل الشيخ). Their name
//! alone names them further on (لوت), as a town introduced by its noun does. Streets and
//! squares are left out: they are named after common words (میدان آزادی, freedom), which
//! must not become places wherever they stand.

use super::clitics::Script;
use super::gazetteer::ROLE_PLACE_NOUN;
use super::text::Text;

/// Heads of natural features (folded): plain, desert (کویر, بیابان, صحراء), mountain, island,
/// lake.
const HEADS: &[&str] = &[
    "دشت",
    "كوير",
    "بيابان",
    "صحرا",
    "صحراء",
    "كوه",
    "جبل",
    "جزيره",
    "درياچه",
    "بحيره",
];

/// Whether unit `i` is the head of a natural feature.
pub fn natural_feature(t: &Text<'_>, i: usize) -> bool {
    t.units.get(i).is_some_and(|u| {
        t.script(u) == Script::Arabic
            && u.has(ROLE_PLACE_NOUN)
            && t.joined_at(i)
            && HEADS.contains(&t.form(u))
    })
}

#[cfg(test)]
mod tests {
    fn places(text: &str) -> Vec<String> {
        crate::analyse::entities::examples::of_kind(text, crate::document::EntityKind::Place)
    }

    #[test]
    fn a_desert_named_with_its_head_is_named_alone_further_on() {
        let found = places("گروه به سوی دشت گلستانک رفت. گم شدن در گلستانک یعنی مرگ.");
        assert_eq!(found, ["دشت گلستانک", "گلستانک"]);
        // A square is named after a common word: the word alone stays a word.
        let found = places("تجمع در میدان آزادی بود. آزادی بیان مهم است.");
        assert_eq!(found, ["میدان آزادی"]);
    }
}
