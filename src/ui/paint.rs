//! Painting laid-out text into a ratatui buffer, one grapheme cluster per cell.
//!
//! The rule (DESIGN.md "Known traps"): ratatui's string painting drops zero-width graphemes and
//! ones with control characters, so each cluster's whole text (base plus marks) is set as one
//! cell's symbol; a wide cluster takes its cell and resets the next. Nothing here wraps or
//! reorders: lines arrive in visual order.

use crate::layout::{self, DirectionMode, LayoutOptions, VisualLine};
use ratatui::buffer::Buffer;
use ratatui::style::Style;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Sets one cluster at (x, y); returns the cells it took (0 if it did not fit before `right`).
pub fn put(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    right: u16,
    symbol: &str,
    width: usize,
    style: Style,
) -> u16 {
    let Ok(width) = u16::try_from(width) else {
        return 0;
    };
    if width == 0 || x.saturating_add(width) > right {
        return 0;
    }
    if let Some(cell) = buf.cell_mut((x, y)) {
        cell.set_symbol(symbol).set_style(style);
    }
    // The cells a wide cluster covers are blanked (as ratatui leaves them) and styled as its
    // first cell is: `style` laid over the colours already there (the page under the text).
    for hidden in 1..width {
        if let Some(cell) = buf.cell_mut((x + hidden, y)) {
            let under = (cell.fg, cell.bg, cell.modifier);
            cell.reset();
            (cell.fg, cell.bg, cell.modifier) = under;
            cell.set_style(style);
        }
    }
    width
}

/// Paints a visual line from `x`, stopping before `right`; `style` gives each cluster's style
/// from its index. Returns the x after the last cell painted.
pub fn visual_line<T>(
    buf: &mut Buffer,
    mut x: u16,
    y: u16,
    right: u16,
    line: &VisualLine<T>,
    mut style: impl FnMut(usize) -> Style,
) -> u16 {
    for (i, cluster) in line.clusters.iter().enumerate() {
        let Some(symbol) = line.text.get(cluster.text.clone()) else {
            continue;
        };
        let took = put(buf, x, y, right, symbol, cluster.width, style(i));
        if took == 0 {
            break;
        }
        x += took;
    }
    x
}

/// Paints plain left-to-right text (decorations, key names) grapheme by grapheme. A
/// zero-width one (the RLE or PDF written for Konsole, see `page::ReorderingTerminal`) joins
/// the cell before it, as a terminal keeps it.
pub fn plain(buf: &mut Buffer, mut x: u16, y: u16, right: u16, text: &str, style: Style) -> u16 {
    for grapheme in text.graphemes(true) {
        if grapheme.width() == 0 {
            if let Some(cell) = x
                .checked_sub(1)
                .and_then(|before| buf.cell_mut((before, y)))
            {
                let joined = format!("{}{grapheme}", cell.symbol());
                cell.set_symbol(&joined);
            }
            continue;
        }
        let took = put(buf, x, y, right, grapheme, grapheme.width(), style);
        if took == 0 && grapheme.width() > 0 {
            break;
        }
        x += took;
    }
    x
}

/// A short text (a heading in a panel, the title in the status line) laid out to at most
/// `width` cells: its first line in reading order, in visual order (logical order when not
/// `reorder`: the terminal reorders), and whether it is RTL.
pub fn short_text(text: &str, width: usize, reorder: bool) -> (VisualLine<()>, bool) {
    let options = LayoutOptions {
        width: Some(width.max(1)),
        direction: DirectionMode::Auto,
        reorder,
        ..LayoutOptions::default()
    };
    let mut laid = layout::layout_paragraph::<()>(text, &[], &options);
    let line = if laid.lines.is_empty() {
        VisualLine {
            text: String::new(),
            clusters: Vec::new(),
            width: 0,
            logical: 0..0,
            rtl: false,
        }
    } else {
        laid.lines.swap_remove(0)
    };
    (line, laid.rtl)
}

/// [`visual_line`] for a line the reader lays out itself (a panel label, a prompt) when the
/// terminal reorders a row read left to right: with `embed` (`Some(mirror)`), a right-to-left
/// line is embedded, its RLE on the cell before `x`, its brackets mirrored if `mirror` (see
/// `page::ReorderingTerminal`); anything else paints as is.
pub fn reader_line<T: Clone>(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    right: u16,
    line: &VisualLine<T>,
    embed: Option<bool>,
    style: Style,
) -> u16 {
    let Some(mirror) = embed.filter(|_| line.rtl) else {
        return visual_line(buf, x, y, right, line, |_| style);
    };
    let mut embedded = line.clone();
    crate::page::embed(&mut embedded, crate::page::Opening::Before, mirror);
    plain(buf, x, y, right, "\u{202B}", style);
    visual_line(buf, x, y, right, &embedded, |_| style)
}

/// `text` cut at a word (or grapheme) so that it fits `width` cells, with `…` when cut.
pub fn clip(text: &str, width: usize) -> String {
    let text = text.trim();
    if text.width() <= width {
        return text.to_owned();
    }
    if width <= 1 {
        return "…".repeat(width);
    }
    let (line, _) = short_text(text, width - 1, true);
    let kept = text.get(..line.logical.end).unwrap_or_default().trim_end();
    format!("{kept}…")
}

/// Fills a row segment with spaces in `style`.
pub fn fill(buf: &mut Buffer, x: u16, y: u16, right: u16, style: Style) {
    for col in x..right {
        if let Some(cell) = buf.cell_mut((col, y)) {
            cell.reset();
            cell.set_style(style);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Modifier};

    #[test]
    fn a_wide_cluster_lays_its_style_over_the_page_on_both_its_cells() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        let page = Style::default()
            .fg(Color::White)
            .bg(Color::Blue)
            .add_modifier(Modifier::ITALIC);
        fill(&mut buf, 0, 0, 6, page);
        let ink = Style::default().fg(Color::Yellow);
        assert_eq!(plain(&mut buf, 1, 0, 6, "漢x", ink), 4);
        for x in 1..4 {
            let cell = &buf[(x, 0)];
            assert_eq!((cell.fg, cell.bg), (Color::Yellow, Color::Blue), "cell {x}");
            assert!(cell.modifier.contains(Modifier::ITALIC), "cell {x}");
        }
        assert_eq!(buf[(1, 0)].symbol(), "漢");
        assert_eq!(buf[(2, 0)].symbol(), " ");
        assert_eq!(buf[(0, 0)].fg, Color::White);
    }
}
