//! The reader's state and its one way to change: [`App::handle`] of an [`Action`].
//!
//! Everything here is plain data — no terminal — so tests and `sahifa shot` drive the same
//! `App` the terminal does. The page is composed per column width (cached, so going back to a
//! width is free); the view's top is kept as a line index and re-found by its text anchor when
//! the width changes, so the paragraph at the top stays at the top.

use super::action::{Action, Key, Keymap};
use super::compose::{self, Compose, Job, TagFn};
use super::composed::Composed;
use super::effect::Effect;
use super::entities::EntityList;
use super::figures::{Figures, ImageCache, WithImages, headless_picker};
use super::panel::{
    Context, EntityPanel, HelpPanel, LinksPanel, OutlinePanel, Overlay, Panel, PanelOutcome,
};
use super::search::{Search, SearchIndex};
use crate::document::Document;
use crate::page::{BlockRef, PageIndex, PageLine, Unit};
use crate::theme::Theme;
use ratatui_image::picker::Picker;
use std::cell::RefCell;
use std::collections::HashMap;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::Arc;

/// How the reader starts.
#[derive(Clone)]
pub struct ReaderOptions {
    pub compose: Arc<dyn Compose>,
    /// Compose big articles a window at a time and measure their page on a background thread
    /// (the terminal reader); off, every page is composed at once (tests, which compare).
    pub background: bool,
    /// Compose big articles a window at a time, with no background work (`shot`): the first
    /// screen without laying out the rest, the status line giving the place in units.
    pub windows: bool,
    /// The document is the first part of a bigger one (a big file's head, see
    /// [`crate::load::head`]): composed a window at a time, and the status line gives the place
    /// estimated in the whole article (`~N%`), never a line count (src/ui/window.rs).
    pub partial: Option<crate::load::Partial>,
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
    /// The directory figure images are looked up in (the article's); `None` shows figures as
    /// text only.
    pub figure_dir: Option<PathBuf>,
    /// Where figures' remote pictures (`http(s)://` sources) are fetched to; `None` shows them
    /// as text only.
    pub pictures: Option<crate::source::cache::PictureCache>,
    /// Limits of fetches made while reading (pictures of web articles opened from links or
    /// feeds): the command line's `--timeout`.
    pub fetch: crate::fetch::FetchOptions,
    /// Links written as OSC 8 hyperlinks (the terminal reader, where the terminal knows them).
    pub hyperlinks: bool,
    /// Whether sahifa reorders what it draws into visual order (false: the terminal reorders by
    /// itself, and everything — status line, panels, prompts — is written in logical order).
    pub reorder: bool,
    /// With `reorder` off: how the terminal reorders each row (the mouse finds the character
    /// a cell shows through it).
    pub terminal: crate::page::ReorderingTerminal,
}

impl ReaderOptions {
    pub fn new(compose: Arc<dyn Compose>) -> Self {
        Self {
            compose,
            background: false,
            windows: false,
            partial: None,
            tagger: None,
            max_width: 80,
            keymap: Keymap::default(),
            themes: vec![Theme::default()],
            message: None,
            start: None,
            figure_dir: None,
            pictures: None,
            fetch: crate::fetch::FetchOptions::default(),
            hyperlinks: false,
            reorder: true,
            terminal: crate::page::ReorderingTerminal::Generic,
        }
    }
}

/// A reading position that survives a width change: a block part and a byte in its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    pub source: BlockRef,
    pub offset: usize,
}

