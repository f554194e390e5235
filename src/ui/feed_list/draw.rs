//! The list view painted: rows above, the status line in the last row, the help over them.
//!
//! The selected row wears `outline.selected`, search matches `search.match` (`search.current`
//! in the selected row). The status line: the list's title on the reading-start side; the
//! feeds in so far while some are loading, the unread count and the position (or the
//! prompt, or a message) on the other. The help is a panel of the list's rows of the key
//! table, as the reader's help is of its rows.

use super::FeedListView;
use crate::feed::rows::{self, RowOptions};
use crate::page::{PageLine, Piece};
use crate::theme::{StyleKey, Theme};
use crate::ui::paint;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use std::ops::Range;

impl FeedListView {
    /// Paints the list into `area` of `buf`: rows above, the status line in the last row.
    pub fn draw(&mut self, area: Rect, buf: &mut Buffer, theme: &Theme) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        let page = theme.style(StyleKey::Page);
        for y in area.top()..area.bottom() {
            paint::fill(buf, area.left(), y, area.right(), page);
        }
        let width = usize::from(area.width);
        let height = usize::from(area.height.saturating_sub(1));
        self.height = height.max(1);
        self.area_top = area.top();
        if self.lines.as_ref().is_none_or(|(w, _)| *w != width) {
            let options = RowOptions {
                width,
                page: self.options,
                now: self.now,
            };
            self.lines = Some((width, rows::compose(&self.list, &options)));
        }
        // Keep the selection on screen.
        if self.selected < self.top {
            self.top = self.selected;
        } else if height > 0 && self.selected >= self.top + height {
            self.top = self.selected + 1 - height;
        }
        let lines = self
            .lines
            .as_ref()
            .map(|(_, l)| l.as_slice())
            .unwrap_or_default();
        for (offset, line) in lines.iter().skip(self.top).take(height).enumerate() {
            let row = self.top + offset;
            let y = area.top() + u16::try_from(offset).unwrap_or(u16::MAX);
            let hits = self
                .search
                .as_ref()
                .and_then(|s| s.hits.iter().find(|(r, _)| *r == row))
                .map(|(_, ranges)| ranges.as_slice())
                .unwrap_or_default();
            let (base, mark) = if row == self.selected {
                let selected = theme.style(StyleKey::OutlineSelected);
                paint::fill(buf, area.left(), y, area.right(), page.patch(selected));
                (Some(selected), StyleKey::SearchCurrent)
            } else {
                (None, StyleKey::SearchMatch)
            };
            let styles = RowStyles {
                base,
                hits,
                hit: theme.style(mark),
            };
            paint_row(buf, area, y, line, theme, &styles);
        }
        self.draw_status(area, buf, theme);
        if self.help {
            crate::ui::panel::draw_keys(theme, area, buf, &self.keymap.list_help_rows(), 0);
        }
    }

    fn draw_status(&self, area: Rect, buf: &mut Buffer, theme: &Theme) {
        let style = theme.style(StyleKey::Status);
        let y = area.bottom() - 1;
        paint::fill(buf, area.left(), y, area.right(), style);
        if let Some(prompt) = &self.prompt {
            // A prompt reads from the left, like the reader's.
            let x = paint::plain(buf, area.left(), y, area.right(), " /", style);
            let (line, _) =
                paint::short_text(prompt, usize::from(area.right() - x), self.options.reorder);
            let x = paint::visual_line(buf, x, y, area.right(), &line, |_| style);
            paint::plain(buf, x, y, area.right(), "▏", style);
            return;
        }
        let rtl = rows::list_is_rtl(&self.list, self.options.direction);
        let info = info_line(&self.info_text());
        let info_width: usize = info.clusters.iter().map(|c| c.width).sum();
        let room = usize::from(area.width).saturating_sub(info_width + 2);
        let (title, _) = paint::short_text(&self.list.title, room.max(1), self.options.reorder);
        let title_width = title.width.min(room);
        let mode = theme.style(StyleKey::StatusMode);
        if rtl {
            // Mirrored: the title at the right edge, where the eye starts.
            let info_end = paint::visual_line(buf, area.left(), y, area.right(), &info, |_| mode);
            let x = area
                .right()
                .saturating_sub(u16::try_from(title_width + 1).unwrap_or(0));
            if room > 0 && x >= info_end {
                paint::visual_line(buf, x, y, area.right(), &title, |_| style);
            }
        } else {
            if room > 0 {
                paint::visual_line(buf, area.left() + 1, y, area.right(), &title, |_| style);
            }
            let x = area
                .right()
                .saturating_sub(u16::try_from(info_width).unwrap_or(0));
            paint::visual_line(buf, x, y, area.right(), &info, |_| mode);
        }
    }

    /// The status line's information, logical order: a message, else the search, the unread
    /// count and the position. A query is isolated (FSI…PDI), so an Arabic query reads right
    /// inside the left-to-right line.
    fn info_text(&self) -> String {
        let isolated = |text: &str| format!("\u{2068}{text}\u{2069}");
        if let Some(message) = &self.message {
            return format!(" {message} ");
        }
        let total = self.list.rows().len();
        let position = if total == 0 {
            "empty".to_owned()
        } else {
            format!("{}/{total}", self.selected + 1)
        };
        let unread = self.list.unread();
        let progress = match self.progress() {
            Some((arrived, total)) => format!(" {arrived}/{total} feeds "),
            None => String::new(),
        };
        match &self.search {
            Some(search) => format!(
                "{progress} /{}  {unread} unread  {position} ",
                isolated(&search.query)
            ),
            None => format!("{progress} {unread} unread  {position} "),
        }
    }
}

