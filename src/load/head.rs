//! The first part of a big file, for a reader to show (and `shot` to picture) while the whole of
//! it is not read: a [`Head`], the document of the file's first bytes and a [`Partial`] saying
//! how many of how many bytes it holds.
//!
//! The rule: only a regular file over [`LAZY_BYTES`] in UTF-8 plain text or Markdown has a head.
//! Its first [`HEAD_BYTES`] are cut at the last block boundary in them, so the blocks of the
//! head are parsed exactly as they are inside the whole file:
//! - plain text: after the last blank line (a paragraph is what lies between blank lines);
//! - Markdown: after the last blank line outside a fenced code block and outside an HTML block
//!   that a blank line does not end (a comment, `<pre>`, `<script>`, `<style>`, `<textarea>`,
//!   `<?…?>`, `<!…>`, CDATA), and before a line that starts at the margin with no list marker
//!   (an indented line, or a list item, may continue the block above it). Front matter must
//!   close inside the head. A reference link or footnote whose definition is not in the head
//!   (CommonMark lets it come later, often at the end of the file) would read as plain text
//!   there: such a file has no head.
//!
//! Anything else — a small file, not UTF-8, a NUL, no boundary, a format the head alone cannot
//! tell (sniffed from fewer lines than the sniffer reads, see [`super::sniff_format`]) — has no
//! head and is read whole. HTML has none either: Readability chooses the article's content by
//! scoring the whole page, so no first part of a page is parsed as it is inside the whole.
//! Standard input and URLs are read whole too: their length is not known before they end, and
//! their bytes cannot be read again for the rest.
//!
//! What the head cannot know: the article's length (a [`Partial`] estimates places by bytes,
//! never a line count), the sections, links and entities after it, and the evidence later text
//! gives the entity tagger (a name that a title names as a person further on): entities tagged
//! over the head are the ones the head's own text shows, which may differ from the whole
//! article's marks exactly where that later evidence matters.

use super::{Format, LoadOptions, format_from_extension, has_text, parse, sniff_format};
use crate::document::Document;
use std::path::Path;

/// Files bigger than this open lazily (see the module doc).
pub const LAZY_BYTES: u64 = 2 << 20;
/// How much of a lazily opened file is read first: many screens, and enough text to tell its
/// language.
pub const HEAD_BYTES: u64 = 64 << 10;
/// Lines the format sniffer looks at; a head with fewer says nothing about the lines after it.
const SNIFFED_LINES: usize = 200;

/// A document that holds the first `read` bytes of a file of `total` bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Partial {
    pub read: u64,
    pub total: u64,
}

impl Partial {
    /// How many of the whole article's `units` there are, estimated from the `head_units` of
    /// the part read, by bytes (at least as many as were read).
    pub fn estimated_units(self, head_units: usize) -> usize {
        let estimate = (head_units as u128) * u128::from(self.total) / u128::from(self.read.max(1));
        usize::try_from(estimate)
            .unwrap_or(usize::MAX)
            .max(head_units)
    }
}

/// The first part of a big file: its document and how much of the file it holds.
#[derive(Debug, Clone)]
pub struct Head {
    pub document: Document,
    pub partial: Partial,
}

/// The first [`HEAD_BYTES`] of a regular file bigger than [`LAZY_BYTES`], and the file's size;
/// `None` for a smaller file or one that cannot be read (its loader says why).
pub fn read_head(path: &Path) -> Option<(Vec<u8>, u64)> {
    use std::io::Read;
    let file = std::fs::File::open(path).ok()?;
    let metadata = file.metadata().ok()?;
    if !metadata.is_file() || metadata.len() <= LAZY_BYTES {
        return None;
    }
    let mut head = Vec::with_capacity(HEAD_BYTES as usize);
    file.take(HEAD_BYTES).read_to_end(&mut head).ok()?;
    Some((head, metadata.len()))
}

