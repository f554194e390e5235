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
        while k < units.len() && t.joined_at(k - 1) {
            if capital(&units[k]) || t.form(&units[k]).starts_with("al-") {
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
    // Two people joined by "and" are two names: Hassan al-Sisi and Abu Bakr al-Baghdadi.
    if units[0].has(ROLE_FIRST_NAME)
        && let Some(and) = units.iter().position(|u| t.form(u) == "and")
        && and > 0
        && first + and < last
        && t.capitalised(&t.units[first + and + 1])
    {
        classify(t, first, first + and - 1, out);
        classify(t, first + and + 1, last, out);
        return;
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
        if start <= last
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
    }
}
