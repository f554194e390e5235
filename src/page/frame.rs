//! The page's own drawing: padding, bars, borders and the boxes around call-outs and figures,
//! and placing a laid-out line at the side its direction reads from.
//!
//! Box characters are written as decorations in screen order, so an RTL box is the same box as
//! an LTR one (never mirrored); only the text inside moves to the right edge.

use super::{BlockRef, Piece, Role, Tag};
use crate::layout::{Cluster, VisualLine, mirror};
use unicode_bidi::{BidiClass, bidi_class};
use unicode_width::UnicodeWidthStr;

pub(super) fn deco(text: impl Into<String>, role: Role) -> Piece {
    let text = text.into();
    Piece::Decoration {
        width: text.width(),
        text,
        tag: Tag::role(role),
    }
}

/// `n` blank cells styled as `role` (nothing when `n` is 0).
pub(super) fn spaces(n: usize, role: Role) -> Option<Piece> {
    (n > 0).then(|| deco(" ".repeat(n), role))
}

pub(super) fn repeat(c: char, n: usize, role: Role) -> Option<Piece> {
    (n > 0).then(|| deco(c.to_string().repeat(n), role))
}

/// A laid-out line in `width` cells, against the right edge when `rtl`, else the left. With
/// `fill`, the other side is padded too, so the pieces are exactly `width` wide.
pub(super) fn place(
    line: VisualLine<Tag>,
    source: BlockRef,
    width: usize,
    rtl: bool,
    fill: Option<Role>,
) -> Vec<Piece> {
    let gap = width.saturating_sub(line.width);
    let text = Piece::Text { line, source };
    let mut pieces = Vec::with_capacity(3);
    match (rtl, fill) {
        (true, fill) => {
            pieces.extend(spaces(gap, fill.unwrap_or_default()));
            pieces.push(text);
        }
        (false, Some(role)) => {
            pieces.push(text);
            pieces.extend(spaces(gap, role));
        }
        (false, None) => pieces.push(text),
    }
    pieces
}

/// The characters of one box style.
pub(super) struct Frame {
    top: [char; 3],
    middle: [char; 3],
    bottom: [char; 3],
    vertical: char,
    role: Role,
}

impl Frame {
    /// Rounded corners, for statistic call-outs.
    pub(super) const CALLOUT: Frame = Frame {
        top: ['╭', '─', '╮'],
        middle: ['├', '─', '┤'],
        bottom: ['╰', '─', '╯'],
        vertical: '│',
        role: Role::CalloutBorder,
    };
    /// Square corners, for figures.
    pub(super) const FIGURE: Frame = Frame {
        top: ['┌', '─', '┐'],
        middle: ['├', '─', '┤'],
        bottom: ['└', '─', '┘'],
        vertical: '│',
        role: Role::FigureBorder,
    };

    /// The narrowest box worth drawing: border, space, two cells of text, space, border.
    pub(super) const MIN_WIDTH: usize = 6;

    /// Cells available for text inside a box `width` wide.
    pub(super) fn inner(width: usize) -> usize {
        width.saturating_sub(4)
    }

    pub(super) fn top(&self, width: usize) -> Vec<Piece> {
        self.edge(self.top, width)
    }

    pub(super) fn middle(&self, width: usize) -> Vec<Piece> {
        self.edge(self.middle, width)
    }

    pub(super) fn bottom(&self, width: usize) -> Vec<Piece> {
        self.edge(self.bottom, width)
    }

    fn edge(&self, [left, line, right]: [char; 3], width: usize) -> Vec<Piece> {
        let mut s = String::with_capacity(width * 3);
        s.push(left);
        s.extend(std::iter::repeat_n(line, width.saturating_sub(2)));
        s.push(right);
        vec![deco(s, self.role)]
    }

    /// One row of the box: the borders around `inside`, which must be `inner(width)` wide.
    pub(super) fn row(&self, inside: Vec<Piece>) -> Vec<Piece> {
        let mut pieces = Vec::with_capacity(inside.len() + 2);
        pieces.push(deco(format!("{} ", self.vertical), self.role));
        pieces.extend(inside);
        pieces.push(deco(format!(" {}", self.vertical), self.role));
        pieces
    }
}

