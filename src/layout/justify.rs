//! Justification: a broken line (its visible clusters, logical order) filled to the column.
//!
//! Rule, for every line of a paragraph but its last (and but a line that ends at a mandatory
//! break), in logical order, before reordering:
//!
//! 1. the cells missing to the width are counted; a line already as wide is left alone;
//! 2. in a right-to-left paragraph, kashida first: a tatweel (U+0640) is added between two
//!    letters that join in the line. The places, best first, follow Microsoft's Arabic
//!    justification rules: after a tatweel the author typed; after an initial or medial seen or
//!    sad; before a final heh or dal; before a final alef, tah, lam, kaf or gaf; between a
//!    medial beh-like letter and a final reh or yeh; before a final waw, ain, qaf or feh; before
//!    any other final letter. Never inside lam-alef (it is one cluster), never after a letter
//!    that does not join the next one (so never across ZWNJ, which Persian and Urdu use to stop
//!    a join), never between letters that a bidi override or embedding puts apart;
//! 3. places are taken word by word: every word's best place before any word's second one, and
//!    among places of one rank the better kind first; where only some of a kind can be taken,
//!    they are spread evenly over the line rather than piled at one end. When every place has a
//!    tatweel and cells are still missing, places take a second and a third
//!    ([`MAX_KASHIDA`]);
//! 4. then (and in left-to-right paragraphs, Hebrew and Latin, at once) spaces: the missing cells
//!    are spread evenly over the gaps between words. A line with no place and no gap (one long
//!    word) stays as it is.
//!
//! Added cells are layout, not text: each is a cluster of its own that repeats the logical range
//! of the cluster it extends (the letter before the tatweel, the space it widens), so styles,
//! search matches and clicks land on it as on that letter, while the paragraph's text — what
//! search, copy and `json` read — is unchanged. [`added_cells`] tells them apart again. Kashida
//! needs shaped text (it reads the joins from the presentation forms): with shaping off,
//! justification uses spaces only.

use super::cluster::LogicalCluster;
use super::paragraph::Analysis;
use super::shaping::{Glyph, form_joins, unshape};
use super::{Cluster, VisualLine};

/// U+0640 ARABIC TATWEEL.
pub const TATWEEL: char = '\u{0640}';

/// Most tatweels added at one place.
pub const MAX_KASHIDA: u16 = 3;

/// Fills lines of one paragraph to its width.
pub(crate) struct Justifier {
    width: usize,
    /// Use kashida (a right-to-left paragraph).
    kashida: bool,
    /// Index of a tatweel glyph and of a space glyph appended to the paragraph's glyphs.
    tatweel: u32,
    space: u32,
}

impl Justifier {
    /// A justifier for lines `width` cells wide; appends the glyphs it adds to `glyphs`.
    pub fn new(width: usize, rtl: bool, glyphs: &mut Vec<Glyph>) -> Self {
        let at = glyphs.len() as u32;
        for ch in [TATWEEL, ' '] {
            glyphs.push(Glyph {
                ch,
                start: 0,
                end: 0,
                revealed: false,
            });
        }
        Self {
            width,
            kashida: rtl,
            tatweel: at,
            space: at + 1,
        }
    }

    /// `line` (visible clusters, logical order) with the added clusters, into `out`.
    pub fn fill(
        &self,
        line: &[LogicalCluster],
        glyphs: &[Glyph],
        analysis: &Analysis,
        out: &mut Vec<LogicalCluster>,
    ) {
        out.clear();
        let cells: usize = line.iter().map(|c| usize::from(c.width)).sum();
        let Some(missing) = self.width.checked_sub(cells).filter(|&m| m > 0) else {
            out.extend_from_slice(line);
            return;
        };
        // Tatweels and spaces added after each cluster.
        let mut tatweels = vec![0u16; line.len()];
        let mut spaces = vec![0usize; line.len()];
        let mut left = missing;
        if self.kashida {
            let places = kashida_places(line, glyphs, analysis);
            left = place_kashida(&places, left, &mut tatweels);
        }
        spread_spaces(line, left, &mut spaces);
        for (i, c) in line.iter().enumerate() {
            out.push(c.clone());
            let added = |glyph: u32, space: bool| LogicalCluster {
                glyphs: glyph..glyph + 1,
                width: 1,
                space,
                ..c.clone()
            };
            for _ in 0..tatweels[i] {
                out.push(added(self.tatweel, false));
            }
            for _ in 0..spaces[i] {
                out.push(added(self.space, true));
            }
        }
    }
}

