//! Context rules: names the lists do not know, found from the words around them.
//!
//! - A title or role (وزير الخارجية, مدير, ראש הממשלה, President) makes the name after it a
//!   person: the first given name within a few words (مدير مركز التنسيق الروسي في سوريا سيرغي
//!   كورالينكو), else the unknown words right after the title and its adjectives.
//! - A given name followed by an unknown word is a person (يفغيني لوكيانوف).
//! - A head noun (وزارة, جبهة, قوات, المرصد, משרד) starts an organisation that runs over the
//!   noun phrase after it: definite words, adjectives, known names, a first unknown word
//!   (وكالة تاس) and construct pairs (لحقوق الإنسان). Generic nouns (المعارضة, النظام) end it.
//!   A known organisation followed by adjectives takes them too (مجلس الأمن الروسي).
//! - A place noun (مدينة, بلدة, ريف, העיר) makes the unknown word after it a place, two words
//!   for compound names (تل أبيض, عين عيسى, خان العسل); the trigger is not part of the span.
//! - Urdu and Persian: a suffix noun (روڈ, چوک, بورڈ, کمپنی) ends a place or organisation
//!   named by the name words right before it, and belongs to it (طارق روڈ, واٹر بورڈ).
//! - Latin script: runs of capitalised words are classified by a title before or inside them
//!   (person), a head noun inside (organisation), a given name first (person); in Arabic or
//!   Hebrew text, a run with an acronym or a CamelCase brand is an organisation (GoDaddy).
//!
//! - A title, what it is the title of, then a name between commas (מנכ"ל Pagaya, גל קרובינר,
//!   אמר; رئيس جمعية الهلال الأحمر، پیرحسین کولیوند، گفت) is a person, in every script.
//! - Hebrew: a club word and a known town after it are one organisation (מכבי תל אביב,
//!   בית"ר ירושלים, בני סכנין); a given name, even one that is a word (טל, שחר), then an
//!   Israeli family name is a person (טל אזולאי); a head with the article heads a name when
//!   an adjective and a complement or a name follow (הקרן הלאומית למדע, המרכז הרפואי שיבא).
//! - Arabic: a head noun, a title and a name are an institution named after a person (جامعة
//!   الملك سعود). Persian: a noun before a light verb (اعزام شده‌اند) is never a name.
//! - Two or three name words that open a clause, then a comma and a title, are a person
//!   (رولاني موكوينا، مدرب الفريق، قال).
//! - Stadiums (ملعب, ورزشگاه, אצטדיון) are places named with their head, after a person too
//!   (ملعب محمد الخامس, אצטדיון סמי עופר).
//!
//! Punctuation between words ends every rule.

use super::arabic_forms;
use super::arabic_names;
use super::clitics::{Script, prefix_cuts};
use super::demonyms;
use super::descriptions;
use super::gazetteer::{
    ROLE_FIRST_NAME, ROLE_GENERIC, ROLE_NUMBER_WORD, ROLE_ORG_HEAD, ROLE_ORG_SUFFIX,
    ROLE_PLACE_NOUN, ROLE_PLACE_SUFFIX, ROLE_STOP, ROLE_TITLE, Source,
};
use super::hebrew_appositions;
use super::hebrew_companies;
use super::hebrew_verbs;
use super::latin_names;
use super::name_pairs;
use super::persian_names;
use super::persian_orgs;
use super::ports::{is_port_head, port};
use super::text::{
    Candidate, RANK_CURATED, RANK_GENERATED, RANK_RULE, RANK_TITLE, RANK_USER, Text,
};
use super::units::Unit;
use super::urdu_acronyms;
use crate::document::EntityKind;

/// How far after a title its name may start.
const TITLE_WINDOW: usize = 8;
/// The longest name a rule builds, in units.
const NAME_UNITS: usize = 6;
/// The longest noun phrase after an organisation's head noun, in units.
const ORG_UNITS: usize = 5;

/// Words that start two-word place names.
const COMPOUND_PLACE: &[&str] = &[
    "تل",
    "عين",
    "دير",
    "كفر",
    "خان",
    "راس",
    "جسر",
    "بير",
    "ابو",
    "بيت",
    "مرج",
    "جبل",
    "وادي",
    "سيدي",
    "بني",
    "בית",
    "כפר",
    "גבעת",
    "קריית",
    "רמת",
    "עין",
    "נווה",
    "תל",
];

pub fn candidates(t: &Text<'_>, out: &mut Vec<Candidate>) {
    for (i, u) in t.units.iter().enumerate() {
        club_with_place(t, i, out);
        if let Some(kind) = t.kind(u) {
            // A country named like a nisba after a definite noun is its adjective: الحكومة
            // السعودية, not a place.
            let nisba = kind == EntityKind::Place
                && i > 0
                && t.joined_at(i - 1)
                && t.script(u) == Script::Arabic
                && t.adjective(&u.unknown())
                && t.definite(&t.units[i - 1])
                && t.kind(&t.units[i - 1]).is_none()
                && !t.units[i - 1].has(ROLE_STOP);
            // A stop word that is also a generated name (مالی in Persian) is the word.
            let stop = u.has(ROLE_STOP)
                && u.roles
                    .and_then(|r| r.kind)
                    .is_some_and(|k| k.1 == Source::Generated);
            // A town of the generated lists after یک, هر, این or آن is a common noun in
            // Persian: یک پردیس بین‌المللی (a campus), not Pardis.
            let counted_noun = kind == EntityKind::Place
                && t.persian
                && !t.urdu
                && i > 0
                && t.joined_at(i - 1)
                && INDEFINITE_FA.contains(&t.form(&t.units[i - 1]))
                && u.roles
                    .and_then(|r| r.kind)
                    .is_some_and(|k| k.1 == Source::Generated);
            if counted_noun || hebrew_region_noun(t, i) {
                continue;
            }
            if kind == EntityKind::Place
                && let Some(start) = arabic_forms::whole_after_place_noun(t, i)
            {
                out.push(Candidate {
                    start,
                    end: u.end,
                    kind,
                    rank: RANK_RULE,
                    elided: false,
                });
                continue;
            }
            // بندر is a town in the generated lists; in Persian it is a port's head.
            if is_port_head(t, u) {
                port(t, i, out);
                continue;
            }
            if t.caps_ok(u) && !nisba && !stop {
                let rank = match u.roles.and_then(|r| r.kind).map(|k| k.1) {
                    Some(Source::User) => RANK_USER,
                    Some(Source::Curated) => RANK_CURATED,
                    _ => RANK_GENERATED,
                };
                push(out, u, u, kind, rank);
                // A Hebrew town that is also a given name (אריאל, ירדן) before a family name
                // is a person: ירדן שועה... only when the family name is listed.
                if kind == EntityKind::Place && t.script(u) == Script::Hebrew {
                    family_pair(t, i, out);
                }
                if kind == EntityKind::Organization {
                    org_adjectives(t, i, out);
                }
                // A head noun that is also a town (بورصة, Bursa) still heads a name.
                if rank == RANK_GENERATED && u.has(ROLE_ORG_HEAD) {
                    org_phrase(t, i, out);
                }
                // A town in the generated lists that is also a given name (عمران, a town in
                // Yemen) starts a person when a name follows it: عمران صدیقی. Not when a
                // prefix was cut to find the town: the whole word is then more likely a name.
                if kind == EntityKind::Place
                    && rank == RANK_GENERATED
                    && t.words.get(u.first()).is_some_and(|w| w.start() == u.start)
                    && t.given_name(u)
                    && t.script(u) != Script::Latin
                    && t.units
                        .get(i + 1)
                        .is_some_and(|n| !t.definite(n) || t.adjective(n))
                    && let Some(end) = name_from(t, i, false)
                    && end > i
                {
                    push(out, u, &t.units[end], EntityKind::Person, RANK_RULE);
                }
            }
            continue;
        }
        let latin = t.script(u) == Script::Latin;
        if t.script(u) == Script::Hebrew {
            family_pair(t, i, out);
            hebrew_settlement(t, i, out);
            if let Some((first, last)) = demonyms::person_after(t, i) {
                push_units(t, out, first, last, EntityKind::Person, RANK_RULE);
            }
            if let Some((first, last)) = hebrew_companies::named_business(t, i) {
                push_units(t, out, first, last, EntityKind::Organization, RANK_RULE);
            }
            if let Some((start, last)) = hebrew_appositions::named_before(t, i) {
                out.push(Candidate {
                    start,
                    end: t.units[last].end,
                    kind: EntityKind::Organization,
                    rank: RANK_RULE,
                    elided: false,
                });
            }
        }
        if is_port_head(t, u) {
            port(t, i, out);
        }
        if u.has(ROLE_TITLE) && !latin && !arabic_names::amin_after_given(t, i) {
            title_person(t, i, out);
            apposition_person(t, i, out);
            name_before_title(t, i, out);
        }
        // A word that heads organisations is one here (קרן סקויה, نادي الزمالك) unless a
        // title says otherwise; an Arabic present-tense verb after a given name is a
        // sentence (عون يدعو), not a family name.
        // In Hebrew, a given name right after another is the family name of the person the
        // first starts (טל שגיא), not a new person.
        let second_name = t.script(u) == Script::Hebrew
            && i > 0
            && t.joined_at(i - 1)
            && (t.given_name(&t.units[i - 1]) || name_pairs::word_given(t.form(&t.units[i - 1])));
        // Urdu: امیر after a postposition is a party's leader, not the given name: جماعت
        // اسلامی کے امیر منعم ظفر.
        let titled = arabic_names::urdu_leader_title(t, i);
        if titled {
            title_person(t, i, out);
        }
        if t.given_name(u)
            && !latin
            && !second_name
            && !titled
            && !hebrew_given_as_word(t, i)
            && !counted(t, i)
            && !arabic_names::urdu_honorific_before_name(t, i)
            && !u.has(ROLE_ORG_HEAD)
            && !t.units.get(i + 1).is_some_and(|n| t.arabic_verb(n))
            && let Some(end) = name_from(t, i, false)
            && end > i
            && !arabic_names::construct_after_given(t, i, end)
        {
            let first = if arabic_names::urdu_clan_before(t, i) {
                &t.units[i - 1]
            } else {
                u
            };
            push(out, first, &t.units[end], EntityKind::Person, RANK_RULE);
        }
        if t.persian && !t.urdu && u.roles.is_none() {
            persian_person(t, i, out);
            if let Some((first, last)) = persian_orgs::airline(t, i) {
                push_units(t, out, first, last, EntityKind::Organization, RANK_RULE);
            }
        }
        if let Some(last) = persian_names::month_named(t, i) {
            push_units(t, out, i, last, EntityKind::Person, RANK_RULE);
        }
        if u.has(ROLE_ORG_HEAD) && !latin || arabic_names::company_before_adjective(t, i) {
            org_phrase(t, i, out);
        }
        if u.has(ROLE_PLACE_NOUN) {
            place_after(t, i, out);
        }
        arabic_forms::place_named_by_places(t, i, out);
        // Known places are rare: asked first, they keep the direction test off most words.
        if let Some(next) = t.units.get(i + 1)
            && t.kind(next) == Some(EntityKind::Place)
            && t.joined_at(i)
            && t.words
                .get(next.first())
                .is_some_and(|w| w.start() == next.start)
            && let Some(start) = direction(t, u)
        {
            out.push(Candidate {
                start,
                end: next.end,
                kind: EntityKind::Place,
                rank: RANK_RULE,
                elided: false,
            });
        }
        if t.persian && (u.has(ROLE_PLACE_SUFFIX) || u.has(ROLE_ORG_SUFFIX)) {
            name_before_suffix(t, i, out);
        }
    }
    urdu_acronyms::candidates(t, out);
    latin_names::runs(t, out);
    arabic_names::drop_quoted_persons(t, out);
}

