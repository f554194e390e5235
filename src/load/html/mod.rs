//! HTML articles: the main content found, page furniture dropped, the rest mapped to blocks.
//!
//! The rule:
//! 1. The content root is the `<article>` with the most text, else `<main>` / `[role=main]`,
//!    else the element whose `<p>` children hold the most text (a parent scores its
//!    paragraphs' text, a grandparent half of it), else `<body>`.
//! 2. Inside it, furniture is dropped: `script`, `style`, `nav`, `footer`, forms, buttons,
//!    iframes, `role=navigation|banner|contentinfo|search`, `hidden`/`aria-hidden`, and any
//!    element whose class or id has a word such as share, social, related, comments,
//!    breadcrumb, menu, advert, newsletter, tags, byline (the lists are in `walk.rs`).
//!    Paragraphs that are site-chrome lines ([`super::chrome`]) go too.
//! 3. `h1`–`h6` become headings, `p` paragraphs, `figure`/`img`/`figcaption` figures,
//!    `blockquote` quotes (attribution from `footer`, `cite` or a trailing "— name" line),
//!    `ul`/`ol` lists, `pre` code, `table` tables, `hr` rules; an `aside` or an element whose
//!    class says stat/number/figure/highlight and that holds a figure becomes a call-out.
//! 4. Title: the first `h1` in the content, else an `h1` elsewhere that the page title repeats,
//!    else `<title>` with the site name after the last " | " (or " – ", " — ", " :: ") cut. Subtitle: an element classed subtitle, standfirst,
//!    dek, lede or lead. `lang`/`dir` come from the content root, `<body>` or `<html>`.
//! 5. Metadata: `meta[name=author]` (else a byline element), `article:published_time` or the
//!    first `time[datetime]`, `link[rel=canonical]` or `og:url`. Character references are
//!    decoded by the parser; whitespace runs collapse to one space as a browser shows them.

mod blocks;
mod rich;
mod walk;

use super::outline::{Item, sections};
use crate::document::{Direction, Document, Format, Metadata};
use scraper::{ElementRef, Html, Selector};
use std::collections::HashMap;

/// Loads an HTML article.
pub fn parse(text: &str) -> Document {
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
