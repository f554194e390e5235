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
mod links;
mod list;
mod outline;

pub(super) use entities::EntityPanel;
pub(super) use help::HelpPanel;
pub(super) use links::LinksPanel;
pub(super) use outline::OutlinePanel;

use super::action::Action;
use super::app::App;
use super::effect::Effect;
use crate::theme::StyleKey;
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

/// One panel over the text.
pub(super) trait Panel {
    /// What is open and its selection.
    fn overlay(&self) -> Overlay;
    /// The name the status line shows while the panel is open.
    fn mode(&self) -> &'static str;
    /// Takes an action sent while the panel is open.
    fn handle(&mut self, action: &Action, app: &App) -> PanelOutcome;
    /// Paints the panel over the reader's `area`.
    fn draw(&self, app: &App, area: Rect, buf: &mut Buffer);
    /// The part of `area` the panel covers (pictures are not drawn there).
    fn covers(&self, app: &App, area: Rect) -> Option<Rect>;
}

/// A panel's box: cleared, bordered, titled in the theme's panel styles; the room inside.
fn frame(app: &App, area: Rect, buf: &mut Buffer, title: &str) -> Rect {
    let theme = app.theme();
    Clear.render(area, buf);
    let block = Block::bordered()
        .title(title)
        .style(theme.style(StyleKey::Panel))
        .border_style(theme.style(StyleKey::PanelBorder));
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// The "o" key anywhere but in the links panel.
fn no_link_to_open() -> PanelOutcome {
    PanelOutcome::Say("o opens a link of the links panel (L)".to_owned())
}
