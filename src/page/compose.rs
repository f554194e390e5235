//! Composition: a [`Document`] and a width in, a [`Page`] of lines out.
//!
//! The article is a sequence of [`Unit`]s (header, headings, blocks). Each unit is composed on
//! its own — so a reader can compose lazily around its viewport — and the page is the units in
//! order with one blank line between them. Rules:
//!
//! 1. every text goes through the layout engine once, at the width left for it, with its tags;
//! 2. a paragraph's own direction decides its side: RTL lines end at the right edge, LTR lines
//!    start at the left; text with no strong character takes the article's direction;
//! 3. decorations (bars, markers, borders) sit on the reading-start side and are never mirrored;
//! 4. no line is wider than the page;
//! 5. lines break by the page's [`crate::layout::WrapAlgorithm`] (optimal fit unless asked
//!    otherwise); with `justify`, running text — paragraphs, quotes, list items, call-out text —
//!    fills its column on every line but a paragraph's last, while titles, headings, captions,
//!    attributions, table cells and code stay ragged.
//!
//! With `reorder: false` (`--bidi terminal`) text stays in logical order and each line's pieces
//! are arranged for the terminal that reorders them (see `frame::ReorderingTerminal`).
//!
//! Headings are not numbered on the page (the page reproduces the article's own words; the
//! reader's outline numbers sections). Level 1 and 2 headings are underlined (`═`, `─`) as wide
//! as their text, so they stand out in plain text too.

use super::frame::{for_reordering_terminal, place, repeat};
use super::tags::{EntitySpan, Mention, split_entities, tag_spans};
use super::{
    BlockRef, LineKind, MIN_WIDTH, Page, PageLine, PageOptions, Piece, Role, Tag, Unit, UnitSpan,
};
use crate::document::{Direction, Document, Inline};
use crate::layout::{DirectionMode, LayoutOptions, ParagraphLayout, TagSpan, layout_paragraph};
use std::collections::HashMap;
use std::ops::Range;
use unicode_bidi::{BidiClass, bidi_class};

/// Composes one document with fixed options at any width; cheap to keep next to the document.
#[derive(Debug, Clone)]
pub struct Composer<'a> {
    doc: &'a Document,
    options: PageOptions,
    /// Entity mentions per `(section, block)`, as char ranges of the block's plain text; built
    /// only when the document's entities are not in document order (the tagger's are), since a
    /// map of a big article's mentions costs tens of milliseconds at every new width.
    entities: HashMap<(usize, usize), Vec<Mention>>,
    /// The document's entities are sorted by `(section, block)`: look them up by bisection.
    sorted: bool,
}

/// The whole of `doc` composed `width` cells wide.
pub fn compose(doc: &Document, width: usize, options: &PageOptions) -> Page {
    Composer::new(doc, *options).page(width)
}

impl<'a> Composer<'a> {
    pub fn new(doc: &'a Document, options: PageOptions) -> Self {
        let mut entities: HashMap<_, Vec<_>> = HashMap::new();
        let sorted = doc.entities.is_sorted();
        if options.entities && !sorted {
            for e in doc.entities.iter() {
                entities
                    .entry((e.section, e.block))
                    .or_default()
                    .push((e.start..e.end, e.kind));
            }
        }
        Self {
            doc,
            options,
            entities,
            sorted,
        }
    }

