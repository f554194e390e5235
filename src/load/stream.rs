//! Reading a big plain-text file a piece at a time, so that its bytes and its paragraphs are
//! never both held whole.
//!
//! The rule: a UTF-8 plain-text file is read in pieces of [`PIECE`] bytes, each cut after its
//! last blank line; the paragraphs of each piece ([`super::text::push_units`]) are taken before
//! the next is read. The result is the document [`super::open`] gives for the whole file. Any
//! file this cannot read exactly that way — not plain text, not UTF-8 (a BOM other than UTF-8's,
//! an invalid byte), binary (a NUL), a read error, a format it would have to guess from fewer
//! lines than a whole file gives — is left to the whole-file path ([`None`]), which decodes,
//! warns and refuses as it always does.

use super::{Format, LoadOptions, Loaded, format_from_extension, has_text, sniff_format, text};
use crate::error::{Error, Result};
use std::io::Read;
use std::path::Path;

/// Bytes read at a time.
const PIECE: usize = 1 << 20;
/// Lines the format sniffer looks at ([`sniff_format`]); a first piece with fewer (and more
/// to come) leaves the guess to the whole-file path.
const SNIFFED_LINES: usize = 200;

/// The plain-text article in the file at `path`, read a piece at a time; `None` when the
/// whole-file path must read it (see the module doc).
pub fn open(path: &Path, options: &LoadOptions) -> Option<Result<Loaded>> {
    if options.encoding.is_some_and(|e| e != encoding_rs::UTF_8) {
        return None;
    }
    let forced = options.format.or_else(|| format_from_extension(path));
    if forced.is_some_and(|f| f != Format::Text) {
        return None;
    }
    let mut file = std::fs::File::open(path).ok()?;
    if !file.metadata().ok()?.is_file() {
        return None;
    }
    let mut units = Vec::new();
    let mut buffer: Vec<u8> = Vec::with_capacity(PIECE);
    let mut first = true;
    loop {
        let before = buffer.len();
        (&mut file)
            .take(PIECE as u64)
            .read_to_end(&mut buffer)
            .ok()?;
        let end = buffer.len() == before;
        if first {
            if buffer.starts_with(&[0xFE, 0xFF]) || buffer.starts_with(&[0xFF, 0xFE]) {
                return None;
            }
            if let Some(rest) = buffer.strip_prefix(b"\xEF\xBB\xBF") {
                buffer = rest.to_vec();
            }
        }
        // Up to the end of the last whole paragraph; the rest waits for the next piece.
        let cut = if end {
            buffer.len()
        } else {
            match last_blank_line(&buffer) {
                Some(cut) => cut,
                None => continue,
            }
        };
        let piece = buffer.get(..cut)?;
        if memchr::memchr(0, piece).is_some() {
            return None;
        }
        let piece = std::str::from_utf8(piece).ok()?;
        if first {
            first = false;
            let lines = memchr::memchr_iter(b'\n', piece.as_bytes()).count();
            if forced.is_none() && !end && lines < SNIFFED_LINES {
                return None;
            }
            if forced.is_none() && sniff_format(piece) != Format::Text {
                return None;
            }
        }
        text::push_units(piece, &mut units);
        buffer.drain(..cut);
        if end {
            break;
        }
    }
    drop(buffer);
    let mut document = text::parse_units(units);
    document.format = Format::Text;
    if !has_text(&document) {
        return Some(Err(Error::Invalid {
            path: path.to_path_buf(),
            reason: "the article is empty".to_owned(),
        }));
    }
    Some(Ok(Loaded {
        document,
        warnings: Vec::new(),
        encoding: encoding_rs::UTF_8,
    }))
}

/// Where the text after the last blank line starts (just past the `\n` that ends the line
/// before it), if there is a blank line.
fn last_blank_line(bytes: &[u8]) -> Option<usize> {
    let plain = memchr::memmem::rfind(bytes, b"\n\n").map(|at| at + 1);
    let crlf = memchr::memmem::rfind(bytes, b"\n\r\n").map(|at| at + 1);
    plain.max(crlf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_read_in_pieces_gives_the_document_of_the_whole_file() {
        let body: String = crate::source::SAMPLE
            .lines()
            .skip(2)
            .collect::<Vec<_>>()
            .join("\r\n");
        let mut text = String::from("\u{FEFF}عنوان\r\n\r\nعنوان فرعي\r\n\r\n");
        let mut n = 0;
        while text.len() < 3 * PIECE + 12345 {
            n += 1;
            text.push_str(&format!("الفصل {n}\r\n\r\n{body}\r\n\r\n"));
        }
        let path = std::env::temp_dir().join(format!("sahifa-stream-{}.txt", std::process::id()));
        std::fs::write(&path, &text).expect("written");
        let streamed = open(&path, &LoadOptions::default());
        let whole = super::super::load_bytes(text.as_bytes(), &path, &LoadOptions::default());
        let _ = std::fs::remove_file(&path);
        let streamed = streamed.expect("read in pieces").expect("loads").document;
        let whole = whole.expect("loads").document;
        assert!(streamed.sections.len() > 100);
        assert_eq!(streamed, whole);
    }

    #[test]
    fn anything_but_utf8_plain_text_is_left_to_the_whole_file_path() {
        let dir = std::env::temp_dir();
        let write = |name: &str, bytes: &[u8]| {
            let path = dir.join(format!("sahifa-stream-{}-{name}", std::process::id()));
            std::fs::write(&path, bytes).expect("written");
            let opened = open(&path, &LoadOptions::default()).map(|r| r.is_ok());
            let _ = std::fs::remove_file(&path);
            opened
        };
        assert_eq!(write("a.txt", "عنوان\n\nنص.\n".as_bytes()), Some(true));
        assert_eq!(write("b.md", b"# Title\n\nText.\n"), None);
        assert_eq!(write("c.txt", b"Title\n\nbad \xFF byte\n"), None);
        assert_eq!(write("d.txt", b"Title\n\nnul \0 byte\n"), None);
        assert_eq!(write("e.txt", b"\xFF\xFET\0i\0"), None);
        assert_eq!(write("f", b"<html><body><p>x</p></body></html>"), None);
    }
}
