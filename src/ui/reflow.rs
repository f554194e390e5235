//! Reflow: which page the reader shows at its width, and keeping the reading place across
//! width changes and background results. A big article's page stays a window (src/ui/window.rs);
//! the background only measures it.
//!
//! The rule: the text at the top of the view stays at the top. Before the page changes, the
//! first text at or below the top line is taken as an anchor (block part and byte, plus how many
//! lines above it the top was); after, the top is put back on the line showing that byte.

use super::app::{Anchor, App};
use super::compose::{self, Job};
use super::composed::Composed;
use super::entities::EntityList;
use super::search::SearchIndex;
use crate::page::PageOptions;
use std::rc::Rc;
use std::sync::Arc;

/// Where the view was before its page changed (see [`App::place`]).
struct Place {
    anchor: Option<(Anchor, usize)>,
    jumped: bool,
}

impl App {
    /// Reflows for a new terminal size, keeping the text at the top of the view at the top.
    pub(super) fn resize(&mut self, cols: u16, rows: u16) {
        if (cols, rows) == self.size && self.start.is_none() {
            return;
        }
        let place = self.place();
        // A view at the end of the article (not also at its top) stays at the end.
        let whole_end = self.window().is_none_or(|w| w.end == self.units.len());
        let at_end = !place.jumped && whole_end && self.top > 0 && self.top == self.max_top();
        self.size = (cols, rows);
        let width = self.column_width();
        if width != self.page.width || self.page.lines.is_empty() {
            self.relayout(width, place.anchor);
        }
        self.put_back(place);
        if at_end {
            self.go_bottom();
        }
    }

    /// Where the view is before its page changes: the text at its top, and whether a jump (or
    /// a remembered position) put it past the plain scrolling limit.
    fn place(&mut self) -> Place {
        let jumped = self.start.is_some() || self.top > self.max_top();
        Place {
            anchor: self.top_anchor(),
            jumped,
        }
    }

    /// Puts the view back at `place` on the changed page: the anchor's text at the top, and a
    /// view that was not jumped kept within the limit of plain scrolling.
    fn put_back(&mut self, place: Place) {
        self.reanchor(place.anchor);
        self.keep_in_bounds(place.jumped);
    }

    /// Keeps the top within the page: within plain scrolling's limit, or (for a view that was
    /// `jumped` past that limit) at most the last line.
    fn keep_in_bounds(&mut self, jumped: bool) {
        let limit = if jumped {
            self.last_line()
        } else {
            self.max_top()
        };
        self.top = self.top.min(limit);
    }