/// A place for kashida: after cluster `after`, in word `word`, of kind `priority` (1 best),
/// the `rank`-th best place of its word.
#[derive(Debug, Clone, Copy)]
struct Place {
    after: usize,
    word: usize,
    priority: u8,
    rank: usize,
}

/// What justification needs to know of a shown character: the letter it is a form of (lam
/// for lam-alef), and whether it joins its previous and its next letter (logical order).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Shown {
    letter: char,
    ligature: bool,
    previous: bool,
    next: bool,
}

const FORMS_START: u32 = 0xFB50;
const FORMS_END: u32 = 0xFF00;

/// [`Shown`] of a character: presentation forms from a table built once (the shaping tables
/// are searched), tatweel joining both sides, anything else joining nothing.
fn shown(c: char) -> Shown {
    static TABLE: std::sync::OnceLock<Box<[Shown]>> = std::sync::OnceLock::new();
    let plain = |c| Shown {
        letter: c,
        ligature: false,
        previous: c == TATWEEL,
        next: c == TATWEEL,
    };
    let cp = c as u32;
    if !(FORMS_START..FORMS_END).contains(&cp) {
        return plain(c);
    }
    let table = TABLE.get_or_init(|| {
        (FORMS_START..FORMS_END)
            .map(|cp| {
                let c = char::from_u32(cp).unwrap_or(' ');
                match (unshape(c), form_joins(c)) {
                    (Some((letter, second)), Some((previous, next))) => Shown {
                        letter,
                        ligature: second.is_some(),
                        previous,
                        next,
                    },
                    _ => plain(c),
                }
            })
            .collect()
    });
    table
        .get((cp - FORMS_START) as usize)
        .copied()
        .unwrap_or(plain(c))
}

/// The kind of place between letter `a` and letter `b` (which join), best 1; `None` when
/// kashida does not go there.
fn priority(a: Shown, b: Shown) -> Option<u8> {
    const SEEN_SAD: &[char] = &['س', 'ش', 'ص', 'ض', 'ښ', 'ڛ', 'ڜ', 'ڝ', 'ڞ', 'ۺ'];
    const HEH_DAL: &[char] = &[
        'ه', 'ة', 'د', 'ذ', 'ۀ', 'ہ', 'ۃ', 'ە', 'ڈ', 'ډ', 'ڊ', 'ڌ', 'ڍ', 'ڎ', 'ڏ', 'ڐ',
    ];
    const ALEF_TAH_LAM_KAF_GAF: &[char] = &[
        'ا', 'أ', 'إ', 'آ', 'ٱ', 'ط', 'ظ', 'ل', 'ك', 'ک', 'ڪ', 'گ', 'ڳ', 'ڱ', 'ڭ',
    ];
    const BEH: &[char] = &[
        'ب', 'ت', 'ث', 'ن', 'ي', 'ئ', 'ی', 'پ', 'ٹ', 'ٺ', 'ٻ', 'ټ', 'ٽ', 'ڻ', 'ې',
    ];
    const REH_YEH: &[char] = &['ر', 'ز', 'ژ', 'ڑ', 'ړ', 'ږ', 'ي', 'ى', 'ی', 'ئ', 'ے', 'ې'];
    const WAW_AIN_QAF_FEH: &[char] = &[
        'و', 'ؤ', 'ۆ', 'ۇ', 'ۈ', 'ۋ', 'ۅ', 'ۉ', 'ع', 'غ', 'ق', 'ف', 'ڤ', 'ڨ', 'ڧ', 'ڦ',
    ];
    if a.letter == TATWEEL {
        return Some(1);
    }
    if SEEN_SAD.contains(&a.letter) {
        return Some(2);
    }
    if b.next {
        // The other kinds go before the final form of a letter only.
        return None;
    }
    let (medial, lb) = (a.previous, b.letter);
    Some(if b.ligature {
        7
    } else if HEH_DAL.contains(&lb) {
        3
    } else if ALEF_TAH_LAM_KAF_GAF.contains(&lb) {
        4
    } else if medial && BEH.contains(&a.letter) && REH_YEH.contains(&lb) {
        5
    } else if WAW_AIN_QAF_FEH.contains(&lb) {
        6
    } else {
        7
    })
}

