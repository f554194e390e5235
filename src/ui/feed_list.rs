//! The feed list view: a component of its own (state, keys, drawing) over a [`FeedList`].
//!
//! Keys come from the reader's one key table ([`Keymap::list_action`]: the rows of
//! `ui::action::BINDINGS` that work in the list, overrides included), never from a table of
//! their own: `j` `k` and the arrows move the selection; `Space` `f` `PageDown`, `b` `PageUp`
//! move it a page; `g` `Home`, `G` `End` go to the first and last row; `Enter` opens the
//! selected item (and marks it read); `u` toggles its read mark; `r` reloads; `/` types a
//! search over the titles (folded as the reader's search folds: harakat, niqqud and letter
//! variants ignored), `Enter` runs it and selects the first match from the selection on, `n`
//! `N` go to the next and previous matching row; `?` shows the list's keys; `q` `Esc` leave
//! (`Esc` first closes the prompt or the help). The mouse: the wheel scrolls, a click selects
//! a row, a click on the selected row (so a double click) opens it. What must leave the view
//! — opening an item, reloading one feed, quitting — comes back as a [`ListEffect`].
//!
//! A list of several feeds loads them itself, in the background
//! ([`FeedListView::load_in_background`], [`crate::feed::loading`]): [`FeedListView::poll`]
//! hands in what arrived, and the selection stays on its item, at the same place on screen,
//! as rows arrive above or below it; `r` loads every feed again, the ones shown staying until
//! their new version arrives. The status line says how many feeds are in while some are not.
//!
//! Drawing (`feed_list/draw.rs`): the rows come from [`crate::feed::rows`] (composed once per
//! width, again after a read mark or the list changes), painted cell by cell as the reader
//! paints pages, the theme's page under every cell.

use super::action::{Action, Key, Keymap};
use crate::feed::article::{self, Opened};
use crate::feed::list::{FeedList, Row, Status};
use crate::feed::loading::{self, Loading};
use crate::feed::rows;
use crate::fold;
use crate::load::LoadOptions;
use crate::page::{PageLine, PageOptions};
use chrono::{DateTime, Utc};
use memchr::memmem;
use std::ops::Range;

mod draw;

/// Rows the mouse wheel moves the list per notch.
const WHEEL_ROWS: i32 = 3;

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
    Help,
    Quit,
}

impl ListAction {
    /// The list's meaning of a reader action (`None`: nothing in the list).
    pub fn of(action: Action) -> Option<Self> {
        Some(match action {
            Action::ScrollLines(n) if n > 0 => Self::Down,
            Action::ScrollLines(_) => Self::Up,
            Action::ScrollPages(n) if n > 0 => Self::PageDown,
            Action::ScrollPages(_) => Self::PageUp,
            Action::Top => Self::Top,
            Action::Bottom => Self::Bottom,
            Action::Confirm => Self::Open,
            Action::ToggleRead => Self::ToggleRead,
            Action::Reload => Self::Reload,
            Action::StartSearch => Self::Search,
            Action::NextMatch => Self::NextMatch,
            Action::PrevMatch => Self::PreviousMatch,
            Action::ToggleHelp => Self::Help,
            Action::Back => Self::Quit,
            _ => return None,
        })
    }
}

/// What the caller must do after a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListEffect {
    Nothing,
    /// Open the item of this row ([`FeedListView::open`] says how).
    Open(usize),
    /// Load the list's one feed again (a list of several reloads itself).
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
#[derive(Debug)]
pub struct FeedListView {
    list: FeedList,
    options: PageOptions,
    now: DateTime<Utc>,
    keymap: Keymap,
    selected: usize,
    top: usize,
    /// Rows shown by the last draw (page keys move by this), and the screen row of the first.
    height: usize,
    area_top: u16,
    /// The search being typed.
    prompt: Option<String>,
    search: Option<TitleSearch>,
    /// The help overlay is shown.
    help: bool,
    /// A one-off message for the status line ("no match").
    message: Option<String>,
    /// The composed rows and the width they were composed at.
    lines: Option<(usize, Vec<PageLine>)>,
    /// How the list's feeds are loaded in the background (a list of several), for `r`.
    loader: Option<LoadOptions>,
    loading: Option<Loading>,
}