    /// Shows the page at `width` (cached, composed now, or a window while it is composed),
    /// with `anchor` at the top.
    pub(super) fn relayout(&mut self, width: usize, anchor: Option<(Anchor, usize)>) {
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
    pub(super) fn top_anchor(&mut self) -> Option<(Anchor, usize)> {
        match self.start.take() {
            Some(start) => Some((start, 0)),
            None => self.page.anchor_at(self.top).map(|(source, offset)| {
                let line = self.page.line_of(&source, offset).unwrap_or(self.top);
                (Anchor { source, offset }, line.saturating_sub(self.top))
            }),
        }
    }

    pub(super) fn reanchor(&mut self, anchor: Option<(Anchor, usize)>) {
        if let Some((anchor, above)) = anchor {
            self.top = self.line_of_anchor(anchor).saturating_sub(above);
        }
    }

    /// Makes `page` the shown page and caches it (the current width and one other).
    pub(super) fn keep(&mut self, page: Composed) {
        let page = Rc::new(page);
        let width = page.width;
        if self.cache.len() >= 2 {
            self.cache.retain(|w, _| *w == self.page.width);
        }
        self.cache.insert(width, Rc::clone(&page));
        self.page = page;
    }

    /// Shows the part of a big article around `anchor` now, and measures the whole page in the
    /// background.
    pub(super) fn compose_window(&mut self, width: usize, anchor: Option<(Anchor, usize)>) {
        let at = anchor
            .and_then(|(a, _)| self.unit_index(&a.source))
            .unwrap_or(0);
        match self.show_window(width, at) {
            Some(offset) => {
                self.top = offset;
                // Entities change tags, never line counts: an index at this width still holds.
                self.index = self.index.take().filter(|index| index.width == width);
                if self.options.background && self.index.is_none() {
                    let compose = Arc::clone(&self.options.compose);
                    let doc = Arc::clone(&self.doc);
                    let units = Arc::clone(&self.units);
                    self.pending = Some(compose::measure(compose, doc, units, width));
                }
            }
            None => {
                let lines = self.options.compose.page(&self.doc, width);
                self.keep(Composed::new(width, lines));
            }
        }
    }

    /// Shows the window of the page at `width` around unit `at` (an index into the units);
    /// returns the line where that unit starts. `None` if the composer only does whole pages.
    pub(super) fn show_window(&mut self, width: usize, at: usize) -> Option<usize> {
        let rows = self.text_height();
        let compose = self.options.compose.as_ref();
        let (lines, offset, units) =
            compose::window(compose, &self.doc, &self.units, at, width, rows)?;
        self.page = Rc::new(Composed::window(width, lines, units));
        Some(offset)
    }

    /// True while a background job (a whole page, the entities) is still running.
    pub fn composing(&self) -> bool {
        self.pending.is_some() || self.pending_entities.is_some()
    }

    /// Takes the results of background jobs that are done; true if the view changed.
    pub fn poll_background(&mut self) -> bool {
        let tagged = self.take_entities();
        let fetched = self.take_pictures();
        let pictures = self.figures.take_finished();
        self.take_page() || tagged || fetched || pictures
    }

    /// Remote pictures fetched in the background: the page is composed again with their rows
    /// (or their problems in the labels), the text at the top of the view kept there.
    fn take_pictures(&mut self) -> bool {
        if !self.figures.take_fetched() {
            return false;
        }
        let problems = self.figures.remote_problems();
        if problems
            .iter()
            .any(|(at, p)| self.doc.image_problems.get(at) != Some(p))
        {
            Arc::make_mut(&mut self.doc).image_problems.extend(problems);
        }
        let place = self.place();
        self.cache.clear();
        self.relayout(self.column_width(), place.anchor);
        self.put_back(place);
        true
    }

    /// Entities from the background tagger: the page is composed again with their tags.
    pub(super) fn take_entities(&mut self) -> bool {
        // While another job (the page index, the search index) still reads the document,
        // setting its entities would copy it: a big article's entities wait for that job.
        if Arc::strong_count(&self.doc) > 1 {
            return false;
        }
        let Some(entities) = self.pending_entities.as_ref().and_then(Job::ready) else {
            return false;
        };
        self.pending_entities = None;
        self.set_entities(entities);
        if self.search_index.is_none() && self.pending_index.is_none() {
            let doc = Arc::clone(&self.doc);
            self.pending_index = Some(Job::start(move || SearchIndex::new(&doc)));
        }
        true
    }

    /// Tags the entities now if they were left for the first key that shows them (a big
    /// article without background work: `shot`).
    pub(super) fn tag_now(&mut self) {
        if let Some(tag) = self.untagged.take() {
            let entities = tag(&self.doc);
            self.set_entities(entities);
        }
    }

    /// The document's entities replaced, and the page composed again with their tags.
    fn set_entities(&mut self, entities: crate::document::Entities) {
        // Copies the document only if a background job still holds it.
        Arc::make_mut(&mut self.doc).entities = entities;
        self.entity_list = EntityList::new(&self.doc);
        let place = self.place();
        self.cache.clear();
        self.relayout(self.column_width(), place.anchor);
        self.put_back(place);
    }

    /// The page composed again with its options changed by `change` (`J`, `R`), the text at
    /// the top kept there; the options it now has, or `None` (nothing changed) when the
    /// composer has none to change.
    pub(super) fn recompose(&mut self, change: &dyn Fn(&mut PageOptions)) -> Option<PageOptions> {
        let compose = self.options.compose.with(change)?;
        let now = compose.options();
        self.options.compose = compose;
        let place = self.place();
        self.cache.clear();
        self.relayout(self.column_width(), place.anchor);
        self.put_back(place);
        now
    }

    /// Justified or ragged paragraphs.
    pub(super) fn toggle_justify(&mut self) {
        if let Some(page) = self.recompose(&|page| page.justify = !page.justify) {
            let state = if page.justify { "justified" } else { "ragged" };
            self.message = Some(format!("paragraphs {state}"));
        }
    }

    /// The page index from the background, kept if it is still at the shown width (the view
    /// stays a window; the index gives its place on the whole page).
    pub(super) fn take_page(&mut self) -> bool {
        let Some(index) = self.pending.as_ref().and_then(Job::ready) else {
            return false;
        };
        self.pending = None;
        self.index = index.filter(|index| index.width == self.page.width);
        self.index.is_some()
    }

    pub(super) fn line_of_anchor(&self, anchor: Anchor) -> usize {
        self.page
            .line_of(&anchor.source, anchor.offset)
            .unwrap_or(self.top)
    }
}
