//! Grapheme clusters of the shaped text, in logical order: the units that are measured, wrapped
//! and reordered.
//!
//! Rule: a cluster is one extended grapheme of the *shaped* glyphs (so a lam-alef ligature with
//! its harakat is one cluster of one cell), measured by [`super::width::grapheme_width`]. A
//! zero-width grapheme (a zero-width space, a joiner kept in an emoji sequence) is merged into
//! the cluster before it, or into the one after it at the start of a paragraph, so nothing
//! invisible is lost and every cluster takes at least one cell — except in a paragraph made of
//! nothing but invisible format characters, which is one cluster of width 0. No cluster but a
//! tab is wider than two cells: a longer grapheme (a base and a run of spacing marks) is split
//! before each of its characters that takes cells.
//!
//! In reveal mode the label of an invisible character is one cluster, however many cells it
//! takes (at most [`super::controls::MAX_LABEL_CELLS`]).
//!
//! Most paragraphs hold only letters, digits, punctuation and marks of Latin, Hebrew and Arabic
//! script; for them the grapheme rules reduce to "a mark extends the grapheme before it", and
//! that fast path skips the general segmentation (same result, checked by a test).

use super::controls::TAB_CELLS;
use super::shaping::Glyph;
use super::width::grapheme_width;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LogicalCluster {
    /// Indices into the glyph vector.
    pub glyphs: Range<u32>,
    /// Source byte range.
    pub start: u32,
    pub end: u32,
    pub width: u16,
    /// Only whitespace: hidden where a line breaks.
    pub space: bool,
}

impl LogicalCluster {
    fn absorb(&mut self, other: &LogicalCluster) {
        self.glyphs =
            self.glyphs.start.min(other.glyphs.start)..self.glyphs.end.max(other.glyphs.end);
        self.start = self.start.min(other.start);
        self.end = self.end.max(other.end);
        self.width += other.width;
        self.space &= other.space;
    }
}

/// Grapheme role of a character whose grapheme break property is Other and that takes one cell
/// (`Some(false)`), or whose property is Extend and that takes none (`Some(true)`), for the
/// common scripts; `None` for anything else.
#[inline]
fn role_in(roles: &[u8], c: char) -> Option<bool> {
    match roles.get(c as usize) {
        Some(1) => Some(false),
        Some(2) => Some(true),
        _ => None,
    }
}

/// [`classify`] of every BMP character: 0 none, 1 base, 2 mark.
fn roles() -> &'static [u8] {
    static ROLES: std::sync::OnceLock<Box<[u8]>> = std::sync::OnceLock::new();
    ROLES.get_or_init(|| {
        (0..0x10000)
            .map(|cp| match char::from_u32(cp).and_then(classify) {
                None => 0,
                Some(false) => 1,
                Some(true) => 2,
            })
            .collect()
    })
}

/// The definition behind [`role_in`], which looks it up in a table.
fn classify(c: char) -> Option<bool> {
    match c {
        ' '..='~' | '\u{A0}'..='\u{AC}' | '\u{AE}'..='\u{2FF}' | '\u{2010}'..='\u{2027}' => {
            Some(false)
        }
        // Hebrew letters and punctuation; points and cantillation marks.
        '\u{5D0}'..='\u{5EA}'
        | '\u{5BE}'
        | '\u{5C0}'
        | '\u{5C3}'
        | '\u{5C6}'
        | '\u{5F3}'
        | '\u{5F4}' => Some(false),
        '\u{591}'..='\u{5BD}'
        | '\u{5BF}'
        | '\u{5C1}'
        | '\u{5C2}'
        | '\u{5C4}'
        | '\u{5C5}'
        | '\u{5C7}' => Some(true),
        // Arabic letters, digits and punctuation; harakat; presentation forms.
        '\u{60C}' | '\u{61B}' | '\u{61F}' | '\u{621}'..='\u{64A}' | '\u{660}'..='\u{66D}' => {
            Some(false)
        }
        '\u{671}'..='\u{6D5}' | '\u{6F0}'..='\u{6F9}' => Some(false),
        '\u{64B}'..='\u{65F}' | '\u{670}' => Some(true),
        '\u{FB50}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}' => Some(false),
        _ => None,
    }
}

/// The clusters of `glyphs`; `shaped` is scratch space for their text.
pub(crate) fn clusters(glyphs: &[Glyph], shaped: &mut String, out: &mut Vec<LogicalCluster>) {
    out.clear();
    if !simple_clusters(glyphs, out) {
        out.clear();
        shaped.clear();
        shaped.extend(glyphs.iter().map(|g| g.ch));
        segmented_clusters(glyphs, shaped, out);
    }
    if glyphs.iter().any(|g| g.revealed) {
        merge_labels(glyphs, out);
    }
}

