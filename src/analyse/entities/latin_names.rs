//! Latin-script names: runs of capitalised words, in English text and quoted inside Arabic,
//! Persian, Urdu and Hebrew text.
//!
//! A run is classified by a title before or inside it (person), a head noun inside
//! (organisation: Cairo University, Oman Air) or last (place: Salah Salem Street), a given name
//! first (person); in Arabic or Hebrew text, a run with an acronym or a CamelCase brand is an
//! organisation (GoDaddy). In English text, where every name is capitalised, a run the lists do
//! not know is read from the words around it:
//! - the word before: a common noun of the kind (the carrier SalamAir, its rival Boeing) makes
//!   an organisation, a preposition of place (in Yokneam, near Tabriz) a place;
//! - a lower-case role after it names its employer (Sepahan coach, a former Esteghlal striker);
//! - a list carries the kind of its known members (Karachi, Dhaka and Trabzon);
//! - two or more words before a verb of saying, or between a role and a comma, are a person;
//! - Arabic names joined by particles (Saeed bin Hamoud al-Maawali) are people, and those that
//!   open with a place word (Ain al-Hilweh, Sharm el-Sheikh) places;
//! - a point of the compass before a place (East Azerbaijan) and a feature before "of" (Gulf of
//!   Oman) are part of the place.
//!
//! Two names joined by "and" are split when the first ends with its head noun (Cairo
//! University and Ain Shams University) or the second starts with "the".

use super::clitics::Script;
use super::context::{push, push_units};
use super::gazetteer::{ROLE_FIRST_NAME, ROLE_ORG_HEAD, ROLE_PLACE_NOUN, ROLE_TITLE};
use super::text::{Candidate, RANK_RULE, RANK_TITLE, Text};
use super::units::Unit;
use crate::document::EntityKind;

/// Lower-case words allowed inside a Latin name or organisation.
const LATIN_JOINERS: &[&str] = &[
    "of", "the", "for", "al", "bin", "ibn", "ben", "abu", "de", "da", "van", "von", "and", "el",
];
/// Latin joiners that may sit inside a person's name.
const LATIN_NAME_JOINERS: &[&str] = &[
    "al", "bin", "ibn", "ben", "abu", "de", "da", "van", "von", "el",
];

pub fn runs(t: &Text<'_>, out: &mut Vec<Candidate>) {
    let units = &t.units;
    let capital = |u: &Unit| t.script(u) == Script::Latin && t.capitalised(u);
    let joiner = |u: &Unit| {
        let form = t.form(u);
        t.script(u) == Script::Latin
            && (LATIN_JOINERS.contains(&form) || form.starts_with("al-") || form.starts_with("el-"))
    };
    let mut i = 0;
    while i < units.len() {
        // A capitalised article opens a sentence, not a name: The Pakistan Cricket Board.
        if !capital(&units[i]) || t.form(&units[i]) == "the" {
            i += 1;
            continue;
        }
        let mut end = i;
        let mut k = i + 1;
        // "&" joins the words of a company's name: McKinsey & Company.
        while k < units.len() && (t.joined_at(k - 1) || gap_before(t, k) == Some("&")) {
            let form = t.form(&units[k]);
            if capital(&units[k]) || form.starts_with("al-") || form.starts_with("el-") {
                end = k;
            } else if !(joiner(&units[k]) && k + 1 < units.len() && t.joined_at(k)) {
                break;
            }
            k += 1;
        }
        classify(t, i, end, out);
        i = end + 1;
    }
}

