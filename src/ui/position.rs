//! Remembered reading positions: one small file per article in the XDG state directory.
//!
//! The key is a file's canonical path, or a web article's URL as it was asked for (an opened
//! link's, a feed item's link); the file also records a hash of the article — a file's bytes,
//! a web article's extracted text ([`fingerprint`]: a page's ads and counters change on every
//! visit, its article does not) — so an article that changed starts from the top instead of at
//! a position that no longer means the same text. The position is a text anchor (block part and
//! byte), not a line number, so it survives a different terminal width. Writes go to a
//! temporary file that is renamed over the old one, so a crash never leaves half a file.
//!
//! A file over [`LAZY_BYTES`] (one the reader opens from its first part) is not hashed whole:
//! that would read all of it before the first frame. Its hash is taken over its length, its
//! modification time, and its first and last [`HEAD_BYTES`] ([`PositionStore::for_file`]). An
//! edit anywhere — in the middle too — changes the modification time, so the article starts from
//! the top as any changed article does; the price is that a file whose time alone changed (a
//! `touch`, a copy that does not keep times) starts from the top too. Guessing the other way
//! would put the reader at a block number that may now hold other text, which is worse than the
//! top. (A filesystem with coarse times, FAT's two seconds, can miss an edit of the same length
//! made within one tick of the last.) Smaller files keep the hash of all their bytes, so their
//! remembered positions stay.
//! The entry is taken again once the reader has read the whole file: one that differs means
//! the file changed while it was read, and its whole article starts from the top (see the
//! reader's `Rest`).

use super::app::Anchor;
use crate::document::Document;
use crate::load::{HEAD_BYTES, LAZY_BYTES};
use crate::page::BlockRef;
use std::fs;
use std::io::{Read, Seek, SeekFrom};
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
    /// The canonical path or the URL, written first in the file.
    canonical: String,
}

impl PositionStore {
    /// The store entry for the article at `path` with contents `bytes`, under `dir`.
    pub fn new(dir: &Path, path: &Path, bytes: &[u8]) -> Option<Self> {
        let canonical = fs::canonicalize(path).ok()?;
        let key = crate::state::fnv1a(canonical.as_os_str().as_encoded_bytes());
        Some(Self {
            file: dir.join(format!("{key:016x}.txt")),
            content_hash: crate::state::fnv1a(bytes),
            canonical: canonical.to_string_lossy().into_owned(),
        })
    }

    /// The store entry for the file at `path`, under `dir`: its bytes' hash, or for a file over
    /// [`LAZY_BYTES`] the hash of its length, modification time, first and last
    /// [`HEAD_BYTES`] (see the module doc); it reads at most twice [`HEAD_BYTES`] of a big file.
    pub fn for_file(dir: &Path, path: &Path) -> Option<Self> {
        let mut file = fs::File::open(path).ok()?;
        let metadata = file.metadata().ok()?;
        if !metadata.is_file() || metadata.len() <= LAZY_BYTES {
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes).ok()?;
            return Self::new(dir, path, &bytes);
        }
        let mut summary = b"sahifa big file\0".to_vec();
        summary.extend_from_slice(&metadata.len().to_le_bytes());
        let modified = metadata.modified().ok()?;
        let since = modified.duration_since(std::time::UNIX_EPOCH).ok()?;
        summary.extend_from_slice(&since.as_secs().to_le_bytes());
        summary.extend_from_slice(&since.subsec_nanos().to_le_bytes());
        (&mut file)
            .take(HEAD_BYTES)
            .read_to_end(&mut summary)
            .ok()?;
        file.seek(SeekFrom::End(-i64::try_from(HEAD_BYTES).ok()?))
            .ok()?;
        file.take(HEAD_BYTES).read_to_end(&mut summary).ok()?;
        Self::new(dir, path, &summary)
    }

    /// The store entry for the web article `doc` read from `url`, under `dir`. A canonical
    /// path starts with `/` (or a drive), a URL with its scheme: the two never share a key.
    pub fn for_url(dir: &Path, url: &str, doc: &Document) -> Option<Self> {
        // One line in the file: a URL with a line break in it is not remembered.
        if url.contains(['\n', '\r']) {
            return None;
        }
        let key = crate::state::fnv1a(url.as_bytes());
        Some(Self {
            file: dir.join(format!("{key:016x}.txt")),
            content_hash: fingerprint(doc),
            canonical: url.to_owned(),
        })
    }

    /// The remembered position, if there is one for exactly these contents.
    pub fn load(&self) -> Option<Anchor> {
        let text = fs::read_to_string(&self.file).ok()?;
        let mut fields = text.lines();
        if fields.next()? != self.canonical {
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
            self.canonical,
            self.content_hash,
            anchor.source.section,
            block,
            anchor.source.part,
            anchor.offset
        );
        crate::state::write_atomically(&self.file, body.as_bytes())
    }
}

