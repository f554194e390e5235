//! Remembered reading positions: one small file per article in the XDG state directory.
//!
//! The key is the article's canonical path; the file also records a hash of the article's bytes,
//! so an article that changed starts from the top instead of at a position that no longer
//! means the same text. The position is a text anchor (block part and byte), not a line number,
//! so it survives a different terminal width. Writes go to a temporary file that is renamed
//! over the old one, so a crash never leaves half a file.

use super::app::Anchor;
use crate::page::BlockRef;
use std::fs;
use std::path::{Path, PathBuf};

/// Where positions live: `$XDG_STATE_HOME/sahifa/positions` (or the platform's equivalent).
pub fn default_dir() -> Option<PathBuf> {
    crate::state::dir("positions")
}

/// One article's entry in the position store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PositionStore {
    file: PathBuf,
    content_hash: u64,
    canonical: PathBuf,
}

impl PositionStore {
    /// The store entry for the article at `path` with contents `bytes`, under `dir`.
    pub fn new(dir: &Path, path: &Path, bytes: &[u8]) -> Option<Self> {
        let canonical = fs::canonicalize(path).ok()?;
        let key = crate::state::fnv1a(canonical.as_os_str().as_encoded_bytes());
        Some(Self {
            file: dir.join(format!("{key:016x}.txt")),
            content_hash: crate::state::fnv1a(bytes),
            canonical,
        })
    }

    /// The remembered position, if there is one for exactly these contents.
    pub fn load(&self) -> Option<Anchor> {
        let text = fs::read_to_string(&self.file).ok()?;
        let mut fields = text.lines();
        if fields.next()? != self.canonical.to_string_lossy() {
            return None; // a hash collision between two paths
        }
        if u64::from_str_radix(fields.next()?, 16).ok()? != self.content_hash {
            return None;
        }
        let numbers: Vec<usize> = fields
            .next()?
            .split(' ')
            .map(str::parse)
            .collect::<Result<_, _>>()
            .ok()?;
        let [section, block, part, offset] = numbers.as_slice() else {
            return None;
        };
        let block = block.checked_sub(1); // 0 stands for "no block" (a heading or the header)
        Some(Anchor {
            source: BlockRef {
                section: *section,
                block,
                part: *part,
            },
            offset: *offset,
        })
    }

    /// Remembers `anchor`, atomically.
    pub fn save(&self, anchor: Anchor) -> std::io::Result<()> {
        let block = anchor.source.block.map_or(0, |b| b + 1);
        let body = format!(
            "{}\n{:016x}\n{} {} {} {}\n",
            self.canonical.to_string_lossy(),
            self.content_hash,
            anchor.source.section,
            block,
            anchor.source.part,
            anchor.offset
        );
        crate::state::write_atomically(&self.file, body.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("sahifa-pos-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("scratch dir");
        dir
    }

    #[test]
    fn a_saved_position_comes_back_for_the_same_contents_only() {
        let dir = scratch("roundtrip");
        let article = dir.join("a.txt");
        fs::write(&article, "نص").expect("article");
        let store = PositionStore::new(&dir.join("state"), &article, b"one").expect("store");
        assert_eq!(store.load(), None);
        let anchor = Anchor {
            source: BlockRef::block(3, 2, 1),
            offset: 40,
        };
        store.save(anchor).expect("saved");
        assert_eq!(store.load(), Some(anchor));
        let heading = Anchor {
            source: BlockRef::heading(2),
            offset: 0,
        };
        store.save(heading).expect("saved again");
        assert_eq!(store.load(), Some(heading));
        let changed = PositionStore::new(&dir.join("state"), &article, b"two").expect("store");
        assert_eq!(changed.load(), None, "other contents start from the top");
        let leftovers = fs::read_dir(dir.join("state")).expect("dir").count();
        assert_eq!(leftovers, 1, "no temporary files left behind");
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_same_file_by_another_path_shares_its_position() {
        let dir = scratch("canonical");
        fs::create_dir_all(dir.join("sub")).expect("sub");
        fs::write(dir.join("a.txt"), "x").expect("article");
        let state = dir.join("state");
        let direct = PositionStore::new(&state, &dir.join("a.txt"), b"x").expect("store");
        let roundabout =
            PositionStore::new(&state, &dir.join("sub/../a.txt"), b"x").expect("store");
        assert_eq!(direct, roundabout);
        assert_eq!(
            PositionStore::new(&state, &dir.join("missing.txt"), b"x"),
            None
        );
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_damaged_file_is_ignored() {
        let dir = scratch("damaged");
        let article = dir.join("a.txt");
        fs::write(&article, "x").expect("article");
        let store = PositionStore::new(&dir, &article, b"x").expect("store");
        fs::write(&store.file, "garbage").expect("damage");
        assert_eq!(store.load(), None);
        let _ = fs::remove_dir_all(&dir);
    }
}