/// Which reordering the terminal applies to each row when it reorders lines itself (logical
/// order, `--bidi terminal`), so the page's pieces can be written where they land after it.
/// What the real terminals do (Konsole 22.12, mlterm 3.9, under Xvfb):
///
/// - [`Konsole`](Self::Konsole) (ICU): each row is one paragraph laid out left to right,
///   whatever its first strong character; its right-to-left runs are reversed in place and not
///   mirrored. Bidi controls are kept (a zero-width character stays with the cell before it)
///   and honoured: an RLE embeds what follows in a right-to-left run.
/// - [`Mlterm`](Self::Mlterm) (FriBidi): each row is one paragraph whose direction is its
///   first strong character, except that a row holding box drawing (a border, a quote bar, a
///   table) is left to right whatever it starts with; box drawing resolves as a left-to-right
///   letter; right-to-left runs reversed and mirrored. It gives every bidi control a column
///   of its own (they show nothing, but a row as wide as the screen loses its last cell for
///   each), so its arrangement avoids them ([`for_mlterm`]).
/// - [`Generic`](Self::Generic): a terminal nobody has described (`--bidi terminal` anywhere
///   else, Terminal.app): the Unicode bidi algorithm on each row as a paragraph of its own,
///   direction from its first strong character — what a bidi-aware editor does with
///   `print --logical`.
///
/// Konsole gets the pieces where they were composed, each right-to-left text embedded (see
/// [`embed`]). The generic order gets a right-to-left row written mirrored as a whole; mlterm
/// too, but for its box rows and for left-to-right lines led by a right-to-left word.
/// Known limits in mlterm: a box row whose right-to-left text holds Persian or Arabic-Indic
/// digits that no left-to-right reading puts where they show is written in logical order (its
/// digits then show reversed in place); the LRM in front of a left-to-right line led by a
/// right-to-left word costs the row its last (blank) cell in the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReorderingTerminal {
    Konsole,
    Mlterm,
    #[default]
    Generic,
}

/// RLE: what follows is embedded right to left.
const RLE: char = '\u{202B}';
/// PDF: the end of the embedding.
const PDF: char = '\u{202C}';
/// LRM: after an embedding, so that what follows on the row (a list number, a table border
/// and the next cell) stays left to right instead of joining the right-to-left run.
const LRM: char = '\u{200E}';

/// For logical order (`--bidi terminal`): arranges one row's pieces, whose texts are already in
/// logical order, for the terminal that will reorder the row (see [`ReorderingTerminal`]).
pub(crate) fn for_reordering_terminal(terminal: ReorderingTerminal, pieces: &mut [Piece]) {
    match terminal {
        ReorderingTerminal::Konsole => for_embedding_terminal(pieces, true),
        ReorderingTerminal::Mlterm => for_mlterm(pieces),
        ReorderingTerminal::Generic => for_mirroring_terminal(pieces),
    }
}

/// Box drawing and block elements: mlterm reads a row holding any of them left to right, and
/// resolves them as left-to-right letters.
pub(crate) fn is_box_drawing(c: char) -> bool {
    ('\u{2500}'..='\u{259F}').contains(&c)
}

/// Whether mlterm reads a row (as written) right to left: its first strong character (an
/// LRM or RLM counting) is a right-to-left one and it holds no box drawing.
pub(crate) fn mlterm_reads_right_to_left(row: &str) -> bool {
    !row.chars().any(is_box_drawing) && first_strong(row) == Some(true)
}

/// mlterm reads a row right to left only when its first strong character is a right-to-left
/// one and it holds no box drawing. A row without box drawing gets the generic arrangement
/// ([`for_mirroring_terminal`]), but for a left-to-right line whose first strong character
/// is a right-to-left one, which gets an LRM in front so that the row stays left to right.
/// A row with box drawing (a box, a table, a quote bar) keeps its pieces where they were
/// composed, each right-to-left text written so that mlterm's left-to-right reading of it
/// gives its picture ([`for_left_to_right_row`]). No embedding controls there: mlterm keeps
/// each control in a column of its own, so a row as wide as the screen would lose its last
/// cell (the right border) for every one.
fn for_mlterm(pieces: &mut [Piece]) {
    let boxed = pieces.iter().any(|p| match p {
        Piece::Decoration { text, .. } => text.chars().any(is_box_drawing),
        Piece::Text { line, .. } => line.text.chars().any(is_box_drawing),
    });
    if !boxed {
        let first = pieces.iter_mut().find_map(|p| match p {
            Piece::Text { line, .. } => first_strong(&line.text).map(|rtl| (rtl, line)),
            Piece::Decoration { .. } => None,
        });
        match first {
            Some((true, line)) if !line.rtl => lead_with(line, LRM),
            _ => for_mirroring_terminal(pieces),
        }
        return;
    }
    for piece in pieces.iter_mut() {
        if let Piece::Text { line, .. } = piece
            && line.rtl
        {
            for_left_to_right_row(line);
        }
    }
}

