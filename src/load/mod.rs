//! Opening an article: bytes from a file or standard input → decoded text → [`Document`].
//!
//! Contract of [`open`], the entry point every other stage and command uses:
//! - `None` or `-` reads standard input; anything else is a file path.
//! - A missing file, a directory, an unreadable file, binary data or an article with no text
//!   (empty, only whitespace or only site chrome) is an [`Error`] naming the file in one line;
//!   nothing panics.
//! - The format is `options.format` when given, else the file extension (`.txt`, `.md`,
//!   `.html`…), else sniffed from the text ([`sniff_format`]).
//! - The encoding is `options.encoding` when given, else detected ([`crate::decode`]).
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
pub mod html;
pub mod markdown;
mod outline;
pub mod script;
pub mod stat;
pub mod text;

use crate::decode;
use crate::document::{Block, Direction, Document, Format};
use crate::error::{Error, Result, Warning};
use encoding_rs::Encoding;
use std::io::Read;
use std::path::{Path, PathBuf};

/// How to open an article; the defaults detect everything.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions {
    /// Force a format instead of guessing from the extension and the content.
    pub format: Option<Format>,
    /// Force an encoding instead of detecting it.
    pub encoding: Option<&'static Encoding>,
}

/// A loaded article and what the user should be told about it.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub document: Document,
    pub warnings: Vec<Warning>,
    /// The encoding the bytes were decoded from.
    pub encoding: &'static Encoding,
}

/// The name standard input goes by in messages.
pub const STDIN_NAME: &str = "<stdin>";

/// Opens an article from a file, or from standard input when `path` is `None` or `-`.
pub fn open(path: Option<&Path>, options: &LoadOptions) -> Result<Loaded> {
    let (bytes, name) = read(path)?;
    load_bytes(&bytes, &name, options)
}

/// The bytes of a file, or of standard input when `path` is `None` or `-`, and the name they
/// go by in messages.
pub fn read(path: Option<&Path>) -> Result<(Vec<u8>, PathBuf)> {
    match path {
        Some(p) if p.as_os_str() != "-" => Ok((read_file(p)?, p.to_path_buf())),
        _ => {
            let name = PathBuf::from(STDIN_NAME);
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| Error::Read {
                    path: name.clone(),
                    reason: e.to_string(),
                })?;
            Ok((bytes, name))
        }
    }
}

fn read_file(path: &Path) -> Result<Vec<u8>> {
    let error = |reason: &str| Error::Read {
        path: path.to_path_buf(),
        reason: reason.to_owned(),
    };
    if path.is_dir() {
        return Err(error("is a directory, not an article"));
    }
    std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => error("no such file"),
        std::io::ErrorKind::PermissionDenied => error("permission denied"),
        _ => error(&e.to_string()),
    })
}

/// Decodes and parses bytes read from `path` (which names them and gives the extension).
pub fn load_bytes(bytes: &[u8], path: &Path, options: &LoadOptions) -> Result<Loaded> {
    let decoded = decode::decode(bytes, path, options.encoding)?;
    let format = options
        .format
        .or_else(|| format_from_extension(path))
        .unwrap_or_else(|| sniff_format(&decoded.text));
    let document = parse(&decoded.text, format);
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
            encoding: None,
        };
        let loaded =
            load_bytes(b"# Heading\n\nBody.\n", Path::new("a.md"), &options).expect("loads");
        assert_eq!(loaded.document.format, Format::Text);
        assert_eq!(loaded.document.title, "# Heading");
    }

    #[test]
    fn open_reports_missing_files_and_directories_by_name() {
        let missing = open(Some(Path::new("no/such.txt")), &LoadOptions::default());
        assert_eq!(
            missing.map(|_| ()).map_err(|e| e.to_string()),
            Err("no/such.txt: no such file".to_owned())
        );
        let dir = open(
            Some(Path::new(env!("CARGO_MANIFEST_DIR"))),
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
