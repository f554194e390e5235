//! Opening an article: a [`Source`]'s bytes → decoded text → [`Document`].
//!
//! Contract of [`open`], the entry point every other stage and command uses:
//! - The bytes come from the source (`crate::source`), and every message names it; a URL
//!   source is fetched ([`crate::fetch`]).
//! - A missing file, a directory, an unreadable file, binary data or an article with no text
//!   (empty, only whitespace or only site chrome) is an [`Error`] naming the file in one line;
//!   nothing panics.
//! - The format is `options.format` when given, else the file extension (`.txt`, `.md`,
//!   `.html`…), else sniffed from the text ([`sniff_format`]).
//! - The encoding is `options.encoding` when given, else detected ([`crate::decode`]).
//! - A fetched article: the format comes from the content type (`text/html`, `text/markdown`;
//!   `text/plain` is Markdown when the URL's path ends in `.md`), else as for a file; the
//!   encoding from the `Content-Type` charset, else the page's `<meta charset>`, else detected
//!   (a BOM wins over all); relative links and figure sources become absolute against the
//!   final URL ([`links`]), which is `metadata.source`.
//! - Problems that do not stop loading (invalid UTF-8 replaced…) come back as
//!   [`Loaded::warnings`] for the caller to print; the library never writes to stderr.
//! - The returned document keeps every character in logical order, untouched (no shaping, no
//!   reordering); site chrome is dropped; `language` and `direction` are always filled
//!   (markup or front matter first, else from the script of the text, see [`script`]).
//! - `entities` is left empty: tagging belongs to the analyse stage.
//!
//! Structure that only the source format can reveal is found here, by the loader of that
//! format: plain-text headings, subtitles and statistic call-outs ([`text`], figures by
//! [`stat`]), HTML statistic boxes ([`html`]); language and direction from the script
//! ([`script`], which also gives a paragraph's own direction).

pub mod chrome;
pub mod figure_files;
pub mod front_matter;
pub mod head;
pub mod html;
pub mod links;
pub mod markdown;
mod outline;
pub mod script;
pub mod stat;
pub mod stream;
pub mod text;

use crate::decode;
use crate::document::{Block, Direction, Document, Format};
use crate::error::{Error, Result, Warning};
use crate::fetch::{self, FetchOptions, Fetched};
use crate::source::Source;
use encoding_rs::Encoding;
use std::path::Path;

pub use head::{HEAD_BYTES, Head, LAZY_BYTES, Partial, parse_head, read_head};

/// How to open an article; the defaults detect everything.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions {
    /// Force a format instead of guessing from the extension and the content.
    pub format: Option<Format>,
    /// Force an encoding instead of detecting it.
    pub encoding: Option<&'static Encoding>,
    /// Limits when the article is a URL.
    pub fetch: FetchOptions,
}

/// A loaded article and what the user should be told about it.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub document: Document,
    pub warnings: Vec<Warning>,
    /// The encoding the bytes were decoded from.
    pub encoding: &'static Encoding,
}

/// Opens an article from its source; a file's bytes become the text without a copy when they
/// are UTF-8 already.
pub fn open(source: &Source, options: &LoadOptions) -> Result<Loaded> {
    if let Source::Url(url) = source {
        return open_url(url, options, &mut |_| {});
    }
    // A plain-text file is read a piece at a time, never held whole next to its paragraphs.
    if let Source::File(path) = source
        && let Some(loaded) = stream::open(path, options)
    {
        return loaded;
    }
    load_read(source.read(&options.fetch)?, options)
}

/// Decodes and parses a source's bytes (moved in: UTF-8 becomes the text without a copy).
pub fn load_read(read: crate::source::Fetched, options: &LoadOptions) -> Result<Loaded> {
    let format = options.format.or_else(|| format_from_extension(&read.name));
    let decoded = decode::decode_owned(read.bytes, &read.name, options.encoding)?;
    load_decoded(decoded, &read.name, format, None)
}

/// Fetches and loads the article at `url`; `on_progress` hears the bytes received so far.
pub fn open_url(
    url: &str,
    options: &LoadOptions,
    on_progress: &mut dyn FnMut(u64),
) -> Result<Loaded> {
    let fetched = fetch::fetch(url, &options.fetch, on_progress)?;
    load_fetched(&fetched, options)
}

/// Decodes and parses bytes read from `path` (which names them and gives the extension).
pub fn load_bytes(bytes: &[u8], path: &Path, options: &LoadOptions) -> Result<Loaded> {
    let format = options.format.or_else(|| format_from_extension(path));
    let decoded = decode::decode(bytes, path, options.encoding)?;
    load_decoded(decoded, path, format, None)
}

