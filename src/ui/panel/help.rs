//! The help (`?`): the key table's rows (src/ui/action.rs, as the keymap binds them) in a box in
//! the middle of the screen, scrolled by `j` `k` and the page keys when they do not fit.

use super::Context;
use super::list::{scroll_delta, step};
use super::{Overlay, Panel, PanelOutcome};
use crate::theme::StyleKey;
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

    /// The box in `area`, if there is room for one.
    fn area(&self, area: Rect) -> Option<Rect> {
        let width = area.width.saturating_sub(2).min(60);
        let height = (self.rows.len() as u16 + 2).min(area.height.saturating_sub(1));
        let panel = Rect::new(
            area.x + (area.width - width) / 2,
            area.y + (area.height.saturating_sub(1) - height) / 2,
            width,
            height,
        );
        (panel.width >= 4 && panel.height >= 3).then_some(panel)
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
        let Some(panel) = self.area(area) else {
            return;
        };
        let theme = ctx.theme;
        let rows = &self.rows;
        let inner = super::frame(ctx, panel, buf, " keys — Esc closes ");
        let hidden = rows.len().saturating_sub(usize::from(inner.height));
        if hidden > 0 {
            // Say there is more, on the bottom border.
            let more = if self.scroll >= hidden {
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
            .unwrap_or(0) as u16;
        let keys_width = keys_width.min(inner.width / 2);
        let style = theme.style(StyleKey::Help);
        let key_style = theme.style(StyleKey::HelpKey);
        let first = self.scroll.min(hidden);
        let shown = rows.iter().skip(first).take(usize::from(inner.height));
        for (row, (keys, help)) in shown.enumerate() {
            let y = inner.y + row as u16;
            let key_right = inner.x + 1 + keys_width;
            paint::plain(buf, inner.x + 1, y, key_right, keys, key_style);
            let room = usize::from(inner.right().saturating_sub(key_right + 2));
            let help = clip(help, room);
            paint::plain(buf, key_right + 2, y, inner.right(), &help, style);
        }
    }

    /// All of the screen, to be safe.
    fn covers(&self, _ctx: &Context, area: Rect) -> Option<Rect> {
        Some(area)
    }
}
