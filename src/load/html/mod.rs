//! HTML articles: the main content found, page furniture dropped, the rest mapped to blocks.
//!
//! The rule:
//! 1. Readability ([`readability`], a port of Readability.js) chooses and cleans the content
//!    and reads the metadata; its title is the title (`og:title`/JSON-LD, else `<title>`
//!    without the site name when enough is left, else the lone `h1`), and a heading in the
//!    content that repeats it goes. Byline, published time, site name, `lang` and `dir` come
//!    from it too (`lang` of the element holding most of the content first). The subtitle is
//!    an element classed subtitle/standfirst/dek… in the content or next to the `h1`, else
//!    Readability's excerpt unless it only repeats the opening words.
//! 2. When Readability finds nothing, sahifa's own rule: the content root is the `<article>`
//!    with the most text, else `<main>` / `[role=main]`, else the element whose `<p>` children
//!    hold the most text (a parent scores its paragraphs' text, a grandparent half of it),
//!    else `<body>`; furniture is dropped by class and id words too (share, social, related,
//!    comments, breadcrumb, menu, advert, newsletter, tags, byline…, the lists are in
//!    `walk.rs`); the title is the first `h1` in the content, else an `h1` elsewhere that the
//!    page title repeats, else `<title>` with the site name after the last " | " (or " – ",
//!    " — ", " :: ") cut; metadata from `meta[name=author]` (else a byline element),
//!    `article:published_time` or the first `time[datetime]`, `og:site_name`.
//! 3. Either way the same walk builds the blocks, skipping `script`, `style`, `nav`, `footer`,
//!    forms, buttons, iframes, `role=navigation|banner|contentinfo|search`,
//!    `hidden`/`aria-hidden`, and paragraphs that are site-chrome lines ([`super::chrome`]):
//!    `h1`–`h6` become headings, `p` paragraphs, `figure`/`img`/`figcaption` figures,
//!    `blockquote` quotes (attribution from `footer`, `cite` or a trailing "— name" line),
//!    `ul`/`ol` lists, `pre` code, `table` tables, `hr` rules; an `aside` or an element whose
//!    class says stat/number/figure/highlight and that holds a figure becomes a call-out.
//! 4. A page fetched from a URL ([`parse_page`]) has its relative `href` and `src` made
//!    absolute against that URL and `<base href>`; `metadata.source` is that URL (else the
//!    canonical one). Character references are decoded by the parser; whitespace runs
//!    collapse to one space as a browser shows them.

mod blocks;
mod readability;
mod rich;
mod walk;

use super::outline::{Item, sections};
use crate::document::{Direction, Document, Format, Metadata};
use scraper::{ElementRef, Html, Selector};
use std::collections::HashMap;

/// Loads an HTML article saved to a file or read from standard input.
pub fn parse(text: &str) -> Document {
    parse_page(text, None)
}

/// Loads an HTML page fetched from `url`: links and pictures in it come out absolute.
pub fn parse_page(text: &str, url: Option<&str>) -> Document {
    let mut document = readability::extract(text, url)
        .and_then(|found| from_readability(found, text, url))
        .unwrap_or_else(|| own_rule(text, url));
    if document.metadata.source.is_none() {
        document.metadata.source = url.map(str::to_owned);
    }
    document
}

