//! Single HTML elements that become whole blocks: figures, statistic call-outs, code, tables.

use super::rich::{RichBuf, collapse, element_text};
use crate::document::{Block, RichText};
use crate::load::stat::figure_value;
use scraper::ElementRef;
use scraper::node::Node;

/// A figure from an `img`; a caption that is only a file name ("P1610283.JPG", what editors
/// leave in `title`) is no caption.
pub fn figure_of(img: &ElementRef<'_>, caption: &str) -> Option<Block> {
    let value = img.value();
    let src = value.attr("src").or_else(|| value.attr("data-src"))?.trim();
    let caption = if is_file_name(caption) { "" } else { caption };
    (!src.is_empty()).then(|| Block::Figure {
        src: src.to_owned(),
        alt: collapse(value.attr("alt").unwrap_or_default()),
        caption: caption.to_owned(),
    })
}

fn is_file_name(text: &str) -> bool {
    let text = text.trim().to_ascii_lowercase();
    !text.contains(' ')
        && [".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif"]
            .iter()
            .any(|ext| text.ends_with(ext))
}

/// A statistic box: the first descendant whose whole text is a figure is the value, the
/// rest of the text explains it.
pub fn callout(el: &ElementRef<'_>) -> Option<Block> {
    let value_el = el
        .descendent_elements()
        .skip(1)
        .find(|e| figure_value(&element_text(e)).is_some())?;
    let value = element_text(&value_el);
    let mut rest = RichBuf::default();
    for node in el.descendants() {
        if let Node::Text(text) = node.value()
            && !node.ancestors().any(|a| a.id() == value_el.id())
        {
            rest.push_text(text);
        }
    }
    let text = rest.take();
    (!text.text.is_empty()).then_some(Block::Callout { value, text })
}

/// Mostly links: a box of related articles, never prose.
pub fn link_dense(el: &ElementRef<'_>) -> bool {
    let total: usize = el.text().map(str::len).sum();
    let linked: usize = el
        .descendent_elements()
        .filter(|e| e.value().name() == "a")
        .map(|a| a.text().map(str::len).sum::<usize>())
        .sum();
    total == 0 || linked * 2 > total
}

pub fn code(el: &ElementRef<'_>) -> Block {
    let text: String = el.text().collect();
    let language = el
        .descendent_elements()
        .filter_map(|e| e.value().attr("class"))
        .flat_map(str::split_whitespace)
        .find_map(|c| {
            c.strip_prefix("language-")
                .or_else(|| c.strip_prefix("lang-"))
        })
        .map(str::to_owned);
    Block::Code {
        language,
        text: text.strip_suffix('\n').unwrap_or(&text).to_owned(),
    }
}

pub fn table(el: &ElementRef<'_>) -> Block {
    let mut rows = Vec::new();
    let mut header = false;
    for tr in el
        .descendent_elements()
        .filter(|e| e.value().name() == "tr")
    {
        let cells: Vec<RichText> = tr
            .child_elements()
            .filter(|c| matches!(c.value().name(), "td" | "th"))
            .map(|c| RichText::plain(element_text(&c)))
            .collect();
        if rows.is_empty() {
            header = tr.child_elements().any(|c| c.value().name() == "th");
        }
        if !cells.is_empty() {
            rows.push(cells);
        }
    }
    Block::Table { header, rows }
}