fn classify(t: &Text<'_>, first: usize, last: usize, out: &mut Vec<Candidate>) {
    let units = &t.units[first..=last];
    // A code with digits is a model or a strain, not a name: A310, M16, H3N2.
    if first == last
        && t.kind(&units[0]).is_none()
        && t.form(&units[0]).bytes().any(|b| b.is_ascii_digit())
    {
        return;
    }
    // A sentence's first word before "of" is a common noun: Shares of Tower Semiconductor,
    // Residents of Khasab.
    if last > first + 1
        && units[0].roles.is_none()
        && t.form(&units[1]) == "of"
        && sentence_start(t, first)
    {
        let mut rest = first + 2;
        while rest < last && t.form(&t.units[rest]) == "the" {
            rest += 1;
        }
        classify(t, rest, last, out);
        return;
    }
    // Two names joined by "and" are two: two people (Hassan al-Sisi and Abu Bakr
    // al-Baghdadi), a known name or one ending with its head and another (Cairo University and
    // Ain Shams University, Riyadh Air and Saudia, Dhaka and Trabzon), anything and a name with the article (Salah Salem Street and the
    // New Administrative Capital). Not one name with "and" in it (Ministry of Tourism and
    // Antiquities).
    if let Some(and) = units.iter().position(|u| t.form(u) == "and")
        && and > 0
        && first + and < last
    {
        let mut right = first + and + 1;
        let article = t.form(&t.units[right]) == "the";
        while right < last && t.form(&t.units[right]) == "the" {
            right += 1;
        }
        let head = |u: &Unit| u.has(ROLE_ORG_HEAD | ROLE_PLACE_NOUN);
        let people = units[0].has(ROLE_FIRST_NAME) && t.capitalised(&t.units[right]);
        let heads = head(&t.units[first + and - 1]) || t.kind(&t.units[first + and - 1]).is_some();
        if (people || heads || article) && t.capitalised(&t.units[right]) {
            classify(t, first, first + and - 1, out);
            classify(t, right, last, out);
            return;
        }
    }
    let title_before = first > 0 && t.joined_at(first - 1) && t.units[first - 1].has(ROLE_TITLE);
    let name_joiner = |u: &Unit| {
        t.script(u) == Script::Latin
            && !t.capitalised(u)
            && !LATIN_NAME_JOINERS.contains(&t.form(u))
            && !t.form(u).starts_with("al-")
    };
    // The last title inside the run: the name is what follows it, up to "of"; the rest of
    // the run is classified on its own (Professor Miriam Ben-David of the Hebrew University).
    if let Some(pos) = units.iter().rposition(|u| u.has(ROLE_TITLE)) {
        // What the title is the title of, before it, is classified on its own: Lahore High
        // Court Chief Justice Aalia Neelum.
        if pos > 0 {
            classify(t, first, first + pos - 1, out);
        }
        let start = first + pos + 1;
        let mut end = start;
        while end < last && !name_joiner(&t.units[end + 1]) {
            end += 1;
        }
        // What follows "Minister of" is the portfolio: Minister of Transport.
        let portfolio = t.form(&units[pos]).ends_with(" of");
        if portfolio && start < last {
            classify(t, start, last, out);
            return;
        }
        if start <= last
            && !portfolio
            && t.kind(&t.units[start])
                .is_none_or(|k| k == EntityKind::Person)
        {
            push_units(t, out, start, end, EntityKind::Person, RANK_TITLE);
        }
        let mut rest = end + 1;
        while rest <= last && name_joiner(&t.units[rest]) {
            rest += 1;
        }
        if rest <= last {
            classify(t, rest, last, out);
        }
        return;
    }
    if units.len() == 1 && t.kind(&units[0]).is_some() {
        return;
    }
    let whole = |kind, rank, out: &mut Vec<Candidate>| {
        push(out, &units[0], &units[units.len() - 1], kind, rank);
    };
    if let Some(kind) = shape(t, first, last) {
        whole(kind, RANK_RULE, out);
        return;
    }
    if let Some(start) = particle_person(t, first, last) {
        // The words before it are what a title is the title of (Information Technology).
        push_units(t, out, start, last, EntityKind::Person, RANK_RULE);
        return;
    }
    // In Arabic or Hebrew text a Latin word with no given name in it is a brand more often
    // than a person, even after a title (מנכ"ל Pagaya is the company's chief).
    let nameless = units
        .iter()
        .all(|u| !u.has(ROLE_FIRST_NAME) && t.kind(u).is_none());
    let brand = t.rtl() && (nameless || units.iter().any(|u| t.brand_like(u)));
    if title_before
        && !brand
        && units
            .iter()
            .all(|u| t.kind(u).is_none_or(|k| k == EntityKind::Person))
    {
        whole(EntityKind::Person, RANK_TITLE, out);
    } else if units.len() >= 2 && units[units.len() - 1].has(ROLE_PLACE_NOUN) {
        whole(EntityKind::Place, RANK_RULE, out);
    } else if units.iter().any(|u| u.has(ROLE_ORG_HEAD)) && units.len() >= 2 {
        whole(EntityKind::Organization, RANK_RULE, out);
    } else if units[0].has(ROLE_FIRST_NAME) && units.len() >= 2 {
        whole(EntityKind::Person, RANK_RULE, out);
    } else if first > 0 && t.joined_at(first - 1) && t.units[first - 1].has(ROLE_PLACE_NOUN) {
        whole(EntityKind::Place, RANK_RULE, out);
    } else if t.rtl()
        && (nameless || units.iter().any(|u| t.brand_like(u)))
        && units.iter().all(|u| t.kind(u).is_none())
    {
        // In Arabic or Hebrew text, a Latin acronym, brand or other capitalised name without
        // a given name is an organisation more often than anything else: GoDaddy, BBC,
        // OpenAI, Nvidia.
        whole(EntityKind::Organization, RANK_RULE, out);
    } else if !t.rtl() {
        english(t, first, last, out);
    }
}

