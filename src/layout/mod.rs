//! The layout engine: one paragraph of logical-order text in, visual lines for a terminal out.
//!
//! This is the only width-dependent stage, and it knows nothing of terminals (no ratatui, no
//! crossterm). Per paragraph:
//!
//! 1. bidi analysis once (UAX #9 paragraph level and resolved levels, unicode-bidi);
//! 2. Arabic shaping in logical order (presentation forms; lam-alef becomes one character);
//! 3. line breaking in logical order by display width (UAX #14 opportunities, unicode-width cells
//!    measured on the shaped text, over-long words split at grapheme boundaries; first fit or
//!    optimal fit, see [`WrapAlgorithm`]);
//! 4. with `justify`, every line but a paragraph's last filled to the width: kashida (tatweel)
//!    where Arabic letters join, else wider spaces (see `justify.rs`);
//! 5. each line reordered to visual order (L1 trailing whitespace, L2 runs, L3 combining marks
//!    after their base, L4 mirrored glyphs in RTL runs);
//! 6. bidi controls and ZWJ/ZWNJ dropped (in reveal mode shown as labels, at their logical
//!    place, the text reordered as without them), other control characters shown as U+2400
//!    symbols.
//!
//! Tags (opaque, one per logical byte range) travel with every character, and every cell keeps
//! the logical byte offset it came from, so styles and search matches land on the right cells.
//!
//! Whitespace at a break: the spaces where a line breaks stay in that line's logical range (the
//! lines' logical ranges, concatenated, are the paragraph, in order) but are neither shown nor
//! counted. With a width, trailing whitespace is not shown on the last line either; without a
//! width nothing is hidden and L1 places trailing whitespace at the paragraph's end.

mod cluster;
#[doc(hidden)]
pub mod conformance;
pub mod controls;
mod forms_table;
pub mod hidden;
mod joining_table;
pub mod justify;
pub mod mirror;
mod mirror_table;
mod paragraph;
mod reorder;
pub(crate) use reorder::visual_order;
pub mod shaping;
pub mod width;
mod wrap;

use cluster::LogicalCluster;
use paragraph::Analysis;
use shaping::Glyph;
use std::ops::Range;
pub use wrap::WrapAlgorithm;

/// Which base direction a paragraph gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DirectionMode {
    /// First strong character outside isolates decides; LTR when there is none.
    #[default]
    Auto,
    Ltr,
    Rtl,
}

/// How to lay out one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayoutOptions {
    /// Column width in cells; `None` means no wrapping (one line per paragraph).
    pub width: Option<usize>,
    pub direction: DirectionMode,
    /// Shape Arabic letters into presentation forms.
    pub shape: bool,
    /// Reorder to visual order (`true`, the default) or keep logical order for terminals that
    /// reorder by themselves (`--bidi terminal`).
    pub reorder: bool,
    /// How lines are broken (with a width).
    pub wrap: WrapAlgorithm,
    /// Fill every line but a paragraph's last to the width (with a width).
    pub justify: bool,
    /// Show bidi controls and other invisible characters as labels (see [`controls`]).
    pub reveal: bool,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        Self {
            width: None,
            direction: DirectionMode::Auto,
            shape: true,
            reorder: true,
            wrap: WrapAlgorithm::FirstFit,
            justify: false,
            reveal: false,
        }
    }
}

/// A tag over a byte range of the logical paragraph text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagSpan<T> {
    pub range: Range<usize>,
    pub tag: T,
}

/// One grapheme placed on screen: what to paint in `width` cells, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cluster<T> {
    /// Byte range of this grapheme inside [`VisualLine::text`].
    pub text: Range<usize>,
    /// Display cells it takes. Marks and other zero-width characters ride with a neighbour, so
    /// this is 0 only in a paragraph made of nothing but invisible format characters.
    pub width: usize,
    /// Byte range of the logical paragraph text it came from.
    pub logical: Range<usize>,
    /// The tag of its first logical character (`T::default()` when untagged).
    pub tag: T,
    /// A character of the reveal label of an invisible character (reveal mode, one cluster a
    /// character, all with the control's logical range), not text of the paragraph.
    pub revealed: bool,
}

