//! Painting the reader: the centred text column and the panels over it (the status line is
//! src/ui/status.rs).
//!
//! Drawing reads the [`App`] and changes nothing but the size (a frame of a new size is a
//! resize). Page lines are painted cluster by cluster at their cells (src/ui/paint.rs); search
//! matches are found per cluster by logical byte range, so they land on the right cells whatever
//! the visual order.

use super::app::{App, Overlay};
use super::entities::EntityRow;
use super::paint;
use super::status::clip;
use crate::document::Direction;
use crate::page::{BlockRef, PageLine, Piece};
use crate::theme::StyleKey;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Clear, Widget};
use std::collections::HashMap;
use std::ops::Range;
use unicode_width::UnicodeWidthStr;

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
        match self.overlay {
            Overlay::None => {}
            Overlay::Help { scroll } => self.render_help(area, buf, scroll),
            Overlay::Outline { selected } => self.render_outline(buf, selected),
            Overlay::Entities { selected } => self.render_entities(buf, selected),
            Overlay::Links { selected } => self.render_links(buf, selected),
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
        let theme = self.theme();
        let mut x = left;
        for piece in &line.pieces {
            match piece {
                Piece::Decoration { text, tag, .. } => {
                    let style = theme.tag_style(tag, self.entities_on);
                    paint::plain(buf, x, y, right, text, style);
                }
                Piece::Text { line: text, source } => {
                    let matches = highlights.get(source).map(Vec::as_slice).unwrap_or(&[]);
                    paint::visual_line(buf, x, y, right, text, |i| {
                        let cluster = &text.clusters[i];
                        let mut style = theme.tag_style(&cluster.tag, self.entities_on);
                        let hit = matches.iter().find(|(range, _)| {
                            range.start < cluster.logical.end && cluster.logical.start < range.end
                        });
                        if let Some((_, current)) = hit {
                            let mark = if *current {
                                theme.style(StyleKey::SearchCurrent)
                            } else {
                                theme.style(StyleKey::SearchMatch)
                            };
                            style = style.patch(mark);
                        }
                        style
                    });
                }
            }
            x = x.saturating_add(piece.width() as u16);
            if x >= right {
                break;
            }
        }
    }

    fn panel_block(&self, area: Rect, buf: &mut Buffer, title: &str) -> Rect {
        let theme = self.theme();
        Clear.render(area, buf);
        let block = Block::bordered()
            .title(title)
            .style(theme.style(StyleKey::Panel))
            .border_style(theme.style(StyleKey::PanelBorder));
        let inner = block.inner(area);
        block.render(area, buf);
        inner
    }

    fn render_help(&self, area: Rect, buf: &mut Buffer, scroll: usize) {
        let rows = self.options.keymap.help_rows();
        let width = area.width.saturating_sub(2).min(60);
        let height = (rows.len() as u16 + 2).min(area.height.saturating_sub(1));
        let panel = Rect::new(
            area.x + (area.width - width) / 2,
            area.y + (area.height.saturating_sub(1) - height) / 2,
            width,
            height,
        );
        if panel.width < 4 || panel.height < 3 {
            return; // no room for a box
        }
        let inner = self.panel_block(panel, buf, " keys — Esc closes ");
        let hidden = rows.len().saturating_sub(usize::from(inner.height));
        if hidden > 0 {
            // Say there is more, on the bottom border.
            let more = if scroll >= hidden {
                " ↑ k "
            } else {
                " ↓ j "
            };
            let x = panel
                .right()
                .saturating_sub(more.chars().count() as u16 + 2);
            paint::plain(
                buf,
                x,
                panel.bottom() - 1,
                panel.right(),
                more,
                self.theme().style(StyleKey::PanelBorder),
            );
        }
        let keys_width = rows
            .iter()
            .map(|(k, _)| k.chars().count())
            .max()
            .unwrap_or(0) as u16;
        let keys_width = keys_width.min(inner.width / 2);
        let style = self.theme().style(StyleKey::Help);
        let key_style = self.theme().style(StyleKey::HelpKey);
        let first = scroll.min(rows.len().saturating_sub(usize::from(inner.height)));
        for (row, (keys, help)) in rows
            .iter()
            .skip(first)
            .take(usize::from(inner.height))
            .enumerate()
        {
            let y = inner.y + row as u16;
            let key_right = inner.x + 1 + keys_width;
            paint::plain(buf, inner.x + 1, y, key_right, keys, key_style);
            let room = usize::from(inner.right().saturating_sub(key_right + 2));
            paint::plain(
                buf,
                key_right + 2,
                y,
                inner.right(),
                &clip(help, room),
                style,
            );
        }
    }

    fn render_outline(&self, buf: &mut Buffer, selected: usize) {
        let Some(panel) = panel_area(self) else {
            return;
        };
        let inner = self.panel_block(panel, buf, " outline ");
        let first = panel_first_row(self, panel);
        let current = self.current_heading();
        let rtl = self.doc.direction == Direction::Rtl;
        for (y, index, section) in visible_rows(&self.outline, first, inner) {
            let style = self.panel_row_style(index == selected, StyleKey::Outline);
            paint::fill(buf, inner.x, y, inner.right(), style);
            let level = self.doc.sections.get(*section).map_or(1, |s| s.level);
            let heading = self
                .doc
                .sections
                .get(*section)
                .and_then(|s| s.heading.as_deref())
                .unwrap_or("");
            let marker = if current == Some(index) { "•" } else { " " };
            // Numbers line up on the side next to the marker: padded after them, which for an
            // RTL row (its parts mirrored) is also toward the marker.
            let number = if rtl {
                format!("{:<2}", index + 1)
            } else {
                format!("{:>2}", index + 1)
            };
            let indent = " ".repeat(2 * usize::from(level.saturating_sub(1)) + 1);
            let lead = [marker, number.as_str(), indent.as_str()];
            self.start_side_row(buf, inner, y, rtl, &lead, heading, "", style);
        }
    }

    fn render_entities(&self, buf: &mut Buffer, selected: usize) {
        let Some(panel) = panel_area(self) else {
            return;
        };
        let inner = self.panel_block(panel, buf, " entities — Enter: go, then n/N ");
        let theme = self.theme();
        let rows = &self.entity_list.rows;
        if rows.is_empty() {
            paint::plain(
                buf,
                inner.x + 1,
                inner.y,
                inner.right(),
                "no entities found",
                theme.style(StyleKey::Panel),
            );
        }
        let first = panel_first_row(self, panel);
        let rtl = self.doc.direction == Direction::Rtl;
        for (y, index, entry) in visible_rows(rows, first, inner) {
            let mut style = self.panel_row_style(index == selected, StyleKey::Panel);
            paint::fill(buf, inner.x, y, inner.right(), style);
            match entry {
                EntityRow::Kind { kind, count } => {
                    style = style.patch(theme.style(StyleKey::of_entity(*kind)));
                    let label = format!(" {} · {count}", kind.name());
                    paint::plain(
                        buf,
                        inner.x,
                        y,
                        inner.right(),
                        &label,
                        style.add_modifier(ratatui::style::Modifier::BOLD),
                    );
                }
                EntityRow::Name { text, mentions, .. } => {
                    let count = format!("{:>3}", mentions.len());
                    self.start_side_row(buf, inner, y, rtl, &["   "], text, &count, style);
                }
            }
        }
    }

    /// The links panel: per link its number and text, the selected link's URL in the bottom
    /// border; a suspicious link (see [`super::links`]) in the `reveal` style, its controls
    /// written out as labels.
    fn render_links(&self, buf: &mut Buffer, selected: usize) {
        let Some(panel) = panel_area(self) else {
            return;
        };
        let inner = self.panel_block(panel, buf, " links — Enter: open, o: browser ");
        let theme = self.theme();
        if self.links.is_empty() {
            paint::plain(
                buf,
                inner.x + 1,
                inner.y,
                inner.right(),
                "no links",
                theme.style(StyleKey::Panel),
            );
        }
        let first = panel_first_row(self, panel);
        let rtl = self.doc.direction == Direction::Rtl;
        for (y, index, link) in visible_rows(&self.links, first, inner) {
            let mut style = self.panel_row_style(index == selected, StyleKey::Panel);
            let text = if link.suspicious() {
                style = style.patch(theme.style(StyleKey::Reveal));
                super::links::labelled(&link.text)
            } else {
                link.text.clone()
            };
            paint::fill(buf, inner.x, y, inner.right(), style);
            let number = format!("{:>3} ", index + 1);
            self.start_side_row(buf, inner, y, rtl, &[number.as_str()], &text, "", style);
        }
        // The selected link's URL, left to right, in the bottom border.
        if let Some(link) = self.links.get(selected) {
            let mut style = theme.style(StyleKey::Panel);
            if link.suspicious() {
                style = style.patch(theme.style(StyleKey::Reveal));
            }
            let url = format!(" {} ", super::links::labelled(&link.url));
            let room = usize::from(panel.width.saturating_sub(2));
            paint::plain(
                buf,
                panel.x + 1,
                panel.bottom() - 1,
                panel.right() - 1,
                &clip(&url, room),
                style,
            );
        }
    }

    /// A list panel's row style: the panel's, then `key`'s, or the selection's when `selected`.
    fn panel_row_style(&self, selected: bool, key: StyleKey) -> Style {
        let theme = self.theme();
        let row = if selected {
            StyleKey::OutlineSelected
        } else {
            key
        };
        theme.style(StyleKey::Panel).patch(theme.style(row))
    }

    /// How the lines the reader lays out itself are embedded in a row the terminal reads left
    /// to right (see `paint::reader_line`): `Some(mirror)` for Konsole (which does not mirror);
    /// `None` when sahifa reorders or the terminal is another.
    pub(super) fn embedding(&self) -> Option<bool> {
        let konsole = self.options.terminal == crate::page::ReorderingTerminal::Konsole;
        (!self.options.reorder && konsole).then_some(true)
    }

    /// A panel row: `lead` then `text` from the reading-start side, `tail` on the other side.
    /// For RTL articles the start side is the right, so `lead`'s parts are mirrored onto the
    /// right edge: their order is reversed, their text (a number such as 12) is not.
    #[allow(clippy::too_many_arguments)]
    fn start_side_row(
        &self,
        buf: &mut Buffer,
        inner: Rect,
        y: u16,
        rtl: bool,
        lead: &[&str],
        text: &str,
        tail: &str,
        style: Style,
    ) {
        let lead_w = lead.iter().map(|part| part.width()).sum::<usize>() as u16;
        let tail_w = tail.width() as u16;
        let room = usize::from(inner.width.saturating_sub(lead_w + tail_w + 1));
        // A label that does not fit is cut at a word, and says so.
        let (line, _) =
            paint::short_text(&clip(text, room.max(1)), room.max(1), self.options.reorder);
        let text_w = line.width as u16;
        if rtl {
            let lead_rev: String = lead.iter().rev().copied().collect();
            let lead_x = inner.right().saturating_sub(lead_w);
            paint::plain(buf, lead_x, y, inner.right(), &lead_rev, style);
            let x = lead_x.saturating_sub(text_w);
            paint::reader_line(buf, x, y, lead_x, &line, self.embedding(), style);
            paint::plain(buf, inner.x, y, inner.right(), tail, style);
        } else {
            let x = paint::plain(buf, inner.x, y, inner.right(), &lead.concat(), style);
            paint::reader_line(buf, x, y, inner.right(), &line, self.embedding(), style);
            paint::plain(
                buf,
                inner.right().saturating_sub(tail_w),
                y,
                inner.right(),
                tail,
                style,
            );
        }
    }
}

