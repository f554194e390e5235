//! The main content and metadata of a web page, chosen by Readability's rules.
//!
//! [`dom_smoothie`] is a port of Mozilla's Readability.js: it scores the page's elements,
//! keeps the best candidate with its related siblings, cleans it (share bars, forms, comment
//! threads, empty and link-heavy blocks) and reads the metadata (JSON-LD, `og:`, Dublin Core,
//! `<meta name=author>`…). Its title follows Readability: `og:title`/JSON-LD, else `<title>`
//! with the site name cut when what is left is long enough, else the lone `h1`. With the page's
//! URL, relative `href` and `src` in the content come back absolute (against `<base href>` when
//! the page has one).
//!
//! Readability drops every `<aside>`; a statistic box (an `aside` whose class or id says
//! stat, number, figure…) is made a `<section>` first, so the walker still finds the call-out;
//! likewise every `<footer>`, so a quote's `<footer>` (its attribution) becomes a `<cite>`.
//!
//! Readability keeps the body of a story, not always its header: the subtitle (an element
//! whose class or id says subtitle, standfirst, dek…) is looked for next to the page's `h1`
//! before extraction.
//!
//! A page nested deeper than [`MAX_DEPTH`] elements is not given to Readability, whose
//! scoring is quadratic in the depth and recursive (a hostile page would take minutes or
//! overflow the stack); no real article comes near it.
//!
//! What comes back is HTML, which the walker turns into blocks like any other article; `None`
//! when Readability finds no content at all, and the caller falls back to its own rule.

use dom_smoothie::{Config, Readability};

/// Deeper pages are left to the caller's own rule.
pub const MAX_DEPTH: usize = 400;

/// What Readability found on a page.
#[derive(Debug, Default)]
pub struct Extract {
    /// The article's HTML: the chosen element and its kept siblings.
    pub content: String,
    pub title: String,
    pub byline: Option<String>,
    pub excerpt: Option<String>,
    /// The story's subtitle from the header around the `h1`, wherever the content is.
    pub subtitle: Option<String>,
    pub site_name: Option<String>,
    pub published: Option<String>,
    pub lang: Option<String>,
    pub dir: Option<String>,
    /// The page's own URL (JSON-LD), when it declares one.
    pub url: Option<String>,
}

/// Readability over `html`; `url` (absolute) resolves relative links.
pub fn extract(html: &str, url: Option<&str>) -> Option<Extract> {
    let config = Config {
        // The walker reads class names: statistic boxes, subtitles.
        keep_classes: true,
        ..Config::default()
    };
    let page = dom_query::Document::from(html);
    if deeper_than(&page, MAX_DEPTH) {
        return None;
    }
    keep_statistic_boxes(&page);
    let subtitle = subtitle_by_the_headline(&page);
    page.select("blockquote > footer").rename("cite");
    // A URL Readability refuses (not absolute) only costs the link resolution.
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let mut readability = Readability::with_document(page, url, Some(config)).ok()?;
    let article = readability.parse().ok()?;
    let text = |s: Option<String>| s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    Some(Extract {
        content: article.content.to_string(),
        title: article.title.trim().to_owned(),
        byline: text(article.byline),
        excerpt: text(article.excerpt),
        subtitle,
        site_name: text(article.site_name),
        published: text(article.published_time),
        lang: text(article.lang),
        dir: text(article.dir),
        url: text(article.url),
    })
}

/// Whether some element of `page` has more than `limit` ancestors; an explicit stack, since
/// the point is not to recurse that deep.
fn deeper_than(page: &dom_query::Document, limit: usize) -> bool {
    let mut stack = vec![(page.root(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        if depth > limit {
            return true;
        }
        let mut child = node.first_element_child();
        while let Some(c) = child {
            child = c.next_element_sibling();
            stack.push((c, depth + 1));
        }
    }
    false
}

fn class_and_id(el: &dom_query::Selection<'_>) -> String {
    [el.attr("class"), el.attr("id")]
        .into_iter()
        .flatten()
        .map(|w| w.to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first element classed as a subtitle inside the parent or grandparent of the page's
/// first `h1`, not holding the `h1` itself.
fn subtitle_by_the_headline(page: &dom_query::Document) -> Option<String> {
    let h1 = page.select("h1").first();
    if !h1.exists() {
        return None;
    }
    let parent = h1.parent();
    for around in [parent.clone(), parent.parent()] {
        for el in around.select("[class], [id]").iter() {
            if el.is("h1, figure, img, picture, table, ul, ol")
                || el.select("h1, img, figure, p, table, ul, ol").exists()
            {
                continue;
            }
            if super::walk::says_subtitle(&class_and_id(&el)) {
                let text = super::rich::collapse(&el.text());
                if !text.is_empty() && text.chars().count() <= super::walk::MAX_SUBTITLE_CHARS {
                    return Some(text);
                }
            }
        }
    }
    None
}

fn keep_statistic_boxes(page: &dom_query::Document) {
    for aside in page.select("aside").iter() {
        if super::walk::says_statistic(&class_and_id(&aside)) {
            aside.rename("section");
        }
    }
}
