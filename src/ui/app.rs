//! The reader's state and its one way to change: [`App::handle`] of an [`Action`].
//!
//! Everything here is plain data — no terminal — so tests and `sahifa shot` drive the same
//! `App` the terminal does. The page is composed per column width (cached, so going back to a
//! width is free); the view's top is kept as a line index and re-found by its text anchor when
//! the width changes, so the paragraph at the top stays at the top.

use super::action::{Action, Key, Keymap};
use super::compose::{self, Compose, Job, Pending, TagFn};
use super::composed::Composed;
use super::entities::EntityList;
use super::search::{SearchIndex, Spot};
use crate::document::Document;
use crate::page::{BlockRef, PageLine, Unit};
use crate::theme::Theme;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

/// How the reader starts.
#[derive(Clone)]
pub struct ReaderOptions {
    pub compose: Arc<dyn Compose>,
    /// Compose big articles on a background thread (the terminal reader); off, every page is
    /// composed at once (tests and screenshots, which must be exact).
    pub background: bool,
    /// Tags the document's entities when the reader starts (in the background when
    /// `background` is on); `None` keeps the entities the document has.
    pub tagger: Option<TagFn>,
    /// Widest text column in cells.
    pub max_width: usize,
    pub keymap: Keymap,
    /// Themes `T` cycles through; the first is used at start.
    pub themes: Vec<Theme>,
    /// A message for the status line at start (a bad config, say).
    pub message: Option<String>,
    /// Where to start reading (a remembered position).
    pub start: Option<Anchor>,
}

impl ReaderOptions {
    pub fn new(compose: Arc<dyn Compose>) -> Self {
        Self {
            compose,
            background: false,
            tagger: None,
            max_width: 80,
            keymap: Keymap::default(),
            themes: vec![Theme::default()],
            message: None,
            start: None,
        }
    }
}

/// A reading position that survives a width change: a block part and a byte in its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    pub source: BlockRef,
    pub offset: usize,
}

/// What covers the text, if anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help { scroll: usize },
    Outline { selected: usize },
    Entities { selected: usize },
}

/// The active search.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub query: String,
    pub matches: Vec<Spot>,
    /// The match `n`/`N` last moved to.
    pub current: Option<usize>,
}

/// The reader.
pub struct App {
    pub(super) doc: Arc<Document>,
    pub(super) options: ReaderOptions,
    /// Terminal size (columns, rows).
    pub(super) size: (u16, u16),
    pub(super) page: Rc<Composed>,
    cache: HashMap<usize, Rc<Composed>>,
    /// Units of the page, for composing windows of big articles (empty for small ones).
    units: Vec<Unit>,
    /// The whole page being composed in the background, when the shown one is a window.
    pending: Option<Pending>,
    /// Entities being tagged in the background.
    pending_entities: Option<Job<Vec<crate::document::Entity>>>,
    /// Every block's folded text, for searching (built in the background or at the first search).
    search_index: Option<Arc<SearchIndex>>,
    pending_index: Option<Job<SearchIndex>>,
    /// Index of the page line at the top of the view.
    pub(super) top: usize,
    pub(super) overlay: Overlay,
    /// The search prompt's text while it is open.
    pub(super) prompt: Option<String>,
    pub(super) search: Search,
    pub(super) entities_on: bool,
    pub(super) entity_list: EntityList,
    pub(super) theme: usize,
    pub(super) message: Option<String>,
    /// The remembered position, kept until the first real size is known.
    start: Option<Anchor>,
    quit: bool,
}

impl App {
    /// A reader for `doc`, sized 80x24 until told otherwise ([`Action::Resize`] or a draw).
    pub fn new(doc: Document, options: ReaderOptions) -> Self {
        Self::with_size(doc, options, 80, 24)
    }