/// The reader.
pub struct App {
    pub(super) doc: Arc<Document>,
    pub(super) options: ReaderOptions,
    /// Terminal size (columns, rows).
    pub(super) size: (u16, u16),
    pub(super) page: Rc<Composed>,
    pub(super) cache: HashMap<usize, Rc<Composed>>,
    /// Units of the page, for composing windows of big articles (empty for small ones).
    pub(super) units: Arc<[Unit]>,
    /// The page index being measured in the background, when the shown page is a window.
    pub(super) pending: Option<Job<Option<PageIndex>>>,
    /// The measured index of the page at the shown width (big articles, once measured).
    pub(super) index: Option<PageIndex>,
    /// Tags entities at the first key that shows them (a big article with no background work).
    pub(super) untagged: Option<TagFn>,
    /// Entities being tagged in the background.
    pub(super) pending_entities: Option<Job<crate::document::Entities>>,
    /// Every block's folded text, for searching (built in the background or at the first search).
    pub(super) search_index: Option<Arc<SearchIndex>>,
    pub(super) pending_index: Option<Job<SearchIndex>>,
    /// Index of the page line at the top of the view.
    pub(super) top: usize,
    /// The panel over the text, if one is open.
    pub(super) panel: Option<Box<dyn Panel>>,
    /// The search prompt's text while it is open.
    pub(super) prompt: Option<String>,
    pub(super) search: Search,
    pub(super) entities_on: bool,
    pub(super) entity_list: EntityList,
    /// The article's links, in reading order: the links panel's rows.
    pub(super) links: Vec<super::links::Link>,
    /// The sections that have a heading, in order: the outline's rows and `1`…`9`'s targets.
    pub(super) outline: Vec<usize>,
    pub(super) theme: usize,
    pub(super) message: Option<String>,
    /// The remembered position, kept until the first real size is known.
    pub(super) start: Option<Anchor>,
    pub(super) quit: bool,
    /// What the mouse selected (see src/ui/selection.rs).
    pub(super) selection: Option<super::selection::Selection>,
    /// The left button is down on the text.
    pub(super) pressed: bool,
    /// Effects asked for by the action being handled, returned by [`App::handle`].
    pub(super) effects: Vec<Effect>,
    /// Figure images, and how they are encoded for the terminal.
    pub(super) figures: Arc<Figures>,
    pub(super) picker: Picker,
    pub(super) image_cache: RefCell<ImageCache>,
}

impl App {
    /// A reader for `doc`, sized 80x24 until told otherwise ([`Action::Resize`] or a draw).
    pub fn new(doc: Document, options: ReaderOptions) -> Self {
        Self::with_size(doc, options, 80, 24)
    }

