//! The feeds of a list loaded in the background: a few threads fetch (or read) them at a time
//! and hand each result back as it arrives, so the list fills in while the reader stays
//! responsive.
//!
//! The contract:
//! - [`start`] returns at once; at most [`WORKERS`] feeds are fetched at the same time, in the
//!   order given, each with the same [`LoadOptions`] (timeout, size limit) as any URL.
//! - Every location gives exactly one result: the parsed feed, or the one-line error that
//!   stopped it, without the location in front (the list shows the feed's name next to it).
//!   A location that is not a feed is an error too.
//! - [`Loading::try_next`] never blocks (the reader polls it); [`Loading::wait`] blocks until
//!   every result is in and gives them in the locations' order, so a screenshot is the same
//!   whatever order the network answered in.
//! - Dropping a [`Loading`] abandons it: the threads finish the fetch they are in and stop.

use super::Feed;
use super::output::{Input, open};
use crate::load::LoadOptions;
use crate::source::Source;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};

/// Feeds fetched at the same time: enough to hide a slow server, few enough to be polite to
/// the machine and to a site that serves several of them.
pub const WORKERS: usize = 4;

/// What became of one location: its index in the list, and the feed or the error.
pub type Arrival = (usize, Result<Feed, String>);

/// Loads running in the background.
#[derive(Debug)]
pub struct Loading {
    receiver: mpsc::Receiver<Arrival>,
    total: usize,
    arrived: usize,
}

/// Starts loading `locations` (URLs or paths) in the background.
pub fn start(locations: Vec<String>, options: &LoadOptions) -> Loading {
    let options = *options;
    let total = locations.len();
    let (sender, receiver) = mpsc::channel();
    let locations = Arc::new(locations);
    let next = Arc::new(AtomicUsize::new(0));
    for _ in 0..WORKERS.min(total) {
        let (sender, locations, next) = (sender.clone(), Arc::clone(&locations), Arc::clone(&next));
        std::thread::spawn(move || {
            loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(location) = locations.get(index) else {
                    break;
                };
                if sender.send((index, load(location, &options))).is_err() {
                    break; // nobody listens any more
                }
            }
        });
    }
    Loading {
        receiver,
        total,
        arrived: 0,
    }
}

/// Loads one location as a feed, now.
pub fn load(location: &str, options: &LoadOptions) -> Result<Feed, String> {
    let source = if crate::fetch::is_url(location) {
        Source::Url(location.to_owned())
    } else {
        Source::File(PathBuf::from(location))
    };
    match open(&source, Some(true), options) {
        Ok(Input::Feed { feed, .. }) => Ok(feed),
        Ok(Input::Article(_)) => Err("not a feed".to_owned()),
        Err(e) => {
            let message = super::text::one_line(&e.to_string());
            let reason = message
                .strip_prefix(location)
                .and_then(|m| m.strip_prefix(": "));
            Err(reason.map_or_else(|| message.clone(), str::to_owned))
        }
    }
}

/// Loads every source of `list` and waits for them all (a list printed, not browsed).
pub fn load_all(list: &mut super::list::FeedList, options: &LoadOptions) {
    let locations = list.sources.iter().map(|s| s.location.clone()).collect();
    for (source, result) in start(locations, options).wait() {
        list.set_result(source, result);
    }
}

impl Loading {
    /// Locations being loaded.
    pub fn total(&self) -> usize {
        self.total
    }

    /// Results handed out so far.
    pub fn arrived(&self) -> usize {
        self.arrived
    }

    pub fn is_done(&self) -> bool {
        self.arrived >= self.total
    }

    /// The next result if one has arrived, without waiting.
    pub fn try_next(&mut self) -> Option<Arrival> {
        if self.is_done() {
            return None;
        }
        let arrival = self.receiver.try_recv().ok()?;
        self.arrived += 1;
        Some(arrival)
    }

    /// Every result not handed out yet, waiting for them, in the locations' order.
    pub fn wait(&mut self) -> Vec<Arrival> {
        let mut all = Vec::new();
        while !self.is_done() {
            // Each location sends exactly once, unless its thread died: then stop waiting.
            let Ok(arrival) = self.receiver.recv() else {
                break;
            };
            self.arrived += 1;
            all.push(arrival);
        }
        all.sort_by_key(|(index, _)| *index);
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> String {
        format!("{}/tests/feeds/{name}", env!("CARGO_MANIFEST_DIR"))
    }

    #[test]
    fn every_location_gives_one_result_in_order_when_waited_for() {
        let locations = vec![
            fixture("akhbar-ar.rss"),
            fixture("no-such-feed.xml"),
            fixture("yediot-he.atom"),
            fixture("hamshahri-fa.json"),
            fixture("rss1-ar.rdf"),
            format!("{}/Cargo.toml", env!("CARGO_MANIFEST_DIR")),
        ];
        let mut loading = start(locations, &LoadOptions::default());
        assert_eq!(loading.total(), 6);
        let all = loading.wait();
        assert!(loading.is_done() && loading.try_next().is_none());
        let indices: Vec<usize> = all.iter().map(|(i, _)| *i).collect();
        assert_eq!(indices, [0, 1, 2, 3, 4, 5]);
        assert_eq!(all[0].1.as_ref().map(|f| f.items.len()), Ok(4));
        let missing = all[1].1.as_ref().expect_err("a missing file");
        assert!(missing == "no such file", "the reason alone: {missing}");
        assert!(all[2].1.is_ok() && all[3].1.is_ok() && all[4].1.is_ok());
        let not_feed = all[5].1.as_ref().expect_err("Cargo.toml is no feed");
        assert!(
            not_feed.starts_with("not a feed") && !not_feed.contains('\n'),
            "{not_feed}"
        );
    }

    #[test]
    fn try_next_hands_out_what_arrived_without_waiting() {
        let mut loading = start(vec![fixture("yediot-he.atom")], &LoadOptions::default());
        let mut got = None;
        while got.is_none() {
            got = loading.try_next();
            std::thread::yield_now();
        }
        assert_eq!(loading.arrived(), 1);
        assert!(loading.is_done());
        assert!(start(Vec::new(), &LoadOptions::default()).is_done());
    }
}
