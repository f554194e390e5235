//! The walk over the content root: elements to headings and blocks, furniture skipped.

use super::blocks::{callout, code, figure_of, link_dense, table};
use super::rich::{RichBuf, element_text};
use crate::document::{Block, Inline, RichText};
use crate::load::chrome::is_chrome;
use crate::load::outline::Item;
use scraper::ElementRef;
use scraper::node::Node;

/// Deeper than this, an element's text is taken whole; keeps the walk's stack bounded.
const MAX_DEPTH: usize = 200;

const FURNITURE_TAGS: &[&str] = &[
    "script", "style", "noscript", "nav", "footer", "form", "button", "iframe", "svg", "template",
    "select", "input", "textarea", "object", "embed", "canvas", "menu", "dialog", "link", "meta",
    "head", "title",
];

const FURNITURE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "search",
    "menu",
    "toolbar",
];

/// Words in a class or id that mark page furniture.
const FURNITURE_WORDS: &str = "share sharing social related recommended comments comment breadcrumb breadcrumbs nav \
    navbar navigation menu footer advert advertisement ad ads promo newsletter subscribe \
    subscription tags toolbar sidebar widget popup cookie cookies print fontsize byline \
    author dateline meta masthead logo";

/// Longer than this, an element classed as a subtitle is a container of the story.
pub const MAX_SUBTITLE_CHARS: usize = 400;

const BYLINE_WORDS: &str = "byline author";
const SUBTITLE_WORDS: &str = "subtitle sub-title standfirst dek lede lead subheadline excerpt";
const STAT_WORDS: &str = "stat stats statistic number figure highlight fact";

fn class_words<'a>(el: &ElementRef<'a>) -> impl Iterator<Item = &'a str> + 'a {
    let value = el.value();
    let class = value.attr("class").unwrap_or_default();
    let id = value.attr("id").unwrap_or_default();
    words_of(class).chain(words_of(id))
}

/// The words of a class or id value: each token, and its parts between punctuation.
fn words_of(value: &str) -> impl Iterator<Item = &str> {
    value
        .split_whitespace()
        .flat_map(|token| {
            std::iter::once(token).chain(token.split(|c: char| !c.is_ascii_alphanumeric()))
        })
        .filter(|w| !w.is_empty())
}

/// True when a class or id word of `el` is one of the space-separated `words`.
fn has_word(el: &ElementRef<'_>, words: &str) -> bool {
    class_words(el).any(|w| is_one_of(w, words))
}

fn is_one_of(word: &str, words: &str) -> bool {
    words.split(' ').any(|k| k.eq_ignore_ascii_case(word))
}

/// An element classed as a subtitle that holds only text: a lead photo (`figure class=lede`)
/// or a container of paragraphs is not one.
fn is_subtitle_element(el: &ElementRef<'_>) -> bool {
    !matches!(
        el.value().name(),
        "figure" | "img" | "picture" | "table" | "ul" | "ol"
    ) && has_word(el, SUBTITLE_WORDS)
        && !el.descendent_elements().skip(1).any(|e| {
            matches!(
                e.value().name(),
                "img" | "figure" | "p" | "table" | "ul" | "ol"
            )
        })
}

/// True when class and id values (`class_and_id`) mark a subtitle.
pub fn says_subtitle(class_and_id: &str) -> bool {
    words_of(class_and_id).any(|w| is_one_of(w, SUBTITLE_WORDS))
}

/// True when class and id values (`class_and_id`) mark a statistic box.
pub fn says_statistic(class_and_id: &str) -> bool {
    words_of(class_and_id).any(|w| is_one_of(w, STAT_WORDS))
}

/// True for page furniture that never belongs to the article; by class and id words too
/// unless the content was `cleaned` already.
pub fn is_furniture(el: &ElementRef<'_>, cleaned: bool) -> bool {
    let value = el.value();
    FURNITURE_TAGS.contains(&value.name())
        || value.attr("hidden").is_some()
        || value.attr("aria-hidden") == Some("true")
        || value
            .attr("role")
            .is_some_and(|r| FURNITURE_ROLES.contains(&r.trim()))
        || (!cleaned && has_word(el, FURNITURE_WORDS))
}