/// A hash of what the reader shows of `doc`: its title, subtitle and sections (FNV-1a over
/// their debug form, streamed, so nothing the size of the article is made).
pub fn fingerprint(doc: &Document) -> u64 {
    use std::fmt::Write;
    struct Fnv(u64);
    impl Write for Fnv {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            for b in s.bytes() {
                self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
            }
            Ok(())
        }
    }
    let mut hash = Fnv(crate::state::fnv1a(b""));
    let _ = write!(hash, "{:?}{:?}{:?}", doc.title, doc.subtitle, doc.sections);
    hash.0
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
    fn a_big_file_is_known_by_its_length_time_and_ends_a_small_one_by_its_bytes() {
        let dir = scratch("big");
        let state = dir.join("state");
        let small = dir.join("small.txt");
        fs::write(&small, "نص").expect("small article");
        assert_eq!(
            PositionStore::for_file(&state, &small),
            PositionStore::new(&state, &small, "نص".as_bytes()),
            "a small file's entry is what it always was"
        );
        let article = dir.join("big.txt");
        let mut text = vec![b'a'; usize::try_from(LAZY_BYTES + 3 * HEAD_BYTES).expect("size")];
        fs::write(&article, &text).expect("big article");
        let first = PositionStore::for_file(&state, &article).expect("store");
        assert_eq!(
            PositionStore::for_file(&state, &article).as_ref(),
            Some(&first)
        );
        let set_time = |time| {
            let file = fs::File::options().write(true).open(&article);
            file.and_then(|f| f.set_modified(time)).expect("time set");
        };
        let time = fs::metadata(&article)
            .and_then(|m| m.modified())
            .expect("time");
        // The middle edited and its time put back: not seen, the price of not reading it all.
        let middle = text.len() / 2;
        text[middle] = b'b';
        fs::write(&article, &text).expect("edited");
        set_time(time);
        assert_eq!(
            PositionStore::for_file(&state, &article).as_ref(),
            Some(&first)
        );
        // An edit changes the time: another article.
        set_time(time + std::time::Duration::from_secs(1));
        assert_ne!(
            PositionStore::for_file(&state, &article).as_ref(),
            Some(&first)
        );
        // Its last bytes, the time put back: another article.
        text[middle] = b'a';
        *text.last_mut().expect("bytes") = b'b';
        fs::write(&article, &text).expect("edited");
        set_time(time);
        assert_ne!(
            PositionStore::for_file(&state, &article).as_ref(),
            Some(&first)
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

    #[test]
    fn a_web_article_is_remembered_by_its_url_and_its_text() {
        let dir = scratch("url");
        let doc = |text: &str| crate::load::parse(text, crate::document::Format::Text);
        let url = "https://example.org/story";
        let store = PositionStore::for_url(&dir, url, &doc("عنوان\n\nنص أول")).expect("store");
        let anchor = Anchor {
            source: BlockRef::block(0, 1, 0),
            offset: 7,
        };
        store.save(anchor).expect("saved");
        let again = PositionStore::for_url(&dir, url, &doc("عنوان\n\nنص أول")).expect("store");
        assert_eq!(again.load(), Some(anchor));
        let other =
            PositionStore::for_url(&dir, "https://example.org/other", &doc("عنوان\n\nنص أول"));
        assert_eq!(other.expect("store").load(), None, "another URL");
        let changed = PositionStore::for_url(&dir, url, &doc("عنوان\n\nنص آخر")).expect("store");
        assert_eq!(changed.load(), None, "the article changed");
        assert_eq!(
            PositionStore::for_url(&dir, "https://x/\n1", &doc("a")),
            None
        );
        let _ = fs::remove_dir_all(&dir);
    }
}
