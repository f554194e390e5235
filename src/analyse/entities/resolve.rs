//! Turning candidates into mentions: overlaps resolved, people's family names and the names
//! of organisations and places introduced by a head or place noun (חברת וויקס → וויקס, منطقة
//! القصيم → القصيم) carried through the text,
//! folded offsets mapped back to characters of the original.
//!
//! Overlap rule: names the user or the article declared win; otherwise the longest span wins,
//! and on equal length the surer evidence (title rule > other rule > curated list > generated
//! list > pattern). Quotations are apart: they may contain other mentions and are reported
//! with them (nested), never cutting them.

use rustc_hash::FxHashSet;

use super::Mention;
use super::clitics::{Cuts, Script, prefix_cuts};
use super::gazetteer::{ROLE_ORG_HEAD, ROLE_PLACE_NOUN, ROLE_STOP, ROLE_TITLE};
use super::text::{Candidate, RANK_RULE, RANK_USER, Text};
use super::units::Unit;
use crate::document::EntityKind;

/// Chooses non-overlapping candidates (quotations apart), sorted by position.
pub fn resolve(candidates: Vec<Candidate>) -> Vec<Candidate> {
    // In place, in the candidates' own memory: a long text has hundreds of thousands.
    let mut others = candidates;
    let mut quotes: Vec<Candidate> = others
        .iter()
        .filter(|c| c.end > c.start && c.kind == EntityKind::Quote)
        .copied()
        .collect();
    others.retain(|c| c.end > c.start && c.kind != EntityKind::Quote);
    others.sort_by(|a, b| {
        let key = |c: &Candidate| (c.rank >= RANK_USER, c.end - c.start, c.rank);
        key(b).cmp(&key(a)).then(a.start.cmp(&b.start))
    });
    let mut taken = Taken::new(others.iter().map(|c| c.end).max().unwrap_or(0));
    // `retain` visits each candidate once, in order.
    others.retain(|c| {
        if taken.any(c.start, c.end) {
            return false;
        }
        taken.take(c.start, c.end);
        true
    });
    others.append(&mut quotes);
    others.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    others
}

/// The bytes of the folded text that chosen candidates cover, one bit each: spans are a few
/// words long, so asking about one reads a word or two of bits, where a map of spans walked
/// a tree for each of a long text's candidates.
struct Taken {
    bits: Vec<u64>,
}

impl Taken {
    /// Room for spans ending at or before `end`.
    fn new(end: usize) -> Taken {
        Taken {
            bits: vec![0; end / 64 + 1],
        }
    }

    /// The masks of the bits of `start..end`, by word index.
    fn words(start: usize, end: usize) -> impl Iterator<Item = (usize, u64)> {
        let (first, last) = (start / 64, end.saturating_sub(1) / 64);
        (first..=last).filter(move |_| end > start).map(move |w| {
            let from = if w == first { start % 64 } else { 0 };
            let to = if w == last { (end - 1) % 64 + 1 } else { 64 };
            let mask = (u64::MAX >> (64 - (to - from))) << from;
            (w, mask)
        })
    }

    /// Whether any byte of `start..end` is taken.
    fn any(&self, start: usize, end: usize) -> bool {
        Taken::words(start, end).any(|(w, mask)| self.bits.get(w).is_some_and(|b| b & mask != 0))
    }

    fn take(&mut self, start: usize, end: usize) {
        for (w, mask) in Taken::words(start, end) {
            if let Some(b) = self.bits.get_mut(w) {
                *b |= mask;
            }
        }
    }
}

/// Folded forms that name people in `chosen`: whole names and, for names of several words,
/// the last word (the family name a text goes on to use alone).
pub fn people(t: &Text<'_>, chosen: &[Candidate], into: &mut FxHashSet<String>) {
    for c in chosen.iter().filter(|c| c.kind == EntityKind::Person) {
        let Some(name) = t.text().get(c.start..c.end) else {
            continue;
        };
        insert(into, name);
        let mut words = name.rsplit(' ');
        if let Some(last) = words.next()
            && last.len() < name.len()
            && last.chars().count() >= 3
        {
            insert(into, last);
            // A family name with its joiner is used alone with it: שחר בן מאיר, then בן
            // מאיר; محمد بن سلمان, then بن سلمان.
            if let Some(joiner) = words.next()
                && FAMILY_JOINERS.contains(&joiner)
                && joiner.len() + last.len() + 1 < name.len()
            {
                into.insert(format!("{joiner} {last}"));
            }
        }
    }
}

/// Adds `name` to `into`, allocating only when it is new: a long text names the same few
/// people thousands of times.
fn insert(into: &mut FxHashSet<String>, name: &str) {
    if !into.contains(name) {
        into.insert(name.to_owned());
    }
}

