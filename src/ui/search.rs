//! Search and entity locations: where in the document's text a query or an entity is.
//!
//! The rule: every block's text is searched in its folded form (src/fold.rs: harakat, tatweel,
//! niqqud ignored, letter variants merged), and each match is mapped back to a byte range of the
//! original text of one [`BlockRef`] — the same coordinates the page's clusters carry, so the
//! view can highlight exactly the cells a match covers, in visual order.

use crate::document::{Document, EntityRef};
use crate::fold;
use crate::page::{self, BlockRef};
use memchr::memmem;
use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

/// A stretch of one block's text: a search match or an entity mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spot {
    pub source: BlockRef,
    /// Byte range in the original (unfolded) text of `source`.
    pub range: Range<usize>,
}

/// The active search: its matches in reading order, and which of them each part holds.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub query: String,
    pub matches: Vec<Spot>,
    /// The match `n`/`N` last moved to.
    pub current: Option<usize>,
    /// For each part with matches, their indices in `matches` (a part's matches are adjacent,
    /// since matches come in reading order): a frame looks up the parts it shows instead of
    /// walking every match of the article.
    by_source: HashMap<BlockRef, Range<usize>>,
}

impl Search {
    /// `matches` must be in reading order (a part's matches adjacent).
    pub fn new(query: String, matches: Vec<Spot>) -> Self {
        let mut by_source: HashMap<BlockRef, Range<usize>> = HashMap::new();
        for (i, spot) in matches.iter().enumerate() {
            by_source
                .entry(spot.source)
                .and_modify(|run| run.end = i + 1)
                .or_insert(i..i + 1);
        }
        Search {
            query,
            matches,
            current: None,
            by_source,
        }
    }

    /// The matches in `source`, each with its index in [`Search::matches`].
    pub fn in_source(&self, source: &BlockRef) -> impl Iterator<Item = (usize, &Spot)> {
        let run = self.by_source.get(source).cloned().unwrap_or_default();
        let first = run.start;
        let spots = self.matches.get(run).unwrap_or_default();
        spots
            .iter()
            .enumerate()
            .map(move |(i, spot)| (first + i, spot))
    }
}

/// Every text the page shows, with the reference its clusters carry, in reading order: the
/// header (title, subtitle, author/date line), then for each section its heading and each
/// block's parts. The texts are the page's own ([`page::text_of`]), so offsets agree.
pub fn texts(doc: &Document) -> Vec<(BlockRef, Cow<'_, str>)> {
    each_text(doc).collect()
}

/// [`texts`] one at a time (a big article has hundreds of thousands).
fn each_text(doc: &Document) -> impl Iterator<Item = (BlockRef, Cow<'_, str>)> {
    let header = [BlockRef::TITLE, BlockRef::SUBTITLE, BlockRef::META].map(BlockRef::header);
    let sections = doc
        .sections
        .iter()
        .enumerate()
        .flat_map(move |(s, section)| {
            let blocks = (0..section.blocks.len()).flat_map(move |b| {
                // Parts are numbered from 0 with no gaps, except a quote without attribution and
                // the figure's optional texts, which end the run anyway.
                (0..)
                    .map(move |part| BlockRef::block(s, b, part))
                    .map_while(move |r| page::text_of(doc, &r).map(|text| (r, text)))
            });
            let heading = BlockRef::heading(s);
            let heading = page::text_of(doc, &heading).map(|text| (heading, text));
            heading.into_iter().chain(blocks)
        });
    header
        .into_iter()
        .filter_map(move |r| page::text_of(doc, &r).map(|text| (r, text)))
        .chain(sections)
}

/// Every text of a document in folded form, compacted: built once (folding 10 MB takes about a
/// tenth of a second), then each search is one scan.
///
/// The texts are folded one after another into one buffer, each followed by a NUL, so one SIMD
/// substring scan (memchr's memmem) covers the whole article: about a millisecond for 10 MB,
/// where a scan per text paid a searcher's setup for each of tens of thousands of paragraphs.
///
/// The buffer is not the folded UTF-8 but a compact form of it ([`compact`]): ASCII as itself
/// and the Arabic block up to U+067F (every Arabic letter after folding) as one byte each,
/// anything else as its UTF-8. That keeps an Arabic article's index at a little over half its
/// size instead of as big. Each character has one encoding, so every folded match is a compact
/// match; a compact match may be a false one (UTF-8 bytes look like the one-byte letters), so
/// it only says which texts to look at: each is folded again and searched for real. A folded
/// query holds no NUL and neither does its compact form, so no match spans two texts.
///
/// The way back to the original offsets (four bytes per folded byte, four times the article)
/// is not kept: a text with matches is folded again when it is searched, once per search.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    compact: Vec<u8>,
    /// Where each text of [`each_text`] starts in `compact`, ascending (the part each is, is
    /// found again by walking the texts: a big article has hundreds of thousands).
    starts: Vec<u32>,
}