/// Persian and Hebrew: unit `i` follows a number, so it is the noun counted (۲۴۰۰ ناشر
/// ایرانی, 3 שוטרים), not a given name.
fn counted(t: &Text<'_>, i: usize) -> bool {
    let u = &t.units[i];
    (t.persian && !t.urdu || t.script(u) == Script::Hebrew)
        && i > 0
        && t.joined_at(i - 1)
        && t.units
            .get(i - 1)
            .is_some_and(|p| t.number(p) || p.has(ROLE_NUMBER_WORD))
}

/// Persian: an Iranian given name the shared list lacks, then its family name (رخشان
/// بنی‌اعتماد); or a given name that is also a word before a word shaped like a family name
/// (آزاده نامداری), not one before a verb (see [`persian_names`]).
fn persian_person(t: &Text<'_>, i: usize, out: &mut Vec<Candidate>) {
    let u = &t.units[i];
    let form = t.form(u);
    if before_light_verb(t, i) || counted(t, i) {
        return;
    }
    if persian_names::given(form) {
        if let Some(end) = name_from(t, i, false)
            && end > i
        {
            push(out, u, &t.units[end], EntityKind::Person, RANK_RULE);
        }
        return;
    }
    if (persian_names::word_given(form) || persian_names::compound_given(form))
        && t.joined_at(i)
        && let Some(next) = t.units.get(i + 1)
        && next.roles.is_none()
        && t.name_word(next)
        && persian_names::family_shaped(t.form(next))
        && !before_light_verb(t, i + 1)
    {
        push(out, u, next, EntityKind::Person, RANK_RULE);
    }
}

/// A Hebrew given name that is a word here: behind the article (הנוסח הסופי: people's names
/// never take it), or a construct noun before a common word (בני ישיבות, בני משפחתו, sons of),
/// which is a name only before a known family name or person (בני גנץ); so is one that is a
/// word behind a preposition (באביב).
fn hebrew_given_as_word(t: &Text<'_>, i: usize) -> bool {
    let u = &t.units[i];
    if t.script(u) != Script::Hebrew {
        return false;
    }
    if t.prefix(u).ends_with('ה') {
        return true;
    }
    // A short given name behind מ, כ or ש is as likely the word those letters start (מחנה,
    // camp; כרים; שנוי, disputed): a person only before a listed family name, which
    // `family_pair` finds.
    if matches!(t.prefix(u), "מ" | "כ" | "ש") && t.form(u).chars().count() <= 3 {
        return true;
    }
    // A given name that is a word, behind a preposition (באביב, in spring; בגל, in a wave),
    // is the word, unless a family name follows (לטל אזולאי).
    let word_behind_preposition = t.prepositional(u) && name_pairs::word_given(t.form(u));
    (t.form(u) == "בני" || word_behind_preposition)
        && !t.units.get(i + 1).is_some_and(|n| {
            t.joined_at(i)
                && (t.kind(n) == Some(EntityKind::Person)
                    || t.given_name(n)
                    || name_pairs::family(t.form(n)))
        })
}

/// Hebrew: a given name, or a word that is one only before a family name, then an Israeli
/// family name written without prefix letters: טל אזולאי, דן ביטון (see [`name_pairs`]).
fn family_pair(t: &Text<'_>, i: usize, out: &mut Vec<Candidate>) {
    let u = &t.units[i];
    if u.has(ROLE_STOP) || u.has(ROLE_TITLE) || !t.joined_at(i) {
        return;
    }
    let form = t.form(u);
    // A word-given name behind the conjunction (וגל לוי) is not cut by the lists, which do
    // not hold it: the name starts after the ו.
    let after_and = form
        .strip_prefix('ו')
        .filter(|rest| t.prefix(u).is_empty() && name_pairs::word_given(rest));
    if !(t.given_name(u) || name_pairs::word_given(form) || after_and.is_some()) {
        return;
    }
    if let Some(next) = t.units.get(i + 1)
        && t.prefix(next).is_empty()
        && !next.has(ROLE_STOP)
        && name_pairs::family(t.form(next))
    {
        let start = if after_and.is_some() {
            u.start + 'ו'.len_utf8()
        } else {
            u.start
        };
        out.push(Candidate {
            start,
            end: next.end,
            kind: EntityKind::Person,
            rank: RANK_RULE,
            elided: u.elided,
        });
    }
}

/// Hebrew words that only ever open the name of a town or a neighbourhood (קריית חיים,
/// גבעת שאול, נווה שאנן), after any prefix letters.
const SETTLEMENT_WORDS: &[&str] = &["קריית", "גבעת", "נווה"];

/// Hebrew: a settlement word and the name word after it are one place, the lists knowing it
/// or not: תושבי קריית חיים, בגבעת שאול.
fn hebrew_settlement(t: &Text<'_>, i: usize, out: &mut Vec<Candidate>) {
    let u = &t.units[i];
    let Some(word) = t.words.get(u.first()) else {
        return;
    };
    let whole = t.text().get(word.start()..word.end()).unwrap_or_default();
    let Some((head, prefix)) = SETTLEMENT_WORDS
        .iter()
        .find_map(|w| whole.strip_suffix(*w).map(|prefix| (w, prefix)))
    else {
        return;
    };
    if prefix.chars().count() > 2 || !prefix.chars().all(|c| "ובלמשכ".contains(c)) {
        return;
    }
    if let Some(next) = t.units.get(i + 1)
        && t.joined_at(i)
        && t.prefix(next).is_empty()
        && !next.has(ROLE_STOP)
        && (t.name_word(next) || t.given_name(next))
        && t.kind(next) != Some(EntityKind::Organization)
    {
        out.push(Candidate {
            start: word.end() - head.len(),
            end: next.end,
            kind: EntityKind::Place,
            rank: RANK_RULE,
            elided: false,
        });
    }
}

/// Whether unit `i`, a Hebrew head of several words, ends with a noun with the article:
/// בית החולים, בית ההשקעות.
fn head_ends_definite(t: &Text<'_>, i: usize) -> bool {
    let u = &t.units[i];
    u.last() > u.first()
        && t.form(u)
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.starts_with('ה') && w.chars().count() >= 3)
}

/// Words that name a sports club when a known place follows them (מכבי תל אביב, הפועל באר
/// שבע, בית"ר ירושלים, בני סכנין, עירוני קריית שמונה): the club is the whole phrase, not the
/// town. In folded form (gershayim kept).
const CLUB_BEFORE_PLACE: &[&str] = &[
    "מכבי",
    "הפועל",
    "ביתר",
    "בית\"ר",
    "בני",
    "עירוני",
    "הכח",
    "הכוח",
    "אליצור",
    "מ.ס.",
];

/// Hebrew: unit `i`, a club word, and the known place right after it are one organisation.
fn club_with_place(t: &Text<'_>, i: usize, out: &mut Vec<Candidate>) {
    let u = &t.units[i];
    if t.script(u) != Script::Hebrew || !t.joined_at(i) {
        return;
    }
    // The club word may carry prefix letters the lists did not cut (ומכבי, להפועל): the
    // name starts after them.
    let form = t.form(u);
    let Some(club) = CLUB_BEFORE_PLACE.iter().find(|c| {
        form.strip_suffix(**c).is_some_and(|prefix| {
            prefix.chars().count() <= 2 && prefix.chars().all(|p| "ובלמשכ".contains(p))
        })
    }) else {
        return;
    };
    if let Some(next) = t.units.get(i + 1)
        && t.kind(next) == Some(EntityKind::Place)
        && t.words
            .get(next.first())
            .is_some_and(|w| w.start() == next.start)
    {
        out.push(Candidate {
            start: u.end - club.len(),
            end: next.end,
            kind: EntityKind::Organization,
            rank: RANK_RULE,
            elided: false,
        });
    }
}

/// Urdu and Persian: the place or organisation that unit `i`, a suffix noun, ends: the name
/// words and known names right before it, back to a particle, a number, punctuation or any
/// other context word; at most two words for a place (فیروز پور روڈ), four for an
/// organisation (کراچی واٹر اینڈ سیوریج کارپوریشن), five in Urdu, whose companies spell out
/// long English names (سوئی ناردرن گیس پائپ لائنز لمیٹڈ).
fn name_before_suffix(t: &Text<'_>, i: usize, out: &mut Vec<Candidate>) {
    let (kind, limit) = if t.units[i].has(ROLE_ORG_SUFFIX) {
        (EntityKind::Organization, if t.urdu { 5 } else { 4 })
    } else {
        (EntityKind::Place, 2)
    };
    let mut first = i;
    while first > 0 && i - first < limit && t.joined_at(first - 1) {
        let u = &t.units[first - 1];
        if arabic_names::urdu_word_before_place(t, u, &t.units[first])
            || arabic_names::urdu_plural(t, u)
            || arabic_names::urdu_describing_word(t, u)
        {
            break;
        }
        // Another suffix noun is part of the same name: ٹیکسٹائل ملز ایسوسی ایشن.
        let fits = !t.number(u)
            && ((u.roles.is_none() && t.name_word(u))
                || t.kind(u).is_some()
                || t.given_name(u)
                || (kind == EntityKind::Organization && u.has(ROLE_ORG_SUFFIX)));
        if !fits {
            break;
        }
        first -= 1;
    }
    // A suffix noun that opens the phrase before a name is in apposition to it: کمپنی سسٹمز
    // لمیٹڈ is سسٹمز لمیٹڈ (not ٹیکسٹائل ملز ایسوسی ایشن, where the next word is a suffix too).
    while first < i
        && t.units[first].has(ROLE_ORG_SUFFIX)
        && !t.units[first + 1].has(ROLE_ORG_SUFFIX)
        && t.form(&t.units[first + 1]) != "اف"
    {
        first += 1;
    }
    // An English "of" and a known name may follow: سپریم کورٹ آف پاکستان.
    let mut last = i;
    if kind == EntityKind::Organization
        && t.joined_at(i)
        && t.joined_at(i + 1)
        && t.units.get(i + 1).is_some_and(|u| t.form(u) == "اف")
        && t.units.get(i + 2).is_some_and(|u| t.kind(u).is_some())
    {
        last = i + 2;
    } else if kind == EntityKind::Organization
        && t.urdu
        && let Some(end) = arabic_names::english_of_chain(t, i)
    {
        last = end;
    }
    // A town after an institution's suffix names its seat: زرعی یونیورسٹی فیصل آباد میں.
    if kind == EntityKind::Organization
        && last == i
        && t.joined_at(i)
        && t.units
            .get(i + 1)
            .is_some_and(|n| t.kind(n) == Some(EntityKind::Place))
        && (!t.joined_at(i + 1) || t.units.get(i + 2).is_none_or(|n| n.has(ROLE_STOP)))
    {
        last = i + 1;
    }
    if first < i || last > i {
        push(out, &t.units[first], &t.units[last], kind, RANK_RULE);
    }
}

