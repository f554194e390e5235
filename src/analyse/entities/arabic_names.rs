//! Arabic-script name shapes the context rules ask about: nationality adjectives, which
//! describe a name rather than end it (شركة ميرسك الدنماركية, الترجي التونسي); first names
//! of two words closed by الدين or الله (نور الدين الطبوبي); Arabic plural verbs, which are
//! never names (غادروا); and a person named after a title and what it is the title of
//! (المدير التنفيذي للشركة ماتس ليندبرغ).
//!
//! Every question here is asked of one unit or a few units after a rule has already fired:
//! no list is scanned per word.

use super::clitics::Script;
use super::gazetteer::{ROLE_ORG_SUFFIX, ROLE_STOP, ROLE_TITLE};
use super::text::Text;
use crate::document::EntityKind;

/// Stems of the nationality adjectives news attaches to foreign names, in folded form without
/// the article and the ending: الدنماركية → دنمارك, الأمريكي → امريك.
const NATIONALITY_STEMS: &[&str] = &[
    "امريك",
    "اميرك",
    "بريطان",
    "فرنس",
    "المان",
    "روس",
    "صين",
    "يابان",
    "كور",
    "هند",
    "ترك",
    "ايران",
    "سويسر",
    "دنمارك",
    "هولند",
    "ايطال",
    "اسبان",
    "سويد",
    "نرويج",
    "كند",
    "استرال",
    "امارات",
    "قطر",
    "كويت",
    "مصر",
    "تونس",
    "مغرب",
    "جزائر",
    "اردن",
    "عراق",
    "سور",
    "لبنان",
    "سودان",
    "يمن",
    "بحرين",
    "عمان",
    "ليب",
    "فلسطين",
    "اسرائيل",
    "باكستان",
    "اوكران",
    "برازيل",
    "بلجيك",
    "نمساو",
];

/// Unit `k` is a definite nationality adjective: الدنماركية, السويسرية, التونسي.
pub fn nationality(t: &Text<'_>, k: usize) -> bool {
    let Some(u) = t.units.get(k) else {
        return false;
    };
    // Not `Text::adjective`: a nisba may also be a town of the generated lists.
    if t.script(u) != Script::Arabic || u.first != u.last || !t.definite(u) {
        return false;
    }
    let bare = t.bare(u);
    let Some(word) = bare.strip_prefix("ال") else {
        return false;
    };
    word.strip_suffix("يه")
        .or_else(|| word.strip_suffix('ي'))
        .is_some_and(|stem| NATIONALITY_STEMS.contains(&stem))
}

/// Second words that close a first name of two (نور الدين, صلاح الدين, نصر الله): the name
/// goes on to the family name after them, which may carry the article.
const FIRST_NAME_CLOSERS: &[&str] = &["الدين", "الله"];

/// Unit `k` closes a two-word first name begun by the unit before it.
pub fn closes_first_name(t: &Text<'_>, k: usize) -> bool {
    !t.persian
        && t.units
            .get(k)
            .is_some_and(|u| FIRST_NAME_CLOSERS.contains(&t.form(u)))
}

/// Arabic: a given name (`i`) and one unknown word (`end`) followed by a definite noun are a
/// construct phrase of a verbal noun that is also a name: تحسين ظروف العمل, رفعت شكوى
/// الموظفين. A family name is followed by punctuation, a particle or a verb, rarely by the
/// definite noun a construct closes on. Only for a name no title introduced.
pub fn construct_after_given(t: &Text<'_>, i: usize, end: usize) -> bool {
    let units = &t.units;
    !t.persian
        && end == i + 1
        && t.joined_at(end)
        && units[end].roles.is_none()
        && !t.definite(&units[end])
        && units.get(end + 1).is_some_and(|n| {
            t.script(n) == Script::Arabic
                && n.roles.is_none()
                && t.definite(n)
                && !t.adjective(n)
                && !t.prepositional(n)
        })
}

/// An Arabic word that is a preposition joined to a noun with a hamza (بأداء, لإنهاء,
/// وبإشراف): the sentence after a name, never part of it. Folding drops the hamza, so the
/// original letters are read.
pub fn preposition_before_hamza(t: &Text<'_>, u: &super::units::Unit) -> bool {
    if t.persian || u.roles.is_some() {
        return false;
    }
    let Some(word) = t.words.get(u.first) else {
        return false;
    };
    let original = t.original_text(word.start, word.end);
    let rest = original.strip_prefix(['و', 'ف']).unwrap_or(original);
    let mut letters = rest.chars();
    matches!(letters.next(), Some('ب' | 'ل' | 'ك')) && matches!(letters.next(), Some('أ' | 'إ'))
}