/// Appends the compact form of folded text (see [`SearchIndex`]).
fn compact(folded: &str, out: &mut Vec<u8>) {
    for c in folded.chars() {
        match u32::from(c) {
            code @ 0..=0x7F => out.push(code as u8),
            code @ 0x600..=0x67F => out.push((0x80 + code - 0x600) as u8),
            _ => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        }
    }
}

impl SearchIndex {
    pub fn new(doc: &Document) -> Self {
        let mut index = SearchIndex::default();
        let (mut folded, mut origin) = (String::new(), Vec::new());
        for (_, text) in each_text(doc) {
            let start = u32::try_from(index.compact.len()).unwrap_or(u32::MAX);
            index.starts.push(start);
            fold::fold_onto(&text, &mut folded, &mut origin);
            compact(&folded, &mut index.compact);
            folded.clear();
            origin.clear();
            index.compact.push(0);
        }
        index.compact.shrink_to_fit();
        index.starts.shrink_to_fit();
        index
    }

    /// All matches of `query` in reading order; empty when the folded query is empty. `doc` is
    /// the document the index was built from.
    pub fn find(&self, doc: &Document, query: &str) -> Vec<Spot> {
        let needle = fold::fold_query(query);
        if needle.is_empty() || needle.contains('\0') {
            return Vec::new();
        }
        let mut compact_needle = Vec::new();
        compact(&needle, &mut compact_needle);
        let candidates = memmem::Finder::new(&compact_needle);
        let finder = memmem::Finder::new(needle.as_bytes());
        let mut spots = Vec::new();
        let (mut origin, mut folded) = (Vec::new(), String::new());
        // Compact matches come in ascending order, so the text they fall in only moves forward;
        // each text with one is searched for real once.
        let mut text = 0;
        let mut searched = None;
        // The texts, walked alongside: the one at index `walked - 1` was the last taken.
        let (mut texts, mut walked) = (each_text(doc), 0);
        for at in candidates.find_iter(&self.compact) {
            while self
                .starts
                .get(text + 1)
                .is_some_and(|&start| start as usize <= at)
            {
                text += 1;
            }
            if searched == Some(text) {
                continue;
            }
            searched = Some(text);
            let Some((source, original)) = texts.nth(text - walked) else {
                break;
            };
            walked = text + 1;
            origin.clear();
            folded.clear();
            fold::fold_onto(&original, &mut folded, &mut origin);
            spots.extend(finder.find_iter(folded.as_bytes()).map(|local| Spot {
                source,
                range: fold::original_range(&origin, local..local + needle.len()),
            }));
        }
        spots
    }
}

/// All matches of `query` in `doc`, in reading order.
#[cfg(test)]
pub fn find(doc: &Document, query: &str) -> Vec<Spot> {
    SearchIndex::new(doc).find(doc, query)
}

/// Where an entity mention is: its character offsets into [`Block::plain_text`] (parts joined
/// by newlines) turned into a part and a byte range. `None` if it points outside the document.
pub fn entity_spot(doc: &Document, entity: &EntityRef<'_>) -> Option<Spot> {
    let block = doc.sections.get(entity.section)?.blocks.get(entity.block)?;
    let mut first_char = 0;
    for (part, text) in block.texts().into_iter().enumerate() {
        let chars = text.chars().count();
        if entity.start < first_char + chars {
            let start = byte_at(text, entity.start - first_char)?;
            let end = byte_at(text, entity.end.saturating_sub(first_char).min(chars))?;
            return Some(Spot {
                source: BlockRef {
                    section: entity.section,
                    block: Some(entity.block),
                    part,
                },
                range: start..end.max(start),
            });
        }
        first_char += chars + 1; // the joining newline
    }
    None
}