    /// A reader for `doc` on a terminal of `cols` x `rows` (composed once, at that width).
    pub fn with_size(mut doc: Document, options: ReaderOptions, cols: u16, rows: u16) -> Self {
        let mut pending_entities = None;
        if let Some(tag) = &options.tagger {
            if options.background {
                let (tag, snapshot) = (Arc::clone(tag), doc.clone());
                pending_entities = Some(Job::start(move || tag(&snapshot)));
            } else {
                doc.entities = tag(&doc);
            }
        }
        let pending_index = options.background.then(|| {
            let snapshot = doc.clone();
            Job::start(move || SearchIndex::new(&snapshot))
        });
        let entity_list = EntityList::new(&doc);
        let units = if options.background && compose::text_bytes(&doc) > compose::BIG_ARTICLE {
            Unit::all(&doc)
        } else {
            Vec::new()
        };
        let mut app = App {
            message: options.message.clone(),
            doc: Arc::new(doc),
            units,
            pending: None,
            pending_entities,
            search_index: None,
            pending_index,
            options,
            size: (0, 0),
            page: Rc::default(),
            cache: HashMap::new(),
            top: 0,
            overlay: Overlay::None,
            prompt: None,
            search: Search::default(),
            entities_on: false,
            entity_list,
            theme: 0,
            start: None,
            quit: false,
        };
        app.resize(cols, rows);
        app.start = app.options.start;
        if let Some(anchor) = app.start {
            app.top = app.line_of_anchor(anchor).min(app.max_top());
        }
        app
    }

    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// True once the user asked to quit.
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// The line at the top of the view.
    pub fn top(&self) -> usize {
        self.top
    }

    pub fn overlay(&self) -> Overlay {
        self.overlay
    }

    pub fn search(&self) -> &Search {
        &self.search
    }

    pub fn lines(&self) -> &[PageLine] {
        &self.page.lines
    }

    /// The status-line message, if any (cleared by the next action).
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The position to remember: the text at the top of the view.
    pub fn anchor(&self) -> Option<Anchor> {
        self.page
            .anchor_at(self.top)
            .map(|(source, offset)| Anchor { source, offset })
    }

    /// Rows of text shown (the last row is the status line).
    pub fn text_height(&self) -> usize {
        usize::from(self.size.1.saturating_sub(1)).max(1)
    }

    /// Column width for a terminal this wide: the configured maximum, with a cell of margin on
    /// each side when the terminal is narrower.
    pub fn column_width(&self) -> usize {
        let cols = usize::from(self.size.0);
        self.options.max_width.min(cols.saturating_sub(2)).max(1)
    }

    /// The action a key asks for in the current mode: typing while the search prompt is open,
    /// the key table otherwise.
    pub fn key_action(&self, key: Key) -> Option<Action> {
        if self.prompt.is_some() {
            return match key {
                Key::Char(c) => Some(Action::Type(c)),
                Key::Backspace => Some(Action::DeleteChar),
                Key::Enter => Some(Action::Confirm),
                Key::Esc => Some(Action::Back),
                Key::Ctrl('c') => Some(Action::Quit),
                _ => None,
            };
        }
        self.options.keymap.action(key)
    }

    /// Presses a key: looks up its action and handles it.
    pub fn press(&mut self, key: Key) {
        if let Some(action) = self.key_action(key) {
            self.handle(action);
        }
    }

    /// The one way the state changes.
    pub fn handle(&mut self, action: Action) {
        if !matches!(action, Action::Resize(..)) {
            self.message = None;
            self.start = None;
        }
        match action {
            Action::Resize(cols, rows) => self.resize(cols, rows),
            Action::Quit => self.quit = true,
            Action::Back => self.back(),
            Action::Type(c) => {
                if let Some(prompt) = &mut self.prompt {
                    prompt.push(c);
                }
            }
            Action::DeleteChar => {
                if let Some(prompt) = &mut self.prompt {
                    prompt.pop();
                }
            }
            Action::Confirm => self.confirm(),
            Action::ToggleHelp => self.toggle(Overlay::Help { scroll: 0 }),
            Action::ToggleOutline => {
                let selected = self.current_heading().unwrap_or(0);
                self.toggle(Overlay::Outline { selected });
            }
            Action::ToggleEntityPanel => self.toggle(Overlay::Entities { selected: 0 }),
            Action::Click(col, row) => self.click(col, row),
            Action::ScrollLines(n) if self.overlay != Overlay::None => self.move_selection(n),
            Action::ScrollPages(n) if self.overlay != Overlay::None => {
                self.move_selection(n.saturating_mul(self.panel_rows() as i32))
            }
            action if self.overlay != Overlay::None => {
                // Movement keys outside the panel's own close the panel first.
                self.overlay = Overlay::None;
                self.handle(action);
            }
            Action::ScrollLines(n) => self.scroll(n as isize),
            Action::ScrollPages(n) => self.scroll(n as isize * self.page_step() as isize),
            Action::ScrollHalfPages(n) => {
                self.scroll(n as isize * (self.text_height() / 2).max(1) as isize)
            }
            Action::Top => self.top = 0,
            Action::Bottom => self.top = self.max_top(),
            Action::NextSection => self.next_section(),
            Action::PrevSection => self.prev_section(),
            Action::Section(n) => self.section(usize::from(n)),
            Action::NextBox => self.next_box(),
            Action::PrevBox => self.prev_box(),
            Action::StartSearch => self.prompt = Some(String::new()),
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::ToggleEntities => {
                self.entities_on = !self.entities_on;
                let state = if self.entities_on { "on" } else { "off" };
                self.message = Some(format!("entity highlighting {state}"));
            }
            Action::NextTheme => {
                self.theme = (self.theme + 1) % self.options.themes.len().max(1);
                self.message = Some(format!("theme: {}", self.theme().name));
            }
        }
    }

