//! Properties of composition over random documents: no line is wider than the page, and every
//! character of the article's text reaches the page exactly once (whitespace at wrap points,
//! bidi controls and joiners excepted; ligatures and marks count through their logical range).

use proptest::prelude::*;
use sahifa::document::{
    Block, Direction, Document, Entity, EntityKind, Metadata, RichText, Section,
};
use sahifa::layout::justify::added_cells;
use sahifa::layout::{DirectionMode, WrapAlgorithm};
use sahifa::page::{BlockRef, Page, PageOptions, Piece, ReorderingTerminal, compose, text_of};
use std::collections::HashMap;
use unicode_width::UnicodeWidthStr;

const WORDS: &[&str] = &[
    "قال",
    "لافروف",
    "الرقة",
    "لا",
    "مُحَمَّد",
    "«داعش»",
    "28.000",
    "٢٠١٦",
    "(شمال)",
    "שלום",
    "בירושלים",
    "ירושלים",
    "Moscow",
    "Washington",
    "the",
    "a",
    "iPhone",
    "99.7%",
    "$4.5bn",
    "ـــ",
    "—",
    "[x]",
    "漢字",
    "😀",
    "e\u{301}",
    "\u{200f}",
    "\u{200d}",
    "\u{2067}אב\u{2069}",
    "\u{1b}[31m",
    "\t",
    "\n",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "ووووووووووووووووووووووووووووو",
    "۱۲۳",
    "فارسی",
    "اردو",
    "ے",
];

fn text(max_words: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(WORDS),
            prop::sample::select(&[" ", " ", " ", "  ", ""][..]),
        ),
        0..max_words,
    )
    .prop_map(|words| words.into_iter().flat_map(|(w, s)| [w, s]).collect())
}

fn rich() -> impl Strategy<Value = RichText> {
    (text(30), any::<u8>(), any::<u8>()).prop_map(|(text, a, b)| {
        // An emphasis span over a char-aligned slice, when there is one.
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let (a, b) = (
            bounds[a as usize % bounds.len()],
            bounds[b as usize % bounds.len()],
        );
        let spans = if a < b {
            vec![(a..b, sahifa::document::Inline::Strong)]
        } else {
            Vec::new()
        };
        RichText { text, spans }
    })
}

fn block() -> impl Strategy<Value = Block> {
    prop_oneof![
        3 => rich().prop_map(Block::Paragraph),
        1 => (rich(), prop::option::of(text(3)))
            .prop_map(|(text, attribution)| Block::Quote { text, attribution }),
        1 => (any::<bool>(), prop::collection::vec(rich(), 0..5))
            .prop_map(|(ordered, items)| Block::List { ordered, items }),
        1 => text(20).prop_map(|text| Block::Code { language: None, text }),
        1 => (text(2), rich()).prop_map(|(value, text)| Block::Callout { value, text }),
        1 => (text(2), text(8), text(8))
            .prop_map(|(src, alt, caption)| Block::Figure { src, alt, caption }),
        1 => (any::<bool>(), prop::collection::vec(prop::collection::vec(rich(), 0..4), 0..4))
            .prop_map(|(header, rows)| Block::Table { header, rows }),
        1 => Just(Block::Rule),
    ]
}

fn document() -> impl Strategy<Value = Document> {
    let section = (
        prop::option::of(text(6)),
        1u8..4,
        prop::collection::vec(block(), 0..5),
    )
        .prop_map(|(heading, level, blocks)| Section {
            heading,
            level,
            blocks,
        });
    (
        text(10),
        prop::option::of(text(8)),
        prop::option::of(text(3)),
        any::<bool>(),
        prop::collection::vec(section, 1..4),
    )
        .prop_map(|(title, subtitle, author, rtl, sections)| {
            let mut doc = Document {
                title,
                subtitle,
                metadata: Metadata {
                    author,
                    ..Metadata::default()
                },
                direction: if rtl { Direction::Rtl } else { Direction::Ltr },
                sections,
                ..Document::default()
            };
            // An entity over the first word of every paragraph, to exercise entity tags.
            for (s, section) in doc.sections.iter().enumerate() {
                for (b, block) in section.blocks.iter().enumerate() {
                    let chars = block.plain_text().chars().count();
                    doc.entities.push(Entity {
                        text: String::new(),
                        kind: EntityKind::Place,
                        section: s,
                        block: b,
                        start: 0,
                        end: chars.min(4),
                    });
                }
            }
            doc
        })
}

