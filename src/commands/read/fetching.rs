//! While a URL loads, before the reader takes the screen: "URL  123 KB" on one line of
//! standard error, redrawn at most ten times a second and cleared when done. Only on a
//! terminal; the URL's control characters are not written.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// The byte counter for one fetch.
pub struct Counter {
    url: String,
    last: Option<Instant>,
    shown: bool,
    on_terminal: bool,
}

impl Counter {
    pub fn new(url: &str) -> Counter {
        Counter {
            url: url.chars().filter(|c| !c.is_control()).collect(),
            last: None,
            shown: false,
            on_terminal: std::io::stderr().is_terminal(),
        }
    }

    /// Shows `bytes` received so far.
    pub fn show(&mut self, bytes: u64) {
        let due = self
            .last
            .is_none_or(|t| t.elapsed() >= Duration::from_millis(100));
        if !self.on_terminal || !due {
            return;
        }
        self.last = Some(Instant::now());
        self.shown = true;
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[K{}  {} KB", self.url, bytes / 1024);
        let _ = err.flush();
    }
}

impl Drop for Counter {
    fn drop(&mut self) {
        if self.shown {
            let _ = write!(std::io::stderr(), "\r\x1b[K");
        }
    }
}
