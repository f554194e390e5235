//! Hebrew companies introduced by a description between commas: the name, a comma, then
//! חברת or חברה with what kind of company it is and its nationality (מיטסובה טריידינג, חברת
//! יבוא יפנית, ...; לצים, חברת הספנות הישראלית, ...; אקסיונה, חברה ספרדית שהפסידה). The
//! description names no organisation; the name before the comma is one.
//!
//! The description is a head (חברת, חברה) right after a comma, and a nationality in the
//! feminine among the three words after it. The name is the unknown Hebrew word before the
//! comma, or one to three Latin words; an unknown word opening with ב or ל after a verb has
//! that letter cut (לצים: the preposition belongs to the sentence).

use super::clitics::Script;
use super::demonyms::HEBREW_COMPANY_NATIONS;
use super::gazetteer::ROLE_STOP;
use super::text::Text;

/// Heads of a company's description (folded).
const HEADS: &[&str] = &["חברת", "חברה"];

/// Most words of the description after its head, and of the name before the comma.
const WORDS: usize = 3;

/// Whether unit `head` opens a description of a company between commas: a head right after
/// a comma, then a nationality within three words.
pub fn description(t: &Text<'_>, head: usize) -> bool {
    let Some(u) = t.units.get(head) else {
        return false;
    };
    if head == 0
        || t.script(u) != Script::Hebrew
        || !t.prefix(u).is_empty()
        || !HEADS.contains(&t.form(u))
        || !t.comma_between(head - 1, head)
    {
        return false;
    }
    let mut k = head;
    while k < head + WORDS && t.joined_at(k) {
        k += 1;
        let Some(v) = t.units.get(k) else {
            return false;
        };
        let form = t.form(v);
        let bare = if t.definite(v) {
            form.strip_prefix('ה').unwrap_or(form)
        } else {
            form
        };
        if HEBREW_COMPANY_NATIONS.contains(&bare) || HEBREW_COMPANY_NATIONS.contains(&form) {
            return true;
        }
    }
    false
}

/// The start (a byte offset of the folded text) and last unit of the company named before
/// the description that unit `head` opens.
pub fn named_before(t: &Text<'_>, head: usize) -> Option<(usize, usize)> {
    if !description(t, head) {
        return None;
    }
    let last = head - 1;
    let word = |j: usize| {
        let v = &t.units[j];
        match t.script(v) {
            Script::Latin => true,
            Script::Hebrew => v.roles.is_none() && t.name_word(v) && !t.definite(v) && !t.number(v),
            _ => false,
        }
    };
    // Whether a Hebrew word opens with ב or ל, which the lists did not cut off an unknown
    // name (לצים).
    let preposition = |j: usize| {
        let v = &t.units[j];
        t.script(v) == Script::Hebrew
            && t.prefix(v).is_empty()
            && t.form(v).starts_with(['ב', 'ל'])
            && t.form(v).chars().count() >= 4
    };
    if !word(last) {
        return None;
    }
    // A Hebrew name is the one word before the comma: the words before it are as likely the
    // sentence's (עתרה פרוויה, petitioned); a name of several Hebrew words ends with a
    // business word, which `hebrew_companies` reads. A Latin name may have up to three.
    let latin = |j: usize| t.script(&t.units[j]) == Script::Latin;
    let mut first = last;
    while latin(first)
        && first > 0
        && last - first + 1 < WORDS
        && t.joined_at(first - 1)
        && latin(first - 1)
    {
        first -= 1;
    }
    let u = &t.units[first];
    // After a verb (פנה לצים) the ב or ל is the sentence's; after a preposition (עם,
    // של) or at the start of a clause the word is the name as written.
    let cut = preposition(first)
        && first > 0
        && t.joined_at(first - 1)
        && t.script(&t.units[first - 1]) == Script::Hebrew
        && !t.units[first - 1].has(ROLE_STOP);
    let start = if cut {
        u.start + 'ל'.len_utf8()
    } else {
        u.start
    };
    Some((start, last))
}

#[cfg(test)]
mod tests {
    fn orgs(text: &str) -> Vec<String> {
        crate::analyse::entities::examples::of_kind(text, crate::document::EntityKind::Organization)
    }

    #[test]
    fn a_name_before_a_described_company_is_the_organisation() {
        let found = orgs("העסקה נחתמה עם קרמולה, חברת תוכנה הולנדית, לאחר חודשים של מגעים.");
        assert_eq!(found, vec!["קרמולה".to_string()]);
        let found = orgs("המשרד פנה לזנדרו, חברת הבנייה הטורקית, בבקשה להצעה.");
        assert_eq!(found, vec!["זנדרו".to_string()]);
        // After a preposition the name keeps its letters as written.
        let found = orgs("המניה של ברקוביץ, חברה ישראלית, עלתה אתמול.");
        assert_eq!(found, vec!["ברקוביץ".to_string()]);
        let found = orgs("בינתיים עתרה פרוויה, חברה ספרדית שהפסידה במכרז, לבית המשפט.");
        assert!(found.contains(&"פרוויה".to_string()), "{found:?}");
    }

    #[test]
    fn a_company_without_a_nationality_after_a_comma_is_left_alone() {
        // No nationality: חברת החשמל is itself the name, the word before it the sentence.
        let found = orgs("בשבוע שעבר, חברת החשמל הודיעה על הפסקות.");
        assert!(!found.iter().any(|o| o == "שעבר"), "{found:?}");
        assert!(
            found.iter().any(|o| o.starts_with("חברת החשמל")),
            "{found:?}"
        );
    }
}