/// Folded names of organisations in `chosen` that a head noun introduced: the unknown word
/// after the head (חברת וויקס, شركة ديلويت), which the text goes on to use alone.
pub fn organizations(t: &Text<'_>, chosen: &[Candidate], into: &mut FxHashSet<String>) {
    let mut cursor = UnitCursor::default();
    for c in chosen.iter().filter(|c| c.kind == EntityKind::Organization) {
        let first = cursor.first_from(t, c.start);
        let (Some(head), Some(name)) = (t.units.get(first), t.units.get(first + 1)) else {
            continue;
        };
        // A Latin name found by its context (the carrier SalamAir) is used alone again.
        if latin_single(t, head, c) {
            insert(into, t.form(head));
        }
        if head.start == c.start
            && name.end == c.end
            && head.has(ROLE_ORG_HEAD)
            && name.roles.is_none()
            && !t.definite(name)
            && t.form(name).chars().count() >= 3
        {
            insert(into, t.form(name));
        }
        // A Hebrew head, the kind of business with the article, then the name: חברת התרופות
        // טבע, whose name the text goes on to use alone.
        if let Some(last) = t.units.get(first + 2)
            && head.start == c.start
            && last.end == c.end
            && head.has(ROLE_ORG_HEAD)
            && t.script(head) == Script::Hebrew
            && t.definite(name)
            && name.roles.is_none()
            && last.roles.is_none()
            && !t.definite(last)
            && t.form(last).chars().count() >= 3
        {
            into.insert(t.form(last).to_owned());
        }
    }
}

/// The candidate is one capitalised Latin word the lists do not know, found by a rule.
fn latin_single(t: &Text<'_>, u: &Unit, c: &Candidate) -> bool {
    u.start == c.start
        && u.end == c.end
        && u.roles.is_none()
        && t.script(u) == Script::Latin
        && t.capitalised(u)
        && t.form(u).chars().count() >= 3
}

/// The first unit starting at or after a byte offset, for offsets asked in increasing order
/// (chosen candidates are sorted): a walk forward from the last answer, where a binary search
/// of a long text's units would miss the cache at every step.
#[derive(Default)]
struct UnitCursor {
    at: usize,
    last: usize,
}

impl UnitCursor {
    fn first_from(&mut self, t: &Text<'_>, start: usize) -> usize {
        if start < self.last {
            // Out of order: search afresh.
            self.at = t.units.partition_point(|u| u.start < start);
        } else {
            while t.units.get(self.at).is_some_and(|u| u.start < start) {
                self.at += 1;
            }
        }
        self.last = start;
        self.at
    }
}

/// Folded names of places that a place noun introduced (منطقة القصيم, استان ایلام): one
/// unknown word, which the text goes on to use alone.
pub fn places(t: &Text<'_>, chosen: &[Candidate], into: &mut FxHashSet<String>) {
    let mut cursor = UnitCursor::default();
    for c in chosen.iter().filter(|c| c.kind == EntityKind::Place) {
        let at = cursor.first_from(t, c.start);
        let (Some(name), Some(before)) = (t.units.get(at), at.checked_sub(1)) else {
            continue;
        };
        if latin_single(t, name, c) {
            insert(into, t.form(name));
        }
        if name.start == c.start
            && name.end == c.end
            && name.roles.is_none()
            && t.units[before].has(ROLE_PLACE_NOUN)
            && t.joined_at(before)
            && t.form(name).chars().count() >= 3
        {
            insert(into, t.form(name));
        }
        // A desert, a mountain or a lake named with its head (دشت لوت, کوه دماوند) is named
        // by its name alone further on (لوت).
        if let Some(last) = t.units.get(at + 1)
            && name.start == c.start
            && last.end == c.end
            && super::features::natural_feature(t, at)
            && last.roles.is_none()
            && t.form(last).chars().count() >= 3
        {
            insert(into, t.form(last));
        }
    }
}

/// Words that join a family name to the word before it and stay with it when it is used
/// alone (folded).
const FAMILY_JOINERS: &[&str] = &["בן", "בר", "بن", "ابن", "ابو", "אבו"];

/// Unknown words (prefixes cut) that are names of people already found become people too.
pub fn carry_people(t: &Text<'_>, names: &FxHashSet<String>, chosen: &mut Vec<Candidate>) {
    carry(t, names, EntityKind::Person, chosen);
}

