//! Feeds in `json` and `print`: the input told apart (article or feed), a feed's list as JSON
//! or as text. A URL's content type decides first, else the content ([`super::detect()`]).
//!
//! `sahifa json FEED` writes `{"feed": {"title", "link", "language", "items": [{"id", "title",
//! "link", "published", "author", "summary"}]}}`: `published` is RFC 3339 in UTC, and any
//! field the feed leaves out is `null` (`title` and `link` of the feed are strings, empty when
//! missing). `sahifa print FEED` writes the feed's title, a blank line, then one row per item as
//! the list view shows it ([`crate::feed::rows`]), with the read marks kept for that feed.
//! Ages count from now, or from `SOURCE_DATE_EPOCH` (seconds) when it is set, so output can be
//! reproduced.

use crate::error::Result;
use crate::feed::list::FeedList;
use crate::feed::read_state::{self, ReadState};
use crate::feed::rows::{self, RowOptions};
use crate::feed::{self, Feed};
use crate::load::{self, LoadOptions, Loaded};
use crate::render::ansi::write_line;
use crate::render::no_overlay;
use crate::settings::PrintSettings;
use crate::source::Source;
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::io::Write;
use std::path::Path;

/// What the input turned out to be.
#[derive(Debug)]
pub enum Input {
    Article(Loaded),
    Feed {
        feed: Feed,
        /// The source's name (a path, a URL or "standard input"), as messages name it.
        name: String,
        /// The file, when the input was one (its read marks are kept under its path).
        file: Option<std::path::PathBuf>,
    },
}

/// Reads the source and loads it as an article or parses it as a feed: `as_feed` is `--format
/// feed` (`Some(true)`), another format (`Some(false)`) or neither.
pub fn open(source: &Source, as_feed: Option<bool>, options: &LoadOptions) -> Result<Input> {
    open_reporting(source, as_feed, options, &mut |_| {})
}

/// The first part of a big article file ([`load::head`]), told from a feed as [`open`] tells
/// it; `None` for anything [`open`] must read whole (a small file, standard input, a URL, a
/// feed, HTML…).
pub fn open_head(
    source: &Source,
    as_feed: Option<bool>,
    options: &LoadOptions,
) -> Option<load::Head> {
    let Source::File(path) = source else {
        return None;
    };
    let (bytes, total) = load::read_head(path)?;
    if as_feed == Some(true) || (as_feed.is_none() && feed::detect(&bytes, None)) {
        return None;
    }
    let (document, read) = load::parse_head(&bytes, path, options)?;
    Some(load::Head {
        document,
        partial: load::Partial {
            read: read as u64,
            total,
        },
    })
}

/// Whether the file's first character that is not white space (or a BOM) is neither `<` nor
/// `{`: then it is no feed ([`feed::detect::sniff`]). False when it cannot be read.
fn neither_xml_nor_json(path: &Path) -> bool {
    use std::io::Read;
    let mut head = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| f.take(4096).read_to_end(&mut head));
    let text = String::from_utf8_lossy(&head);
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    read.is_ok() && !start.is_empty() && !start.starts_with(['<', '{'])
}

/// [`open`], telling `on_progress` the bytes of a URL received so far (the reader's counter).
pub fn open_reporting(
    source: &Source,
    as_feed: Option<bool>,
    options: &LoadOptions,
    on_progress: &mut dyn FnMut(u64),
) -> Result<Input> {
    let shown = source.name().display().to_string();
    if let Source::Url(url) = source {
        let fetched = crate::fetch::fetch(url, &options.fetch, on_progress)?;
        let is_feed = as_feed
            .unwrap_or_else(|| feed::detect(&fetched.bytes, fetched.content_type.as_deref()));
        if !is_feed {
            return load::load_fetched(&fetched, options).map(Input::Article);
        }
        let feed = feed::parse(&fetched.bytes, &shown, Some(&fetched.url))?;
        return Ok(Input::Feed {
            feed,
            name: shown,
            file: None,
        });
    }
    // A plain-text file (which no feed is: a feed starts with `<` or `{`) is read a piece at a
    // time, never held whole next to its paragraphs.
    if let Source::File(path) = source
        && as_feed != Some(true)
        && neither_xml_nor_json(path)
        && let Some(loaded) = load::stream::open(path, options)
    {
        return loaded.map(Input::Article);
    }
    let read = source.read(&options.fetch)?;
    let is_feed = as_feed.unwrap_or_else(|| feed::detect(&read.bytes, None));
    if !is_feed {
        return load::load_read(read, options).map(Input::Article);
    }
    let feed = feed::parse(&read.bytes, &shown, None)?;
    let file = (source.identity())
        .and_then(crate::source::Identity::file)
        .map(Path::to_path_buf);
    Ok(Input::Feed {
        feed,
        name: shown,
        file,
    })
}

/// The feed as a list, with the read marks stored for its file (none for standard input).
pub fn list(feed: Feed, name: &str, file: Option<&Path>) -> FeedList {
    let read = file
        .and_then(|f| std::fs::canonicalize(f).ok())
        .zip(read_state::default_dir())
        .map_or_else(ReadState::in_memory, |(canonical, dir)| {
            ReadState::open(&dir, &canonical.to_string_lossy())
        });
    FeedList::single(feed, name, read)
}

/// Now, or `SOURCE_DATE_EPOCH` when set.
pub fn now() -> DateTime<Utc> {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| DateTime::from_timestamp(secs, 0))
        .unwrap_or_else(Utc::now)
}

/// The list as `print` writes it: heading, blank line, rows.
pub fn print(
    list: &FeedList,
    settings: &PrintSettings,
    now: DateTime<Utc>,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let options = RowOptions {
        width: settings.width,
        page: settings.page,
        now,
    };
    let heading = rows::heading(list, &options);
    for line in &heading {
        write_line(out, line, &settings.theme, settings.styling, &no_overlay)?;
    }
    if !heading.is_empty() {
        writeln!(out)?;
    }
    for line in rows::compose(list, &options) {
        write_line(out, &line, &settings.theme, settings.styling, &no_overlay)?;
    }
    Ok(())
}

/// The JSON text `sahifa json` writes for a feed.
pub fn to_json(feed: &Feed) -> String {
    // Serialising strings and options of strings cannot fail.
    crate::escape::json_to_string_pretty(&JsonFeed::of(feed)).unwrap_or_default()
}

#[derive(Serialize)]
struct JsonFeed<'a> {
    feed: JsonBody<'a>,
}

#[derive(Serialize)]
struct JsonBody<'a> {
    title: &'a str,
    link: &'a str,
    language: Option<&'a str>,
    items: Vec<JsonItem<'a>>,
}

#[derive(Serialize)]
struct JsonItem<'a> {
    id: Option<&'a str>,
    title: Option<&'a str>,
    link: Option<&'a str>,
    published: Option<String>,
    author: Option<&'a str>,
    summary: Option<&'a str>,
}

impl<'a> JsonFeed<'a> {
    fn of(feed: &'a Feed) -> Self {
        let items = feed
            .items
            .iter()
            .map(|item| JsonItem {
                id: item.id.as_deref(),
                title: item.title.as_deref(),
                link: item.link.as_deref(),
                published: item
                    .published
                    .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
                author: item.author.as_deref(),
                summary: item.summary.as_deref(),
            })
            .collect();
        JsonFeed {
            feed: JsonBody {
                title: &feed.title,
                link: feed.link.as_deref().unwrap_or_default(),
                language: feed.language.as_deref(),
                items,
            },
        }
    }
}