    pub(super) fn theme(&self) -> &Theme {
        static DEFAULT: std::sync::OnceLock<Theme> = std::sync::OnceLock::new();
        self.options
            .themes
            .get(self.theme)
            .unwrap_or_else(|| DEFAULT.get_or_init(Theme::default))
    }

    fn toggle(&mut self, overlay: Overlay) {
        let same = std::mem::discriminant(&self.overlay) == std::mem::discriminant(&overlay);
        self.overlay = if same { Overlay::None } else { overlay };
        self.prompt = None;
    }

    fn back(&mut self) {
        if self.prompt.is_some() {
            self.prompt = None;
        } else if self.overlay != Overlay::None {
            self.overlay = Overlay::None;
        } else {
            self.quit = true;
        }
    }

    /// Reflows for a new terminal size, keeping the text at the top of the view at the top.
    fn resize(&mut self, cols: u16, rows: u16) {
        if (cols, rows) == self.size && self.start.is_none() {
            return;
        }
        let anchor = self.top_anchor();
        self.size = (cols, rows);
        let width = self.column_width();
        if width != self.page.width || self.page.lines.is_empty() {
            self.relayout(width, anchor);
        }
        self.top = self.top.min(self.max_top());
    }

    /// Shows the page at `width` (cached, composed now, or a window while it is composed),
    /// with `anchor` at the top.
    fn relayout(&mut self, width: usize, anchor: Option<(Anchor, usize)>) {
        self.pending = None;
        match self.cache.get(&width) {
            Some(page) => self.page = Rc::clone(page),
            None if !self.units.is_empty() => self.compose_window(width, anchor),
            None => {
                let lines = self.options.compose.page(&self.doc, width);
                self.keep(Composed::new(width, lines));
            }
        }
        self.reanchor(anchor);
    }

    /// The text at the top, and how many lines above it the top was (a title or blank line has
    /// no text of its own). A remembered start position counts until the first real size.
    fn top_anchor(&mut self) -> Option<(Anchor, usize)> {
        match self.start.take() {
            Some(start) => Some((start, 0)),
            None => self.page.anchor_at(self.top).map(|(source, offset)| {
                let line = self.page.line_of(&source, offset).unwrap_or(self.top);
                (Anchor { source, offset }, line.saturating_sub(self.top))
            }),
        }
    }

    fn reanchor(&mut self, anchor: Option<(Anchor, usize)>) {
        if let Some((anchor, above)) = anchor {
            self.top = self.line_of_anchor(anchor).saturating_sub(above);
        }
    }

    /// Makes `page` the shown page and caches it (the current width and one other).
    fn keep(&mut self, page: Composed) {
        let page = Rc::new(page);
        let width = page.width;
        if self.cache.len() >= 2 {
            self.cache.retain(|w, _| *w == self.page.width);
        }
        self.cache.insert(width, Rc::clone(&page));
        self.page = page;
    }

    /// Shows the part of a big article around `anchor` now, and composes the whole page in the
    /// background.
    fn compose_window(&mut self, width: usize, anchor: Option<(Anchor, usize)>) {
        let at = anchor
            .map(|(a, _)| compose::unit_of(&self.doc, &a.source))
            .and_then(|unit| self.units.iter().position(|u| *u == unit))
            .unwrap_or(0);
        let rows = self.text_height();
        let window = compose::window(
            self.options.compose.as_ref(),
            &self.doc,
            &self.units,
            at,
            width,
            rows,
        );
        match window {
            Some((lines, offset)) => {
                self.page = Rc::new(Composed::window(width, lines));
                self.top = offset;
                let compose = Arc::clone(&self.options.compose);
                self.pending = Some(Pending::start(compose, Arc::clone(&self.doc), width));
            }
            None => {
                let lines = self.options.compose.page(&self.doc, width);
                self.keep(Composed::new(width, lines));
            }
        }
    }

    /// True while a background job (a whole page, the entities) is still running.
    pub fn composing(&self) -> bool {
        self.pending.is_some() || self.pending_entities.is_some()
    }