/// The document of `head`, a file's first bytes, cut at its last block boundary and parsed as
/// the whole file would be (same title, language and first blocks), and the bytes of the file
/// it holds; `None` unless the head is UTF-8 plain text or Markdown (by `options`, the
/// extension, else by its content) with a boundary in it.
pub fn parse_head(head: &[u8], path: &Path, options: &LoadOptions) -> Option<(Document, usize)> {
    if options.encoding.is_some_and(|e| e != encoding_rs::UTF_8) {
        return None;
    }
    let bom = if head.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let bytes = head.get(bom..)?;
    // The last character may be cut in two; an invalid byte before it is not a cut.
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) if e.error_len().is_none() => {
            std::str::from_utf8(bytes.get(..e.valid_up_to())?).ok()?
        }
        Err(_) => return None,
    };
    if text.contains('\0') {
        return None;
    }
    let format = match options.format.or_else(|| format_from_extension(path)) {
        Some(format) => format,
        None if text.lines().count() > SNIFFED_LINES => sniff_format(text),
        None => return None,
    };
    let cut = match format {
        Format::Text => text_cut(text)?,
        Format::Markdown => markdown_cut(text)?,
        Format::Html => return None,
    };
    let text = text.get(..cut)?;
    if format == Format::Markdown && !super::markdown::references_resolved(text) {
        return None;
    }
    let document = parse(text, format);
    has_text(&document).then_some((document, bom + cut))
}

/// Just past the last blank line of plain text.
fn text_cut(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let plain = memchr::memmem::rfind(bytes, b"\n\n").map(|at| at + 2);
    let crlf = memchr::memmem::rfind(bytes, b"\n\r\n").map(|at| at + 3);
    plain.max(crlf)
}

/// The start of the line after the last blank line of Markdown that ends every block before it
/// (see the module doc).
fn markdown_cut(text: &str) -> Option<usize> {
    let (mut offset, body) = match front_matter_end(text) {
        Some(end) => (end, text.get(end..)?),
        None if text.starts_with("---") || text.starts_with("+++") => return None,
        None => (0, text),
    };
    let mut open = Open::None;
    let mut blank_before = false;
    let mut cut = None;
    for line in body.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        if open == Open::None && blank_before && !blank && starts_a_block(line) {
            cut = Some(offset);
        }
        open = open.after(line);
        blank_before = blank && open == Open::None;
        offset += line.len();
    }
    cut
}

/// Where front matter (`---` or `+++` fenced, at the very start) ends; `None` if there is none
/// or it does not close.
fn front_matter_end(text: &str) -> Option<usize> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next()?;
    let fence = first.trim_end();
    if fence != "---" && fence != "+++" {
        return None;
    }
    let mut offset = first.len();
    for line in lines {
        offset += line.len();
        let bare = line.trim_end();
        if bare == fence || (fence == "---" && bare == "...") {
            return Some(offset);
        }
    }
    None
}