pub(super) fn push(
    out: &mut Vec<Candidate>,
    first: &Unit,
    last: &Unit,
    kind: EntityKind,
    rank: u8,
) {
    out.push(Candidate {
        start: first.start,
        end: last.end,
        kind,
        rank,
        elided: first.elided,
    });
}

/// Units `first..=last` (indices) as a candidate of `kind`.
pub(super) fn push_units(
    t: &Text<'_>,
    out: &mut Vec<Candidate>,
    first: usize,
    last: usize,
    kind: EntityKind,
    rank: u8,
) {
    push(out, &t.units[first], &t.units[last], kind, rank);
}

/// Units `first..=last` as an organisation found by a rule; nothing when the phrase stops at
/// its first unit (a head noun alone is not a name, a known one is already in `out`).
fn push_organization(t: &Text<'_>, first: usize, last: usize, out: &mut Vec<Candidate>) {
    if last > first {
        push_units(t, out, first, last, EntityKind::Organization, RANK_RULE);
    }
}

/// Words that join the parts of a name: بن, آل, عبد, أبو, בן, אבו.
const NAME_JOINERS: &[&str] = &[
    "بن", "بنت", "ابن", "ابو", "ابي", "ال", "عبد", "ولد", "בן", "בת", "אבו", "אל",
];

/// The last unit of a name starting at unit `start`; `single` allows a one-word name.
///
/// A name is a first word and one more (سيرغي لافروف, בנימין נתניהו); it goes on only
/// through joiners (محمد بن عبد الرحمن آل ثاني) or into a given name, which keeps verbs
/// after a name (سيزور, נפגש) out of it.
fn name_from(t: &Text<'_>, start: usize, single: bool) -> Option<usize> {
    let first = t.units.get(start)?;
    let is_person = |u: &Unit| t.kind(u) == Some(EntityKind::Person);
    if !(t.name_word(first) || first.has(ROLE_FIRST_NAME) || is_person(first)) {
        return None;
    }
    let joiner = |u: &Unit| NAME_JOINERS.contains(&t.form(u));
    // A known person's name is complete: a given name that is also one (عون) does not run
    // on into the verb after it.
    let given = |u: &Unit| t.given_name(u) && !is_person(u);
    // A town in the generated lists named like a person (ابو علي) may be part of a name.
    let town_name = |u: &Unit| {
        u.first() != u.last()
            && u.roles.is_some_and(|r| {
                r.kind == Some((EntityKind::Place, Source::Generated)) && r.bits == 0
            })
            && t.form(u)
                .split(' ')
                .next()
                .is_some_and(|w| NAME_JOINERS.contains(&w))
    };
    // Persian: a word before a light verb is the verb's noun (زیان دیده‌اند).
    if before_light_verb(t, start) {
        return None;
    }
    let mut end = start;
    while end + 1 < t.units.len() && end + 1 - start < NAME_UNITS && t.joined_at(end) {
        let here = &t.units[end];
        let next = &t.units[end + 1];
        // A first name of two words (عبد الإله, أبو بكر) counts as the first word; a
        // nisba may close the name after a joiner (خالد بن صالح النغيمشي).
        let first_word = end == start
            || end == start + 1
                && (joiner(&t.units[start]) || arabic_names::closes_first_name(t, end));
        let after_joiner = end > start && joiner(&t.units[end - 1]) || town_name(here);
        // A family name may carry the article and look like an adjective (بشار الأسد,
        // فراس الجندي), but only right after the first word.
        // A Hebrew word behind ו starts another phrase (קריית חיים ועמותת); past two words,
        // one behind a prefix letter is the sentence going on (טל שגיא מסיעת ירוקים).
        if t.script(first) == Script::Hebrew
            && !joiner(here)
            && (hebrew_clause_word(t, next, end > start)
                || hebrew_verbs::reporting_participle(t, next)
                || hebrew_definite_plural(t, next)
                || hebrew_past_plural(t, next, end > start))
        {
            break;
        }
        let light_verb = t.persian && LIGHT_VERBS.contains(&t.form(next));
        // After a kunya or a patronymic (أبو علي, بن حمد) only a nisba, a joiner or a name
        // goes on: وسام أبو علي التسجيل is the name and the sentence.
        let after_kunya = end > start
            && joiner(&t.units[end - 1])
            && t.script(next) == Script::Arabic
            && t.definite(next)
            && !t.adjective(next)
            && !joiner(next);
        let fits = !next.has(ROLE_STOP)
            && !after_kunya
            && !before_light_verb(t, end + 1)
            && !light_verb
            && !arabic_names::preposition_before_hamza(t, next)
            && !arabic_names::conjoined_noun(t, next)
            && t.script(next) == t.script(first)
            && (t.name_word(next)
                || town_name(next)
                || ((first_word || after_joiner)
                    && t.script(next) == Script::Arabic
                    && t.adjective(next)))
            // Persian family names often have two words: محسن هاشمی رفسنجانی.
            || (t.persian
                && end - start == 1
                && t.name_word(next)
                && next.roles.is_none()
                && !before_light_verb(t, end + 1))
            || is_person(next)
            || given(next)
            || (end == start && arabic_names::closes_first_name(t, end + 1))
            || (end == start && arabic_names::amin_after_given(t, end + 1))
            // A nisba after a father's name closes the chain: عبد الله خليفة المري.
            || (end > start
                && given(here)
                && t.script(next) == Script::Arabic
                && t.adjective(next)
                && !next.has(ROLE_STOP)
                && !arabic_names::nationality(t, end + 1));
        let continues = first_word && !is_person(here)
            || (t.persian && end - start == 1 && next.roles.is_none())
            || joiner(here)
            || town_name(here)
            || joiner(next)
            || given(here)
            || given(next);
        if !fits || !continues {
            break;
        }
        end += 1;
    }
    if t.units.get(end).is_some_and(joiner) {
        end = end.checked_sub(1)?;
    }
    (single || end > start).then_some(end)
}

/// An unknown Hebrew word shaped like a verb in the past plural: a passive, נ and four more
/// letters ending in ו (נמצאו, נעצרו), or, after a name of two words, four letters ending in
/// ו (אבו סבית ישבו). Family names ending in ו are listed (רביבו, דנינו); one that is not
/// (בוסו) still closes a name of one word.
fn hebrew_past_plural(t: &Text<'_>, u: &Unit, third: bool) -> bool {
    let form = t.form(u);
    let n = form.chars().count();
    u.roles.is_none()
        && form.ends_with('ו')
        && (n == 5 && form.starts_with('נ') || third && n == 4)
        && !name_pairs::family(form)
}

/// An unknown Hebrew plural with the article (העובדים, התושבות): a noun, never a name.
fn hebrew_definite_plural(t: &Text<'_>, u: &Unit) -> bool {
    let form = t.form(u);
    u.roles.is_none() && t.definite(u) && (form.ends_with("ים") || form.ends_with("ות"))
}

/// Whether unknown Hebrew word `u` opens with a conjunction (ו, not the ו or י a family name
/// starts with: וייס, וולך) or, when `third` (a name of two words before it), any prefix letter.
fn hebrew_clause_word(t: &Text<'_>, u: &Unit, third: bool) -> bool {
    if u.roles.is_some_and(|r| r.kind.is_some()) || t.given_name(u) {
        return false;
    }
    let Some(word) = t.words.get(u.first()) else {
        return false;
    };
    let mut letters = t
        .text()
        .get(word.start()..word.end())
        .unwrap_or_default()
        .chars();
    match (letters.next(), letters.next()) {
        (Some('ו'), Some(second)) => !matches!(second, 'ו' | 'י'),
        (Some('מ' | 'ב' | 'ל' | 'כ' | 'ש' | 'ה'), Some(_)) => third,
        _ => false,
    }
}

/// A title, what it is the title of, then the name between commas: מנכ"ל Pagaya, גל
/// קרובינר, אמר; رئيس جمعية الهلال الأحمر، پیرحسین کولیوند، گفت. The name is two or three
/// name words; in Arabic script the words after the first may carry the article (فهد
/// الفضلي). Not when the title's own words hold a name: its rule has found it.
fn apposition_person(t: &Text<'_>, i: usize, out: &mut Vec<Candidate>) {
    if let Some((start, end)) = apposition_name(t, i) {
        push_units(t, out, start, end, EntityKind::Person, RANK_TITLE);
    }
}

/// The units (first, last) of the name [`apposition_person`] finds after title `i`.
fn apposition_name(t: &Text<'_>, i: usize) -> Option<(usize, usize)> {
    let comma_after = |j: usize| t.comma_between(j, j + 1);
    let mut j = i;
    while j + 1 < t.units.len() && j - i < 4 && t.joined_at(j) {
        j += 1;
    }
    if !comma_after(j)
        || (i + 1..=j)
            .any(|k| t.given_name(&t.units[k]) || t.kind(&t.units[k]) == Some(EntityKind::Person))
    {
        return None;
    }
    let start = j + 1;
    let arabic = t.script(&t.units[i]) == Script::Arabic;
    let hebrew = t.script(&t.units[i]) == Script::Hebrew;
    // Past the first word, a Hebrew family name may start with ה (זכי הלר): between the
    // commas it is the name.
    let name = |k: usize| {
        t.units.get(k).is_some_and(|u| {
            (u.roles.is_none()
                && t.name_word(u)
                && (!t.definite(u) || (arabic && !t.persian || hebrew) && k > start))
                || t.given_name(u)
                || t.kind(u) == Some(EntityKind::Person)
        })
    };
    let mut end = start;
    if !name(start) {
        return None;
    }
    while end + 1 < t.units.len() && end - start < 2 && t.joined_at(end) && name(end + 1) {
        end += 1;
    }
    (end > start && comma_after(end)).then_some((start, end))
}

