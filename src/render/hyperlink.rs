//! OSC 8 hyperlinks: which cells of a page line belong to which link, and the escape sequence
//! written around them (`ESC ] 8 ; ; URL ESC \` … `ESC ] 8 ; ; ESC \`), for `print` and the
//! reader on terminals that make them clickable (see `ui::capabilities::hyperlinks`).
//!
//! The rules:
//! - A link's cells are found from the text itself: every cluster tagged as a link takes the
//!   URL of the document's link span that holds its logical position. Consecutive cells with
//!   the same URL on one line are one *link run*, opened once and closed once; a link wrapped
//!   over two lines (or split by reordering) makes one run per piece.
//! - The URL written is never the article's raw text: [`terminal_url`] refuses a URL holding
//!   any control character (C0, DEL, C1: an ESC or a BEL would end the sequence early and start
//!   one of the article's own), a bidi control or an invisible character, anything but an
//!   `http`, `https` or `mailto` URL, and one over [`MAX_URL_BYTES`]; other non-ASCII
//!   characters and spaces are percent-encoded, as the OSC 8 convention asks. A refused link
//!   is written as text alone.
//! - Nothing here changes what the cells show: the sequences take no cells.

use super::Overlay;
use crate::document::{Block, Document, Inline, RichText};
use crate::page::{BlockRef, PageLine, Piece};
use crate::theme::Theme;
use std::fmt::Write as _;
use std::ops::Range;

/// Longest URL written as a hyperlink (terminals cap them at a few kilobytes: VTE at 2083).
pub const MAX_URL_BYTES: usize = 2048;

/// Ends a hyperlink.
pub const CLOSE: &str = "\x1b]8;;\x1b\\";

/// Starts a hyperlink to `url` (already made safe by [`terminal_url`]).
pub fn open(url: &str) -> String {
    format!("\x1b]8;;{url}\x1b\\")
}

/// `url` as it may be written inside OSC 8, or `None` when it must not be (see the module doc).
pub fn terminal_url(url: &str) -> Option<String> {
    let url = url.trim_matches(|c: char| c == ' ');
    if url.is_empty() || url.len() > MAX_URL_BYTES {
        return None;
    }
    let hostile = |c: char| {
        c.is_control()
            || crate::layout::controls::is_bidi_control(c)
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}' | '\u{00AD}' | '\u{FFF9}'..='\u{FFFB}')
            || crate::layout::controls::reveal_label(c).is_some()
    };
    if url.chars().any(hostile) {
        return None;
    }
    let scheme = url.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
    if !matches!(scheme.as_deref(), Some("http" | "https" | "mailto")) {
        return None;
    }
    let mut safe = String::with_capacity(url.len());
    for c in url.chars() {
        if c.is_ascii_graphic() {
            safe.push(c);
        } else {
            let mut bytes = [0; 4];
            for b in c.encode_utf8(&mut bytes).bytes() {
                let _ = write!(safe, "%{b:02X}");
            }
        }
    }
    (safe.len() <= MAX_URL_BYTES).then_some(safe)
}

/// One link run of a line: the cells it covers and where it leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRun {
    /// Cells from the line's start.
    pub cells: Range<usize>,
    /// The clusters in it: (first cell from the line's start, width).
    pub clusters: Vec<(usize, usize)>,
    /// The URL as it may be written ([`terminal_url`]).
    pub url: String,
}

/// The link runs of `line`, left to right (links whose URL is refused are left out).
pub fn link_runs(doc: &Document, line: &PageLine) -> Vec<LinkRun> {
    let mut runs: Vec<LinkRun> = Vec::new();
    let mut x = 0;
    for piece in &line.pieces {
        if let Piece::Text { line: text, source } = piece
            && text.clusters.iter().any(|c| c.tag.link)
            && let Some(rich) = rich_of(doc, source)
        {
            let mut cx = x;
            for cluster in &text.clusters {
                let url = (cluster.tag.link)
                    .then(|| url_at(rich, cluster.logical.start))
                    .flatten()
                    .and_then(terminal_url);
                if let Some(url) = url {
                    match runs.last_mut() {
                        Some(run) if run.cells.end == cx && run.url == url => {
                            run.cells.end = cx + cluster.width;
                            run.clusters.push((cx, cluster.width));
                        }
                        _ => runs.push(LinkRun {
                            cells: cx..cx + cluster.width,
                            clusters: vec![(cx, cluster.width)],
                            url,
                        }),
                    }
                }
                cx += cluster.width;
            }
        }
        x += piece.width();
    }
    runs
}