/// Unknown words (prefixes cut) that are names already found become mentions of `kind`.
pub fn carry(
    t: &Text<'_>,
    names: &FxHashSet<String>,
    kind: EntityKind,
    chosen: &mut Vec<Candidate>,
) {
    if names.is_empty() {
        return;
    }
    let shapes = Shapes::new(names);
    // Chosen spans in order, quotations aside; units come in order too, so one cursor walks
    // both: `next` is the first span not ending before the unit, `before` the one before it.
    let mut next = 0;
    let mut before: Option<&Candidate> = None;
    let mut added = Vec::new();
    for (i, u) in t.units.iter().enumerate() {
        while let Some(c) = chosen.get(next)
            && (c.kind == EntityKind::Quote || c.end <= u.start)
        {
            if c.kind != EntityKind::Quote {
                before = Some(c);
            }
            next += 1;
        }
        let covered = chosen.get(next).is_some_and(|c| c.start < u.end);
        if covered
            || u.roles
                .is_some_and(|r| r.kind.is_some() || r.bits & (ROLE_STOP | ROLE_TITLE) != 0)
        {
            continue;
        }
        let form = t.form(u);
        if t.script(u) == Script::Latin && !t.capitalised(u) {
            continue;
        }
        let cuts = if t.persian {
            Cuts::default()
        } else {
            prefix_cuts(form)
        };
        let cut = std::iter::once(0).chain(cuts).find(|&cut| {
            form.get(cut..)
                .is_some_and(|rest| shapes.may_hold(rest) && names.contains(rest))
        });
        if let Some(cut) = cut {
            let mut start = u.start + cut;
            // Its joiner before it, when the name was known with it (בן מאיר).
            if kind == EntityKind::Person
                && cut == 0
                && i > 0
                && t.joined_at(i - 1)
                && let Some(prev) = t.units.get(i - 1)
                && FAMILY_JOINERS.contains(&t.form(prev))
                && names.contains(&format!("{} {form}", t.form(prev)))
                && before.is_none_or(|c| c.end <= prev.start)
            {
                start = prev.start;
            }
            added.push(Candidate {
                start,
                end: u.end,
                kind,
                rank: RANK_RULE,
                elided: false,
            });
        }
    }
    if !added.is_empty() {
        chosen.append(&mut added);
        chosen.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    }
}

/// The shapes of a set of names (length, first and last byte), one bit each: most words of a
/// long text are told apart from a few dozen names by one bit, without hashing the word.
struct Shapes {
    bits: [u64; 64],
}

impl Shapes {
    fn new(names: &FxHashSet<String>) -> Shapes {
        let mut shapes = Shapes { bits: [0; 64] };
        for name in names {
            let (word, bit) = Shapes::bit(name);
            shapes.bits[word] |= bit;
        }
        shapes
    }

    fn bit(name: &str) -> (usize, u64) {
        let bytes = name.as_bytes();
        let first = bytes.first().copied().unwrap_or(0);
        let last = bytes.last().copied().unwrap_or(0);
        let shape = (bytes.len() * 31 + usize::from(first)) * 31 + usize::from(last);
        ((shape / 64) % 64, 1 << (shape % 64))
    }

    /// False when `name` is surely not in the set.
    fn may_hold(&self, name: &str) -> bool {
        let (word, bit) = Shapes::bit(name);
        self.bits[word] & bit != 0
    }
}

/// Maps chosen candidates to mentions over the original text, in character offsets.
pub fn mentions(t: &Text<'_>, chosen: &[Candidate]) -> Vec<Mention> {
    // Chosen candidates are in order: each range is looked for from the last.
    let mut near = 0;
    let ranges: Vec<(std::ops::Range<usize>, &Candidate)> = chosen
        .iter()
        .map(|c| (t.folded.original_range_near(c.start..c.end, &mut near), c))
        .collect();
    let mut offsets: Vec<usize> = ranges.iter().flat_map(|(r, _)| [r.start, r.end]).collect();
    offsets.sort_unstable();
    offsets.dedup();
    // Byte offset → character offset, counted in one walk.
    let mut chars_at = Vec::with_capacity(offsets.len());
    let (mut byte, mut count) = (0usize, 0usize);
    for &target in &offsets {
        let piece = t.original.get(byte..target).unwrap_or_default();
        count += piece.chars().count();
        byte = target;
        chars_at.push(count);
    }
    let char_of = |b: usize| {
        offsets
            .binary_search(&b)
            .ok()
            .and_then(|i| chars_at.get(i).copied())
            .unwrap_or(0)
    };
    ranges
        .into_iter()
        .filter_map(|(range, c)| {
            let original = t.original.get(range.clone())?.trim_end();
            let mut text = String::with_capacity(original.len() + 2);
            if c.elided {
                text.push('ا');
            }
            text.push_str(original);
            let start = char_of(range.start);
            let end = start + original.chars().count();
            Some(Mention {
                start,
                end: end.max(start),
                kind: c.kind,
                text,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn taken_bytes_answer_overlaps_as_spans_do() {
        let spans = [
            (3, 9),
            (60, 70),
            (127, 129),
            (200, 330),
            (64, 65),
            (0, 1),
            (9, 10),
        ];
        let mut taken = Taken::new(400);
        let mut kept: Vec<(usize, usize)> = Vec::new();
        for (start, end) in spans {
            let overlaps = kept.iter().any(|&(s, e)| s < end && start < e);
            assert_eq!(taken.any(start, end), overlaps, "{start}..{end}");
            if !overlaps {
                taken.take(start, end);
                kept.push((start, end));
            }
        }
        assert_eq!(kept.len(), 6);
        assert!(!taken.any(10, 60) && !taken.any(129, 200) && !taken.any(330, 400));
        assert!(taken.any(329, 331) && taken.any(128, 129) && taken.any(0, 400));
    }
}