/// Whether `line`, after a blank line, starts a block that nothing above it continues: at the
/// margin, not a list item (which may belong to the list above).
fn starts_a_block(line: &str) -> bool {
    let Some(first) = line.chars().next() else {
        return false;
    };
    if first.is_whitespace() || matches!(first, '-' | '+' | '*') {
        return false;
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    !(digits > 0 && matches!(line.as_bytes().get(digits), Some(b'.' | b')')))
}

/// A block that a blank line does not end, open at the end of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    None,
    /// A fenced code block: its fence character and length.
    Fence(u8, usize),
    /// An HTML block, ended by the line that holds this (ASCII, lower case).
    Html(&'static str),
}

impl Open {
    /// What is open after `line`. Fences and HTML blocks are looked for at any indentation and
    /// after quote marks, which may see one where there is none: that only moves the cut
    /// earlier, or leaves the file to be read whole.
    fn after(self, line: &str) -> Open {
        let bare = line.trim_start_matches([' ', '\t', '>']);
        match self {
            Open::Fence(c, n) => {
                let run = bare.bytes().take_while(|&b| b == c).count();
                let closes = run >= n && bare.get(run..).is_some_and(|r| r.trim().is_empty());
                if closes { Open::None } else { self }
            }
            Open::Html(end) => {
                if line.to_ascii_lowercase().contains(end) {
                    Open::None
                } else {
                    self
                }
            }
            Open::None => {
                for c in [b'`', b'~'] {
                    let run = bare.bytes().take_while(|&b| b == c).count();
                    if run >= 3 {
                        return Open::Fence(c, run);
                    }
                }
                let lower = bare.to_ascii_lowercase();
                let end = html_block_end(&lower);
                match end {
                    // The block's end on its own first line closes it there.
                    Some(end) if !lower.get(1..).is_some_and(|rest| rest.contains(end)) => {
                        Open::Html(end)
                    }
                    _ => Open::None,
                }
            }
        }
    }
}

/// The end marker of an HTML block that `lower` (a line, lower-cased, indentation removed)
/// starts, for the kinds that a blank line does not end.
fn html_block_end(lower: &str) -> Option<&'static str> {
    for (start, end) in [
        ("<script", "</script>"),
        ("<pre", "</pre>"),
        ("<style", "</style>"),
        ("<textarea", "</textarea>"),
        ("<!--", "-->"),
        ("<?", "?>"),
        ("<![cdata[", "]]>"),
    ] {
        if lower.starts_with(start) {
            return Some(end);
        }
    }
    let declaration = lower
        .strip_prefix("<!")
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_alphabetic()));
    declaration.then_some(">")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_cut_after_its_last_blank_line() {
        assert_eq!(text_cut("a\n\nb\n\nc"), Some(6));
        assert_eq!(text_cut("a\r\n\r\nb"), Some(5));
        assert_eq!(text_cut("a\nb"), None);
    }

    #[test]
    fn markdown_is_cut_at_a_blank_line_outside_fences_and_html_blocks() {
        let text = "# T\n\npara\n\n```\ncode\n\nmore\n```\n\nnext\n\n<!--\n\n-->\ntail";
        // After "```…```" and the blank line: "next" starts a block; the comment's blank line
        // is no boundary, and "tail" follows no blank line.
        assert_eq!(
            markdown_cut(text),
            text.find("next\n\n<!--").map(|at| at + 6)
        );
        let fenced_to_the_end = "# T\n\npara\n\n~~~~\ncode\n\n~~~\nstill code\n\nx";
        assert_eq!(
            markdown_cut(fenced_to_the_end),
            fenced_to_the_end.find("~~~~")
        );
    }

    #[test]
    fn markdown_lists_and_indented_lines_are_not_cut_after() {
        let text = "# T\n\n- a\n\n- b\n\n  more of b\n\n1. one\n\n2) two\n";
        assert_eq!(markdown_cut(text), None);
        let text = format!("{text}\nAfter\n");
        assert_eq!(markdown_cut(&text), text.find("After"));
    }

    #[test]
    fn front_matter_must_close_in_the_head() {
        assert_eq!(markdown_cut("---\ntitle: x\n\nmore: y\n"), None);
        let closed = "---\ntitle: x\n---\n\nBody\n\nNext\n";
        assert_eq!(markdown_cut(closed), closed.find("Next"));
    }

    #[test]
    fn the_estimate_scales_the_units_read_by_bytes() {
        let partial = Partial {
            read: 1000,
            total: 100_000,
        };
        assert_eq!(partial.estimated_units(40), 4000);
        assert_eq!(Partial { read: 10, total: 5 }.estimated_units(7), 7);
    }

    #[test]
    fn markdown_with_a_reference_defined_later_has_no_head() {
        use super::super::markdown::references_resolved;
        assert!(references_resolved(
            "A [link](http://x) and [b][r].\n\n[r]: http://y\n"
        ));
        assert!(references_resolved("Text [^n].\n\n[^n]: note\n"));
        assert!(!references_resolved("A [b][r], defined later.\n"));
        assert!(!references_resolved("A footnote [^n], defined later.\n"));
    }
}
