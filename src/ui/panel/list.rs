//! What the list panels (outline, entities, links) share: where they stand, the selection and
//! its moves, the click that picks a row, and how a row is painted from the reading-start side.

use super::super::action::Action;
use super::super::paint;
use super::super::paint::clip;
use super::Context;
use super::PanelOutcome;
use crate::document::Direction;
use crate::theme::StyleKey;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_width::UnicodeWidthStr;

/// A list panel's selection.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct List {
    pub selected: usize,
}

/// What a list made of an action.
pub(super) enum Taken {
    /// A move of the selection (or a click beside the rows): the panel stays as it is.
    Moved,
    /// A click on a row, now the selected one.
    Clicked,
    /// Not a list move: the panel's own action, or none of its business.
    Not,
}

/// `at` moved by `delta`, kept within `count` rows.
pub(super) fn step(at: usize, count: usize, delta: i32) -> usize {
    let moved = at as i64 + i64::from(delta);
    moved.clamp(0, count.saturating_sub(1) as i64) as usize
}

/// The moves a panel of scrolled rows shares (the help too): `j` `k`, page keys.
pub(super) fn scroll_delta(action: &Action, ctx: &Context) -> Option<i32> {
    match *action {
        Action::ScrollLines(n) => Some(n),
        Action::ScrollPages(n) => Some(n.saturating_mul(ctx.panel_rows() as i32)),
        _ => None,
    }
}

impl List {
    pub fn new(selected: usize) -> Self {
        Self { selected }
    }

    /// Where a list panel is: the reading-start side, above the status line.
    pub fn area(ctx: &Context) -> Option<Rect> {
        let (cols, rows) = ctx.size;
        let width = cols.saturating_sub(4).min(44).max(cols.min(12));
        let height = rows.saturating_sub(1);
        if width < 4 || height < 3 {
            return None;
        }
        let x = if ctx.doc.direction == Direction::Rtl {
            cols - width
        } else {
            0
        };
        Some(Rect::new(x, 0, width, height))
    }

    /// The first row shown: scrolled just enough to keep the selection visible.
    pub fn first_row(&self, panel: Rect) -> usize {
        let inner = usize::from(panel.height.saturating_sub(2)).max(1);
        (self.selected + 1).saturating_sub(inner)
    }

    /// Takes the moves every list has over its `count` rows: `j` `k`, page keys, `g` `G` (its
    /// first and last rows), and a click on a row.
    pub fn take(&mut self, action: &Action, count: usize, ctx: &Context) -> Taken {
        let delta = match *action {
            Action::Top => Some(i32::MIN),
            Action::Bottom => Some(i32::MAX),
            Action::Click(col, row) => return self.click(col, row, count, ctx),
            _ => scroll_delta(action, ctx),
        };
        match delta {
            Some(delta) => {
                self.selected = step(self.selected, count, delta);
                Taken::Moved
            }
            None => Taken::Not,
        }
    }

    /// A list panel's answer to `action`: the moves of [`List::take`]; `Enter`, or a click on
    /// a row, is `choose` of the selected row; `o` says it opens links only.
    pub fn handle(
        &mut self,
        action: &Action,
        count: usize,
        ctx: &Context,
        choose: impl FnOnce(usize) -> PanelOutcome,
    ) -> PanelOutcome {
        match (self.take(action, count, ctx), action) {
            (Taken::Moved, _) => PanelOutcome::Stay,
            (Taken::Clicked, _) | (Taken::Not, Action::Confirm) => choose(self.selected),
            (Taken::Not, Action::OpenExternal) => super::no_link_to_open(),
            (Taken::Not, _) => PanelOutcome::Pass,
        }
    }

    fn click(&mut self, col: u16, row: u16, count: usize, ctx: &Context) -> Taken {
        let Some(area) = List::area(ctx) else {
            return Taken::Moved;
        };
        let inside =
            area.x < col && col + 1 < area.right() && area.y < row && row + 1 < area.bottom();
        if !inside {
            return Taken::Moved;
        }
        let selected = self.first_row(area) + usize::from(row - area.y - 1);
        if selected >= count {
            return Taken::Moved;
        }
        self.selected = selected;
        Taken::Clicked
    }

    /// Paints the panel's box and, per row of `items` that fits, calls `row` with the screen
    /// row, the item's index and the item. Returns the panel's area, if it has room.
    pub fn draw<T>(
        &self,
        ctx: &Context,
        buf: &mut Buffer,
        title: &str,
        items: &[T],
        empty: &str,
        mut row: impl FnMut(&mut Buffer, Rect, u16, usize, &T),
    ) -> Option<Rect> {
        let panel = List::area(ctx)?;
        let inner = super::frame(ctx, panel, buf, title);
        if items.is_empty() && !empty.is_empty() {
            let style = ctx.theme.style(StyleKey::Panel);
            paint::plain(buf, inner.x + 1, inner.y, inner.right(), empty, style);
        }
        let shown =
            (inner.y..inner.bottom()).zip(items.iter().enumerate().skip(self.first_row(panel)));
        for (y, (index, item)) in shown {
            row(buf, inner, y, index, item);
        }
        Some(panel)
    }

    /// A row's style: the panel's, then `key`'s, or the selection's for the selected row.
    pub fn row_style(&self, ctx: &Context, index: usize, key: StyleKey) -> Style {
        let theme = ctx.theme;
        let row = if index == self.selected {
            StyleKey::OutlineSelected
        } else {
            key
        };
        theme.style(StyleKey::Panel).patch(theme.style(row))
    }
}

/// A panel row: `lead` then `text` from the reading-start side, `tail` on the other side.
/// For RTL articles the start side is the right, so `lead`'s parts are mirrored onto the
/// right edge: their order is reversed, their text (a number such as 12) is not.
pub(super) struct Row<'a> {
    pub lead: &'a [&'a str],
    pub text: &'a str,
    pub tail: &'a str,
    pub style: Style,
}

impl Row<'_> {
    pub fn paint(&self, ctx: &Context, buf: &mut Buffer, inner: Rect, y: u16) {
        let Row {
            lead,
            text,
            tail,
            style,
        } = *self;
        paint::fill(buf, inner.x, y, inner.right(), style);
        let lead_w = lead.iter().map(|part| part.width()).sum::<usize>() as u16;
        let tail_w = tail.width() as u16;
        let room = usize::from(inner.width.saturating_sub(lead_w + tail_w + 1));
        // A label that does not fit is cut at a word, and says so.
        let (line, _) = paint::short_text(&clip(text, room.max(1)), room.max(1), ctx.reorder);
        let text_w = line.width as u16;
        if ctx.doc.direction == Direction::Rtl {
            let lead_rev: String = lead.iter().rev().copied().collect();
            let lead_x = inner.right().saturating_sub(lead_w);
            paint::plain(buf, lead_x, y, inner.right(), &lead_rev, style);
            let x = lead_x.saturating_sub(text_w);
            paint::reader_line(buf, x, y, lead_x, &line, ctx.embedding, style);
            paint::plain(buf, inner.x, y, inner.right(), tail, style);
        } else {
            let x = paint::plain(buf, inner.x, y, inner.right(), &lead.concat(), style);
            paint::reader_line(buf, x, y, inner.right(), &line, ctx.embedding, style);
            paint::plain(
                buf,
                inner.right().saturating_sub(tail_w),
                y,
                inner.right(),
                tail,
                style,
            );
        }
    }
}