/// Decodes and parses a fetched article (see the module doc for what the headers decide).
pub fn load_fetched(fetched: &Fetched, options: &LoadOptions) -> Result<Loaded> {
    // Fetched as a possible feed, and it was not one.
    if let Some(kind) = (fetched.content_type.as_deref()).filter(|k| fetch::FEED_TYPES.contains(k))
    {
        return Err(fetch::FetchError {
            url: fetched.url.clone(),
            reason: format!(
                "not an article but {kind} (sahifa reads HTML, plain text and Markdown)"
            ),
        }
        .into());
    }
    let name = Path::new(&fetched.url);
    let path_extension = url::Url::parse(&fetched.url)
        .ok()
        .and_then(|u| format_from_extension(Path::new(u.path())));
    let format = options.format.or(match fetched.content_type.as_deref() {
        Some("text/html" | "application/xhtml+xml") => Some(Format::Html),
        Some("text/markdown" | "text/x-markdown") => Some(Format::Markdown),
        Some("text/plain") if path_extension == Some(Format::Markdown) => Some(Format::Markdown),
        Some("text/plain") => Some(Format::Text),
        _ => path_extension,
    });
    let encoding = options
        .encoding
        .or_else(|| {
            fetched
                .charset
                .as_deref()
                .and_then(decode::encoding_for_label)
        })
        .or_else(|| {
            (format != Some(Format::Text))
                .then(|| decode::declared_in_html(&fetched.bytes))
                .flatten()
        });
    let decoded = decode::decode(&fetched.bytes, name, encoding)?;
    load_decoded(decoded, name, format, Some(&fetched.url))
}

/// Parses decoded text; the text is dropped once the document is built.
fn load_decoded(
    decoded: decode::Decoded,
    path: &Path,
    format: Option<Format>,
    url: Option<&str>,
) -> Result<Loaded> {
    let format = format.unwrap_or_else(|| sniff_format(&decoded.text));
    let mut document = match format {
        Format::Html => html::parse_page(&decoded.text, url),
        _ => parse(&decoded.text, format),
    };
    document.format = format;
    if let Some(url) = url {
        links::resolve(&mut document, url);
        document.metadata.source = Some(url.to_owned());
    }
    if !has_text(&document) {
        return Err(Error::Invalid {
            path: path.to_path_buf(),
            reason: "the article is empty".to_owned(),
        });
    }
    Ok(Loaded {
        document,
        warnings: decoded.warnings,
        encoding: decoded.encoding,
    })
}

/// Whether a parsed article has anything to read: a title, subtitle or heading, or a block
/// with text or an image. A reader showing "0/0" over a blank page helps nobody.
fn has_text(document: &Document) -> bool {
    let filled = |s: &str| !s.trim().is_empty();
    filled(&document.title)
        || document.subtitle.as_deref().is_some_and(filled)
        || document.sections.iter().any(|section| {
            section.shown_heading().is_some()
                || section.blocks.iter().any(|block| match block {
                    Block::Figure { src, .. } if filled(src) => true,
                    Block::Callout { value, .. } if filled(value) => true,
                    block => block.texts().into_iter().any(filled),
                })
        })
}

/// Parses decoded text in a known format.
pub fn parse(text: &str, format: Format) -> Document {
    let mut document = match format {
        Format::Text => text::parse(text),
        Format::Markdown => markdown::parse(text),
        Format::Html => html::parse(text),
    };
    document.format = format;
    document
}

/// The format a file extension names, if any.
pub fn format_from_extension(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(Format::Text),
        "md" | "markdown" | "mdown" | "mkd" | "mkdn" => Some(Format::Markdown),
        "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
        _ => None,
    }
}

/// Guesses the format from the text: markup tags at the start mean HTML; front matter,
/// ATX headings, fences, images or links mean Markdown; anything else is plain text.
pub fn sniff_format(text: &str) -> Format {
    let head: String = text
        .trim_start()
        .chars()
        .take(1024)
        .collect::<String>()
        .to_lowercase();
    if head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml")
        || ["<body", "<article", "<p>", "<div", "<h1"]
            .iter()
            .any(|t| head.contains(t))
    {
        return Format::Html;
    }
    if head.starts_with("---\n") || head.starts_with("+++\n") {
        return Format::Markdown;
    }
    let markdown_lines = text
        .lines()
        .take(200)
        .filter(|l| {
            let l = l.trim_start();
            l.starts_with("# ")
                || l.starts_with("## ")
                || l.starts_with("### ")
                || l.starts_with("```")
                || l.starts_with("![")
                || (l.contains("](") && l.contains('['))
        })
        .count();
    if markdown_lines > 0 {
        Format::Markdown
    } else {
        Format::Text
    }
}

