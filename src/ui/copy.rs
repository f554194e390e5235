//! The reader's copy actions: `y`, `Y` and the mouse's press, drag and release, turned into
//! [`Effect::Copy`] of the article's logical text (what a selection stands for and how it is
//! drawn: src/ui/selection.rs; how the loop writes it: src/ui/clipboard.rs).

use super::app::App;
use super::effect::Effect;
use super::selection::{
    CellSpan, Drawn, NO_SELECTION, Point, Selection, Spot, cells, page_order, shown_cells,
};
use crate::page::ReorderingTerminal;
use crate::page::{BlockRef, PageLine, text_of};
use std::collections::HashMap;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

impl App {
    /// The text column's left edge on screen (the column is centred).
    pub(super) fn text_left(&self) -> u16 {
        self.size.0.saturating_sub(self.page.width as u16) / 2
    }

    /// The text-column cell under a screen position (rows below the text are its last row).
    fn spot_at(&self, col: u16, row: u16) -> Spot {
        let row = usize::from(row).min(self.text_height() - 1);
        let line = (self.top + row).min(self.page.lines.len().saturating_sub(1));
        let col = usize::from(col.saturating_sub(self.text_left()));
        Spot { line, col }
    }

    /// The mouse button went down at (col, row), the `count`-th click in a row at that place.
    pub(super) fn press_at(&mut self, col: u16, row: u16, count: u8) {
        if !self.options.reorder && self.options.terminal == ReorderingTerminal::Generic {
            // The terminal reorders the lines itself in a way nobody has described, so which
            // character a cell shows is its secret.
            self.message = Some(NO_SELECTION.to_owned());
            return;
        }
        let spot = self.spot_at(col, row);
        self.pressed = true;
        self.selection = match count {
            0 | 1 => Some(Selection::Cells {
                anchor: spot,
                head: spot,
            }),
            2 => self.word_at(spot),
            _ => self.paragraph_at(spot),
        };
    }

    /// The pointer moved to (col, row) with the button down.
    pub(super) fn drag_to(&mut self, col: u16, row: u16) {
        let spot = self.spot_at(col, row);
        if let (true, Some(Selection::Cells { head, .. })) = (self.pressed, &mut self.selection) {
            *head = spot;
        }
    }

    /// The button came up: a selection is copied; a plain click selects nothing.
    pub(super) fn release(&mut self) {
        if !std::mem::take(&mut self.pressed) {
            return;
        }
        match self.selection {
            // A double or triple click where there is no text.
            None => {}
            Some(Selection::Cells { anchor, head }) if anchor == head => self.selection = None,
            Some(selection) => {
                let text = self.selection_text(selection);
                self.copy(text);
            }
        }
    }

    /// `y`: the selection, else the paragraph at the top of the view.
    pub(super) fn copy_selection_or_top(&mut self) {
        let text = match self.selection {
            Some(selection) => self.selection_text(selection),
            None => (self.page.anchor_at(self.top))
                .and_then(|(source, _)| text_of(&self.doc, &source))
                .map(|text| text.into_owned()),
        };
        self.copy(text);
    }

    /// `Y`: every part of the section at the top of the view.
    /// A window of a big article may hold part of the section only: its units are composed
    /// then (at the page's width, as the window's are).
    pub(super) fn copy_section(&mut self) {
        let text = self.page.section_at(self.top).map(|section| {
            let composed = self.window().and_then(|_| {
                let units: Vec<_> = (self.units.iter())
                    .filter(|unit| unit.section() == section)
                    .copied()
                    .collect();
                let width = self.page.width;
                self.options.compose.units(&self.doc, &units, width)
            });
            let lines: Vec<PageLine> = match composed {
                Some(units) => units.into_iter().flatten().collect(),
                None => (self.page.lines.iter())
                    .filter(|line| line.section == section)
                    .cloned()
                    .collect(),
            };
            let (order, _) = page_order(&lines);
            let parts: Vec<String> = (order.iter())
                .filter_map(|source| text_of(&self.doc, source))
                .map(|text| text.into_owned())
                .collect();
            parts.join("\n")
        });
        self.copy(text);
    }

    fn copy(&mut self, text: Option<String>) {
        match text.filter(|text| !text.is_empty()) {
            Some(text) => {
                let n = text.chars().count();
                let unit = if n == 1 { "character" } else { "characters" };
                self.message = Some(format!("copied {n} {unit}"));
                self.effects.push(Effect::Copy(text));
            }
            None => self.message = Some("nothing to copy".to_owned()),
        }
    }

    /// The logical text a selection stands for.
    pub fn selection_text(&self, selection: Selection) -> Option<String> {
        let (order, index) = page_order(&self.page.lines);
        let (from, to) = self.ends(selection, &index)?;
        let mut parts = Vec::new();
        for (at, source) in order.iter().enumerate().take(to.order + 1).skip(from.order) {
            let text = text_of(&self.doc, source)?;
            let start = if at == from.order { from.offset } else { 0 };
            let end = if at == to.order {
                to.offset
            } else {
                text.len()
            };
            parts.push(text.get(start..end.max(start)).unwrap_or("").to_owned());
        }
        Some(parts.join("\n"))
    }

