//! The list a reader browses: the items of one feed, or of every feed of the feeds file, newest
//! first, each with its source and read mark.
//!
//! A list is one feed ([`FeedList::single`]) or the feeds file's ([`FeedList::subscribed`]).
//! Sources arrive one by one (a feed is fetched in the background and handed in with
//! [`FeedList::set_result`]), so the list is rebuilt as each arrives. The order: first one
//! row for each source still loading or failed, in the feeds file's order (its error stays in
//! its place, the rest still work); then every item, newest first; items without a date come
//! after the dated ones, in the order their feed gives them.

use super::feeds_file::FeedsFile;
use super::read_state::ReadState;
use super::{Feed, Item};
use std::cmp::Reverse;
use std::path::Path;

/// Where a source stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Loading,
    Loaded(Feed),
    /// The one-line error that stopped it.
    Failed(String),
}

/// One feed of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The name shown in the source column.
    pub label: String,
    /// The URL or path it comes from.
    pub location: String,
    pub status: Status,
    pub read: ReadState,
}

impl Source {
    pub fn new(label: impl Into<String>, location: impl Into<String>, read: ReadState) -> Self {
        Self {
            label: label.into(),
            location: location.into(),
            status: Status::Loading,
            read,
        }
    }

    pub fn items(&self) -> &[Item] {
        match &self.status {
            Status::Loaded(feed) => &feed.items,
            _ => &[],
        }
    }
}

/// One row of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A source that is loading or failed.
    Status {
        source: usize,
    },
    Item {
        source: usize,
        item: usize,
    },
}

/// The list model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedList {
    /// What the status line calls the list: the feed's title, or "Feeds".
    pub title: String,
    pub sources: Vec<Source>,
    rows: Vec<Row>,
}

impl FeedList {
    /// A list of `sources`, all loading.
    pub fn new(title: impl Into<String>, sources: Vec<Source>) -> Self {
        let mut list = Self {
            title: title.into(),
            sources,
            rows: Vec::new(),
        };
        list.rebuild();
        list
    }

    /// The list of the feeds file's subscriptions, all loading, titled "Feeds". Read marks
    /// are kept under `state` (in memory only when `None`), each feed's by its location as
    /// written (a path is made absolute first, so the same file shares its marks from
    /// anywhere).
    pub fn subscribed(file: &FeedsFile, state: Option<&Path>) -> Self {
        let sources = file
            .subscriptions
            .iter()
            .map(|subscription| {
                let location = if subscription.is_url() {
                    subscription.location.clone()
                } else {
                    std::path::absolute(&subscription.location).map_or_else(
                        |_| subscription.location.clone(),
                        |p| p.to_string_lossy().into_owned(),
                    )
                };
                let read =
                    state.map_or_else(ReadState::in_memory, |dir| ReadState::open(dir, &location));
                Source::new(subscription.label(), location, read)
            })
            .collect();
        Self::new("Feeds", sources)
    }

    /// The list of one feed already parsed.
    pub fn single(feed: Feed, location: &str, read: ReadState) -> Self {
        let title = feed.title.clone();
        let label = if title.is_empty() {
            location.to_owned()
        } else {
            title.clone()
        };
        let mut source = Source::new(label, location, read);
        source.status = Status::Loaded(feed);
        Self::new(title, vec![source])
    }

    /// Whether rows should show their source (more than one feed).
    pub fn shows_sources(&self) -> bool {
        self.sources.len() > 1
    }

    /// Hands in what became of source `index`.
    pub fn set_result(&mut self, index: usize, result: Result<Feed, String>) {
        if let Some(source) = self.sources.get_mut(index) {
            source.status = match result {
                Ok(feed) => Status::Loaded(feed),
                Err(message) => Status::Failed(message),
            };
            self.rebuild();
        }
    }

    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The source and item of a row (`None` for status rows).
    pub fn item(&self, row: usize) -> Option<(&Source, &Item)> {
        match self.rows.get(row)? {
            Row::Item { source, item } => {
                let source = self.sources.get(*source)?;
                Some((source, source.items().get(*item)?))
            }
            Row::Status { .. } => None,
        }
    }

    pub fn is_read(&self, row: usize) -> bool {
        self.item(row)
            .is_some_and(|(source, item)| source.read.is_read(item))
    }

    /// Marks the item of `row` read or unread (status rows have no mark).
    pub fn set_read(&mut self, row: usize, read: bool) {
        if let Some(&Row::Item { source, item }) = self.rows.get(row)
            && let Some(source) = self.sources.get_mut(source)
            && let Status::Loaded(feed) = &source.status
            && let Some(item) = feed.items.get(item)
        {
            source.read.set_read(item, read);
        }
    }

    /// Flips the mark of `row`'s item.
    pub fn toggle_read(&mut self, row: usize) {
        let read = self.is_read(row);
        self.set_read(row, !read);
    }

    /// Unread items in the list.
    pub fn unread(&self) -> usize {
        (0..self.rows.len())
            .filter(|&row| self.item(row).is_some() && !self.is_read(row))
            .count()
    }