impl FeedListView {
    pub fn new(list: FeedList, options: PageOptions, now: DateTime<Utc>) -> Self {
        Self {
            list,
            options,
            now,
            keymap: Keymap::default(),
            selected: 0,
            top: 0,
            height: 1,
            area_top: 0,
            prompt: None,
            search: None,
            help: false,
            message: None,
            lines: None,
            loader: None,
            loading: None,
        }
    }

    /// The keys the list obeys (the reader's, with the user's overrides).
    pub fn set_keymap(&mut self, keymap: Keymap) {
        self.keymap = keymap;
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

    /// True while the help overlay is shown.
    pub fn showing_help(&self) -> bool {
        self.help
    }

    /// A one-off message for the status line (a failed load, say).
    pub fn set_message(&mut self, message: String) {
        self.message = Some(message);
    }

    /// The first row on screen.
    pub fn top(&self) -> usize {
        self.top
    }

    /// Starts loading every source of the list in the background with `options`; `r` will
    /// load them all again the same way.
    pub fn load_in_background(&mut self, options: LoadOptions) {
        self.loader = Some(options);
        let locations = self.list.sources.iter().map(|s| s.location.clone());
        self.loading = Some(loading::start(locations.collect(), &options));
    }

    /// True while feeds are being loaded in the background.
    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    /// Feeds in so far and feeds being loaded, while loading.
    pub fn progress(&self) -> Option<(usize, usize)> {
        self.loading.as_ref().map(|l| (l.arrived(), l.total()))
    }

    /// Hands in the feeds that arrived since the last call, without waiting; true when the
    /// list changed.
    pub fn poll(&mut self) -> bool {
        let mut changed = false;
        while let Some((source, result)) = self.loading.as_mut().and_then(Loading::try_next) {
            self.set_result(source, result);
            changed = true;
        }
        if self.loading.as_ref().is_some_and(Loading::is_done) {
            self.loading = None;
            changed = true;
        }
        changed
    }

    /// Waits for every feed still loading and hands them in, in the list's order (`sahifa
    /// shot`, printing: the same picture whatever order the network answers in).
    pub fn wait(&mut self) {
        if let Some(mut loading) = self.loading.take() {
            for (source, result) in loading.wait() {
                self.set_result(source, result);
            }
        }
    }

    /// Hands in a source's new result (a reload, or a feed of the feeds file arriving). The
    /// selection stays on the same item (or loading or failed feed) when it is still there,
    /// at the same place on screen.
    pub fn set_result(&mut self, source: usize, result: Result<crate::feed::Feed, String>) {
        let anchor = self.selected_anchor();
        let before = self.selected;
        self.list.set_result(source, result);
        if let Some(row) = anchor.and_then(|anchor| self.find(&anchor)) {
            self.selected = row;
        }
        self.selected = self.selected.min(self.list.rows().len().saturating_sub(1));
        // The rows that arrived above the selection push the view down with it.
        if self.selected >= before {
            self.top = self.top.saturating_add(self.selected - before);
        } else {
            self.top = self.top.saturating_sub(before - self.selected);
        }
        self.lines = None;
        if let Some(search) = self.search.take() {
            self.search = self.find_titles(&search.query);
        }
    }

    /// What identifies the selected row across a change of the list.
    fn selected_anchor(&self) -> Option<Anchor> {
        match *self.list.rows().get(self.selected)? {
            Row::Status { source } => Some(Anchor::Status(source)),
            Row::Item { .. } => {
                let (source, item) = self.list.item(self.selected)?;
                Some(Anchor::Item(
                    source.location.clone(),
                    item.key()?.to_owned(),
                ))
            }
        }
    }

    fn find(&self, anchor: &Anchor) -> Option<usize> {
        let rows = self.list.rows();
        match anchor {
            Anchor::Status(source) => rows
                .iter()
                .position(|row| *row == Row::Status { source: *source }),
            Anchor::Item(location, key) => (0..rows.len()).find(|&row| {
                self.list.item(row).is_some_and(|(source, item)| {
                    source.location == *location && item.key() == Some(key.as_str())
                })
            }),
        }
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
        match self.keymap.list_action(key).and_then(ListAction::of) {
            Some(action) => self.apply(action),
            None => ListEffect::Nothing,
        }
    }

    /// Does what `action` says. With the help shown, any action closes it first, and only
    /// the ones that close it (`?`, `q`, `Esc`) stop there.
    pub fn apply(&mut self, action: ListAction) -> ListEffect {
        if self.help {
            self.help = false;
            if matches!(action, ListAction::Help | ListAction::Quit) {
                return ListEffect::Nothing;
            }
        }
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
                    self.save_read();
                    self.lines = None;
                    return ListEffect::Open(self.selected);
                }
                // A feed's own row: its whole message, which the row may have cut.
                self.message = self.status_of(self.selected);
            }
            ListAction::ToggleRead => {
                self.list.toggle_read(self.selected);
                self.save_read();
                self.lines = None;
            }
            // The feeds shown stay until their new version arrives.
            ListAction::Reload => match self.loader {
                Some(options) => self.load_in_background(options),
                None => return ListEffect::Reload,
            },
            ListAction::Search => self.prompt = Some(String::new()),
            ListAction::NextMatch => self.next_match(true, false),
            ListAction::PreviousMatch => self.next_match(false, false),
            ListAction::Help => self.help = true,
            ListAction::Quit => return ListEffect::Quit,
        }
        ListEffect::Nothing
    }

    /// What a loading or failed feed's row stands for, said in full.
    fn status_of(&self, row: usize) -> Option<String> {
        let Some(&Row::Status { source }) = self.list.rows().get(row) else {
            return None;
        };
        let source = self.list.sources.get(source)?;
        Some(match &source.status {
            Status::Failed(message) => format!("{}: {message}", source.location),
            _ => format!("{}: still loading", source.location),
        })
    }

    /// Writes the selected item's feed's read marks (a failure is said, never fatal).
    fn save_read(&mut self) {
        if let Err(e) = self.list.save_read_of(self.selected) {
            self.message = Some(format!("could not keep the read mark: {e}"));
        }
    }

    /// The mouse wheel: the view moves `notches` × a few rows (down when positive), the
    /// selection kept on screen.
    pub fn wheel(&mut self, notches: i32) {
        let rows = self.list.rows().len();
        let max_top = rows.saturating_sub(self.height);
        let by = notches.saturating_mul(WHEEL_ROWS);
        let magnitude = usize::try_from(by.unsigned_abs()).unwrap_or(usize::MAX);
        self.top = if by >= 0 {
            self.top.saturating_add(magnitude).min(max_top)
        } else {
            self.top.saturating_sub(magnitude)
        };
        let bottom = (self.top + self.height).min(rows).saturating_sub(1);
        self.selected = self.selected.clamp(self.top, bottom.max(self.top));
    }

    /// A left click at (`col`, `row`) of the screen: selects the row under it; on the row
    /// already selected (the second click of a double click), opens it. With the help shown,
    /// a click closes it.
    pub fn click(&mut self, _col: u16, y: u16) -> ListEffect {
        self.message = None;
        if self.help {
            self.help = false;
            return ListEffect::Nothing;
        }
        let Some(offset) = y.checked_sub(self.area_top).map(usize::from) else {
            return ListEffect::Nothing;
        };
        let row = self.top + offset;
        if offset >= self.height || row >= self.list.rows().len() {
            return ListEffect::Nothing;
        }
        if row == self.selected {
            return self.apply(ListAction::Open);
        }
        self.select(row);
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

    /// The link of the item at `row` (what an opened item's reading position is remembered
    /// by).
    pub fn link(&self, row: usize) -> Option<String> {
        let (_, item) = self.list.item(row)?;
        item.link.clone()
    }

    fn select(&mut self, row: usize) {
        self.selected = row;
    }

    fn run_search(&mut self, query: String) {
        match self.find_titles(&query) {
            Some(search) => {
                self.search = Some(search);
                self.next_match(true, true);
            }
            None if fold::fold_query(&query).is_empty() => self.search = None,
            None => {
                self.message = Some(format!("no match for \u{2068}{query}\u{2069}"));
                self.search = None;
            }
        }
    }

    /// The rows whose title matches `query` (folded), `None` when none does.
    fn find_titles(&self, query: &str) -> Option<TitleSearch> {
        let needle = fold::fold_query(query);
        if needle.is_empty() {
            return None;
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
        (!hits.is_empty()).then(|| TitleSearch {
            query: query.to_owned(),
            hits,
        })
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
}

/// What the selection is on, to find it again after the list changed.
enum Anchor {
    /// A feed still loading, or failed.
    Status(usize),
    /// An item: its feed's location and its key.
    Item(String, String),
}

#[cfg(test)]
mod tests;
