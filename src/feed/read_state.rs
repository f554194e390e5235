//! Read marks: which items of a feed have been read, one small file per feed in the XDG state
//! directory (`$XDG_STATE_HOME/sahifa/read/`).
//!
//! An item is known by its GUID, else its link, else its title ([`Item::key`]); an item with
//! none of these cannot be marked. A feed is known by its source: the URL, or the file's
//! canonical path. The file holds the source on its first line (two sources that hash alike
//! do not share marks) and one item key a line after it. Saving keeps only the marks of items
//! still in the feed, so the file never outgrows the feed; it writes a temporary file and
//! renames it over the old one, so a crash never leaves half a file. A missing or damaged file
//! is no marks, never an error.

use super::Item;
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Where read marks live: `$XDG_STATE_HOME/sahifa/read` (or the platform's equivalent).
pub fn default_dir() -> Option<PathBuf> {
    crate::state::dir("read")
}

/// The read marks of one feed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReadState {
    /// The file they are kept in; `None` keeps them in memory only (`--no-state`).
    file: Option<PathBuf>,
    source: String,
    read: HashSet<String>,
}

impl ReadState {
    /// Marks kept in memory only.
    pub fn in_memory() -> Self {
        Self::default()
    }

    /// The marks of the feed from `source`, kept under `dir`.
    pub fn open(dir: &Path, source: &str) -> Self {
        let file = dir.join(format!(
            "{:016x}.txt",
            crate::state::fnv1a(source.as_bytes())
        ));
        let read = fs::read_to_string(&file)
            .ok()
            .and_then(|text| {
                let mut lines = text.lines();
                (lines.next()? == source).then(|| lines.map(str::to_owned).collect())
            })
            .unwrap_or_default();
        Self {
            file: Some(file),
            source: source.to_owned(),
            read,
        }
    }

    pub fn is_read(&self, item: &Item) -> bool {
        item.key().is_some_and(|key| self.read.contains(key))
    }

    /// Marks `item` read or unread; an item with no key stays unread.
    pub fn set_read(&mut self, item: &Item, read: bool) {
        let Some(key) = item.key() else { return };
        if read {
            self.read.insert(key.to_owned());
        } else {
            self.read.remove(key);
        }
    }

    /// Flips `item`'s mark and returns whether it is read now.
    pub fn toggle(&mut self, item: &Item) -> bool {
        let read = !self.is_read(item);
        self.set_read(item, read);
        self.is_read(item)
    }

    /// Writes the marks of `items` (the feed as it is now), atomically. Marks in memory only
    /// are not written.
    pub fn save(&self, items: &[Item]) -> std::io::Result<()> {
        let Some(file) = &self.file else {
            return Ok(());
        };
        let mut body = format!("{}\n", self.source);
        let mut written = HashSet::new();
        for key in items.iter().filter_map(Item::key) {
            if self.read.contains(key) && written.insert(key) {
                body.push_str(key);
                body.push('\n');
            }
        }
        crate::state::write_atomically(file, body.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("sahifa-read-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    fn item(id: Option<&str>, link: Option<&str>, title: Option<&str>) -> Item {
        Item {
            id: id.map(str::to_owned),
            link: link.map(str::to_owned),
            title: title.map(str::to_owned),
            ..Item::default()
        }
    }

    #[test]
    fn marks_come_back_for_the_same_feed_only() {
        let dir = scratch("roundtrip");
        let a = item(Some("guid-1"), Some("https://x/1"), Some("خبر"));
        let b = item(None, Some("https://x/2"), Some("خبر آخر"));
        let c = item(None, None, Some("بلا رابط"));
        let items = [a.clone(), b.clone(), c.clone()];
        let mut state = ReadState::open(&dir, "https://x/feed");
        assert!(!state.is_read(&a));
        state.set_read(&a, true);
        assert!(state.toggle(&b));
        state.set_read(&c, true);
        state.save(&items).expect("saved");
        let again = ReadState::open(&dir, "https://x/feed");
        assert!(again.is_read(&a) && again.is_read(&b) && again.is_read(&c));
        let other = ReadState::open(&dir, "https://y/feed");
        assert!(!other.is_read(&a));
        let files = fs::read_dir(&dir).expect("dir").count();
        assert_eq!(files, 1, "no temporary file left behind");
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_guid_wins_over_the_link() {
        let mut state = ReadState::in_memory();
        state.set_read(&item(Some("g"), Some("l"), None), true);
        assert!(state.is_read(&item(Some("g"), Some("other link"), None)));
        assert!(!state.is_read(&item(Some("h"), Some("l"), None)));
        state.set_read(&item(None, None, None), true);
        assert!(!state.is_read(&item(None, None, None)), "no key, no mark");
    }

    #[test]
    fn saving_forgets_items_gone_from_the_feed() {
        let dir = scratch("prune");
        let old = item(Some("old"), None, None);
        let new = item(Some("new"), None, None);
        let mut state = ReadState::open(&dir, "feed");
        state.set_read(&old, true);
        state.set_read(&new, true);
        state.save(std::slice::from_ref(&new)).expect("saved");
        let again = ReadState::open(&dir, "feed");
        assert!(again.is_read(&new) && !again.is_read(&old));
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_damaged_or_foreign_file_is_no_marks() {
        let dir = scratch("damaged");
        let state = ReadState::open(&dir, "feed");
        let file = state.file.clone().expect("file");
        fs::create_dir_all(&dir).expect("dir");
        fs::write(&file, "another feed\nguid\n").expect("write");
        assert!(!ReadState::open(&dir, "feed").is_read(&item(Some("guid"), None, None)));
        fs::write(&file, [0xff, 0xfe, 0x00]).expect("write");
        assert!(!ReadState::open(&dir, "feed").is_read(&item(Some("guid"), None, None)));
        let _ = fs::remove_dir_all(&dir);
    }
}
