//! The automaton over every known phrase, in matching form (see [`crate::fold`]).
//!
//! Phrases are folded once at build time and merged: a folded phrase has one set of
//! [`Roles`], the union of its lines, with the surest source's entity type. Lookups are
//! anchored at a word start and take the longest phrase that ends on a word end, so "تل أبيض"
//! wins over a shorter "تل", and "حلبان" never matches "حلب".

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

use super::gazetteer::{Entry, Roles};
use crate::fold::fold_query;

/// The compiled phrase set.
#[derive(Debug, Clone)]
pub struct Lexicon {
    automaton: Option<AhoCorasick>,
    roles: Vec<Roles>,
}

impl Lexicon {
    /// Folds, merges and compiles `entries`.
    pub fn build(entries: &[Entry]) -> Lexicon {
        let mut index: HashMap<String, usize> = HashMap::with_capacity(entries.len());
        let mut patterns: Vec<String> = Vec::with_capacity(entries.len());
        let mut roles: Vec<Roles> = Vec::with_capacity(entries.len());
        for entry in entries {
            let folded = normalise_spaces(&fold_query(&entry.phrase));
            if folded.is_empty() {
                continue;
            }
            let id = *index.entry(folded.clone()).or_insert_with(|| {
                patterns.push(folded);
                roles.push(Roles::default());
                roles.len() - 1
            });
            merge(&mut roles[id], &entry.roles);
        }
        // An anchored contiguous NFA: the search only ever starts at a word start, and this
        // kind builds fastest for tens of thousands of short patterns.
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns)
            .ok();
        Lexicon { automaton, roles }
    }

    /// The number of distinct folded phrases.
    pub fn len(&self) -> usize {
        self.roles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.roles.is_empty()
    }

    /// The longest phrase starting exactly at `start` and ending before `limit`, as its end
    /// offset and roles.
    pub fn longest_at(&self, haystack: &str, start: usize, limit: usize) -> Option<(usize, Roles)> {
        let automaton = self.automaton.as_ref()?;
        if start >= limit || limit > haystack.len() {
            return None;
        }
        let input = Input::new(haystack)
            .range(start..limit)
            .anchored(Anchored::Yes);
        let found = automaton.try_find(input).ok()??;
        let roles = *self.roles.get(found.pattern().as_usize())?;
        Some((found.end(), roles))
    }
}

fn merge(into: &mut Roles, from: &Roles) {
    into.bits |= from.bits;
    if from.month != 0 {
        into.month = from.month;
    }
    if let Some((kind, source)) = from.kind {
        let replace = into.kind.is_none_or(|(_, old)| source > old);
        if replace {
            into.kind = Some((kind, source));
        }
    }
    // A name must keep its capitals even if a context word of the same spelling does not.
    if from.kind.is_some() || into.caps == super::gazetteer::Caps::Any {
        into.caps = from.caps;
    }
}

/// Folded phrases keep single spaces between words, the way they are matched in text.
fn normalise_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::entities::gazetteer::{Caps, Source};
    use crate::document::EntityKind;

    fn entry(phrase: &str, kind: EntityKind) -> Entry {
        Entry {
            phrase: phrase.to_owned(),
            roles: Roles {
                kind: Some((kind, Source::Curated)),
                caps: Caps::Any,
                ..Roles::default()
            },
        }
    }

    #[test]
    fn longest_phrase_at_a_position_wins_and_folding_applies() {
        let lexicon = Lexicon::build(&[
            entry("تل", EntityKind::Place),
            entry("تل أبيض", EntityKind::Place),
        ]);
        let text = fold_query("مدينة تل ابيض الحدودية");
        let at = text.find("تل").expect("present");
        let (end, roles) = lexicon.longest_at(&text, at, text.len()).expect("match");
        assert_eq!(text.get(at..end), Some("تل ابيض"));
        assert_eq!(roles.kind.map(|k| k.0), Some(EntityKind::Place));
        assert!(lexicon.longest_at(&text, at + 2, text.len()).is_none());
    }
}