/// Place nouns that head a settlement's name and stay out of it (the City of Aden is Aden).
const SETTLEMENT_HEADS: &[&str] = &["city", "town", "village", "province", "governorate", "camp"];

/// Points of the compass that belong to the place after them: East Azerbaijan, South Asia.
const COMPASS: &[&str] = &["north", "south", "east", "west"];

/// First words of Arabic place names in transliteration, joined to the rest by a particle:
/// Ain al-Hilweh, Ras al-Khaimah, Sharm el-Sheikh, Deir ez-Zor.
const PLACE_WORDS: &[&str] = &[
    "ain", "ein", "ras", "wadi", "bir", "kafr", "sharm", "umm", "deir", "tell", "tal", "jabal",
    "jebel", "khan", "bab", "beit", "bait", "marj", "sidi", "qasr", "souq",
];

/// Particles inside an Arabic name written in Latin letters.
const NAME_PARTICLES: &[&str] = &["bin", "ibn", "bint", "abu", "abdel", "abdul"];

/// A run whose shape says it is a place: a feature before "of" (Gulf of Oman, Strait of
/// Hormuz), a point of the compass before a name (East Azerbaijan), an Arabic place word
/// joined by a particle (Ain al-Hilweh).
fn shape(t: &Text<'_>, first: usize, last: usize) -> Option<EntityKind> {
    if last == first {
        return None;
    }
    let u = &t.units[first];
    let form = t.form(u);
    let rest_plain = t.units[first + 1..=last]
        .iter()
        .all(|u| !u.has(ROLE_ORG_HEAD | ROLE_TITLE) && t.kind(u) != Some(EntityKind::Person));
    // A feature's head before its name is part of it (Gulf of Oman, Lake Tiberias, Mount
    // Hermon), and so is a capitalised "City of" (City of the Dead); a settlement's word
    // alone is not (Camp Zeta is Zeta; the city of Aden, in lower case, is no run).
    if u.has(ROLE_PLACE_NOUN)
        && t.capitalised(u)
        && (form.ends_with(" of") || !SETTLEMENT_HEADS.iter().any(|h| form.starts_with(h)))
        && rest_plain
    {
        return Some(EntityKind::Place);
    }
    if COMPASS.contains(&form) && last == first + 1 && rest_plain {
        return Some(EntityKind::Place);
    }
    if PLACE_WORDS.contains(&form)
        && rest_plain
        && t.units[first + 1..=last].iter().any(|u| particle(t, u))
    {
        return Some(EntityKind::Place);
    }
    None
}

/// An Arabic particle in a Latin name: bin, ibn, Abu, al-X, El-X.
fn particle(t: &Text<'_>, u: &Unit) -> bool {
    let form = t.form(u);
    NAME_PARTICLES.contains(&form) || form.starts_with("al-") || form.starts_with("el-")
}

/// Where the person starts in a run that holds an Arabic name with its particles (Minister of
/// Information Technology Saeed bin Hamoud al-Maawali): at the first given name, else at the
/// word before the first particle. None when the run has no particle, a head noun or a known
/// name of another kind.
fn particle_person(t: &Text<'_>, first: usize, last: usize) -> Option<usize> {
    let units = &t.units[first..=last];
    let at = units.iter().position(|u| particle(t, u))?;
    if units.len() < 2
        || units.iter().any(|u| {
            u.has(ROLE_ORG_HEAD | ROLE_PLACE_NOUN)
                || t.kind(u).is_some_and(|k| k != EntityKind::Person)
        })
    {
        return None;
    }
    // A particle that opens the run opens the name: Abu Zeid, al-Shafi'i.
    let start = units[..at]
        .iter()
        .position(|u| t.given_name(u))
        .unwrap_or(at.saturating_sub(1));
    // al-X alone after a word is the article of a place or a thing as often as a name.
    (start < units.len() - 1 || at == 0).then_some(first + start)
}

