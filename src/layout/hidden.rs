//! Hidden bidi controls: how many an article holds, and whether they change what it shows.
//!
//! Rule: a text *reorders* when it holds an override (LRO, RLO: they reverse whatever they
//! cover, the Trojan Source trick), or when laying it out with its bidi controls gives another
//! visual order than laying it out without them (an isolate or embedding that moves a word).
//! Controls that only confirm what the text does anyway (an RLM after an Arabic word) are
//! counted but do not reorder. Each text is compared as one unwrapped, unshaped paragraph.

use super::controls::is_bidi_control;
use super::{LayoutOptions, layout_paragraph};
use crate::document::{Block, Document};

/// The bidi controls of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct HiddenControls {
    /// Bidi controls (LRE RLE PDF LRO RLO LRI RLI FSI PDI LRM RLM ALM) in all its text.
    pub count: usize,
    /// Whether any of them changes the order of what is shown.
    pub reorder: bool,
}

impl HiddenControls {
    /// The controls of one text.
    pub fn of_text(text: &str) -> Self {
        let count = crate::layout::controls::count_bidi_controls(text);
        let reorder = count > 0
            && (text.contains(['\u{202D}', '\u{202E}']) || {
                let options = LayoutOptions {
                    shape: false,
                    ..LayoutOptions::default()
                };
                let stripped: String = text.chars().filter(|&c| !is_bidi_control(c)).collect();
                let shown = |t: &str| {
                    layout_paragraph::<()>(t, &[], &options)
                        .lines
                        .into_iter()
                        .map(|l| l.text)
                        .collect::<Vec<_>>()
                };
                shown(text) != shown(&stripped)
            });
        Self { count, reorder }
    }

    /// The controls of every text of `doc`: title, subtitle, headings, blocks, figure sources
    /// and alternative texts.
    pub fn of_document(doc: &Document) -> Self {
        let mut all = Self::default();
        let mut add = |text: &str| {
            let one = Self::of_text(text);
            all.count += one.count;
            all.reorder |= one.reorder;
        };
        add(&doc.title);
        doc.subtitle.as_deref().map(&mut add);
        for section in &doc.sections {
            section.heading.as_deref().map(&mut add);
            for block in &section.blocks {
                block.texts().into_iter().for_each(&mut add);
                if let Block::Figure { src, alt, .. } = block {
                    add(src);
                    add(alt);
                }
            }
        }
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_override_always_reorders() {
        let found = HiddenControls::of_text("user \u{202E}nimda\u{202C} admin");
        assert_eq!(
            found,
            HiddenControls {
                count: 2,
                reorder: true
            }
        );
    }

    #[test]
    fn an_isolate_reorders_only_when_it_moves_text() {
        // An RLI around Latin in an LTR line changes nothing; around "abc 123" after Hebrew it
        // moves the number.
        assert!(!HiddenControls::of_text("see \u{2067}abc\u{2069} here").reorder);
        assert!(HiddenControls::of_text("שלום \u{2066}abc\u{2069} 123 def").reorder);
        assert!(!HiddenControls::of_text("مرحبا\u{200F} 5").reorder);
        assert_eq!(HiddenControls::of_text("plain").count, 0);
    }
}
