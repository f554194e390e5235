//! Selections: what the mouse selected, the logical text it stands for, and how it is drawn.
//!
//! Contract: what is copied is always the article's own logical text — original letters (not
//! presentation forms), bidi controls and ZWNJ as in the source, no justification tatweels (the
//! cells justification adds repeat the logical range of the letter they extend, and the text is
//! read from the document by logical range, never from the cells). Parts of the article (a
//! paragraph, a heading, a list item, a table cell) are joined with one newline.
//!
//! A drag runs from the pressed cell to the cell under the pointer, row after row, as a
//! terminal's selection does; it stands for the logical text between the characters under its two
//! ends, so a selection across an RTL/LTR boundary or a line break copies the text between its
//! ends in reading order. A double click selects the word under the pointer, a triple click its
//! paragraph. A selection is drawn (the theme's `selection` style, reversed by default, as a
//! terminal draws its own) on the cells of exactly the characters it copies, wherever the
//! lines put them: in a right-to-left line, dragging from a line's right end down to the next
//! line's left end lights the whole of both, as the reader expects. Spots are page-line
//! indices and cells from the column's left edge, so a selection
//! scrolls with the text; anything that composes the page again (a resize, `J`, `R`) drops it.
//! When the terminal reorders lines itself (logical order), the character under the pointer is
//! found by playing the row through that terminal's reordering ([`shown_cells`]: Konsole's,
//! mlterm's); the selection is drawn on the cells where its characters are written, and the
//! terminal moves their colours with them. A terminal whose reordering is not known
//! (Terminal.app, `--bidi terminal` elsewhere) keeps its secret: the mouse selects nothing
//! there; `y` and `Y` copy.

use crate::page::{BlockRef, PageLine, Piece, ReorderingTerminal};
use std::collections::HashMap;
use std::ops::Range;
use unicode_bidi::{BidiInfo, Level};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// What the status line says to a press when the terminal's reordering is not known.
pub const NO_SELECTION: &str =
    "the terminal reorders the text here, so the mouse cannot select it; y and Y copy";

/// A screen cell of the text column: a page line and a cell counted from the column's left.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Spot {
    pub line: usize,
    pub col: usize,
}

/// A place in the article's logical text: a part, by its order on the page, and a byte in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Point {
    pub(super) order: usize,
    pub(super) source: BlockRef,
    pub(super) offset: usize,
}

/// What is selected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection {
    /// Cells from `anchor` (where the button went down) to `head` (where it is now).
    Cells { anchor: Spot, head: Spot },
    /// A logical range (a word, a paragraph), `from` before `to`.
    Range { from: Point, to: Point },
}

/// Cells of a page line, left to right: where each piece's clusters start, how wide they are,
/// and the logical text they came from (`None` for decorations).
pub(super) struct CellSpan {
    pub x: usize,
    pub width: usize,
    pub text: Option<(BlockRef, Range<usize>)>,
}

pub(super) fn cells(line: &PageLine) -> Vec<CellSpan> {
    let mut out = Vec::new();
    let mut x = 0;
    for piece in &line.pieces {
        match piece {
            Piece::Decoration { width, .. } => {
                out.push(CellSpan {
                    x,
                    width: *width,
                    text: None,
                });
                x += width;
            }
            Piece::Text { line, source } => {
                let mut at = x;
                for cluster in &line.clusters {
                    out.push(CellSpan {
                        x: at,
                        width: cluster.width,
                        text: Some((*source, cluster.logical.clone())),
                    });
                    at += cluster.width;
                }
                x += line.width;
            }
        }
    }
    out
}

