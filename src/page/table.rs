//! Tables: a grid when the columns fit, one cell per line when they do not.
//!
//! Rules: each cell is laid out by the engine in its own direction and placed on its own side
//! of its column; an RTL table (most cells RTL) puts its first column on the right; column
//! widths start at each column's widest cell and the widest column gives way until the grid
//! fits; an RTL table sits at the right edge of the page. When even three cells per column do not fit, the cells are listed one after another
//! (header cells first, once), rows separated by a rule, so nothing is cut.

use super::blocks::Lines;
use super::compose::Composer;
use super::frame::{deco, place, repeat, spaces};
use super::{BlockRef, LineKind, Piece, Role, Tag};
use crate::document::RichText;
use crate::layout::{ParagraphLayout, VisualLine};

/// Narrowest column worth a grid.
const MIN_COLUMN: usize = 3;
/// Width used to measure a cell unwrapped.
const UNWRAPPED: usize = 100_000;

/// A cell's lines, whether it is RTL, and where its text comes from.
type LaidCell = (Vec<VisualLine<Tag>>, bool, BlockRef);

struct Cell<'t> {
    text: &'t RichText,
    part: usize,
    header: bool,
}

impl Composer<'_> {
    pub(super) fn table(
        &self,
        section: usize,
        block: usize,
        header: bool,
        rows: &[Vec<RichText>],
        width: usize,
    ) -> Lines {
        let mut part = 0;
        let grid: Vec<Vec<Cell>> = rows
            .iter()
            .enumerate()
            .map(|(r, row)| {
                row.iter()
                    .map(|text| {
                        part += 1;
                        Cell {
                            text,
                            part: part - 1,
                            header: header && r == 0,
                        }
                    })
                    .collect()
            })
            .collect();
        let texts: Vec<&str> = grid
            .iter()
            .flatten()
            .map(|c| c.text.text.as_str())
            .collect();
        let ents = self.entities_of(section, block, &texts);
        let columns = grid.iter().map(Vec::len).max().unwrap_or(0);
        if columns == 0 {
            return Vec::new();
        }
        let lay = |cell: &Cell, width: usize| -> ParagraphLayout<Tag> {
            let role = if cell.header {
                Role::TableHeader
            } else {
                Role::Body
            };
            let mut layout = self.rich_ragged(
                &cell.text.text,
                role,
                &cell.text.spans,
                &ents[cell.part],
                width,
            );
            if cell.header {
                for c in layout.lines.iter_mut().flat_map(|l| l.clusters.iter_mut()) {
                    c.tag.strong = true;
                }
            }
            layout
        };
        let source = |cell: &Cell| BlockRef::block(section, block, cell.part);
        // Borders and one space of padding each side of every cell.
        let chrome = 3 * columns + 1;
        let available = width.saturating_sub(chrome);
        if available < MIN_COLUMN * columns {
            return self.stacked(&grid, width, lay, source);
        }
        let mut natural = vec![1; columns];
        let mut rtl_cells = 0;
        let mut cells = 0;
        for row in &grid {
            for (c, cell) in row.iter().enumerate() {
                let layout = lay(cell, UNWRAPPED);
                let w = layout.lines.iter().map(|l| l.width).max().unwrap_or(0);
                natural[c] = natural[c].max(w);
                if !cell.text.text.trim().is_empty() {
                    cells += 1;
                    rtl_cells += usize::from(layout.rtl);
                }
            }
        }
        let rtl = match (rtl_cells * 2).cmp(&cells) {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Less => false,
            std::cmp::Ordering::Equal => self.article_rtl(),
        };
        let widths = fit(natural, available);
        let order: Vec<usize> = if rtl {
            (0..columns).rev().collect()
        } else {
            (0..columns).collect()
        };
        let border = |[l, m, r]: [char; 3]| -> Vec<Piece> {
            let mut s = String::new();
            s.push(l);
            for (i, &c) in order.iter().enumerate() {
                if i > 0 {
                    s.push(m);
                }
                s.extend(std::iter::repeat_n('─', widths[c] + 2));
            }
            s.push(r);
            vec![deco(s, Role::TableBorder)]
        };
        let mut out = vec![(border(['┌', '┬', '┐']), LineKind::Other)];
        for (r, row) in grid.iter().enumerate() {
            let mut laid: Vec<Option<LaidCell>> = (0..columns).map(|_| None).collect();
            for (c, cell) in row.iter().enumerate() {
                let layout = lay(cell, widths[c]);
                laid[c] = Some((layout.lines, layout.rtl, source(cell)));
            }
            let height = laid
                .iter()
                .flatten()
                .map(|(lines, ..)| lines.len())
                .max()
                .unwrap_or(0)
                .max(1);
            let mut iters: Vec<_> = laid
                .into_iter()
                .map(|cell| cell.map(|(lines, rtl, src)| (lines.into_iter(), rtl, src)))
                .collect();
            for _ in 0..height {
                let mut pieces = vec![deco("│", Role::TableBorder)];
                for &c in &order {
                    pieces.extend(spaces(1, Role::Body));
                    let next = iters[c]
                        .as_mut()
                        .and_then(|(lines, rtl, src)| lines.next().map(|l| (l, *rtl, *src)));
                    match next {
                        Some((line, rtl, src)) => {
                            pieces.extend(place(line, src, widths[c], rtl, Some(Role::Body)));
                        }
                        None => pieces.extend(spaces(widths[c], Role::Body)),
                    }
                    pieces.extend(spaces(1, Role::Body));
                    pieces.push(deco("│", Role::TableBorder));
                }
                out.push((pieces, LineKind::Other));
            }
            if header && r == 0 && grid.len() > 1 {
                out.push((border(['├', '┼', '┤']), LineKind::Other));
            }
        }
        out.push((border(['└', '┴', '┘']), LineKind::Other));
        // An RTL table starts at the right edge, like its text.
        let total: usize = widths.iter().sum::<usize>() + chrome;
        if rtl && total < width {
            for (pieces, _) in &mut out {
                pieces.insert(0, deco(" ".repeat(width - total), Role::Body));
            }
        }
        out
    }

    /// The narrow form: every cell on lines of its own, rows separated by a rule.
    fn stacked<'c>(
        &self,
        grid: &[Vec<Cell<'c>>],
        width: usize,
        lay: impl Fn(&Cell<'c>, usize) -> ParagraphLayout<Tag>,
        source: impl Fn(&Cell<'c>) -> BlockRef,
    ) -> Lines {
        let mut out = Vec::new();
        for (r, row) in grid.iter().enumerate() {
            if r > 0 {
                let rule = repeat('─', width, Role::TableBorder);
                out.push((rule.into_iter().collect(), LineKind::Other));
            }
            for cell in row {
                let layout = lay(cell, width);
                out.extend(self.placed(layout, source(cell), width, LineKind::Other));
            }
        }
        out
    }
}

/// Column widths that fit in `available`: the widest column shrinks first, one cell at a time.
fn fit(mut widths: Vec<usize>, available: usize) -> Vec<usize> {
    let mut total: usize = widths.iter().sum();
    while total > available {
        let Some((i, _)) = widths
            .iter()
            .enumerate()
            .max_by_key(|&(i, w)| (*w, usize::MAX - i))
        else {
            break;
        };
        if widths[i] <= MIN_COLUMN {
            break;
        }
        widths[i] -= 1;
        total -= 1;
    }
    widths
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn widest_column_gives_way_first() {
        assert_eq!(fit(vec![30, 5, 10], 25), vec![10, 5, 10]);
        assert_eq!(fit(vec![4, 5], 20), vec![4, 5]);
        assert_eq!(fit(vec![20, 20], 10), vec![5, 5]);
    }
}
