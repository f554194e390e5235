//! The outline (`t`, `Tab`): the sections that have a heading, numbered and indented by level,
//! the one being read marked; `Enter` (or a click) goes to the selected heading.

use super::list::{List, Row};
use super::{Overlay, Panel, PanelOutcome};
use crate::document::Direction;
use crate::theme::StyleKey;
use crate::ui::action::Action;
use crate::ui::app::App;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub(in crate::ui) struct OutlinePanel {
    list: List,
}

impl OutlinePanel {
    /// The outline with the section being read selected.
    pub fn new(app: &App) -> Self {
        let list = List::new(app.current_heading().unwrap_or(0));
        Self { list }
    }
}

impl Panel for OutlinePanel {
    fn overlay(&self) -> Overlay {
        Overlay::Outline {
            selected: self.list.selected,
        }
    }

    fn handle(&mut self, action: &Action, app: &App) -> PanelOutcome {
        (self.list).handle(action, app.outline.len(), app, PanelOutcome::Section)
    }

    fn draw(&self, app: &App, _area: Rect, buf: &mut Buffer) {
        let current = app.current_heading();
        let rtl = app.doc.direction == Direction::Rtl;
        let sections = &app.doc.sections;
        self.list.draw(
            app,
            buf,
            " outline ",
            &app.outline,
            "",
            |buf, inner, y, index, at| {
                let style = self.list.row_style(app, index, StyleKey::Outline);
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
                row.paint(app, buf, inner, y);
            },
        );
    }
}
