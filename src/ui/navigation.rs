//! The reader's stack of views: an article ([`App`]) or a feed list ([`FeedListView`]). Opening
//! something pushes a view; `Backspace` (and `q`/`Esc` in a view that is not the first) pops
//! back to the view below, exactly as it was left (its scroll, selection and panels are kept,
//! since the view itself is kept). Quitting the first view quits the reader.
//!
//! Reading positions: an article with an identity (the first view's file or URL, an opened
//! link's URL, a feed item's link) starts where it was left, and its place is saved when its
//! view is left (`Backspace`) and when the reader quits ([`Navigation::save_positions`]), once
//! the caller turned that on with [`Navigation::remember_positions`].
//!
//! The stack is plain state, driven by keys like [`App`], and tested without a terminal. What
//! only the outside can do comes back as [`Effect`]s: [`Effect::Open`] asks for a source to be
//! loaded (a feed item's link), [`Effect::Reload`] for the feed list's source again; the caller
//! loads it and hands the result back with [`Navigation::push_document`],
//! [`Navigation::push_input`], [`Navigation::reload_feed`] or, on failure,
//! [`Navigation::set_message`] (a status-line message on the current view, never a crash).
//! The feeds file's list loads its feeds, and reloads them, by itself in the background:
//! [`Navigation::poll_background`] hands in what arrived.

use super::action::{Action, Key};
use super::app::{App, ReaderOptions};
use super::effect::Effect;
use super::feed_list::{FeedListView, ListEffect};
use super::position::PositionStore;
use crate::document::Document;
use crate::feed::Feed;
use crate::feed::article::Opened;
use crate::feed::list::FeedList;
use crate::feed::output::Input;
use crate::page::PageOptions;
use crate::source::Source;
use crate::source::cache::PictureCache;
use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::path::PathBuf;

/// One view of the stack.
pub enum View {
    Article(Box<App>),
    /// A feed list and the source it was read from (for `r`).
    Feed {
        view: Box<FeedListView>,
        source: Source,
    },
}

/// The views, the first at the bottom, the one shown on top.
pub struct Navigation {
    views: Vec<View>,
    /// How articles opened from here are read (no start position, no start message).
    options: ReaderOptions,
    /// Where the pictures of web articles opened from here are fetched to.
    pictures: PictureCache,
    /// The reading position of each view, when it is remembered (parallel to `views`).
    stores: Vec<Option<PositionStore>>,
    /// Where positions of articles opened from here are kept; `None`: not remembered.
    positions: Option<PathBuf>,
    /// How feed lists pushed from here are drawn, and the moment their ages count from.
    page: PageOptions,
    now: DateTime<Utc>,
    size: (u16, u16),
    quit: bool,
}

impl Navigation {
    /// A stack with one view.
    pub fn new(first: View, options: ReaderOptions, cols: u16, rows: u16) -> Self {
        Self::with_feeds(
            first,
            options,
            PageOptions::default(),
            Utc::now(),
            cols,
            rows,
        )
    }

    /// A stack with one view; feed lists pushed later are drawn with `page`, their ages
    /// counted from `now`.
    pub fn with_feeds(
        first: View,
        options: ReaderOptions,
        page: PageOptions,
        now: DateTime<Utc>,
        cols: u16,
        rows: u16,
    ) -> Self {
        let mut options = options;
        options.start = None;
        options.message = None;
        options.figure_dir = None;
        let pictures =
            (options.pictures.clone()).unwrap_or_else(|| PictureCache::new(options.fetch));
        let mut first = first;
        if let View::Feed { view, .. } = &mut first {
            view.set_keymap(options.keymap.clone());
        }
        Self {
            views: vec![first],
            options,
            pictures,
            stores: vec![None],
            positions: None,
            page,
            now,
            size: (cols, rows),
            quit: false,
        }
    }

    /// The feed list of `list` read from `source`, as a first view or to push.
    pub fn feed_view(
        list: FeedList,
        source: Source,
        page: PageOptions,
        now: DateTime<Utc>,
    ) -> View {
        View::Feed {
            view: Box::new(FeedListView::new(list, page, now)),
            source,
        }
    }

    pub fn depth(&self) -> usize {
        self.views.len()
    }

    pub fn current(&self) -> &View {
        // Never empty: the first view is only left by quitting.
        self.views.last().expect("the stack has a view")
    }

    pub fn current_mut(&mut self) -> &mut View {
        self.views.last_mut().expect("the stack has a view")
    }

