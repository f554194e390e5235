//! Moving through a big article a window at a time.
//!
//! The rule: while the reader shows a window of the page (src/ui/compose.rs), a move whose
//! target lies outside the window composes a new window around the target's unit, so every key
//! lands where it would on the whole page: scrolling near the window's edge, `g` and `G`,
//! section, call-out, match and mention jumps, the outline. A window is a few screens long and
//! takes a few milliseconds. The whole page is never composed: a background job measures it
//! into a page index (lines per unit), which places the window on the whole page for the
//! status line once it arrives.
//!
//! The first part of a big article (a [`crate::load::Partial`] document) is shown the same way,
//! a window at a time, so its screens are the whole article's: its status line gives the place
//! in units as the whole article's does while it is measured, the units of the whole estimated
//! from the bytes read (`~N%`), and never a line number or a count, which only the whole
//! article has. [`App::reaches_partial_end`] says when the view comes near its end, past which
//! it no longer shows what the whole article would.

use super::action::Action;
use super::app::App;
use super::compose;
use crate::document::Block;
use crate::page::{BlockRef, Unit};
use std::ops::Range;

/// A unit's place in page order (header, then each section's heading and blocks), so the
/// units can be bisected.
fn order(unit: Unit) -> (usize, u8, usize) {
    match unit {
        Unit::Header => (0, 0, 0),
        Unit::Heading(s) => (s, 1, 0),
        Unit::Block { section, block } => (section, 2, block),
    }
}

impl App {
    /// The units the shown window holds; `None` when the whole page is shown.
    pub(super) fn window(&self) -> Option<Range<usize>> {
        self.page.window.clone()
    }

    /// Index into the page's units of the unit that shows `source`.
    pub(super) fn unit_index(&self, source: &BlockRef) -> Option<usize> {
        let key = order(compose::unit_of(&self.doc, source));
        self.units.binary_search_by_key(&key, |u| order(*u)).ok()
    }

    /// Shows a window around unit `at` at the current width; the line where the unit starts.
    /// The view keeps its text when the new window holds it; when not, it was far from the
    /// target, and the top is put past the window's end so that [`App::reveal`] moves it.
    pub(super) fn window_to(&mut self, at: usize) -> Option<usize> {
        self.window()?;
        let anchor = self.top_anchor();
        let line = self.show_window(self.page.width, at)?;
        let kept = anchor.and_then(|(a, above)| {
            let line = self.page.line_of(&a.source, a.offset)?;
            Some(line.saturating_sub(above))
        });
        self.top = kept.unwrap_or(self.page.lines.len());
        Some(line)
    }

    /// The line showing byte `offset` of `source`: on the page, or on a window composed
    /// around it when the page is a window that does not hold it.
    pub(super) fn locate(&mut self, source: &BlockRef, offset: usize) -> Option<usize> {
        if let Some(line) = self.page.line_of(source, offset) {
            return Some(line);
        }
        let at = self.unit_index(source)?;
        self.window_to(at)?;
        self.page.line_of(source, offset)
    }

    /// The first unit after the window that `wanted` accepts, shown in a new window: the line
    /// where it starts. `None` on a whole page, or when no such unit follows.
    pub(super) fn window_after(&mut self, wanted: impl Fn(&App, &Unit) -> bool) -> Option<usize> {
        let end = self.window()?.end;
        let found = self
            .units
            .get(end..)?
            .iter()
            .position(|u| wanted(self, u))?;
        self.window_to(end + found)
    }

    /// The last unit before the window that `wanted` accepts, shown in a new window.
    pub(super) fn window_before(&mut self, wanted: impl Fn(&App, &Unit) -> bool) -> Option<usize> {
        let start = self.window()?.start;
        let found = self
            .units
            .get(..start)?
            .iter()
            .rposition(|u| wanted(self, u))?;
        self.window_to(found)
    }

    /// True for the units drawn as boxes: call-outs and figures.
    pub(super) fn is_box(&self, unit: &Unit) -> bool {
        let Unit::Block { section, block } = *unit else {
            return false;
        };
        let block = self
            .doc
            .sections
            .get(section)
            .and_then(|s| s.blocks.get(block));
        matches!(block, Some(Block::Callout { .. } | Block::Figure { .. }))
    }

    /// Before the view moves by `delta` lines: when it would come within a screen of the
    /// window's edge and the article goes on past that edge, the window is composed anew around
    /// the text at the top, so the move has room.
    pub(super) fn widen_window_for(&mut self, delta: isize) {
        let Some(window) = self.window() else {
            return;
        };
        let rows = self.text_height() as isize;
        let target = self.top as isize + delta;
        let near_end =
            target + 2 * rows > self.page.lines.len() as isize && window.end < self.units.len();
        let near_start = target < rows && window.start > 0;
        if !(near_end || near_start) {
            return;
        }
        let top = self.page.anchor_at(self.top);
        if let Some(at) = top.and_then(|(source, _)| self.unit_index(&source)) {
            self.window_to(at);
        }
    }

    /// The view's top line and the page's length, on the whole page: the shown page's own, or
    /// for a window, from the measured page index; `None` for a window not yet measured.
    pub(super) fn page_position(&self) -> Option<(usize, usize)> {
        if self.options.partial.is_some() {
            return None;
        }
        let Some(window) = self.window() else {
            return Some((self.top, self.page.lines.len()));
        };
        let index = self.index.as_ref().filter(|i| i.width == self.page.width)?;
        Some((index.first_line(window.start) + self.top, index.lines()))
    }

    /// How far through the article the top of a window is, in percent of its units: what the
    /// status line shows until the whole page (and so the line count) is known.
    pub(super) fn window_percent(&self) -> Option<usize> {
        self.window()?;
        let (source, _) = self.page.anchor_at(self.top)?;
        let at = self.unit_index(&source)?;
        let units = match self.options.partial {
            Some(partial) => partial.estimated_units(self.units.len()),
            None => self.units.len(),
        };
        Some(at * 100 / units.max(1))
    }

    /// For the first part of a big article: whether the view is within a screen of the end of
    /// what was read, where the whole article would show more (always false for a whole one).
    pub fn reaches_partial_end(&self) -> bool {
        if self.options.partial.is_none() {
            return false;
        }
        let Some(window) = self.window() else {
            return true;
        };
        let rows = self.text_height();
        window.end == self.units.len() && self.top + 2 * rows >= self.page.lines.len()
    }

    /// For the first part of a big article: whether `action` (in the reader's present state)
    /// may need what was not read — a target that may lie beyond it (`G`, `]`, a section, the
    /// next call-out or match, a search), or a panel or copy of the whole article (outline,
    /// entities, links, a section). Moving within it, modes and the help do not. Always false
    /// for a whole article.
    pub fn needs_whole(&self, action: Action) -> bool {
        use Action as A;
        if self.options.partial.is_none() {
            return false;
        }
        if self.prompt.is_some() {
            return action == A::Confirm;
        }
        let moves = matches!(
            action,
            A::ScrollLines(_)
                | A::ScrollPages(_)
                | A::ScrollHalfPages(_)
                | A::Top
                | A::Back
                | A::Quit
                | A::Suspend
                | A::Resize(..)
                | A::ToggleHelp
        );
        if self.panel.is_some() {
            return !moves;
        }
        let within = matches!(
            action,
            A::PrevSection
                | A::PrevBox
                | A::StartSearch
                | A::NextTheme
                | A::ToggleJustify
                | A::ToggleReveal
                | A::ToggleEntities
                | A::Copy
                | A::Click(..)
                | A::Press(..)
                | A::Drag(..)
                | A::Release
        );
        !(moves || within)
    }
}
