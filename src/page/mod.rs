//! The page: an analysed article composed into lines of cells at one column width.
//!
//! This stage decides what a reader sees where — title, headings, paragraphs aligned by their own
//! direction, quote bars and list markers on the reading-start side, boxes around call-outs and
//! figures — but not how it is coloured: every piece carries a semantic [`Tag`] that the theme
//! turns into colours at render time. Body text comes from the layout engine already in visual
//! order, so nothing after this stage wraps or reorders.
//!
//! Use [`compose`] for a whole [`Page`] (its lines plus navigation indices); a [`Composer`]
//! with [`Unit::all`] to compose unit by unit around a viewport; [`Composer::lines`] to stream
//! the page without keeping it; [`Composer::index`] for where each unit lands on the page
//! (a [`PageIndex`], a few bytes per unit, instead of the page's cells). [`text_of`] gives the text a
//! piece's logical offsets point into (for search and entity matching).

mod blocks;
mod boxes;
mod compose;
mod date;
mod frame;
mod index;
mod sources;
mod table;
mod tags;
#[cfg(test)]
mod tests;

pub use compose::{Composer, compose};
pub use frame::ReorderingTerminal;
pub(crate) use frame::{
    Opening, embed, for_left_to_right_row, for_reordering_terminal, is_box_drawing,
    mlterm_reads_right_to_left,
};
pub use index::PageIndex;
pub use sources::text_of;

use crate::document::{EntityKind, Inline};
use crate::layout::{DirectionMode, VisualLine, WrapAlgorithm};
use std::ops::Range;

/// What a piece of the page is, by meaning (themes style these, never colours here).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Role {
    #[default]
    Body,
    Title,
    Subtitle,
    Meta,
    Heading,
    Quote,
    QuoteBar,
    Attribution,
    ListMarker,
    Code,
    CalloutBorder,
    CalloutValue,
    CalloutText,
    FigureBorder,
    FigureCaption,
    FigureAlt,
    /// The `[image: src]` line of a figure.
    FigureSource,
    TableBorder,
    TableHeader,
    Rule,
}

/// The style tag carried by every character through layout: its role plus inline marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Tag {
    pub role: Role,
    pub emphasis: bool,
    pub strong: bool,
    pub code: bool,
    pub link: bool,
    /// Set when the character belongs to a named entity (shown only when highlighting is on).
    pub entity: Option<EntityKind>,
    /// The label of an invisible character, shown in reveal mode (style `reveal`).
    pub revealed: bool,
}

impl Tag {
    pub fn role(role: Role) -> Self {
        Self {
            role,
            ..Self::default()
        }
    }

    /// This tag with an inline mark added.
    pub fn with_inline(mut self, inline: &Inline) -> Self {
        match inline {
            Inline::Emphasis => self.emphasis = true,
            Inline::Strong => self.strong = true,
            Inline::Code => self.code = true,
            Inline::Link(_) => self.link = true,
        }
        self
    }
}

/// Where a line of body text comes from: a block of the document (and for lists and tables,
/// which item or cell). Logical offsets in the line's clusters are bytes into the string
/// [`text_of`] returns for it. `block: None` is a section heading (part [`BlockRef::HEADING`]) or
/// one of the header lines (section 0, parts [`BlockRef::TITLE`], [`BlockRef::SUBTITLE`],
/// [`BlockRef::META`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BlockRef {
    pub section: usize,
    /// Index into the section's blocks; `None` for the section heading (or the title block).
    pub block: Option<usize>,
    /// List item or table cell index (cells row by row); for other blocks one of the `BlockRef`
    /// part constants; 0 otherwise.
    pub part: usize,
}

/// One piece of a page line, left to right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Drawn by the page itself: padding, borders, bars, bullets.
    Decoration {
        text: String,
        width: usize,
        tag: Tag,
    },
    /// A line of laid-out text from the document, in visual order.
    Text {
        line: VisualLine<Tag>,
        source: BlockRef,
    },
}

impl Piece {
    pub fn width(&self) -> usize {
        match self {
            Piece::Decoration { width, .. } => *width,
            Piece::Text { line, .. } => line.width,
        }
    }
}

/// What a line is, for navigation (section jumps, call-out jumps, the outline).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Blank,
    Title,
    /// The first line of section `n`'s heading.
    Heading(usize),
    /// The first line of a call-out or figure box.
    BoxTop,
    Other,
}

/// One screen row of the page, at most the page width wide. Pieces are in screen order, left to
/// right — except with [`PageOptions::reorder`] off, where an RTL line is written in the order
/// its [`ReorderingTerminal`] will put back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageLine {
    pub pieces: Vec<Piece>,
    pub kind: LineKind,
    /// The section this line belongs to (the lead is section 0).
    pub section: usize,
}

impl PageLine {
    pub fn width(&self) -> usize {
        self.pieces.iter().map(Piece::width).sum()
    }

    /// The line's characters in screen order, unstyled (trailing blanks kept).
    pub fn text(&self) -> String {
        let mut s = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Decoration { text, .. } => s.push_str(text),
                Piece::Text { line, .. } => {
                    for cluster in &line.clusters {
                        s.push_str(line.text.get(cluster.text.clone()).unwrap_or(""));
                    }
                }
            }
        }
        s
    }
}

