//! The layout engine: one paragraph of logical-order text in, visual lines for a terminal out.
//!
//! This is the only width-dependent stage, and it knows nothing of terminals (no ratatui, no
//! crossterm). Per paragraph:
//!
//! 1. bidi analysis once (UAX #9 paragraph level and resolved levels, unicode-bidi);
//! 2. Arabic shaping in logical order (presentation forms; lam-alef becomes one character);
//! 3. line breaking in logical order by display width (UAX #14 opportunities, unicode-width cells
//!    measured on the shaped text, over-long words split at grapheme boundaries);
//! 4. each line reordered to visual order (L1 trailing whitespace, L2 runs, L3 combining marks
//!    after their base, L4 mirrored glyphs in RTL runs);
//! 5. bidi controls and ZWJ/ZWNJ dropped, other control characters shown as U+2400 symbols.
//!
//! Tags (opaque, one per logical byte range) travel with every character, and every cell keeps
//! the logical byte offset it came from, so styles and search matches land on the right cells.

use std::ops::Range;

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
}

impl Default for LayoutOptions {
    fn default() -> Self {
        Self {
            width: None,
            direction: DirectionMode::Auto,
            shape: true,
            reorder: true,
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
    /// Display cells it takes (0 never occurs: marks ride with their base).
    pub width: usize,
    /// Byte range of the logical paragraph text it came from.
    pub logical: Range<usize>,
    /// The tag of its first logical character (`T::default()` when untagged).
    pub tag: T,
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
}

/// A laid-out paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParagraphLayout<T> {
    /// Resolved base direction: RTL paragraphs are right-aligned by the caller.
    pub rtl: bool,
    pub lines: Vec<VisualLine<T>>,
}

/// Lays out one paragraph. PROVISIONAL: logical order, no wrapping — replaced by the engine.
pub fn layout_paragraph<T: Copy + Default>(
    text: &str,
    _tags: &[TagSpan<T>],
    _options: &LayoutOptions,
) -> ParagraphLayout<T> {
    let line = VisualLine {
        text: text.to_owned(),
        clusters: Vec::new(),
        width: 0,
        logical: 0..text.len(),
    };
    ParagraphLayout {
        rtl: false,
        lines: vec![line],
    }
}
