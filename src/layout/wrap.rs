//! Line breaking in logical order, by display width.
//!
//! Rule: greedy filling of clusters, breaking only at UAX #14 opportunities
//! (`unicode-linebreak`, computed on the source text); a word wider than the line is split at a
//! grapheme boundary; mandatory breaks (newline and friends inside a paragraph) are honoured.
//! Whitespace hangs: a run of spaces before a break never makes a line overflow and is not shown
//! — it stays at the end of the earlier line's logical range (so the lines' logical ranges,
//! concatenated, are the whole paragraph) but not in its visible clusters. No line is wider than
//! the width, except a line of one grapheme wider than the width itself (a wide character in a
//! one-cell column).

use super::cluster::LogicalCluster;
use std::ops::Range;
use unicode_linebreak::{BreakOpportunity, linebreaks};

/// Splits `clusters` into lines of at most `width` visible cells; returns cluster index ranges.
pub(crate) fn break_lines(
    text: &str,
    clusters: &[LogicalCluster],
    width: usize,
) -> Vec<Range<usize>> {
    let total: usize = clusters.iter().map(|c| usize::from(c.width)).sum();
    let has_mandatory = || {
        text.contains([
            '\n', '\r', '\u{B}', '\u{C}', '\u{85}', '\u{2028}', '\u{2029}',
        ])
    };
    if total <= width && !has_mandatory() {
        return std::iter::once(0..clusters.len()).collect();
    }
    let mut opportunities = linebreaks(text).peekable();
    let mut lines = Vec::new();
    let mut start = 0;
    // Cells from `start` up to the current cluster, spaces included; and the same up to the
    // last break opportunity of the line.
    let mut used = 0;
    let mut last_break: Option<(usize, usize)> = None;
    for (i, cluster) in clusters.iter().enumerate() {
        // The opportunities at or before this cluster's start (dropped controls may sit between
        // an opportunity and the cluster).
        let mut here = None;
        while let Some(&(at, kind)) = opportunities.peek() {
            if at > cluster.start as usize {
                break;
            }
            here = match (here, kind) {
                (Some(BreakOpportunity::Mandatory), _) | (_, BreakOpportunity::Mandatory) => {
                    Some(BreakOpportunity::Mandatory)
                }
                _ => Some(BreakOpportunity::Allowed),
            };
            opportunities.next();
        }
        if i > start {
            match here {
                Some(BreakOpportunity::Mandatory) => {
                    lines.push(start..i);
                    (start, used, last_break) = (i, 0, None);
                }
                Some(BreakOpportunity::Allowed) => last_break = Some((i, used)),
                None => {}
            }
        }
        used += usize::from(cluster.width);
        if cluster.space {
            continue;
        }
        while used > width && i > start {
            // Break at the last opportunity, or split the over-long word right before `i`.
            let (at, before) = last_break
                .take()
                .unwrap_or((i, used - usize::from(cluster.width)));
            lines.push(start..at);
            start = at;
            used -= before;
        }
    }
    lines.push(start..clusters.len());
    lines
}

#[cfg(test)]
mod tests {
    use super::super::cluster::clusters;
    use super::super::shaping::shape_into;
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<String> {
        let mut glyphs = Vec::new();
        shape_into(text, false, &mut glyphs);
        let mut cs = Vec::new();
        clusters(&glyphs, &mut String::new(), &mut cs);
        break_lines(text, &cs, width)
            .into_iter()
            .map(|r| {
                let (a, b) = (cs[r.start].start as usize, cs[r.end - 1].end as usize);
                text.get(a..b).unwrap_or_default().to_owned()
            })
            .collect()
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
