//! The entity panel's contents: the document's entities grouped by type, with counts.
//!
//! Rows are a type header (all mentions of that type) followed by each distinct entity of that
//! type (mentions compared in folded form, so spellings with and without harakat count as one),
//! most mentioned first. Each row knows its mentions' locations for "jump to the next mention".

use super::search::{self, Spot};
use crate::document::{Document, EntityKind};
use crate::fold;
use std::collections::HashMap;

/// One row of the entity panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntityRow {
    /// A type and how many mentions it has.
    Kind { kind: EntityKind, count: usize },
    /// One entity (as first written) and its mentions.
    Name {
        kind: EntityKind,
        text: String,
        mentions: Vec<Spot>,
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
            let mut names: Vec<(String, String, Vec<Spot>)> = Vec::new();
            let mut index: HashMap<String, usize> = HashMap::new();
            for entity in doc.entities.iter().filter(|e| e.kind == kind) {
                let Some(spot) = search::entity_spot(doc, entity) else {
                    continue;
                };
                let key = fold::fold_query(&entity.text);
                match index.get(&key) {
                    Some(at) => names[*at].2.push(spot),
                    None => {
                        index.insert(key.clone(), names.len());
                        names.push((key, entity.text.clone(), vec![spot]));
                    }
                }
            }
            if names.is_empty() {
                continue;
            }
            let count = names.iter().map(|(_, _, m)| m.len()).sum();
            rows.push(EntityRow::Kind { kind, count });
            // Stable sort: equally frequent names stay in order of first mention.
            names.sort_by_key(|(_, _, mentions)| std::cmp::Reverse(mentions.len()));
            rows.extend(
                names
                    .into_iter()
                    .map(|(_, text, mentions)| EntityRow::Name {
                        kind,
                        text,
                        mentions,
                    }),
            );
        }
        EntityList { rows }
    }

    /// The mentions a row stands for: one entity's, or a whole type's.
    pub fn mentions(&self, row: usize) -> Vec<Spot> {
        match self.rows.get(row) {
            Some(EntityRow::Name { mentions, .. }) => mentions.clone(),
            Some(EntityRow::Kind { kind, .. }) => self
                .rows
                .iter()
                .filter_map(|r| match r {
                    EntityRow::Name {
                        kind: k, mentions, ..
                    } if k == kind => Some(mentions),
                    _ => None,
                })
                .flatten()
                .cloned()
                .collect(),
            None => Vec::new(),
        }
    }
}