/// The URL of the link span of `rich` that holds byte `offset`.
fn url_at(rich: &RichText, offset: usize) -> Option<&str> {
    rich.spans.iter().find_map(|(range, inline)| match inline {
        Inline::Link(url) if range.start <= offset && offset < range.end => Some(url.as_str()),
        _ => None,
    })
}

/// The rich text `source` refers to, for the blocks whose text can hold links.
fn rich_of<'a>(doc: &'a Document, source: &BlockRef) -> Option<&'a RichText> {
    let block = doc
        .sections
        .get(source.section)?
        .blocks
        .get(source.block?)?;
    let part = source.part;
    match block {
        Block::Paragraph(t) if part == 0 => Some(t),
        Block::Quote { text, .. } if part == BlockRef::QUOTE_TEXT => Some(text),
        Block::List { items, .. } => items.get(part),
        Block::Callout { text, .. } if part == BlockRef::CALLOUT_TEXT => Some(text),
        Block::Table { rows, .. } => rows.iter().flatten().nth(part),
        _ => None,
    }
}

/// A line as `print` writes it with styles ([`super::ansi::line_text`]), its link runs wrapped
/// in OSC 8.
pub fn ansi_line(
    doc: &Document,
    line: &PageLine,
    theme: &Theme,
    entities: bool,
    overlay: Overlay,
) -> String {
    let links = link_runs(doc, line);
    if links.is_empty() {
        return super::ansi::line_text(
            line,
            theme,
            super::ansi::Styling::Ansi { entities },
            overlay,
        );
    }
    let mut out = String::new();
    let mut styled = false;
    let mut x = 0;
    let mut open_link: Option<usize> = None;
    let mut last_style = None;
    let mut write = |out: &mut String, text: &str, width: usize, style, x: &mut usize| {
        let link = links.iter().position(|l| l.cells.contains(x));
        if link != open_link {
            if open_link.is_some() {
                out.push_str(CLOSE);
            }
            if let Some(i) = link {
                out.push_str(&open(&links[i].url));
            }
            open_link = link;
        }
        if last_style != Some(style) {
            let sgr = super::ansi::sgr(style);
            if styled {
                out.push_str("\x1b[0m");
            }
            styled = !sgr.is_empty();
            if styled {
                let _ = write!(out, "\x1b[{sgr}m");
            }
            last_style = Some(style);
        }
        out.push_str(text);
        *x += width;
    };
    for piece in &line.pieces {
        match piece {
            Piece::Decoration { text, width, tag } => {
                let style = theme.tag_style(tag, false);
                write(&mut out, &super::visible(text), *width, style, &mut x);
            }
            Piece::Text { line: text, source } => {
                for cluster in &text.clusters {
                    let Some(symbol) = text.text.get(cluster.text.clone()) else {
                        continue;
                    };
                    let mut style = theme.tag_style(&cluster.tag, entities);
                    if let Some(key) = overlay(source, &cluster.logical) {
                        style = style.patch(theme.style(key));
                    }
                    write(
                        &mut out,
                        &super::visible(symbol),
                        cluster.width,
                        style,
                        &mut x,
                    );
                }
            }
        }
    }
    if open_link.is_some() {
        out.push_str(CLOSE);
    }
    if styled {
        out.push_str("\x1b[0m");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_with_a_control_or_an_invisible_character_is_refused() {
        for hostile in [
            "https://x.example/\x1b]8;;evil\x1b\\",
            "https://x.example/\x07",
            "https://x.example/\u{9b}31m",
            "https://x.example/\u{7f}",
            "https://x.example/\u{202e}gpj.exe",
            "https://x.example/a\u{200b}b",
            "https://x.example/\u{2066}",
            "javascript:alert(1)",
            "file:///etc/passwd",
            "relative/page.html",
            "",
        ] {
            assert_eq!(terminal_url(hostile), None, "{hostile:?}");
        }
        let long = format!("https://x.example/{}", "a".repeat(MAX_URL_BYTES));
        assert_eq!(terminal_url(&long), None);
    }

    #[test]
    fn other_characters_outside_ascii_are_percent_encoded() {
        assert_eq!(
            terminal_url("https://ar.example/الرقة?q=a b").as_deref(),
            Some("https://ar.example/%D8%A7%D9%84%D8%B1%D9%82%D8%A9?q=a%20b")
        );
        assert_eq!(
            terminal_url("mailto:desk@x.example").as_deref(),
            Some("mailto:desk@x.example")
        );
    }
}
