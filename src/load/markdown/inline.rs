//! Inline Markdown → [`RichText`]: text plus byte-range spans for emphasis, strong, code and
//! links; images are set aside as [`Picture`]s with their position, for figures.

use crate::document::{Inline, RichText};
use pulldown_cmark::{Event, Parser, Tag};
use std::ops::Range;

/// An image met in running text.
#[derive(Debug, Clone)]
pub struct Picture {
    pub src: String,
    pub alt: String,
    pub title: String,
    /// Byte offset in the text where the image stood.
    pub at: usize,
}

#[derive(Debug, Default)]
pub struct InlineBuf {
    text: String,
    spans: Vec<(Range<usize>, Inline)>,
    /// Open tags: where they started and the span they make, if any.
    open: Vec<(usize, Option<Inline>)>,
    /// Byte offsets of soft line breaks, written as '\n' until the paragraph is finished.
    soft_breaks: Vec<usize>,
    pub pictures: Vec<Picture>,
}

impl InlineBuf {
    /// Inline content up to the end of the container just opened (paragraph, heading, cell).
    pub fn collect(events: &mut Parser<'_>) -> Self {
        Self::collect_item(events, &mut |events: &mut Parser<'_>| skip(events))
    }

    /// Like [`Self::collect`] for a list item: nested lists go to `nested`, paragraphs and
    /// other blocks inside the item are run together with spaces.
    pub fn collect_item(events: &mut Parser<'_>, nested: &mut dyn FnMut(&mut Parser<'_>)) -> Self {
        let mut buf = Self::default();
        while let Some(event) = events.next() {
            match event {
                Event::Start(Tag::List(_)) => nested(events),
                Event::Start(Tag::Image {
                    dest_url, title, ..
                }) => {
                    let alt = collect_text(events);
                    buf.pictures.push(Picture {
                        src: dest_url.into_string(),
                        alt,
                        title: title.into_string(),
                        at: buf.text.len(),
                    });
                }
                Event::Start(tag) => {
                    let span = match tag {
                        Tag::Emphasis => Some(Inline::Emphasis),
                        Tag::Strong => Some(Inline::Strong),
                        Tag::Link { dest_url, .. } => Some(Inline::Link(dest_url.into_string())),
                        Tag::Paragraph
                        | Tag::CodeBlock(_)
                        | Tag::BlockQuote(_)
                        | Tag::Heading { .. } => {
                            if !buf.text.is_empty() && !buf.text.ends_with(char::is_whitespace) {
                                buf.text.push(' ');
                            }
                            None
                        }
                        _ => None,
                    };
                    buf.open.push((buf.text.len(), span));
                }
                Event::End(_) => match buf.open.pop() {
                    Some((start, Some(inline))) => {
                        if start < buf.text.len() {
                            buf.spans.push((start..buf.text.len(), inline));
                        }
                    }
                    Some((_, None)) => {}
                    None => return buf,
                },
                Event::Text(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                    buf.text.push_str(&t);
                }
                Event::Code(t) => {
                    let start = buf.text.len();
                    buf.text.push_str(&t);
                    buf.spans.push((start..buf.text.len(), Inline::Code));
                }
                Event::SoftBreak => {
                    buf.soft_breaks.push(buf.text.len());
                    buf.text.push('\n');
                }
                Event::HardBreak => buf.text.push('\n'),
                Event::FootnoteReference(label) => {
                    buf.text.push('[');
                    buf.text.push_str(&label);
                    buf.text.push(']');
                }
                Event::TaskListMarker(done) => {
                    buf.text.push_str(if done { "[x] " } else { "[ ] " })
                }
                Event::InlineHtml(html) | Event::Html(html) => {
                    if html.trim().to_ascii_lowercase().starts_with("<br") {
                        buf.text.push('\n');
                    }
                }
                Event::Rule => {}
            }
        }
        buf
    }

    /// Cuts off the last soft-broken line when `accept` takes it, returning what it made of it.
    pub fn split_last_line(&mut self, accept: impl Fn(&str) -> Option<String>) -> Option<String> {
        let &at = self.soft_breaks.last()?;
        let value = accept(self.text.get(at + 1..)?)?;
        self.soft_breaks.pop();
        self.text.truncate(at);
        self.spans.retain_mut(|(r, _)| {
            r.end = r.end.min(at);
            r.start < r.end
        });
        Some(value)
    }

    /// True when the paragraph holds pictures and nothing else but, after the last one, an
    /// italic caption line.
    pub fn is_only_pictures(&self) -> bool {
        let Some(last) = self.pictures.last() else {
            return false;
        };
        let before = self.text.get(..last.at).unwrap_or_default();
        before.trim().is_empty()
            && (self
                .text
                .get(last.at..)
                .unwrap_or_default()
                .trim()
                .is_empty()
                || self.caption_after_pictures().is_some())
    }

    /// The italic line after the last picture, when that is all that follows it.
    pub fn caption_after_pictures(&self) -> Option<String> {
        let last = self.pictures.last()?;
        let after = self.text.get(last.at..)?;
        let lead = after.len() - after.trim_start().len();
        let rest = RichText {
            text: after.trim().to_owned(),
            spans: self
                .spans
                .iter()
                .filter(|(r, _)| r.start >= last.at + lead)
                .map(|(r, i)| (r.start - last.at - lead..r.end - last.at - lead, i.clone()))
                .collect(),
        };
        all_emphasis(&rest).then_some(rest.text)
    }

    /// The paragraph's text: soft breaks become spaces, outer whitespace trimmed.
    pub fn finish_paragraph(mut self) -> RichText {
        for &at in &self.soft_breaks {
            // '\n' and ' ' are both one byte, so every span stays valid.
            if self.text.get(at..=at) == Some("\n") {
                self.text.replace_range(at..=at, " ");
            }
        }
        RichText {
            text: self.text,
            spans: self.spans,
        }
        .trim_matches(char::is_whitespace)
    }
}

/// True when every non-space character of `text` lies inside an emphasis span.
pub fn all_emphasis(text: &RichText) -> bool {
    !text.text.trim().is_empty()
        && text.text.char_indices().all(|(i, c)| {
            c.is_whitespace()
                || text
                    .spans
                    .iter()
                    .any(|(r, inline)| *inline == Inline::Emphasis && r.contains(&i))
        })
}

/// Plain text up to the end of the element just opened (image alt text, code blocks).
pub fn collect_text(events: &mut Parser<'_>) -> String {
    let mut text = String::new();
    let mut depth = 0usize;
    for event in events.by_ref() {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) if depth == 0 => break,
            Event::End(_) => depth -= 1,
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text
}

/// Consumes everything up to the end of the element just opened.
pub fn skip(events: &mut Parser<'_>) {
    let mut depth = 0usize;
    for event in events.by_ref() {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) if depth == 0 => return,
            Event::End(_) => depth -= 1,
            _ => {}
        }
    }
}