/// Fills `language` and `direction`: what the markup or front matter declared wins, the
/// script of the text decides the rest. Every loader calls this last.
pub(crate) fn fill_language(
    document: &mut Document,
    declared_language: Option<&str>,
    declared_direction: Option<Direction>,
) {
    let declared_language = declared_language
        .and_then(|l| l.split(['-', '_']).next())
        .map(|l| l.trim().to_ascii_lowercase())
        .filter(|l| !l.is_empty());
    let counts = || script_counts(document);
    let (language, direction) = match (declared_language, declared_direction) {
        (Some(language), Some(direction)) => (language, direction),
        (Some(language), None) => {
            let direction = if is_rtl_language(&language) {
                Direction::Rtl
            } else {
                counts().direction()
            };
            (language, direction)
        }
        (None, direction) => {
            let counts = counts();
            (
                counts.language().to_owned(),
                direction.unwrap_or_else(|| counts.direction()),
            )
        }
    };
    document.language = language;
    document.direction = direction;
}

/// Letters enough to tell the language; counting stops there so big articles cost nothing.
const ENOUGH_BYTES: usize = 64 * 1024;

fn script_counts(document: &Document) -> script::ScriptCounts {
    use crate::document::Block;
    let mut counts = script::ScriptCounts::of(&document.title);
    let mut seen = 0;
    let mut add = |text: &str| {
        if seen < ENOUGH_BYTES {
            counts.add(text);
            seen += text.len();
        }
    };
    let blocks = document.sections.iter().flat_map(|s| &s.blocks);
    // A 10 MB article has far more blocks than the first 64 KiB need.
    // Code says nothing about the language of the article.
    let prose = blocks.take(ENOUGH_BYTES / 16);
    for block in prose.filter(|block| !matches!(block, Block::Code { .. })) {
        block.texts().into_iter().for_each(&mut add);
    }
    counts
}

fn is_rtl_language(language: &str) -> bool {
    matches!(
        language,
        "ar" | "fa" | "ur" | "he" | "yi" | "ps" | "ku" | "ckb" | "sd" | "ug" | "dv" | "arc" | "syr"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_comes_from_the_extension_then_the_content() {
        assert_eq!(
            format_from_extension(Path::new("a/b.MD")),
            Some(Format::Markdown)
        );
        assert_eq!(
            format_from_extension(Path::new("page.htm")),
            Some(Format::Html)
        );
        assert_eq!(
            format_from_extension(Path::new("news.txt")),
            Some(Format::Text)
        );
        assert_eq!(format_from_extension(Path::new("news")), None);
        assert_eq!(sniff_format("<!DOCTYPE html><html>…"), Format::Html);
        assert_eq!(sniff_format("---\ntitle: x\n---\ntext"), Format::Markdown);
        assert_eq!(sniff_format("عنوان\n\n## قسم\n\nنص"), Format::Markdown);
        assert_eq!(sniff_format("عنوان\n\nنص عادي، بلا علامات.\n"), Format::Text);
    }

    #[test]
    fn forced_format_beats_the_extension() {
        let options = LoadOptions {
            format: Some(Format::Text),
            ..LoadOptions::default()
        };
        let loaded =
            load_bytes(b"# Heading\n\nBody.\n", Path::new("a.md"), &options).expect("loads");
        assert_eq!(loaded.document.format, Format::Text);
        assert_eq!(loaded.document.title, "# Heading");
    }

    #[test]
    fn open_reports_missing_files_and_directories_by_name() {
        let missing = open(&Source::File("no/such.txt".into()), &LoadOptions::default());
        assert_eq!(
            missing.map(|_| ()).map_err(|e| e.to_string()),
            Err("no/such.txt: no such file".to_owned())
        );
        let dir = open(
            &Source::File(env!("CARGO_MANIFEST_DIR").into()),
            &LoadOptions::default(),
        );
        assert!(matches!(dir, Err(Error::Read { reason, .. }) if reason.contains("directory")));
    }

    #[test]
    fn declared_language_implies_direction_and_script_fills_the_rest() {
        let mut document = Document {
            title: "Title in Latin letters".into(),
            ..Document::default()
        };
        fill_language(&mut document, Some("he-IL"), None);
        assert_eq!(
            (document.language.as_str(), document.direction),
            ("he", Direction::Rtl)
        );
        fill_language(&mut document, None, Some(Direction::Rtl));
        assert_eq!(
            (document.language.as_str(), document.direction),
            ("en", Direction::Rtl)
        );
        fill_language(&mut document, None, None);
        assert_eq!(
            (document.language.as_str(), document.direction),
            ("en", Direction::Ltr)
        );
    }
}
