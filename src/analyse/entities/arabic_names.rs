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
use super::text::{Candidate, RANK_RULE, Text};
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
    "سعود",
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
    if t.script(u) != Script::Arabic || u.first() != u.last() || !t.definite(u) {
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
    let Some(word) = t.words.get(u.first()) else {
        return false;
    };
    let original = t.original_text(word.start(), word.end());
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
/// So is صدر (president) in Urdu wherever it stands (صوبائی صدر داؤد شاہ کاکڑ), where Arabic
/// has the verb "was issued" and Persian "the top of".
pub fn urdu_leader_title(t: &Text<'_>, i: usize) -> bool {
    let form = t.form(&t.units[i]);
    t.urdu
        && (form == "صدر" && t.units[i].roles.is_none()
            || i > 0 && form == "امير" && t.joined_at(i - 1) && t.units[i - 1].has(ROLE_STOP))
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

/// Arabic and Urdu: names listed with places are places. In a list of three or more items
/// (سکھر، خیرپور اور سانگھڑ; دمشق، حلب وحمص), commas between them and «اور» or «و» before
/// the last, of which two at least are places already found, every other item of one unknown
/// word (or two, when commas or the end of the list close it: ہری پور سے) is a place too.
/// One walk over the units; nothing is added unless a list holds two places.
pub fn listed_places(t: &Text<'_>, chosen: &mut Vec<Candidate>) {
    if (t.persian && !t.urdu) || !chosen.iter().any(|c| c.kind == EntityKind::Place) {
        return;
    }
    let units = &t.units;
    // The chosen candidate over each unit (quotations apart), by one cursor over both.
    let mut cover: Vec<Option<usize>> = vec![None; units.len()];
    let mut next = 0;
    for (i, u) in units.iter().enumerate() {
        while chosen
            .get(next)
            .is_some_and(|c| c.end <= u.start || c.kind == EntityKind::Quote)
        {
            next += 1;
        }
        // Spans may nest only under quotations: the first one reaching the unit covers it.
        if chosen.get(next).is_some_and(|c| c.start < u.end) {
            cover[i] = Some(next);
        }
    }
    let mut added = Vec::new();
    // Each item: its first and last unit, whether it is a place found, whether «و» or «اور»
    // comes before it.
    let mut items: Vec<(usize, usize, bool, bool)> = Vec::new();
    let mut i = 0;
    while i < units.len() {
        items.clear();
        let mut j = i;
        let mut closed = false;
        while let Some((last, place)) = list_item(t, &cover, chosen, j, closed) {
            items.push((j, last, place, closed));
            match list_separator(t, last) {
                // Arabic repeats «و» before every item (القصيم والأحساء والمدينة المنورة).
                Some((after, true)) if !closed || !t.urdu => {
                    j = after;
                    closed = true;
                }
                Some((after, false)) if !closed => j = after,
                _ => break,
            }
        }
        let places = items.iter().filter(|item| item.2).count();
        if !(closed && items.len() >= 3 && places >= 2) {
            i = items.first().map_or(i, |item| item.1) + 1;
            continue;
        }
        for &(a, b, place, after_and) in &items {
            if place {
                continue;
            }
            let (first, last) = (&units[a], &units[b]);
            // An Arabic word after «و» keeps the conjunction when it was not cut off.
            let start =
                if after_and && !t.urdu && !t.conjoined(first) && t.form(first).starts_with('و') {
                    first.start + 'و'.len_utf8()
                } else {
                    first.start
                };
            added.push(Candidate {
                start,
                end: last.end,
                kind: EntityKind::Place,
                rank: RANK_RULE,
                elided: false,
            });
        }
        i = items.last().map_or(i, |item| item.1) + 1;
    }
    if !added.is_empty() {
        chosen.append(&mut added);
        chosen.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    }
}

/// An unknown word that may be a listed place: Arabic script, a name word, no verb shape.
fn free_word(t: &Text<'_>, cover: &[Option<usize>], k: usize) -> bool {
    let Some(u) = t.units.get(k) else {
        return false;
    };
    u.roles.is_none()
        && cover[k].is_none()
        && t.script(u) == Script::Arabic
        && t.name_word(u)
        && !t.arabic_verb(u)
        && t.form(u).chars().count() >= 3
        && !(t.definite(u) && !t.urdu && abstract_noun(t.bare(u)))
}

/// A definite Arabic word ending as verbal nouns, feminine abstracts and plurals do (الحكومة,
/// المعارضة, الولايات, المستثمرين): a noun far more often than an unknown place.
fn abstract_noun(bare: &str) -> bool {
    ["ه", "ات", "ون", "ين"].iter().any(|e| bare.ends_with(e))
}

/// The list item at unit `j`: a place found (to its last unit), or one or two unknown words.
/// The last item (`last`) of two words needs what follows to end it: punctuation or a known
/// word. The item's last unit, and whether it is a place already.
fn list_item(
    t: &Text<'_>,
    cover: &[Option<usize>],
    chosen: &[Candidate],
    j: usize,
    last: bool,
) -> Option<(usize, bool)> {
    let units = &t.units;
    let u = units.get(j)?;
    if let Some(c) = cover[j] {
        let c = &chosen[c];
        if c.kind != EntityKind::Place || c.start > u.start {
            return None;
        }
        let end = (j..units.len())
            .take_while(|&k| units[k].start < c.end)
            .last()?;
        return Some((end, true));
    }
    if !free_word(t, cover, j) {
        return None;
    }
    let two = t.joined_at(j) && free_word(t, cover, j + 1);
    if !last {
        // Commas close a middle item on both sides.
        return match (two, list_separator(t, j)) {
            (_, Some(_)) => Some((j, false)),
            (true, _) if list_separator(t, j + 1).is_some() => Some((j + 1, false)),
            _ => None,
        };
    }
    let ended = |k: usize| !t.joined_at(k) || !free_word(t, cover, k + 1);
    match two {
        false => Some((j, false)),
        // Urdu: a postposition or punctuation ends the list (ہری پور سے); Arabic names of
        // two unknown words are as often the sentence going on.
        true if t.urdu && ended(j + 1) => Some((j + 1, false)),
        true => None,
    }
}

/// After list item ending at unit `k`: the next item's first unit, and whether it is the last
/// («اور» or «و» before it; a comma otherwise).
fn list_separator(t: &Text<'_>, k: usize) -> Option<(usize, bool)> {
    let units = &t.units;
    let (a, b) = (units.get(k)?, units.get(k + 1)?);
    let (wa, wb) = (t.words.get(a.last())?, t.words.get(b.first())?);
    let gap = t.text().get(a.end.max(wa.end())..wb.start())?.trim();
    let and = |u: &super::units::Unit| matches!(t.form(u), "اور" | "و");
    match gap {
        "،" | "," => {
            if and(b) {
                units.get(k + 2)?;
                Some((k + 2, true))
            } else {
                Some((
                    k + 1,
                    !t.urdu && (t.conjoined(b) || t.form(b).starts_with('و')),
                ))
            }
        }
        "" if and(b) && t.joined_at(k + 1) => Some((k + 2, true)),
        "" if !t.urdu && (t.conjoined(b) || t.form(b).starts_with('و')) => Some((k + 1, true)),
        _ => None,
    }
}

/// Urdu: unit `j` is the honorific میر or a title that the lists also give as a first
/// name (سردار), right before an unknown name word: the honorific of the name after it
/// (سربراہ سردار اختر مینگل نے), not its first word.
pub fn urdu_honorific_before_name(t: &Text<'_>, j: usize) -> bool {
    t.urdu
        && t.units
            .get(j)
            .is_some_and(|u| u.has(ROLE_TITLE) || t.form(u) == "مير")
        && t.joined_at(j)
        && t.units
            .get(j + 1)
            .is_some_and(|n| n.roles.is_none() && t.name_word(n))
}

/// An unknown Arabic word behind a «و» that was not cut off (وقعتا, ومقرها): after a name's
/// first word it is the sentence going on (شركة بتيل وقعتا), not the name's second word.
pub fn uncut_conjunction(t: &Text<'_>, u: &super::units::Unit) -> bool {
    !t.persian
        && u.roles.is_none()
        && t.script(u) == Script::Arabic
        && t.form(u).starts_with('و')
        && t.form(u).chars().count() >= 4
}

/// An unknown Arabic word behind an uncut «و» that opens a definite noun (والقبيات,
/// والزهراني) or the sound plural of a participle (وممثلين, والمسؤولين, ومهندسات): the
/// sentence going on after a person's name (سليمان هارون وممثلين عن المنظمة), never the
/// name's next word. Foreign family names that begin with و (ويلسون, والتر) have neither
/// shape. Not in Persian or Urdu text, where و stands alone.
pub fn conjoined_noun(t: &Text<'_>, u: &super::units::Unit) -> bool {
    if !uncut_conjunction(t, u) {
        return false;
    }
    let Some(rest) = t.form(u).strip_prefix('و') else {
        return false;
    };
    let letters = rest.chars().count();
    (rest.starts_with("ال") && letters >= 5)
        || (rest.starts_with('م')
            && letters >= 5
            && (rest.ends_with("ين") || rest.ends_with("ون") || rest.ends_with("ات")))
}

/// A definite head (`i`) whose phrase up to `end` only describes: an adjective behind «و»
/// right after it is one of a pair (البحرية والمينائية, the maritime and port ...), not a
/// name; and الشركة with adjectives but no complement with لـ (الشركة الأمريكية) is the
/// company the text named before, where الشركة الوطنية للنفط names one.
pub fn definite_head_described(t: &Text<'_>, i: usize, end: usize) -> bool {
    let Some(next) = t.units.get(i + 1) else {
        return false;
    };
    if t.conjoined(next) || t.form(next).starts_with("وال") {
        return true;
    }
    t.bare(&t.units[i]) == "الشركه" && !(i + 1..=end).any(|k| t.form(&t.units[k]).starts_with('ل'))
}

/// Arabic: الشركة right before an adjective (الشركة الموريتانية لتسويق الأسماك) may head a
/// name; the phrase then needs a complement with لـ (see `definite_head_described`). Not
/// before a name or a noun (للشركة ماتس ليندبرغ: the company named before, then a person).
pub fn company_before_adjective(t: &Text<'_>, i: usize) -> bool {
    !t.persian
        && t.bare(&t.units[i]) == "الشركه"
        && t.units[i].roles.is_none()
        && t.units
            .get(i + 1)
            .is_some_and(|n| t.joined_at(i) && t.adjective(n))
}

/// Arabic: الأمين at unit `k`, right after a given name (محمد الأمين ولد الداه), is the
/// second word of that given name, as Sudan, Mauritania and the Maghreb write it, not the
/// title: the secretary general (الأمين العام) comes before a name or after its end.
pub fn amin_after_given(t: &Text<'_>, k: usize) -> bool {
    !t.persian
        && k > 0
        && t.joined_at(k - 1)
        && t.given_name(&t.units[k - 1])
        && t.form(&t.units[k]) == "الامين"
        && !(t.joined_at(k) && t.units.get(k + 1).is_some_and(|n| t.bare(n) == "العام"))
}

/// Arabic: a person found by a rule that fills a span in «» on its own, maybe with a number
/// (فيلم «سلمى حداد», القمر الصناعي «مزن سات 2»), is the title of a work, a product or an
/// operation: news quotes those, never a person's name. Listed people stay. Each candidate
/// asks only the characters around it.
pub fn drop_quoted_persons(t: &Text<'_>, out: &mut Vec<Candidate>) {
    if t.persian {
        return;
    }
    let text = t.text();
    out.retain(|c| {
        if c.kind != EntityKind::Person || c.rank != RANK_RULE {
            return true;
        }
        let before = text.get(..c.start).unwrap_or_default().trim_end();
        let after = text
            .get(c.end..)
            .unwrap_or_default()
            .trim_start()
            .trim_start_matches(|ch: char| ch.is_ascii_digit() || ch == ' ');
        !(before.ends_with('«') && after.starts_with('»'))
    });
}

/// An Arabic word that no construct chain runs through: one with a pronoun attached
/// (ومقرها, أرباحها) or a verb with its object (تقوده) ends a noun phrase, and a word behind «و» past the chain's first
/// starts another (شركة دروري ومقرها لندن).
pub fn ends_construct(t: &Text<'_>, u: &super::units::Unit, first: bool) -> bool {
    t.possessed(u)
        || super::arabic_forms::verb_with_object(t, u)
        || (!first && uncut_conjunction(t, u))
}

/// Urdu: an unknown word `u` before a known place `next` that a suffix noun's name has
/// reached going back: the sentence, not the name (یہی نمائش پشاور میوزیم, تینوں نشستیں ہزارہ
/// ڈیموکریٹک پارٹی). The place opens the name, unless an English word of it comes before
/// (آل پاکستان ٹیکسٹائل ملز ایسوسی ایشن, فیڈریشن آف پاکستان چیمبرز).
pub fn urdu_word_before_place(
    t: &Text<'_>,
    u: &super::units::Unit,
    next: &super::units::Unit,
) -> bool {
    t.urdu
        && u.roles.is_none()
        && t.kind(next) == Some(EntityKind::Place)
        && !matches!(t.form(u), "ال" | "اف" | "اينڈ")
}

/// An unknown Arabic plural in ـات with the article (الحاويات, الشاحنات): after a place noun
/// it is what the place holds (محطة الحاويات), not its name. Not in Persian or Urdu text.
pub fn definite_plural(t: &Text<'_>, u: &super::units::Unit) -> bool {
    !t.persian
        && u.roles.is_none()
        && t.script(u) == Script::Arabic
        && t.definite(u)
        && t.bare(u).ends_with("ات")
        && t.bare(u).chars().count() >= 6
}

/// ستاد in Arabic text: a stadium (ستاد القاهرة), where Persian has the headquarters that the
/// shared lists make it an organisation's head for.
pub fn arabic_stadium(t: &Text<'_>, u: &super::units::Unit) -> bool {
    !t.persian && t.form(u) == "ستاد"
}

/// Unit `k + 1` is a nisba closing the name that ends at unit `k` (ملعب القاهرة الدولي),
/// not a nationality (شركة ميرسك الدنماركية).
pub fn named_adjective(t: &Text<'_>, k: usize) -> bool {
    t.joined_at(k) && t.units.get(k + 1).is_some_and(|n| t.adjective(n)) && !nationality(t, k + 1)
}

/// An Arabic verb of saying (قال, وأضاف, أوضحت): the name after it opens a clause as after
/// punctuation (وقال تيم باور، المحلل في شركة دروري).
pub fn speech_verb(t: &Text<'_>, u: &super::units::Unit) -> bool {
    if t.persian || t.script(u) != Script::Arabic {
        return false;
    }
    let form = t.form(u);
    let verb = form.strip_prefix(['و', 'ف']).unwrap_or(form);
    let verb = verb.strip_suffix('ت').unwrap_or(verb);
    matches!(
        verb,
        "قال"
            | "اضاف"
            | "اكد"
            | "اوضح"
            | "تابع"
            | "يقول"
            | "تقول"
            | "يري"
            | "تري"
            | "راي"
    )
}

/// Urdu: the unit before given name `j` is a clan or family title written as the name's
/// first word (رانا تنویر حسین, چوہدری شجاعت حسین, ملک احمد خان). Read in the original
/// letters: folding would merge them with Arabic words.
pub fn urdu_clan_before(t: &Text<'_>, j: usize) -> bool {
    t.urdu
        && j > 0
        && t.joined_at(j - 1)
        && t.units.get(j - 1).is_some_and(|u| {
            u.first() == u.last()
                && matches!(
                    t.original_text(u.start, u.end),
                    "رانا"
                        | "چوہدری"
                        | "چودھری"
                        | "ملک"
                        | "میاں"
                        | "راجہ"
                        | "خواجہ"
                        | "مخدوم"
                        | "سید"
                        | "نواب"
                        | "حاجی"
                )
        })
}

/// Urdu words that describe an institution from outside its name: where it stands (ملتان میں
/// قائم, واقع), whose it is (نجی, سرکاری, مقامی), which one (متعلقہ). Going back from a suffix
/// noun, the name stops before them. Asked in code: the lists reach Arabic and Persian text,
/// where قائم is a name.
pub fn urdu_describing_word(t: &Text<'_>, u: &super::units::Unit) -> bool {
    t.urdu
        && matches!(
            t.form(u),
            "قائم" | "واقع" | "موجود" | "متعلقه" | "مقامي" | "نجي" | "سركاري"
        )
}

/// Urdu: an unknown word with a plural ending (ڈائریاں, نشستیں, کسانوں): a noun of the
/// sentence, never a word of a name going back from its suffix noun.
pub fn urdu_plural(t: &Text<'_>, u: &super::units::Unit) -> bool {
    let form = t.form(u);
    t.urdu
        && u.roles.is_none()
        && ["وں", "ياں", "يں"].iter().any(|e| form.ends_with(e))
        && form.chars().count() >= 5
}

#[cfg(test)]
mod tests {
    use crate::analyse::entities::examples::found;
    use crate::document::EntityKind;

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
    fn a_name_after_a_verb_of_saying_before_a_comma_and_a_title_is_a_person() {
        let text = "وقال جيمس وارد، المحلل في مصرف محلي، إن الأسعار سترتفع.";
        assert!(
            has(text, EntityKind::Person, "جيمس وارد"),
            "{:?}",
            found(text)
        );
        // Not after a preposition: the words are the sentence's.
        let text = "وتحدث في مؤتمر صحفي، المتحدث باسم الحكومة عن الخطة.";
        assert!(
            found(text).iter().all(|(k, _)| *k != EntityKind::Person),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn an_urdu_clan_name_opens_the_persons_name() {
        let text = "صوبائی وزیر خزانہ چوہدری اکرم علی نے بجٹ پیش کیا۔";
        assert!(
            has(text, EntityKind::Person, "چوہدری اکرم علی"),
            "{:?}",
            found(text)
        );
        // Arabic text has no clans before its names.
        let text = "وقال الوزير رانا أحمد إن الخطة جاهزة.";
        assert!(
            found(text).iter().all(|(_, t)| !t.starts_with("رانا")),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn a_title_with_the_pronoun_of_what_it_leads_introduces_a_name() {
        let text = "وفاز الفريق بقيادة مدربه لوران بانيد على منافسه.";
        assert!(
            has(text, EntityKind::Person, "لوران بانيد"),
            "{:?}",
            found(text)
        );
        let text = "وقاد مدربه الفريق إلى الفوز.";
        assert!(
            found(text).iter().all(|(k, _)| *k != EntityKind::Person),
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

    #[test]
    fn a_name_ends_before_a_noun_behind_and() {
        let text =
            "واجتمع الوزير مع سليمان هارون وممثلين عن النقابة، ثم زار كمال والمسؤولين في المرفأ.";
        let all = found(text);
        assert!(has(text, EntityKind::Person, "سليمان هارون"), "{all:?}");
        assert!(
            !all.iter()
                .any(|(_, t)| t.contains("وممثلين") || t.contains("والمسؤولين")),
            "{all:?}"
        );
    }

    #[test]
    fn a_foreign_family_name_that_begins_with_waw_stays() {
        let text = "وقال المدرب مايكل ويلسون إن الفريق جاهز.";
        assert!(
            has(text, EntityKind::Person, "مايكل ويلسون"),
            "{:?}",
            found(text)
        );
    }

    #[test]
    fn reported_speech_after_a_name_is_not_part_of_it() {
        let text = "ونقلت الوكالة عن الشيخ حمد بن خليفة قوله إن المشروع سيكتمل.";
        let all = found(text);
        assert!(has(text, EntityKind::Person, "حمد بن خليفة"), "{all:?}");
        assert!(!all.iter().any(|(_, t)| t.contains("قوله")), "{all:?}");
    }

    #[test]
    fn a_quoted_name_after_an_arabic_head_is_the_organisation() {
        let text = "ووقعت شركة «سنا للاتصالات» اتفاقا مع مجموعة «إم بي سي» في الرياض.";
        let all = found(text);
        assert!(
            has(text, EntityKind::Organization, "سنا للاتصالات"),
            "{all:?}"
        );
        assert!(has(text, EntityKind::Organization, "إم بي سي"), "{all:?}");
        let film = "وشاهد الجمهور فيلم «ليالي الصيف» في قاعة البلدية.";
        assert!(
            !found(film)
                .iter()
                .any(|(k, t)| *k == EntityKind::Organization && t.contains("ليالي")),
            "{:?}",
            found(film)
        );
    }

    #[test]
    fn definite_heads_name_with_a_complement_not_with_a_pair_of_adjectives() {
        let text = "وقالت الشركة الوطنية للنفط إن الإنتاج ارتفع، لكن الشركة الأمريكية رفضت التعليق.";
        let all = found(text);
        assert!(
            has(text, EntityKind::Organization, "الشركة الوطنية للنفط"),
            "{all:?}"
        );
        assert!(
            !has(text, EntityKind::Organization, "الشركة الأمريكية"),
            "{all:?}"
        );
        let text = "ودعت المفوضية الأوروبية إلى الحوار، وشاركت الوحدات البحرية والجوية في التمرين.";
        let all = found(text);
        assert!(
            has(text, EntityKind::Organization, "المفوضية الأوروبية"),
            "{all:?}"
        );
        assert!(!all.iter().any(|(_, t)| t.contains("البحرية")), "{all:?}");
    }

    #[test]
    fn a_town_after_a_place_noun_keeps_its_first_letter() {
        let text = "ونقل المرضى من بلدة ببنين إلى المستشفى، ثم إلى مدينة بيروت.";
        let all = found(text);
        assert!(has(text, EntityKind::Place, "ببنين"), "{all:?}");
        assert!(!has(text, EntityKind::Place, "بنين"), "{all:?}");
        assert!(has(text, EntityKind::Place, "بيروت"), "{all:?}");
        let text = "ووصل الوفد إلى بنين ثم زار بلدة صغيرة.";
        assert!(has(text, EntityKind::Place, "بنين"), "{:?}", found(text));
    }

    #[test]
    fn al_amin_after_a_given_name_is_part_of_it() {
        let text = "وقال محمد الأمين ولد سالم إن الموسم بدأ، فيما قال الأمين العام علي حسن إن الأجور لم تتغير.";
        let all = found(text);
        assert!(
            has(text, EntityKind::Person, "محمد الأمين ولد سالم"),
            "{all:?}"
        );
        assert!(has(text, EntityKind::Person, "علي حسن"), "{all:?}");
    }

    #[test]
    fn a_name_alone_in_guillemets_is_a_title_not_a_person() {
        let text = "وعرض فيلم «سلمى حداد» في المهرجان، وقال المخرج كمال حداد إن العرض نجح.";
        let all = found(text);
        assert!(!has(text, EntityKind::Person, "سلمى حداد"), "{all:?}");
        assert!(has(text, EntityKind::Person, "كمال حداد"), "{all:?}");
        let text = "وأطلق القمر الصناعي «سلمى سات 2» أمس.";
        assert!(
            !found(text).iter().any(|(k, _)| *k == EntityKind::Person),
            "{:?}",
            found(text)
        );
    }
}
