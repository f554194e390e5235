//! Is it a feed? From the content type when the source gives one, else from the content.
//!
//! The rule, in order:
//! 1. A feed content type (`application/rss+xml`, `application/atom+xml`,
//!    `application/rdf+xml`, `application/feed+json`) says feed; an HTML one says article.
//! 2. Otherwise (no content type, or a generic one such as `text/xml` or `application/json`)
//!    the content decides: after a byte order mark, the XML declaration, comments, processing
//!    instructions and a doctype, a root element `rss`, `feed` or `RDF` (any prefix) is a feed;
//!    a JSON object that names `jsonfeed.org/version` is a JSON Feed. Nothing else is.

use super::FeedKind;
use memchr::memmem;

/// What the bytes are, as far as feeds go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detected {
    Feed(FeedKind),
    /// An HTML or XHTML page.
    Html,
    /// Something else, described for a message ("empty", "no XML or JSON"…).
    NotFeed(String),
}

/// How far into the bytes the root element is looked for.
const HEAD_BYTES: usize = 64 * 1024;

/// Whether `bytes`, served with `content_type` (if known), are a feed.
pub fn detect(bytes: &[u8], content_type: Option<&str>) -> bool {
    let essence = content_type
        .and_then(|t| t.split(';').next())
        .map(|t| t.trim().to_ascii_lowercase());
    match essence.as_deref() {
        Some(
            "application/rss+xml"
            | "application/atom+xml"
            | "application/rdf+xml"
            | "application/feed+json",
        ) => true,
        Some("text/html" | "application/xhtml+xml") => false,
        _ => matches!(sniff(bytes), Detected::Feed(_)),
    }
}

/// What the content itself says.
pub fn sniff(bytes: &[u8]) -> Detected {
    let head = head_text(bytes);
    let text = head.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if text.is_empty() {
        return Detected::NotFeed("it is empty".to_owned());
    }
    if text.starts_with('{') {
        return if memmem::find(bytes, b"jsonfeed.org/version").is_some() {
            Detected::Feed(FeedKind::Json)
        } else {
            Detected::NotFeed("JSON, but not a JSON Feed (no jsonfeed.org version)".to_owned())
        };
    }
    if !text.starts_with('<') {
        return Detected::NotFeed("neither XML nor JSON".to_owned());
    }
    match root_element(text) {
        Some(name) => {
            let local = name.rsplit(':').next().unwrap_or(&name);
            match local {
                "rss" => {
                    let old = text.contains("version=\"0.9") || text.contains("version='0.9");
                    Detected::Feed(if old { FeedKind::Rss0 } else { FeedKind::Rss2 })
                }
                "feed" => Detected::Feed(FeedKind::Atom),
                "RDF" => Detected::Feed(FeedKind::Rss1),
                l if l.eq_ignore_ascii_case("html") => Detected::Html,
                _ => Detected::NotFeed(format!("XML whose root element is <{name}>")),
            }
        }
        None if text.to_ascii_lowercase().starts_with("<!doctype html") => Detected::Html,
        None => Detected::NotFeed("no root element".to_owned()),
    }
}

/// The first bytes as text: UTF-16 (by its byte order mark) decoded, anything else read as
/// UTF-8 with bad bytes replaced (the markup that matters is ASCII in every encoding a feed
/// declares).
fn head_text(bytes: &[u8]) -> String {
    let head = bytes.get(..HEAD_BYTES.min(bytes.len())).unwrap_or(bytes);
    match encoding_rs::Encoding::for_bom(head) {
        Some((encoding, _)) if encoding != encoding_rs::UTF_8 => {
            encoding.decode_with_bom_removal(head).0.into_owned()
        }
        _ => String::from_utf8_lossy(head).into_owned(),
    }
}

/// The name of the first element, after the prolog (declaration, comments, processing
/// instructions, doctype).
fn root_element(mut text: &str) -> Option<String> {
    loop {
        text = text.trim_start();
        let skip_to = if text.starts_with("<?") {
            "?>"
        } else if text.starts_with("<!--") {
            "-->"
        } else if text.starts_with("<!") {
            if text.get(..9)?.eq_ignore_ascii_case("<!doctype") && text.contains('[') {
                // An internal subset: skip to its end.
                "]>"
            } else {
                ">"
            }
        } else {
            break;
        };
        let end = text.find(skip_to)?;
        text = text.get(end + skip_to.len()..)?;
    }
    let rest = text.strip_prefix('<')?;
    let name: String = rest
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '>' && *c != '/')
        .collect();
    (!name.is_empty()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_root_element_names_the_kind_of_feed() {
        let rss =
            br#"<?xml version="1.0"?><!-- made by hand --><rss version="2.0"><channel/></rss>"#;
        assert_eq!(sniff(rss), Detected::Feed(FeedKind::Rss2));
        let old = br#"<rss version="0.91"><channel/></rss>"#;
        assert_eq!(sniff(old), Detected::Feed(FeedKind::Rss0));
        let atom = b"\xef\xbb\xbf\n <feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>";
        assert_eq!(sniff(atom), Detected::Feed(FeedKind::Atom));
        let rdf = br#"<?xml version="1.0"?><rdf:RDF xmlns:rdf="x"></rdf:RDF>"#;
        assert_eq!(sniff(rdf), Detected::Feed(FeedKind::Rss1));
        let json = br#"{"version": "https://jsonfeed.org/version/1.1", "items": []}"#;
        assert_eq!(sniff(json), Detected::Feed(FeedKind::Json));
    }

    #[test]
    fn pages_and_other_documents_are_not_feeds() {
        assert_eq!(
            sniff(b"<!DOCTYPE html><html><p>x</p></html>"),
            Detected::Html
        );
        assert_eq!(
            sniff(b"<?xml version=\"1.0\"?><html xmlns=\"x\"/>"),
            Detected::Html
        );
        assert!(matches!(sniff(b"<svg></svg>"), Detected::NotFeed(m) if m.contains("<svg>")));
        assert!(matches!(sniff(b"{\"a\": 1}"), Detected::NotFeed(m) if m.contains("JSON")));
        assert!(matches!(sniff(b"   "), Detected::NotFeed(m) if m.contains("empty")));
        assert!(matches!(sniff("عنوان".as_bytes()), Detected::NotFeed(_)));
        assert!(matches!(sniff(b"<!-- never closed"), Detected::NotFeed(_)));
    }

    #[test]
    fn utf16_feeds_are_read_through_their_byte_order_mark() {
        let text = "<rss version=\"2.0\"></rss>";
        let mut bytes = vec![0xff, 0xfe];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(sniff(&bytes), Detected::Feed(FeedKind::Rss2));
    }

    #[test]
    fn the_content_type_decides_before_the_content() {
        let rss = b"<rss version=\"2.0\"></rss>";
        assert!(detect(rss, None));
        assert!(detect(rss, Some("text/xml; charset=utf-8")));
        assert!(!detect(rss, Some("text/html")));
        assert!(detect(b"garbage", Some("application/rss+xml")));
        assert!(detect(b"{}", Some("Application/Feed+JSON")));
        assert!(!detect(b"<html></html>", Some("application/xml")));
    }
}
