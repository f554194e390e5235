//! The analyse stage: what an article is about, found in its logical-order text. Owns entity
//! tagging ([`entities`]); reads a [`Document`] and fills in what it finds, never touching the
//! text itself.

pub mod entities;

use crate::document::{Document, EntityKind};
use entities::Tagger;

/// Tags the entities of `doc` (replacing any it had).
pub fn analyse(doc: &mut Document, tagger: &Tagger) {
    let found = tagger.entities(doc).collect();
    doc.entities = found;
}

/// The names of the user gazetteer in the config directory (see
/// [`entities::user_gazetteer_path`]); none when there is no such file. A file that cannot be
/// read or has a bad line gives no names and a one-line problem to show the user, because a
/// broken word list must not stop anyone reading.
pub fn user_names() -> (Vec<(String, EntityKind)>, Option<String>) {
    let Some(path) = entities::user_gazetteer_path() else {
        return (Vec::new(), None);
    };
    match entities::read_user_gazetteer(&path) {
        Ok(names) => (names, None),
        Err(e) => (Vec::new(), Some(format!("gazetteer: {e}"))),
    }
}

/// The tagger a run uses: the built-in lists plus the user gazetteer, with the gazetteer's
/// problem if it has one. (The names the document declares are applied per document by
/// [`Tagger::tag_document`].)
pub fn configured_tagger() -> (Tagger, Option<String>) {
    let (names, problem) = user_names();
    (Tagger::new(&names), problem)
}