/// Common nouns that name the kind of organisation the name after them is: the carrier
/// SalamAir, its rival Boeing, the club Persepolis.
const ORG_BEFORE: &[&str] = &[
    "company",
    "firm",
    "carrier",
    "airline",
    "club",
    "group",
    "startup",
    "start-up",
    "designer",
    "maker",
    "manufacturer",
    "rival",
    "rivals",
    "champions",
    "consultancy",
    "broadcaster",
    "regulator",
    "bank",
    "lender",
    "insurer",
    "agency",
    "outfit",
    "operator",
    "developer",
    "giant",
    "brand",
    "chain",
    "retailer",
    "newspaper",
    "daily",
    "channel",
    "network",
    "subsidiary",
    "conglomerate",
    "supplier",
    "contractor",
    "producer",
    "leaders",
    "side",
    "beat",
    "beats",
    "defeated",
    "plays",
    "hosts",
    "sponsor",
    "partner",
    "investor",
    "unit",
    "platform",
];

/// Verbs of sport before "for": a player played for Al-Wasl.
const PLAYED: &[&str] = &["played", "plays", "playing", "signed", "scored", "starred"];

/// Lower-case words after a name that say it is an organisation: the Tasnim news agency.
const ORG_AFTER: &[&str] = &[
    "news",
    "newspaper",
    "daily",
    "club",
    "company",
    "group",
    "airline",
    "carrier",
    "bank",
    "broadcaster",
    "militia",
    "movement",
    "party",
    "agency",
    "shares",
];

/// Prepositions after which a name is a place: in Yokneam, near Tabriz.
const PLACE_BEFORE: &[&str] = &[
    "in",
    "near",
    "outside",
    "across",
    "throughout",
    "around",
    "inside",
    "into",
    "towards",
];

/// Words of travel and trade before "to" or "from" a place: flights to Salalah.
const MOTION: &[&str] = &[
    "flights",
    "flight",
    "routes",
    "route",
    "flies",
    "flew",
    "fly",
    "travelled",
    "traveled",
    "travel",
    "moved",
    "returned",
    "trip",
    "trips",
    "journey",
    "road",
    "roads",
    "exports",
    "imports",
    "deported",
    "fled",
    "arrived",
    "service",
    "services",
    "ferry",
    "shipped",
];

/// Lower-case words after a name that say it is a place: the Jabalia camp, Kerman province.
const PLACE_AFTER: &[&str] = &[
    "province",
    "governorate",
    "district",
    "region",
    "village",
    "town",
    "city",
    "county",
    "neighbourhood",
    "neighborhood",
    "camp",
    "municipality",
    "suburb",
    "oasis",
];

/// Verbs of saying: two or more unknown words before one are a person (Con Korfiatis told).
const SAYING: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "explained",
    "wrote",
    "argued",
    "insisted",
    "recalled",
];

/// Capitalised words that are nationalities, languages or faiths, never names on their own.
const NOT_NAMES: &[&str] = &[
    "hebrew",
    "arab",
    "arabs",
    "jew",
    "jews",
    "muslim",
    "muslims",
    "christian",
    "sunni",
    "shia",
    "shiite",
    "druze",
    "bedouin",
    "kurd",
    "kurds",
    "god",
    "islam",
    "israeli",
    "iraqi",
    "omani",
    "qatari",
    "kuwaiti",
    "emirati",
    "saudi",
    "yemeni",
    "pakistani",
    "bangladeshi",
    "azeri",
    "bahraini",
    "afghan",
    "dari",
    "urdu",
    "farsi",
    "pashto",
    "yiddish",
    "thai",
    "swiss",
    "dutch",
    "greek",
    "french",
    "czech",
];

/// Endings of nationality and language adjectives: Egyptian, Japanese, Turkish, Arabic.
const ADJECTIVE_ENDINGS: &[&str] = &["ian", "ean", "ese", "ish", "ic", "ist"];