/// The cells of a page line written in logical order, left to right as `terminal` shows them:
/// the row's characters through the Unicode bidi algorithm as that terminal applies it (Konsole:
/// the row at level 0; mlterm: the row's direction from its first strong character, a row
/// holding box drawing left to right, box drawing resolved as left-to-right letters; both
/// honour the controls), each cluster moved as one cell. `None` for a terminal whose
/// reordering is not known.
pub(super) fn shown_cells(line: &PageLine, terminal: ReorderingTerminal) -> Option<Vec<CellSpan>> {
    let mlterm = match terminal {
        ReorderingTerminal::Konsole => false,
        ReorderingTerminal::Mlterm => true,
        ReorderingTerminal::Generic => return None,
    };
    // The row as written, one unit a cell (a zero-width control is a unit of no width), each
    // found by its first character that is not a bidi control (the one that takes a level).
    let mut row = String::new();
    let mut units: Vec<(usize, CellSpan)> = Vec::new();
    let anchor = |row: &str, at: usize| {
        let skip = row.get(at..).unwrap_or_default();
        let controls: usize = (skip.chars())
            .take_while(|c| matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}'))
            .map(char::len_utf8)
            .sum();
        if controls < skip.len() {
            at + controls
        } else {
            at
        }
    };
    for piece in &line.pieces {
        match piece {
            Piece::Decoration { text, .. } => {
                for g in text.graphemes(true) {
                    let at = row.len();
                    row.push_str(g);
                    let span = CellSpan {
                        x: 0,
                        width: g.width(),
                        text: None,
                    };
                    units.push((anchor(&row, at), span));
                }
            }
            Piece::Text { line, source } => {
                for c in &line.clusters {
                    let at = row.len();
                    row.push_str(line.text.get(c.text.clone()).unwrap_or_default());
                    let span = CellSpan {
                        x: 0,
                        width: c.width,
                        text: Some((*source, c.logical.clone())),
                    };
                    units.push((anchor(&row, at), span));
                }
            }
        }
    }
    // Konsole reads every row left to right; mlterm by its first strong character, unless
    // the row holds box drawing.
    let rtl = mlterm && crate::page::mlterm_reads_right_to_left(&row);
    let level = if rtl { Level::rtl() } else { Level::ltr() };
    // mlterm resolves box drawing as a left-to-right letter: one of the same length stands in.
    let row: String = if mlterm {
        row.chars()
            .map(|c| {
                if crate::page::is_box_drawing(c) {
                    '\u{E000}'
                } else {
                    c
                }
            })
            .collect()
    } else {
        row
    };
    let info = BidiInfo::new(&row, Some(level));
    let mut order: Vec<usize> = Vec::with_capacity(units.len());
    match info.paragraphs.first() {
        Some(para) => {
            let (levels, runs) = info.visual_runs(para, para.range.clone());
            for run in runs {
                let start = order.len();
                order.extend((0..units.len()).filter(|&u| run.contains(&units[u].0)));
                if levels.get(run.start).is_some_and(|l| l.is_rtl()) {
                    order[start..].reverse();
                }
            }
        }
        None => order.extend(0..units.len()),
    }
    let mut x = 0;
    let mut spans: Vec<Option<CellSpan>> = units.into_iter().map(|(_, s)| Some(s)).collect();
    let mut out = Vec::with_capacity(order.len());
    for u in order {
        if let Some(mut span) = spans.get_mut(u).and_then(Option::take) {
            span.x = x;
            x += span.width;
            out.push(span);
        }
    }
    Some(out)
}

/// The parts of the page in page order, each with its place in that order.
pub(super) fn page_order(lines: &[PageLine]) -> (Vec<BlockRef>, HashMap<BlockRef, usize>) {
    let mut order = Vec::new();
    let mut index = HashMap::new();
    for line in lines {
        for piece in &line.pieces {
            if let Piece::Text { source, .. } = piece {
                index.entry(*source).or_insert_with(|| {
                    order.push(*source);
                    order.len() - 1
                });
            }
        }
    }
    (order, index)
}

/// A selection as drawn: the page order of the parts and the logical text's two ends.
pub(super) struct Drawn {
    pub(super) index: HashMap<BlockRef, usize>,
    pub(super) from: Point,
    pub(super) to: Point,
}

impl Drawn {
    /// Whether a cell showing `range` of `source` shows selected text.
    pub(super) fn covers(&self, source: &BlockRef, range: &Range<usize>) -> bool {
        let Some(&at) = self.index.get(source) else {
            return false;
        };
        let (from, to) = (&self.from, &self.to);
        let after_start = at > from.order || (at == from.order && range.end > from.offset);
        let before_end = at < to.order || (at == to.order && range.start < to.offset);
        after_start && before_end
    }
}
