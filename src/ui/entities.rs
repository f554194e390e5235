//! The entity panel's contents: the document's entities grouped by type, with counts.
//!
//! Rows are a type header (all mentions of that type) followed by each distinct entity of that
//! type (mentions compared in folded form, so spellings with and without harakat count as one),
//! most mentioned first. An entity is labelled with its most frequent spelling; between equally
//! frequent ones, the plainest (fewest marks, then shortest), so سوريا is not shown as the
//! inflected سورياً. Each row knows its mentions (indices into the document's entities, their
//! places worked out when asked) for "jump to the next mention".

use super::search::{self, Spot};
use crate::document::{Document, EntityKind};
use crate::fold;
use std::collections::HashMap;

/// One row of the entity panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntityRow {
    /// A type and how many mentions it has.
    Kind { kind: EntityKind, count: usize },
    /// One entity (its label, see the module doc) and its mentions, as indices into the
    /// document's [`Entities`](crate::document::Entities) in reading order (a big article has
    /// millions: their places are worked out when they are asked for, see
    /// [`EntityList::mentions`]).
    Name {
        kind: EntityKind,
        text: String,
        mentions: Vec<u32>,
    },
}

/// All rows, in panel order.
#[derive(Debug, Clone, Default)]
pub struct EntityList {
    pub rows: Vec<EntityRow>,
}

impl EntityList {
    pub fn new(doc: &Document) -> Self {
        let mut rows = Vec::new();
        for kind in EntityKind::ALL {
            let mut names: Vec<Group> = Vec::new();
            let mut keys: Vec<String> = Vec::new();
            // Folding is paid once per distinct spelling, not once per mention.
            let mut index: HashMap<&str, usize> = HashMap::new();
            let mut by_key: HashMap<String, usize> = HashMap::new();
            for (i, entity) in doc.entities.iter().enumerate() {
                if entity.kind != kind || search::entity_spot(doc, &entity).is_none() {
                    continue;
                }
                let at = match index.get(entity.text) {
                    Some(&at) => at,
                    None => {
                        let key = fold::fold_query(entity.text);
                        let at = *by_key.entry(key.clone()).or_insert_with(|| {
                            names.push(Group::default());
                            keys.push(key);
                            names.len() - 1
                        });
                        index.insert(entity.text, at);
                        at
                    }
                };
                names[at].add(entity.text, u32::try_from(i).unwrap_or(u32::MAX));
            }
            if kind == EntityKind::Person {
                names = merge_surnames(doc, names, &keys);
            }
            if names.is_empty() {
                continue;
            }
            let count = names.iter().map(|g| g.mentions.len()).sum();
            rows.push(EntityRow::Kind { kind, count });
            // Stable sort: equally frequent names stay in order of first mention.
            names.sort_by_key(|g| std::cmp::Reverse(g.mentions.len()));
            rows.extend(names.into_iter().map(|g| EntityRow::Name {
                kind,
                text: g.label(),
                mentions: g.mentions,
            }));
        }
        EntityList { rows }
    }

    /// The mentions a row stands for, in reading order: one entity's, or a whole type's.
    pub fn mentions(&self, doc: &Document, row: usize) -> Vec<Spot> {
        let spots = |indices: &mut dyn Iterator<Item = u32>| -> Vec<Spot> {
            indices
                .filter_map(|i| doc.entities.get(i as usize))
                .filter_map(|e| search::entity_spot(doc, &e))
                .collect()
        };
        match self.rows.get(row) {
            Some(EntityRow::Name { mentions, .. }) => spots(&mut mentions.iter().copied()),
            Some(EntityRow::Kind { kind, .. }) => {
                let mut all: Vec<u32> = self
                    .rows
                    .iter()
                    .filter_map(|r| match r {
                        EntityRow::Name {
                            kind: k, mentions, ..
                        } if k == kind => Some(mentions),
                        _ => None,
                    })
                    .flatten()
                    .copied()
                    .collect();
                // Each name's mentions are in order; together they must be too.
                all.sort_by_key(|&i| reading_order(doc, i));
                spots(&mut all.into_iter())
            }
            None => Vec::new(),
        }
    }
}

/// People named by surname alone (لافروف) join the one full name that ends with it (سيرغي
/// لافروف), under the full name's label, their mentions in reading order. A surname two full
/// names share stays on its own: which of them is meant is not known.
fn merge_surnames(doc: &Document, mut names: Vec<Group>, keys: &[String]) -> Vec<Group> {
    // The last word of each full name, with the name it ends: `None` once two share it.
    let mut ends: HashMap<&str, Option<usize>> = HashMap::new();
    for (j, key) in keys.iter().enumerate() {
        if let Some((_, last)) = key.rsplit_once(' ') {
            ends.entry(last)
                .and_modify(|full| *full = None)
                .or_insert(Some(j));
        }
    }
    for (i, key) in keys.iter().enumerate() {
        let full = ends.get(key.as_str()).copied().flatten();
        if let Some(j) = full.filter(|_| !key.contains(' ')) {
            let moved = std::mem::take(&mut names[i].mentions);
            names[j].mentions.extend(moved);
            names[j].mentions.sort_by_key(|&m| reading_order(doc, m));
        }
    }
    names.retain(|g| !g.mentions.is_empty());
    names
}