/// A capitalised word that is an adjective of nationality, language or faith.
fn adjective(t: &Text<'_>, u: &Unit) -> bool {
    let form = t.form(u);
    NOT_NAMES.contains(&form)
        || ADJECTIVE_ENDINGS.iter().any(|e| form.ends_with(e))
        || form.ends_with("-speaking")
}

/// The punctuation between units `i - 1` and `i` (spaces trimmed); None for the first unit.
fn gap_before<'t>(t: &'t Text<'_>, i: usize) -> Option<&'t str> {
    let prev = t.units.get(i.checked_sub(1)?)?;
    let u = t.units.get(i)?;
    let from = prev.end.max(t.words.get(prev.last())?.end());
    let to = t.words.get(u.first())?.start();
    Some(t.text().get(from..to)?.trim())
}

/// The unit opens a sentence, a line or a quotation.
fn sentence_start(t: &Text<'_>, i: usize) -> bool {
    gap_before(t, i).is_none_or(|g| {
        g.ends_with([
            '.', '!', '?', ':', '"', '\u{201c}', '(', '-', '\u{2014}', '\u{2013}',
        ]) || t
            .text()
            .get(..t.units[i].start)
            .is_some_and(|before| before.trim_end_matches(' ').ends_with('\n'))
    })
}

/// The lower-case Latin word of unit `i`, if it is one.
fn lower<'t>(t: &'t Text<'_>, i: usize) -> Option<&'t str> {
    let u = t.units.get(i)?;
    (t.script(u) == Script::Latin && !t.capitalised(u)).then(|| t.form(u))
}

/// A run of unknown capitalised words in English text, read from the words around it.
fn english(t: &Text<'_>, first: usize, last: usize, out: &mut Vec<Candidate>) {
    let units = &t.units[first..=last];
    // Joiners in lower case (and, of, the) say nothing of the kind.
    let known = |u: &Unit| {
        t.capitalised(u)
            && u.roles
                .is_some_and(|r| r.kind.is_some() || r.bits & !ROLE_FIRST_NAME != 0)
    };
    if units.iter().any(known) {
        // A known town with an unknown word after a preposition of place is one place: in
        // Migdal HaEmek.
        let place_words = units.iter().all(|u| {
            !known(u)
                || (t.kind(u) == Some(EntityKind::Place) && u.roles.is_some_and(|r| r.bits == 0))
        });
        if place_words
            && !units.iter().all(known)
            && first > 0
            && t.joined_at(first - 1)
            && place_before(t, first - 1)
        {
            push_members(t, first, last, EntityKind::Place, out);
        }
        return;
    }
    if units.len() == 1 && adjective(t, &units[0]) {
        return;
    }
    let kind = kind_from_context(t, first, last).or_else(|| list_kind(t, first, last));
    let Some(kind) = kind else {
        return;
    };
    push_members(t, first, last, kind, out);
}

/// Places and people joined by "and" are two (flights to Marsa Qadir and Baranis); an
/// organisation may have "and" in its name.
fn push_members(
    t: &Text<'_>,
    first: usize,
    last: usize,
    kind: EntityKind,
    out: &mut Vec<Candidate>,
) {
    let mut start = first;
    if kind != EntityKind::Organization {
        for k in first + 1..last {
            if t.form(&t.units[k]) == "and" && t.capitalised(&t.units[k + 1]) && k > start {
                push_units(t, out, start, k - 1, kind, RANK_RULE);
                start = k + 1;
            }
        }
    }
    push_units(t, out, start, last, kind, RANK_RULE);
}

fn kind_from_context(t: &Text<'_>, first: usize, last: usize) -> Option<EntityKind> {
    let joined_before = first > 0 && t.joined_at(first - 1);
    let before = if joined_before {
        lower(t, first - 1)
    } else {
        None
    };
    let after = if t.joined_at(last) {
        lower(t, last + 1)
    } else {
        None
    };
    let several = last > first;
    // A role after the name, in lower case, is a post at it: Sepahan coach, Esteghlal striker.
    let role_after = t.joined_at(last)
        && t.units
            .get(last + 1)
            .is_some_and(|u| u.has(ROLE_TITLE) && !t.capitalised(u));
    // At a company after a role: an engineer at Mellanox.
    let employer = before == Some("at")
        && first >= 2
        && t.joined_at(first - 2)
        && t.units[first - 2].has(ROLE_TITLE);
    let club = before == Some("for")
        && first >= 2
        && t.joined_at(first - 2)
        && lower(t, first - 2).is_some_and(|w| PLAYED.contains(&w));
    if employer
        || club
        || before.is_some_and(|w| ORG_BEFORE.contains(&w))
        || (!sentence_start(t, first)
            && (after.is_some_and(|w| ORG_AFTER.contains(&w)) || role_after))
    {
        return Some(EntityKind::Organization);
    }
    // A person: several words before a verb of saying, or between a role and a comma (the
    // provincial governor, Bahram Sarmast, said).
    let titled = gap_before(t, first) == Some(",")
        && t.units[first - 1].has(ROLE_TITLE)
        && gap_before(t, last + 1) == Some(",");
    if several && (after.is_some_and(|w| SAYING.contains(&w)) || titled) {
        return Some(EntityKind::Person);
    }
    if (joined_before && place_before(t, first - 1))
        || after.is_some_and(|w| PLACE_AFTER.contains(&w))
    {
        return Some(EntityKind::Place);
    }
    None
}

