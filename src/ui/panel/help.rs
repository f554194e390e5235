//! The help (`?`): the key table's rows (src/ui/action.rs, as the keymap binds them) in a box in
//! the middle of the screen, scrolled by `j` `k` and the page keys when they do not fit.

use super::Context;
use super::list::{scroll_delta, step};
use super::{Overlay, Panel, PanelOutcome};
use crate::theme::{StyleKey, Theme};
use crate::ui::action::{Action, Keymap};
use crate::ui::paint;
use crate::ui::paint::clip;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub(in crate::ui) struct HelpPanel {
    /// Keys and what they do, in table order.
    rows: Vec<(String, &'static str)>,
    scroll: usize,
}

impl HelpPanel {
    pub fn new(keymap: &Keymap) -> Self {
        let rows = keymap.help_rows();
        Self { rows, scroll: 0 }
    }
}

impl Panel for HelpPanel {
    fn overlay(&self) -> Overlay {
        Overlay::Help {
            scroll: self.scroll,
        }
    }

    fn handle(&mut self, action: &Action, ctx: &Context) -> PanelOutcome {
        if let Some(delta) = scroll_delta(action, ctx) {
            self.scroll = step(self.scroll, self.rows.len(), delta);
            return PanelOutcome::Stay;
        }
        match action {
            Action::Confirm | Action::Click(..) => PanelOutcome::Stay,
            Action::OpenExternal => super::no_link_to_open(),
            _ => PanelOutcome::Pass,
        }
    }

    fn draw(&self, ctx: &Context, area: Rect, buf: &mut Buffer) {
        draw_keys(ctx.theme, area, buf, &self.rows, self.scroll);
    }

    /// All of the screen, to be safe.
    fn covers(&self, _ctx: &Context, area: Rect) -> Option<Rect> {
        Some(area)
    }
}

/// Keys and what they do (`rows`, from the key table) in a box in the middle of `area` (its
/// status line left free), from row `scroll` on; the bottom border says when there is more. The
/// reader's help and the feed list's are drawn here alike.
pub(in crate::ui) fn draw_keys(
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
    rows: &[(String, &str)],
    scroll: usize,
) {
    let width = area.width.saturating_sub(2).min(60);
    let room = area.height.saturating_sub(1);
    let height = u16::try_from(rows.len() + 2).unwrap_or(u16::MAX).min(room);
    if width < 4 || height < 3 {
        return; // no room for a box
    }
    let panel = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (room - height) / 2,
        width,
        height,
    );
    let inner = super::boxed(theme, panel, buf, " keys — Esc closes ");
    let hidden = rows.len().saturating_sub(usize::from(inner.height));
    if hidden > 0 {
        // Say there is more, on the bottom border.
        let more = if scroll >= hidden {
            " ↑ k "
        } else {
            " ↓ j "
        };
        let x = panel
            .right()
            .saturating_sub(more.chars().count() as u16 + 2);
        let style = theme.style(StyleKey::PanelBorder);
        paint::plain(buf, x, panel.bottom() - 1, panel.right(), more, style);
    }
    let keys_width = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    let keys_width = u16::try_from(keys_width)
        .unwrap_or(u16::MAX)
        .min(inner.width / 2);
    let style = theme.style(StyleKey::Help);
    let key_style = theme.style(StyleKey::HelpKey);
    let first = scroll.min(hidden);
    let shown = rows.iter().skip(first).take(usize::from(inner.height));
    for (y, (keys, help)) in (inner.y..).zip(shown) {
        let key_right = inner.x + 1 + keys_width;
        paint::plain(buf, inner.x + 1, y, key_right, keys, key_style);
        let room = usize::from(inner.right().saturating_sub(key_right + 2));
        let help = clip(help, room);
        paint::plain(buf, key_right + 2, y, inner.right(), &help, style);
    }
}