/// Makes the glyphs of one reveal label (all from the same source character) one cluster, so
/// that the label is one unit of reordering and of wrapping.
fn merge_labels(glyphs: &[Glyph], out: &mut Vec<LogicalCluster>) {
    let label_of = |i: u32| {
        glyphs
            .get(i as usize)
            .filter(|g| g.revealed)
            .map(|g| g.start)
    };
    let mut merged: Vec<LogicalCluster> = Vec::with_capacity(out.len());
    for cluster in out.drain(..) {
        if let Some(last) = merged.last_mut()
            && let Some(start) = label_of(cluster.glyphs.start)
            && label_of(last.glyphs.end.wrapping_sub(1)) == Some(start)
        {
            last.absorb(&cluster);
            continue;
        }
        merged.push(cluster);
    }
    *out = merged;
}

/// Clusters when every glyph is a one-cell base or a mark after one; `false` (and `out` left
/// half-filled) when some glyph is neither.
fn simple_clusters(glyphs: &[Glyph], out: &mut Vec<LogicalCluster>) -> bool {
    let roles = roles();
    let mut i = 0;
    while i < glyphs.len() {
        if role_in(roles, glyphs[i].ch) != Some(false) {
            return false;
        }
        let first = i;
        let (mut start, mut end) = (glyphs[i].start, glyphs[i].end);
        i += 1;
        while let Some(g) = glyphs.get(i) {
            match role_in(roles, g.ch) {
                Some(true) => {
                    start = start.min(g.start);
                    end = end.max(g.end);
                    i += 1;
                }
                Some(false) => break,
                None => return false,
            }
        }
        out.push(LogicalCluster {
            glyphs: first as u32..i as u32,
            start,
            end,
            // Every base of the fast path takes one cell (tested against grapheme_width).
            width: 1,
            space: i == first + 1 && glyphs[first].ch.is_whitespace(),
        });
    }
    true
}

/// The widest a cluster may be (other than a tab): one East Asian wide character. A page
/// column is never narrower ([`crate::page::MIN_WIDTH`]), so every cluster fits on a line.
pub(crate) const MAX_CLUSTER_CELLS: usize = 2;

/// The glyphs `range` of one over-wide grapheme as clusters of one character that takes cells
/// each, with the zero-width characters after it (or, at the start, before it).
fn split_wide(glyphs: &[Glyph], range: Range<usize>, out: &mut Vec<LogicalCluster>) {
    let mut text = String::new();
    let mut piece: Option<LogicalCluster> = None;
    for i in range {
        let g = glyphs[i];
        let cells = grapheme_width(g.ch.encode_utf8(&mut [0; 4]));
        if cells > 0
            && let Some(done) = piece.take_if(|p| p.width > 0)
        {
            out.push(done);
            text.clear();
        }
        text.push(g.ch);
        let p = piece.get_or_insert(LogicalCluster {
            glyphs: i as u32..i as u32,
            start: g.start,
            end: g.end,
            width: 0,
            space: true,
        });
        p.glyphs.end = i as u32 + 1;
        p.start = p.start.min(g.start);
        p.end = p.end.max(g.end);
        p.width = grapheme_width(&text).min(u16::MAX as usize) as u16;
        p.space &= g.ch.is_whitespace();
    }
    out.extend(piece);
}

/// Clusters by the full grapheme rules of UAX #29.
fn segmented_clusters(glyphs: &[Glyph], shaped: &str, out: &mut Vec<LogicalCluster>) {
    let mut pending: Option<LogicalCluster> = None;
    let mut next_glyph = 0usize;
    let mut glyph_byte = 0usize;
    for (at, grapheme) in shaped.grapheme_indices(true) {
        let first = next_glyph;
        let end_byte = at + grapheme.len();
        let (mut start, mut end) = (u32::MAX, 0);
        while glyph_byte < end_byte && next_glyph < glyphs.len() {
            let g = glyphs[next_glyph];
            start = start.min(g.start);
            end = end.max(g.end);
            glyph_byte += g.ch.len_utf8();
            next_glyph += 1;
        }
        let mut cluster = LogicalCluster {
            glyphs: first as u32..next_glyph as u32,
            start,
            end,
            width: match grapheme.strip_prefix('\t') {
                // A tab is a grapheme of its own (plus any marks that follow it).
                Some(rest) => TAB_CELLS + grapheme_width(rest),
                None => grapheme_width(grapheme),
            }
            .min(u16::MAX as usize) as u16,
            space: grapheme.chars().all(char::is_whitespace),
        };
        // A base with a run of spacing marks ("क" and ten "ा", "瀾ਾ") is one grapheme as wide
        // as all of them together, wider than any column the page promises to fill; a terminal
        // draws each of those characters in cells of its own anyway, so such a grapheme is
        // split before each character that takes cells and wraps like an over-long word.
        if usize::from(cluster.width) > MAX_CLUSTER_CELLS && !grapheme.starts_with('\t') {
            let from = out.len();
            split_wide(glyphs, first..next_glyph, out);
            if let (Some(p), Some(head)) = (pending.take(), out.get_mut(from)) {
                head.absorb(&p);
            }
            continue;
        }
        if cluster.width == 0 {
            match (out.last_mut(), pending.as_mut()) {
                (Some(last), _) => last.absorb(&cluster),
                (None, Some(p)) => p.absorb(&cluster),
                (None, None) => pending = Some(cluster),
            }
            continue;
        }
        if let Some(p) = pending.take() {
            cluster.absorb(&p);
        }
        out.push(cluster);
    }
    // A paragraph of nothing but zero-width characters still keeps them.
    out.extend(pending);
}