/// One line in visual (left-to-right screen) order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisualLine<T> {
    /// The line's text in visual order, shaped and mirrored, with controls removed.
    pub text: String,
    /// Its graphemes, left to right.
    pub clusters: Vec<Cluster<T>>,
    /// Display width in cells (sum of the clusters' widths; trailing spaces excluded).
    pub width: usize,
    /// The byte range of the logical paragraph this line covers.
    pub logical: Range<usize>,
    /// Whether its paragraph reads right to left (where a terminal that reorders by itself
    /// must be told so, see `page::ReorderingTerminal`).
    pub rtl: bool,
}

/// A laid-out paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParagraphLayout<T> {
    /// Resolved base direction: RTL paragraphs are right-aligned by the caller.
    pub rtl: bool,
    pub lines: Vec<VisualLine<T>>,
}

thread_local! {
    static LAID_OUT: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// How many paragraphs [`layout_paragraph`] has laid out on the calling thread so far: lets a
/// test check that a big article's first screen lays out only what it shows (work done by
/// background threads is not counted).
pub fn paragraphs_laid_out() -> usize {
    LAID_OUT.with(std::cell::Cell::get)
}

/// Lays out one paragraph: bidi analysis, shaping, wrapping, then each line in visual order.
///
/// `text` is one paragraph in logical order; `tags` mark byte ranges of it (the first span that
/// starts last wins where spans overlap). There is always at least one line.
pub fn layout_paragraph<T: Copy + Default>(
    text: &str,
    tags: &[TagSpan<T>],
    options: &LayoutOptions,
) -> ParagraphLayout<T> {
    LAID_OUT.with(|n| n.set(n.get() + 1));
    let analysis = Analysis::new(text, options.direction);
    let mut glyphs = Vec::with_capacity(text.len());
    // A label never makes a line overflow: a column narrower than the widest gets one-cell ones.
    let label_cells = options.width.unwrap_or(usize::MAX);
    shaping::shape_with(
        text,
        options.shape,
        options.reveal.then_some(label_cells),
        &mut glyphs,
    );
    let mut clusters = Vec::with_capacity(glyphs.len());
    cluster::clusters(&glyphs, &mut String::new(), &mut clusters);
    let ranges = match options.width {
        Some(width) => wrap::break_lines(text, &clusters, width, options.wrap),
        None => vec![wrap::Line {
            clusters: 0..clusters.len(),
            last: true,
        }],
    };
    let justify = match options.width {
        Some(width) if options.justify && ranges.len() > 1 => {
            Some(justify::Justifier::new(width, analysis.rtl(), &mut glyphs))
        }
        _ => None,
    };
    let tagger = Tagger::new(tags);
    let mut scratch = Scratch::default();
    let mut lines = Vec::with_capacity(ranges.len());
    let mut justified = Vec::new();
    for (k, line) in ranges.iter().enumerate() {
        let range = &line.clusters;
        // Lines meet where the next one's first cluster starts, so they tile the paragraph.
        let start_of = |line: &wrap::Line| {
            clusters
                .get(line.clusters.start)
                .map_or(text.len(), |c| c.start as usize)
        };
        let logical_start = if k == 0 { 0 } else { start_of(line) };
        let logical_end = ranges.get(k + 1).map_or(text.len(), start_of);
        let mut visible = &clusters[range.clone()];
        if options.width.is_some() {
            let kept = visible
                .iter()
                .rposition(|c| !c.space)
                .map_or(0, |last| last + 1);
            visible = &visible[..kept];
        }
        if let Some(justifier) = justify.as_ref().filter(|_| !line.last) {
            justifier.fill(visible, &glyphs, &analysis, &mut justified);
            visible = &justified;
        }
        let line = LineInput {
            text,
            analysis: &analysis,
            glyphs: &glyphs,
            clusters: visible,
            tagger: &tagger,
        };
        lines.push(line.build(logical_start..logical_end, options.reorder, &mut scratch));
    }
    ParagraphLayout {
        rtl: analysis.rtl(),
        lines,
    }
}

/// Buffers reused from line to line.
#[derive(Default)]
struct Scratch {
    /// Levels of the line's bytes after L1.
    bytes: Vec<u8>,
    /// Per unit of L2: the cluster index, or [`UNSHOWN`] for a control that is not shown.
    units: Vec<u32>,
    /// Level per unit.
    levels: Vec<u8>,
    order: Vec<usize>,
}

/// A unit of L2 that is no cluster: a control kept by rule X9 but not shown.
const UNSHOWN: u32 = u32::MAX;

struct LineInput<'a, T> {
    text: &'a str,
    analysis: &'a Analysis,
    glyphs: &'a [Glyph],
    clusters: &'a [LogicalCluster],
    tagger: &'a Tagger<'a, T>,
}

