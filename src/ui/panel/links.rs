//! The links panel (`L`): the article's links in reading order, the selected one's URL in the
//! bottom border; `Enter` opens it in sahifa, `o` in the system's browser. A suspicious link
//! (see src/ui/links.rs) is in the `reveal` style, its controls written out as labels.

use super::Context;
use super::list::{List, Row};
use super::{Overlay, Panel, PanelOutcome};
use crate::source::Source;
use crate::theme::StyleKey;
use crate::ui::action::Action;
use crate::ui::effect::Effect;
use crate::ui::links::labelled;
use crate::ui::paint;
use crate::ui::paint::clip;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

#[derive(Default)]
pub(in crate::ui) struct LinksPanel {
    list: List,
}

/// `Enter` on link `selected`: opened in sahifa when it is a web link.
fn open(ctx: &Context, selected: usize) -> PanelOutcome {
    let Some(link) = ctx.links.get(selected) else {
        return PanelOutcome::Stay;
    };
    let url = &link.url;
    if url.starts_with("http://") || url.starts_with("https://") {
        PanelOutcome::Effect(Effect::Open(Source::Url(url.clone())))
    } else {
        PanelOutcome::Say("only http and https links open here; o: browser".to_owned())
    }
}

impl Panel for LinksPanel {
    fn overlay(&self) -> Overlay {
        Overlay::Links {
            selected: self.list.selected,
        }
    }

    fn handle(&mut self, action: &Action, ctx: &Context) -> PanelOutcome {
        let count = ctx.links.len();
        match action {
            Action::OpenExternal => match ctx.links.get(self.list.selected) {
                Some(link) => PanelOutcome::Effect(Effect::Browse(link.url.clone())),
                None => PanelOutcome::Stay,
            },
            // A click selects a link; opening it is a key away.
            Action::Click(..) => {
                self.list.take(action, count, ctx);
                PanelOutcome::Stay
            }
            _ => self
                .list
                .handle(action, count, ctx, |selected| open(ctx, selected)),
        }
    }

    fn draw(&self, ctx: &Context, _area: Rect, buf: &mut Buffer) {
        let title = " links — Enter: open, o: browser ";
        let theme = ctx.theme;
        let drawn = self.list.draw(
            ctx,
            buf,
            title,
            ctx.links,
            "no links",
            |buf, inner, y, index, link| {
                let mut style = self.list.row_style(ctx, index, StyleKey::Panel);
                let text = if link.suspicious() {
                    style = style.patch(theme.style(StyleKey::Reveal));
                    labelled(&link.text)
                } else {
                    link.text.clone()
                };
                let number = format!("{:>3} ", index + 1);
                let row = Row {
                    lead: &[number.as_str()],
                    text: &text,
                    tail: "",
                    style,
                };
                row.paint(ctx, buf, inner, y);
            },
        );
        // The selected link's URL, left to right, in the bottom border.
        if let (Some(panel), Some(link)) = (drawn, ctx.links.get(self.list.selected)) {
            let mut style = theme.style(StyleKey::Panel);
            if link.suspicious() {
                style = style.patch(theme.style(StyleKey::Reveal));
            }
            let url = format!(" {} ", labelled(&link.url));
            let room = usize::from(panel.width.saturating_sub(2));
            let (x, y) = (panel.x + 1, panel.bottom() - 1);
            paint::plain(buf, x, y, panel.right() - 1, &clip(&url, room), style);
        }
    }
}