/// The rows of a list panel that fit `inner` from row `first`: screen row, index, item.
fn visible_rows<T>(
    items: &[T],
    first: usize,
    inner: Rect,
) -> impl Iterator<Item = (u16, usize, &T)> {
    let rows = inner.y..inner.bottom();
    rows.zip(items.iter().enumerate().skip(first))
        .map(|(y, (index, item))| (y, index, item))
}

/// Where the outline or entity panel is: the reading-start side, above the status line.
pub(super) fn panel_area(app: &App) -> Option<Rect> {
    if !matches!(
        app.overlay,
        Overlay::Outline { .. } | Overlay::Entities { .. } | Overlay::Links { .. }
    ) {
        return None;
    }
    let (cols, rows) = app.size;
    let width = cols.saturating_sub(4).min(44).max(cols.min(12));
    let height = rows.saturating_sub(1);
    if width < 4 || height < 3 {
        return None;
    }
    let x = if app.doc.direction == Direction::Rtl {
        cols - width
    } else {
        0
    };
    Some(Rect::new(x, 0, width, height))
}

/// The first row shown in a panel: scrolled just enough to keep the selection visible.
pub(super) fn panel_first_row(app: &App, panel: Rect) -> usize {
    let inner = usize::from(panel.height.saturating_sub(2)).max(1);
    let selected = match app.overlay {
        Overlay::Outline { selected }
        | Overlay::Entities { selected }
        | Overlay::Links { selected } => selected,
        _ => 0,
    };
    (selected + 1).saturating_sub(inner)
}