/// A name that opens a clause and is followed by a comma and a title is that person: محرم
/// نویدکیا، سرمربی سپاهان، گفت. Two or three unknown or given-name words, nothing known.
fn name_before_title(t: &Text<'_>, i: usize, out: &mut Vec<Candidate>) {
    let comma_before = |j: usize| j > 0 && t.comma_between(j - 1, j);
    if !comma_before(i) {
        return;
    }
    let name = |u: &Unit| {
        ((u.roles.is_none() && t.name_word(u) && !t.definite(u)) || t.given_name(u))
            && t.kind(u).is_none_or(|k| k == EntityKind::Person)
            && t.script(u) == t.script(&t.units[i])
    };
    let last = i - 1;
    let mut first = last;
    while first > 0 && last - first < 2 && t.joined_at(first - 1) && name(&t.units[first - 1]) {
        first -= 1;
    }
    // Persian writes و apart: a name after it opens as after punctuation (و اوستون ارونوف،
    // هافبک ازبکستانی).
    let opens = first == 0
        || !t.joined_at(first - 1)
        || t.persian && !t.urdu && t.form(&t.units[first - 1]) == "و"
        || arabic_names::speech_verb(t, &t.units[first - 1]);
    if first < last && opens && (first..=last).all(|k| name(&t.units[k])) {
        push_units(t, out, first, last, EntityKind::Person, RANK_RULE);
    }
}

/// Persian honorifics and ranks before a name, in folded form: ayatollah, hojatoleslam,
/// doctor, engineer, and the ranks of general.
const PERSIAN_HONORIFICS: &[&str] = &[
    "ايتالله",
    "حجتالاسلام",
    "حجتالاسلاموالمسلمين",
    "دكتر",
    "مهندس",
    "سردار",
    "سرتيپ",
    "سرلشكر",
];

fn title_person(t: &Text<'_>, i: usize, out: &mut Vec<Candidate>) {
    // Persian honorifics (آیت‌الله, حجت‌الاسلام, سردار, مهندس) are followed by the name
    // itself, one word or more: آیت‌الله سیستانی.
    let honorific = t.persian && !t.urdu && PERSIAN_HONORIFICS.contains(&t.form(&t.units[i]));
    // An unknown name word right after the title.
    let unknown = |j: usize| {
        t.units.get(j).is_some_and(|u| {
            u.roles.is_none() && !t.definite(u) && t.name_word(u) && t.joined_at(j - 1)
        })
    };
    // A given name or a known person within the window.
    let mut j = i + 1;
    while j < t.units.len() && j - i <= TITLE_WINDOW && t.joined_at(j - 1) {
        let u = &t.units[j];
        // A town of the generated lists named like a person (صلاح الدين), right after the
        // title and before a name word, is that person's first name: جسٹس صلاح الدین پنہور.
        if j == i + 1
            && u.first() != u.last()
            && t.script(u) != Script::Latin
            && u.roles
                .is_some_and(|r| r.kind == Some((EntityKind::Place, Source::Generated)))
            && t.joined_at(j)
            && t.units
                .get(j + 1)
                .is_some_and(|n| n.roles.is_none() && t.name_word(n) && !t.definite(n))
        {
            push(out, u, &t.units[j + 1], EntityKind::Person, RANK_TITLE);
            return;
        }
        // Persian: a place named like a person right after the title and closed by
        // punctuation is what the title governs, the person named after it: استاندار فارس،
        // علیرضا قاسمی‌فرد.
        if t.persian
            && !t.urdu
            && j == i + 1
            && !t.joined_at(j)
            && t.kind(u) == Some(EntityKind::Place)
        {
            return;
        }
        if t.given_name(u) || t.kind(u) == Some(EntityKind::Person) {
            // Persian and Urdu names often start with a word the lists do not know:
            // ترجمان رؤف حسن, وائس چیئرمین ریاضت علی سحر.
            // In Persian, not before a given name that has a family name of its own: the
            // word before it is what the title is of (سخنگوی دولت فاطمه مهاجرانی).
            let own_name =
                t.persian && !t.urdu && name_from(t, j, false).is_some_and(|end| end > j);
            let start = if t.persian && j == i + 2 && unknown(i + 1) && !own_name {
                i + 1
            } else if arabic_names::urdu_honorific_before_name(t, j) {
                j + 1
            } else {
                j
            };
            if let Some(end) = name_from(t, start, true) {
                // Urdu: a clan name before the given name is the name's first word (رانا
                // تنویر حسین).
                let first = if start > i + 1 && arabic_names::urdu_clan_before(t, start) {
                    start - 1
                } else {
                    start
                };
                // Hebrew: right after the title the name has no prefix letter; a given name
                // the lists found behind מ, כ or ש is the whole word (הבמאי כרים בנאני).
                let whole = first == i + 1
                    && t.script(u) == Script::Hebrew
                    && matches!(t.prefix(u), "מ" | "כ" | "ש");
                if whole && let Some(word) = t.words.get(u.first()) {
                    out.push(Candidate {
                        start: word.start(),
                        end: t.units[end].end,
                        kind: EntityKind::Person,
                        rank: RANK_TITLE,
                        elided: false,
                    });
                    return;
                }
                push_units(t, out, first, end, EntityKind::Person, RANK_TITLE);
            }
            return;
        }
        if u.has(ROLE_TITLE) && j > i + 1 && t.units[j - 1].has(ROLE_STOP) {
            // A second title starts its own rule; an honorific's name is right after it.
            if honorific {
                break;
            }
            return;
        }
        j += 1;
    }
    // A Hebrew title behind a preposition (מדובר, לשר) is rarely followed by its name.
    if t.script(&t.units[i]) == Script::Hebrew && t.prepositional(&t.units[i]) {
        return;
    }
    // Arabic: the title, what it is the title of, then the name (المدير التنفيذي للشركة ماتس
    // ليندبرغ). A title that is also a common noun (الفريق, the team) needs a given name.
    if arabic_names::common_noun_title(t, &t.units[i]) {
        return;
    }
    // A name between commas after one or two words of the title is the person (מנכ"ל
    // אלקטרה, דני כהן, אמר): the word right after the title is what it is the title of.
    if apposition_name(t, i).is_some_and(|(start, _)| start <= i + 3) {
        return;
    }
    if let Some((start, end)) = arabic_names::after_titled_complement(t, i) {
        push_units(t, out, start, end, EntityKind::Person, RANK_TITLE);
        return;
    }
    // Else the unknown words right after the title and its adjectives. Persian titles are
    // followed by any noun (رئیس وقت شورا, رئیس فدراسیون فوتبال): not there; in Urdu the
    // name needs two unknown words and must end at punctuation or a postposition (ترجمان
    // عظمیٰ بخاری نے).
    let mut j = i + 1;
    while j < t.units.len()
        && t.joined_at(j - 1)
        && (t.adjective(&t.units[j]) || t.units[j].has(ROLE_TITLE))
    {
        j += 1;
    }
    // Urdu: the place the title is of, then an honorific, before the name (وزیر اعلیٰ
    // بلوچستان میر سرفراز بگٹی نے).
    if t.urdu
        && t.units
            .get(j)
            .is_some_and(|u| t.kind(u) == Some(EntityKind::Place))
        && t.joined_at(j)
    {
        j += 1;
    }
    if arabic_names::urdu_honorific_before_name(t, j) {
        j += 1;
    }
    // A Latin brand between the title and the name is the employer: מנכ"ל OpenAI סם אלטמן.
    // So is any Latin word without a given name: מנכ"ל Pagaya.
    if t.rtl()
        && t.units.get(j).is_some_and(|u| {
            t.brand_like(u) || (t.script(u) == Script::Latin && !u.has(ROLE_FIRST_NAME))
        })
    {
        j += 1;
    }
    // A Hebrew noun then a plural with the article is what the title is the title of (יו"ר
    // ועד העובדים), not a name. Not any word with ה: family names start with it (הופמן).
    let construct = |j: usize| {
        t.script(&t.units[j]) == Script::Hebrew
            && t.joined_at(j)
            && t.units
                .get(j + 1)
                .is_some_and(|n| hebrew_definite_plural(t, n))
    };
    if j < t.units.len() && unknown(j) && !construct(j) {
        let Some(end) = name_from(t, j, !t.persian || honorific) else {
            return;
        };
        let closed = || !t.joined_at(end) || t.units.get(end + 1).is_none_or(|n| n.has(ROLE_STOP));
        let before_verb = honorific && before_light_verb(t, end + 1);
        if !t.persian || (t.urdu || honorific) && closed() || before_verb {
            push_units(t, out, j, end, EntityKind::Person, RANK_TITLE);
        }
    }
}

