//! Links and picture sources of an article fetched from a URL, made absolute against it.
//!
//! Every `href` of a link span and every figure `src` that is relative (`/a`, `../b.jpg`,
//! `#note`, `//cdn.example/c.png`) is joined to the page's URL by the WHATWG URL rules; an
//! absolute one (any scheme, `data:` included) and one that does not parse stay as written.
//! HTML pages are resolved against `<base href>` before this, by the extractor.

use crate::document::{Block, Document, Inline, RichText};
use url::Url;

/// Makes `document`'s relative links and figure sources absolute against `base`.
pub fn resolve(document: &mut Document, base: &str) {
    let Ok(base) = Url::parse(base) else {
        return;
    };
    for block in document.sections.iter_mut().flat_map(|s| &mut s.blocks) {
        match block {
            Block::Figure { src, .. } => absolutize(&base, src),
            Block::Paragraph(text) | Block::Quote { text, .. } | Block::Callout { text, .. } => {
                links_in(&base, text)
            }
            Block::List { items, .. } => items.iter_mut().for_each(|t| links_in(&base, t)),
            Block::Table { rows, .. } => rows.iter_mut().flatten().for_each(|t| links_in(&base, t)),
            Block::Code { .. } | Block::Rule => {}
        }
    }
}

fn links_in(base: &Url, text: &mut RichText) {
    for (_, inline) in &mut text.spans {
        if let Inline::Link(href) = inline {
            absolutize(base, href);
        }
    }
}

fn absolutize(base: &Url, reference: &mut String) {
    let trimmed = reference.trim();
    if trimmed.is_empty() || Url::parse(trimmed).is_ok() {
        return;
    }
    if let Ok(joined) = base.join(trimmed) {
        *reference = joined.into();
    }
}

#[cfg(test)]
mod tests {
    use super::resolve;
    use crate::document::{Block, Document, Inline, RichText, Section};

    #[test]
    fn relative_references_join_the_page_url_and_absolute_ones_stay() {
        let link = |href: &str| RichText {
            text: "x".into(),
            spans: vec![(0..1, Inline::Link(href.into()))],
        };
        let figure = |src: &str| Block::Figure {
            src: src.into(),
            alt: String::new(),
            caption: String::new(),
        };
        let mut doc = Document {
            sections: vec![Section {
                blocks: vec![
                    Block::Paragraph(link("../other.html")),
                    Block::Paragraph(link("mailto:a@example.org")),
                    Block::List {
                        ordered: false,
                        items: vec![link("#note")],
                    },
                    figure("img/a.jpg"),
                    figure("//cdn.example.net/b.png"),
                    figure("https://elsewhere.example/c.png"),
                ],
                ..Section::default()
            }],
            ..Document::default()
        };
        resolve(&mut doc, "https://news.example/world/story.html?id=1");
        let hrefs: Vec<String> = doc.sections[0]
            .blocks
            .iter()
            .map(|b| match b {
                Block::Figure { src, .. } => src.clone(),
                Block::Paragraph(t) => format!("{:?}", t.spans[0].1),
                Block::List { items, .. } => format!("{:?}", items[0].spans[0].1),
                _ => String::new(),
            })
            .collect();
        assert_eq!(
            hrefs,
            [
                "Link(\"https://news.example/other.html\")",
                "Link(\"mailto:a@example.org\")",
                "Link(\"https://news.example/world/story.html?id=1#note\")",
                "https://news.example/world/img/a.jpg",
                "https://cdn.example.net/b.png",
                "https://elsewhere.example/c.png",
            ]
        );
    }
}
