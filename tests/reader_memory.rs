//! The reader holds a big article in bounded memory: with every entity tagged, the entity
//! panel built and the search index made, what an article costs beyond what sahifa takes for a
//! small one stays under three times the article's size.
//!
//! Runs the real binary headless (`sahifa shot`, the same `App` the terminal drives) with keys
//! that make it do all the work the terminal reader does in the background — `E` tags the whole
//! article and lists its entities, a search builds the index — and reads each run's peak
//! resident memory from `getrusage` (the largest of this test binary's waited children). The
//! cost of the binary itself (code, fonts, the tagger's lists) is the peak of the same run on
//! the 8 KB sample. Not timed.

mod common;

use nix::sys::resource::{UsageWho, getrusage};
use std::path::Path;
use std::process::Command;

const KEYS: &str = "E Esc / الرقة Enter";

/// Removes the generated files however the test ends.
struct Removed(Vec<std::path::PathBuf>);

impl Drop for Removed {
    fn drop(&mut self) {
        for path in &self.0 {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Runs `sahifa shot FILE` with [`KEYS`]; the screen it wrote. The peak of the largest child
/// so far is in `getrusage`.
fn shot(file: &Path, out: &Path) -> String {
    let status = Command::new(env!("CARGO_BIN_EXE_sahifa"))
        .arg("shot")
        .arg(file)
        .arg("-o")
        .arg(out)
        .args(["--keys", KEYS])
        .env("NO_COLOR", "1")
        .env(
            "XDG_CONFIG_HOME",
            std::env::temp_dir().join("sahifa-no-config"),
        )
        .status()
        .expect("sahifa runs");
    assert!(status.success(), "{status}");
    std::fs::read_to_string(out).expect("the screen is written")
}

fn peak() -> usize {
    getrusage(UsageWho::RUSAGE_CHILDREN)
        .expect("rusage")
        .max_rss() as usize
        * 1024
}

#[test]
fn a_tagged_and_searched_big_article_costs_under_three_times_its_size() {
    let dir = std::env::temp_dir();
    let id = std::process::id();
    let (big, out) = (
        dir.join(format!("sahifa-memory-{id}.txt")),
        dir.join(format!("sahifa-memory-{id}-screen.txt")),
    );
    let _removed = Removed(vec![big.clone(), out.clone()]);
    let mut file = std::io::BufWriter::new(std::fs::File::create(&big).expect("temp file"));
    let size = common::articles::write_big_article(8 << 20, &mut file);
    drop(file);

    let screen = shot(Path::new("assets/raqqa-news-ar.txt"), &out);
    assert!(screen.contains("SEARCH"), "the search ran:\n{screen}");
    let baseline = peak();
    let screen = shot(&big, &out);
    // Every chapter has الرقة: thousands of matches, so the whole article was searched.
    let status = screen.lines().last().unwrap_or_default();
    let total: usize = status
        .split_once("SEARCH 1/")
        .and_then(|(_, rest)| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(total > 5_000, "{status}");
    let big_peak = peak();
    assert!(big_peak > baseline, "{big_peak} after {baseline}");
    let cost = big_peak - baseline;
    eprintln!(
        "peak {} MB, sample {} MB, article {} MB",
        big_peak >> 20,
        baseline >> 20,
        size >> 20
    );
    assert!(
        cost < 3 * size,
        "{} MB beyond the sample's {} MB for a {} MB article",
        cost >> 20,
        baseline >> 20,
        size >> 20
    );
}
