//! Render: page lines to styled runs — the only place the theme meets the text.
//!
//! A run is a stretch of one line with one style, in screen order. The reader turns runs into
//! ratatui spans ([`to_line`]); `sahifa print` turns them into ANSI text ([`ansi`]). Nothing here
//! wraps or reorders: the page is already in visual order. As a last guard, any control
//! character that reaches this point is shown as its U+2400 symbol, so an article can never send
//! escape sequences to the terminal.

pub mod ansi;
pub mod hyperlink;

use crate::layout::VisualLine;
use crate::page::{BlockRef, PageLine, Piece, Tag};
use crate::theme::{StyleKey, Theme};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use std::borrow::Cow;
use std::ops::Range;

/// A stretch of one line drawn in one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run<'a> {
    pub text: Cow<'a, str>,
    /// Display cells.
    pub width: usize,
    pub style: Style,
}

/// Styles laid over page text by logical position (search matches): given a piece's source and
/// a cluster's logical byte range in it, the style to patch over the cluster, if any.
pub type Overlay<'o> = &'o dyn Fn(&BlockRef, &Range<usize>) -> Option<StyleKey>;

/// No overlay.
pub fn no_overlay(_: &BlockRef, _: &Range<usize>) -> Option<StyleKey> {
    None
}

/// One piece of a line with its styles: a decoration in one style, or laid-out text with a
/// style per cluster (the reader paints cluster by cluster, text output merges them into runs).
pub enum Styled<'a> {
    Decoration {
        text: &'a str,
        width: usize,
        style: Style,
    },
    Text {
        line: &'a VisualLine<Tag>,
        /// One per cluster of `line`, in its order.
        styles: Vec<Style>,
    },
}

/// The pieces of `line` styled, left to right; `entities` turns entity highlighting on and
/// `overlay` lays its marks over the clusters it names. The one place page text gets a style.
pub fn styled<'a, 'o>(
    line: &'a PageLine,
    theme: &'o Theme,
    entities: bool,
    overlay: Overlay<'o>,
) -> impl Iterator<Item = Styled<'a>> + use<'a, 'o> {
    line.pieces.iter().map(move |piece| match piece {
        Piece::Decoration { text, width, tag } => Styled::Decoration {
            text,
            width: *width,
            style: theme.tag_style(tag, false),
        },
        Piece::Text { line, source } => Styled::Text {
            line,
            styles: (line.clusters.iter())
                .map(|cluster| {
                    let style = theme.tag_style(&cluster.tag, entities);
                    match overlay(source, &cluster.logical) {
                        Some(key) => style.patch(theme.style(key)),
                        None => style,
                    }
                })
                .collect(),
        },
    })
}

/// The runs of `line`, left to right; `entities` turns entity highlighting on.
pub fn runs<'a>(
    line: &'a PageLine,
    theme: &Theme,
    entities: bool,
    overlay: Overlay,
) -> Vec<Run<'a>> {
    let mut runs: Vec<Run<'a>> = Vec::new();
    let mut push = |text: &'a str, width: usize, style: Style| match runs.last_mut() {
        Some(last) if last.style == style => {
            last.text.to_mut().push_str(text);
            last.width += width;
        }
        _ => runs.push(Run {
            text: Cow::Borrowed(text),
            width,
            style,
        }),
    };
    for piece in styled(line, theme, entities, overlay) {
        match piece {
            Styled::Decoration { text, width, style } => push(text, width, style),
            Styled::Text { line, styles } => {
                for (cluster, style) in line.clusters.iter().zip(styles) {
                    if let Some(text) = line.text.get(cluster.text.clone()) {
                        push(text, cluster.width, style);
                    }
                }
            }
        }
    }
    for run in &mut runs {
        if run.text.chars().any(char::is_control) {
            run.text = Cow::Owned(run.text.chars().map(control_picture).collect());
        }
    }
    runs
}

/// A ratatui line for the reader: the runs as spans.
pub fn to_line<'a>(
    line: &'a PageLine,
    theme: &Theme,
    entities: bool,
    overlay: Overlay,
) -> Line<'a> {
    Line::from(
        runs(line, theme, entities, overlay)
            .into_iter()
            .map(|run| Span::styled(run.text, run.style))
            .collect::<Vec<_>>(),
    )
}

/// `text` with every control character replaced by its stand-in ([`control_picture`]).
pub(crate) fn visible(text: &str) -> Cow<'_, str> {
    if text.chars().any(char::is_control) {
        Cow::Owned(text.chars().map(control_picture).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// The visible stand-in for a control character (C0 → U+2400…, DEL → ␡, C1 → �).
fn control_picture(c: char) -> char {
    match c {
        '\0'..='\x1f' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
        '\x7f' => '\u{2421}',
        c if c.is_control() => '\u{FFFD}',
        c => c,
    }
}

#[cfg(test)]
mod tests;