/// The article Readability chose, as blocks; `None` when it holds no text.
fn from_readability(
    found: readability::Extract,
    page: &str,
    url: Option<&str>,
) -> Option<Document> {
    let html = Html::parse_fragment(&found.content);
    let content_lang = content_language(&html);
    let mut walker = walk::Walker::cleaned(found.subtitle.clone());
    walker.walk(html.root_element());
    let subtitle = walker.subtitle.take();
    let byline = walker.byline.take();
    let mut items = walker.finish();
    if !items.iter().any(|i| matches!(i, Item::Block(_))) {
        return None;
    }
    // As Readability gives it (it already normalises `<title>`; `og:title` keeps its spaces),
    // line breaks and tabs made spaces.
    let mut title = found
        .title
        .replace(['\n', '\r', '\t', '\x0C'], " ")
        .trim()
        .to_owned();
    if title.is_empty() {
        let page = Html::parse_document(page);
        title = title_outside_content(&page)
            .or_else(|| first(&page, "h1").map(|h| rich::element_text(&h)))
            .unwrap_or_default();
    }
    // Readability makes the content's `h1` an `h2`; the heading that repeats the title goes.
    if let Some(index) = items
        .iter()
        .position(|i| matches!(i, Item::Heading(_, h) if *h == title))
    {
        items.remove(index);
    }
    let mut document = Document {
        format: Format::Html,
        title,
        metadata: Metadata {
            author: found.byline.or(byline),
            date: found.published,
            source: url.map(str::to_owned).or(found.url),
            site: found.site_name,
        },
        sections: sections(items),
        ..Document::default()
    };
    document.subtitle = subtitle.or(found.subtitle).or_else(|| {
        let excerpt = rich::collapse(found.excerpt.as_deref()?);
        (!repeats_the_lead(&document, &excerpt)).then_some(excerpt)
    });
    let dir = match found.dir.as_deref().map(str::to_ascii_lowercase).as_deref() {
        Some("rtl") => Some(Direction::Rtl),
        Some("ltr") => Some(Direction::Ltr),
        _ => None,
    };
    let lang = content_lang.or(found.lang);
    super::fill_language(&mut document, lang.as_deref(), dir);
    Some(document)
}

/// The `lang` of an element of the content that holds most of its text (the article element
/// Readability kept), which says more than the page's.
fn content_language(content: &Html) -> Option<String> {
    let text_len = |e: &ElementRef<'_>| e.text().map(str::len).sum::<usize>();
    let total = text_len(&content.root_element());
    let sel = selector("[lang]")?;
    content
        .select(&sel)
        .find(|e| text_len(e) * 2 >= total)
        .and_then(|e| e.value().attr("lang"))
        .map(str::to_owned)
}

/// Whether the excerpt is only the article's opening words (Readability's excerpt when a page
/// has no description): as a subtitle it would say the same thing twice.
fn repeats_the_lead(document: &Document, excerpt: &str) -> bool {
    let head: String = excerpt
        .trim_end_matches(['…', '.', ' '])
        .chars()
        .take(60)
        .collect();
    let lead: String = document
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .take(4)
        .map(crate::document::Block::plain_text)
        .collect::<Vec<_>>()
        .join(" ");
    head.is_empty() || lead.contains(&head)
}

/// Sahifa's own rule, for pages where Readability finds nothing (see the module doc).
fn own_rule(text: &str, url: Option<&str>) -> Document {
    let html = Html::parse_document(text);
    let root = content_root(&html);
    let mut walker = walk::Walker::default();
    walker.walk(root);
    let subtitle = walker.subtitle.take();
    let byline = walker.byline.take();
    let mut items = walker.finish();

    let mut document = Document {
        format: Format::Html,
        metadata: metadata(&html, root, byline),
        ..Document::default()
    };
    let first_h1 = items.iter().position(|i| matches!(i, Item::Heading(1, _)));
    match first_h1 {
        Some(index) => {
            if let Item::Heading(_, title) = items.remove(index) {
                document.title = title;
            }
        }
        None => document.title = title_outside_content(&html).unwrap_or_default(),
    }
    document.subtitle = subtitle;
    document.sections = sections(items);
    let (lang, dir) = language_and_direction(&html, root);
    super::fill_language(&mut document, lang.as_deref(), dir);
    if let Some(url) = url {
        let base = first(&html, "base[href]")
            .and_then(|b| b.value().attr("href"))
            .and_then(|href| url::Url::parse(url).ok()?.join(href.trim()).ok());
        let base = base.map_or_else(|| url.to_owned(), String::from);
        super::links::resolve(&mut document, &base);
    }
    document
}

fn selector(css: &str) -> Option<Selector> {
    Selector::parse(css).ok()
}