    /// Takes the results of background jobs that are done; true if the view changed.
    pub fn poll_background(&mut self) -> bool {
        let tagged = self.take_entities();
        self.take_page() || tagged
    }

    /// Entities from the background tagger: the page is composed again with their tags.
    fn take_entities(&mut self) -> bool {
        let Some(entities) = self.pending_entities.as_ref().and_then(Job::ready) else {
            return false;
        };
        self.pending_entities = None;
        let mut doc = Document::clone(&self.doc);
        doc.entities = entities;
        self.entity_list = EntityList::new(&doc);
        self.doc = Arc::new(doc);
        let anchor = self.top_anchor();
        self.cache.clear();
        self.relayout(self.column_width(), anchor);
        self.top = self.top.min(self.max_top());
        true
    }

    fn take_page(&mut self) -> bool {
        let Some(page) = self.pending.as_ref().and_then(Pending::ready) else {
            return false;
        };
        self.pending = None;
        if page.width != self.column_width() {
            return false;
        }
        let anchor = self.top_anchor();
        self.keep(page);
        self.reanchor(anchor);
        self.top = self.top.min(self.max_top());
        true
    }

    fn line_of_anchor(&self, anchor: Anchor) -> usize {
        self.page
            .line_of(&anchor.source, anchor.offset)
            .unwrap_or(self.top)
    }

    fn last_line(&self) -> usize {
        self.page.lines.len().saturating_sub(1)
    }

    /// The furthest plain scrolling goes: the last line at the bottom of the view.
    pub(super) fn max_top(&self) -> usize {
        self.page.lines.len().saturating_sub(self.text_height())
    }

    /// A page step keeps two lines of context.
    fn page_step(&self) -> usize {
        self.text_height().saturating_sub(2).max(1)
    }

    fn scroll(&mut self, delta: isize) {
        if delta >= 0 {
            // Jumps may leave the view past the plain scrolling limit; scrolling down from there
            // stays put rather than jumping back up.
            let limit = self.max_top().max(self.top);
            self.top = self.top.saturating_add(delta.unsigned_abs()).min(limit);
        } else {
            self.top = self.top.saturating_sub(delta.unsigned_abs());
        }
    }

    /// Puts line `at` at the top of the view (jumps may go past the plain scrolling limit so
    /// that a late heading still reaches the top line).
    fn jump_to(&mut self, at: usize) {
        self.top = at.min(self.last_line());
    }

    /// Brings line `at` into view with some context above, unless it is already visible.
    fn reveal(&mut self, at: usize) {
        let visible = self.top..self.top + self.text_height();
        if !visible.contains(&at) {
            self.jump_to(at.saturating_sub(self.text_height() / 3));
        }
    }

    /// Index into the page's headings of the section being read.
    pub(super) fn current_heading(&self) -> Option<usize> {
        let headings = &self.page.headings;
        let after = headings.partition_point(|(line, _)| *line <= self.top);
        after.checked_sub(1)
    }

    fn next_section(&mut self) {
        match self.page.headings.iter().find(|(line, _)| *line > self.top) {
            Some((line, _)) => self.jump_to(*line),
            None => self.message = Some("last section".to_owned()),
        }
    }

    fn prev_section(&mut self) {
        match self
            .page
            .headings
            .iter()
            .rev()
            .find(|(line, _)| *line < self.top)
        {
            Some((line, _)) => self.jump_to(*line),
            None => self.top = 0,
        }
    }

    fn section(&mut self, n: usize) {
        match n.checked_sub(1).and_then(|i| self.page.headings.get(i)) {
            Some((line, _)) => self.jump_to(*line),
            None => {
                let count = self.page.headings.len();
                self.message = Some(format!("no section {n} (there are {count})"));
            }
        }
    }

    fn next_box(&mut self) {
        match self.page.boxes.iter().find(|line| **line > self.top) {
            Some(line) => self.jump_to(*line),
            None => self.message = Some("no call-out or figure below".to_owned()),
        }
    }

    fn prev_box(&mut self) {
        match self.page.boxes.iter().rev().find(|line| **line < self.top) {
            Some(line) => self.jump_to(*line),
            None => self.message = Some("no call-out or figure above".to_owned()),
        }
    }

    fn confirm(&mut self) {
        if let Some(query) = self.prompt.take() {
            self.run_search(query);
            return;
        }
        match self.overlay {
            Overlay::Outline { selected } => {
                if let Some((line, _)) = self.page.headings.get(selected) {
                    self.overlay = Overlay::None;
                    self.jump_to(*line);
                }
            }
            Overlay::Entities { selected } => self.next_mention(selected),
            Overlay::None | Overlay::Help { .. } => {}
        }
    }

