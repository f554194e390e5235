//! The feed list view: a component of its own (state, keys, drawing) over a [`FeedList`].
//!
//! Keys (one table, [`LIST_KEYS`], which the help can be generated from): `j` `k` and the
//! arrows move the selection; `Space` `f` `PageDown`, `b` `PageUp` move it a page; `g` `Home`,
//! `G` `End` go to the first and last row; `Enter` opens the selected item (and marks it read);
//! `u` toggles its read mark; `r` asks for a reload; `/` types a search over the titles (folded
//! as the reader's search folds: harakat, niqqud and letter variants ignored), `Enter` runs
//! it and selects the first match from the selection on, `n` `N` go to the next and previous
//! matching row; `q` `Esc` leave (`Esc` first closes the prompt). What must leave the view —
//! opening an item, reloading, quitting — comes back as a [`ListEffect`] for the caller.
//!
//! Drawing: the rows come from [`crate::feed::rows`] (composed once per width, again after a
//! read mark or the list changes), painted cell by cell as the reader paints pages, the theme's
//! page under every cell; the selected row wears `outline.selected`, search matches
//! `search.match` (`search.current` in the selected row). The bottom row is the status line:
//! the list's title on the reading-start side; unread count and position (or the prompt, or a
//! message) on the other.

use super::action::Key;
use super::paint;
use crate::feed::article::{self, Opened};
use crate::feed::list::{FeedList, Status};
use crate::feed::rows::{self, RowOptions};
use crate::fold;
use crate::page::{PageLine, PageOptions, Piece};
use crate::theme::{StyleKey, Theme};
use chrono::{DateTime, Utc};
use memchr::memmem;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use std::ops::Range;

/// What a key does in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListAction {
    Down,
    Up,
    PageDown,
    PageUp,
    Top,
    Bottom,
    Open,
    ToggleRead,
    Reload,
    Search,
    NextMatch,
    PreviousMatch,
    Quit,
}

/// The list's keys and what each does, with the words the help shows.
pub const LIST_KEYS: &[(Key, ListAction, &str)] = &[
    (Key::Char('j'), ListAction::Down, "next item"),
    (Key::Down, ListAction::Down, "next item"),
    (Key::Char('k'), ListAction::Up, "previous item"),
    (Key::Up, ListAction::Up, "previous item"),
    (Key::Char(' '), ListAction::PageDown, "page down"),
    (Key::Char('f'), ListAction::PageDown, "page down"),
    (Key::PageDown, ListAction::PageDown, "page down"),
    (Key::Char('b'), ListAction::PageUp, "page up"),
    (Key::PageUp, ListAction::PageUp, "page up"),
    (Key::Char('g'), ListAction::Top, "first item"),
    (Key::Home, ListAction::Top, "first item"),
    (Key::Char('G'), ListAction::Bottom, "last item"),
    (Key::End, ListAction::Bottom, "last item"),
    (Key::Enter, ListAction::Open, "open the item"),
    (Key::Char('u'), ListAction::ToggleRead, "read / unread"),
    (Key::Char('r'), ListAction::Reload, "reload"),
    (Key::Char('/'), ListAction::Search, "search titles"),
    (Key::Char('n'), ListAction::NextMatch, "next match"),
    (Key::Char('N'), ListAction::PreviousMatch, "previous match"),
    (Key::Char('q'), ListAction::Quit, "back / quit"),
    (Key::Esc, ListAction::Quit, "back / quit"),
];

/// What the caller must do after a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListEffect {
    Nothing,
    /// Open the item of this row ([`FeedListView::open`] says how).
    Open(usize),
    Reload,
    Quit,
}

/// A search over the titles: the query and, per matching row, the ranges it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
struct TitleSearch {
    query: String,
    /// Matching rows in order, each with byte ranges of its row text.
    hits: Vec<(usize, Vec<Range<usize>>)>,
}

/// The list view's state.
#[derive(Debug, Clone)]
pub struct FeedListView {
    list: FeedList,
    options: PageOptions,
    now: DateTime<Utc>,
    selected: usize,
    top: usize,
    /// Rows shown by the last draw (page keys move by this).
    height: usize,
    /// The search being typed.
    prompt: Option<String>,
    search: Option<TitleSearch>,
    /// A one-off message for the status line ("no match").
    message: Option<String>,
    /// The composed rows and the width they were composed at.
    lines: Option<(usize, Vec<PageLine>)>,
}

impl FeedListView {
    pub fn new(list: FeedList, options: PageOptions, now: DateTime<Utc>) -> Self {
        Self {
            list,
            options,
            now,
            selected: 0,
            top: 0,
            height: 1,
            prompt: None,
            search: None,
            message: None,
            lines: None,
        }
    }

    pub fn list(&self) -> &FeedList {
        &self.list
    }

    pub fn selected(&self) -> usize {
        self.selected
    }

    /// True while the search prompt is open (keys are typed into it).
    pub fn typing(&self) -> bool {
        self.prompt.is_some()
    }

    /// A one-off message for the status line (a failed load, say).
    pub fn set_message(&mut self, message: String) {
        self.message = Some(message);
    }

    /// The first row on screen.
    pub fn top(&self) -> usize {
        self.top
    }

