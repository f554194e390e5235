//! Themes: styles named by meaning (`heading`, `callout.border`, `entity.person`,
//! `search.match`…), never by colour, turned into ratatui styles at render time only.
//!
//! The page (`page`: the paper and its default ink) is apart from the meanings: the reader
//! paints it under every cell, and each meaning's style, `body` text's included, is laid over
//! it. `sahifa print` paints no page, so printed text keeps the terminal's own colours.
//!
//! The default theme (dark) is compiled in; the other built-in themes and any user file are
//! patched over it, style by style: a style named in a file replaces the default's, the rest are
//! kept. A bad file is reported (the error names the file) and the caller keeps the default.
//! `NO_COLOR` strips colours but keeps bold, italic, underline and reverse.

mod file;

use crate::document::EntityKind;
use crate::page::{Role, Tag};
use ratatui::style::{Color, Modifier, Style};
use std::path::PathBuf;

/// The built-in themes, in the order `T` cycles through them; the first is the default.
pub const BUILTIN: [&str; 3] = ["dark", "light", "high-contrast"];

const DARK: &str = include_str!("../themes/dark.toml");
const LIGHT: &str = include_str!("../themes/light.toml");
const HIGH_CONTRAST: &str = include_str!("../themes/high-contrast.toml");

macro_rules! style_keys {
    ($($key:ident => $name:literal,)*) => {
        /// Every style a theme names.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum StyleKey { $($key,)* }

        impl StyleKey {
            pub const ALL: &[StyleKey] = &[$(StyleKey::$key,)*];

            /// The name used in theme files.
            pub fn name(self) -> &'static str {
                match self { $(StyleKey::$key => $name,)* }
            }

            pub fn from_name(name: &str) -> Option<StyleKey> {
                match name { $($name => Some(StyleKey::$key),)* _ => None }
            }
        }
    };
}

style_keys! {
    Page => "page",
    Body => "body",
    Title => "title",
    Subtitle => "subtitle",
    Meta => "meta",
    Heading => "heading",
    Quote => "quote",
    QuoteBar => "quote.bar",
    Attribution => "quote.attribution",
    ListMarker => "list.marker",
    Code => "code",
    InlineCode => "code.inline",
    CalloutBorder => "callout.border",
    CalloutValue => "callout.value",
    CalloutText => "callout.text",
    FigureBorder => "figure.border",
    FigureCaption => "figure.caption",
    FigureAlt => "figure.alt",
    FigureSource => "figure.source",
    TableBorder => "table.border",
    TableHeader => "table.header",
    Rule => "rule",
    Link => "link",
    Emphasis => "emphasis",
    Strong => "strong",
    EntityPerson => "entity.person",
    EntityPlace => "entity.place",
    EntityOrganization => "entity.organization",
    EntityDate => "entity.date",
    EntityNumber => "entity.number",
    EntityQuote => "entity.quote",
    SearchMatch => "search.match",
    SearchCurrent => "search.current",
    Selection => "selection",
    Status => "status",
    StatusMode => "status.mode",
    StatusError => "status.error",
    Outline => "outline",
    OutlineSelected => "outline.selected",
    Help => "help",
    HelpKey => "help.key",
    Panel => "panel",
    PanelBorder => "panel.border",
    Reveal => "reveal",
}

impl StyleKey {
    /// The style of a page role.
    pub fn of_role(role: Role) -> StyleKey {
        match role {
            Role::Body => StyleKey::Body,
            Role::Title => StyleKey::Title,
            Role::Subtitle => StyleKey::Subtitle,
            Role::Meta => StyleKey::Meta,
            Role::Heading => StyleKey::Heading,
            Role::Quote => StyleKey::Quote,
            Role::QuoteBar => StyleKey::QuoteBar,
            Role::Attribution => StyleKey::Attribution,
            Role::ListMarker => StyleKey::ListMarker,
            Role::Code => StyleKey::Code,
            Role::CalloutBorder => StyleKey::CalloutBorder,
            Role::CalloutValue => StyleKey::CalloutValue,
            Role::CalloutText => StyleKey::CalloutText,
            Role::FigureBorder => StyleKey::FigureBorder,
            Role::FigureCaption => StyleKey::FigureCaption,
            Role::FigureAlt => StyleKey::FigureAlt,
            Role::FigureSource => StyleKey::FigureSource,
            Role::TableBorder => StyleKey::TableBorder,
            Role::TableHeader => StyleKey::TableHeader,
            Role::Rule => StyleKey::Rule,
        }
    }

    pub fn of_entity(kind: EntityKind) -> StyleKey {
        match kind {
            EntityKind::Person => StyleKey::EntityPerson,
            EntityKind::Place => StyleKey::EntityPlace,
            EntityKind::Organization => StyleKey::EntityOrganization,
            EntityKind::Date => StyleKey::EntityDate,
            EntityKind::Number => StyleKey::EntityNumber,
            EntityKind::Quote => StyleKey::EntityQuote,
        }
    }
}

/// A theme file that could not be used; the message names the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("theme {path}: {reason}")]
pub struct ThemeError {
    pub path: PathBuf,
    pub reason: String,
}

