//! Feeds: RSS 0.9x/1.0/2.0, Atom and JSON Feed parsed into a list model of their own.
//!
//! A feed is not an article: it is a list of items, each with a title, a link, a date and
//! perhaps its full content. The contract:
//! - [`detect()`] tells a feed from an article by the content type when there is one, else by the
//!   content (the root element `rss`, `feed` or `RDF`, or a JSON object naming a
//!   `jsonfeed.org/version`); `--format feed` skips the question.
//! - [`parse`] takes the bytes as they came (a file's, or a URL's body: the XML declaration's
//!   encoding is honoured), a name for messages (the path or URL) and the URL relative links are
//!   resolved against. Anything that is not a feed, is cut short or is bigger than
//!   [`MAX_FEED_BYTES`] is an [`Error`] naming the source in one line; nothing panics.
//! - Every text in the model is one line of plain text in logical order: markup stripped,
//!   whitespace collapsed, control characters gone. An item may lack a title, a link, a date
//!   or anything else; [`Item::display_title`] always has something to show.
//! - An item's full content (RSS `content:encoded`, Atom `content`, JSON Feed `content_html` or
//!   `content_text`) is kept as it came; [`article::document`] turns it into a [`Document`]
//!   through the HTML loader, as any article.
//!
//! The rest of the capability: [`date`] (item dates in whatever form feeds write them),
//! [`age`] (relative dates), [`read_state`] (read marks kept per
//! feed), [`feeds_file`] (the user's list of feeds), [`list`] (items of one or many feeds,
//! newest first), [`loading`] (the feeds of a list fetched in the background, a few at a
//! time), [`rows`] (the list composed into page lines for `print` and the list view),
//! [`output`] (what `print` and `json` write for a feed).
//!
//! [`Document`]: crate::document::Document

pub mod age;
pub mod article;
pub mod date;
pub mod detect;
pub mod feeds_file;
#[cfg(test)]
pub(crate) mod fixtures;
pub mod list;
pub mod loading;
pub mod output;
pub mod read_state;
pub mod rows;
mod text;

pub use detect::{Detected, detect};

use crate::error::{Error, Result};
use chrono::{DateTime, Utc};
use std::path::PathBuf;

/// Feeds bigger than this are refused: real feeds are well under a megabyte, and a list of
/// hundreds of thousands of items is not something to read.
pub const MAX_FEED_BYTES: usize = 32 * 1024 * 1024;

/// Which kind of feed the bytes were.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedKind {
    Rss0,
    Rss1,
    Rss2,
    Atom,
    Json,
}

impl FeedKind {
    pub fn name(self) -> &'static str {
        match self {
            FeedKind::Rss0 => "rss0",
            FeedKind::Rss1 => "rss1",
            FeedKind::Rss2 => "rss2",
            FeedKind::Atom => "atom",
            FeedKind::Json => "json",
        }
    }
}

/// A parsed feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    pub kind: FeedKind,
    /// The feed's title (empty when it has none).
    pub title: String,
    /// The site the feed belongs to.
    pub link: Option<String>,
    /// The declared language (`ar`, `he-IL`…), if any.
    pub language: Option<String>,
    /// Items in the order the feed gives them.
    pub items: Vec<Item>,
}

/// An item's full content, as the feed carries it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    Html(String),
    Text(String),
}

/// One item of a feed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Item {
    /// The GUID (RSS `guid`, Atom `id`, JSON Feed `id`) when the feed gives one.
    pub id: Option<String>,
    pub title: Option<String>,
    pub link: Option<String>,
    /// Published date, else updated date, when the feed gives one sahifa can read.
    pub published: Option<DateTime<Utc>>,
    pub author: Option<String>,
    /// Plain-text summary (RSS `description`, Atom `summary`, JSON Feed `summary`).
    pub summary: Option<String>,
    pub content: Option<Content>,
}

/// Summaries shown in place of a missing title are cut to this many characters.
const TITLE_FROM_SUMMARY_CHARS: usize = 80;

impl Item {
    /// What identifies the item for its read mark: the GUID, else the link, else the title.
    pub fn key(&self) -> Option<&str> {
        self.id
            .as_deref()
            .or(self.link.as_deref())
            .or(self.title.as_deref())
            .filter(|k| !k.is_empty())
    }

    /// The title to show in a list: the title, else the start of the summary, else the link,
    /// else `(untitled)`.
    pub fn display_title(&self) -> String {
        if let Some(title) = &self.title {
            return title.clone();
        }
        if let Some(summary) = &self.summary {
            let mut chars = summary.chars();
            let mut cut: String = chars.by_ref().take(TITLE_FROM_SUMMARY_CHARS).collect();
            if chars.next().is_some() {
                cut.push('…');
            }
            return cut;
        }
        self.link.clone().unwrap_or_else(|| "(untitled)".to_owned())
    }
}

/// Parses `bytes` as a feed. `name` (a path or URL) names it in messages; `base` is the URL
/// relative links are resolved against.
pub fn parse(bytes: &[u8], name: &str, base: Option<&str>) -> Result<Feed> {
    let invalid = |reason: String| Error::Invalid {
        path: PathBuf::from(name),
        reason,
    };
    if bytes.len() > MAX_FEED_BYTES {
        return Err(invalid(format!(
            "feed too big ({} MB; sahifa reads feeds up to {} MB)",
            bytes.len() / (1024 * 1024),
            MAX_FEED_BYTES / (1024 * 1024)
        )));
    }
    let kind = match detect::sniff(bytes) {
        Detected::Feed(kind) => kind,
        Detected::Html => return Err(invalid("not a feed: it is an HTML page".to_owned())),
        Detected::NotFeed(what) => return Err(invalid(format!("not a feed: {what}"))),
    };
    // feed-rs makes up an id for items without one (a hash, or a random UUID); read marks need
    // to know there was none, so the generator leaves it empty.
    let parser = feed_rs::parser::Builder::new()
        .base_uri(base)
        .id_generator(|_, _, _| String::new())
        .timestamp_parser(date::parse)
        .build();
    let parsed = parser
        .parse(bytes)
        .map_err(|e| invalid(parse_error(kind, &e)))?;
    Ok(text::convert(parsed, kind))
}

/// Reads and parses the feed file at `path` (a subscription that is a path).
pub fn open_file(path: &std::path::Path) -> Result<Feed> {
    let read = crate::source::Source::File(path.to_path_buf()).read(&Default::default())?;
    parse(&read.bytes, &read.name.display().to_string(), None)
}

/// The one-line reason for a parse failure.
fn parse_error(kind: FeedKind, error: &feed_rs::parser::ParseFeedError) -> String {
    use feed_rs::parser::ParseFeedError as E;
    let what = match kind {
        FeedKind::Json => "JSON Feed",
        FeedKind::Atom => "Atom feed",
        _ => "RSS feed",
    };
    let detail = match error {
        E::JsonSerde(e) if e.is_eof() => "it ends too soon (cut short?)".to_owned(),
        E::XmlReader(e) => {
            let text = e.to_string();
            if text.to_ascii_lowercase().contains("eof") || text.contains("end of") {
                "it ends too soon (cut short?)".to_owned()
            } else {
                text
            }
        }
        other => other.to_string(),
    };
    text::one_line(&format!("broken {what}: {detail}"))
}

#[cfg(test)]
mod tests;