    /// A reader for `doc` on a terminal of `cols` x `rows` (composed once, at that width).
    pub fn with_size(mut doc: Document, mut options: ReaderOptions, cols: u16, rows: u16) -> Self {
        let figures = Arc::new(Figures::load(
            &mut doc,
            options.figure_dir.as_deref(),
            options.pictures.clone(),
            options.background,
        ));
        figures.start_fetching();
        if !figures.is_empty() {
            options.compose = Arc::new(WithImages {
                inner: Arc::clone(&options.compose),
                figures: Arc::clone(&figures),
            });
        }
        let windowed = options.background || options.windows;
        // The first part of a big article is composed as the whole would be: a window at a time.
        let big = options.partial.is_some()
            || (windowed && compose::text_bytes(&doc) > compose::BIG_ARTICLE);
        let units: Arc<[Unit]> = if big { Unit::all(&doc) } else { Vec::new() }.into();
        // Without background work a big article's entities wait for the first key that shows
        // them, so its first screen does not wait for the whole article to be analysed.
        let mut untagged = None;
        if let Some(tag) = options.tagger.as_ref().filter(|_| !options.background) {
            if big {
                untagged = Some(Arc::clone(tag));
            } else {
                doc.entities = tag(&doc);
            }
        }
        // The background jobs share the document; none copies it.
        let doc = Arc::new(doc);
        let pending_entities = (options.tagger.as_ref())
            .filter(|_| options.background)
            .map(|tag| {
                let (tag, doc) = (Arc::clone(tag), Arc::clone(&doc));
                Job::start(move || tag(&doc))
            });
        // The search index is folded after the entities are tagged (or at the first search):
        // the two at once would hold both jobs' working memory together.
        let pending_index = (options.background && pending_entities.is_none()).then(|| {
            let doc = Arc::clone(&doc);
            Job::start(move || SearchIndex::new(&doc))
        });
        let entity_list = EntityList::new(&doc);
        let outline = (doc.sections.iter().enumerate())
            .filter_map(|(s, section)| section.shown_heading().map(|_| s))
            .collect();
        let message = start_message(&doc, &options);
        let links = super::links::gather(&doc);
        let mut app = App {
            message,
            doc,
            units,
            pending: None,
            index: None,
            untagged,
            pending_entities,
            search_index: None,
            pending_index,
            options,
            size: (0, 0),
            page: Rc::default(),
            cache: HashMap::new(),
            top: 0,
            panel: None,
            prompt: None,
            search: Search::default(),
            entities_on: false,
            entity_list,
            links,
            outline,
            theme: 0,
            start: None,
            quit: false,
            selection: None,
            pressed: false,
            effects: Vec::new(),
            figures,
            picker: headless_picker(),
            image_cache: RefCell::default(),
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

    /// The figure pictures (sizes known from the start, pixels decoded at their first paint).
    pub fn figures(&self) -> &Figures {
        &self.figures
    }

    /// True once the user asked to quit.
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// The line at the top of the view.
    pub fn top(&self) -> usize {
        self.top
    }

    /// What panel is open, and its selection.
    pub fn overlay(&self) -> Overlay {
        self.panel
            .as_ref()
            .map_or(Overlay::None, |panel| panel.overlay())
    }

    pub fn search(&self) -> &Search {
        &self.search
    }

    pub fn lines(&self) -> &[PageLine] {
        &self.page.lines
    }

    /// Where the view is, for another reader of the same text to show ([`App::go_to`]): the
    /// text at the top, and how many lines above it the top is (a title or blank line has no
    /// text of its own).
    pub fn place_shown(&self) -> Option<(Anchor, usize)> {
        let (source, offset) = self.page.anchor_at(self.top)?;
        let line = self.page.line_of(&source, offset).unwrap_or(self.top);
        Some((Anchor { source, offset }, line.saturating_sub(self.top)))
    }

    /// Shows the place [`App::place_shown`] gave, as a jump does (a big article's window moves
    /// to it); the view stays where it is if the article has no such text.
    pub fn go_to(&mut self, (anchor, above): (Anchor, usize)) {
        if let Some(line) = self.locate(&anchor.source, anchor.offset) {
            self.jump_to(line.saturating_sub(above));
        }
    }

    /// The search prompt's text while it is open.
    pub fn prompt(&self) -> Option<&str> {
        self.prompt.as_deref()
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

    /// The action a key asks for in the current mode: typing while the search prompt is open
    /// (the suspend key still suspends there), the key table otherwise.
    pub fn key_action(&self, key: Key) -> Option<Action> {
        let bound = self.options.keymap.action(key);
        if self.prompt.is_some() {
            if bound == Some(Action::Suspend) {
                return bound;
            }
            return match key {
                Key::Char(c) => Some(Action::Type(c)),
                Key::Backspace => Some(Action::DeleteChar),
                Key::Enter => Some(Action::Confirm),
                Key::Esc => Some(Action::Back),
                Key::Ctrl('c') => Some(Action::Quit),
                _ => None,
            };
        }
        bound
    }

    /// Presses a key: looks up its action and handles it; the effects it asks for.
    pub fn press(&mut self, key: Key) -> Vec<Effect> {
        match self.key_action(key) {
            Some(action) => self.handle(action),
            None => Vec::new(),
        }
    }

    /// The one way the state changes; returns what only the terminal loop can do (see
    /// [`Effect`]), in order.
    pub fn handle(&mut self, action: Action) -> Vec<Effect> {
        let shown = Rc::clone(&self.page);
        self.update(action);
        if !Rc::ptr_eq(&shown, &self.page) {
            // Another page (a width, `J`, `R`, a new window of a big article): the selection's
            // lines would point at other text.
            (self.selection, self.pressed) = (None, false);
        }
        std::mem::take(&mut self.effects)
    }

    fn update(&mut self, action: Action) {
        // A drag or release is part of the press before it: the press's message stays.
        if !matches!(
            action,
            Action::Resize(..) | Action::Drag(..) | Action::Release
        ) {
            self.message = None;
            self.start = None;
        }
        if matches!(action, Action::ToggleEntities | Action::ToggleEntityPanel) {
            self.tag_now();
        }
        match action {
            Action::Resize(cols, rows) => self.resize(cols, rows),
            Action::Press(col, row, count) => self.press_at(col, row, count),
            Action::Drag(col, row) => self.drag_to(col, row),
            Action::Release => self.release(),
            Action::Copy => self.copy_selection_or_top(),
            Action::CopySection => self.copy_section(),
            Action::Quit => self.leave(),
            Action::Suspend => self.effects.push(Effect::Suspend),
            // The feed list's; an article has no read marks and nothing to reload.
            Action::ToggleRead | Action::Reload => {}
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
            Action::Confirm if self.prompt.is_some() => self.confirm(),
            Action::ToggleHelp => self.toggle(Box::new(HelpPanel::new(&self.options.keymap))),
            Action::ToggleOutline => {
                self.toggle(Box::new(OutlinePanel::new(self.current_heading())))
            }
            Action::ToggleEntityPanel => self.toggle(Box::<EntityPanel>::default()),
            Action::ToggleLinks => self.toggle(Box::<LinksPanel>::default()),
            action if self.panel.is_some() => self.panel_action(action),
            Action::Confirm | Action::Click(..) => {}
            Action::OpenExternal => self.message = Some(super::panel::NO_LINK.to_owned()),
            Action::ScrollLines(n) => self.scroll(n as isize),
            Action::ScrollPages(n) => self.scroll(n as isize * self.page_step() as isize),
            Action::ScrollHalfPages(n) => {
                self.scroll(n as isize * (self.text_height() / 2).max(1) as isize)
            }
            Action::Top => self.go_top(),
            Action::Bottom => self.go_bottom(),
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
            Action::ToggleJustify => self.toggle_justify(),
            Action::ToggleReveal => self.toggle_reveal(),
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

    /// Opens `panel`, or closes it when one of its kind is open.
    pub(super) fn toggle(&mut self, panel: Box<dyn Panel>) {
        let open = self.overlay();
        let same = std::mem::discriminant(&open) == std::mem::discriminant(&panel.overlay());
        self.panel = if same { None } else { Some(panel) };
        self.prompt = None;
    }

    /// What the open panel reads of the reader.
    pub(super) fn panel_context(&self) -> Context<'_> {
        Context {
            doc: &self.doc,
            theme: self.theme(),
            size: self.size,
            reorder: self.options.reorder,
            embedding: self.embedding(),
            outline: &self.outline,
            current: self.current_heading(),
            entities: &self.entity_list.rows,
            links: &self.links,
        }
    }

    /// An action while a panel is open: the panel's to take, and what it asks for done here.
    fn panel_action(&mut self, action: Action) {
        let Some(mut panel) = self.panel.take() else {
            return;
        };
        match panel.handle(&action, &self.panel_context()) {
            PanelOutcome::Stay => self.panel = Some(panel),
            PanelOutcome::Say(message) => {
                self.message = Some(message);
                self.panel = Some(panel);
            }
            PanelOutcome::Effect(effect) => {
                self.effects.push(effect);
                self.panel = Some(panel);
            }
            // Movement keys outside the panel's own close the panel first.
            PanelOutcome::Pass => self.update(action),
            PanelOutcome::Section(row) => {
                let section = self.outline.get(row).copied();
                match section.and_then(|s| self.heading_line(s)) {
                    Some(line) => self.jump_to(line),
                    None => self.panel = Some(panel),
                }
            }
            PanelOutcome::Mentions(row) => {
                self.panel = Some(panel);
                self.next_mention(row);
            }
        }
    }

    pub(super) fn back(&mut self) {
        if self.selection.is_some() && self.prompt.is_none() && self.panel.is_none() {
            self.selection = None;
        } else if self.prompt.is_some() {
            self.prompt = None;
        } else if self.panel.is_some() {
            self.panel = None;
        } else {
            self.leave();
        }
    }

    fn leave(&mut self) {
        self.quit = true;
        self.effects.push(Effect::Quit);
    }
}

/// What the status line says when reveal is off and the article's controls reorder its text.
pub const HIDDEN_WARNING: &str = "hidden bidi controls \u{2014} R to reveal";

/// The status message at start: the options' own, and the warning when it is due.
fn start_message(doc: &Document, options: &ReaderOptions) -> Option<String> {
    // Only where `R` can reveal them.
    let warn = options.compose.options().is_some_and(|page| !page.reveal)
        && crate::layout::hidden::HiddenControls::of_document(doc).reorder;
    match (options.message.clone(), warn) {
        (Some(message), true) => Some(format!("{HIDDEN_WARNING}; {message}")),
        (None, true) => Some(HIDDEN_WARNING.to_owned()),
        (message, false) => message,
    }
}
