//! Opening an item: its content as a [`Document`], or the link to fetch.
//!
//! The rule: an item whose feed carries its full content (RSS `content:encoded`, Atom
//! `content`, JSON Feed `content_html`/`content_text`) opens that content; an item with a link
//! and no content opens the linked article (the caller fetches it, as any URL); an item with
//! neither opens its summary. The content goes through the HTML loader ([`crate::load::html`]),
//! the only place blocks are built from HTML; plain-text content becomes one paragraph per
//! blank-line-separated stretch. The document's title is the item's title, its metadata the
//! item's author, date (RFC 3339) and link, and its language the feed's when the content does
//! not say.

use super::{Content, Feed, Item};
use crate::document::{Document, Format, Metadata};
use crate::load;

/// What opening an item leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opened {
    /// The item's own content, ready for the analyse stage.
    Document(Box<Document>),
    /// Nothing in the feed to read: fetch this URL.
    Fetch(String),
    /// No content, no link, no summary.
    Nothing,
}

/// What opening `item` of `feed` leads to.
pub fn open(item: &Item, feed: &Feed) -> Opened {
    if let Some(document) = document(item, feed.language.as_deref()) {
        return Opened::Document(Box::new(document));
    }
    if let Some(link) = &item.link {
        return Opened::Fetch(link.clone());
    }
    match &item.summary {
        Some(summary) => Opened::Document(Box::new(build(
            item,
            &paragraphs(summary),
            feed.language.as_deref(),
        ))),
        None => Opened::Nothing,
    }
}

/// The item's full content as a document, when the feed carries it.
pub fn document(item: &Item, language: Option<&str>) -> Option<Document> {
    let body = match item.content.as_ref()? {
        Content::Html(html) => html.clone(),
        Content::Text(text) => paragraphs(text),
    };
    Some(build(item, &body, language))
}

fn build(item: &Item, body: &str, language: Option<&str>) -> Document {
    let lang = language
        .map(|l| format!(" lang=\"{}\"", escape(l)))
        .unwrap_or_default();
    let title = item.title.as_deref().unwrap_or_default();
    let page = format!(
        "<html{lang}><head><title>{}</title></head><body><article>{body}</article></body></html>",
        escape(title)
    );
    let mut document = load::html::parse(&page);
    document.format = Format::Html;
    if let Some(title) = &item.title {
        document.title.clone_from(title);
    }
    document.metadata = Metadata {
        author: item.author.clone().or(document.metadata.author),
        date: item
            .published
            .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
            .or(document.metadata.date),
        source: item.link.clone().or(document.metadata.source),
        site: document.metadata.site,
    };
    document
}

/// Plain text as HTML paragraphs, one per blank-line-separated stretch.
fn paragraphs(text: &str) -> String {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| format!("<p>{}</p>", escape(p)))
        .collect()
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Block, Direction};
    use crate::feed::FeedKind;

    fn feed(language: Option<&str>, item: Item) -> Feed {
        Feed {
            kind: FeedKind::Rss2,
            title: "f".into(),
            link: None,
            language: language.map(str::to_owned),
            items: vec![item],
        }
    }

    fn paragraphs_of(document: &Document) -> Vec<String> {
        document
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter_map(|b| match b {
                Block::Paragraph(t) => Some(t.text.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn html_content_becomes_a_document_with_the_items_title_and_metadata() {
        let item = Item {
            title: Some("عودة الكهرباء إلى حلب".into()),
            link: Some("https://example.org/1".into()),
            author: Some("مراسلنا".into()),
            published: chrono::DateTime::from_timestamp(1_765_000_000, 0),
            content: Some(Content::Html(
                "<p>عادت الكهرباء <b>اليوم</b>.</p><h2>التفاصيل</h2><p>قال المسؤول…</p>".into(),
            )),
            ..Item::default()
        };
        let Opened::Document(doc) = open(&item, &feed(Some("ar"), item.clone())) else {
            panic!("content opens as a document");
        };
        assert_eq!(doc.title, "عودة الكهرباء إلى حلب");
        assert_eq!(doc.language, "ar");
        assert_eq!(doc.direction, Direction::Rtl);
        assert_eq!(doc.metadata.author.as_deref(), Some("مراسلنا"));
        assert_eq!(doc.metadata.date.as_deref(), Some("2025-12-06T05:46:40Z"));
        assert_eq!(
            doc.metadata.source.as_deref(),
            Some("https://example.org/1")
        );
        assert_eq!(
            paragraphs_of(&doc),
            ["عادت الكهرباء اليوم.", "قال المسؤول…"]
        );
        assert_eq!(doc.sections[1].heading.as_deref(), Some("التفاصيل"));
    }

    #[test]
    fn text_content_keeps_its_paragraphs_and_markup_stays_text() {
        let item = Item {
            title: Some("כותרת".into()),
            content: Some(Content::Text("שורה <b>ראשונה</b>\n\nשנייה".into())),
            ..Item::default()
        };
        let doc = document(&item, None).expect("content");
        assert_eq!(paragraphs_of(&doc), ["שורה <b>ראשונה</b>", "שנייה"]);
        assert_eq!(doc.language, "he");
    }

    #[test]
    fn without_content_the_link_is_fetched_else_the_summary_is_read() {
        let linked = Item {
            link: Some("https://example.org/2".into()),
            summary: Some("ملخص".into()),
            ..Item::default()
        };
        let f = feed(None, linked.clone());
        assert_eq!(
            open(&linked, &f),
            Opened::Fetch("https://example.org/2".into())
        );
        let summary_only = Item {
            summary: Some("ملخص الخبر".into()),
            ..Item::default()
        };
        let Opened::Document(doc) = open(&summary_only, &f) else {
            panic!("the summary opens");
        };
        assert_eq!(paragraphs_of(&doc), ["ملخص الخبر"]);
        assert_eq!(open(&Item::default(), &f), Opened::Nothing);
    }
}