fn first<'a>(html: &'a Html, css: &str) -> Option<ElementRef<'a>> {
    html.select(&selector(css)?).next()
}

fn content_root(html: &Html) -> ElementRef<'_> {
    if let Some(sel) = selector("article") {
        let best = html
            .select(&sel)
            .max_by_key(|a| a.text().map(str::len).sum::<usize>());
        if let Some(article) = best {
            return article;
        }
    }
    if let Some(main) = first(html, "main, [role=main]") {
        return main;
    }
    if let Some(best) = densest_paragraph_parent(html) {
        return best;
    }
    first(html, "body").unwrap_or_else(|| html.root_element())
}

fn densest_paragraph_parent(html: &Html) -> Option<ElementRef<'_>> {
    let sel = selector("p")?;
    let mut scores = HashMap::new();
    for p in html.select(&sel) {
        let len: usize = p.text().map(str::len).sum();
        let Some(parent) = p.parent() else { continue };
        *scores.entry(parent.id()).or_insert(0usize) += len;
        if let Some(grand) = parent.parent() {
            *scores.entry(grand.id()).or_insert(0usize) += len / 2;
        }
    }
    let (id, _) = scores.into_iter().max_by_key(|&(id, score)| (score, id))?;
    html.tree.get(id).and_then(ElementRef::wrap)
}

/// With no `h1` in the content: an `h1` elsewhere on the page (an article header above the
/// body) when the page title repeats it, which tells it from a site logo; else the page title.
fn title_outside_content(html: &Html) -> Option<String> {
    let page = page_title(html);
    let h1 = first(html, "h1").map(|h| rich::element_text(&h));
    match (h1, page) {
        (Some(h1), Some(page)) if !h1.is_empty() && page.contains(&h1) => Some(h1),
        (_, page) => page,
    }
}

/// The page `<title>` without the site name.
fn page_title(html: &Html) -> Option<String> {
    let raw: String = first(html, "title")?.text().collect();
    let title = rich::collapse(&raw);
    let cut = [" | ", " – ", " — ", " :: "]
        .iter()
        .filter_map(|sep| title.rfind(sep))
        .max()
        .and_then(|at| title.get(..at))
        .unwrap_or(&title);
    Some(cut.trim().to_owned()).filter(|t| !t.is_empty())
}

fn metadata(html: &Html, root: ElementRef<'_>, byline: Option<String>) -> Metadata {
    let attr = |css: &str, name: &str| {
        first(html, css)
            .and_then(|e| e.value().attr(name))
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let time_in_root = selector("time[datetime]")
        .and_then(|s| root.select(&s).next())
        .and_then(|t| t.value().attr("datetime"))
        .map(str::to_owned);
    Metadata {
        author: attr("meta[name=author]", "content").or(byline),
        date: attr("meta[property='article:published_time']", "content")
            .or(time_in_root)
            .or_else(|| attr("time[datetime]", "datetime")),
        source: attr("link[rel=canonical]", "href")
            .or_else(|| attr("meta[property='og:url']", "content")),
        site: attr("meta[property='og:site_name']", "content"),
    }
}

fn language_and_direction(
    html: &Html,
    root: ElementRef<'_>,
) -> (Option<String>, Option<Direction>) {
    let chain: Vec<ElementRef<'_>> = [Some(root), first(html, "body"), Some(html.root_element())]
        .into_iter()
        .flatten()
        .collect();
    let lang = chain
        .iter()
        .find_map(|e| {
            e.value()
                .attr("lang")
                .or_else(|| e.value().attr("xml:lang"))
        })
        .map(str::to_owned);
    let dir = chain.iter().find_map(|e| {
        match e.value().attr("dir")?.trim().to_ascii_lowercase().as_str() {
            "rtl" => Some(Direction::Rtl),
            "ltr" => Some(Direction::Ltr),
            _ => None,
        }
    });
    (lang, dir)
}

#[cfg(test)]
mod tests;