    fn run_search(&mut self, query: String) {
        let matches = self.search_index().find(&query);
        self.search = Search {
            query,
            matches,
            current: None,
        };
        if self.search.query.trim().is_empty() {
            return;
        }
        if self.search.matches.is_empty() {
            self.message = Some(format!("not found: {}", self.search.query));
            return;
        }
        // The first match at or below the top of the view, else wrap to the first.
        let top = self.top;
        let below = (0..self.search.matches.len())
            .find(|i| self.match_line(*i).is_some_and(|line| line >= top));
        if below.is_none() {
            self.message = Some("search wrapped to the top".to_owned());
        }
        self.go_to_match(below.unwrap_or(0));
    }

    /// The search index: from the background job if it is done, else built now.
    fn search_index(&mut self) -> Arc<SearchIndex> {
        if let Some(index) = self.pending_index.take().and_then(|job| job.ready()) {
            self.search_index = Some(Arc::new(index));
        }
        let doc = &self.doc;
        Arc::clone(
            self.search_index
                .get_or_insert_with(|| Arc::new(SearchIndex::new(doc))),
        )
    }

    fn match_line(&self, i: usize) -> Option<usize> {
        let spot = self.search.matches.get(i)?;
        self.page.line_of(&spot.source, spot.range.start)
    }

    fn go_to_match(&mut self, i: usize) {
        self.search.current = Some(i);
        if let Some(line) = self.match_line(i) {
            self.reveal(line);
        }
    }

    fn step_match(&mut self, forward: bool) {
        let count = self.search.matches.len();
        if count == 0 {
            self.message = Some(if self.search.query.is_empty() {
                "no search yet: press /".to_owned()
            } else {
                format!("not found: {}", self.search.query)
            });
            return;
        }
        let next = match (self.search.current, forward) {
            (None, _) => 0,
            (Some(i), true) if i + 1 == count => {
                self.message = Some("search wrapped to the top".to_owned());
                0
            }
            (Some(i), true) => i + 1,
            (Some(0), false) => {
                self.message = Some("search wrapped to the bottom".to_owned());
                count - 1
            }
            (Some(i), false) => i - 1,
        };
        self.go_to_match(next);
    }

    /// Jumps to the next mention (below the top of the view, wrapping) of entity row `row`.
    fn next_mention(&mut self, row: usize) {
        let lines: Vec<usize> = self
            .entity_list
            .mentions(row)
            .iter()
            .filter_map(|spot| self.page.line_of(&spot.source, spot.range.start))
            .collect();
        let top = self.top;
        let next = lines.iter().copied().filter(|l| *l > top).min();
        match next.or_else(|| lines.iter().copied().min()) {
            Some(line) => {
                self.entities_on = true;
                self.jump_to(line);
            }
            None => self.message = Some("no mention on the page".to_owned()),
        }
    }

    fn panel_rows(&self) -> usize {
        usize::from(self.size.1.saturating_sub(3)).max(1)
    }

    fn move_selection(&mut self, delta: i32) {
        let step = |at: usize, count: usize| -> usize {
            let moved = at as i64 + i64::from(delta);
            moved.clamp(0, count.saturating_sub(1) as i64) as usize
        };
        self.overlay = match self.overlay {
            Overlay::Outline { selected } => Overlay::Outline {
                selected: step(selected, self.page.headings.len()),
            },
            Overlay::Entities { selected } => Overlay::Entities {
                selected: step(selected, self.entity_list.rows.len()),
            },
            Overlay::Help { scroll } => Overlay::Help {
                scroll: step(scroll, self.options.keymap.help_rows().len()),
            },
            Overlay::None => Overlay::None,
        };
    }

    /// A click in a panel selects that row and jumps to it.
    fn click(&mut self, col: u16, row: u16) {
        let Some(area) = super::view::panel_area(self) else {
            return;
        };
        let inside =
            area.x < col && col + 1 < area.right() && area.y < row && row + 1 < area.bottom();
        if !inside {
            return;
        }
        let first = super::view::panel_first_row(self, area);
        let selected = first + usize::from(row - area.y - 1);
        match self.overlay {
            Overlay::Outline { .. } if selected < self.page.headings.len() => {
                self.overlay = Overlay::Outline { selected };
                self.confirm();
            }
            Overlay::Entities { .. } if selected < self.entity_list.rows.len() => {
                self.overlay = Overlay::Entities { selected };
                self.confirm();
            }
            _ => {}
        }
    }
}