/// The first character of a cluster (its base: marks follow it).
fn base(c: &LogicalCluster, glyphs: &[Glyph]) -> char {
    glyphs.get(c.glyphs.start as usize).map_or(' ', |g| g.ch)
}

/// Every kashida place of `line`, ranked within its word.
fn kashida_places(line: &[LogicalCluster], glyphs: &[Glyph], analysis: &Analysis) -> Vec<Place> {
    let mut places = Vec::new();
    let mut word = 0;
    for (i, pair) in line.windows(2).enumerate() {
        let (a, b) = (&pair[0], &pair[1]);
        if a.space || b.space {
            if b.space && !a.space {
                word += 1;
            }
            continue;
        }
        let (sa, sb) = (shown(base(a, glyphs)), shown(base(b, glyphs)));
        // Letters at different levels (an override between them) are not side by side.
        let level = |c: &LogicalCluster| analysis.level(c.start as usize);
        // Nor are letters with a hidden control between them (LRM, an isolate…): that control
        // is a unit of its own when the line is reordered, and may stand between them.
        if !(sa.next && sb.previous) || level(a) != level(b) || a.end != b.start {
            continue;
        }
        if let Some(priority) = priority(sa, sb) {
            places.push(Place {
                after: i,
                word,
                priority,
                rank: 0,
            });
        }
    }
    // Rank within each word: better kind first, then the later place (nearer the word's end).
    let mut from = 0;
    while from < places.len() {
        let to = from + places[from..].partition_point(|p| p.word == places[from].word);
        let mut order: Vec<usize> = (from..to).collect();
        order.sort_by_key(|&k| (places[k].priority, std::cmp::Reverse(places[k].after)));
        for (rank, k) in order.into_iter().enumerate() {
            places[k].rank = rank;
        }
        from = to;
    }
    places
}

/// Gives up to `missing` tatweels to `places` (see the module doc); returns the cells still
/// missing.
fn place_kashida(places: &[Place], mut missing: usize, tatweels: &mut [u16]) -> usize {
    let mut order: Vec<&Place> = places.iter().collect();
    order.sort_by_key(|p| (p.rank, p.priority, p.after));
    for _ in 0..MAX_KASHIDA {
        let mut from = 0;
        while from < order.len() && missing > 0 {
            let key = (order[from].rank, order[from].priority);
            let to = from + order[from..].partition_point(|p| (p.rank, p.priority) == key);
            let group = &order[from..to];
            let take = group.len().min(missing);
            for j in spread(take, group.len()) {
                tatweels[group[j].after] += 1;
            }
            missing -= take;
            from = to;
        }
    }
    missing
}

/// `k` of `n` indices (`k <= n`), evenly spread: each in the middle of its share.
fn spread(k: usize, n: usize) -> impl Iterator<Item = usize> {
    (0..k).map(move |j| ((2 * j + 1) * n) / (2 * k))
}

/// Spreads `missing` cells over the gaps between words of `line` (after each gap's last
/// space): as evenly as cells allow, the larger gaps spread over the line.
fn spread_spaces(line: &[LogicalCluster], missing: usize, spaces: &mut [usize]) {
    if missing == 0 {
        return;
    }
    // A gap is spaces with letters on both sides (the line is trimmed at its end already).
    let gaps: Vec<usize> = line
        .windows(2)
        .enumerate()
        .filter(|(_, pair)| pair[0].space && !pair[1].space)
        .map(|(i, _)| i)
        .filter(|&i| line[..i].iter().any(|c| !c.space))
        .collect();
    let n = gaps.len();
    for (i, &gap) in gaps.iter().enumerate() {
        // Cumulative share, rounded: the extra cells fall evenly, not at one end.
        let share = |i: usize| (2 * i * missing + n) / (2 * n);
        spaces[gap] = share(i + 1) - share(i);
    }
}