fn org_phrase(t: &Text<'_>, i: usize, out: &mut Vec<Candidate>) {
    // Hebrew articles do not end names the way Arabic ones do (מכון ירושלים למחקרי מדיניות):
    // the bounded rule serves it better.
    if t.persian || t.script(&t.units[i]) == Script::Hebrew {
        return persian_org_phrase(t, i, out);
    }
    let head = &t.units[i];
    // Persian's headquarters is a stadium in Arabic: ستاد القاهرة.
    if arabic_names::arabic_stadium(t, head) {
        return place_after(t, i, out);
    }
    // تنظيم before a plural with the article is the verbal noun: تنظيم الحافلات, تنظيم
    // الانتخابات البلدية (organising them), not an organisation.
    if t.bare(head) == "تنظيم"
        && t.joined_at(i)
        && t.units
            .get(i + 1)
            .is_some_and(|n| t.definite(n) && n.roles.is_none() && t.form(n).ends_with("ات"))
    {
        return;
    }
    if named_after_person(t, i, out) {
        return;
    }
    // A name in quotation marks right after an indefinite head (شركة «آي سبيس», لمجموعة
    // «جي 42») is the organisation, as Persian and Hebrew heads have it.
    if !t.definite(head)
        && let Some((first, last)) = descriptions::quoted_after(t, i)
    {
        return push_units(t, out, first, last, EntityKind::Organization, RANK_RULE);
    }
    if !t.definite(head)
        && let Some(last) = arabic_forms::spelled_initials(t, i + 1)
    {
        return push_organization(t, i, last, out);
    }
    let mut end = i;
    let mut k = i + 1;
    // Past the usual length only an adjective goes on (والمناطق الحرة).
    let longer = |k: usize| k - i <= ORG_UNITS + 2 && adjective_not_generic(t, k);
    while k < t.units.len() && (k - i <= ORG_UNITS || longer(k)) && t.joined_at(k - 1) {
        let u = &t.units[k];
        // العام after a head or an adjective is the adjective "general" (الاتحاد العام
        // التونسي للشغل), not the year.
        let general =
            matches!(t.bare(u), "العام" | "العامه") && (k == i + 1 || t.adjective(&t.units[k - 1]));
        if (u.has(ROLE_STOP) && !general) || u.has(ROLE_GENERIC) || t.number(u) || u.has(ROLE_TITLE)
        {
            break;
        }
        // A given name past the head starts the person the sentence names next: سلطة منطقة
        // العقبة الاقتصادية الخاصة نايف الفايز.
        if k > i + 1 && t.given_name(u) && !t.definite(u) {
            break;
        }
        // A noun behind بـ or كـ is the sentence going on: هيئة النزاهة بالحكم.
        let form = t.form(u);
        if ["بال", "وبال", "فبال", "كال", "وكال"]
            .iter()
            .any(|p| form.starts_with(p))
        {
            break;
        }
        // A conjunction starts another phrase (منظمة يونيسف ومنظمة الصحة العالمية), except
        // a second noun joined to a first one with the article: وزارة الشباب والرياضة,
        // هيئة النزاهة ومكافحة الفساد.
        let prev = &t.units[k - 1];
        let second_noun = k > i + 1
            && t.form(u).starts_with('و')
            && t.definite(prev)
            && !t.adjective(prev)
            && t.kind(prev).is_none()
            && u.roles.is_none()
            && t.name_word(u)
            && (t.definite(u) || construct_chain(t, k, k + 2).is_some());
        if k > i + 1 && t.conjoined(u) && !second_noun {
            break;
        }
        let first_name_like = k == i + 1 && !t.definite(u) && t.name_word(u);
        // Construct chains of indefinite nouns ending in a definite noun or a name:
        // هيئة مياه ولاية الخرطوم, لحقوق الإنسان; only before the phrase's first definite
        // word, after which only definite words and names follow, and a last chain with
        // لـ (الاتحاد الأفريقي لكرة القدم).
        // A known name closes the chain as a definite word does: هيئة قناة السويس, not
        // هيئة قناة السويس زيادة الرسوم.
        let seen_definite =
            (i + 1..k).any(|j| t.definite(&t.units[j]) || t.kind(&t.units[j]).is_some());
        let lam = t.form(u).starts_with('ل') && !t.definite(u);
        let chain = if seen_definite && !prev.has(ROLE_ORG_HEAD) && !lam && !second_noun {
            None
        } else {
            construct_chain(t, k, (k + 2).max(i + ORG_UNITS))
        };
        if let Some(last) = chain {
            end = last;
            k = last + 1;
            if seen_definite && lam {
                // A second field joined to the last one: المعهد الوطني لعلوم الآثار والتراث.
                if let Some(last) = arabic_forms::second_field(t, end) {
                    end = last;
                }
                break;
            }
            continue;
        }
        let fits = t.definite(u) || t.kind(u).is_some() || first_name_like;
        if !fits {
            break;
        }
        end = k;
        k += 1;
        // After an unknown name (وكالة تاس) only adjectives and known names follow
        // (شركة كهرباء لبنان), or a second unknown word closing a name of two (شركة أون
        // سبورت, نادي صن داونز), unless a noun with the article follows it (شركة تسلا
        // تخفيض الأسعار: a construct chain, not a name).
        if first_name_like {
            let closes_after = |j: usize| {
                !t.joined_at(j)
                    || t.units
                        .get(j + 1)
                        .is_none_or(|n| !t.definite(n) || t.adjective(n))
            };
            if k < t.units.len()
                && t.joined_at(k - 1)
                && !t.conjoined(&t.units[k])
                && !arabic_names::uncut_conjunction(t, &t.units[k])
                && t.units[k].roles.is_none()
                && !t.definite(&t.units[k])
                && t.name_word(&t.units[k])
                && closes_after(k)
            {
                end = k;
                k += 1;
            }
            while k < t.units.len()
                && t.joined_at(k - 1)
                && !t.conjoined(&t.units[k])
                && !arabic_names::nationality(t, k)
                && (adjective_not_generic(t, k) || t.kind(&t.units[k]).is_some())
            {
                end = k;
                k += 1;
            }
            break;
        }
    }
    if end == i {
        return;
    }
    // A definite head (المرصد, التحالف) is a common noun unless an adjective or a name
    // follows it.
    let next = &t.units[i + 1];
    if t.definite(head)
        && (!(t.adjective(next) || t.kind(next).is_some() && !t.given_name(next))
            || arabic_names::ordinal(t, next)
            || arabic_names::definite_head_described(t, i, end))
    {
        return;
    }
    push_organization(t, i, end, out);
}

/// Arabic: a head noun, then a person's name, with or without a title, and an optional
/// complement with لـ: an institution named after someone (جامعة الملك سعود, مستشفى الملك
/// فيصل التخصصي, مركز محمد بن راشد للفضاء). Whether it was found.
fn named_after_person(t: &Text<'_>, i: usize, out: &mut Vec<Candidate>) -> bool {
    let head = &t.units[i];
    if t.definite(head) || !t.joined_at(i) {
        return false;
    }
    let Some(next) = t.units.get(i + 1) else {
        return false;
    };
    let titled = next.has(ROLE_TITLE) && t.definite(next) && t.joined_at(i + 1);
    let start = if titled { i + 2 } else { i + 1 };
    let Some(first) = t.units.get(start) else {
        return false;
    };
    // After a title the name may be one the lists do not know: جامعة القاضي عياض.
    let unknown = titled && first.roles.is_none() && t.name_word(first) && !t.definite(first);
    if !(t.given_name(first) || t.kind(first) == Some(EntityKind::Person) || unknown)
        || (!titled && t.kind(first).is_some())
    {
        return false;
    }
    let Some(mut end) = name_from(t, start, titled) else {
        return false;
    };
    if t.joined_at(end)
        && let Some(after) = t.units.get(end + 1)
    {
        let form = t.form(after);
        if (form.starts_with("لل") && after.roles.is_none()) || adjective_not_generic(t, end + 1)
        {
            end += 1;
        }
    }
    push(
        out,
        head,
        &t.units[end],
        EntityKind::Organization,
        RANK_TITLE,
    );
    true
}

/// From unit `k`, indefinite nouns joined one to the next and closed by a definite noun or a
/// known name, no further than unit `limit`: the last unit of the chain.
fn construct_chain(t: &Text<'_>, k: usize, limit: usize) -> Option<usize> {
    let indefinite = |u: &Unit| {
        !t.definite(u)
            && t.script(u) == Script::Arabic
            && !t.number(u)
            && t.kind(u).is_none()
            && u.roles
                .is_none_or(|r| r.bits & !(ROLE_PLACE_NOUN | ROLE_ORG_HEAD) == 0)
    };
    let mut j = k;
    while j <= limit
        && t.units.get(j).is_some_and(&indefinite)
        && !arabic_names::ends_construct(t, &t.units[j], j == k)
        && t.joined_at(j)
    {
        j += 1;
    }
    let close = t.units.get(j)?;
    let closes = j > k
        && j <= limit
        && !t.conjoined(close)
        && !close.has(ROLE_STOP)
        && !close.has(ROLE_GENERIC)
        && !arabic_names::nationality(t, j)
        && (t.definite(close) || t.kind(close).is_some());
    closes.then_some(j)
}

/// Persian light verbs and the copula: the word before them is part of a verb or predicate.
const LIGHT_VERBS: &[&str] = &[
    "كرد",
    "كردند",
    "كرده",
    "كند",
    "كنند",
    "كنيد",
    "كنيم",
    "شد",
    "شدند",
    "شده",
    "شود",
    "شوند",
    "داد",
    "دادند",
    "داده",
    "دهد",
    "دهند",
    "است",
    "بود",
    "هست",
    "شدهاند",
    "شدهاست",
    "كردهاند",
    "كردهاست",
    "دادهاند",
    "دادهاست",
    "بودند",
    "نشد",
    "نكرد",
    "گرفت",
    "گرفتند",
    "گرفته",
    "زد",
    "زدند",
    "ديد",
    "ديدند",
    "ديده",
    "ديدهاند",
    "دارد",
    "دارند",
    "داشت",
    "داشتند",
    "داشته",
    "خواهد",
    "خواهند",
    "نخواهد",
    "نخواهند",
    // Found, tied and did, in the compound verbs of the news: افزایش یافت, قرارداد بست,
    // اعلام نمود.
    "يافت",
    "يافتند",
    "يافته",
    "بست",
    "بستند",
    "نمود",
    "نمودند",
];

/// A Persian present-tense or continuous verb: می‌گویند, نمی‌دهد (folded, without the
/// joiner).
fn persian_present(form: &str) -> bool {
    (form.starts_with("مي") || form.starts_with("نمي")) && form.chars().count() >= 5
}

/// A present-tense Persian light verb: می‌کند, نمی‌شود, می‌دهند (folded).
fn persian_light_present(form: &str) -> bool {
    const STEMS: &[&str] = &[
        "كند",
        "كنند",
        "كنيم",
        "شود",
        "شوند",
        "دهد",
        "دهند",
        "گيرد",
        "گيرند",
        "زند",
        "زنند",
    ];
    form.strip_prefix("مي")
        .or_else(|| form.strip_prefix("نمي"))
        .is_some_and(|rest| STEMS.contains(&rest))
}

/// The copula, which follows names as often as nouns (مقصد تهران است).
/// A light verb in the continuous past (می‌شد, می‌کردند): می and a past stem.
fn persian_light_continuous(form: &str) -> bool {
    const STEMS: &[&str] = &[
        "شد",
        "شدند",
        "كرد",
        "كردند",
        "داد",
        "دادند",
        "گرفت",
        "گرفتند",
    ];
    form.strip_prefix("مي")
        .or_else(|| form.strip_prefix("نمي"))
        .is_some_and(|rest| STEMS.contains(&rest))
}

const COPULAS: &[&str] = &["است", "بود", "هست", "بودند"];

/// Persian: unit `k` is followed by a light verb, so it is the verb's noun (اعزام شده‌اند,
/// واریز کردند), not a name or part of one.
pub(super) fn before_light_verb(t: &Text<'_>, k: usize) -> bool {
    t.persian
        && t.joined_at(k)
        && t.units.get(k + 1).is_some_and(|n| {
            let form = t.form(n);
            LIGHT_VERBS.contains(&form) && !COPULAS.contains(&form)
                // می‌شود also follows names (جانشین حسین نیک‌نام می‌شود, وارد تهران
                // می‌شود): only the other present light verbs.
                || persian_light_present(form) && !form.ends_with("شود") && !form.ends_with("شوند")
        })
}

/// Persian, Urdu and Hebrew. Persian and Urdu have no article to mark a name's end: the head
/// takes up to three unknown words (a standalone و between two of them does not count:
/// سازمان غذا و دارو), or runs up to a known place (شورای شهر تهران, شرکت بهره‌برداری
/// متروی تهران). In Hebrew the article sits on the last noun of a construct chain: after a
/// word with it only words with it follow (רשות התחרות, איגוד ההייטק הישראלי, not רשות
/// התחרות צפויה), and a word behind a preposition ends the name (רשות ניירות ערך בארצות
/// הברית).
/// Hebrew heads whose ה is a letter of the word, not the article: התאחדות הכדורגל.
const HEADS_WITH_HE: &[&str] = &["התאחדות", "הסתדרות"];
/// Hebrew heads in the absolute state, which head a name only with the article.
const ABSOLUTE_HEADS: &[&str] = &["מועצה", "תנועה", "ועדה"];

/// A Hebrew word that is ו then the article (והנמלים): a second noun of the name joined to a
/// first one with the article (רשות הספנות והנמלים).
fn hebrew_and_definite(t: &Text<'_>, u: &Unit) -> bool {
    u.roles.is_none()
        && t.form(u)
            .strip_prefix("וה")
            .is_some_and(|rest| rest.chars().count() >= 3)
}

