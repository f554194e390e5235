//! The page index: where every unit of an article lands on its page at one width, without the
//! page's cells.
//!
//! A composed page keeps every line as cells — some fifty bytes per character — which for a
//! big article is tens of times the article. What the reader needs of the whole page is much
//! smaller: how many lines each unit (header, heading, block; see [`Unit::all`]) takes, so it
//! can tell which line of the page a unit starts on, how long the page is and where a view is
//! in it. The lines themselves are composed on demand for the units around the view
//! ([`Composer::unit`]) and dropped when the view moves on.
//!
//! The index holds one `u32` per unit. It is measured unit by unit ([`Composer::index`]), which
//! can be stopped between units (a reader that changed width no longer needs the old one).
//! Rule: [`PageIndex::first_line`] of a unit is exactly the line where [`Composer::page`] puts
//! it, and [`PageIndex::lines`] is that page's length.

use super::{Composer, Unit};

/// Line positions of every unit of an article composed at one width.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PageIndex {
    pub width: usize,
    /// For each unit in page order, how many page lines come before its first line (for an
    /// empty unit, before the first line of the next unit that has one); one more entry, the
    /// page's length.
    starts: Vec<u32>,
}

impl PageIndex {
    /// The page's length in lines.
    pub fn lines(&self) -> usize {
        self.starts.last().map_or(0, |&n| n as usize)
    }

    /// The line where unit `unit` (an index into [`Unit::all`]) starts — for an empty unit,
    /// where the next unit with lines starts, as a window of units from it shows them; past
    /// the end, the page's length.
    pub fn first_line(&self, unit: usize) -> usize {
        let at = unit.min(self.starts.len().saturating_sub(1));
        self.starts.get(at).map_or(0, |&n| n as usize)
    }

    /// How many units the index covers.
    pub fn units(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }
}

impl PageIndex {
    /// The index of a page whose units, in page order, take `counts` lines each (an empty
    /// unit takes none and has no blank line before it).
    pub fn from_counts(width: usize, counts: impl IntoIterator<Item = usize>) -> Self {
        let mut starts = Vec::new();
        let mut empty = Vec::new();
        let mut total: u32 = 0;
        for count in counts {
            let count = u32::try_from(count).unwrap_or(u32::MAX);
            // A unit after another non-empty one starts after the blank line between them.
            let separator = u32::from(total > 0 && count > 0);
            starts.push(total.saturating_add(separator));
            empty.push(count == 0);
            total = total.saturating_add(separator).saturating_add(count);
        }
        starts.push(total);
        // An empty unit starts where the next unit with lines does.
        for i in (0..empty.len()).rev() {
            if empty.get(i) == Some(&true)
                && let Some(&next) = starts.get(i + 1)
                && let Some(start) = starts.get_mut(i)
            {
                *start = next;
            }
        }
        PageIndex { width, starts }
    }
}

impl Composer<'_> {
    /// The index of the page at `width`, measured unit by unit; `None` if `stop` says so
    /// (it is asked every few units).
    pub fn index(&self, width: usize, stop: impl Fn() -> bool) -> Option<PageIndex> {
        let width = width.max(super::MIN_WIDTH);
        let mut counts = Vec::new();
        for (i, unit) in Unit::iter(self.document()).enumerate() {
            if i % 64 == 63 && stop() {
                return None;
            }
            counts.push(self.unit(unit, width).len());
        }
        Some(PageIndex::from_counts(width, counts))
    }
}