/// Every text the page draws from, as composition is specified to show it.
fn sources(doc: &Document) -> Vec<BlockRef> {
    let mut out: Vec<BlockRef> = [BlockRef::TITLE, BlockRef::SUBTITLE, BlockRef::META]
        .map(BlockRef::header)
        .into();
    for (s, section) in doc.sections.iter().enumerate() {
        out.push(BlockRef::heading(s));
        for (b, block) in section.blocks.iter().enumerate() {
            let parts: Vec<usize> = match block {
                Block::Paragraph(_) | Block::Code { .. } => vec![0],
                Block::Quote { .. } => vec![BlockRef::QUOTE_TEXT, BlockRef::QUOTE_ATTRIBUTION],
                Block::List { items, .. } => (0..items.len()).collect(),
                Block::Callout { .. } => vec![BlockRef::CALLOUT_TEXT, BlockRef::CALLOUT_VALUE],
                Block::Figure { src, .. } => {
                    let mut parts = vec![BlockRef::FIGURE_CAPTION, BlockRef::FIGURE_ALT];
                    if !src.is_empty() {
                        parts.push(BlockRef::FIGURE_SOURCE);
                    }
                    parts
                }
                Block::Table { rows, .. } => (0..rows.iter().flatten().count()).collect(),
                Block::Rule => vec![],
            };
            out.extend(parts.into_iter().map(|p| BlockRef::block(s, b, p)));
        }
    }
    out
}

/// Characters that may legitimately vanish: whitespace, bidi controls, joiners.
fn may_vanish(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{61c}')
}

fn check(doc: &Document, page: &Page, width: usize) -> Result<(), TestCaseError> {
    let mut seen: HashMap<BlockRef, HashMap<usize, usize>> = HashMap::new();
    for (n, line) in page.lines.iter().enumerate() {
        prop_assert!(
            line.width() <= width,
            "line {n} is {} wide at width {width}: {:?}",
            line.width(),
            line.text()
        );
        for piece in &line.pieces {
            let (line, source) = match piece {
                Piece::Decoration { text, width, .. } => {
                    prop_assert_eq!(text.width(), *width, "line {}: {:?}", n, text);
                    continue;
                }
                Piece::Text { line, source } => (line, source),
            };
            // Cells are measured cluster by cluster (unshaped لا is one cell to unicode-width
            // as a pair, two on a terminal).
            let cells: usize = line.clusters.iter().map(|c| c.width).sum();
            prop_assert_eq!(cells, line.width, "line {}", n);
            for cluster in &line.clusters {
                let shown = line.text.get(cluster.text.clone()).unwrap_or("\u{fffd}");
                prop_assert_eq!(shown.width(), cluster.width, "{:?} in line {}", shown, n);
            }
            let text = text_of(doc, source);
            prop_assert!(text.is_some(), "no text for {:?}", source);
            let text = text.unwrap_or_default();
            // Cells added by justification repeat the range of the cell they extend.
            let added = added_cells(line);
            for (cluster, _) in line.clusters.iter().zip(added).filter(|(_, a)| !a) {
                let covered = text.get(cluster.logical.clone());
                prop_assert!(covered.is_some(), "{:?} outside {:?}", cluster, text);
                for (i, _) in covered.unwrap_or_default().char_indices() {
                    *seen
                        .entry(*source)
                        .or_default()
                        .entry(cluster.logical.start + i)
                        .or_default() += 1;
                }
            }
        }
    }
    for source in sources(doc) {
        let Some(text) = text_of(doc, &source) else {
            continue;
        };
        let counts = seen.get(&source);
        for (i, c) in text.char_indices() {
            let count = counts.and_then(|m| m.get(&i)).copied().unwrap_or(0);
            // Whitespace may vanish at a wrap point or fill several cells (a tab).
            if !may_vanish(c) {
                prop_assert_eq!(count, 1, "{:?} at {} of {:?} ({:?})", c, i, source, text);
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn no_line_is_wider_than_the_page_and_every_character_lands_once(
        doc in document(),
        width in 2usize..100,
        shape in any::<bool>(),
        reorder in any::<bool>(),
        direction in prop::sample::select(&[DirectionMode::Auto, DirectionMode::Ltr, DirectionMode::Rtl][..]),
        wrap in prop::sample::select(&[WrapAlgorithm::FirstFit, WrapAlgorithm::OptimalFit][..]),
        justify in any::<bool>(),
        terminal in prop::sample::select(&[ReorderingTerminal::Konsole, ReorderingTerminal::Mlterm, ReorderingTerminal::Generic][..]),
    ) {
        let options = PageOptions { shape, reorder, terminal, direction, entities: true, wrap, justify, reveal: false };
        let page = compose(&doc, width, &options);
        check(&doc, &page, width)?;
    }
}
