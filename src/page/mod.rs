//! The page: an analysed article composed into lines of cells at one column width.
//!
//! This stage decides what a reader sees where — title, headings, paragraphs aligned by their own
//! direction, quote bars and list markers on the reading-start side, boxes around call-outs and
//! figures — but not how it is coloured: every piece carries a semantic [`Tag`] that the theme
//! turns into colours at render time. Body text comes from the layout engine already in visual
//! order, so nothing after this stage wraps or reorders.

use crate::document::{EntityKind, Inline};
use crate::layout::VisualLine;

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
    TableBorder,
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
/// which item or cell). Logical offsets in the line's clusters are bytes into that text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BlockRef {
    pub section: usize,
    /// Index into the section's blocks; `None` for the section heading (or the title block).
    pub block: Option<usize>,
    /// List item or table cell index; 0 otherwise.
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

/// One screen row of the page, at most the page width wide.
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
}
