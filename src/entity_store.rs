//! How a document keeps its entity mentions: a table of small fixed-size rows and the names
//! they share, not a string per mention.
//!
//! A big article has millions of mentions of a few thousand names. A mention is kept as five
//! `u32`s and a kind (24 bytes); its text, the entity's dictionary form, is interned once per
//! distinct name. Readers see each mention as an [`EntityRef`] (the fields of an [`Entity`]
//! with the text borrowed), or as an [`Entity`] again with [`Entities::to_vec`].
//!
//! Mentions keep the order they were added in; whether that order is by `(section, block)` (the
//! tagger's is) is tracked, so a block's mentions are found by bisection
//! ([`Entities::in_block`]).

use crate::document::{Entity, EntityKind};
use std::collections::HashMap;
use std::sync::Arc;

/// The entity mentions of a document (see the module doc). Boxed, so a document without
/// entities carries one pointer for them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entities {
    table: Option<Box<Table>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Table {
    names: Vec<Arc<str>>,
    ids: HashMap<Arc<str>, u32>,
    mentions: Vec<Stored>,
    /// The mentions are in `(section, block)` order.
    sorted: bool,
}

/// No mention, for the accessors of a store that has none.
const NO_MENTIONS: &[Stored] = &[];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stored {
    section: u32,
    block: u32,
    start: u32,
    end: u32,
    name: u32,
    kind: EntityKind,
}

/// One mention as the store gives it: an [`Entity`] whose text is borrowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntityRef<'a> {
    pub text: &'a str,
    pub kind: EntityKind,
    pub section: usize,
    pub block: usize,
    pub start: usize,
    pub end: usize,
}

impl EntityRef<'_> {
    pub fn to_entity(&self) -> Entity {
        Entity {
            text: self.text.to_owned(),
            kind: self.kind,
            section: self.section,
            block: self.block,
            start: self.start,
            end: self.end,
        }
    }
}

impl<'a> From<&'a Entity> for EntityRef<'a> {
    fn from(e: &'a Entity) -> Self {
        EntityRef {
            text: &e.text,
            kind: e.kind,
            section: e.section,
            block: e.block,
            start: e.start,
            end: e.end,
        }
    }
}

/// Offsets past `u32::MAX` (a block of four billion characters) are not read: they saturate.
fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Entities {
    fn mentions(&self) -> &[Stored] {
        self.table.as_ref().map_or(NO_MENTIONS, |t| &t.mentions)
    }

    pub fn len(&self) -> usize {
        self.mentions().len()
    }

    pub fn is_empty(&self) -> bool {
        self.mentions().is_empty()
    }

    /// Whether the mentions are in `(section, block)` order.
    pub fn is_sorted(&self) -> bool {
        self.table.as_ref().is_none_or(|t| t.sorted)
    }

    /// How many distinct names the mentions share.
    pub fn names(&self) -> usize {
        self.table.as_ref().map_or(0, |t| t.names.len())
    }

    /// Adds a mention at the end.
    pub fn push(&mut self, entity: Entity) {
        self.add(
            &entity.text,
            entity.kind,
            entity.section,
            entity.block,
            entity.start..entity.end,
        );
    }

    /// Adds a mention at the end, its text given by reference (interned if new).
    pub fn add(
        &mut self,
        text: &str,
        kind: EntityKind,
        section: usize,
        block: usize,
        chars: std::ops::Range<usize>,
    ) {
        let table = self.table.get_or_insert_with(|| {
            Box::new(Table {
                names: Vec::new(),
                ids: HashMap::new(),
                mentions: Vec::new(),
                sorted: true,
            })
        });
        let name = match table.ids.get(text) {
            Some(&id) => id,
            None => {
                let id = small(table.names.len());
                let shared: Arc<str> = Arc::from(text);
                table.names.push(Arc::clone(&shared));
                table.ids.insert(shared, id);
                id
            }
        };
        let stored = Stored {
            section: small(section),
            block: small(block),
            start: small(chars.start),
            end: small(chars.end),
            name,
            kind,
        };
        if let Some(last) = table.mentions.last() {
            table.sorted &= (last.section, last.block) <= (stored.section, stored.block);
        }
        table.mentions.push(stored);
    }

    /// Gives back memory the growing table reserved and did not use.
    pub fn shrink_to_fit(&mut self) {
        if let Some(table) = &mut self.table {
            table.mentions.shrink_to_fit();
            table.names.shrink_to_fit();
        }
    }

    /// Mention `i`, in the order they were added.
    pub fn get(&self, i: usize) -> Option<EntityRef<'_>> {
        self.mentions().get(i).map(|s| self.view(s))
    }

    fn view(&self, s: &Stored) -> EntityRef<'_> {
        EntityRef {
            text: (self.table.as_ref())
                .and_then(|t| t.names.get(s.name as usize))
                .map_or("", |n| n),
            kind: s.kind,
            section: s.section as usize,
            block: s.block as usize,
            start: s.start as usize,
            end: s.end as usize,
        }
    }

    /// Every mention, in the order they were added.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = EntityRef<'_>> + Clone + '_ {
        self.mentions().iter().map(|s| self.view(s))
    }

    /// The mentions of block `block` of section `section`, with their indices, in the order
    /// they were added.
    pub fn in_block(
        &self,
        section: usize,
        block: usize,
    ) -> impl Iterator<Item = (usize, EntityRef<'_>)> + '_ {
        let key = (small(section), small(block));
        let mentions = self.mentions();
        let range = if self.is_sorted() {
            let from = mentions.partition_point(|s| (s.section, s.block) < key);
            let to = mentions.partition_point(|s| (s.section, s.block) <= key);
            from..to
        } else {
            0..mentions.len()
        };
        let found = mentions.get(range.clone()).unwrap_or_default();
        found
            .iter()
            .enumerate()
            .filter(move |(_, s)| (s.section, s.block) == key)
            .map(move |(i, s)| (range.start + i, self.view(s)))
    }

    /// Every mention as an owned [`Entity`].
    pub fn to_vec(&self) -> Vec<Entity> {
        self.iter().map(|e| e.to_entity()).collect()
    }
}

