//! What the tagger finds in example sentences, for the rules' unit tests: one tagger built
//! once for all of them (building it is the slow part of a test).

use super::Tagger;
use crate::document::EntityKind;
use std::sync::OnceLock;

/// The tagger of the built-in lists, built on first use.
pub fn tagger() -> &'static Tagger {
    static TAGGER: OnceLock<Tagger> = OnceLock::new();
    TAGGER.get_or_init(|| Tagger::new(&[]))
}

/// Every mention of `text` as its kind and text, in order.
pub fn found(text: &str) -> Vec<(EntityKind, String)> {
    tagger()
        .tag_text(text)
        .into_iter()
        .map(|m| (m.kind, m.text))
        .collect()
}

/// The mentions of `text` of one kind, in order.
pub fn of_kind(text: &str, kind: EntityKind) -> Vec<String> {
    tagger()
        .tag_text(text)
        .into_iter()
        .filter(|m| m.kind == kind)
        .map(|m| m.text)
        .collect()
}
