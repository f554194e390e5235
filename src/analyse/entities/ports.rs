//! Ports, named with their head noun as the gold conventions name geographic features: נמל
//! חיפה, נמל המפרץ, بندر شهید رجایی, بندر امام خمینی. The head alone (הנמל, بندر) is the
//! port already named, or any port, and never a place by itself.
//!
//! Rules, in order:
//! 1. Hebrew: the head is not behind the article (הנמל יימכר is not a name).
//! 2. A known place written without prefix letters closes the name: נמל אשדוד, بندر بوشهر.
//! 3. Hebrew: else one word with the article closed by punctuation, a particle or a
//!    preposition (נמל המפרץ, נמל הדרום).
//! 4. Persian: else one or two name words, given names or unknown, closed the same way
//!    (بندر شهید رجایی در …); a stop word or a light verb after the head ends it.

use super::clitics::Script;
use super::context::before_light_verb;
use super::gazetteer::{ROLE_FIRST_NAME, ROLE_PLACE_NOUN, ROLE_STOP, ROLE_TITLE};
use super::text::{Candidate, RANK_RULE, Text};
use super::units::Unit;
use crate::document::EntityKind;

/// Port heads in folded form: Hebrew נמל, Persian بندر.
const PORTS: &[&str] = &["נמל", "بندر"];

/// Whether unit `u` is a port's head (Persian only for بندر, an Arabic given name).
pub fn is_port_head(t: &Text<'_>, u: &Unit) -> bool {
    let form = t.form(u);
    match t.script(u) {
        Script::Hebrew => form == PORTS[0],
        Script::Arabic => t.persian && !t.urdu && form == PORTS[1],
        _ => false,
    }
}

/// The port named from head unit `i`, when its name follows.
pub fn port(t: &Text<'_>, i: usize, out: &mut Vec<Candidate>) {
    let head = &t.units[i];
    if !t.joined_at(i) {
        return;
    }
    let Some(next) = t.units.get(i + 1) else {
        return;
    };
    let hebrew = t.script(head) == Script::Hebrew;
    if hebrew && t.prefix(head).ends_with('ה') {
        return;
    }
    // Closed after unit `j`: punctuation, the end, a stop word or a preposition.
    let closed = |j: usize| {
        !t.joined_at(j)
            || t.units
                .get(j + 1)
                .is_none_or(|n| n.has(ROLE_STOP) || t.prepositional(n) || t.conjoined(n))
    };
    let end = if t.kind(next) == Some(EntityKind::Place) && t.prefix(next).is_empty() {
        i + 1
    } else if hebrew {
        let plain = next
            .roles
            .is_none_or(|r| r.kind.is_none() && r.bits & !(ROLE_PLACE_NOUN | ROLE_FIRST_NAME) == 0);
        if !(plain && t.definite(next) && !t.number(next) && closed(i + 1)) {
            return;
        }
        i + 1
    } else {
        let word = |j: usize| {
            t.units.get(j).is_some_and(|u| {
                t.script(u) == Script::Arabic
                    && !t.number(u)
                    && !u.has(ROLE_STOP)
                    && !before_light_verb(t, j)
                    && u.roles.is_none_or(|r| {
                        r.kind.is_none() && r.bits & !(ROLE_FIRST_NAME | ROLE_TITLE) == 0
                    })
            })
        };
        if !word(i + 1) {
            return;
        }
        if t.joined_at(i + 1) && word(i + 2) && closed(i + 2) {
            i + 2
        } else if closed(i + 1) {
            i + 1
        } else {
            return;
        }
    };
    let first = &t.units[i];
    let last = &t.units[end];
    out.push(Candidate {
        start: first.start,
        end: last.end,
        kind: EntityKind::Place,
        rank: RANK_RULE,
        elided: false,
    });
}
