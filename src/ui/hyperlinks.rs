//! Links in the reader as OSC 8 hyperlinks (when [`super::ReaderOptions::hyperlinks`] is on):
//! after a frame is painted, each link run on screen ([`crate::render::hyperlink`]) gets its
//! URL around its text.
//!
//! The rule, for ratatui: a cell holds one symbol and the terminal is sent only the cells that
//! changed, so the sequence cannot be split over cells (a cell rewritten alone would leave a
//! link open, or lose it). Each run — cut further where its style changes, or where a panel
//! covers it — becomes one cell whose symbol is `OSC 8 ; ; URL ST`, the run's text and the
//! closing `OSC 8 ; ; ST`, with its width forced to the run's cells
//! ([`CellDiffOption::ForcedWidth`]); the run's other cells are skipped by the diff. So each
//! run is written whole, opened and closed once, and takes exactly the cells its text takes:
//! nothing moves, and a run whose text, style or URL changes is written again.

use super::app::App;
use crate::render::hyperlink::{self, LinkRun};
use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;
use std::num::NonZeroU16;

impl App {
    /// Turns the link runs painted on screen into hyperlinks (a no-op unless they are on).
    pub(super) fn render_hyperlinks(&self, area: Rect, buf: &mut Buffer) {
        if !self.options.hyperlinks {
            return;
        }
        // A panel covers its part of the screen (the help overlay all of it).
        let covered = self.covered(area);
        let width = u16::try_from(self.page.width).unwrap_or(u16::MAX);
        let left = area.x + area.width.saturating_sub(width) / 2;
        let right = left.saturating_add(width).min(area.right());
        let rows = self.text_height().min(usize::from(area.height));
        let visible = self.page.lines.iter().skip(self.top).take(rows);
        for (row, line) in (0u16..).zip(visible) {
            for run in hyperlink::link_runs(&self.doc, line) {
                link(buf, (left, area.y + row), right, &run, covered);
            }
        }
    }
}

/// Makes `run` (cells from `left` on row `y`) hyperlinks, one per stretch of one style that no
/// panel covers.
fn link(buf: &mut Buffer, (left, y): (u16, u16), right: u16, run: &LinkRun, covered: Option<Rect>) {
    let mut stretches: Vec<Vec<(u16, u16)>> = Vec::new();
    let mut last_style = None;
    for &(cx, w) in &run.clusters {
        let (Ok(cx), Ok(w)) = (u16::try_from(cx), u16::try_from(w)) else {
            break;
        };
        let x = left.saturating_add(cx);
        if w == 0 || x.saturating_add(w) > right {
            break;
        }
        if covered.is_some_and(|panel| panel.intersects(Rect::new(x, y, w, 1))) {
            last_style = None;
            continue;
        }
        let style = buf.cell((x, y)).map(ratatui::buffer::Cell::style);
        match stretches.last_mut() {
            Some(stretch) if last_style.is_some() && style == last_style => stretch.push((x, w)),
            _ => stretches.push(vec![(x, w)]),
        }
        last_style = style;
    }
    for stretch in stretches {
        let Some(&(first, _)) = stretch.first() else {
            continue;
        };
        let text: String = (stretch.iter())
            .filter_map(|&(x, _)| buf.cell((x, y)).map(|c| c.symbol().to_owned()))
            .collect();
        let cells: u16 = stretch.iter().map(|&(_, w)| w).sum();
        let Some(width) = NonZeroU16::new(cells) else {
            continue;
        };
        for x in first + 1..first + cells {
            if let Some(cell) = buf.cell_mut((x, y)) {
                cell.set_diff_option(CellDiffOption::Skip);
            }
        }
        if let Some(cell) = buf.cell_mut((first, y)) {
            let symbol = format!("{}{text}{}", hyperlink::open(&run.url), hyperlink::CLOSE);
            cell.set_symbol(&symbol)
                .set_diff_option(CellDiffOption::ForcedWidth(width));
        }
    }
}
