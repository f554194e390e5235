//! Moving through the article: scrolling, section and box jumps, search matches, entity
//! mentions, and the panels' selections. Each is a small step of [`App::handle`].

use super::app::App;
use super::entities::EntityRow;
use super::search::{Search, SearchIndex};
use crate::page::{BlockRef, Unit};
use std::sync::Arc;

impl App {
    pub(super) fn last_line(&self) -> usize {
        self.page.lines.len().saturating_sub(1)
    }

    /// The furthest plain scrolling goes: the last line at the bottom of the view.
    pub(super) fn max_top(&self) -> usize {
        self.page.lines.len().saturating_sub(self.text_height())
    }

    /// A page step keeps two lines of context.
    pub(super) fn page_step(&self) -> usize {
        self.text_height().saturating_sub(2).max(1)
    }

    pub(super) fn scroll(&mut self, delta: isize) {
        self.widen_window_for(delta);
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
    pub(super) fn jump_to(&mut self, at: usize) {
        self.top = at.min(self.last_line());
        self.widen_window_for(0);
    }

    /// Brings line `at` into view with some context above, unless it is already visible.
    /// Near the end it stops at the plain scrolling limit, so the screen stays full.
    pub(super) fn reveal(&mut self, at: usize) {
        let visible = self.top..self.top + self.text_height();
        if !visible.contains(&at) {
            let at_end = self.window().is_none_or(|w| w.end == self.units.len());
            let limit = if at_end { self.max_top() } else { usize::MAX };
            self.jump_to(at.saturating_sub(self.text_height() / 3).min(limit));
        }
    }

    /// `g`: the first line at the top.
    pub(super) fn go_top(&mut self) {
        if self.window().is_some_and(|w| w.start > 0) {
            self.window_to(0);
        }
        self.top = 0;
    }

    /// `G`: the last line at the bottom.
    pub(super) fn go_bottom(&mut self) {
        if self.window().is_some_and(|w| w.end < self.units.len()) {
            self.window_to(self.units.len().saturating_sub(1));
        }
        self.top = self.max_top();
    }

    /// Index into the outline of the section being read: the last heading at or above the top.
    pub(super) fn current_heading(&self) -> Option<usize> {
        let headings = &self.page.headings;
        let after = headings.partition_point(|(line, _)| *line <= self.top);
        let section = match after.checked_sub(1) {
            Some(i) => headings.get(i)?.1,
            // A window that starts below its section's heading.
            None if self.window().is_some_and(|w| w.start > 0) => self.page.section_at(self.top)?,
            None => return None,
        };
        self.outline
            .partition_point(|s| *s <= section)
            .checked_sub(1)
    }

    /// The line of section `section`'s heading (composing a window around it if needed).
    pub(super) fn heading_line(&mut self, section: usize) -> Option<usize> {
        let headings = &self.page.headings;
        let at = headings.partition_point(|(_, s)| *s < section);
        match headings.get(at) {
            Some((line, s)) if *s == section => Some(*line),
            _ => {
                let unit = self.unit_index(&BlockRef::heading(section))?;
                self.window_to(unit)
            }
        }
    }

    pub(super) fn next_section(&mut self) {
        let line = match self.page.headings.iter().find(|(line, _)| *line > self.top) {
            Some((line, _)) => Some(*line),
            None => self.window_after(|_, u| matches!(u, Unit::Heading(_))),
        };
        match line {
            Some(line) => self.jump_to(line),
            None => self.message = Some("last section".to_owned()),
        }
    }

    pub(super) fn prev_section(&mut self) {
        let above = self.page.headings.iter().rev().find(|(l, _)| *l < self.top);
        let line = match above {
            Some((line, _)) => Some(*line),
            None => self.window_before(|_, u| matches!(u, Unit::Heading(_))),
        };
        match line {
            Some(line) => self.jump_to(line),
            None => {
                self.go_top();
                self.message = Some("top of the article".to_owned());
            }
        }
    }

    pub(super) fn section(&mut self, n: usize) {
        let section = n.checked_sub(1).and_then(|i| self.outline.get(i).copied());
        match section.and_then(|s| self.heading_line(s)) {
            Some(line) => self.jump_to(line),
            None => {
                let count = self.outline.len();
                self.message = Some(format!("no section {n} (there are {count})"));
            }
        }
    }

    pub(super) fn next_box(&mut self) {
        let line = match self.page.boxes.iter().find(|line| **line > self.top) {
            Some(line) => Some(*line),
            None => self.window_after(App::is_box),
        };
        match line {
            Some(line) => self.jump_to(line),
            None => self.message = Some("no call-out or figure below".to_owned()),
        }
    }

    pub(super) fn prev_box(&mut self) {
        let line = match self.page.boxes.iter().rev().find(|line| **line < self.top) {
            Some(line) => Some(*line),
            None => self.window_before(App::is_box),
        };
        match line {
            Some(line) => self.jump_to(line),
            None => self.message = Some("no call-out or figure above".to_owned()),
        }
    }

    /// `Enter` in the search prompt: searches for what was typed.
    pub(super) fn confirm(&mut self) {
        if let Some(query) = self.prompt.take() {
            self.run_search(query);
        }
    }

    pub(super) fn run_search(&mut self, query: String) {
        let matches = self.search_index().find(&self.doc, &query);
        self.show_matches(Search::new(query, matches));
    }

    /// Makes `search` the active one and goes to its first match at or below the top.
    pub(super) fn show_matches(&mut self, search: Search) {
        self.search = search;
        if self.search.query.trim().is_empty() {
            return;
        }
        if self.search.matches.is_empty() {
            self.message = Some(format!("not found: {}", self.search.query));
            return;
        }
        // The first match at or below the top of the view, else wrap to the first.
        let top = self.top;
        let count = self.search.matches.len();
        let below = if let Some(window) = self.window() {
            // A window: matches outside it have no line, on either side of it.
            (0..count)
                .find(|i| self.match_line(*i).is_some_and(|line| line >= top))
                .or_else(|| {
                    let matches = &self.search.matches;
                    matches.iter().position(|spot| {
                        self.unit_index(&spot.source)
                            .is_some_and(|u| u >= window.end)
                    })
                })
        } else {
            // The whole page: matches are in reading order, so their lines only grow.
            let page = &self.page;
            let first = self.search.matches.partition_point(|spot| {
                page.line_of(&spot.source, spot.range.start)
                    .is_none_or(|line| line < top)
            });
            (first < count).then_some(first)
        };
        if below.is_none() {
            self.message = Some("search wrapped to the top".to_owned());
        }
        self.go_to_match(below.unwrap_or(0));
    }

    /// The search index: from the background job (waiting for it if it is still folding: it
    /// started with the reader or when the entities arrived, so what is left is shorter than
    /// building anew), else built now.
    pub(super) fn search_index(&mut self) -> Arc<SearchIndex> {
        if let Some(index) = self.pending_index.take().and_then(|job| job.wait()) {
            self.search_index = Some(Arc::new(index));
        }
        let doc = &self.doc;
        Arc::clone(
            self.search_index
                .get_or_insert_with(|| Arc::new(SearchIndex::new(doc))),
        )
    }

    pub(super) fn match_line(&self, i: usize) -> Option<usize> {
        let spot = self.search.matches.get(i)?;
        self.page.line_of(&spot.source, spot.range.start)
    }

    pub(super) fn go_to_match(&mut self, i: usize) {
        self.search.current = Some(i);
        let Some(spot) = self.search.matches.get(i).cloned() else {
            return;
        };
        if let Some(line) = self.locate(&spot.source, spot.range.start) {
            self.reveal(line);
        }
    }

    pub(super) fn step_match(&mut self, forward: bool) {
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

    /// `Enter` in the entity panel: closes it and makes the mentions of entity row `row` (a
    /// name, or a whole type) the matches `n`/`N` step through, starting at the first at or
    /// below the top, with entity highlighting on. The text under the panel (where RTL lines
    /// start) is in view again, and the next mention is a key away.
    pub(super) fn next_mention(&mut self, row: usize) {
        let name = match self.entity_list.rows.get(row) {
            Some(EntityRow::Name { text, .. }) => text.clone(),
            Some(EntityRow::Kind { kind, .. }) => kind.name().to_owned(),
            None => return,
        };
        let spots = self.entity_list.mentions(&self.doc, row);
        if spots.is_empty() {
            self.message = Some("no mention on the page".to_owned());
            return;
        }
        self.panel = None;
        self.entities_on = true;
        self.show_matches(Search::new(name, spots));
    }
}
