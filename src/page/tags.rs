//! Style tags for one text: its role, inline marks (emphasis, strong, code, link) and entity
//! mentions, flattened into non-overlapping [`TagSpan`]s that cover the whole text.
//!
//! Flattening here means the layout engine never has to decide between overlapping tags: every
//! byte has exactly one tag, the union of everything that covers it.

use super::Tag;
use crate::document::{EntityKind, Inline};
use crate::layout::TagSpan;
use std::ops::Range;

/// An entity mention as a char range of a block's plain text (as the document stores it).
pub(super) type Mention = (Range<usize>, EntityKind);

/// An entity mention as a byte range of one text.
pub(super) type EntitySpan = (Range<usize>, EntityKind);

/// The tag spans of `text`: `base` everywhere, plus the inline marks and entities covering each
/// byte. Ranges off the text or off char boundaries are ignored (they come from loaders).
pub(super) fn tag_spans(
    text: &str,
    base: Tag,
    inlines: &[(Range<usize>, Inline)],
    entities: &[EntitySpan],
) -> Vec<TagSpan<Tag>> {
    let valid = |r: &Range<usize>| {
        r.start < r.end
            && r.end <= text.len()
            && text.is_char_boundary(r.start)
            && text.is_char_boundary(r.end)
    };
    let inlines: Vec<_> = inlines.iter().filter(|(r, _)| valid(r)).collect();
    let entities: Vec<_> = entities.iter().filter(|(r, _)| valid(r)).collect();
    let mut cuts = vec![0, text.len()];
    for r in inlines
        .iter()
        .map(|(r, _)| r)
        .chain(entities.iter().map(|(r, _)| r))
    {
        cuts.extend([r.start, r.end]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut spans: Vec<TagSpan<Tag>> = Vec::new();
    for w in cuts.windows(2) {
        let range = w[0]..w[1];
        let covers = |r: &Range<usize>| r.start <= range.start && range.end <= r.end;
        let mut tag = base;
        for (_, inline) in inlines.iter().filter(|(r, _)| covers(r)) {
            tag = tag.with_inline(inline);
        }
        if let Some((_, kind)) = entities.iter().find(|(r, _)| covers(r)) {
            tag.entity = Some(*kind);
        }
        match spans.last_mut() {
            Some(last) if last.tag == tag && last.range.end == range.start => {
                last.range.end = range.end;
            }
            _ => spans.push(TagSpan { range, tag }),
        }
    }
    spans
}

/// Entity mentions given as char offsets into a block's plain text, cut into the parts that
/// text is made of (list items or table cells joined by one `\n` each) as byte ranges.
pub(super) fn split_entities(parts: &[&str], mentions: &[Mention]) -> Vec<Vec<EntitySpan>> {
    let mut out = vec![Vec::new(); parts.len()];
    let mut first_char = 0;
    for (i, part) in parts.iter().enumerate() {
        let chars = part.chars().count();
        let here = first_char..first_char + chars;
        for (r, kind) in mentions {
            let start = r.start.max(here.start);
            let end = r.end.min(here.end);
            if start < end {
                let byte = |c: usize| char_to_byte(part, c - here.start);
                out[i].push((byte(start)..byte(end), *kind));
            }
        }
        first_char = here.end + 1;
    }
    out
}

fn char_to_byte(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(b, _)| b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::Role;

    #[test]
    fn overlapping_marks_become_one_tag_per_byte_range() {
        let text = "abcdef";
        let spans = tag_spans(
            text,
            Tag::role(Role::Body),
            &[(1..4, Inline::Strong), (3..5, Inline::Emphasis)],
            &[(2..3, EntityKind::Place)],
        );
        let ranges: Vec<_> = spans.iter().map(|s| s.range.clone()).collect();
        assert_eq!(ranges, [0..1, 1..2, 2..3, 3..4, 4..5, 5..6]);
        assert!(spans[2].tag.strong && spans[2].tag.entity == Some(EntityKind::Place));
        assert!(spans[3].tag.strong && spans[3].tag.emphasis);
        assert!(!spans[4].tag.strong && spans[4].tag.emphasis);
        assert_eq!(spans[5].tag, Tag::role(Role::Body));
    }

    #[test]
    fn ranges_off_char_boundaries_are_ignored() {
        let spans = tag_spans("سلام", Tag::default(), &[(1..3, Inline::Strong)], &[]);
        assert_eq!(spans.len(), 1);
        assert_eq!(spans[0].range, 0.."سلام".len());
    }

    #[test]
    fn entity_char_offsets_are_split_over_list_items() {
        // plain text: "أ ب\nجد" — the mention covers the end of item 0 and all of item 1.
        let parts = ["أ ب", "جد"];
        let split = split_entities(&parts, &[(2..6, EntityKind::Person)]);
        assert_eq!(split[0], vec![(3..5, EntityKind::Person)]);
        assert_eq!(split[1], vec![(0..4, EntityKind::Person)]);
    }
}