fn persian_org_phrase(t: &Text<'_>, i: usize, out: &mut Vec<Candidate>) {
    let hebrew = t.script(&t.units[i]) == Script::Hebrew;
    if hebrew && COURTS.contains(&t.form(&t.units[i])) {
        return court(t, i, out);
    }
    // חברת is also a member (of the council, the board): חברת המועצה טל שגיא.
    if hebrew
        && t.form(&t.units[i]) == "חברת"
        && t.joined_at(i)
        && t.units
            .get(i + 1)
            .is_some_and(|n| MEMBER_OF.contains(&t.form(n)))
    {
        return;
    }
    // A head in the absolute state names a body only behind the article (המועצה להשכלה
    // גבוהה); without it, it is a common noun (מועצה מקומית חדשה).
    if hebrew
        && ABSOLUTE_HEADS.contains(&t.form(&t.units[i]))
        && !t.prefix(&t.units[i]).ends_with('ה')
    {
        return;
    }
    // A Hebrew head with the article is the body already named (המשרד פתח), unless a
    // complement with ל follows (המכון למחקרי ביטחון לאומי).
    if hebrew
        && ((t.definite(&t.units[i]) && !HEADS_WITH_HE.contains(&t.form(&t.units[i])))
            || t.prefix(&t.units[i]).ends_with('ה'))
        && !t
            .units
            .get(i + 1)
            .is_some_and(|n| t.joined_at(i) && t.form(n).starts_with('ל'))
    {
        definite_hebrew_head(t, i, out);
        return;
    }
    // שירות names a body only before a definite noun (שירות התעסוקה); שירות צבאי is a
    // service.
    if hebrew
        && t.form(&t.units[i]) == "שירות"
        && !t
            .units
            .get(i + 1)
            .is_some_and(|n| t.joined_at(i) && t.definite(n) && !hebrew_and_definite(t, n))
    {
        return;
    }
    // A Hebrew head in the construct state before המדינה is a body of the state: פרקליטות
    // המדינה, ארכיון המדינה. The word is generic elsewhere, and ends the name here.
    if hebrew
        && !t.definite(&t.units[i])
        && !t.prefix(&t.units[i]).ends_with('ה')
        && t.joined_at(i)
        && t.units.get(i + 1).is_some_and(|n| {
            t.form(n) == "המדינה" && n.roles.is_some_and(|r| r.bits == ROLE_GENERIC)
        })
    {
        push_units(t, out, i, i + 1, EntityKind::Organization, RANK_RULE);
        return;
    }
    // A Persian head before a light verb is the verb's noun: در نمایشگاه شرکت کرده‌اند
    // (took part), not a company.
    if before_light_verb(t, i) {
        return;
    }
    // A Persian head after یک, هر, این or آن is a common noun: یک شرکت بیمه, این سازمان.
    if t.persian && i > 0 && t.joined_at(i - 1) && INDEFINITE_FA.contains(&t.form(&t.units[i - 1]))
    {
        return;
    }
    let mut end = i;
    let mut k = i + 1;
    let mut unknown = 0;
    let mut definite = false;
    while k < t.units.len() && k - i <= ORG_UNITS + 1 && t.joined_at(k - 1) {
        let u = &t.units[k];
        // Present-tense verbs start with می (می‌رود, می‌گوید).
        let verb = u.roles.is_none() && t.form(u).starts_with("مي");
        if hebrew && definite && end == k - 1 && hebrew_and_definite(t, u) {
            end = k;
            k += 1;
            continue;
        }
        if hebrew && (t.prepositional(u) || definite && !t.definite(u)) {
            break;
        }
        // Past a name of two words, a plural participle (מתכוונים, מבקשות) is the verb:
        // בפרקליטות מחוז מרכז מתכוונים להגיש.
        if hebrew && unknown >= 2 && hebrew_participle(t, u) {
            break;
        }
        // Two nouns joined by a standalone و close the name: سازمان غذا و دارو; so does a
        // noun phrase of two words closed by punctuation or a particle (پژوهشگاه زلزله‌شناسی و
        // مهندسی زلزله،).
        let and = t.persian && t.form(u) == "و" && end == k - 1 && end > i;
        if and
            && t.units
                .get(k + 1)
                .is_some_and(|n| n.roles.is_none() && t.name_word(n) && t.joined_at(k))
        {
            end = k + 1;
            let closed =
                |j: usize| !t.joined_at(j) || t.units.get(j + 1).is_none_or(|n| n.has(ROLE_STOP));
            if !closed(end)
                && t.units.get(end + 1).is_some_and(|n| {
                    n.roles.is_none() && t.name_word(n) && !t.form(n).starts_with("مي")
                })
                && !before_light_verb(t, end + 1)
                && closed(end + 1)
            {
                end += 1;
            }
            break;
        }
        // A title and the person it names: بیمارستان امام خمینی, دانشگاه امام صادق.
        if u.has(ROLE_TITLE)
            && t.joined_at(k)
            && t.units.get(k + 1).is_some_and(|n| {
                t.kind(n) == Some(EntityKind::Person)
                    || t.given_name(n)
                    || (n.roles.is_none() && t.name_word(n))
            })
        {
            end = k + 1;
            break;
        }
        // Another head starts another name: کمیته داوران فدراسیون فوتبال; but a part of a
        // university is named with it: مؤسسه ژئوفیزیک دانشگاه تهران, دانشکده فنی دانشگاه
        // تهران.
        if u.has(ROLE_ORG_HEAD) && end > i {
            // Or by a name of one word closed by punctuation or a particle: انجمن اسلامی
            // دانشجویان دانشگاه شریف در بیانیه‌ای.
            let named = |j: usize| {
                t.units.get(j).is_some_and(|n| {
                    t.kind(n) == Some(EntityKind::Place)
                        || (n.roles.is_none()
                            && t.name_word(n)
                            && (!t.joined_at(j)
                                || t.units.get(j + 1).is_none_or(|a| a.has(ROLE_STOP))))
                })
            };
            if t.persian && t.form(u) == "دانشگاه" && t.joined_at(k) && named(k + 1) {
                end = k + 1;
            }
            break;
        }
        // A noun before a Persian light verb belongs to the verb: به بیمارستان خودداری کنند,
        // با نام دانشگاه پهلوی شناخته می‌شد.
        if t.persian
            && t.units.get(k + 1).is_some_and(|n| {
                t.joined_at(k)
                    && (LIGHT_VERBS.contains(&t.form(n)) || persian_light_continuous(t.form(n)))
            })
        {
            break;
        }
        // A Hebrew name of one word may carry a number (להב 433, חדשות 12) when the sentence
        // stops or turns after it.
        if hebrew
            && unknown == 1
            && end == k - 1
            && t.number(u)
            && t.form(u).chars().all(|c| c.is_ascii_digit())
            && t.form(u).len() <= 4
            && (!t.joined_at(k)
                || t.units
                    .get(k + 1)
                    .is_some_and(|n| n.has(ROLE_STOP) || t.prepositional(n) || t.conjoined(n)))
        {
            end = k;
            break;
        }
        if u.has(ROLE_STOP) || u.has(ROLE_TITLE) || t.number(u) || t.conjoined(u) || verb {
            break;
        }
        // A Hebrew head ending with its own definite noun takes a given name as its name:
        // בית החולים הדסה, and the campus after it.
        let named = hebrew && k == i + 1 && head_ends_definite(t, i) && t.given_name(u);
        if t.kind(u).is_some() || named {
            end = k;
            if named && t.joined_at(k) && campus(t, k + 1) {
                end = k + 1;
            }
            // A Hebrew festival is named by its town and what it is for (פסטיבל חיפה
            // לסרטים): an unknown word behind ל after the town.
            if hebrew
                && t.form(&t.units[i]) == "פסטיבל"
                && t.joined_at(k)
                && t.units.get(k + 1).is_some_and(|n| {
                    n.roles.is_none()
                        && t.script(n) == Script::Hebrew
                        && t.prefix(n).is_empty()
                        && t.form(n).starts_with('ל')
                        && t.form(n).chars().count() >= 4
                })
            {
                end = k + 1;
            }
            break;
        }
        // A Hebrew business word is a noun of the name too (משרד התקשורת).
        let suffix = if hebrew { ROLE_ORG_SUFFIX } else { 0 };
        if u.roles
            .is_some_and(|r| r.bits & !(ROLE_PLACE_NOUN | ROLE_ORG_HEAD | suffix) != 0)
        {
            break;
        }
        if unknown == 3 {
            break;
        }
        unknown += 1;
        definite |= hebrew && t.definite(u);
        end = k;
        k += 1;
        // A Hebrew head that ends with its own definite noun (בית החולים, בית ההשקעות)
        // is followed by a name of one word: בית החולים שיבא פתח מחלקה.
        if hebrew && unknown == 1 && !t.definite(u) && head_ends_definite(t, i) {
            // Its campus may follow, a known place without prefix letters: בית החולים הדסה
            // עין כרם.
            if t.joined_at(k - 1) && campus(t, k) {
                end = k;
            }
            break;
        }
    }
    // In Hebrew a last unknown word that the sentence goes on after is as likely its verb
    // (בנק לאומי משקיע 200, רשות לניירות ערך פרסמה הודעה): the name is closed by
    // punctuation, a particle, a preposition or a conjunction.
    if hebrew
        && unknown >= 2
        && end > i
        && t.units[end].roles.is_none()
        && !t.definite(&t.units[end])
    {
        // את, the object's mark, follows a verb, never a name.
        let closed = !t.joined_at(end)
            || t.units.get(end + 1).is_none_or(|n| {
                (n.has(ROLE_STOP) && t.form(n) != "את")
                    || t.prepositional(n)
                    || t.conjoined(n)
                    || hebrew_participle(t, n)
            });
        if !closed {
            end -= 1;
        }
    }
    // A nationality after a Hebrew name describes it (חברת SIPG הסינית, חברת אדאני
    // ההודית): the name ends before it.
    if hebrew
        && end > i + 1
        && t.adjective(&t.units[end])
        && t.units[end].roles.is_none()
        && !t.definite(&t.units[end - 1])
        && t.units[end - 1].roles.is_none()
    {
        end -= 1;
    }
    // Hebrew apposition: a head, a word with the article saying what kind, then the name
    // (חברת הסייבר וויז, חברת התעופה ישראייר): the organisation is the name alone.
    // Only heads that name a kind of business do this: after ועדת הכספים or משרד האוצר the
    // next word is the sentence (ועדת הכספים נדחה).
    if hebrew
        && end == i + 1
        && t.definite(&t.units[end])
        && t.joined_at(end)
        && APPOSITION_HEADS.contains(&t.form(&t.units[i]))
    {
        let name = end + 1;
        // Closed by punctuation: a word before a particle is as likely a verb (ברשות
        // החדשנות מסרו כי).
        let closed = !t.joined_at(name);
        if let Some(u) = t.units.get(name)
            && u.roles.is_none()
            && !t.definite(u)
            && !hebrew_and_definite(t, u)
            && t.name_word(u)
            && t.form(u).chars().count() >= 2
            && closed
        {
            push(out, u, u, EntityKind::Organization, RANK_RULE);
            return;
        }
        // Not closed, a company's name and the sentence's verb after it: חברת התרופות טבע
        // הודיעה. The organisation is the whole phrase. A word that is itself a verb
        // (ברשות החדשנות מסרו כי) is followed by a particle (short), or is a past plural.
        if let Some(u) = t.units.get(name)
            && !closed
            && t.form(&t.units[i]) == "חברת"
            && u.roles.is_none()
            && !t.definite(u)
            && !hebrew_and_definite(t, u)
            && !hebrew_past_plural(t, u, true)
            && t.name_word(u)
            && t.form(u).chars().count() >= 3
            && t.units.get(name + 1).is_some_and(|n| {
                t.joined_at(name)
                    && (n.roles.is_none()
                        || n.roles.is_some_and(|r| r.bits == ROLE_STOP)
                            && t.form(n).chars().count() >= 4)
                    && t.script(n) == Script::Hebrew
                    && !t.prepositional(n)
                    && !t.conjoined(n)
            })
        {
            end = name;
        }
    }
    if let Some(last) =
        persian_orgs::anchored_end(t, i).or_else(|| persian_orgs::fourth_word_end(t, i, end))
    {
        end = end.max(last);
    }
    if let Some((first, last)) = descriptions::quoted_after(t, end) {
        push_units(t, out, first, last, EntityKind::Organization, RANK_RULE);
        return;
    }
    if descriptions::kind_only(t, i, end)
        || descriptions::described(t, i, end)
        || hebrew_appositions::description(t, i)
    {
        return;
    }
    push_organization(t, i, end, out);
}