    /// Writes every loaded source's read marks; the first error is returned, the rest still
    /// written.
    pub fn save_read(&self) -> std::io::Result<()> {
        let mut first = Ok(());
        for source in &self.sources {
            if let Status::Loaded(feed) = &source.status {
                let saved = source.read.save(&feed.items);
                if first.is_ok() {
                    first = saved;
                }
            }
        }
        first
    }

    /// Writes the read marks of `row`'s feed (nothing for a status row).
    pub fn save_read_of(&self, row: usize) -> std::io::Result<()> {
        match self.rows.get(row) {
            Some(Row::Item { source, .. }) | Some(Row::Status { source }) => {
                match self.sources.get(*source) {
                    Some(Source {
                        status: Status::Loaded(feed),
                        read,
                        ..
                    }) => read.save(&feed.items),
                    _ => Ok(()),
                }
            }
            None => Ok(()),
        }
    }

    fn rebuild(&mut self) {
        let mut rows: Vec<Row> = (0..self.sources.len())
            .filter(|&s| !matches!(self.sources[s].status, Status::Loaded(_)))
            .map(|source| Row::Status { source })
            .collect();
        let mut items: Vec<(Row, Option<_>)> = Vec::new();
        for (s, source) in self.sources.iter().enumerate() {
            for (i, item) in source.items().iter().enumerate() {
                items.push((Row::Item { source: s, item: i }, item.published));
            }
        }
        // A stable sort: undated items last, each feed's own order kept among equals.
        items.sort_by_key(|(_, date)| (date.is_none(), Reverse(*date)));
        rows.extend(items.into_iter().map(|(row, _)| row));
        self.rows = rows;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::FeedKind;
    use chrono::{DateTime, Utc};

    fn at(text: &str) -> Option<DateTime<Utc>> {
        DateTime::parse_from_rfc3339(text)
            .ok()
            .map(|d| d.with_timezone(&Utc))
    }

    fn feed(items: &[(&str, Option<&str>)]) -> Feed {
        Feed {
            kind: FeedKind::Rss2,
            title: "t".into(),
            link: None,
            language: None,
            items: items
                .iter()
                .map(|(title, date)| Item {
                    title: Some((*title).to_owned()),
                    published: date.and_then(at),
                    ..Item::default()
                })
                .collect(),
        }
    }

    fn titles(list: &FeedList) -> Vec<String> {
        (0..list.rows().len())
            .map(|row| match list.item(row) {
                Some((_, item)) => item.display_title(),
                None => match list.rows()[row] {
                    Row::Status { source } => format!("[{}]", list.sources[source].label),
                    Row::Item { .. } => unreachable!(),
                },
            })
            .collect()
    }

    #[test]
    fn items_of_every_feed_newest_first_and_failures_in_their_place() {
        let sources = ["a", "b", "c"]
            .map(|l| Source::new(l, format!("https://{l}/"), ReadState::in_memory()));
        let mut list = FeedList::new("Feeds", sources.to_vec());
        assert_eq!(titles(&list), ["[a]", "[b]", "[c]"]);
        list.set_result(
            1,
            Ok(feed(&[
                ("b1", Some("2026-12-06T10:00:00Z")),
                ("b-undated", None),
            ])),
        );
        list.set_result(0, Err("a: connection refused".into()));
        list.set_result(
            2,
            Ok(feed(&[
                ("c1", Some("2026-12-06T12:00:00Z")),
                ("c0", Some("2026-12-05T12:00:00Z")),
            ])),
        );
        assert_eq!(titles(&list), ["[a]", "c1", "b1", "c0", "b-undated"]);
        assert!(list.shows_sources());
    }

    #[test]
    fn the_feeds_file_gives_one_loading_source_a_line() {
        let file = crate::feed::feeds_file::parse(
            "https://akhbar.example/rss  أخبار\n# comment\nfeeds/local.atom\n",
        );
        let list = FeedList::subscribed(&file, None);
        assert_eq!(list.title, "Feeds");
        let labels: Vec<&str> = list.sources.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(labels, ["أخبار", "local.atom"]);
        assert_eq!(list.sources[0].location, "https://akhbar.example/rss");
        assert!(Path::new(&list.sources[1].location).is_absolute());
        assert!(list.sources.iter().all(|s| s.status == Status::Loading));
        assert_eq!(list.rows().len(), 2);
    }

    #[test]
    fn read_marks_follow_the_item_not_the_row() {
        let mut list = FeedList::single(
            feed(&[("old", Some("2026-01-01T00:00:00Z")), ("new", None)]),
            "f.xml",
            ReadState::in_memory(),
        );
        assert_eq!(list.unread(), 2);
        list.toggle_read(1);
        assert!(list.is_read(1) && !list.is_read(0));
        list.set_result(0, Ok(feed(&[("new", None), ("old", None)])));
        assert_eq!(titles(&list), ["new", "old"]);
        assert!(
            list.is_read(0) && !list.is_read(1),
            "the mark moved with “new”"
        );
        assert_eq!(list.unread(), 1);
        assert!(!list.shows_sources());
    }
}
