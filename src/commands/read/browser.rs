//! `o` in the links panel: the URL handed to the system opener — `$BROWSER` (a command, the
//! URL as its one argument), else `xdg-open`, else `open` (macOS). The opener runs detached,
//! its standard streams closed, so a terminal browser cannot draw over the reader; the reader
//! does not wait for it. A URL that is not http(s) or mailto is not handed over (no `file:` or
//! `javascript:` from an article).

use std::process::{Command, Stdio};

/// Starts the opener on `url`; an error names the URL and why.
pub fn open(url: &str) -> Result<(), String> {
    let allowed = ["http://", "https://", "mailto:"];
    if !allowed.iter().any(|scheme| url.starts_with(scheme)) {
        return Err(format!(
            "not opened: {url} is not an http, https or mailto link"
        ));
    }
    let browser = std::env::var("BROWSER")
        .ok()
        .filter(|b| !b.trim().is_empty());
    let candidates: Vec<String> = match browser {
        Some(browser) => vec![browser],
        None => vec!["xdg-open".to_owned(), "open".to_owned()],
    };
    let mut last = String::new();
    for program in &candidates {
        let spawned = Command::new(program)
            .arg(url)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        match spawned {
            Ok(mut child) => {
                // Reaped when it ends, so that no zombie is left behind.
                std::thread::spawn(move || child.wait());
                return Ok(());
            }
            Err(e) => last = format!("{program}: {e}"),
        }
    }
    Err(format!("could not open {url}: {last}"))
}