/// Urdu: after suffix noun `i`, an English "of" and the name words of what it is of, joined
/// by "and", then maybe the seat: بورڈ آف انٹرمیڈیٹ اینڈ سیکنڈری ایجوکیشن لاہور, کالج آف
/// فزیشنز اینڈ سرجنز پاکستان. Closed by punctuation or a postposition; the last unit.
pub fn english_of_chain(t: &Text<'_>, i: usize) -> Option<usize> {
    let units = &t.units;
    let of = units.get(i + 1)?;
    if !t.joined_at(i) || t.form(of) != "اف" || !t.joined_at(i + 1) {
        return None;
    }
    let and = |u: &super::units::Unit| t.form(u) == "اينڈ";
    let word = |u: &super::units::Unit| {
        (u.roles.is_none() && t.name_word(u)) || u.has(ROLE_ORG_SUFFIX) || t.kind(u).is_some()
    };
    let mut end = i + 1;
    while end + 1 < units.len() && end - i < 6 && (end == i + 1 || t.joined_at(end)) {
        let next = &units[end + 1];
        if !(word(next) || and(next) && end > i + 1) {
            break;
        }
        end += 1;
    }
    if end == i + 1 || and(&units[end]) {
        return None;
    }
    let closed = !t.joined_at(end) || units.get(end + 1).is_none_or(|n| n.has(ROLE_STOP));
    closed.then_some(end)
}

/// An ordinal (المركز الثاني, the second place): it follows a head as an adjective does but
/// names nothing. Kings keep theirs (محمد الخامس): only heads ask.
pub fn ordinal(t: &Text<'_>, u: &super::units::Unit) -> bool {
    matches!(
        t.bare(u),
        "الاول"
            | "الاولي"
            | "الثاني"
            | "الثانيه"
            | "الثالث"
            | "الثالثه"
            | "الرابع"
            | "الرابعه"
            | "الخامس"
            | "الخامسه"
            | "السادس"
            | "السابع"
            | "الثامن"
            | "التاسع"
            | "العاشر"
            | "الاخير"
            | "الاخيره"
    )
}

/// Urdu: unit `i` is امیر after a postposition (کے امیر), the title of a party's or a
/// province's leader, where Persian and Arabic text have the given name. Asked in code, as the
/// lists are shared by all three languages.
pub fn urdu_leader_title(t: &Text<'_>, i: usize) -> bool {
    t.urdu
        && i > 0
        && t.form(&t.units[i]) == "امير"
        && t.joined_at(i - 1)
        && t.units[i - 1].has(ROLE_STOP)
}

/// Titles that are also common nouns (الفريق, the team, or a lieutenant general): only a
/// given name after them makes a person.
pub fn common_noun_title(t: &Text<'_>, u: &super::units::Unit) -> bool {
    !t.persian && matches!(t.form(u), "الفريق" | "فريق")
}

/// An Arabic past or imperative plural (غادروا, قالوا, أكدوا): a verb, never a name. Not in
/// Persian or Urdu text, where the ending is rarer and names may carry it.
pub fn plural_verb(t: &Text<'_>, form: &str) -> bool {
    !t.persian && form.ends_with("وا") && form.chars().count() >= 4
}

