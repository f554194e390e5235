//! What the reader asks of the world outside it: [`App::handle`](super::App::handle) changes
//! the state and returns these; only the terminal loop (`commands::read`) performs them, and
//! headless drivers (`sahifa shot`, tests) look at them or drop them.
//!
//! An effect is something plain state cannot do by itself: stop the process, leave, and — as
//! the reader grows — write to the clipboard (OSC 52), open a URL in the system browser, load
//! another source (a link, a feed item), ring the bell. Each new one is a variant here and an
//! arm in the loop's `perform`; the app never touches the terminal.

/// One thing for the terminal loop to do, in the order returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Leave the reader (the terminal is restored and the position saved by the loop).
    Quit,
    /// Stop the process as Ctrl-Z does in a shell; redraw everything when continued.
    Suspend,
    /// Put this text on the system clipboard (written to the terminal as OSC 52).
    Copy(String),
    /// Load this source and push it as a new view (a feed item's link); a failure is a
    /// status-line message on the current view.
    Open(crate::source::Source),
    /// Hand this URL to the system opener (`$BROWSER`, else `xdg-open` or `open`).
    Browse(String),
    /// Load this feed again and hand it to the feed list shown (`r`).
    Reload(crate::source::Source),
}
