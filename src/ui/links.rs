//! The article's links, for the links panel (`L`): every inline link of the document in
//! reading order (sections, then blocks, then each block's texts, then spans by position),
//! with its text and target.
//!
//! A link is *suspicious* when its text or its URL holds a bidi control or an invisible
//! character, or a word that mixes Latin letters with Cyrillic or Greek ones (the look-alike
//! trick: "pаypal" with a Cyrillic а); the panel shows such a row in the `reveal` style, and
//! its text with the controls written out as labels.

use crate::document::{Block, Document, Inline, RichText};
use crate::layout::controls::{is_bidi_control, reveal_label};

/// One link of the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The linked text (the URL itself when the text is blank).
    pub text: String,
    pub url: String,
}

impl Link {
    /// Whether the text or the URL may show something other than what it is.
    pub fn suspicious(&self) -> bool {
        deceptive(&self.text) || deceptive(&self.url)
    }
}

/// The links of `doc`, in reading order.
pub fn gather(doc: &Document) -> Vec<Link> {
    let mut links = Vec::new();
    let mut add = |rich: &RichText| {
        let mut spans: Vec<_> = rich
            .spans
            .iter()
            .filter_map(|(range, inline)| match inline {
                Inline::Link(url) => Some((range.clone(), url)),
                _ => None,
            })
            .collect();
        spans.sort_by_key(|(range, _)| range.start);
        for (range, url) in spans {
            let text = rich.text.get(range).unwrap_or_default().trim();
            let text = if text.is_empty() { url.as_str() } else { text };
            links.push(Link {
                text: text.to_owned(),
                url: url.clone(),
            });
        }
    };
    for section in &doc.sections {
        for block in &section.blocks {
            match block {
                Block::Paragraph(t)
                | Block::Quote { text: t, .. }
                | Block::Callout { text: t, .. } => add(t),
                Block::List { items, .. } => items.iter().for_each(&mut add),
                Block::Table { rows, .. } => rows.iter().flatten().for_each(&mut add),
                Block::Code { .. } | Block::Figure { .. } | Block::Rule => {}
            }
        }
    }
    links
}

/// `text` with its bidi controls and invisible characters written out as labels (`[RLO]`),
/// so that what the panel shows is what the text holds; control characters are dropped.
pub fn labelled(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match reveal_label(c) {
            Some(label) => out.push_str(&label),
            None if c.is_control() => {}
            None => out.push(c),
        }
    }
    out
}

/// Whether `text` holds a bidi control, an invisible format character, or a word mixing
/// Latin with Cyrillic or Greek letters.
fn deceptive(text: &str) -> bool {
    let invisible = |c: char| {
        is_bidi_control(c)
            || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}')
    };
    if text.chars().any(invisible) {
        return true;
    }
    text.split(|c: char| !c.is_alphanumeric()).any(|word| {
        let latin = word.chars().any(|c| c.is_ascii_alphabetic());
        let look_alike = word
            .chars()
            .any(|c| matches!(c, '\u{0370}'..='\u{03FF}' | '\u{0400}'..='\u{04FF}'));
        latin && look_alike
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Section;

    fn linked(text: &str, spans: &[(std::ops::Range<usize>, &str)]) -> Block {
        Block::Paragraph(RichText {
            text: text.to_owned(),
            spans: spans
                .iter()
                .map(|(r, url)| (r.clone(), Inline::Link((*url).to_owned())))
                .collect(),
        })
    }

    #[test]
    fn links_come_in_reading_order_with_their_text() {
        let doc = Document {
            sections: vec![Section {
                heading: None,
                level: 1,
                blocks: vec![
                    linked(
                        "اقرأ هنا أو هناك",
                        &[
                            (21..29, "https://b.example/"),
                            (9..15, "https://a.example/"),
                        ],
                    ),
                    linked("  ", &[(0..2, "https://c.example/")]),
                ],
            }],
            ..Document::default()
        };
        let links = gather(&doc);
        let urls: Vec<&str> = links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(
            urls,
            [
                "https://a.example/",
                "https://b.example/",
                "https://c.example/"
            ]
        );
        assert_eq!(links[0].text, "هنا");
        assert_eq!(links[2].text, "https://c.example/");
    }

    #[test]
    fn controls_and_look_alikes_are_suspicious_plain_links_are_not() {
        let link = |text: &str, url: &str| Link {
            text: text.to_owned(),
            url: url.to_owned(),
        };
        assert!(!link("الموقع", "https://example.com/a?b=1").suspicious());
        assert!(!link("Москва", "https://example.ru/").suspicious());
        assert!(link("p\u{0430}ypal", "https://example.com/").suspicious());
        assert!(link("bank", "https://ex\u{202E}moc.lapyap").suspicious());
        assert!(link("a\u{200B}b", "https://example.com/").suspicious());
    }
}
