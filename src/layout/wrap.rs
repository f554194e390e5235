//! Line breaking in logical order, by display width.
//!
//! Rule, in order:
//!
//! 1. break opportunities are UAX #14's (`unicode-linebreak`, computed on the source text);
//!    mandatory breaks (newline and friends inside a paragraph) cut the paragraph into segments
//!    that are wrapped one by one;
//! 2. the clusters between two opportunities are one [`Piece`] — textwrap's `Fragment`: its
//!    width is the cells up to its last non-space cluster, its whitespace width the cells of
//!    the spaces after that (every width is the one cell measure of `width.rs`);
//! 3. a piece wider than the line is split at cluster (grapheme) boundaries into pieces that
//!    fit;
//! 4. textwrap's `wrap_algorithms` choose the breaks: first fit (greedy: each line as full as
//!    it can be) or optimal fit (Knuth–Plass-style: the sum of squared gaps over the lines is
//!    smallest, so right edges are even, and a last line of one short word is avoided where
//!    another break costs little). Overflow is never chosen: no line is wider than the width,
//!    except a line of one cluster wider than the width itself (a wide character in a one-cell
//!    column).
//!
//! Whitespace hangs: a run of spaces before a break never makes a line overflow and is not shown
//! — it stays at the end of the earlier line's logical range (so the lines' logical ranges,
//! concatenated, are the whole paragraph) but not in its visible clusters.

use super::cluster::LogicalCluster;
use std::ops::Range;
use textwrap::core::Fragment;
use textwrap::wrap_algorithms::{Penalties, wrap_first_fit, wrap_optimal_fit};
use unicode_linebreak::{BreakOpportunity, linebreaks};

/// Which breaks a paragraph's lines get.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WrapAlgorithm {
    /// Greedy: every line takes as many pieces as fit.
    #[default]
    FirstFit,
    /// Balanced: the breaks that make the gaps at line ends smallest over the paragraph.
    OptimalFit,
}

/// One line of a broken paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line {
    /// Cluster indices.
    pub clusters: Range<usize>,
    /// The paragraph, or a segment of it, ends with this line (after it comes the end or a
    /// mandatory break): such a line is never justified.
    pub last: bool,
}

/// The clusters between two break opportunities: a word and the spaces after it.
#[derive(Debug, Clone)]
struct Piece {
    clusters: Range<usize>,
    width: usize,
    whitespace: usize,
}

impl Fragment for Piece {
    fn width(&self) -> f64 {
        self.width as f64
    }