#[cfg(test)]
mod tests {
    use super::super::shaping::shape_into;
    use super::*;

    fn of(text: &str) -> Vec<LogicalCluster> {
        let mut glyphs = Vec::new();
        shape_into(text, true, &mut glyphs);
        let mut out = Vec::new();
        clusters(&glyphs, &mut String::new(), &mut out);
        out
    }

    #[test]
    fn fast_path_agrees_with_full_segmentation() {
        let texts = [
            include_str!("../../assets/raqqa-news-ar.txt"),
            "שָׁלוֹם ְעוֹלָם, זה מבחן (test) 123 ו-456 צה״ל — «ok» … 1.5%",
            "لَا بلَّا كلّا ٢٠٢٣ ۱۴۰۲ ؟ ، ؛ omega façade",
        ];
        for text in texts.iter().flat_map(|t| t.lines()) {
            let mut glyphs = Vec::new();
            shape_into(text, true, &mut glyphs);
            let shaped: String = glyphs.iter().map(|g| g.ch).collect();
            assert!(
                glyphs.iter().all(|g| role_in(roles(), g.ch).is_some()),
                "{text}"
            );
            let (mut fast, mut full) = (Vec::new(), Vec::new());
            assert!(simple_clusters(&glyphs, &mut fast));
            segmented_clusters(&glyphs, &shaped, &mut full);
            assert_eq!(fast, full);
        }
    }

    #[test]
    fn fast_path_widths_are_the_one_width_measure() {
        for c in (0..0x10000).filter_map(char::from_u32) {
            let expected = match role_in(roles(), c) {
                Some(false) => 1,
                Some(true) => 0,
                None => continue,
            };
            assert_eq!(
                grapheme_width(c.encode_utf8(&mut [0; 4])),
                expected,
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn a_grapheme_wider_than_a_wide_character_is_split_at_its_characters() {
        // Found by fuzzing: a wide letter and a Gurmukhi spacing vowel sign are one grapheme of
        // three cells, and a page two cells wide overflowed.
        let c = of("\u{703E}\u{0A3E}");
        assert_eq!(
            c.iter()
                .map(|c| (c.start, c.end, c.width))
                .collect::<Vec<_>>(),
            [(0, 3, 2), (3, 6, 1)]
        );
        // A consonant, a virama (no cells) and ten spacing vowel signs.
        let text = format!("\u{915}\u{94D}{}", "\u{93E}".repeat(10));
        let c = of(&text);
        assert_eq!(c.len(), 11);
        assert_eq!((c[0].start, c[0].end, c[0].width), (0, 6, 1));
        assert!(c.iter().all(|c| c.width == 1));
        assert_eq!(c.last().map(|c| c.end as usize), Some(text.len()));
        // Graphemes of up to two cells stay whole.
        assert_eq!(of("\u{915}\u{93E}").len(), 1);
        assert_eq!(of("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}").len(), 1);
    }

    #[test]
    fn ligature_and_its_harakat_are_one_cell() {
        let c = of("لَا");
        assert_eq!(c.len(), 1);
        assert_eq!((c[0].start, c[0].end, c[0].width), (0, 6, 1));
    }

    #[test]
    fn zero_width_characters_join_a_neighbour() {
        let c = of("\u{200B}ab\u{200B}c");
        assert_eq!(c.len(), 3);
        assert_eq!((c[0].start, c[0].end, c[0].width), (0, 4, 1));
        assert_eq!((c[1].start, c[1].end), (4, 8));
    }

    #[test]
    fn tab_is_one_cluster_of_four_cells() {
        let c = of("a\tb");
        assert_eq!(c.len(), 3);
        assert_eq!(
            (c[1].start, c[1].end, c[1].width, c[1].space),
            (1, 2, 4, true)
        );
    }
}
