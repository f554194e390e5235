//! The page composed at one width, with the index the reader navigates by.
//!
//! Built once per width (and cached by the app): which lines are headings and box tops, and for
//! every block part which lines show which logical byte ranges — so a search match, an entity
//! mention or a remembered position finds its line without scanning the page.

use crate::page::{BlockRef, LineKind, PageLine, Piece};
use std::collections::HashMap;
use std::ops::Range;

/// A page at one column width plus its navigation index.
#[derive(Debug, Default)]
pub struct Composed {
    pub width: usize,
    pub lines: Vec<PageLine>,
    /// Only a window of the article (a big one, which is never composed whole): the
    /// range of page units (see [`crate::page::Unit::all`]) it holds.
    pub window: Option<Range<usize>>,
    /// Line indices of section headings, with the section number, in order.
    pub headings: Vec<(usize, usize)>,
    /// Line indices of call-out and figure box tops, in order.
    pub boxes: Vec<usize>,
    /// For each block part, the lines showing it and the logical bytes each line covers.
    by_source: HashMap<BlockRef, Vec<(usize, Range<usize>)>>,
}

impl Composed {
    pub fn new(width: usize, lines: Vec<PageLine>) -> Self {
        let mut page = Composed {
            width,
            ..Composed::default()
        };
        for (at, line) in lines.iter().enumerate() {
            match line.kind {
                LineKind::Heading(section) => page.headings.push((at, section)),
                LineKind::BoxTop => page.boxes.push(at),
                _ => {}
            }
            for piece in &line.pieces {
                if let Piece::Text { line: text, source } = piece {
                    page.by_source
                        .entry(*source)
                        .or_default()
                        .push((at, text.logical.clone()));
                }
            }
        }
        page.lines = lines;
        page
    }

    /// A window of a page, units `units` of it: the same index over fewer lines.
    pub fn window(width: usize, lines: Vec<PageLine>, units: Range<usize>) -> Self {
        Composed {
            window: Some(units),
            ..Composed::new(width, lines)
        }
    }

    /// The line showing byte `offset` of `source` (the part's last line if past its end).
    pub fn line_of(&self, source: &BlockRef, offset: usize) -> Option<usize> {
        let lines = self.by_source.get(source)?;
        let hit = lines.iter().find(|(_, range)| offset < range.end);
        hit.or(lines.last()).map(|(at, _)| *at)
    }

    /// The first piece of text at or below line `from`: its source and first logical byte.
    /// This is what stays at the top of the view when the width changes.
    pub fn anchor_at(&self, from: usize) -> Option<(BlockRef, usize)> {
        self.lines.iter().skip(from).find_map(|line| {
            line.pieces.iter().find_map(|piece| match piece {
                Piece::Text { line, source } => Some((*source, line.logical.start)),
                Piece::Decoration { .. } => None,
            })
        })
    }

    /// The section whose heading is the last one at or above line `at` (the lead is 0).
    pub fn section_at(&self, at: usize) -> Option<usize> {
        self.lines.get(at).map(|line| line.section)
    }
}