fn heading_level(name: &str) -> Option<u8> {
    match name {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

fn inline_style(el: &ElementRef<'_>) -> Option<Inline> {
    match el.value().name() {
        "em" | "i" | "cite" | "dfn" | "var" => Some(Inline::Emphasis),
        "strong" | "b" => Some(Inline::Strong),
        "code" | "kbd" | "samp" | "tt" => Some(Inline::Code),
        "a" => el
            .value()
            .attr("href")
            .map(|h| Inline::Link(h.trim().to_owned())),
        _ => None,
    }
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "address"
            | "dl"
            | "dt"
            | "dd"
            | "details"
            | "summary"
            | "center"
            | "fieldset"
            | "li"
            | "body"
            | "html"
            | "hgroup"
            | "figcaption"
            | "caption"
            | "tr"
            | "td"
            | "th"
    )
}

#[derive(Default)]
pub struct Walker {
    buf: RichBuf,
    items: Vec<Item>,
    depth: usize,
    pub subtitle: Option<String>,
    pub byline: Option<String>,
    /// The content was already chosen and cleaned (Readability): class and id words no
    /// longer mark furniture, only tags, roles and hidden elements do, and the only subtitle
    /// taken out of it is `known_subtitle`.
    cleaned: bool,
    /// The subtitle found next to the headline, before extraction.
    known_subtitle: Option<String>,
}

impl Walker {
    /// A walker over content Readability already cleaned, where the subtitle found next to
    /// the headline (if any) may appear again.
    pub fn cleaned(known_subtitle: Option<String>) -> Walker {
        Walker {
            cleaned: true,
            known_subtitle,
            ..Walker::default()
        }
    }

    pub fn walk(&mut self, root: ElementRef<'_>) {
        self.children(root);
    }

    pub fn finish(mut self) -> Vec<Item> {
        self.flush();
        self.items
    }

    fn nested(&self) -> Walker {
        Walker {
            depth: self.depth + 1,
            cleaned: self.cleaned,
            ..Walker::default()
        }
    }

    fn children(&mut self, el: ElementRef<'_>) {
        if self.depth > MAX_DEPTH {
            self.buf.push_text(&el.text().collect::<String>());
            return;
        }
        self.depth += 1;
        for child in el.children() {
            match child.value() {
                Node::Text(text) => self.buf.push_text(text),
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(child) {
                        self.element(child);
                    }
                }
                _ => {}
            }
        }
        self.depth -= 1;
    }

    /// Ends the paragraph being built; site-chrome lines are dropped here.
    fn flush(&mut self) {
        if self.buf.is_blank() {
            self.buf.take();
            return;
        }
        let text = self.buf.take();
        if !is_chrome(&text.text) {
            self.items.push(Item::Block(Block::Paragraph(text)));
        }
    }

    fn push(&mut self, block: Block) {
        self.flush();
        self.items.push(Item::Block(block));
    }

    fn element(&mut self, el: ElementRef<'_>) {
        let name = el.value().name();
        if is_furniture(&el, self.cleaned) {
            if self.byline.is_none() && has_word(&el, BYLINE_WORDS) {
                self.byline = Some(element_text(&el)).filter(|t| !t.is_empty());
            }
            return;
        }
        if name != "h1" && self.subtitle.is_none() && is_subtitle_element(&el) {
            let text = element_text(&el);
            // A container classed "lead" that holds the story is not a subtitle; in cleaned
            // content only the subtitle already known is.
            let fits = if self.cleaned {
                self.known_subtitle.as_ref() == Some(&text)
            } else {
                text.chars().count() <= MAX_SUBTITLE_CHARS
            };
            if fits {
                self.flush();
                self.subtitle = Some(text).filter(|t| !t.is_empty());
                return;
            }
        }
        if let Some(level) = heading_level(name) {
            self.flush();
            let text = element_text(&el);
            if !text.is_empty() {
                self.items.push(Item::Heading(level, text));
            }
            return;
        }
        if name == "aside" && link_dense(&el) {
            // A box of links to other stories, even when one of them is a number.
            return;
        }
        if (name == "aside" || (name != "figure" && has_word(&el, STAT_WORDS)))
            && let Some(callout) = callout(&el)
        {
            self.push(callout);
            return;
        }
        if let Some(style) = inline_style(&el) {
            let start = self.buf.len();
            self.children(el);
            let end = self.buf.len();
            self.buf.add_span(start..end, style);
            return;
        }
        match name {
            "p" => {
                self.flush();
                self.children(el);
                self.flush();
            }
            "br" => self.buf.push_break(),
            "img" => {
                if let Some(figure) = figure_of(&el, el.value().attr("title").unwrap_or_default()) {
                    self.push(figure);
                }
            }
            "figure" => self.figure(el),
            "blockquote" => {
                let quote = self.quote(el);
                self.push(quote);
            }
            "ul" | "ol" => {
                let list = Block::List {
                    ordered: name == "ol",
                    items: self.list_items(el),
                };
                self.push(list);
            }
            "pre" => self.push(code(&el)),
            "table" => self.push(table(&el)),
            "hr" => self.push(Block::Rule),
            _ if is_block(name) || name == "aside" => {
                self.flush();
                self.children(el);
                self.flush();
            }
            _ => self.children(el),
        }
    }

    fn figure(&mut self, el: ElementRef<'_>) {
        let img = el.descendent_elements().find(|e| e.value().name() == "img");
        let caption = el
            .descendent_elements()
            .find(|e| e.value().name() == "figcaption")
            .map(|c| element_text(&c))
            .unwrap_or_default();
        match img.and_then(|img| figure_of(&img, &caption)) {
            Some(figure) => self.push(figure),
            None => {
                // A figure without an image (a pull quote, a chart in text): its content.
                self.flush();
                self.children(el);
                self.flush();
            }
        }
    }

    fn quote(&self, el: ElementRef<'_>) -> Block {
        let mut attribution = None;
        let mut inner = self.nested();
        for child in el.children() {
            match child.value() {
                Node::Text(text) => inner.buf.push_text(text),
                Node::Element(_) => {
                    let Some(child) = ElementRef::wrap(child) else {
                        continue;
                    };
                    if matches!(child.value().name(), "footer" | "cite") {
                        let name = element_text(&child);
                        let name = name.trim_start_matches(['—', '―', '–', '-', '~', ' ']);
                        attribution = Some(name.to_owned()).filter(|n| !n.is_empty());
                    } else {
                        inner.element(child);
                    }
                }
                _ => {}
            }
        }
        let mut parts: Vec<RichText> = inner
            .finish()
            .into_iter()
            .map(|item| match item {
                Item::Block(Block::Paragraph(t)) => t,
                Item::Block(other) => RichText::plain(other.plain_text()),
                Item::Heading(_, t) | Item::Attribution(t) => RichText::plain(t),
            })
            .collect();
        if attribution.is_none()
            && let Some(last) = parts.last()
            && let Some(name) = ["—", "―", "–", "--"]
                .iter()
                .find_map(|d| last.text.strip_prefix(d))
        {
            attribution = Some(name.trim().to_owned());
            parts.pop();
        }
        Block::Quote {
            text: RichText::join(parts, "\n"),
            attribution,
        }
    }

    fn list_items(&self, el: ElementRef<'_>) -> Vec<RichText> {
        let mut items = Vec::new();
        for li in el.child_elements().filter(|c| c.value().name() == "li") {
            let mut inner = self.nested();
            inner.children(li);
            let mut parts = Vec::new();
            let mut nested_items = Vec::new();
            for item in inner.finish() {
                match item {
                    Item::Block(Block::List { items, .. }) => nested_items.extend(items),
                    Item::Block(Block::Paragraph(t)) => parts.push(t),
                    Item::Block(other) => parts.push(RichText::plain(other.plain_text())),
                    Item::Heading(_, t) | Item::Attribution(t) => parts.push(RichText::plain(t)),
                }
            }
            let text = RichText::join(parts, "\n");
            if !text.text.is_empty() {
                items.push(text);
            }
            items.extend(nested_items);
        }
        items
    }
}