    fn whitespace_width(&self) -> f64 {
        self.whitespace as f64
    }

    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// A line one cell too wide costs more than any set of gaps can: optimal fit never overflows
/// when a break exists (textwrap's default, 2500 a cell, is less than one 51-cell gap).
const OVERFLOW_PENALTY: usize = 1_000_000_000;

/// The cost of a last line of one word shorter than a quarter of the width: that of a gap of
/// about 17 cells on an earlier line (textwrap's default, 25, is a gap of 5, and an orphan word
/// was left wherever moving a word down widened the gap above it a little).
const SHORT_LAST_LINE_PENALTY: usize = 300;

/// Splits `clusters` into lines of at most `width` visible cells.
pub(crate) fn break_lines(
    text: &str,
    clusters: &[LogicalCluster],
    width: usize,
    algorithm: WrapAlgorithm,
) -> Vec<Line> {
    let total: usize = clusters.iter().map(|c| usize::from(c.width)).sum();
    let has_mandatory = || {
        text.contains([
            '\n', '\r', '\u{B}', '\u{C}', '\u{85}', '\u{2028}', '\u{2029}',
        ])
    };
    if total <= width && !has_mandatory() {
        return vec![Line {
            clusters: 0..clusters.len(),
            last: true,
        }];
    }
    let (mandatory, allowed) = opportunities(text, clusters);
    let mut lines = Vec::new();
    let mut pieces = Vec::new();
    let ends = mandatory.iter().copied().chain([clusters.len()]);
    let mut start = 0;
    for end in ends {
        let segment = start..end;
        start = end;
        let inside = allowed.partition_point(|&i| i <= segment.start)
            ..allowed.partition_point(|&i| i < segment.end);
        pieces.clear();
        cut_pieces(
            clusters,
            segment.clone(),
            &allowed[inside],
            width,
            &mut pieces,
        );
        let widths = [width as f64];
        let optimal = match algorithm {
            WrapAlgorithm::OptimalFit => {
                let penalties = Penalties {
                    overflow_penalty: OVERFLOW_PENALTY,
                    short_last_line_penalty: SHORT_LAST_LINE_PENALTY,
                    ..Penalties::new()
                };
                wrap_optimal_fit(&pieces, &widths, &penalties).ok()
            }
            WrapAlgorithm::FirstFit => None,
        };
        let chosen = optimal.unwrap_or_else(|| wrap_first_fit(&pieces, &widths));
        let first = lines.len();
        for line in chosen {
            if let (Some(a), Some(b)) = (line.first(), line.last()) {
                lines.push(Line {
                    clusters: a.clusters.start..b.clusters.end,
                    last: false,
                });
            }
        }
        match lines.get_mut(first..).and_then(|l| l.last_mut()) {
            Some(line) => line.last = true,
            None => lines.push(Line {
                clusters: segment,
                last: true,
            }),
        }
    }
    if lines.is_empty() {
        lines.push(Line {
            clusters: 0..clusters.len(),
            last: true,
        });
    }
    lines
}

/// The paragraph's break opportunities as cluster indices (an opportunity before cluster `i`,
/// for `0 < i < clusters.len()`), mandatory ones and allowed ones; where several fall before
/// one cluster (dropped controls may sit between them), a mandatory one wins.
fn opportunities(text: &str, clusters: &[LogicalCluster]) -> (Vec<usize>, Vec<usize>) {
    let (mut mandatory, mut allowed) = (Vec::new(), Vec::new());
    let mut found = linebreaks(text).peekable();
    for (i, cluster) in clusters.iter().enumerate() {
        let mut here = None;
        while let Some(&(at, kind)) = found.peek() {
            if at > cluster.start as usize {
                break;
            }
            here = match (here, kind) {
                (Some(BreakOpportunity::Mandatory), _) | (_, BreakOpportunity::Mandatory) => {
                    Some(BreakOpportunity::Mandatory)
                }
                _ => Some(BreakOpportunity::Allowed),
            };
            found.next();
        }
        match here {
            _ if i == 0 => {}
            Some(BreakOpportunity::Mandatory) => mandatory.push(i),
            Some(_) => allowed.push(i),
            None => {}
        }
    }
    (mandatory, allowed)
}

/// The pieces of the clusters `segment`, cut at `breaks` (allowed opportunities inside it);
/// pieces wider than `width` split at clusters.
fn cut_pieces(
    clusters: &[LogicalCluster],
    segment: Range<usize>,
    breaks: &[usize],
    width: usize,
    out: &mut Vec<Piece>,
) {
    let cells = |cs: &[LogicalCluster]| -> usize { cs.iter().map(|c| usize::from(c.width)).sum() };
    let mut start = segment.start;
    for end in breaks.iter().copied().chain([segment.end]) {
        if end <= start {
            continue;
        }
        let piece = &clusters[start..end];
        let shown = piece.iter().rposition(|c| !c.space).map_or(0, |p| p + 1);
        let (word, whitespace) = (cells(&piece[..shown]), cells(&piece[shown..]));
        let mut from = start;
        let mut used = word;
        if word > width {
            // Over-long: pieces as wide as the line, at grapheme boundaries.
            used = 0;
            for (i, c) in clusters.iter().enumerate().take(start + shown).skip(start) {
                let w = usize::from(c.width);
                if used + w > width && i > from {
                    out.push(Piece {
                        clusters: from..i,
                        width: used,
                        whitespace: 0,
                    });
                    (from, used) = (i, 0);
                }
                used += w;
            }
        }
        out.push(Piece {
            clusters: from..end,
            width: used,
            whitespace,
        });
        start = end;
    }
}

#[cfg(test)]
mod tests {
    use super::super::cluster::clusters;
    use super::super::shaping::shape_into;
    use super::*;

    fn lines_by(text: &str, width: usize, algorithm: WrapAlgorithm) -> Vec<String> {
        let mut glyphs = Vec::new();
        shape_into(text, false, &mut glyphs);
        let mut cs = Vec::new();
        clusters(&glyphs, &mut String::new(), &mut cs);
        break_lines(text, &cs, width, algorithm)
            .into_iter()
            .map(|l| {
                let r = l.clusters;
                let (a, b) = (cs[r.start].start as usize, cs[r.end - 1].end as usize);
                text.get(a..b).unwrap_or_default().to_owned()
            })
            .collect()
    }

    fn lines(text: &str, width: usize) -> Vec<String> {
        lines_by(text, width, WrapAlgorithm::FirstFit)
    }

    #[test]
    fn breaks_after_spaces_that_hang() {
        assert_eq!(lines("aaa bbb ccc", 7), ["aaa bbb ", "ccc"]);
        assert_eq!(lines("aaa bbb     ccc", 7), ["aaa bbb     ", "ccc"]);
    }

    #[test]
    fn over_long_words_split_at_graphemes() {
        assert_eq!(lines("abcdefgh ij", 3), ["abc", "def", "gh ", "ij"]);
    }

    #[test]
    fn wide_characters_never_overflow() {
        assert_eq!(lines("漢漢漢", 5), ["漢漢", "漢"]);
    }

    #[test]
    fn newline_inside_a_paragraph_breaks() {
        assert_eq!(lines("ab\ncd", 17), ["ab\n", "cd"]);
    }
}
