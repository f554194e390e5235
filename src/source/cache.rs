//! Pictures of web articles, fetched once and kept on disk, so opening the article again
//! needs no network for them.
//!
//! The rules of [`PictureCache::file`]:
//! - A picture at URL `u` lives in `$XDG_CACHE_HOME/sahifa/pictures/` (a relative
//!   `XDG_CACHE_HOME` is ignored, as the XDG spec says; else the platform's cache directory)
//!   under the FNV-1a hash of `u` in hex, stable across builds and platforms.
//! - A file found there is used as it is, with no request at all (no revalidation: a picture
//!   at one URL rarely changes, and the article then reads offline).
//! - Otherwise the picture is fetched with the article's client and limits ([`crate::fetch`]),
//!   its body held to [`MAX_FILE_BYTES`], and written to a temporary file renamed into place,
//!   so a crash or two readers at once never leave half a picture.
//! - Only pictures are kept: a failure (404, a timeout, an HTML page where the picture should
//!   be) is said as an [`ImageProblem`] and asked again next time.
//!
//! What the file holds is told by its bytes later, as for a local picture
//! ([`crate::load::figure_files::probe`]).

use crate::document::ImageProblem;
use crate::fetch::{self, Failure, FetchOptions};
use crate::load::figure_files::MAX_FILE_BYTES;
use std::path::{Path, PathBuf};

/// Where fetched pictures are kept, and how they are fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PictureCache {
    dir: PathBuf,
    fetch: FetchOptions,
}

impl PictureCache {
    /// The cache in the user's cache directory (else the system's temporary one), fetching
    /// with `fetch`'s timeouts.
    pub fn new(fetch: FetchOptions) -> Self {
        let base = std::env::var_os("XDG_CACHE_HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .or_else(dirs::cache_dir)
            .unwrap_or_else(std::env::temp_dir);
        Self::in_dir(base.join("sahifa").join("pictures"), fetch)
    }

    /// A cache in `dir`.
    pub fn in_dir(dir: PathBuf, fetch: FetchOptions) -> Self {
        let fetch = FetchOptions {
            max_bytes: fetch.max_bytes.min(MAX_FILE_BYTES),
            ..fetch
        };
        Self { dir, fetch }
    }

    /// The file the picture at `url` is kept in.
    pub fn path(&self, url: &str) -> PathBuf {
        let key = crate::state::fnv1a(url.as_bytes());
        self.dir.join(format!("{key:016x}"))
    }

    /// The picture at `url` as a local file: the kept one, else fetched now and kept.
    pub fn file(&self, url: &str) -> Result<PathBuf, ImageProblem> {
        let path = self.path(url);
        if path.is_file() {
            return Ok(path);
        }
        let fetched = fetch::fetch_picture(url, &self.fetch).map_err(|f| problem(f.kind))?;
        keep(&path, &fetched.bytes)?;
        Ok(path)
    }
}

fn keep(path: &Path, bytes: &[u8]) -> Result<(), ImageProblem> {
    crate::state::write_atomically(path, bytes).map_err(|_| ImageProblem::Unreadable)
}

/// What the label says about a failed fetch.
fn problem(kind: Failure) -> ImageProblem {
    match kind {
        Failure::Status(404 | 410) => ImageProblem::NotFound,
        Failure::TimedOut => ImageProblem::TimedOut,
        Failure::TooBig => ImageProblem::TooBig,
        Failure::WrongType => ImageProblem::NotSupported,
        Failure::Status(_) | Failure::Network => ImageProblem::NotFetched,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_url_has_its_own_file_in_the_cache_directory() {
        let cache = PictureCache::in_dir("/c".into(), FetchOptions::default());
        let a = cache.path("https://example.org/a.png");
        let b = cache.path("https://example.org/b.png");
        assert_ne!(a, b);
        assert_eq!(a.parent(), Some(Path::new("/c")));
        assert_eq!(a, cache.path("https://example.org/a.png"));
    }

    #[test]
    fn a_kept_picture_is_used_without_asking_anyone() {
        let dir = std::env::temp_dir().join(format!("sahifa-cache-{}", std::process::id()));
        let cache = PictureCache::in_dir(dir.clone(), FetchOptions::default());
        // Nothing listens on port 9 of this URL's host: only the kept file can answer.
        let url = "http://127.0.0.1:9/kept.png";
        crate::state::write_atomically(&cache.path(url), b"kept").expect("written");
        assert_eq!(cache.file(url), Ok(cache.path(url)));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn failures_are_said_in_the_label_words() {
        assert_eq!(problem(Failure::Status(404)), ImageProblem::NotFound);
        assert_eq!(problem(Failure::Status(503)), ImageProblem::NotFetched);
        assert_eq!(problem(Failure::TimedOut), ImageProblem::TimedOut);
        assert_eq!(problem(Failure::TooBig), ImageProblem::TooBig);
        assert_eq!(problem(Failure::WrongType), ImageProblem::NotSupported);
    }

    #[test]
    fn the_picture_limit_is_never_above_the_local_one() {
        let cache = PictureCache::in_dir("/c".into(), FetchOptions::default());
        assert_eq!(cache.fetch.max_bytes, MAX_FILE_BYTES);
    }
}