    /// Hands in a source's new result (a reload, or a feed of the feeds file arriving). The
    /// selection stays on the same item when it is still there.
    pub fn set_result(&mut self, source: usize, result: Result<crate::feed::Feed, String>) {
        let key = self.selected_key();
        self.list.set_result(source, result);
        if let Some(key) = key {
            let (location, item_key) = key;
            let found = (0..self.list.rows().len()).find(|&row| {
                self.list.item(row).is_some_and(|(source, item)| {
                    source.location == location && item.key() == Some(item_key.as_str())
                })
            });
            if let Some(row) = found {
                self.selected = row;
            }
        }
        self.selected = self.selected.min(self.list.rows().len().saturating_sub(1));
        self.search = None;
        self.lines = None;
    }

    fn selected_key(&self) -> Option<(String, String)> {
        let (source, item) = self.list.item(self.selected)?;
        Some((source.location.clone(), item.key()?.to_owned()))
    }

    /// Handles one key.
    pub fn press(&mut self, key: Key) -> ListEffect {
        self.message = None;
        if let Some(prompt) = &mut self.prompt {
            match key {
                Key::Enter => {
                    let query = std::mem::take(prompt);
                    self.prompt = None;
                    self.run_search(query);
                }
                Key::Esc => self.prompt = None,
                Key::Backspace => {
                    prompt.pop();
                }
                Key::Char(c) => prompt.push(c),
                _ => {}
            }
            return ListEffect::Nothing;
        }
        match LIST_KEYS.iter().find(|(k, _, _)| *k == key) {
            Some(&(_, action, _)) => self.apply(action),
            None => ListEffect::Nothing,
        }
    }

    /// Does what `action` says.
    pub fn apply(&mut self, action: ListAction) -> ListEffect {
        let last = self.list.rows().len().saturating_sub(1);
        let page = self.height.max(1);
        match action {
            ListAction::Down => self.select(self.selected.saturating_add(1).min(last)),
            ListAction::Up => self.select(self.selected.saturating_sub(1)),
            ListAction::PageDown => self.select(self.selected.saturating_add(page).min(last)),
            ListAction::PageUp => self.select(self.selected.saturating_sub(page)),
            ListAction::Top => self.select(0),
            ListAction::Bottom => self.select(last),
            ListAction::Open => {
                if self.list.item(self.selected).is_some() {
                    self.list.set_read(self.selected, true);
                    self.lines = None;
                    return ListEffect::Open(self.selected);
                }
            }
            ListAction::ToggleRead => {
                self.list.toggle_read(self.selected);
                self.lines = None;
            }
            ListAction::Reload => return ListEffect::Reload,
            ListAction::Search => self.prompt = Some(String::new()),
            ListAction::NextMatch => self.next_match(true, false),
            ListAction::PreviousMatch => self.next_match(false, false),
            ListAction::Quit => return ListEffect::Quit,
        }
        ListEffect::Nothing
    }

    /// What opening `row` leads to: the item's content as a document, a link to fetch, or
    /// nothing (a status row).
    pub fn open(&self, row: usize) -> Opened {
        let Some((source, item)) = self.list.item(row) else {
            return Opened::Nothing;
        };
        match &source.status {
            Status::Loaded(feed) => article::open(item, feed),
            _ => Opened::Nothing,
        }
    }

    fn select(&mut self, row: usize) {
        self.selected = row;
    }

    fn run_search(&mut self, query: String) {
        let needle = fold::fold_query(&query);
        if needle.is_empty() {
            self.search = None;
            return;
        }
        let finder = memmem::Finder::new(needle.as_bytes());
        let hits: Vec<(usize, Vec<Range<usize>>)> = (0..self.list.rows().len())
            .filter_map(|row| {
                let text = rows::row_text(&self.list, row);
                let folded = fold::fold(&text);
                let ranges: Vec<Range<usize>> = finder
                    .find_iter(folded.text.as_bytes())
                    .map(|at| folded.original_range(at..at + needle.len()))
                    .collect();
                (!ranges.is_empty()).then_some((row, ranges))
            })
            .collect();
        if hits.is_empty() {
            self.message = Some(format!("no match for \u{2068}{query}\u{2069}"));
            self.search = None;
            return;
        }
        self.search = Some(TitleSearch { query, hits });
        self.next_match(true, true);
    }

    /// Selects the next (or previous) matching row, wrapping around; `here` counts the
    /// selected row itself.
    fn next_match(&mut self, forward: bool, here: bool) {
        let Some(search) = &self.search else {
            self.message = Some("no search: type / first".to_owned());
            return;
        };
        let rows: Vec<usize> = search.hits.iter().map(|(row, _)| *row).collect();
        let current = self.selected;
        let found = if forward {
            rows.iter()
                .find(|&&r| if here { r >= current } else { r > current })
                .or(rows.first())
        } else {
            rows.iter().rev().find(|&&r| r < current).or(rows.last())
        };
        if let Some(&row) = found {
            self.select(row);
        }
    }

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
        match &self.search {
            Some(search) => format!(
                " /{}  {unread} unread  {position} ",
                isolated(&search.query)
            ),
            None => format!(" {unread} unread  {position} "),
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

#[cfg(test)]
mod tests;
