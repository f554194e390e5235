//! The page's own drawing: padding, bars, borders and the boxes around call-outs and figures,
//! and placing a laid-out line at the side its direction reads from.
//!
//! Box characters are written as decorations in screen order, so an RTL box is the same box as
//! an LTR one (never mirrored); only the text inside moves to the right edge.

use super::{BlockRef, Piece, Role, Tag};
use crate::layout::VisualLine;
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

/// For `--bidi terminal`. A terminal that reorders lines itself takes a line whose first strong
/// character is right-to-left as an RTL paragraph and mirrors all of it, padding and borders
/// included. Writing such a line's pieces in reverse order — each decoration reversed, except
/// its digit runs, which the terminal keeps left to right — makes the terminal's mirror image
/// the page as composed. Text pieces are already in logical order in this mode.
pub(crate) fn for_reordering_terminal(pieces: &mut [Piece]) {
    let first_strong = pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Text { line, .. } => Some(line.text.as_str()),
            Piece::Decoration { .. } => None,
        })
        .flat_map(str::chars)
        .find_map(|c| match bidi_class(c) {
            BidiClass::L => Some(false),
            BidiClass::R | BidiClass::AL => Some(true),
            _ => None,
        });
    if first_strong != Some(true) {
        return;
    }
    pieces.reverse();
    for piece in pieces {
        if let Piece::Decoration { text, .. } = piece {
            *text = mirrored(text);
        }
    }
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
