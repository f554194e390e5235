//! Painting the reader: the centred text column and the panels over it (the status line is
//! src/ui/status.rs).
//!
//! Drawing reads the [`App`] and changes nothing but the size (a frame of a new size is a
//! resize). Page lines are painted cluster by cluster at their cells (src/ui/paint.rs); search
//! matches are found per cluster by logical byte range, so they land on the right cells whatever
//! the visual order.

use super::app::App;
use super::paint;
use crate::page::{BlockRef, PageLine, Piece};
use crate::render::{self, Styled};
use crate::theme::StyleKey;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::collections::HashMap;
use std::ops::Range;

/// Search matches on screen: per block part, byte ranges and whether it is the current match.
type Highlights = HashMap<BlockRef, Vec<(Range<usize>, bool)>>;

impl App {
    /// Paints the whole reader into the frame (reflowing first if the frame's size changed).
    pub fn draw(&mut self, frame: &mut Frame) {
        let area = frame.area();
        if (area.width, area.height) != self.size {
            self.handle(super::action::Action::Resize(area.width, area.height));
        }
        self.render(area, frame.buffer_mut());
    }

    /// Paints into a buffer (the same as [`App::draw`], for callers without a `Frame`).
    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        let theme = self.theme();
        // The page under every cell; what is painted next lays its meaning's style over it.
        for y in area.top()..area.bottom() {
            paint::fill(
                buf,
                area.left(),
                y,
                area.right(),
                theme.style(StyleKey::Page),
            );
        }
        self.render_text(area, buf);
        self.render_status(area, buf);
        if let Some(panel) = &self.panel {
            panel.draw(&self.panel_context(), area, buf);
        }
        self.render_hyperlinks(area, buf);
    }

    fn render_text(&self, area: Rect, buf: &mut Buffer) {
        let width = self.page.width as u16;
        let left = area.x + area.width.saturating_sub(width) / 2;
        let right = left.saturating_add(width).min(area.right());
        let rows = self.text_height().min(usize::from(area.height));
        let visible = self.page.lines.iter().skip(self.top).take(rows);
        let highlights = self.highlights(visible.clone());
        for (row, line) in visible.enumerate() {
            self.render_line(buf, left, area.y + row as u16, right, line, &highlights);
        }
        if let Some(drawn) = self.drawn_selection() {
            let style = self.theme().style(StyleKey::Selection);
            for row in 0..rows.min(self.page.lines.len().saturating_sub(self.top)) {
                let y = area.y + row as u16;
                for (col, width) in self.selected_spans(self.top + row, &drawn) {
                    for x in col..col + width {
                        let x = left.saturating_add(x as u16);
                        if let Some(cell) = buf.cell_mut((x, y)).filter(|_| x < right) {
                            cell.set_style(cell.style().patch(style));
                        }
                    }
                }
            }
        }
        self.render_images(area, buf, left, rows);
    }

    fn highlights<'a>(&self, visible: impl Iterator<Item = &'a PageLine>) -> Highlights {
        let mut out: Highlights = HashMap::new();
        if self.search.matches.is_empty() {
            return out;
        }
        for line in visible {
            for piece in &line.pieces {
                if let Piece::Text { source, .. } = piece {
                    out.entry(*source).or_insert_with(|| {
                        let current = self.search.current;
                        self.search
                            .in_source(source)
                            .map(|(i, spot)| (spot.range.clone(), current == Some(i)))
                            .collect()
                    });
                }
            }
        }
        out
    }

    fn render_line(
        &self,
        buf: &mut Buffer,
        left: u16,
        y: u16,
        right: u16,
        line: &PageLine,
        highlights: &Highlights,
    ) {
        let highlight = |source: &BlockRef, logical: &Range<usize>| {
            let matches = highlights.get(source)?;
            let (_, current) = matches
                .iter()
                .find(|(range, _)| range.start < logical.end && logical.start < range.end)?;
            Some(if *current {
                StyleKey::SearchCurrent
            } else {
                StyleKey::SearchMatch
            })
        };
        let mut x = left;
        for piece in render::styled(line, self.theme(), self.entities_on, &highlight) {
            let width = match piece {
                Styled::Decoration { text, width, style } => {
                    paint::plain(buf, x, y, right, text, style);
                    width
                }
                Styled::Text { line, styles } => {
                    paint::visual_line(buf, x, y, right, line, |i| {
                        styles.get(i).copied().unwrap_or_default()
                    });
                    line.width
                }
            };
            x = x.saturating_add(width as u16);
            if x >= right {
                break;
            }
        }
    }

    /// How the lines the reader lays out itself are embedded in a row the terminal reads left
    /// to right (see `paint::reader_line`): `Some(mirror)` for Konsole (which does not mirror);
    /// `None` when sahifa reorders or the terminal is another.
    pub(super) fn embedding(&self) -> Option<bool> {
        let konsole = self.options.terminal == crate::page::ReorderingTerminal::Konsole;
        (!self.options.reorder && konsole).then_some(true)
    }
}
