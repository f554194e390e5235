//! The styles the reader paints with, resolved from a theme once per theme change.
//!
//! Text pieces carry semantic tags (role, inline marks, entity kind); this maps them to ratatui
//! styles, plus the reader's own surfaces (status line, panels, search matches). Colours come
//! only from themes; [`Palette::plain`] uses attributes alone, so it is also what `NO_COLOR` gets.

use crate::document::EntityKind;
use crate::page::{Role, Tag};
use ratatui::style::{Modifier, Style};
use std::collections::HashMap;

/// Resolved styles of one theme.
#[derive(Debug, Clone)]
pub struct Palette {
    pub name: String,
    pub base: Style,
    pub roles: HashMap<Role, Style>,
    pub entities: HashMap<EntityKind, Style>,
    pub emphasis: Style,
    pub strong: Style,
    pub code: Style,
    pub link: Style,
    pub search_match: Style,
    pub search_current: Style,
    pub status: Style,
    pub panel: Style,
    pub panel_border: Style,
    pub panel_selected: Style,
}

impl Palette {
    /// Attributes only, no colours.
    pub fn plain() -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let italic = Style::new().add_modifier(Modifier::ITALIC);
        let dim = Style::new().add_modifier(Modifier::DIM);
        let roles = [
            (Role::Title, bold),
            (Role::Heading, bold),
            (Role::Subtitle, italic),
            (Role::Meta, dim),
            (Role::QuoteBar, dim),
            (Role::Attribution, italic),
            (Role::CalloutValue, bold),
            (Role::CalloutBorder, dim),
            (Role::FigureBorder, dim),
            (Role::FigureAlt, dim),
            (Role::FigureCaption, italic),
            (Role::TableBorder, dim),
            (Role::Rule, dim),
        ];
        let underline = Style::new().add_modifier(Modifier::UNDERLINED);
        Palette {
            name: "plain".to_owned(),
            base: Style::new(),
            roles: roles.into_iter().collect(),
            entities: EntityKind::ALL.iter().map(|k| (*k, underline)).collect(),
            emphasis: italic,
            strong: bold,
            code: Style::new(),
            link: underline,
            search_match: Style::new().add_modifier(Modifier::REVERSED),
            search_current: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            status: Style::new().add_modifier(Modifier::REVERSED),
            panel: Style::new(),
            panel_border: bold,
            panel_selected: Style::new().add_modifier(Modifier::REVERSED),
        }
    }

    /// The style of a piece of page text.
    pub fn text(&self, tag: &Tag, entities_on: bool) -> Style {
        let mut style = self.base;
        if let Some(role) = self.roles.get(&tag.role) {
            style = style.patch(*role);
        }
        for (on, mark) in [
            (tag.emphasis, self.emphasis),
            (tag.strong, self.strong),
            (tag.code, self.code),
            (tag.link, self.link),
        ] {
            if on {
                style = style.patch(mark);
            }
        }
        if entities_on && let Some(entity) = tag.entity.and_then(|k| self.entities.get(&k)) {
            style = style.patch(*entity);
        }
        style
    }
}