/// Unit `i` is a preposition of place, or one with the article after it (in the Negev), or
/// "of" after a point of the compass (south of Haifa).
fn place_before(t: &Text<'_>, i: usize) -> bool {
    match lower(t, i) {
        Some("the") => i > 0 && t.joined_at(i - 1) && lower(t, i - 1).is_some_and(|w| w == "in"),
        Some("of") => {
            i > 0 && t.joined_at(i - 1) && lower(t, i - 1).is_some_and(|w| COMPASS.contains(&w))
        }
        Some("to" | "from") => {
            i > 0 && t.joined_at(i - 1) && lower(t, i - 1).is_some_and(|w| MOTION.contains(&w))
        }
        Some(w) => PLACE_BEFORE.contains(&w),
        None => false,
    }
}

/// The kind a list member's last unit gives the list: a known place or organisation, or an
/// organisation's head (Riyadh Air).
fn member_kind(t: &Text<'_>, u: &Unit) -> Option<EntityKind> {
    if t.script(u) != Script::Latin || !t.capitalised(u) {
        return None;
    }
    match t.kind(u) {
        Some(EntityKind::Place) => Some(EntityKind::Place),
        Some(EntityKind::Organization) => Some(EntityKind::Organization),
        Some(_) => None,
        None => u.has(ROLE_ORG_HEAD).then_some(EntityKind::Organization),
    }
}

