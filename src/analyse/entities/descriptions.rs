//! Persian and Hebrew companies described rather than named: a head and the kind of business
//! or an adjective only (شرکت دانش‌بنیان, a knowledge-based company; חברת הזנק, a start-up)
//! is no organisation. When the name follows in quotation marks (شرکت دانش‌بنیان «پایش‌گستر
//! شرق», חברת ההזנק "דאטה-פלו"), the name alone is the organisation, as the gold conventions
//! name it.
//!
//! Rules, for the phrase a head noun opened (units `head..=end`):
//! 1. One to four words between «» or "" right after it: they are the organisation.
//! 2. Else, when every word after the head is a kind of business, a nationality or a plain
//!    adjective of such a company (private, foreign, Israeli), the phrase is a description.
//! 3. Persian: so is a head after دیگر (another), or between commas right after a known
//!    organisation or a Latin name, which it describes.

use super::clitics::Script;
use super::demonyms::HEBREW_COMPANY_NATIONS;
use super::text::Text;
use crate::document::EntityKind;

/// Kinds of business and words that describe a company without naming it (folded): Persian
/// knowledge-based, software, private, state, foreign, domestic, Iranian, start-up,
/// subsidiary, parent, contractor, maker, airline, air; Hebrew start-up (also split at its
/// hyphen), high-tech, software, technology, parent and subsidiary, with and without the
/// article.
const KINDS: &[&str] = &[
    "دانشبنيان",
    "نرمافزاري",
    "خصوصي",
    "دولتي",
    "خارجي",
    "داخلي",
    "ايراني",
    "نوپا",
    "استارتاپ",
    "استارتاپي",
    "تابعه",
    "مادر",
    "پيمانكار",
    "سازنده",
    "هواپيمايي",
    "هوايي",
    "הזנק",
    "ההזנק",
    "סטארט",
    "הסטארט",
    "אפ",
    "סטארט-אפ",
    "הסטארט-אפ",
    "סטארטאפ",
    "הסטארטאפ",
    "הייטק",
    "ההייטק",
    "תוכנה",
    "התוכנה",
    "טכנולוגיה",
    "הטכנולוגיה",
    "האם",
    "בת",
];

fn kind_word(t: &Text<'_>, k: usize) -> bool {
    let Some(u) = t.units.get(k) else {
        return false;
    };
    let form = t.form(u);
    if KINDS.contains(&form) {
        return true;
    }
    match t.script(u) {
        Script::Hebrew => {
            let bare = form.strip_prefix('ה').unwrap_or(form);
            HEBREW_COMPANY_NATIONS.contains(&bare)
        }
        _ => false,
    }
}

/// Rule 3: a Persian head after دیگر (another) is a common noun; one between commas right
/// after a known organisation or a Latin name describes it (Uzbekistan Airways، شرکت هوایی
/// ملی ازبکستان، نیز): neither is a name.
pub fn described(t: &Text<'_>, head: usize, end: usize) -> bool {
    if !t.persian || t.urdu || head == 0 {
        return false;
    }
    let before = &t.units[head - 1];
    if t.joined_at(head - 1) {
        return t.form(before) == "ديگر";
    }
    t.comma_between(head - 1, head)
        && (t.script(before) == Script::Latin || t.kind(before) == Some(EntityKind::Organization))
        && t.units.get(end + 1).is_some()
        && t.comma_between(end, end + 1)
}

/// Rule 2: the words after `head` up to `end` only say what kind of company it is.
pub fn kind_only(t: &Text<'_>, head: usize, end: usize) -> bool {
    end > head && (head + 1..=end).all(|k| kind_word(t, k))
}

/// Rule 1: the units (first, last) of a name of one to four words in quotation marks right
/// after unit `end`.
pub fn quoted_after(t: &Text<'_>, end: usize) -> Option<(usize, usize)> {
    let first = end + 1;
    let open = t.text().get(t.units[end].end..t.units.get(first)?.start)?;
    let closing = match open.trim() {
        "«" => '»',
        "\"" => '"',
        _ => return None,
    };
    let mut last = first;
    loop {
        let gap = match t.units.get(last + 1) {
            Some(n) => t.text().get(t.units[last].end..n.start)?,
            None => t.text().get(t.units[last].end..)?,
        };
        if gap.trim_start().starts_with(closing) {
            return Some((first, last));
        }
        if last + 1 - first >= 4 || !t.joined_at(last) {
            return None;
        }
        last += 1;
    }
}

#[cfg(test)]
mod tests {
    fn organisations(text: &str) -> Vec<String> {
        crate::analyse::entities::examples::of_kind(text, crate::document::EntityKind::Organization)
    }

    #[test]
    fn a_company_named_in_quotation_marks_after_its_kind_is_the_name_alone() {
        let found =
            organisations("شرکت نرم‌افزاری «داده‌پردازان نوین» در تبریز به کار خود ادامه داد.");
        assert_eq!(found, ["داده‌پردازان نوین"]);
        let found = organisations("החברה רכשה את חברת ההזנק \"דאטה-פלו\" תמורת 40 מיליון דולר.");
        assert_eq!(found, ["דאטה-פלו"]);
    }

    #[test]
    fn a_company_described_by_its_kind_alone_is_no_organisation() {
        let found = organisations("شرکت دانش‌بنیان در سال گذشته با شرکت خصوصی قرارداد بست.");
        assert!(found.is_empty(), "{found:?}");
        let found = organisations("המצלמות של SeaVision, חברת הזנק מחיפה, ישמשו את החוקרים.");
        assert!(found.iter().all(|o| o != "חברת הזנק"), "{found:?}");
        let found = organisations("הם רכשו את חברת הסטארט-אפ הישראלית בשנה שעברה.");
        assert!(found.is_empty(), "{found:?}");
        // A kind and a name: the company is named.
        // Another company, and a company described after the name it describes.
        let found =
            organisations("Air Astana، شرکت هوایی ملی قزاقستان، و دیگر شرکت هوایی کشور آمدند.");
        assert!(found.iter().all(|o| !o.contains("هوایی")), "{found:?}");
        let found = organisations("شرکت داروسازی برکت در تهران قرارداد بست.");
        assert_eq!(found, ["شرکت داروسازی برکت"]);
    }
}
