//! The first stage: where an article's bytes come from, decided once from the arguments.
//!
//! A [`Source`] is a file, standard input, the built-in sample article or an `http(s)://` URL
//! (fetched by [`crate::fetch`]); it carries
//! - a display name for messages ([`Source::name`]; errors and warnings name the source, and
//!   standard input is always "standard input"),
//! - the base that relative references in the article resolve against ([`Source::base_dir`]:
//!   a file's directory; none for standard input, the sample or a URL, whose references are
//!   made absolute against the page's URL when it loads),
//! - an identity for the reading-position store ([`Source::identity`]: a file's path, a URL as
//!   given; nothing is remembered for standard input or the sample),
//! - and its bytes ([`Source::read`]), which go to `decode` and `load` with the source's name.
//!
//! The rule for choosing ([`Source::choose`]): FILE `-` is standard input; an `http://` or
//! `https://` FILE is a URL; any other FILE is that file;
//! no FILE is standard input when it is piped, else the sample (the reader and `shot`) or a
//! usage error (`print`, `json`: the caller decides, see [`Source::choose`]'s `sample`).
//!
//! A feed item becomes one more variant here: nothing after this stage reads a path or the
//! network.

use crate::error::{Error, Result};
use crate::fetch::FetchOptions;
use std::io::Read;

pub mod cache;
use std::path::{Path, PathBuf};

/// The built-in sample article (a news report in Arabic with sections and statistics).
pub const SAMPLE: &str = include_str!("../../assets/raqqa-news-ar.txt");
/// The name the sample goes by in messages and format detection.
pub const SAMPLE_NAME: &str = "raqqa-news-ar.txt";
/// The name standard input goes by in messages.
pub const STDIN_NAME: &str = "standard input";

/// Where an article comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    File(PathBuf),
    Stdin,
    /// The article compiled into the binary.
    Sample,
    /// A web page or text served over HTTP(S).
    Url(String),
}

/// What a source is remembered by (its reading position): a file's path or a URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Identity<'a> {
    File(&'a Path),
    Url(&'a str),
}

impl<'a> Identity<'a> {
    /// The file, when the identity is one.
    pub fn file(self) -> Option<&'a Path> {
        match self {
            Identity::File(path) => Some(path),
            Identity::Url(_) => None,
        }
    }
}

/// A source's bytes, with the name they go by (also what the format is guessed from).
#[derive(Debug, Clone)]
pub struct Fetched {
    pub bytes: Vec<u8>,
    pub name: PathBuf,
}

impl Source {
    /// The source FILE names: `-` is standard input. Without FILE: standard input when it is
    /// not a terminal (`stdin_is_terminal` false), else the sample when `sample` allows it, else
    /// `None` (nothing to read: the caller reports a usage error).
    pub fn choose(file: Option<&Path>, stdin_is_terminal: bool, sample: bool) -> Option<Source> {
        match file {
            Some(p) if p.as_os_str() == "-" => Some(Source::Stdin),
            Some(p) if p.to_str().is_some_and(crate::fetch::is_url) => {
                Some(Source::Url(p.to_string_lossy().into_owned()))
            }
            Some(p) => Some(Source::File(p.to_path_buf())),
            None if !stdin_is_terminal => Some(Source::Stdin),
            None => sample.then_some(Source::Sample),
        }
    }

    /// The name in messages: the path as given, "standard input", or the sample's file name.
    pub fn name(&self) -> PathBuf {
        match self {
            Source::File(path) => path.clone(),
            Source::Stdin => PathBuf::from(STDIN_NAME),
            Source::Sample => PathBuf::from(SAMPLE_NAME),
            Source::Url(url) => PathBuf::from(url),
        }
    }

    /// The directory relative references (figure images) resolve against: the file's own
    /// (the current one for a bare file name); none for standard input and the sample.
    pub fn base_dir(&self) -> Option<PathBuf> {
        match self {
            Source::File(path) => Some(path.parent().map(Path::to_path_buf).unwrap_or_default()),
            Source::Stdin | Source::Sample | Source::Url(_) => None,
        }
    }

