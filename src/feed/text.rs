//! feed-rs's model → ours: every text one line of plain text, markup stripped.

use super::{Content, Feed, FeedKind, Item};
use feed_rs::model;
use scraper::{Html, Node};

/// `raw` on one line: whitespace runs (newlines and tabs included) become one space, other
/// control characters and bidi-neutral invisible controls that would reach a terminal are
/// dropped, and the ends are trimmed.
pub fn one_line(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut space = false;
    for c in raw.chars() {
        if c.is_whitespace() {
            space = true;
        } else if !c.is_control() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// The text of an HTML fragment on one line; block elements and `<br>` separate words.
pub fn html_to_line(html: &str) -> String {
    if !html.contains('<') && !html.contains('&') {
        return one_line(html);
    }
    let fragment = Html::parse_fragment(html);
    let mut raw = String::with_capacity(html.len());
    for node in fragment.tree.root().descendants() {
        match node.value() {
            Node::Text(text) => {
                let hidden = node
                    .parent()
                    .and_then(|p| p.value().as_element().map(|e| e.name().to_owned()))
                    .is_some_and(|name| name == "script" || name == "style");
                if !hidden {
                    raw.push_str(text);
                }
            }
            Node::Element(e) if is_block(e.name()) => raw.push(' '),
            _ => {}
        }
    }
    one_line(&raw)
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "br"
            | "div"
            | "li"
            | "ul"
            | "ol"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "tr"
            | "td"
            | "th"
            | "figure"
            | "figcaption"
            | "img"
            | "hr"
    )
}

/// A feed-rs text (plain or HTML, by its content type) as one line; `None` when blank.
fn text(t: Option<&model::Text>) -> Option<String> {
    let t = t?;
    let line = if t.content_type.subty() == "plain" {
        one_line(&t.content)
    } else {
        html_to_line(&t.content)
    };
    (!line.is_empty()).then_some(line)
}

fn non_empty(s: &str) -> Option<String> {
    let line = one_line(s);
    (!line.is_empty()).then_some(line)
}

/// The link a reader opens: the one with no `rel` or `rel="alternate"`, else the first.
fn main_link(links: &[model::Link]) -> Option<String> {
    links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or_else(|| links.first())
        .and_then(|l| non_empty(&l.href))
}

fn content(c: Option<model::Content>) -> Option<Content> {
    let c = c?;
    let body = c.body.filter(|b| !b.trim().is_empty())?;
    let essence = c.content_type.essence().to_string();
    Some(if essence == "text/plain" {
        Content::Text(body)
    } else {
        Content::Html(body)
    })
}

/// Our model of a parsed feed.
pub fn convert(feed: model::Feed, kind: FeedKind) -> Feed {
    let kind = match feed.feed_type {
        model::FeedType::Atom => FeedKind::Atom,
        model::FeedType::JSON => FeedKind::Json,
        model::FeedType::RSS0 => FeedKind::Rss0,
        model::FeedType::RSS1 => FeedKind::Rss1,
        model::FeedType::RSS2 => FeedKind::Rss2,
        #[allow(unreachable_patterns)]
        _ => kind,
    };
    Feed {
        kind,
        title: text(feed.title.as_ref()).unwrap_or_default(),
        link: main_link(&feed.links),
        language: feed.language.as_deref().and_then(non_empty),
        items: feed.entries.into_iter().map(item).collect(),
    }
}

fn item(entry: model::Entry) -> Item {
    let author = entry
        .authors
        .iter()
        .filter_map(|p| {
            p.name
                .as_deref()
                .and_then(non_empty)
                .or_else(|| p.email.as_deref().and_then(non_empty))
        })
        .collect::<Vec<_>>()
        .join(", ");
    Item {
        id: non_empty(&entry.id),
        title: text(entry.title.as_ref()),
        link: main_link(&entry.links),
        published: entry.published.or(entry.updated),
        author: (!author.is_empty()).then_some(author),
        summary: text(entry.summary.as_ref()),
        content: content(entry.content),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_collapses_whitespace_and_drops_controls() {
        assert_eq!(one_line("  عنوان\n\tالخبر \x1b[31m "), "عنوان الخبر [31m");
        assert_eq!(one_line("\u{7}"), "");
    }

    #[test]
    fn html_becomes_words_separated_where_blocks_meet() {
        assert_eq!(
            html_to_line("<p>الفقرة <b>الأولى</b></p><p>والثانية</p>"),
            "الفقرة الأولى والثانية"
        );
        assert_eq!(html_to_line("a &amp; b<br>c"), "a & b c");
        assert_eq!(html_to_line("<p>a<script>x()</script></p>"), "a");
    }
}