/// Widths below this are composed as if they were this wide (a box needs a border and a cell).
pub const MIN_WIDTH: usize = 2;

/// How to compose a page (everything but the width, which the reader changes on resize).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageOptions {
    /// Shape Arabic letters into presentation forms.
    pub shape: bool,
    /// Write visual order (`true`); `false` keeps logical order for terminals that reorder
    /// lines themselves (`--bidi terminal`).
    pub reorder: bool,
    /// With `reorder` off: which terminal reorders the rows, so each row's pieces are written
    /// where that terminal will show them as composed.
    pub terminal: ReorderingTerminal,
    /// Force every paragraph's direction; `Auto` lets each paragraph decide by its first strong
    /// character (falling back to the article's direction when it has none).
    pub direction: DirectionMode,
    /// Set [`Tag::entity`] on entity mentions (the theme shows them only when highlighting is on).
    pub entities: bool,
    /// How lines break: optimal fit (even right edges) unless asked otherwise.
    pub wrap: WrapAlgorithm,
    /// Justify running text — paragraphs, quotes, list items, call-out text: every line but a
    /// paragraph's last fills its column. Titles, headings, captions, tables and code stay
    /// ragged.
    pub justify: bool,
    /// Show bidi controls and invisible characters as labels ([`Tag::revealed`]).
    pub reveal: bool,
}

impl Default for PageOptions {
    fn default() -> Self {
        Self {
            shape: true,
            reorder: true,
            terminal: ReorderingTerminal::Generic,
            direction: DirectionMode::Auto,
            entities: true,
            wrap: WrapAlgorithm::OptimalFit,
            justify: false,
            reveal: false,
        }
    }
}

/// One composable piece of an article, in page order: the header, a section heading, a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Title, subtitle and the author/date line.
    Header,
    /// The heading of section `n` (only sections that have one).
    Heading(usize),
    Block {
        section: usize,
        block: usize,
    },
}

impl Unit {
    /// The section the unit belongs to (the header counts as section 0).
    pub fn section(self) -> usize {
        match self {
            Unit::Header => 0,
            Unit::Heading(s) | Unit::Block { section: s, .. } => s,
        }
    }

    /// Every unit of `doc`, in page order.
    pub fn all(doc: &crate::document::Document) -> Vec<Unit> {
        Self::iter(doc).collect()
    }

    /// Every unit of `doc`, in page order, without collecting them.
    pub fn iter(doc: &crate::document::Document) -> impl Iterator<Item = Unit> + '_ {
        let sections = doc.sections.iter().enumerate().flat_map(|(s, section)| {
            let heading = section.shown_heading().map(|_| Unit::Heading(s));
            let blocks =
                (0..section.blocks.len()).map(move |block| Unit::Block { section: s, block });
            heading.into_iter().chain(blocks)
        });
        std::iter::once(Unit::Header).chain(sections)
    }
}

/// Where a unit landed on the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitSpan {
    pub unit: Unit,
    /// Its lines (the blank separator lines before it are not included).
    pub lines: Range<usize>,
}

/// A whole article composed at one width, with indices for navigation.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Page {
    pub width: usize,
    pub lines: Vec<PageLine>,
    /// Every unit's line range, in page order (for keeping a paragraph at the top on resize).
    pub units: Vec<UnitSpan>,
    /// First line of each section, indexed by section (the lead's first block for section 0).
    pub sections: Vec<usize>,
    /// `(section, line)` of every section heading, in page order.
    pub headings: Vec<(usize, usize)>,
    /// First line of every call-out and figure box, in page order.
    pub boxes: Vec<usize>,
}

impl Page {
    /// The unit a line belongs to (a separator line belongs to the unit after it).
    pub fn unit_at(&self, line: usize) -> Option<Unit> {
        let i = self.units.partition_point(|span| span.lines.end <= line);
        self.units.get(i).map(|span| span.unit)
    }

    /// The first line of `unit`, if it is on the page.
    pub fn line_of(&self, unit: Unit) -> Option<usize> {
        self.units
            .iter()
            .find(|span| span.unit == unit)
            .map(|span| span.lines.start)
    }
}

impl BlockRef {
    /// Part numbers of the header lines and headings (`block: None`).
    pub const HEADING: usize = 0;
    pub const TITLE: usize = 1;
    pub const SUBTITLE: usize = 2;
    pub const META: usize = 3;
    /// Part numbers inside blocks with more than one text.
    pub const QUOTE_TEXT: usize = 0;
    pub const QUOTE_ATTRIBUTION: usize = 1;
    pub const CALLOUT_TEXT: usize = 0;
    pub const CALLOUT_VALUE: usize = 1;
    pub const FIGURE_CAPTION: usize = 0;
    pub const FIGURE_ALT: usize = 1;
    pub const FIGURE_SOURCE: usize = 2;

    pub fn header(part: usize) -> Self {
        Self {
            section: 0,
            block: None,
            part,
        }
    }

    pub fn heading(section: usize) -> Self {
        Self {
            section,
            block: None,
            part: Self::HEADING,
        }
    }

    pub fn block(section: usize, block: usize, part: usize) -> Self {
        Self {
            section,
            block: Some(block),
            part,
        }
    }
}