impl<T: Copy + Default> LineInput<'_, T> {
    /// Units for the characters of `range` (between clusters, not shown) that rule X9 keeps,
    /// at their levels after L1.
    fn unshown_units(&self, range: Range<usize>, line: &Range<usize>, s: &mut Scratch) {
        use unicode_bidi::BidiClass::{BN, LRE, LRO, PDF, RLE, RLO};
        let Some(text) = self.text.get(range.clone()) else {
            return;
        };
        for (at, _) in text.char_indices() {
            let b = range.start + at;
            if !matches!(self.analysis.class(b), BN | LRE | RLE | LRO | RLO | PDF) {
                let level = s.bytes.get(b - line.start).copied();
                s.levels
                    .push(level.unwrap_or_else(|| self.analysis.level(b)));
                s.units.push(UNSHOWN);
            }
        }
    }

    /// Gives the label of an embedding or override initiator (LRE RLE LRO RLO, removed by X9,
    /// so at the level of the character before it) the level of the unit after it, so that the
    /// label stands at the start of what it opens, as PDF's stands at the end of what it closes.
    /// Either neighbour's level leaves the other units' order as it is.
    fn open_with_the_next_unit(&self, s: &mut Scratch) {
        use unicode_bidi::BidiClass::{LRE, LRO, RLE, RLO};
        let mut after = None;
        for u in (0..s.units.len()).rev() {
            let opener = self.clusters.get(s.units[u] as usize).is_some_and(|c| {
                self.glyphs
                    .get(c.glyphs.start as usize)
                    .is_some_and(|g| g.revealed)
                    && matches!(self.analysis.class(c.start as usize), LRE | RLE | LRO | RLO)
            });
            match after {
                Some(level) if opener => s.levels[u] = level,
                _ => after = Some(s.levels[u]),
            }
        }
    }

    /// The source byte whose level a cluster takes: its first glyph that is not a boundary
    /// neutral (a zero-width space or joiner merged into the cluster from before its letter).
    /// A cell added by justification has no source bytes of its own: it takes the level of the
    /// letter or space it extends (the cluster's start).
    fn base(&self, c: &LogicalCluster) -> usize {
        let glyphs = &self.glyphs[c.glyphs.start as usize..c.glyphs.end as usize];
        glyphs
            .iter()
            .filter(|g| g.end > g.start)
            .map(|g| g.start as usize)
            .find(|&b| self.analysis.class(b) != unicode_bidi::BidiClass::BN)
            .unwrap_or(c.start as usize)
    }

    /// Writes a reveal label (one unit of wrapping and reordering) as one visual cluster per
    /// character, so that every cell holds one character; returns the cells taken.
    fn label(
        &self,
        c: &LogicalCluster,
        glyphs: &[Glyph],
        text: &mut String,
        out: &mut Vec<Cluster<T>>,
    ) -> usize {
        let tag = self.tagger.tag_at(c.start as usize);
        let mut cells = 0;
        for g in glyphs {
            let at = text.len();
            text.push(g.ch);
            let piece = width::grapheme_width(text.get(at..).unwrap_or_default());
            match out.last_mut() {
                // A mark that rode with the label stays on its last character.
                Some(last) if !g.revealed && last.revealed => {
                    last.text.end = text.len();
                    last.width += piece;
                }
                _ => out.push(Cluster {
                    text: at..text.len(),
                    width: piece,
                    logical: c.start as usize..c.end as usize,
                    tag,
                    revealed: true,
                }),
            }
            cells += piece;
        }
        cells
    }

    /// L1, L2, then the text written cluster by cluster: a cluster's glyphs keep their logical
    /// order (L3: marks after their base) and are mirrored at odd levels (L4).
    fn build(&self, logical: Range<usize>, reorder: bool, s: &mut Scratch) -> VisualLine<T> {
        let analysis = self.analysis;
        let n = self.clusters.len();
        s.levels.clear();
        s.order.clear();
        s.units.clear();
        if analysis.single_level() {
            // Every character at the paragraph level: L1 changes nothing, L2 reverses the line
            // of an RTL paragraph as a whole.
            s.levels.resize(n, analysis.para_level);
            s.units.extend(0..n as u32);
            if reorder && analysis.rtl() {
                s.order.extend((0..n).rev());
            } else {
                s.order.extend(0..n);
            }
        } else if reorder {
            // L1 looks at every character of the line, the ones that are not shown too: an
            // RLM after a space keeps the space from trailing, an LRI after it does not.
            s.bytes.clear();
            s.bytes.extend(logical.clone().map(|b| analysis.level(b)));
            reorder::apply_l1_bytes(
                |b| analysis.class(logical.start + b),
                &mut s.bytes,
                analysis.para_level,
            );
            // L2 orders the clusters together with the controls that rule X9 keeps (isolate
            // initiators, PDI, LRM, RLM, ALM): they are not shown, but their levels separate
            // or join the runs around them.
            let mut next = logical.start;
            for (i, c) in self.clusters.iter().enumerate() {
                self.unshown_units(next..c.start as usize, &logical, s);
                let base = self.base(c);
                let level = s.bytes.get(base.wrapping_sub(logical.start)).copied();
                s.levels.push(level.unwrap_or_else(|| analysis.level(base)));
                s.units.push(i as u32);
                next = next.max(c.end as usize);
            }
            self.unshown_units(next..logical.end, &logical, s);
            self.open_with_the_next_unit(s);
            reorder::visual_order(&s.levels, &mut s.order);
        } else {
            s.levels
                .extend(self.clusters.iter().map(|c| analysis.level(self.base(c))));
            s.units.extend(0..n as u32);
            s.order.extend(0..n);
        }
        // Three bytes a glyph fits Arabic, Hebrew and Latin; the line's glyphs are contiguous.
        let glyphs = match (self.clusters.first(), self.clusters.last()) {
            (Some(first), Some(last)) => (last.glyphs.end - first.glyphs.start) as usize,
            _ => 0,
        };
        let mut text = String::with_capacity(glyphs * 3);
        let mut clusters = Vec::with_capacity(self.clusters.len());
        let mut width = 0;
        for &u in &s.order {
            let Some(c) = self.clusters.get(s.units[u] as usize) else {
                continue;
            };
            let mirror = reorder && s.levels[u] % 2 == 1;
            let at = text.len();
            let glyphs = &self.glyphs[c.glyphs.start as usize..c.glyphs.end as usize];
            if glyphs.first().is_some_and(|g| g.revealed) {
                width += self.label(c, glyphs, &mut text, &mut clusters);
                continue;
            }
            for g in glyphs {
                match g.ch {
                    '\t' => text.extend(std::iter::repeat_n(' ', controls::TAB_CELLS)),
                    c if mirror && !g.revealed => text.push(mirror::mirrored(c)),
                    c => text.push(c),
                }
            }
            width += usize::from(c.width);
            clusters.push(Cluster {
                text: at..text.len(),
                width: usize::from(c.width),
                logical: c.start as usize..c.end as usize,
                tag: self.tagger.tag_at(c.start as usize),
                revealed: false,
            });
        }
        VisualLine {
            text,
            clusters,
            width,
            logical,
            rtl: analysis.rtl(),
        }
    }
}

/// Finds the tag of a logical byte offset.
struct Tagger<'a, T> {
    /// Spans sorted by start.
    spans: Vec<&'a TagSpan<T>>,
}

impl<'a, T: Copy + Default> Tagger<'a, T> {
    fn new(tags: &'a [TagSpan<T>]) -> Self {
        let mut spans: Vec<&TagSpan<T>> = tags.iter().filter(|t| !t.range.is_empty()).collect();
        spans.sort_by_key(|t| t.range.start);
        Self { spans }
    }

    fn tag_at(&self, at: usize) -> T {
        if self.spans.is_empty() {
            return T::default();
        }
        let after = self.spans.partition_point(|t| t.range.start <= at);
        self.spans[..after]
            .iter()
            .rev()
            .find(|t| t.range.end > at)
            .map_or_else(T::default, |t| t.tag)
    }
}

#[cfg(test)]
mod tests;
