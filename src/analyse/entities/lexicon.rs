//! The phrase set, in matching form (see [`crate::fold`]): one-word phrases in a hash map,
//! phrases of several words in an Aho-Corasick automaton.
//!
//! Phrases are folded once at build time and merged: a folded phrase has one set of
//! [`Roles`], the union of its lines, with the surest source's entity type. Lookups are
//! anchored at a word start and take the longest phrase that ends on a word end, so "تل أبيض"
//! wins over a shorter "تل", and "حلبان" never matches "حلب". Four phrases in five are one
//! word: hashing them keeps the automaton small, which is what makes start-up fast (building
//! an automaton costs time per state, a hash map almost nothing), and a word is looked up
//! with one hash instead of a walk.

use std::collections::HashMap;

use rustc_hash::FxBuildHasher;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

use super::gazetteer::{Entry, Roles};
use super::units::{ends_word, words};
use crate::fold::fold_query;

/// What the lexicon knows about one word.
#[derive(Debug, Clone, Copy, Default)]
struct WordInfo {
    /// The word is itself a phrase.
    roles: Option<Roles>,
    /// Some phrase of several words starts with it: only then is the automaton asked.
    starts_phrase: bool,
}

/// The compiled phrase set.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// One-word phrases and first words of longer phrases.
    words: HashMap<String, WordInfo, FxBuildHasher>,
    /// Phrases of several words, and their roles by pattern id.
    automaton: Option<AhoCorasick>,
    phrase_roles: Vec<Roles>,
}

impl Lexicon {
    /// Folds, merges and compiles `entries`.
    pub fn build(entries: &[Entry]) -> Lexicon {
        let mut single: HashMap<String, WordInfo, FxBuildHasher> =
            HashMap::with_capacity_and_hasher(entries.len(), FxBuildHasher);
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut phrase_roles: Vec<Roles> = Vec::new();
        for entry in entries {
            let folded = normalise_spaces(fold_query(&entry.phrase));
            if folded.is_empty() {
                continue;
            }
            let found = words(&folded);
            if let [word] = found.as_slice()
                && word.start() == 0
                && word.end() == folded.len()
            {
                let info = single.entry(folded).or_default();
                merge(info.roles.get_or_insert_with(Roles::default), &entry.roles);
                continue;
            }
            if let Some(head) = found.first().filter(|w| w.start() == 0)
                && let Some(head) = folded.get(..head.end())
            {
                single.entry(head.to_owned()).or_default().starts_phrase = true;
            }
            let id = *index.entry(folded.clone()).or_insert_with(|| {
                patterns.push(folded);
                phrase_roles.push(Roles::default());
                phrase_roles.len() - 1
            });
            merge(&mut phrase_roles[id], &entry.roles);
        }
        // Searches only ever start at a word start: an anchored automaton; a contiguous NFA
        // builds fastest for thousands of short patterns.
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns)
            .ok();
        Lexicon {
            words: single,
            automaton,
            phrase_roles,
        }
    }

    /// The number of distinct folded phrases.
    pub fn len(&self) -> usize {
        self.words.values().filter(|w| w.roles.is_some()).count() + self.phrase_roles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The longest phrase starting exactly at `start` of `text` and ending on a word end, as
    /// its end offset and roles. `word_end` is the end of the word `start` is in.
    pub fn phrase_at(&self, text: &str, start: usize, word_end: usize) -> Option<(usize, Roles)> {
        let info = self.words.get(text.get(start..word_end)?)?;
        if info.starts_phrase
            && let Some(found) = self.longest_phrase(text, start)
        {
            return Some(found);
        }
        Some((word_end, info.roles?))
    }

    /// The longest phrase of several words at `start`.
    fn longest_phrase(&self, text: &str, start: usize) -> Option<(usize, Roles)> {
        let automaton = self.automaton.as_ref()?;
        let mut limit = text.len();
        while start < limit {
            let input = Input::new(text).range(start..limit).anchored(Anchored::Yes);
            let found = automaton.try_find(input).ok()??;
            if ends_word(text, found.end()) {
                return Some((
                    found.end(),
                    *self.phrase_roles.get(found.pattern().as_usize())?,
                ));
            }
            // It ran into the middle of a word; look for a shorter one.
            limit = found.end() - 1;
        }
        None
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
fn normalise_spaces(s: String) -> String {
    if s.contains(['\t', '\n']) || s.contains("  ") || s.starts_with(' ') || s.ends_with(' ') {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        s
    }
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
            entry("حلب", EntityKind::Place),
        ]);
        let text = fold_query("مدينة تل ابيض الحدودية وحلبان");
        let at = text.find("تل").expect("present");
        let word_end = at + "تل".len();
        let (end, roles) = lexicon.phrase_at(&text, at, word_end).expect("match");
        assert_eq!(text.get(at..end), Some("تل ابيض"));
        assert_eq!(roles.kind.map(|k| k.0), Some(EntityKind::Place));
        let at = text.find("حلبان").expect("present");
        assert!(lexicon.phrase_at(&text, at, text.len()).is_none());
        assert!(lexicon.phrase_at(&text, at, at + "حلب".len()).is_some());
    }
}