fn byte_at(text: &str, char_index: usize) -> Option<usize> {
    text.char_indices()
        .map(|(at, _)| at)
        .chain(std::iter::once(text.len()))
        .nth(char_index)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Block, Entity, EntityKind, RichText, Section};

    fn doc() -> Document {
        Document {
            title: "عنوان".into(),
            sections: vec![
                Section {
                    heading: None,
                    level: 1,
                    blocks: vec![Block::Paragraph(RichText::plain("في الرَّقَّة اليوم"))],
                },
                Section {
                    heading: Some("تحرير الرقة".into()),
                    level: 1,
                    blocks: vec![Block::List {
                        ordered: false,
                        items: vec!["أولا".into(), "مدينة الرقه".into()],
                    }],
                },
            ],
            ..Document::default()
        }
    }

    #[test]
    fn folded_search_finds_every_spelling_in_reading_order() {
        let doc = doc();
        let spots = find(&doc, "الرقة");
        let sources: Vec<_> = spots
            .iter()
            .map(|s| (s.source.section, s.source.block))
            .collect();
        assert_eq!(sources, vec![(0, Some(0)), (1, None), (1, Some(0))]);
        assert!(
            find(&doc, "عنوان")
                .first()
                .is_some_and(|s| s.source == BlockRef::header(BlockRef::TITLE))
        );
        let para = "في الرَّقَّة اليوم";
        assert_eq!(para.get(spots[0].range.clone()), Some("الرَّقَّة"));
        assert_eq!(spots[2].source.part, 1);
        assert!(
            find(&doc, "ـــ").is_empty(),
            "a query of tatweel alone folds to nothing"
        );
    }

    /// What the one scan must equal: each text folded and scanned on its own.
    fn scan_each_text(doc: &Document, query: &str) -> Vec<Spot> {
        let needle = fold::fold_query(query);
        texts(doc)
            .into_iter()
            .flat_map(|(source, text)| {
                let folded = fold::fold(&text);
                let ranges: Vec<_> = folded
                    .text
                    .match_indices(&needle)
                    .map(|(at, _)| folded.original_range(at..at + needle.len()))
                    .collect();
                ranges.into_iter().map(move |range| Spot { source, range })
            })
            .collect()
    }

    #[test]
    fn one_scan_finds_what_a_scan_of_each_text_finds() {
        let sample = crate::load::load_bytes(
            crate::source::SAMPLE.as_bytes(),
            std::path::Path::new("sample.txt"),
            &crate::load::LoadOptions::default(),
        )
        .expect("the sample loads")
        .document;
        let index = SearchIndex::new(&sample);
        for query in ["الرقه", "ال", "ا", "ه", "000", "داعش", "في ال", ".", " "] {
            let found = index.find(&sample, query);
            assert!(!found.is_empty(), "{query} is in the sample");
            assert_eq!(found, scan_each_text(&sample, query), "{query}");
        }
    }

    #[test]
    fn no_match_spans_two_texts() {
        let doc = doc();
        // The title ends in ان and the subtitle is empty; the first paragraph starts with في.
        assert!(find(&doc, "انفي").is_empty());
        assert!(find(&doc, "اليومتحرير").is_empty());
        assert!(find(&doc, "\0").is_empty());
        assert_eq!(find(&doc, "اليوم"), scan_each_text(&doc, "اليوم"));
    }

    #[test]
    fn a_compact_look_alike_is_not_a_match() {
        // ħ is C4 A7 in UTF-8, the compact bytes of لا: the scan finds it, the check drops it.
        let mut doc = doc();
        doc.sections[0].blocks = vec![
            Block::Paragraph(RichText::plain("ħ")),
            Block::Paragraph(RichText::plain("ħ لا")),
        ];
        let found = find(&doc, "لا");
        let blocks: Vec<_> = found
            .iter()
            .map(|s| (s.source.section, s.source.block))
            .collect();
        // The second paragraph, and أولا in the list.
        assert_eq!(blocks, vec![(0, Some(1)), (1, Some(0))]);
        assert_eq!(found, scan_each_text(&doc, "لا"));
        assert_eq!(find(&doc, "ħ").len(), 2);
    }

    #[test]
    fn entity_offsets_in_a_list_land_in_their_item() {
        let doc = doc();
        // "أولا\nمدينة الرقه": الرقه starts at char 5 + 6 = 11.
        let entity = Entity {
            text: "الرقه".into(),
            kind: EntityKind::Place,
            section: 1,
            block: 0,
            start: 11,
            end: 16,
        };
        let spot = entity_spot(&doc, &as_ref(&entity)).expect("inside the list");
        assert_eq!(spot.source.part, 1);
        assert_eq!("مدينة الرقه".get(spot.range), Some("الرقه"));
        let outside = Entity { block: 7, ..entity };
        assert_eq!(entity_spot(&doc, &as_ref(&outside)), None);
    }

    fn as_ref(e: &Entity) -> EntityRef<'_> {
        EntityRef::from(e)
    }
}
