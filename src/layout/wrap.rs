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

const NONE: u8 = 0;
const ALLOWED: u8 = 1;
const MANDATORY: u8 = 2;

/// Splits `clusters` into lines of at most `width` visible cells; returns cluster index ranges.
pub(crate) fn break_lines(
    text: &str,
    clusters: &[LogicalCluster],
    width: usize,
) -> Vec<Range<usize>> {
    let has_mandatory = text.contains([
        '\n', '\r', '\u{B}', '\u{C}', '\u{85}', '\u{2028}', '\u{2029}',
    ]);
    let total: usize = clusters.iter().map(|c| usize::from(c.width)).sum();
    if total <= width && !has_mandatory {
        return std::iter::once(0..clusters.len()).collect();
    }
    let breaks = break_before(text, clusters);
    let mut prefix = Vec::with_capacity(clusters.len() + 1);
    prefix.push(0usize);
    for c in clusters {
        prefix.push(prefix[prefix.len() - 1] + usize::from(c.width));
    }
    let mut lines = Vec::new();
    let mut start = 0;
    let mut last_break: Option<usize> = None;
    for i in 0..clusters.len() {
        if i > start && breaks[i] == MANDATORY {
            lines.push(start..i);
            start = i;
            last_break = None;
        } else if i > start && breaks[i] == ALLOWED {
            last_break = Some(i);
        }
        if clusters[i].space {
            continue;
        }
        while prefix[i + 1] - prefix[start] > width && i > start {
            // Break at the last opportunity, or split the over-long word right before `i`.
            let at = last_break.take().unwrap_or(i);
            lines.push(start..at);
            start = at;
        }
    }
    lines.push(start..clusters.len());
    lines
}

/// For each cluster: may (or must) a line break right before it?
fn break_before(text: &str, clusters: &[LogicalCluster]) -> Vec<u8> {
    let mut flags = vec![NONE; clusters.len()];
    let mut next = 0;
    for (at, kind) in linebreaks(text) {
        // The first cluster starting at or after the opportunity (dropped controls may sit
        // between the opportunity and the cluster).
        while next < clusters.len() && (clusters[next].start as usize) < at {
            next += 1;
        }
        if next == clusters.len() {
            break;
        }
        flags[next] = match kind {
            BreakOpportunity::Mandatory => MANDATORY,
            BreakOpportunity::Allowed => flags[next].max(ALLOWED),
        };
    }
    flags
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