/// An unknown Hebrew present plural of the derived stems: מ, then at least four letters,
/// then ים or ות (מתכוונים, מבקשות).
fn hebrew_participle(t: &Text<'_>, u: &Unit) -> bool {
    let form = t.form(u);
    u.roles.is_none()
        && form.starts_with('מ')
        && (form.ends_with("ים") || form.ends_with("ות"))
        && form.chars().count() >= 7
}

/// Hebrew heads followed by what kind they are, then the name: חברת התעופה ישראייר.
const APPOSITION_HEADS: &[&str] = &[
    "חברת",
    "קבוצת",
    "קרן",
    "ערוץ",
    "עיתון",
    "מועדון",
    "להקת",
    "תזמורת",
    "רשת",
    "בנק",
];

/// Persian words before a noun that make it a common one (folded): one, every, this, that.
const INDEFINITE_FA: &[&str] = &["يك", "هر", "اين", "ان", "همين", "همان"];

/// Hebrew bodies one is a member of (חברת המועצה, חברת הכנסת), in folded form.
const MEMBER_OF: &[&str] = &[
    "המועצה",
    "מועצה",
    "הכנסת",
    "הוועד",
    "הוועדה",
    "ההנהלה",
    "הדירקטוריון",
    "הקואליציה",
    "האופוזיציה",
    "הסיעה",
    "המפלגה",
    "הממשלה",
    "המליאה",
];

/// Hebrew heads of courts and tribunals, in folded form.
const COURTS: &[&str] = &["בית המשפט", "בית משפט", "בית הדין", "בית דין"];

/// The words that tell one Hebrew court from another (a closed class): its instance, its
/// field, its kind. Anything else after the head is the sentence (בית המשפט התעלם).
const COURT_WORDS: &[&str] = &[
    "השלום",
    "המחוזי",
    "העליון",
    "הגבוה",
    "לצדק",
    "הצבאי",
    "הצבאי לערעורים",
    "המשמעתי",
    "הארצי",
    "האזורי",
    "לעבודה",
    "לנוער",
    "הרבני",
    "הגדול",
    "המנהלי",
    "לענייני",
    "משפחה",
    "לעניינים",
    "מנהליים",
    "לתביעות",
    "קטנות",
    "לערעורים",
    "הבינלאומי",
    "הפלילי",
    "האירופי",
    "לזכויות",
    "האדם",
];

/// Hebrew: a court's head, the words that name which court, then its seat behind ב (בית
/// המשפט המחוזי בחיפה, בית משפט השלום בתל אביב, בית הדין הארצי לעבודה). The head alone
/// stands for a court already named, as המשרד does for a ministry.
fn court(t: &Text<'_>, i: usize, out: &mut Vec<Candidate>) {
    let mut end = i;
    while end + 1 < t.units.len()
        && end - i < 4
        && t.joined_at(end)
        && t.prefix(&t.units[end + 1]).is_empty()
        && COURT_WORDS.contains(&t.form(&t.units[end + 1]))
    {
        end += 1;
    }
    if end == i {
        return;
    }
    if t.joined_at(end)
        && let Some(seat) = t.units.get(end + 1)
        && t.kind(seat) == Some(EntityKind::Place)
        && t.prefix(seat) == "ב"
    {
        end += 1;
    }
    push_organization(t, i, end, out);
}

/// Unit `k` is a known place written without prefix letters: a hospital's or a
/// university's campus after its name (הדסה עין כרם).
fn campus(t: &Text<'_>, k: usize) -> bool {
    t.units
        .get(k)
        .is_some_and(|n| t.kind(n) == Some(EntityKind::Place) && t.prefix(n).is_empty())
}

/// Hebrew: a head with the article, its adjectives, then a complement with ל or a name of
/// one word closed by punctuation or a preposition: הקרן הלאומית למדע, המרכז הרפואי שיבא
/// בתל השומר (the head's article is left out of the span, as a prefix letter). The adjectives
/// alone (המכון הלאומי) are a description, not a name.
fn definite_hebrew_head(t: &Text<'_>, i: usize, out: &mut Vec<Candidate>) {
    let mut k = i + 1;
    while k < t.units.len() && t.joined_at(k - 1) && adjective_not_generic(t, k) {
        k += 1;
    }
    // A head of several words with its own adjective needs no other: המרכז הרפואי שיבא.
    let described = k > i + 1 || head_ends_definite(t, i);
    if !described || !t.joined_at(k - 1) {
        return;
    }
    let Some(u) = t.units.get(k) else {
        return;
    };
    let unknown = (u.roles.is_none() && t.name_word(u) || t.kind(u).is_some()) && !t.definite(u);
    let complement = unknown && t.form(u).starts_with('ל');
    // A word before את, the object's mark, is a verb (המכון הצרפתי מימנו את), never the
    // name's last word.
    if t.joined_at(k)
        && t.units
            .get(k + 1)
            .is_some_and(|n| t.script(n) == Script::Hebrew && t.form(n) == "את")
    {
        return;
    }
    // Closed by a word behind ב, even one the lists do not know (בתל השומר): few verbs
    // start with it.
    // A word opening with ש after a complement is a relative clause (המכון הישראלי
    // לדמוקרטיה שפורסם): names do not go on with it.
    let closed = !t.joined_at(k)
        || t.units.get(k + 1).is_none_or(|n| {
            n.has(ROLE_STOP)
                || t.prepositional(n)
                || t.conjoined(n)
                || (complement && n.roles.is_none() && t.form(n).starts_with('ש'))
                || t.words.get(n.first()).is_some_and(|w| {
                    t.text()
                        .get(w.start()..w.end())
                        .is_some_and(|f| f.starts_with('ב') && f.chars().count() >= 3)
                })
        });
    if (complement || (unknown && !t.prepositional(u))) && closed {
        // A head listed with its article (המכון) is named without it, as the others are.
        let head = &t.units[i];
        let start = match t.form(head).strip_prefix('ה') {
            Some(_) if !HEADS_WITH_HE.contains(&t.form(head)) => head.start + 'ה'.len_utf8(),
            _ => head.start,
        };
        out.push(Candidate {
            start,
            end: u.end,
            kind: EntityKind::Organization,
            rank: RANK_RULE,
            elided: false,
        });
    }
}

fn adjective_not_generic(t: &Text<'_>, k: usize) -> bool {
    t.units
        .get(k)
        .is_some_and(|u| t.adjective(u) && !u.has(ROLE_GENERIC) && !u.has(ROLE_STOP))
}

/// A known organisation followed by adjectives (مجلس الأمن الروسي) and, in Arabic, a last
/// chain with لـ (الاتحاد الأفريقي لكرة القدم).
fn org_adjectives(t: &Text<'_>, i: usize, out: &mut Vec<Candidate>) {
    let mut end = i;
    // A name of one word is described by a nationality, not named by it: الترجي التونسي.
    let one_word = t.units[i].first() == t.units[i].last();
    while end + 1 < t.units.len()
        && t.joined_at(end)
        && adjective_not_generic(t, end + 1)
        && !(one_word && end == i && arabic_names::nationality(t, end + 1))
    {
        end += 1;
    }
    // Urdu: an English "of" and a known name (اسٹیٹ بینک آف پاکستان).
    if t.persian
        && t.joined_at(end)
        && t.joined_at(end + 1)
        && t.units.get(end + 1).is_some_and(|u| t.form(u) == "اف")
        && t.units.get(end + 2).is_some_and(|u| t.kind(u).is_some())
    {
        end += 2;
    }
    if t.script(&t.units[i]) == Script::Arabic
        && !t.persian
        && t.joined_at(end)
        && let Some(next) = t.units.get(end + 1)
        && next.roles.is_none()
        && t.form(next).starts_with('ل')
        && !t.definite(next)
        && let Some(last) = construct_chain(t, end + 1, end + 3)
    {
        end = last;
    } else if t.script(&t.units[i]) == Script::Arabic
        && !t.persian
        && t.joined_at(end)
        && t.units
            .get(end + 1)
            .is_some_and(|n| n.roles.is_none() && !t.conjoined(n) && t.form(n).starts_with("لل"))
    {
        // Or one definite noun with لـ: منظمة الأمم المتحدة للطفولة.
        end += 1;
    }
    push_organization(t, i, end, out);
}

/// Trigger nouns that belong to the name they introduce: squares and streets are called
/// ميدان التحرير, not التحرير, and so are rivers, gulfs, seas, lakes, valleys and the like
/// (نهر الفرات, خليج عدن, دریای خزر, ים המלח).
const NAMED_BY_TRIGGER: &[&str] = &[
    "ميدان",
    "قصر",
    "شارع",
    "ساحه",
    "خيابان",
    "بلوار",
    "سد",
    "تالاب",
    "بزرگراه",
    "ازادراه",
    "مصلاي",
    "רחוב",
    "שדרות",
    "نهر",
    "شط",
    "جبل",
    "جبال",
    "رشتهكوه",
    "خليج",
    "بحر",
    "بحيره",
    "صحراء",
    "سهل",
    "هضبه",
    "مضيق",
    "جزيره",
    "جزر",
    "رود",
    "رودخانه",
    "درياچه",
    "درياي",
    "كوه",
    "دشت",
    "دره",
    "تنگه",
    "دريائي",
    "وادي",
    "صحرا",
    "נהר",
    "מפרץ",
    "ים",
    "אגם",
    "עמק",
    "מדבר",
    "רכס",
    "ملعب",
    "استاد",
    "ستاد",
    "ورزشگاه",
    "استاديوم",
    "אצטדיון",
    "היכל",
    "צומת",
    "מחלף",
];

