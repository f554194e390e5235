//! The user's list of feeds: `$XDG_CONFIG_HOME/sahifa/feeds`, plain text.
//!
//! One feed a line: a URL (`http://`, `https://`) or a file path, then optionally a name after
//! whitespace (`https://example.org/rss.xml  أخبار المثال`). Blank lines and lines starting
//! with `#` are skipped; so is a `#` comment after whitespace. A line whose first word is
//! neither a URL nor a path (`ftp://…`) is reported with its line number and skipped; the rest
//! still count. [`read`] takes a missing file for an empty list; [`open`], for `sahifa feeds`,
//! refuses a missing file and one with no feed in it, in one line naming the file.

use super::text::one_line;
use std::path::{Path, PathBuf};

/// Where the list lives: `$XDG_CONFIG_HOME/sahifa/feeds` (or the platform's equivalent).
pub fn default_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(dirs::config_dir)?;
    Some(base.join("sahifa").join("feeds"))
}

/// One feed of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    /// The URL or path as written.
    pub location: String,
    /// The name given after it, if any.
    pub name: Option<String>,
    /// 1-based line number in the file.
    pub line: usize,
}

impl Subscription {
    pub fn is_url(&self) -> bool {
        is_web_url(&self.location)
    }

    /// The name shown in the source column: the given name, else the URL's host, else the file
    /// name.
    pub fn label(&self) -> String {
        if let Some(name) = &self.name {
            return name.clone();
        }
        if let Some(rest) = self.location.split_once("://").map(|(_, rest)| rest) {
            let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
            let host = host.rsplit('@').next().unwrap_or(host);
            return host.strip_prefix("www.").unwrap_or(host).to_owned();
        }
        Path::new(&self.location)
            .file_name()
            .map_or_else(|| self.location.clone(), |n| n.to_string_lossy().into())
    }
}

/// The parsed file: its feeds and the lines that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FeedsFile {
    pub subscriptions: Vec<Subscription>,
    /// One message a bad line, naming its line number.
    pub problems: Vec<String>,
}

fn is_web_url(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Parses the text of a feeds file.
pub fn parse(text: &str) -> FeedsFile {
    let mut file = FeedsFile::default();
    for (index, raw) in text.lines().enumerate() {
        let line_number = index + 1;
        let line = match raw.find(" #").or_else(|| raw.find("\t#")) {
            Some(at) => raw.get(..at).unwrap_or(raw),
            None => raw,
        };
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (location, name) = match line.split_once(char::is_whitespace) {
            Some((location, name)) => (location, Some(one_line(name))),
            None => (line, None),
        };
        let looks_like_other_scheme = location.contains("://") && !is_web_url(location);
        if looks_like_other_scheme {
            file.problems.push(format!(
                "line {line_number}: {} is neither an http(s) URL nor a file path",
                one_line(location)
            ));
            continue;
        }
        file.subscriptions.push(Subscription {
            location: location.to_owned(),
            name: name.filter(|n| !n.is_empty()),
            line: line_number,
        });
    }
    file
}

/// Reads and parses the file at `path`; a missing file is an empty list.
pub fn read(path: &Path) -> crate::error::Result<FeedsFile> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(parse(&String::from_utf8_lossy(&bytes))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(FeedsFile::default()),
        Err(e) => Err(crate::error::Error::Read {
            path: path.to_path_buf(),
            reason: e.to_string(),
        }),
    }
}

/// How a feeds file is written, for the messages that ask for one.
const HOW: &str = "one feed URL or path a line, an optional name after it, # for comments";

/// The feeds file for `sahifa feeds`: `path`, else [`default_path`]. A missing file, a
/// directory, and a file with no feed in it are errors naming the file.
pub fn open(path: Option<&Path>) -> crate::error::Result<(PathBuf, FeedsFile)> {
    let path = match path {
        Some(path) => path.to_path_buf(),
        None => default_path().ok_or_else(|| crate::error::Error::Invalid {
            path: PathBuf::from("$XDG_CONFIG_HOME/sahifa/feeds"),
            reason: "no configuration directory to look for the feeds file in".to_owned(),
        })?,
    };
    let invalid = |reason: String| crate::error::Error::Invalid {
        path: path.clone(),
        reason,
    };
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(invalid(format!("no feeds file; write one ({HOW})")));
        }
        Err(e) => {
            return Err(crate::error::Error::Read {
                path: path.clone(),
                reason: e.to_string(),
            });
        }
    };
    let file = parse(&String::from_utf8_lossy(&bytes));
    if file.subscriptions.is_empty() {
        let problems = match file.problems.first() {
            Some(first) => format!(" ({first})"),
            None => String::new(),
        };
        return Err(invalid(format!("no feeds in it{problems}; {HOW}")));
    }
    Ok((path, file))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_names_comments_and_bad_lines() {
        let text = "# أخباري\n\
                    https://example.org/ar/rss.xml  أخبار المثال\n\
                    \n\
                    \t  https://www.example.com/feed.atom # Hebrew news\n\
                    ftp://old.example.net/feed\n\
                    /home/me/feeds/local.json\tمحلي  \n";
        let file = parse(text);
        let got: Vec<(&str, Option<&str>, usize)> = file
            .subscriptions
            .iter()
            .map(|s| (s.location.as_str(), s.name.as_deref(), s.line))
            .collect();
        assert_eq!(
            got,
            vec![
                ("https://example.org/ar/rss.xml", Some("أخبار المثال"), 2),
                ("https://www.example.com/feed.atom", None, 4),
                ("/home/me/feeds/local.json", Some("محلي"), 6),
            ]
        );
        assert_eq!(
            file.problems,
            vec!["line 5: ftp://old.example.net/feed is neither an http(s) URL nor a file path"]
        );
    }

    #[test]
    fn the_label_is_the_name_else_the_host_else_the_file_name() {
        let file = parse(
            "https://example.org/rss  المثال\nhttps://www.example.com:8080/a?b\nfeeds/local.xml\n",
        );
        let labels: Vec<String> = file.subscriptions.iter().map(Subscription::label).collect();
        assert_eq!(labels, ["المثال", "example.com:8080", "local.xml"]);
        assert!(file.subscriptions[0].is_url() && !file.subscriptions[2].is_url());
    }

    #[test]
    fn open_refuses_a_missing_or_empty_file_naming_it() {
        let dir = std::env::temp_dir().join(format!("sahifa-feeds-file-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a scratch directory");
        let path = dir.join("feeds");
        let _ = std::fs::remove_file(&path);
        let missing = open(Some(&path)).expect_err("missing").to_string();
        assert!(
            missing.starts_with(&path.display().to_string()) && missing.contains("no feeds file"),
            "{missing}"
        );
        std::fs::write(&path, "# nothing yet\n\n").expect("written");
        let empty = open(Some(&path)).expect_err("empty").to_string();
        assert!(empty.contains("no feeds in it"), "{empty}");
        std::fs::write(&path, "ftp://x.example/feed\n").expect("written");
        let bad = open(Some(&path)).expect_err("no usable line").to_string();
        assert!(bad.contains("line 1: ftp://"), "{bad}");
        assert!(!bad.contains('\n'));
        std::fs::write(&path, "https://x.example/rss  X\n").expect("written");
        let (at, file) = open(Some(&path)).expect("a feed");
        assert_eq!((at, file.subscriptions.len()), (path, 1));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_missing_file_is_an_empty_list() {
        let missing = read(Path::new("/no/such/dir/feeds")).expect("no error");
        assert_eq!(missing, FeedsFile::default());
    }
}