    /// The first view (the article whose position is remembered).
    pub fn first(&self) -> &View {
        &self.views[0]
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// A status-line message on the current view (a failed load).
    pub fn set_message(&mut self, message: String) {
        match self.current_mut() {
            View::Article(app) => app.message = Some(message),
            View::Feed { view, .. } => view.set_message(message),
        }
    }

    /// Remembers reading positions in `dir` from now on; `first` is the first view's.
    pub fn remember_positions(&mut self, dir: PathBuf, first: Option<PositionStore>) {
        self.positions = Some(dir);
        if let Some(slot) = self.stores.first_mut() {
            *slot = first;
        }
    }

    /// Saves the reading position of every view that has one remembered (at quit).
    pub fn save_positions(&self) -> Vec<std::io::Error> {
        (self.views.iter().zip(&self.stores))
            .filter_map(|(view, store)| save_position(view, store.as_ref()).err())
            .collect()
    }

    /// Pushes an article (a feed item's content: its remote pictures are fetched when the
    /// first view came from the web).
    pub fn push_document(&mut self, doc: Document) {
        self.push_article(doc, self.options.clone(), None);
    }

    /// Pushes `doc` read with `options`; `url` is what its position is remembered by.
    fn push_article(&mut self, doc: Document, mut options: ReaderOptions, url: Option<&str>) {
        let store = (url.zip(self.positions.as_deref()))
            .and_then(|(url, dir)| PositionStore::for_url(dir, url, &doc));
        options.start = store.as_ref().and_then(PositionStore::load);
        let (cols, rows) = self.size;
        let app = App::with_size(doc, options, cols, rows);
        self.views.push(View::Article(Box::new(app)));
        self.stores.push(store);
    }

    /// Pushes a view built by the caller (a feed list).
    pub fn push(&mut self, mut view: View) {
        if let View::Feed { view, .. } = &mut view {
            view.set_keymap(self.options.keymap.clone());
        }
        self.views.push(view);
        self.stores.push(None);
    }

    /// Pushes what `source` turned out to be: an article, or a feed's list.
    pub fn push_input(&mut self, input: Input, source: Source) {
        match input {
            // A web article's remote pictures are fetched.
            Input::Article(loaded) if let Source::Url(url) = &source => {
                let mut options = self.options.clone();
                options.pictures = Some(self.pictures.clone());
                self.push_article(loaded.document, options, Some(url));
            }
            Input::Article(loaded) => self.push_document(loaded.document),
            Input::Feed { feed, name, file } => {
                let list = crate::feed::output::list(feed, &name, file.as_deref());
                let view = Self::feed_view(list, source, self.page, self.now);
                self.push(view);
            }
        }
    }

    /// Background work of the view shown (an article's composing, a list's feeds arriving);
    /// true when something changed.
    pub fn poll_background(&mut self) -> bool {
        match self.current_mut() {
            View::Article(app) => app.poll_background(),
            View::Feed { view, .. } => view.poll(),
        }
    }

    /// True while the article shown is still being composed or its pictures decoded, or the
    /// list shown is loading feeds.
    pub fn busy(&self) -> bool {
        match self.current() {
            View::Article(app) => app.composing() || app.decoding_pictures(),
            View::Feed { view, .. } => view.is_loading(),
        }
    }

    /// A terminal event: keys to [`Navigation::press`], the rest to the view shown (the
    /// feed list takes the wheel and left clicks).
    pub fn handle_event(&mut self, event: &crossterm::event::Event) -> Vec<Effect> {
        use crossterm::event::Event;
        match event {
            Event::Key(k) => {
                for key in super::input::keys(*k) {
                    let effects = self.press(key);
                    if !effects.is_empty() {
                        return effects;
                    }
                }
                Vec::new()
            }
            Event::Resize(cols, rows) => self.resize(*cols, *rows),
            _ => match self.current_mut() {
                View::Article(app) => {
                    let effects = super::input::handle(app, event);
                    self.after(effects)
                }
                View::Feed { view, .. } => {
                    use crossterm::event::{MouseButton, MouseEventKind};
                    let Event::Mouse(mouse) = event else {
                        return Vec::new();
                    };
                    let effect = match mouse.kind {
                        MouseEventKind::ScrollDown => {
                            view.wheel(1);
                            ListEffect::Nothing
                        }
                        MouseEventKind::ScrollUp => {
                            view.wheel(-1);
                            ListEffect::Nothing
                        }
                        MouseEventKind::Down(MouseButton::Left) => {
                            view.click(mouse.column, mouse.row)
                        }
                        _ => ListEffect::Nothing,
                    };
                    let effects = self.list_effect(effect);
                    self.after(effects)
                }
            },
        }
    }

    /// Hands a reloaded feed to the current feed list (its selection stays on the same item).
    pub fn reload_feed(&mut self, result: Result<Feed, String>) {
        if let View::Feed { view, .. } = self.current_mut() {
            view.set_result(0, result);
        }
    }

    /// Goes back to the view below; false on the first view.
    pub fn pop(&mut self) -> bool {
        if self.views.len() < 2 {
            return false;
        }
        let left = self.views.pop();
        let store = self.stores.pop().flatten();
        let saved = left.map_or(Ok(()), |view| save_position(&view, store.as_ref()));
        let (cols, rows) = self.size;
        if let View::Article(app) = self.current_mut() {
            // The terminal may have been resized while the view was hidden.
            app.handle(Action::Resize(cols, rows));
        }
        if let Err(e) = saved {
            self.set_message(format!("could not remember the reading position: {e}"));
        }
        true
    }

    /// A new terminal size, for the view shown and the views pushed later.
    pub fn resize(&mut self, cols: u16, rows: u16) -> Vec<Effect> {
        self.size = (cols, rows);
        match self.current_mut() {
            View::Article(app) => app.handle(Action::Resize(cols, rows)),
            View::Feed { .. } => Vec::new(),
        }
    }

    /// Presses a key in the current view; what the caller must do.
    pub fn press(&mut self, key: Key) -> Vec<Effect> {
        let deep = self.views.len() > 1;
        let in_list = self.options.keymap.list_action(key);
        let effects = match self.current_mut() {
            View::Article(app) => {
                let typing = app.prompt.is_some();
                if key == Key::Backspace && !typing && deep {
                    self.pop();
                    return Vec::new();
                }
                app.press(key)
            }
            View::Feed { view, .. } => {
                // The reader's keys that work everywhere, the prompt included: suspend, quit
                // at once.
                match in_list {
                    Some(Action::Suspend) => return vec![Effect::Suspend],
                    Some(Action::Quit) => {
                        self.quit = true;
                        return vec![Effect::Quit];
                    }
                    _ => {}
                }
                if key == Key::Backspace && !view.typing() && deep {
                    self.pop();
                    return Vec::new();
                }
                let effect = view.press(key);
                self.list_effect(effect)
            }
        };
        self.after(effects)
    }

    /// Does what the feed list shown asked for: opening an item pushes it (or asks for its
    /// link to be loaded), a reload asks for its source.
    fn list_effect(&mut self, effect: ListEffect) -> Vec<Effect> {
        let View::Feed { view, source } = self.current_mut() else {
            return Vec::new();
        };
        match effect {
            ListEffect::Nothing => Vec::new(),
            ListEffect::Reload => vec![Effect::Reload(source.clone())],
            ListEffect::Quit => vec![Effect::Quit],
            ListEffect::Open(row) => match view.open(row) {
                Opened::Document(doc) => {
                    let link = view.link(row);
                    let options = self.options.clone();
                    self.push_article(*doc, options, link.as_deref());
                    Vec::new()
                }
                Opened::Fetch(url) => vec![Effect::Open(Source::Url(url))],
                Opened::Nothing => {
                    view.set_message("nothing to open".to_owned());
                    Vec::new()
                }
            },
        }
    }

    /// A quit in a view above the first goes back instead.
    fn after(&mut self, effects: Vec<Effect>) -> Vec<Effect> {
        if effects.contains(&Effect::Quit) {
            if self.pop() {
                return effects.into_iter().filter(|e| *e != Effect::Quit).collect();
            }
            self.quit = true;
        }
        effects
    }

    /// Paints the current view.
    pub fn render(&mut self, area: Rect, buf: &mut Buffer) {
        if (area.width, area.height) != self.size {
            self.resize(area.width, area.height);
        }
        let theme = self.options.themes.first().cloned().unwrap_or_default();
        match self.current_mut() {
            View::Article(app) => app.render(area, buf),
            View::Feed { view, .. } => view.draw(area, buf, &theme),
        }
    }
}

/// Saves the position of `view` in `store`, if it is an article with one remembered.
fn save_position(view: &View, store: Option<&PositionStore>) -> std::io::Result<()> {
    match (view, store) {
        (View::Article(app), Some(store)) => app.anchor().map_or(Ok(()), |a| store.save(a)),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests;