/// Which clusters of a laid-out line were added by justification: in a run of neighbouring
/// clusters with the same logical range, all but one (the one that is not a tatweel or a space
/// if there is one, else the first).
pub fn added_cells<T>(line: &VisualLine<T>) -> Vec<bool> {
    let clusters = &line.clusters;
    let filler =
        |c: &Cluster<T>| matches!(line.text.get(c.text.clone()), Some(" ") | Some("\u{0640}"));
    let mut added = vec![false; clusters.len()];
    let mut from = 0;
    while from < clusters.len() {
        let logical = &clusters[from].logical;
        let to = from
            + clusters[from..]
                .iter()
                .take_while(|c| &c.logical == logical)
                .count();
        if to - from > 1 {
            let kept = (from..to).find(|&k| !filler(&clusters[k])).unwrap_or(from);
            for (k, slot) in added.iter_mut().enumerate().take(to).skip(from) {
                *slot = k != kept;
            }
        }
        from = to;
    }
    added
}

#[cfg(test)]
mod tests {
    use super::super::{LayoutOptions, WrapAlgorithm, layout_paragraph};
    use super::*;

    fn justified(text: &str, width: usize) -> Vec<String> {
        let options = LayoutOptions {
            width: Some(width),
            justify: true,
            wrap: WrapAlgorithm::FirstFit,
            ..LayoutOptions::default()
        };
        layout_paragraph::<()>(text, &[], &options)
            .lines
            .into_iter()
            .map(|l| l.text)
            .collect()
    }

    #[test]
    fn latin_lines_get_spaces_spread_evenly_and_the_last_line_none() {
        assert_eq!(
            justified("aa bb cc dd ee ff gg", 12),
            ["aa bb  cc dd", "ee ff gg"].map(String::from)
        );
    }

    #[test]
    fn kashida_goes_to_every_word_before_a_place_gets_a_second() {
        // سلام بكم is 7 cells of a 10-cell line: after seen (the best place) and before the
        // final meem of بكم one tatweel each, then seen a second; the last line stays as it is.
        let lines = justified("سلام بكم ووو", 10);
        assert_eq!(lines, ["ﻢـﻜﺑ ﻡﻼــﺳ", "ﻭﻭﻭ"].map(String::from));
    }

    #[test]
    fn no_kashida_across_zwnj_or_after_a_non_joining_letter() {
        // می‌خواهم ددد is 11 cells of 12. ZWNJ stops the join after می, waw and alef join
        // nothing after them, dal joins nothing: the best place left is before the final waw.
        let lines = justified("می\u{200C}خواهم ددد ررر", 12);
        let line = &lines[0];
        assert_eq!(line.chars().filter(|&c| c == TATWEEL).count(), 1);
        assert!(line.contains("\u{FEEE}\u{0640}\u{FEA7}"), "{line}");
    }

    #[test]
    fn a_line_without_a_place_or_a_gap_stays_short() {
        let options = LayoutOptions {
            width: Some(4),
            justify: true,
            ..LayoutOptions::default()
        };
        let layout = layout_paragraph::<()>("ددددد", &[], &options);
        assert_eq!(layout.lines[0].width, 4);
        let layout = layout_paragraph::<()>("ررر ر", &[], &options);
        assert_eq!(layout.lines[0].width, 3);
    }

    #[test]
    fn the_form_table_agrees_with_the_shaping_tables() {
        for c in (FORMS_START..FORMS_END).filter_map(char::from_u32) {
            let s = shown(c);
            match form_joins(c) {
                Some((previous, next)) => {
                    assert_eq!((s.previous, s.next), (previous, next), "{c}");
                    assert_eq!(Some(s.letter), unshape(c).map(|(l, _)| l), "{c}");
                }
                None => assert_eq!((s.letter, s.previous, s.next), (c, false, false)),
            }
        }
        assert_eq!(shown('\u{FEFC}').letter, '\u{0644}');
        assert!(shown('\u{FEFC}').ligature && shown(TATWEEL).next);
    }

    #[test]
    fn spread_takes_the_middle_of_each_share() {
        assert_eq!(spread(1, 3).collect::<Vec<_>>(), [1]);
        assert_eq!(spread(2, 4).collect::<Vec<_>>(), [1, 3]);
        assert_eq!(spread(3, 3).collect::<Vec<_>>(), [0, 1, 2]);
    }
}
