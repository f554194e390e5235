//! Panels over the text: the help, the outline, the entity panel and the links panel.
//!
//! Each panel is a component of its own ([`Panel`]): it keeps its state (a selection, a scroll),
//! draws itself over the article and answers the actions sent while it is open with a
//! [`PanelOutcome`] — what the reader must do next (close it, go to a section, hand the action to
//! the article…). The reader holds at most one panel and only dispatches to it; a panel reads the
//! reader ([`App`]) but never changes it. Keys still reach a panel as [`Action`]s, through the one
//! key table (src/ui/action.rs).

mod entities;
mod help;
pub(super) use help::draw_keys;
mod links;
mod list;
mod outline;

pub(super) use entities::EntityPanel;
pub(super) use help::HelpPanel;
pub(super) use links::LinksPanel;
pub(super) use outline::OutlinePanel;

use super::action::Action;
use super::effect::Effect;
use super::entities::EntityRow;
use super::links::Link;
use crate::document::Document;
use crate::theme::StyleKey;
use crate::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Clear, Widget};

/// What covers the text, if anything, and where its selection is: how tests and the terminal
/// loop see the open panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help { scroll: usize },
    Outline { selected: usize },
    Entities { selected: usize },
    Links { selected: usize },
}

impl Overlay {
    /// The name the status line shows while the panel is open.
    pub fn mode(&self) -> Option<&'static str> {
        match self {
            Overlay::None => None,
            Overlay::Help { .. } => Some("HELP"),
            Overlay::Outline { .. } => Some("OUTLINE"),
            Overlay::Entities { .. } => Some("ENTITIES"),
            Overlay::Links { .. } => Some("LINKS"),
        }
    }
}

/// What the reader does after a panel took an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum PanelOutcome {
    /// The action was the panel's own; it stays open.
    Stay,
    /// The panel stays open and the status line says this.
    Say(String),
    /// The panel stays open and the terminal loop performs this.
    Effect(Effect),
    /// Not the panel's action: the panel closes and the article takes the action.
    Pass,
    /// Go to the heading of the outline's row (closing the panel when there is one).
    Section(usize),
    /// Step through the mentions of the entity panel's row (closing the panel when there are).
    Mentions(usize),
}

/// What a panel reads of the reader: the article, the rows it lists, and how to paint.
pub(super) struct Context<'a> {
    pub doc: &'a Document,
    pub theme: &'a Theme,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    /// Whether sahifa reorders what it draws (see `ReaderOptions::reorder`).
    pub reorder: bool,
    /// How lines the reader lays out itself are embedded for a terminal that reorders rows
    /// read left to right (see `paint::reader_line`).
    pub embedding: Option<bool>,
    /// The sections that have a heading, in order.
    pub outline: &'a [usize],
    /// The index into `outline` of the section being read.
    pub current: Option<usize>,
    pub entities: &'a [EntityRow],
    pub links: &'a [Link],
}

impl Context<'_> {
    /// Rows a page key moves a panel's selection by.
    pub fn panel_rows(&self) -> usize {
        usize::from(self.size.1.saturating_sub(3)).max(1)
    }
}

/// One panel over the text.
pub(super) trait Panel {
    /// What is open and its selection.
    fn overlay(&self) -> Overlay;
    /// Takes an action sent while the panel is open.
    fn handle(&mut self, action: &Action, ctx: &Context) -> PanelOutcome;
    /// Paints the panel over the reader's `area`.
    fn draw(&self, ctx: &Context, area: Rect, buf: &mut Buffer);
    /// The part of `area` the panel covers (pictures are not drawn there): a list panel's by
    /// default.
    fn covers(&self, ctx: &Context, _area: Rect) -> Option<Rect> {
        list::List::area(ctx)
    }
}

/// A panel's box: cleared, bordered, titled in the theme's panel styles; the room inside.
fn frame(ctx: &Context, area: Rect, buf: &mut Buffer, title: &str) -> Rect {
    boxed(ctx.theme, area, buf, title)
}

/// [`frame`] with the theme alone, for views that are not the reader (the feed list's help).
fn boxed(theme: &Theme, area: Rect, buf: &mut Buffer, title: &str) -> Rect {
    Clear.render(area, buf);
    let block = Block::bordered()
        .title(title)
        .style(theme.style(StyleKey::Panel))
        .border_style(theme.style(StyleKey::PanelBorder));
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// What `o` says anywhere but in the links panel.
pub(super) const NO_LINK: &str = "o opens a link of the links panel (L)";

fn no_link_to_open() -> PanelOutcome {
    PanelOutcome::Say(NO_LINK.to_owned())
}

#[cfg(test)]
mod tests {
    use super::Overlay;
    use crate::ui::action::Action;
    use crate::ui::app::App;
    use crate::ui::tests::{fixture_doc, options};
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;

    fn status_row(app: &App) -> String {
        let area = Rect::new(0, 0, 60, 20);
        let mut buf = Buffer::empty(area);
        app.render(area, &mut buf);
        (0..area.width).map(|x| buf[(x, 19)].symbol()).collect()
    }

    #[test]
    fn another_panel_replaces_the_open_one_and_the_status_line_names_it() {
        let mut app = App::with_size(fixture_doc(), options(), 60, 20);
        let panels = [
            (Action::ToggleOutline, "OUTLINE"),
            (Action::ToggleEntityPanel, "ENTITIES"),
            (Action::ToggleLinks, "LINKS"),
            (Action::ToggleHelp, "HELP"),
        ];
        for (toggle, mode) in panels {
            app.handle(toggle);
            assert_ne!(app.overlay(), Overlay::None, "{mode} open");
            assert!(
                status_row(&app).contains(mode),
                "{mode}: {}",
                status_row(&app)
            );
            let others = panels.iter().filter(|(_, m)| *m != mode);
            for (_, other) in others {
                assert!(!status_row(&app).contains(other), "{other} is not open");
            }
        }
        app.handle(Action::ToggleHelp);
        assert_eq!(app.overlay(), Overlay::None, "the same key closes it");
    }

    #[test]
    fn o_outside_the_links_panel_says_so_and_the_panel_stays() {
        let mut app = App::with_size(fixture_doc(), options(), 60, 20);
        for toggle in [
            Action::ToggleOutline,
            Action::ToggleEntityPanel,
            Action::ToggleHelp,
        ] {
            app.handle(toggle);
            let open = app.overlay();
            let effects = app.handle(Action::OpenExternal);
            assert!(effects.is_empty());
            assert_eq!(app.overlay(), open);
            assert_eq!(app.message(), Some("o opens a link of the links panel (L)"));
        }
    }
}
