//! Markdown articles (CommonMark with tables, via pulldown-cmark) and their front matter.
//!
//! The rule:
//! - Front matter ([`super::front_matter`]) gives title, subtitle, author, date, language,
//!   direction and declared entities.
//! - Without a front-matter title, the first heading, when nothing but blank lines comes
//!   before it, is the title and leaves the body; an all-italic paragraph right after it is the
//!   subtitle. Remaining heading levels are renumbered so the highest is 1.
//! - A paragraph made only of images becomes figures: caption from the image's title
//!   attribute, else from an italic line right after the image (same or next paragraph).
//! - A block quote whose last line starts with a dash ("— name") keeps it as attribution.
//! - Lists (nested items flattened in order), code blocks, tables and rules map one to one;
//!   raw HTML blocks are dropped. Soft line breaks become spaces, hard breaks newlines.

mod inline;

use super::front_matter;
use super::outline::{Item, sections};
use crate::document::{Block, Document, Format, Metadata, RichText};
use inline::{InlineBuf, Picture};
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

/// The extensions articles are parsed with.
const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_TASKLISTS);

/// Loads a Markdown article.
pub fn parse(text: &str) -> Document {
    let (fm, body) = front_matter::split(text);
    let mut events = Parser::new_ext(body, OPTIONS);
    let mut items = Vec::new();
    while let Some(event) = events.next() {
        block_event(event, &mut events, &mut items, false);
    }

    let mut document = Document {
        format: Format::Markdown,
        metadata: Metadata {
            author: fm.author,
            date: fm.date,
            source: fm.source,
            ..Metadata::default()
        },
        declared_entities: fm.entities,
        ..Document::default()
    };
    match fm.title {
        Some(title) => {
            // The same title repeated as the first heading is not a section.
            if matches!(items.first(), Some(Item::Heading(_, h)) if *h == title) {
                items.remove(0);
            }
            document.title = title;
        }
        None => {
            if let Some(Item::Heading(_, title)) = items.first() {
                document.title = title.clone();
                items.remove(0);
                if let Some(Item::Block(Block::Paragraph(p))) = items.first()
                    && fm.subtitle.is_none()
                    && inline::all_emphasis(p)
                {
                    document.subtitle = Some(p.text.clone());
                    items.remove(0);
                }
            }
        }
    }
    if fm.subtitle.is_some() {
        document.subtitle = fm.subtitle;
    }
    document.sections = sections(items);
    super::fill_language(&mut document, fm.lang.as_deref(), fm.dir);
    document
}

/// Whether every reference link and footnote in `text` is defined in it: if not, a definition
/// may come after it in a longer text, which would read it differently (see `super::head`).
/// Brackets that are no reference at all (`[1]` in a sentence) count as undefined too.
pub fn references_resolved(text: &str) -> bool {
    let (_, body) = front_matter::split(text);
    let mut broken = false;
    let mut callback = |_: pulldown_cmark::BrokenLink<'_>| {
        broken = true;
        None
    };
    let events = Parser::new_with_broken_link_callback(body, OPTIONS, Some(&mut callback));
    // An undefined footnote is left as text, unreported: every `[^` must be a reference or a
    // definition.
    let footnotes = (events.into_iter())
        .filter(|e| {
            matches!(
                e,
                Event::FootnoteReference(_) | Event::Start(Tag::FootnoteDefinition(_))
            )
        })
        .count();
    !broken && footnotes >= memchr::memmem::find_iter(body.as_bytes(), b"[^").count()
}

/// Handles one event at block level, consuming the whole block it opens.
fn block_event<'a>(
    event: Event<'a>,
    events: &mut Parser<'a>,
    items: &mut Vec<Item>,
    in_quote: bool,
) {
    match event {
        Event::Start(Tag::Heading { level, .. }) => {
            let buf = InlineBuf::collect(events);
            items.push(Item::Heading(level as u8, buf.finish_paragraph().text));
        }
        Event::Start(Tag::Paragraph) => {
            let mut buf = InlineBuf::collect(events);
            if in_quote && let Some(name) = buf.split_last_line(attribution_name) {
                paragraph(buf, items);
                items.push(Item::Attribution(name));
            } else {
                paragraph(buf, items);
            }
        }
        Event::Start(Tag::BlockQuote(_)) => {
            let mut inner = Vec::new();
            collect_blocks(events, &mut inner, true);
            items.push(Item::Block(quote(inner)));
        }
        Event::Start(Tag::List(start)) => {
            let mut list = Vec::new();
            collect_list(events, &mut list);
            items.push(Item::Block(Block::List {
                ordered: start.is_some(),
                items: list,
            }));
        }
        Event::Start(Tag::CodeBlock(kind)) => {
            let language = match kind {
                CodeBlockKind::Fenced(info) => info.split_whitespace().next().map(str::to_owned),
                CodeBlockKind::Indented => None,
            };
            let text = inline::collect_text(events);
            items.push(Item::Block(Block::Code {
                language,
                text: text.strip_suffix('\n').unwrap_or(&text).to_owned(),
            }));
        }
        Event::Start(Tag::Table(_)) => items.push(Item::Block(table(events))),
        Event::Start(Tag::HtmlBlock | Tag::MetadataBlock(_)) => inline::skip(events),
        Event::Start(_) => {
            // Footnote definitions, definition lists…: their blocks in place.
            collect_blocks(events, items, in_quote);
        }
        Event::Rule => items.push(Item::Block(Block::Rule)),
        Event::Text(t) | Event::DisplayMath(t) => {
            items.push(Item::Block(Block::Paragraph(RichText::plain(t.as_ref()))));
        }
        _ => {}
    }
}