/// The kind of a list the run is a member of (Karachi, Dhaka and Trabzon): the kind of the
/// first known member found walking back, or the context of the list's first member.
fn list_kind(t: &Text<'_>, first: usize, last: usize) -> Option<EntityKind> {
    // The member after, when it ends with a head or is known: Emirates or Qatar Airways.
    let mut next = match gap_before(t, last + 1) {
        Some(",") => last + 1,
        Some("") if lower(t, last + 1).is_some_and(|w| w == "and" || w == "or") => last + 2,
        _ => usize::MAX,
    };
    while next < t.units.len() && t.form(&t.units[next]) == "the" && t.joined_at(next - 1) {
        next += 1;
    }
    if next < t.units.len() && t.joined_at(next - 1) && t.capitalised(&t.units[next]) {
        let mut end = next;
        while t.joined_at(end) && t.units.get(end + 1).is_some_and(|u| t.capitalised(u)) {
            end += 1;
        }
        if let Some(kind) = member_kind(t, &t.units[end]) {
            return Some(kind);
        }
    }
    let mut at = first;
    for _ in 0..6 {
        // The member before: after a comma, or before "and" or "or".
        let prev_last = match gap_before(t, at)? {
            "," => at - 1,
            "" if at >= 2
                && lower(t, at - 1).is_some_and(|w| w == "and" || w == "or")
                && matches!(gap_before(t, at - 1), Some("" | ",")) =>
            {
                at - 2
            }
            _ => return None,
        };
        let u = &t.units[prev_last];
        if t.script(u) != Script::Latin || !t.capitalised(u) {
            return None;
        }
        if let Some(kind) = member_kind(t, u) {
            return Some(kind);
        }
        let mut start = prev_last;
        while start > 0 && t.joined_at(start - 1) && t.capitalised(&t.units[start - 1]) {
            start -= 1;
        }
        if start > 0 && t.joined_at(start - 1) && place_before(t, start - 1) {
            return Some(EntityKind::Place);
        }
        at = start;
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::analyse::entities::{Tagger, examples};
    use crate::document::EntityKind;

    fn kind_of(tagger: &Tagger, text: &str, name: &str) -> Option<EntityKind> {
        tagger
            .tag_text(text)
            .into_iter()
            .find(|m| m.text == name)
            .map(|m| m.kind)
    }

    #[test]
    fn a_noun_of_the_kind_or_a_role_after_makes_an_organisation() {
        let tagger = examples::tagger();
        let text = "The deal was signed by the carrier Flyzone in May. Later a former Zarqawa \
                    striker joined the club. Flyzone shares rose.";
        assert_eq!(
            kind_of(tagger, text, "Flyzone"),
            Some(EntityKind::Organization)
        );
        assert_eq!(
            kind_of(tagger, text, "Zarqawa"),
            Some(EntityKind::Organization)
        );
        // Carried: the second Flyzone, at a sentence's start, is the company too.
        let found = tagger.tag_text(text);
        assert_eq!(found.iter().filter(|m| m.text == "Flyzone").count(), 2);
        // A sentence's first word before a role is not an employer.
        let text = "Former manager Karim Lotfi left.";
        assert_eq!(kind_of(tagger, text, "Former"), None);
    }

    #[test]
    fn prepositions_of_place_and_lists_make_places() {
        let tagger = examples::tagger();
        let text = "The plant opened near Qaryat Zor on Monday, and flights go to Karachi, Dhaka \
                    and Ruwaibah.";
        assert_eq!(kind_of(tagger, text, "Qaryat Zor"), Some(EntityKind::Place));
        assert_eq!(kind_of(tagger, text, "Ruwaibah"), Some(EntityKind::Place));
        // Nationalities and languages are not places: written in Aramaic, in Japanese.
        let text = "The letter was written in Aramaic and signed in Japanese.";
        assert_eq!(kind_of(tagger, text, "Aramaic"), None);
        assert_eq!(kind_of(tagger, text, "Japanese"), None);
    }

    #[test]
    fn arabic_names_with_particles_are_people_and_places_with_place_words() {
        let tagger = examples::tagger();
        let text = "Minister of Housing Zayed bin Khalfan al-Kiyumi visited Ain al-Sahla.";
        assert_eq!(
            kind_of(tagger, text, "Zayed bin Khalfan al-Kiyumi"),
            Some(EntityKind::Person)
        );
        assert_eq!(kind_of(tagger, text, "Housing"), None);
        assert_eq!(
            kind_of(tagger, text, "Ain al-Sahla"),
            Some(EntityKind::Place)
        );
    }

    #[test]
    fn heads_compass_points_and_features_belong_to_the_name() {
        let tagger = examples::tagger();
        let text = "Ships crossed the Gulf of Aden to reach West Darfur, said Qasr Air and \
                    Marwa Labs.";
        assert_eq!(
            kind_of(tagger, text, "Gulf of Aden"),
            Some(EntityKind::Place)
        );
        assert_eq!(
            kind_of(tagger, text, "West Darfur"),
            Some(EntityKind::Place)
        );
        assert_eq!(
            kind_of(tagger, text, "Qasr Air"),
            Some(EntityKind::Organization)
        );
        assert_eq!(
            kind_of(tagger, text, "Marwa Labs"),
            Some(EntityKind::Organization)
        );
        // One name with "and" in it stays whole.
        let text = "The Ministry of Culture and Heritage said so.";
        assert_eq!(
            kind_of(tagger, text, "Ministry of Culture and Heritage"),
            Some(EntityKind::Organization)
        );
    }

    #[test]
    fn unknown_words_before_a_verb_of_saying_are_a_person() {
        let tagger = examples::tagger();
        let text = "At the meeting Dorit Zamwel told reporters the plan was ready. The regional \
                    director, Kamran Veysi, agreed.";
        assert_eq!(
            kind_of(tagger, text, "Dorit Zamwel"),
            Some(EntityKind::Person)
        );
        assert_eq!(
            kind_of(tagger, text, "Kamran Veysi"),
            Some(EntityKind::Person)
        );
        // One unknown word before "said" may be a company: it is left alone.
        let text = "Later Zentrox said it would hire.";
        assert_eq!(kind_of(tagger, text, "Zentrox"), None);
    }

    #[test]
    fn list_members_travel_words_and_employers_give_the_kind() {
        let tagger = examples::tagger();
        let text = "It competes with Zorvia or Nile Airways on flights to Marsa Qadir and \
                    Baranis. She was an engineer at Quantiva before.";
        assert_eq!(
            kind_of(tagger, text, "Zorvia"),
            Some(EntityKind::Organization)
        );
        assert_eq!(
            kind_of(tagger, text, "Marsa Qadir"),
            Some(EntityKind::Place)
        );
        assert_eq!(kind_of(tagger, text, "Baranis"), Some(EntityKind::Place));
        assert_eq!(
            kind_of(tagger, text, "Quantiva"),
            Some(EntityKind::Organization)
        );
        // "to" after a verb that is not travel says nothing: he spoke to Zorvia.
        let text = "He later spoke to Belkora about it.";
        assert_eq!(kind_of(tagger, text, "Belkora"), None);
    }

    #[test]
    fn a_sentence_opening_noun_before_of_is_left_out() {
        let tagger = examples::tagger();
        let text = "Residents of Tel Aviv voted. Shares of Nile Airways fell.";
        assert_eq!(kind_of(tagger, text, "Residents of Tel Aviv"), None);
        assert_eq!(kind_of(tagger, text, "Tel Aviv"), Some(EntityKind::Place));
        assert_eq!(
            kind_of(tagger, text, "Nile Airways"),
            Some(EntityKind::Organization)
        );
    }

    #[test]
    fn codes_with_digits_are_not_brands() {
        let tagger = examples::tagger();
        let found = tagger.tag_text("اشترت الشركة طائرات A320 من Airbus وبنادق M4.");
        assert!(
            found.iter().all(|m| m.text != "A320" && m.text != "M4"),
            "{found:?}"
        );
        assert!(found.iter().any(|m| m.text == "Airbus"), "{found:?}");
    }

    #[test]
    fn native_forms_in_brackets_follow_latin_names_found_or_carried() {
        let tagger = examples::tagger();
        let text = "The visitors walked through the City of the Dead (مدينة الموتى) at dawn. \
                    Fans of the club Zobahan cheered. Zobahan (ذوبآهن), founded in 1967, won.";
        let found = tagger.tag_text(text);
        let kind = |name: &str| found.iter().find(|m| m.text == name).map(|m| m.kind);
        assert_eq!(kind("مدينة الموتى"), Some(EntityKind::Place));
        assert_eq!(kind("ذوبآهن"), Some(EntityKind::Organization));
        // Not a Latin word in brackets after a place: a dateline's agency stays itself.
        let text = "CAIRO (Reuters) - Talks resumed.";
        assert_ne!(kind_of(tagger, text, "Reuters"), Some(EntityKind::Place));
    }

    #[test]
    fn clubs_after_sport_verbs_and_companies_with_ampersands() {
        let tagger = examples::tagger();
        let text = "He once played for Al-Nasma in Doha, and the team plays Al-Shurta next. \
                    Advisers from Harlow & Company joined.";
        assert_eq!(
            kind_of(tagger, text, "Al-Nasma"),
            Some(EntityKind::Organization)
        );
        assert_eq!(
            kind_of(tagger, text, "Al-Shurta"),
            Some(EntityKind::Organization)
        );
        assert_eq!(
            kind_of(tagger, text, "Harlow & Company"),
            Some(EntityKind::Organization)
        );
        // "for" after another verb says nothing: he voted for Al-Sabbah.
        let text = "He voted for Al-Sabbah last year.";
        assert_eq!(kind_of(tagger, text, "Al-Sabbah"), None);
    }

    #[test]
    fn feature_heads_stay_and_settlement_words_after_make_places() {
        let tagger = examples::tagger();
        let text = "Divers mapped Lake Qaroun and climbed Mount Zawiya before the city of Aden. \
                    Aid reached the Burqaya camp and Tel Saheb district.";
        assert_eq!(
            kind_of(tagger, text, "Lake Qaroun"),
            Some(EntityKind::Place)
        );
        assert_eq!(
            kind_of(tagger, text, "Mount Zawiya"),
            Some(EntityKind::Place)
        );
        assert_eq!(kind_of(tagger, text, "Aden"), Some(EntityKind::Place));
        assert_eq!(kind_of(tagger, text, "Burqaya"), Some(EntityKind::Place));
        assert_eq!(kind_of(tagger, text, "Tel Saheb"), Some(EntityKind::Place));
    }
}
