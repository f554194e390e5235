//! The outline (`t`, `Tab`): the sections that have a heading, numbered and indented by level,
//! the one being read marked; `Enter` (or a click) goes to the selected heading.

use super::Context;
use super::list::{List, Row};
use super::{Overlay, Panel, PanelOutcome};
use crate::document::Direction;
use crate::theme::StyleKey;
use crate::ui::action::Action;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub(in crate::ui) struct OutlinePanel {
    list: List,
}

impl OutlinePanel {
    /// The outline with `current` (the section being read) selected.
    pub fn new(current: Option<usize>) -> Self {
        let list = List::new(current.unwrap_or(0));
        Self { list }
    }
}

impl Panel for OutlinePanel {
    fn overlay(&self) -> Overlay {
        Overlay::Outline {
            selected: self.list.selected,
        }
    }

    fn handle(&mut self, action: &Action, ctx: &Context) -> PanelOutcome {
        (self.list).handle(action, ctx.outline.len(), ctx, PanelOutcome::Section)
    }

    fn draw(&self, ctx: &Context, _area: Rect, buf: &mut Buffer) {
        let current = ctx.current;
        let rtl = ctx.doc.direction == Direction::Rtl;
        let sections = &ctx.doc.sections;
        self.list.draw(
            ctx,
            buf,
            " outline ",
            ctx.outline,
            "",
            |buf, inner, y, index, at| {
                let style = self.list.row_style(ctx, index, StyleKey::Outline);
                let section = sections.get(*at);
                let level = section.map_or(1, |s| s.level);
                let heading = section.and_then(|s| s.heading.as_deref()).unwrap_or("");
                let marker = if current == Some(index) { "•" } else { " " };
                // Numbers line up on the side next to the marker: padded after them, which for an
                // RTL row (its parts mirrored) is also toward the marker.
                let number = if rtl {
                    format!("{:<2}", index + 1)
                } else {
                    format!("{:>2}", index + 1)
                };
                let indent = " ".repeat(2 * usize::from(level.saturating_sub(1)) + 1);
                let lead = [marker, number.as_str(), indent.as_str()];
                let row = Row {
                    lead: &lead,
                    text: heading,
                    tail: "",
                    style,
                };
                row.paint(ctx, buf, inner, y);
            },
        );
    }
}
