//! The entity panel (`E`): the article's entities by type with their counts (see
//! src/ui/entities.rs); `Enter` (or a click) steps through the selected row's mentions.

use super::Context;
use super::list::{List, Row};
use super::{Overlay, Panel, PanelOutcome};
use crate::theme::StyleKey;
use crate::ui::action::Action;
use crate::ui::entities::EntityRow;
use crate::ui::paint;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

#[derive(Default)]
pub(in crate::ui) struct EntityPanel {
    list: List,
}

impl Panel for EntityPanel {
    fn overlay(&self) -> Overlay {
        Overlay::Entities {
            selected: self.list.selected,
        }
    }

    fn handle(&mut self, action: &Action, ctx: &Context) -> PanelOutcome {
        let count = ctx.entities.len();
        self.list.handle(action, count, ctx, PanelOutcome::Mentions)
    }

    fn draw(&self, ctx: &Context, _area: Rect, buf: &mut Buffer) {
        let title = " entities — Enter: go, then n/N ";
        let rows = ctx.entities;
        let theme = ctx.theme;
        self.list.draw(
            ctx,
            buf,
            title,
            rows,
            "no entities found",
            |buf, inner, y, index, entry| {
                let style = self.list.row_style(ctx, index, StyleKey::Panel);
                match entry {
                    EntityRow::Kind { kind, count } => {
                        paint::fill(buf, inner.x, y, inner.right(), style);
                        let style = style.patch(theme.style(StyleKey::of_entity(*kind)));
                        let label = format!(" {} · {count}", kind.name());
                        let bold = style.add_modifier(Modifier::BOLD);
                        paint::plain(buf, inner.x, y, inner.right(), &label, bold);
                    }
                    EntityRow::Name { text, mentions, .. } => {
                        let count = format!("{:>3}", mentions.len());
                        let row = Row {
                            lead: &["   "],
                            text,
                            tail: &count,
                            style,
                        };
                        row.paint(ctx, buf, inner, y);
                    }
                }
            },
        );
    }
}