/// `text` as one left-to-right line in visual order (isolated runs reordered, shaped), its
/// spaces kept.
fn info_line(text: &str) -> crate::layout::VisualLine<()> {
    let options = crate::layout::LayoutOptions {
        width: None,
        direction: crate::layout::DirectionMode::Ltr,
        ..crate::layout::LayoutOptions::default()
    };
    let laid = crate::layout::layout_paragraph::<()>(text, &[], &options);
    // The engine always gives a line; an empty one stands in all the same.
    laid.lines
        .into_iter()
        .next()
        .unwrap_or(crate::layout::VisualLine {
            text: String::new(),
            clusters: Vec::new(),
            width: 0,
            logical: 0..0,
            rtl: false,
        })
}

/// What is laid over a row's own styles: the selection, then the search matches.
struct RowStyles<'a> {
    /// The selection's style, on the selected row.
    base: Option<Style>,
    /// Byte ranges of the row's title that match the search.
    hits: &'a [Range<usize>],
    hit: Style,
}

/// One composed row at `y`: decorations as plain text, titles cluster by cluster with the
/// search matches patched over.
fn paint_row(
    buf: &mut Buffer,
    area: Rect,
    y: u16,
    line: &PageLine,
    theme: &Theme,
    styles: &RowStyles,
) {
    let over = |style: Style| styles.base.map_or(style, |base| style.patch(base));
    let mut x = area.left();
    for piece in &line.pieces {
        match piece {
            Piece::Decoration { text, tag, .. } => {
                let style = over(theme.tag_style(tag, false));
                x = paint::plain(buf, x, y, area.right(), text, style);
            }
            Piece::Text { line: text, source } => {
                let is_title = source.part == rows::TITLE_PART;
                x = paint::visual_line(buf, x, y, area.right(), text, |i| {
                    let Some(cluster) = text.clusters.get(i) else {
                        return Style::default();
                    };
                    let style = over(theme.tag_style(&cluster.tag, false));
                    let logical = &cluster.logical;
                    let hit = is_title
                        && styles
                            .hits
                            .iter()
                            .any(|r| r.start < logical.end && logical.start < r.end);
                    if hit { style.patch(styles.hit) } else { style }
                });
            }
        }
    }
}