impl FromIterator<Entity> for Entities {
    fn from_iter<I: IntoIterator<Item = Entity>>(iter: I) -> Self {
        let mut entities = Entities::default();
        entities.extend(iter);
        entities.shrink_to_fit();
        entities
    }
}

impl Extend<Entity> for Entities {
    fn extend<I: IntoIterator<Item = Entity>>(&mut self, iter: I) {
        for entity in iter {
            self.push(entity);
        }
    }
}

impl From<Vec<Entity>> for Entities {
    fn from(entities: Vec<Entity>) -> Self {
        entities.into_iter().collect()
    }
}

impl<'a> IntoIterator for &'a Entities {
    type Item = EntityRef<'a>;
    type IntoIter = Box<dyn Iterator<Item = EntityRef<'a>> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(text: &str, section: usize, block: usize, start: usize) -> Entity {
        Entity {
            text: text.to_owned(),
            kind: EntityKind::Place,
            section,
            block,
            start,
            end: start + text.chars().count(),
        }
    }

    #[test]
    fn mentions_come_back_as_they_went_in_with_names_shared() {
        let given = vec![
            entity("الرقة", 0, 0, 3),
            entity("حلب", 0, 1, 0),
            entity("الرقة", 1, 0, 7),
        ];
        let store: Entities = given.clone().into();
        assert_eq!(store.to_vec(), given);
        assert_eq!(store.names(), 2);
        assert!(store.is_sorted());
        let block: Vec<_> = store.in_block(0, 1).map(|(i, e)| (i, e.text)).collect();
        assert_eq!(block, vec![(1, "حلب")]);
    }

    #[test]
    fn a_block_is_found_in_a_table_out_of_order_too() {
        let given = vec![
            entity("الرقة", 1, 0, 7),
            entity("حلب", 0, 1, 0),
            entity("دمشق", 1, 0, 0),
        ];
        let store: Entities = given.into();
        assert!(!store.is_sorted());
        let block: Vec<_> = store.in_block(1, 0).map(|(i, e)| (i, e.text)).collect();
        assert_eq!(block, vec![(0, "الرقة"), (2, "دمشق")]);
        assert_eq!(store.in_block(2, 0).count(), 0);
    }
}