/// Arabic: after title `i` and its adjectives, what it is the title of (للشركة, المجموعة,
/// للنادي: one or two definite nouns), then two or three unknown name words closed by
/// punctuation or a particle: المدير التنفيذي للشركة ماتس ليندبرغ أن. The span of the name.
pub fn after_titled_complement(t: &Text<'_>, i: usize) -> Option<(usize, usize)> {
    let units = &t.units;
    if t.persian || t.script(units.get(i)?) != Script::Arabic {
        return None;
    }
    let mut j = i + 1;
    while j < units.len() && t.joined_at(j - 1) && t.adjective(&units[j]) {
        j += 1;
    }
    // The complement: up to three unknown definite nouns or a known organisation (للشركة,
    // الجيش الإسرائيلي), no particle, no other title. Not a place: after one, the words
    // are as often the sentence as a name.
    let complement = |u: &super::units::Unit| {
        let noun = t.definite(u) && u.roles.is_none() && !t.adjective(u);
        (noun || t.kind(u) == Some(EntityKind::Organization)) && !t.possessed(u) && !t.conjoined(u)
    };
    let first = j;
    while j < units.len() && j - first < 3 && t.joined_at(j - 1) && complement(&units[j]) {
        j += 1;
    }
    if j == first || j >= units.len() || !t.joined_at(j - 1) {
        return None;
    }
    // The first word is unknown, or a title that is also a name (أمين الناصر); the words
    // after it may carry the article (family names do).
    let name = |u: &super::units::Unit, first: bool| {
        let unknown = u.roles.is_none() && t.name_word(u);
        let titled = first
            && u.roles
                .is_some_and(|r| r.bits == ROLE_TITLE && r.kind.is_none());
        (unknown || titled) && !(first && t.definite(u)) && !t.conjoined(u)
    };
    let start = j;
    if !name(&units[start], true) {
        return None;
    }
    let mut end = start;
    while end + 1 < units.len()
        && end - start < 2
        && t.joined_at(end)
        && name(&units[end + 1], false)
    {
        end += 1;
    }
    let closed = !t.joined_at(end)
        || units
            .get(end + 1)
            .is_some_and(|n| n.has(ROLE_STOP) && !n.has(ROLE_TITLE));
    (end > start && closed).then_some((start, end))
}

#[cfg(test)]
mod tests {
    use crate::analyse::entities::Tagger;
    use crate::document::EntityKind;

    fn found(text: &str) -> Vec<(EntityKind, String)> {
        Tagger::new(&[])
            .tag_text(text)
            .into_iter()
            .map(|m| (m.kind, m.text))
            .collect()
    }

    fn has(text: &str, kind: EntityKind, name: &str) -> bool {
        found(text).iter().any(|(k, t)| *k == kind && t == name)
    }

    #[test]
    fn a_nationality_after_a_company_describes_it() {
        let text = "وقال إن شركة ميرسك الدنماركية أبدت اهتماما.";
        assert!(
            has(text, EntityKind::Organization, "شركة ميرسك"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn a_first_name_closed_by_al_din_takes_the_family_name() {
        let text = "لكن أمينه العام نور الدين الطبوبي حذر من خفض الدعم.";
        assert!(
            has(text, EntityKind::Person, "نور الدين الطبوبي"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn a_title_and_what_it_is_the_title_of_come_before_the_name() {
        let text = "وأوضح المدير التنفيذي للشركة ماتس ليندبرغ أن السفينة وصلت.";
        assert!(
            has(text, EntityKind::Person, "ماتس ليندبرغ"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn a_plural_verb_after_a_title_is_not_a_name() {
        let text = "وأكدت أن أكثر من ألفي طبيب غادروا البلاد.";
        assert!(
            found(text).iter().all(|(k, _)| *k != EntityKind::Person),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn a_given_name_before_a_construct_is_a_verbal_noun() {
        let text = "وقال المسؤول إن تحسين ظروف العمل أولوية.";
        assert!(
            found(text).iter().all(|(k, _)| *k != EntityKind::Person),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn general_after_a_head_stays_in_the_name() {
        let text = "ورحب الاتحاد العام التونسي للشغل بالقرار.";
        assert!(
            has(text, EntityKind::Organization, "الاتحاد العام التونسي للشغل"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn an_urdu_english_of_chain_is_one_organisation() {
        let text = "بورڈ آف انٹرمیڈیٹ اینڈ سیکنڈری ایجوکیشن لاہور نے نتائج کا اعلان کر دیا۔";
        assert!(
            has(
                text,
                EntityKind::Organization,
                "بورڈ آف انٹرمیڈیٹ اینڈ سیکنڈری ایجوکیشن لاہور"
            ),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn an_urdu_portfolio_belongs_to_the_title() {
        let text = "وفاقی وزیر توانائی اویس لغاری نے اسلام آباد میں کہا۔";
        assert!(
            has(text, EntityKind::Person, "اویس لغاری"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn urdu_amir_after_a_postposition_is_a_title() {
        let text = "جماعت اسلامی کے امیر منعم ظفر بھی عدالت میں موجود تھے۔";
        assert!(
            has(text, EntityKind::Person, "منعم ظفر"),
            "{:?}",
            found(text)
        );
    }
}