/// The order mentions are read in: section, block, then character (which decides the part
/// and the byte within it).
fn reading_order(doc: &Document, mention: u32) -> (usize, usize, usize) {
    doc.entities
        .get(mention as usize)
        .map_or((usize::MAX, 0, 0), |e| (e.section, e.block, e.start))
}

/// The mentions of one entity and how often each spelling of it occurs.
#[derive(Default)]
struct Group {
    /// Spellings in order of first mention, with their counts.
    spellings: Vec<(String, usize)>,
    mentions: Vec<u32>,
}

impl Group {
    fn add(&mut self, text: &str, mention: u32) {
        match self.spellings.iter_mut().find(|(s, _)| s == text) {
            Some((_, n)) => *n += 1,
            None => self.spellings.push((text.to_owned(), 1)),
        }
        self.mentions.push(mention);
    }

    /// The most frequent spelling, ties to the one with the fewest marks, then the shortest,
    /// then the first mentioned.
    fn label(&self) -> String {
        let marks = |s: &str| s.chars().filter(|&c| fold::is_ignored(c)).count();
        self.spellings
            .iter()
            .enumerate()
            .min_by_key(|(i, (s, n))| (std::cmp::Reverse(*n), marks(s), s.chars().count(), *i))
            .map(|(_, (s, _))| s.clone())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Block, Entity, RichText, Section};

    /// One paragraph holding `words`, each tagged as a place.
    fn places(words: &[&str]) -> Document {
        let text = words.join(" ");
        let mut entities = Vec::new();
        let mut start = 0;
        for word in words {
            let end = start + word.chars().count();
            entities.push(Entity {
                text: (*word).to_owned(),
                kind: EntityKind::Place,
                section: 0,
                block: 0,
                start,
                end,
            });
            start = end + 1;
        }
        Document {
            sections: vec![Section {
                heading: None,
                level: 1,
                blocks: vec![Block::Paragraph(RichText::plain(text))],
            }],
            entities: entities.into(),
            ..Document::default()
        }
    }

    fn labels(doc: &Document) -> Vec<(String, usize)> {
        EntityList::new(doc)
            .rows
            .into_iter()
            .filter_map(|row| match row {
                EntityRow::Name { text, mentions, .. } => Some((text, mentions.len())),
                EntityRow::Kind { .. } => None,
            })
            .collect()
    }

    #[test]
    fn an_entity_is_labelled_with_its_most_frequent_spelling() {
        let doc = places(&["سورياً", "سوريا", "سوريا", "سورياً", "سوريا"]);
        assert_eq!(labels(&doc), vec![("سوريا".to_owned(), 5)]);
    }

    #[test]
    fn equally_frequent_spellings_give_the_plainest_label() {
        let doc = places(&["سورياً", "سوريا"]);
        assert_eq!(labels(&doc), vec![("سوريا".to_owned(), 2)]);
        let doc = places(&["الرَّقَّة", "الرقة", "حلب"]);
        assert_eq!(
            labels(&doc),
            vec![("الرقة".to_owned(), 2), ("حلب".to_owned(), 1)]
        );
    }

    /// `words` tagged as people.
    fn people(words: &[&str]) -> Document {
        let mut doc = places(words);
        let mut entities = doc.entities.to_vec();
        entities
            .iter_mut()
            .for_each(|e| e.kind = EntityKind::Person);
        doc.entities = entities.into();
        doc
    }

    #[test]
    fn a_surname_alone_joins_the_one_full_name_it_ends() {
        let doc = people(&[
            "لافروف",
            "سيرغي لافروف",
            "محمد",
            "لافروف",
            "محمد عثمان الطيب",
            "الطيب",
        ]);
        assert_eq!(
            labels(&doc),
            vec![
                ("سيرغي لافروف".to_owned(), 3),
                ("محمد عثمان الطيب".to_owned(), 2),
                ("محمد".to_owned(), 1),
            ]
        );
        let list = EntityList::new(&doc);
        let starts: Vec<usize> = list
            .mentions(&doc, 1)
            .iter()
            .map(|s| s.range.start)
            .collect();
        assert!(starts.is_sorted(), "mentions in reading order: {starts:?}");
        let starts: Vec<usize> = list
            .mentions(&doc, 0)
            .iter()
            .map(|s| s.range.start)
            .collect();
        assert!(
            starts.is_sorted(),
            "a type's mentions in reading order: {starts:?}"
        );
        // Two full names end in the same surname: it stays on its own.
        let doc = people(&["أحمد حسن", "علي حسن", "حسن"]);
        assert_eq!(labels(&doc).len(), 3);
        // Places are not people: no merging.
        let doc = places(&["عمان", "سلطنة عمان"]);
        assert_eq!(labels(&doc).len(), 2);
    }
}