    /// What the reading-position store keys a position by: the file, or the URL as given;
    /// none for standard input and the sample, whose positions are not remembered.
    pub fn identity(&self) -> Option<Identity<'_>> {
        match self {
            Source::File(path) => Some(Identity::File(path)),
            Source::Url(url) => Some(Identity::Url(url)),
            Source::Stdin | Source::Sample => None,
        }
    }

    /// The source's bytes (a URL fetched within the `fetch` limits). A missing file, a
    /// directory or an unreadable one is an error naming it in one line.
    pub fn read(&self, fetch: &FetchOptions) -> Result<Fetched> {
        let name = self.name();
        let bytes = match self {
            Source::File(path) => read_file(path)?,
            Source::Stdin => {
                let mut bytes = Vec::new();
                std::io::stdin()
                    .read_to_end(&mut bytes)
                    .map_err(|e| Error::Read {
                        path: name.clone(),
                        reason: e.to_string(),
                    })?;
                bytes
            }
            Source::Sample => SAMPLE.as_bytes().to_vec(),
            Source::Url(url) => crate::fetch::fetch(url, fetch, &mut |_| {})?.bytes,
        };
        Ok(Fetched { bytes, name })
    }
}

fn read_file(path: &Path) -> Result<Vec<u8>> {
    let error = |reason: &str| Error::Read {
        path: path.to_path_buf(),
        reason: reason.to_owned(),
    };
    if path.is_dir() {
        return Err(error("is a directory, not an article"));
    }
    std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => error("no such file"),
        std::io::ErrorKind::PermissionDenied => error("permission denied"),
        _ => error(&e.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dash_is_standard_input_and_no_file_depends_on_the_terminal() {
        let file = Path::new("a/b.md");
        let dash = Path::new("-");
        assert_eq!(
            Source::choose(Some(file), true, true),
            Some(Source::File(file.into()))
        );
        assert_eq!(Source::choose(Some(dash), true, false), Some(Source::Stdin));
        assert_eq!(Source::choose(None, false, true), Some(Source::Stdin));
        assert_eq!(Source::choose(None, true, true), Some(Source::Sample));
        assert_eq!(Source::choose(None, true, false), None);
        let url = Path::new("https://example.org/a.html");
        assert_eq!(
            Source::choose(Some(url), true, true),
            Some(Source::Url("https://example.org/a.html".into()))
        );
    }

    #[test]
    fn only_a_file_has_a_base_and_only_files_and_urls_an_identity() {
        let file = Source::File("articles/raqqa.md".into());
        assert_eq!(file.base_dir(), Some(PathBuf::from("articles")));
        assert_eq!(
            file.identity(),
            Some(Identity::File(Path::new("articles/raqqa.md")))
        );
        let bare = Source::File("raqqa.md".into());
        assert_eq!(bare.base_dir(), Some(PathBuf::new()));
        for source in [Source::Stdin, Source::Sample] {
            assert_eq!(source.base_dir(), None);
            assert_eq!(source.identity(), None);
        }
        assert_eq!(Source::Stdin.name(), PathBuf::from("standard input"));
        let url = Source::Url("https://example.org/a".into());
        assert_eq!(url.base_dir(), None);
        assert_eq!(url.identity(), Some(Identity::Url("https://example.org/a")));
    }

    #[test]
    fn the_sample_reads_as_compiled_in_under_its_name() {
        let sample =
            (Source::Sample.read(&FetchOptions::default())).expect("the sample is in the binary");
        assert_eq!(sample.bytes, SAMPLE.as_bytes());
        assert_eq!(sample.name, PathBuf::from(SAMPLE_NAME));
    }

    #[test]
    fn a_url_is_read_within_the_timeout_it_is_given() {
        use std::io::Read as _;
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a local port");
        let address = listener.local_addr().expect("its address");
        // Accepts and never answers; the connection ends when the reader gives up.
        let server = std::thread::spawn(move || {
            if let Ok((mut stream, _)) = listener.accept() {
                let _ = stream.read_to_end(&mut Vec::new());
            }
        });
        let fetch = FetchOptions {
            timeout: std::time::Duration::from_millis(300),
            ..FetchOptions::default()
        };
        let url = Source::Url(format!("http://{address}/slow"));
        let error = url.read(&fetch).expect_err("nothing comes").to_string();
        assert!(error.contains("timed out after 0.3 s"), "{error}");
        server.join().expect("the server ends");
    }
}