    pub fn document(&self) -> &'a Document {
        self.doc
    }

    pub fn options(&self) -> &PageOptions {
        &self.options
    }

    /// The whole article at `width` (widths under [`MIN_WIDTH`] count as [`MIN_WIDTH`]).
    pub fn page(&self, width: usize) -> Page {
        let width = width.max(MIN_WIDTH);
        let mut page = Page {
            width,
            ..Page::default()
        };
        let mut section_start = vec![None; self.doc.sections.len()];
        for (unit, lines) in self.units(width) {
            if !page.lines.is_empty() {
                page.lines.push(separator(unit));
            }
            let start = page.lines.len();
            for (i, line) in lines.iter().enumerate() {
                if line.kind == LineKind::BoxTop {
                    page.boxes.push(start + i);
                }
            }
            page.lines.extend(lines);
            page.units.push(UnitSpan {
                unit,
                lines: start..page.lines.len(),
            });
            if let Unit::Heading(s) = unit {
                page.headings.push((s, start));
            }
            if unit != Unit::Header
                && let Some(slot @ None) = section_start.get_mut(unit.section())
            {
                *slot = Some(start);
            }
        }
        // A section with nothing on the page starts where the next one does.
        let mut next = page.lines.len();
        page.sections = section_start
            .iter()
            .rev()
            .map(|s| {
                next = s.unwrap_or(next);
                next
            })
            .collect();
        page.sections.reverse();
        page
    }

    /// Every non-empty unit of the article with its lines at `width`, in page order, composed
    /// one at a time as the iterator is advanced: a caller that writes each unit out and drops
    /// it holds one paragraph's lines at a time, never the page.
    pub fn units(&self, width: usize) -> impl Iterator<Item = (Unit, Vec<PageLine>)> + '_ {
        let width = width.max(MIN_WIDTH);
        Unit::iter(self.doc)
            .map(move |unit| (unit, self.unit(unit, width)))
            .filter(|(_, lines)| !lines.is_empty())
    }

    /// The page's lines at `width` one by one, the blank lines between units included: exactly
    /// [`Composer::page`]'s lines, composed unit by unit as they are taken.
    pub fn lines(&self, width: usize) -> impl Iterator<Item = PageLine> + '_ {
        let mut first = true;
        self.units(width).flat_map(move |(unit, lines)| {
            let blank = (!std::mem::take(&mut first)).then(|| separator(unit));
            blank.into_iter().chain(lines)
        })
    }

    /// The lines of one unit at `width`, without separators (empty for an empty unit).
    pub fn unit(&self, unit: Unit, width: usize) -> Vec<PageLine> {
        let width = width.max(MIN_WIDTH);
        let section = unit.section();
        let pieces_lines = match unit {
            Unit::Header => self.header(width),
            Unit::Heading(s) => self.heading(s, width),
            Unit::Block { section, block } => self.block(section, block, width),
        };
        pieces_lines
            .into_iter()
            .map(|(mut pieces, kind)| {
                if !self.options.reorder {
                    for_reordering_terminal(self.options.terminal, &mut pieces);
                }
                PageLine {
                    pieces,
                    kind,
                    section,
                }
            })
            .collect()
    }

    fn header(&self, width: usize) -> Vec<(Vec<Piece>, LineKind)> {
        let doc = self.doc;
        let mut out = Vec::new();
        let meta = super::sources::meta_line(doc);
        let parts = [
            (Some(doc.title.as_str()), Role::Title, BlockRef::TITLE),
            (doc.subtitle.as_deref(), Role::Subtitle, BlockRef::SUBTITLE),
            (meta.as_deref(), Role::Meta, BlockRef::META),
        ];
        for (text, role, part) in parts {
            let Some(text) = text.filter(|t| !t.trim().is_empty()) else {
                continue;
            };
            let mut tag = Tag::role(role);
            tag.strong = role == Role::Title;
            let layout = self.layout(text, &tag_spans(text, tag, &[], &[]), width, None);
            let kind = if role == Role::Title {
                LineKind::Title
            } else {
                LineKind::Other
            };
            out.extend(self.placed(layout, BlockRef::header(part), width, kind));
        }
        if !out.is_empty() {
            out.push((
                repeat('━', width, Role::Rule).into_iter().collect(),
                LineKind::Other,
            ));
        }
        out
    }

    fn heading(&self, section: usize, width: usize) -> Vec<(Vec<Piece>, LineKind)> {
        let Some(s) = self.doc.sections.get(section) else {
            return Vec::new();
        };
        let Some(text) = s.shown_heading() else {
            return Vec::new();
        };
        let mut tag = Tag::role(Role::Heading);
        tag.strong = true;
        let layout = self.layout(text, &tag_spans(text, tag, &[], &[]), width, None);
        let rtl = layout.rtl;
        let text_width = layout.lines.iter().map(|l| l.width).max().unwrap_or(0);
        let mut out = self.placed(
            layout,
            BlockRef::heading(section),
            width,
            LineKind::Heading(section),
        );
        let rule = match s.level {
            0 | 1 => Some('═'),
            2 => Some('─'),
            _ => None,
        };
        if let Some(c) = rule.filter(|_| text_width > 0) {
            let mut pieces: Vec<Piece> = Vec::new();
            if rtl {
                pieces.extend(super::frame::spaces(
                    width.saturating_sub(text_width),
                    Role::Body,
                ));
            }
            pieces.extend(repeat(c, text_width, Role::Heading));
            out.push((pieces, LineKind::Other));
        }
        out
    }

    /// Every line of `layout` placed on its side of a `width` column; the first gets `kind`.
    pub(super) fn placed(
        &self,
        layout: ParagraphLayout<Tag>,
        source: BlockRef,
        width: usize,
        kind: LineKind,
    ) -> Vec<(Vec<Piece>, LineKind)> {
        let rtl = layout.rtl;
        layout
            .lines
            .into_iter()
            .enumerate()
            .map(|(i, line)| {
                let kind = if i == 0 { kind } else { LineKind::Other };
                (place(line, source, width, rtl, None), kind)
            })
            .collect()
    }

    /// Lays out `text` at `width`; `forced` overrides the direction (code is always LTR).
    pub(super) fn layout(
        &self,
        text: &str,
        spans: &[TagSpan<Tag>],
        width: usize,
        forced: Option<DirectionMode>,
    ) -> ParagraphLayout<Tag> {
        self.layout_justified(text, spans, width, forced, false)
    }

    /// [`Composer::layout`], justified when `justify` is set and the page justifies.
    fn layout_justified(
        &self,
        text: &str,
        spans: &[TagSpan<Tag>],
        width: usize,
        forced: Option<DirectionMode>,
        justify: bool,
    ) -> ParagraphLayout<Tag> {
        let direction = forced.unwrap_or_else(|| self.direction_of(text));
        let options = LayoutOptions {
            width: Some(width.max(1)),
            direction,
            shape: self.options.shape,
            reorder: self.options.reorder,
            wrap: self.options.wrap,
            justify: justify && self.options.justify,
            reveal: self.options.reveal,
        };
        let mut laid = layout_paragraph(text, spans, &options);
        if options.reveal {
            for c in laid.lines.iter_mut().flat_map(|l| l.clusters.iter_mut()) {
                c.tag.revealed |= c.revealed;
            }
        }
        laid
    }

    /// Lays out a styled text at `width` with its role, inline marks and entities; running
    /// text (body, quotes, call-out text) justified when the page justifies.
    pub(super) fn rich(
        &self,
        text: &str,
        role: Role,
        inlines: &[(Range<usize>, Inline)],
        entities: &[EntitySpan],
        width: usize,
    ) -> ParagraphLayout<Tag> {
        let running = matches!(role, Role::Body | Role::Quote | Role::CalloutText);
        self.styled(text, role, inlines, entities, width, running)
    }

    /// [`Composer::rich`], never justified (table cells).
    pub(super) fn rich_ragged(
        &self,
        text: &str,
        role: Role,
        inlines: &[(Range<usize>, Inline)],
        entities: &[EntitySpan],
        width: usize,
    ) -> ParagraphLayout<Tag> {
        self.styled(text, role, inlines, entities, width, false)
    }

    fn styled(
        &self,
        text: &str,
        role: Role,
        inlines: &[(Range<usize>, Inline)],
        entities: &[EntitySpan],
        width: usize,
        justify: bool,
    ) -> ParagraphLayout<Tag> {
        let spans = tag_spans(text, Tag::role(role), inlines, entities);
        self.layout_justified(text, &spans, width, None, justify)
    }

    /// The direction a text is laid out in: the override, else its own (first strong
    /// character), else — when it has no strong character at all — the article's.
    pub(super) fn direction_of(&self, text: &str) -> DirectionMode {
        if self.options.direction != DirectionMode::Auto {
            return self.options.direction;
        }
        let strong = text
            .chars()
            .any(|c| matches!(bidi_class(c), BidiClass::L | BidiClass::R | BidiClass::AL));
        match (strong, self.doc.direction) {
            (true, _) => DirectionMode::Auto,
            (false, Direction::Rtl) => DirectionMode::Rtl,
            (false, Direction::Ltr) => DirectionMode::Ltr,
        }
    }

    /// Whether the article reads right to left (for decorations of texts without direction).
    pub(super) fn article_rtl(&self) -> bool {
        match self.options.direction {
            DirectionMode::Rtl => true,
            DirectionMode::Ltr => false,
            DirectionMode::Auto => self.doc.direction == Direction::Rtl,
        }
    }

    /// Entity mentions of block `(section, block)` cut into its parts, as byte ranges.
    pub(super) fn entities_of(
        &self,
        section: usize,
        block: usize,
        parts: &[&str],
    ) -> Vec<Vec<EntitySpan>> {
        if self.options.entities && self.sorted {
            let mentions: Vec<Mention> = (self.doc.entities.in_block(section, block))
                .map(|(_, e)| (e.start..e.end, e.kind))
                .collect();
            if !mentions.is_empty() {
                return split_entities(parts, &mentions);
            }
        } else if let Some(mentions) = self.entities.get(&(section, block)) {
            return split_entities(parts, mentions);
        }
        vec![Vec::new(); parts.len()]
    }
}

/// The blank line the page puts before `unit` (when something comes before it).
fn separator(unit: Unit) -> PageLine {
    PageLine {
        pieces: Vec::new(),
        kind: LineKind::Blank,
        section: unit.section(),
    }
}