/// A right-to-left line (in logical order) rewritten for a terminal that reads its row left
/// to right and reverses and mirrors the runs it finds at odd levels: the line as sahifa shows
/// it (rules L2 and L4 at a right-to-left paragraph level), then those rules again at a
/// left-to-right level, which the terminal's own reading undoes.
/// When the second pass is not undone by the first (Arabic-Indic digits next to a
/// right-to-left word resolve differently in the picture), the line stays in logical order.
pub(crate) fn for_left_to_right_row<T: Clone>(line: &mut VisualLine<T>) {
    let shown = reordered(line, unicode_bidi::Level::rtl());
    let written = reordered(&shown, unicode_bidi::Level::ltr());
    if reordered(&written, unicode_bidi::Level::ltr()).text == shown.text {
        *line = written;
    }
}

/// `line` reordered (rule L2) and its characters at odd levels mirrored, at paragraph `level`.
fn reordered<T: Clone>(line: &VisualLine<T>, level: unicode_bidi::Level) -> VisualLine<T> {
    let info = unicode_bidi::BidiInfo::new(&line.text, Some(level));
    let level_at = |at: usize| info.levels.get(at).map_or(0, |l| l.number());
    let levels: Vec<u8> = line
        .clusters
        .iter()
        .map(|c| level_at(c.text.start))
        .collect();
    let mut text = String::with_capacity(line.text.len());
    let mut clusters = Vec::with_capacity(line.clusters.len());
    let mut order = Vec::with_capacity(levels.len());
    crate::layout::visual_order(&levels, &mut order);
    for i in order {
        let (Some(cluster), Some(odd)) = (line.clusters.get(i), levels.get(i).map(|l| l % 2 == 1))
        else {
            continue;
        };
        let at = text.len();
        let part = line.text.get(cluster.text.clone()).unwrap_or_default();
        text.extend(
            part.chars()
                .map(|c| if odd { mirror::mirrored(c) } else { c }),
        );
        clusters.push(Cluster {
            text: at..text.len(),
            ..cluster.clone()
        });
    }
    VisualLine {
        text,
        clusters,
        ..line.clone()
    }
}

/// `c` (a zero-width control) written in front of the line's first cluster, as part of it.
fn lead_with<T>(line: &mut VisualLine<T>, c: char) {
    line.text.insert(0, c);
    let n = c.len_utf8();
    for cluster in &mut line.clusters {
        let start = match cluster.text.start {
            0 => 0,
            start => start + n,
        };
        cluster.text = start..cluster.text.end + n;
    }
}

fn strong_rtl(c: char) -> bool {
    matches!(bidi_class(c), BidiClass::R | BidiClass::AL)
}

/// The first strong direction of some text: `Some(true)` right to left.
fn first_strong(text: &str) -> Option<bool> {
    text.chars().find_map(|c| match bidi_class(c) {
        BidiClass::L => Some(false),
        BidiClass::R | BidiClass::AL => Some(true),
        _ => None,
    })
}

/// A terminal that takes a row whose first strong character is right-to-left as an RTL
/// paragraph mirrors all of it, padding and borders included. Writing such a row's pieces in
/// reverse order — each decoration reversed, except its digit runs, which the terminal keeps
/// left to right — makes the terminal's mirror image the page as composed.
fn for_mirroring_terminal(pieces: &mut [Piece]) {
    let rtl = pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Text { line, .. } => first_strong(&line.text),
            Piece::Decoration { .. } => None,
        })
        .next();
    if rtl != Some(true) {
        return;
    }
    pieces.reverse();
    for piece in pieces {
        if let Piece::Decoration { text, .. } = piece {
            *text = mirrored(text);
        }
    }
}