/// Blocks until the end of the container just opened.
fn collect_blocks<'a>(events: &mut Parser<'a>, items: &mut Vec<Item>, in_quote: bool) {
    while let Some(event) = events.next() {
        if matches!(event, Event::End(_)) {
            return;
        }
        block_event(event, events, items, in_quote);
    }
}

fn paragraph(buf: InlineBuf, items: &mut Vec<Item>) {
    let pictures = buf.pictures.clone();
    if !pictures.is_empty() && buf.is_only_pictures() {
        let caption = buf.caption_after_pictures();
        let count = pictures.len();
        for (n, picture) in pictures.into_iter().enumerate() {
            let caption = if n + 1 == count && picture.title.is_empty() {
                caption.clone().unwrap_or_default()
            } else {
                picture.title.clone()
            };
            items.push(Item::Block(figure(picture, caption)));
        }
        return;
    }
    let text = buf.finish_paragraph();
    // An italic paragraph right after an image without a caption is its caption.
    if let Some(Item::Block(Block::Figure { caption, .. })) = items.last_mut()
        && caption.is_empty()
        && inline::all_emphasis(&text)
    {
        *caption = text.text;
        return;
    }
    if !text.text.trim().is_empty() {
        items.push(Item::Block(Block::Paragraph(text)));
    }
    // Images inside running text become figures after their paragraph.
    for picture in pictures {
        let caption = picture.title.clone();
        items.push(Item::Block(figure(picture, caption)));
    }
}

fn figure(picture: Picture, caption: String) -> Block {
    Block::Figure {
        src: picture.src,
        alt: picture.alt,
        caption,
    }
}

/// The name in an attribution line ("— name", "-- name", "~ name"), if `line` is one.
fn attribution_name(line: &str) -> Option<String> {
    let bare = line.trim();
    ["—", "―", "–", "--", "~"]
        .iter()
        .find_map(|dash| bare.strip_prefix(dash))
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
}

fn quote(inner: Vec<Item>) -> Block {
    let mut attribution = None;
    let mut parts: Vec<RichText> = Vec::new();
    for item in inner {
        match item {
            Item::Attribution(name) => attribution = Some(name),
            Item::Heading(_, text) => parts.push(RichText::plain(text)),
            Item::Block(Block::Paragraph(t) | Block::Quote { text: t, .. }) => parts.push(t),
            Item::Block(other) => parts.push(RichText::plain(other.plain_text())),
        }
    }
    // An attribution on a paragraph of its own.
    if attribution.is_none()
        && let Some(name) = parts.last().and_then(|p| attribution_name(&p.text))
    {
        attribution = Some(name);
        parts.pop();
    }
    parts.retain(|p| !p.text.is_empty());
    Block::Quote {
        text: RichText::join(parts, "\n"),
        attribution,
    }
}

fn collect_list<'a>(events: &mut Parser<'a>, items: &mut Vec<RichText>) {
    while let Some(event) = events.next() {
        match event {
            Event::Start(Tag::Item) => {
                let mut nested = Vec::new();
                let buf = InlineBuf::collect_item(events, &mut |events| {
                    collect_list(events, &mut nested);
                });
                items.push(buf.finish_paragraph());
                items.append(&mut nested);
            }
            Event::End(TagEnd::List(_)) => return,
            _ => {}
        }
    }
}

fn table<'a>(events: &mut Parser<'a>) -> Block {
    let mut rows: Vec<Vec<RichText>> = Vec::new();
    let mut header = false;
    while let Some(event) = events.next() {
        match event {
            Event::Start(Tag::TableHead) => {
                header = true;
                rows.push(Vec::new());
            }
            Event::Start(Tag::TableRow) => rows.push(Vec::new()),
            Event::Start(Tag::TableCell) => {
                let cell = InlineBuf::collect(events).finish_paragraph();
                if let Some(row) = rows.last_mut() {
                    row.push(cell);
                }
            }
            Event::End(TagEnd::Table) => break,
            _ => {}
        }
    }
    Block::Table { header, rows }
}

#[cfg(test)]
mod tests;
