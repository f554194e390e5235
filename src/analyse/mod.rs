//! The analyse stage: what an article is about, found in its logical-order text. Owns entity
//! tagging ([`entities`]); reads a [`Document`] and fills in what it finds, never touching the
//! text itself.

pub mod entities;

use crate::document::Document;
use entities::Tagger;

/// Tags the entities of `doc` (replacing any it had).
pub fn analyse(doc: &mut Document, tagger: &Tagger) {
    doc.entities = tagger.tag_document(doc);
}
