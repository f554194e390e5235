//! The text behind every [`BlockRef`]: the string whose byte offsets a page's clusters carry.
//!
//! Composition lays out exactly these strings, so search and entity highlighting can match in
//! them and find the cells by logical offset. Most are the document's own text; a few are built
//! here (the author/date line with its date made readable, "— name" attributions,
//! "[image: src]" or "[image not found: src]", code with tabs expanded), and are built the same
//! way when composing.

use super::BlockRef;
use crate::document::{Block, Document};
use std::borrow::Cow;

/// Spaces a tab stands for in code (tabs are control characters the engine would show as ␉).
const TAB: &str = "    ";

/// The text `source` refers to in `doc`, or `None` when there is no such text.
pub fn text_of<'a>(doc: &'a Document, source: &BlockRef) -> Option<Cow<'a, str>> {
    let Some(b) = source.block else {
        return match source.part {
            BlockRef::HEADING => doc
                .sections
                .get(source.section)?
                .heading
                .as_deref()
                .map(Cow::Borrowed),
            BlockRef::TITLE if source.section == 0 => Some(Cow::Borrowed(&doc.title)),
            BlockRef::SUBTITLE if source.section == 0 => doc.subtitle.as_deref().map(Cow::Borrowed),
            BlockRef::META if source.section == 0 => meta_line(doc).map(Cow::Owned),
            _ => None,
        };
    };
    let block = doc.sections.get(source.section)?.blocks.get(b)?;
    let part = source.part;
    Some(match block {
        Block::Paragraph(t) if part == 0 => Cow::Borrowed(&t.text),
        Block::Quote { text, .. } if part == BlockRef::QUOTE_TEXT => Cow::Borrowed(&text.text),
        Block::Quote {
            attribution: Some(a),
            ..
        } if part == BlockRef::QUOTE_ATTRIBUTION && !a.trim().is_empty() => {
            Cow::Owned(attribution_line(a))
        }
        Block::List { items, .. } => Cow::Borrowed(&items.get(part)?.text),
        Block::Code { text, .. } if part == 0 => code_text(text),
        Block::Callout { text, .. } if part == BlockRef::CALLOUT_TEXT => Cow::Borrowed(&text.text),
        Block::Callout { value, .. } if part == BlockRef::CALLOUT_VALUE => Cow::Borrowed(value),
        Block::Figure { caption, .. } if part == BlockRef::FIGURE_CAPTION => Cow::Borrowed(caption),
        Block::Figure { alt, .. } if part == BlockRef::FIGURE_ALT => Cow::Borrowed(alt),
        Block::Figure { src, .. } if part == BlockRef::FIGURE_SOURCE => {
            Cow::Owned(source_label(doc, source.section, b, src))
        }
        Block::Table { rows, .. } => Cow::Borrowed(&rows.iter().flatten().nth(part)?.text),
        _ => return None,
    })
}

/// "author · date · site", or whichever of the three there are; the date in readable form
/// ([`super::date`]).
pub(super) fn meta_line(doc: &Document) -> Option<String> {
    let date = doc
        .metadata
        .date
        .as_deref()
        .map(|d| super::date::readable(d, &doc.language));
    let parts: Vec<&str> = [
        doc.metadata.author.as_deref(),
        date.as_deref(),
        doc.metadata.site.as_deref(),
    ]
    .into_iter()
    .flatten()
    .map(str::trim)
    .filter(|s| !s.is_empty())
    .collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// "— name", whether or not the loader kept the dash.
pub(super) fn attribution_line(attribution: &str) -> String {
    let name = attribution.trim_start_matches(['—', '–', '-', ' ', '\u{a0}']);
    format!("— {name}")
}

/// "[image: src]", or the problem with the local file when one was found
/// ([`Document::image_problems`]): "[image not found: src]".
pub(super) fn source_label(doc: &Document, section: usize, block: usize, src: &str) -> String {
    let words = doc
        .image_problems
        .get(&(section, block))
        .map_or("image", |problem| problem.label());
    format!("[{words}: {src}]")
}

pub(super) fn code_text(text: &str) -> Cow<'_, str> {
    if text.contains('\t') {
        Cow::Owned(text.replace('\t', TAB))
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::meta_line;
    use crate::document::{Document, Metadata};

    #[test]
    fn the_meta_line_shows_the_date_in_the_article_language() {
        let doc = Document {
            language: "he".into(),
            metadata: Metadata {
                author: Some("יעל ברגמן".into()),
                date: Some("2025-09-03T08:30:00+03:00".into()),
                ..Metadata::default()
            },
            ..Document::default()
        };
        assert_eq!(
            meta_line(&doc).as_deref(),
            Some("יעל ברגמן · 3 בספטמבר 2025")
        );
        let with_site = Document {
            metadata: Metadata {
                site: Some("חדשות העיר".into()),
                ..doc.metadata.clone()
            },
            ..doc
        };
        assert_eq!(
            meta_line(&with_site).as_deref(),
            Some("יעל ברגמן · 3 בספטמבר 2025 · חדשות העיר")
        );
    }
}