    /// Where the logical text a selection stands for starts and ends, `from` before `to`.
    fn ends(
        &self,
        selection: Selection,
        index: &HashMap<BlockRef, usize>,
    ) -> Option<(Point, Point)> {
        let (anchor, head) = match selection {
            Selection::Range { from, to } => return Some((from, to)),
            Selection::Cells { anchor, head } => (anchor, head),
        };
        let (start, end) = (anchor.min(head), anchor.max(head));
        let (first, first_range) = self.text_near(start, end, index)?;
        let (last, last_range) = self.text_near(end, start, index)?;
        let from = Point {
            offset: first_range.start,
            ..first
        };
        let to = Point {
            offset: last_range.end,
            ..last
        };
        if (to.order, to.offset) < (from.order, from.offset) {
            // The screen's later end is the text's earlier one (a right-to-left line, or a
            // run of the other direction inside a line): the logical span of the two.
            let to_start = Point {
                offset: last_range.start,
                ..last
            };
            let from_end = Point {
                offset: first_range.end,
                ..first
            };
            return Some((to_start, from_end));
        }
        Some((from, to))
    }

    /// The article character at `spot`, or the nearest one on its line, or on the lines from it
    /// toward `toward`: its place and logical range.
    fn text_near(
        &self,
        spot: Spot,
        toward: Spot,
        index: &HashMap<BlockRef, usize>,
    ) -> Option<(Point, Range<usize>)> {
        let step_down = toward.line >= spot.line;
        let mut line = spot.line;
        loop {
            let spans = self.shown_cells(self.page.lines.get(line)?);
            let best = (spans.iter())
                .filter(|span| span.text.is_some())
                .min_by_key(|span| {
                    if line != spot.line {
                        // Entered from above: the line's start; from below: its end.
                        return if step_down {
                            span.x
                        } else {
                            usize::MAX - span.x
                        };
                    }
                    if span.x <= spot.col && spot.col < span.x + span.width.max(1) {
                        0
                    } else {
                        span.x.abs_diff(spot.col)
                    }
                });
            if let Some((source, range)) = best.and_then(|span| span.text.clone()) {
                let point = Point {
                    order: *index.get(&source)?,
                    source,
                    offset: range.start,
                };
                return Some((point, range));
            }
            if line == toward.line {
                return None;
            }
            line = if step_down { line + 1 } else { line - 1 };
        }
    }

    /// The word (by Unicode word boundaries) under `spot`.
    fn word_at(&self, spot: Spot) -> Option<Selection> {
        let (_, index) = page_order(&self.page.lines);
        let (point, range) = self.text_near(spot, spot, &index)?;
        let text = text_of(&self.doc, &point.source)?;
        let (start, word) = text
            .split_word_bound_indices()
            .find(|(start, word)| *start <= range.start && range.start < start + word.len())?;
        Some(Selection::Range {
            from: Point {
                offset: start,
                ..point
            },
            to: Point {
                offset: start + word.len(),
                ..point
            },
        })
    }

    /// The whole part (paragraph, heading, list item) under `spot`.
    fn paragraph_at(&self, spot: Spot) -> Option<Selection> {
        let (_, index) = page_order(&self.page.lines);
        let (point, _) = self.text_near(spot, spot, &index)?;
        let len = text_of(&self.doc, &point.source)?.len();
        Some(Selection::Range {
            from: Point { offset: 0, ..point },
            to: Point {
                offset: len,
                ..point
            },
        })
    }

    /// The cells of a page line where the terminal shows them (written order when sahifa
    /// reorders; through the terminal's own reordering otherwise, see [`shown_cells`]).
    fn shown_cells(&self, line: &PageLine) -> Vec<CellSpan> {
        if self.options.reorder {
            return cells(line);
        }
        shown_cells(line, self.options.terminal).unwrap_or_else(|| cells(line))
    }

    /// The selection as drawn, worked out once a frame for [`App::selected_spans`].
    pub(super) fn drawn_selection(&self) -> Option<Drawn> {
        let selection = self.selection?;
        let (_, index) = page_order(&self.page.lines);
        let (from, to) = self.ends(selection, &index)?;
        Some(Drawn { index, from, to })
    }

    /// The selected cells of page line `line`: (first cell, cells) from the column's left. They
    /// are the cells of the characters that would be copied, wherever the line puts them, so
    /// what is drawn is what is copied.
    pub(super) fn selected_spans(&self, line: usize, drawn: &Drawn) -> Vec<(usize, usize)> {
        let Some(page_line) = self.page.lines.get(line) else {
            return Vec::new();
        };
        (cells(page_line).into_iter())
            .filter(|span| {
                let text = span.text.as_ref();
                span.width > 0 && text.is_some_and(|(source, range)| drawn.covers(source, range))
            })
            .map(|span| (span.x, span.width))
            .collect()
    }

    /// The selection, if any.
    pub fn selection(&self) -> Option<Selection> {
        self.selection
    }
}
