//! Reveal mode in the reader: `R` swaps the page composer for the one with bidi controls and
//! invisible characters shown as labels (or back), keeping the text at the top of the view; an
//! article whose hidden controls change its order says so once, in the status line at start.

use super::app::{App, ReaderOptions};
use crate::document::Document;
use crate::layout::hidden::HiddenControls;

/// What the status line says when reveal is off and the article's controls reorder its text.
pub const HIDDEN_WARNING: &str = "hidden bidi controls \u{2014} R to reveal";

/// The status message at start: the options' own, and the warning when it is due.
pub(super) fn start_message(doc: &Document, options: &ReaderOptions) -> Option<String> {
    let warn = !options.reveal
        && options.reveal_compose.is_some()
        && HiddenControls::of_document(doc).reorder;
    match (options.message.clone(), warn) {
        (Some(message), true) => Some(format!("{HIDDEN_WARNING}; {message}")),
        (None, true) => Some(HIDDEN_WARNING.to_owned()),
        (message, false) => message,
    }
}

impl App {
    /// Composes the page again with reveal mode the other way round.
    pub(super) fn toggle_reveal(&mut self) {
        let Some(other) = self.options.reveal_compose.take() else {
            self.message = Some("reveal is not available here".to_owned());
            return;
        };
        let previous = std::mem::replace(&mut self.options.compose, other);
        self.options.reveal_compose = Some(previous);
        self.revealing = !self.revealing;
        let anchor = self.top_anchor();
        self.cache.clear();
        let width = self.page.width;
        self.relayout(width, anchor);
        self.top = self.top.min(self.max_top());
        let on = self.options.reveal != self.revealing;
        self.message = Some(format!("reveal {}", if on { "on" } else { "off" }));
    }
}