/// Points of the compass before a known place: the region is one place with them (جنوب
/// لبنان, شمالی وزیرستان, צפון עזה).
const DIRECTIONS: &[&str] = &[
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "وسط",
    "شمالي",
    "جنوبي",
    "مشرقي",
    "مغربي",
    "وسطي",
    "צפון",
    "דרום",
    "מזרח",
    "מערב",
];

/// Plural and dual trigger nouns, which introduce lists of places.
const PLURAL_TRIGGERS: &[&str] = &[
    "احياء",
    "مدينتي",
    "بلدتي",
    "قريتي",
    "ريفي",
    "محافظتي",
    "مدن",
    "بلدات",
    "قري",
];

/// Where a point of the compass starts in unit `u`, after any prefix (بجنوب, בצפון).
fn direction(t: &Text<'_>, u: &Unit) -> Option<usize> {
    if u.roles.is_some_and(|r| r.kind.is_some()) || u.end - u.start > 16 {
        return None;
    }
    let bare = t.bare(u);
    let bare = bare.strip_prefix('و').unwrap_or(bare);
    if DIRECTIONS.contains(&bare) {
        return Some(u.end - bare.len());
    }
    if t.script(u) != Script::Hebrew {
        return None;
    }
    let form = t.form(u);
    prefix_cuts(form)
        .into_iter()
        .find(|&cut| {
            form.get(cut..)
                .is_some_and(|rest| DIRECTIONS.contains(&rest))
        })
        .map(|cut| u.start + cut)
}

/// Demonstratives: a trigger noun after one is the place already named (به این استان
/// فرستاده, هذه المدينة), not the start of a name.
const DEMONSTRATIVES: &[&str] = &["اين", "ان", "هذه", "هذا", "تلك", "ذلك", "اس", "يه", "وه"];

/// Streets and squares, named after people as often as not: شارع الحبيب بورقيبة.
const STREETS: &[&str] = &["شارع", "ميدان", "ساحه"];

/// Triggers of stadiums, which are often named after a person or with two words. Not استاد,
/// which in Persian is also a master's title (استاد محمود فرشچیان).
const STADIUMS: &[&str] = &["ملعب", "ستاد", "ورزشگاه", "استاديوم", "אצטדיון", "היכל"];

/// A Hebrew place noun that is also a town (אזור, region and Azor) in the construct state,
/// before a word with the article or a known place (באזור התעשייה, אזור הערבה), or before
/// its adjective (מאזור קריר), is the noun; so is a generated town behind the article before
/// a definite adjective (המוביל הארצי).
fn hebrew_region_noun(t: &Text<'_>, i: usize) -> bool {
    let u = &t.units[i];
    if t.script(u) != Script::Hebrew {
        return false;
    }
    // A generated town behind an article the lists cut, before a word with the article, is
    // a noun and its adjective (המוביל ההפוך, the carrier): a town's name takes no article.
    if t.prefix(u).ends_with('ה')
        && u.roles
            .and_then(|r| r.kind)
            .is_some_and(|k| k == (EntityKind::Place, Source::Generated))
        && t.joined_at(i)
        && t.units
            .get(i + 1)
            .is_some_and(|n| t.definite(n) && t.kind(n).is_none() && !t.conjoined(n))
    {
        return true;
    }
    // A place noun before an unknown word without prefix letters is the noun and its
    // adjective (מאזור קריר, from a cool region), as before a definite word or a place.
    u.has(ROLE_PLACE_NOUN)
        && !t.prefix(u).ends_with('ה')
        && t.joined_at(i)
        && t.units.get(i + 1).is_some_and(|n| {
            (t.definite(n)
                || t.kind(n) == Some(EntityKind::Place)
                || n.roles.is_none()
                    && t.script(n) == Script::Hebrew
                    && t.words.get(n.first()).is_some_and(|w| w.start() == n.start))
                && !t.conjoined(n)
                && !t.prepositional(n)
        })
}

/// Unit `i` is a Hebrew head of a geographic feature (מפרץ, נהר, עמק, ים) with the article.
fn is_hebrew_feature_with_article(t: &Text<'_>, i: usize) -> bool {
    let u = &t.units[i];
    t.script(u) == Script::Hebrew
        && t.prefix(u).ends_with('ה')
        && NAMED_BY_TRIGGER.contains(&t.form(u))
}

fn place_after(t: &Text<'_>, i: usize, out: &mut Vec<Candidate>) {
    let k = i + 1;
    if k >= t.units.len() || !t.joined_at(i) || is_port_head(t, &t.units[i]) {
        return;
    }
    // استاد is a stadium in Arabic; in Persian and Urdu it is a professor or a teacher
    // (استاد مهندسی شیمی), and their stadiums are ورزشگاه and استادیوم.
    if t.persian && t.form(&t.units[i]) == "استاد" {
        return;
    }
    if i > 0 && t.joined_at(i - 1) && DEMONSTRATIVES.contains(&t.bare(&t.units[i - 1])) {
        return;
    }
    // A Hebrew feature's head behind the article (המפרץ, הנהר) is the feature already named:
    // a name follows the head in the construct state only (מפרץ אילת, not המפרץ לחום).
    if is_hebrew_feature_with_article(t, i) {
        return;
    }
    // אזור, a region, before an unknown word without prefix letters is the noun and its
    // adjective (באזור כפרי, in a rural region), not a region named by it.
    if t.form(&t.units[i]) == "אזור" && t.kind(&t.units[k]).is_none() && hebrew_region_noun(t, i)
    {
        return;
    }
    let u = &t.units[k];
    if arabic_forms::whole_after_place_noun(t, k).is_some() {
        return;
    }
    // A Hebrew road is named by its number (כביש 90, כביש 6), never by a word (כביש גישה).
    if t.form(&t.units[i]) == "כביש" {
        let form = t.form(u);
        if form.len() <= 3 && form.bytes().all(|b| b.is_ascii_digit()) && u.first() == u.last() {
            push(out, &t.units[i], u, EntityKind::Place, RANK_RULE);
        }
        return;
    }
    let mut end = k;
    let named_by_trigger = NAMED_BY_TRIGGER.contains(&t.form(&t.units[i]));
    let stadium = STADIUMS.contains(&t.form(&t.units[i]));
    if t.kind(u) == Some(EntityKind::Place) && named_by_trigger {
        // A stadium keeps its adjective: ملعب القاهرة الدولي.
        let last = if stadium && arabic_names::named_adjective(t, k) {
            k + 1
        } else {
            k
        };
        push_units(t, out, i, last, EntityKind::Place, RANK_RULE);
    } else if named_by_trigger
        && (t.persian && !t.urdu || t.script(u) == Script::Hebrew)
        && u.has(ROLE_TITLE)
        && t.joined_at(k)
        && let Some(last) = name_from(t, k + 1, true)
    {
        // A street, square or ground named after a titled person: میدان امام حسین,
        // مصلای امام خمینی, רחוב הרב קוק.
        push_units(t, out, i, last, EntityKind::Place, RANK_TITLE);
        return;
    } else if (stadium
        || STREETS.contains(&t.form(&t.units[i]))
        || t.script(&t.units[i]) == Script::Hebrew)
        && (t.given_name(u) || t.kind(u) == Some(EntityKind::Person))
        && let Some(last) = name_from(t, k, true)
    {
        // A stadium or street named after a person is a place: ملعب محمد الخامس, شارع
        // الحبيب بورقيبة, אצטדיון סמי עופר, רחוב הרצל; so is a Hebrew neighbourhood or village named like
        // one (שכונת גני אביב), without its head.
        let first = if named_by_trigger { &t.units[i] } else { u };
        // A Hebrew word behind a preposition is the sentence going on: שכונת גילה בדרום.
        let last = (k + 1..=last)
            .find(|&j| {
                let v = &t.units[j];
                t.script(v) == Script::Hebrew
                    && (t.prepositional(v) || hebrew_clause_word(t, v, true))
            })
            .map_or(last, |j| j - 1);
        push(out, first, &t.units[last], EntityKind::Place, RANK_TITLE);
        return;
    } else if t.kind(u) != Some(EntityKind::Place) {
        if u.roles.is_some()
            || !t.name_word(u)
            || before_light_verb(t, k)
            || arabic_forms::verbal_noun(t, u)
        {
            return;
        }
        // A Persian present-tense verb (می‌گویند), or the noun of a compound verb (اجرا
        // می‌کند), is the sentence going on after a common noun: در این دریاچه می‌گویند.
        if t.persian
            && (persian_present(t.form(u))
                || t.joined_at(k)
                    && t.units
                        .get(k + 1)
                        .is_some_and(|n| persian_light_present(t.form(n))))
        {
            return;
        }
        // Hebrew town names do not take the article: an unknown ה- word after העיר or הכפר
        // is an adjective (העיר העתיקה) or a verb (למרכז העיר התקצר), not a name. Streets
        // are named with it (רחוב הנביאים), so their triggers keep it.
        if t.script(u) == Script::Hebrew && t.definite(u) && !named_by_trigger {
            return;
        }
        // Districts are named so (أحياء العمارات): not after a plural trigger.
        if !named_by_trigger
            && !PLURAL_TRIGGERS.contains(&t.form(&t.units[i]))
            && arabic_names::definite_plural(t, u)
        {
            return;
        }
        if COMPOUND_PLACE.contains(&t.form(u))
            && t.joined_at(k)
            && t.units
                .get(k + 1)
                .is_some_and(|n| n.roles.is_none() && t.name_word(n))
        {
            end = k + 1;
        }
        // A name of two unknown words closed by a particle: ورزشگاه نقش جهان با دو گل.
        if stadium
            && end == k
            && t.joined_at(k)
            && t.units
                .get(k + 1)
                .is_some_and(|n| n.roles.is_none() && t.name_word(n) && !t.definite(n))
            && (!t.joined_at(k + 1) || t.units.get(k + 2).is_some_and(|n| n.has(ROLE_STOP)))
        {
            end = k + 1;
        }
        let first = if named_by_trigger { &t.units[i] } else { u };
        push(out, first, &t.units[end], EntityKind::Place, RANK_RULE);
    }
    // A list after a plural trigger: أحياء الخرطوم 2 والعمارات والديم.
    if !PLURAL_TRIGGERS.contains(&t.form(&t.units[i])) {
        return;
    }
    let mut j = end + 1;
    while j < t.units.len() && t.joined_at(j - 1) {
        let v = &t.units[j];
        if t.number(v) {
            j += 1;
            continue;
        }
        if !(v.roles.is_none() && t.name_word(v) && t.form(v).starts_with('و')) {
            break;
        }
        let start = v.start + 'و'.len_utf8();
        if t.text()
            .get(start..v.end)
            .is_some_and(|rest| rest.chars().count() >= 3)
        {
            out.push(Candidate {
                start,
                end: v.end,
                kind: EntityKind::Place,
                rank: RANK_RULE,
                elided: false,
            });
        }
        j += 1;
    }
}