/// A terminal that reads the row left to right and reverses its right-to-left runs in place
/// keeps every piece where it was composed. What it would get wrong is the neutral characters
/// at a right-to-left text's ends (a final full stop, an opening guillemet) and Latin words
/// inside it, which a left-to-right row keeps outside the run: so the text of each
/// right-to-left paragraph is embedded ([`embed`]); `konsole`: the RLE in front of it goes
/// where Konsole keeps it (see [`Opening`]), and its brackets are written mirrored.
fn for_embedding_terminal(pieces: &mut [Piece], konsole: bool) {
    for i in 0..pieces.len() {
        let Some(Piece::Text { line, .. }) = pieces.get(i) else {
            continue;
        };
        if !line.rtl || line.clusters.is_empty() {
            continue;
        }
        let before = i.checked_sub(1).and_then(|b| pieces.get_mut(b));
        let opening = match before {
            Some(Piece::Decoration { text, .. }) if konsole && !text.is_empty() => {
                text.push(RLE);
                Opening::Before
            }
            _ if konsole => Opening::AfterFirstLetter,
            _ => Opening::Here,
        };
        if let Some(Piece::Text { line, .. }) = pieces.get_mut(i) {
            embed(line, opening, konsole);
        }
    }
}

/// Where the RLE of an embedded line goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Opening {
    /// Already written before the line (on the cell before it).
    Before,
    /// In front of the line's first character.
    Here,
    /// Konsole, with no cell before the line (it is as wide as the page): the RLE cannot go in
    /// front of the line, as Konsole keeps a zero-width character with the cell before it. The
    /// line starts with its first right-to-left letter, the RLE after it (alone outside the
    /// embedding, that letter is reversed together with it); the neutrals and digits before
    /// that letter (`«`, `— `, `72 `) are written after the PDF and LRM, in the order they show.
    AfterFirstLetter,
}

/// A right-to-left line embedded for a terminal that reads its row left to right: RLE (see
/// [`Opening`]), the line in logical order, PDF, LRM. `mirror`: the characters the embedding
/// puts at an odd level are written mirrored (`«` as `»`), for a terminal that does not mirror.
pub(crate) fn embed<T: Clone>(line: &mut VisualLine<T>, opening: Opening, mirror: bool) {
    let info = unicode_bidi::BidiInfo::new(&line.text, Some(unicode_bidi::Level::rtl()));
    let level = |at: usize| info.levels.get(at).map_or(1, |l| l.number());
    let levels: Vec<u8> = line.clusters.iter().map(|c| level(c.text.start)).collect();
    let text: String = line
        .text
        .char_indices()
        .map(|(at, c)| {
            let m = mirror::mirrored(c);
            if mirror && level(at) % 2 == 1 && m.len_utf8() == c.len_utf8() {
                m
            } else {
                c
            }
        })
        .collect();
    let n = line.clusters.len();
    let lead = match opening {
        Opening::Before | Opening::Here => 0,
        Opening::AfterFirstLetter => {
            let first_letter = line.clusters.iter().position(|c| {
                let first = text.get(c.text.clone()).and_then(|t| t.chars().next());
                first.is_some_and(strong_rtl)
            });
            match first_letter {
                Some(k) => k,
                None => return,
            }
        }
    };
    // The leading neutrals in the order they show: rule L2 over their levels.
    let mut shown = Vec::with_capacity(lead);
    crate::layout::visual_order(levels.get(..lead).unwrap_or_default(), &mut shown);
    // (cluster, what goes before it, what goes after it)
    let mut order: Vec<(usize, &str, String)> = (lead..n).map(|i| (i, "", String::new())).collect();
    match (opening, order.first_mut()) {
        (Opening::Here, Some(first)) => first.1 = "\u{202B}",
        (Opening::AfterFirstLetter, Some(first)) => first.2.push(RLE),
        _ => {}
    }
    if let Some(last) = order.last_mut() {
        last.2.extend([PDF, LRM]);
    }
    order.extend(shown.into_iter().map(|i| (i, "", String::new())));
    let mut written = String::with_capacity(text.len() + 12);
    let mut clusters = Vec::with_capacity(n);
    for (i, before, after) in order {
        let Some(cluster) = line.clusters.get(i) else {
            continue;
        };
        let at = written.len();
        written.push_str(before);
        written.push_str(text.get(cluster.text.clone()).unwrap_or_default());
        written.push_str(&after);
        clusters.push(Cluster {
            text: at..written.len(),
            ..cluster.clone()
        });
    }
    line.text = written;
    line.clusters = clusters;
}

/// `text` reversed, digit runs kept in their order.
fn mirrored(text: &str) -> String {
    let mut runs: Vec<(bool, String)> = Vec::new();
    for c in text.chars() {
        let digit = c.is_numeric();
        match runs.last_mut() {
            Some((d, run)) if *d == digit => run.push(c),
            _ => runs.push((digit, c.to_string())),
        }
    }
    runs.iter()
        .rev()
        .map(|(digit, run)| {
            if *digit {
                run.clone()
            } else {
                run.chars().rev().collect()
            }
        })
        .collect()
}
