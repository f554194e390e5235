//! Inline HTML content → [`RichText`], with whitespace collapsed as a browser shows it.

use crate::document::{Inline, RichText};
use std::ops::Range;

fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C')
}

/// An element's text, whitespace collapsed.
pub fn element_text(el: &scraper::ElementRef<'_>) -> String {
    collapse(&el.text().collect::<String>())
}

/// `raw` with runs of HTML whitespace collapsed to one space and the ends trimmed.
pub fn collapse(raw: &str) -> String {
    let mut out = RichBuf::default();
    out.push_text(raw);
    out.take().text
}

/// A paragraph being built from text nodes and inline elements.
#[derive(Debug, Default)]
pub struct RichBuf {
    text: String,
    spans: Vec<(Range<usize>, Inline)>,
}

impl RichBuf {
    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn is_blank(&self) -> bool {
        self.text.chars().all(is_html_space)
    }

    pub fn push_text(&mut self, raw: &str) {
        let mut pending_space = false;
        for c in raw.chars() {
            if is_html_space(c) {
                pending_space = true;
                continue;
            }
            if pending_space && !self.text.is_empty() && !self.text.ends_with([' ', '\n']) {
                self.text.push(' ');
            }
            pending_space = false;
            self.text.push(c);
        }
        if pending_space && !self.text.is_empty() && !self.text.ends_with([' ', '\n']) {
            self.text.push(' ');
        }
    }

    /// A `<br>`: a line break inside the paragraph.
    pub fn push_break(&mut self) {
        let kept = self.text.trim_end_matches(' ').len();
        self.text.truncate(kept);
        self.text.push('\n');
    }

    pub fn add_span(&mut self, range: Range<usize>, inline: Inline) {
        if range.start < range.end {
            self.spans.push((range, inline));
        }
    }

    /// The paragraph so far, trimmed, and an empty buffer.
    pub fn take(&mut self) -> RichText {
        RichText {
            text: std::mem::take(&mut self.text),
            spans: std::mem::take(&mut self.spans),
        }
        .trim_matches(is_html_space)
    }
}