/// A complete set of styles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub name: String,
    styles: Vec<Style>,
}

impl Default for Theme {
    /// The compiled-in dark theme.
    fn default() -> Self {
        let base = Theme {
            name: String::new(),
            styles: vec![Style::default(); StyleKey::ALL.len()],
        };
        // The compiled-in file is tested to parse; an empty theme is the safe fallback.
        file::patch(base.clone(), DARK, "dark").unwrap_or(base)
    }
}

impl Theme {
    /// A built-in theme by name.
    pub fn builtin(name: &str) -> Option<Theme> {
        let text = match name {
            "dark" => return Some(Theme::default()),
            "light" => LIGHT,
            "high-contrast" => HIGH_CONTRAST,
            _ => return None,
        };
        file::patch(Theme::default(), text, name).ok()
    }

    /// A built-in theme name, or a theme file patched over its `base` (default: dark).
    pub fn load(spec: &str) -> Result<Theme, ThemeError> {
        if let Some(theme) = Theme::builtin(spec) {
            return Ok(theme);
        }
        let path = PathBuf::from(spec);
        let error = |reason: String| ThemeError {
            path: path.clone(),
            reason,
        };
        let text = std::fs::read_to_string(&path)
            .map_err(|e| error(format!("{e} (built-in themes: {})", BUILTIN.join(", "))))?;
        let name = path
            .file_stem()
            .map_or_else(|| spec.to_owned(), |s| s.to_string_lossy().into_owned());
        file::load(&text, &name).map_err(error)
    }

    /// The theme `spec` names, or the default with the reason when it cannot be used.
    pub fn resolve(spec: Option<&str>) -> (Theme, Option<ThemeError>) {
        match spec.map(Theme::load) {
            None => (Theme::default(), None),
            Some(Ok(theme)) => (theme, None),
            Some(Err(e)) => (Theme::default(), Some(e)),
        }
    }

    /// The built-in theme after this one (by name), for cycling.
    pub fn next_builtin(&self) -> Theme {
        let i = BUILTIN.iter().position(|n| *n == self.name);
        let next = i.map_or(0, |i| (i + 1) % BUILTIN.len());
        Theme::builtin(BUILTIN[next]).unwrap_or_default()
    }

    pub fn style(&self, key: StyleKey) -> Style {
        self.styles[key as usize]
    }

    pub(crate) fn set(&mut self, key: StyleKey, style: Style) {
        self.styles[key as usize] = style;
    }

    /// The style of a character with `tag`: its role's, then inline marks, then its entity kind
    /// when `entities` (highlighting) is on. The page is not in it: whoever paints the page
    /// (the reader) lays this over it.
    pub fn tag_style(&self, tag: &Tag, entities: bool) -> Style {
        let mut style = self.style(StyleKey::of_role(tag.role));
        let marks = [
            (tag.emphasis, StyleKey::Emphasis),
            (tag.strong, StyleKey::Strong),
            (tag.code && tag.role != Role::Code, StyleKey::InlineCode),
            (tag.link, StyleKey::Link),
        ];
        for (_, key) in marks.into_iter().filter(|(on, _)| *on) {
            style = style.patch(self.style(key));
        }
        if let Some(kind) = tag.entity.filter(|_| entities) {
            style = style.patch(self.style(StyleKey::of_entity(kind)));
        }
        if tag.revealed {
            style = style.patch(self.style(StyleKey::Reveal));
        }
        style
    }

    /// This theme with every colour removed (modifiers kept), for `NO_COLOR`. What colour
    /// alone told apart is then told by attributes: search matches, the selected panel row and
    /// the status line are reversed (the current match also bold and underlined), entities
    /// underlined when highlighted.
    pub fn without_colors(&self) -> Theme {
        let mut theme = self.clone();
        for style in &mut theme.styles {
            style.fg = None;
            style.bg = None;
            style.underline_color = None;
        }
        let marks = [
            (StyleKey::SearchMatch, Modifier::REVERSED),
            (
                StyleKey::SearchCurrent,
                Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED,
            ),
            (StyleKey::OutlineSelected, Modifier::REVERSED),
            (StyleKey::Selection, Modifier::REVERSED),
            (StyleKey::Status, Modifier::REVERSED),
            (StyleKey::Reveal, Modifier::REVERSED),
        ];
        let entities =
            EntityKind::ALL.map(|kind| (StyleKey::of_entity(kind), Modifier::UNDERLINED));
        for (key, modifier) in marks.into_iter().chain(entities) {
            let style = theme.style(key).add_modifier(modifier);
            theme.set(key, style);
        }
        theme
    }

    /// Whether any style has a colour (false after [`Theme::without_colors`]).
    pub fn has_colors(&self) -> bool {
        self.styles
            .iter()
            .any(|s| s.fg.is_some_and(|c| c != Color::Reset) || s.bg.is_some())
    }
}

/// Whether the user asked for no colour (`NO_COLOR` set and not empty, per no-color.org).
pub fn no_color_requested() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

#[cfg(test)]
mod tests;
