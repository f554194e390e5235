//! `sahifa print` streams: a big article's first lines come out before the rest is laid out,
//! and memory stays within three times the file. Runs the real binary on a generated 50 MB
//! article and reads its peak resident memory from `getrusage` (the only child of this test
//! binary). The output is read up to a few hundred lines and then closed, which `print` takes
//! as a reader that stopped early: a `print` that composed the whole page before writing would
//! have peaked at tens of times the file by then. (`benches/compare.sh` measures whole runs.)

mod common;

use nix::sys::resource::{UsageWho, getrusage};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

/// Removes the generated article however the test ends.
struct Removed(std::path::PathBuf);

impl Drop for Removed {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn print_streams_a_50_mb_article_within_three_times_its_size() {
    let path = std::env::temp_dir().join(format!("sahifa-big-{}.txt", std::process::id()));
    let _removed = Removed(path.clone());
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).expect("temp file"));
    let size = common::articles::write_big_article(50 << 20, &mut file);
    drop(file);

    let mut child = Command::new(env!("CARGO_BIN_EXE_sahifa"))
        .args(["print", "--width", "80"])
        .arg(&path)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .spawn()
        .expect("sahifa runs");
    let stdout = child.stdout.take().expect("piped");
    let lines: Vec<String> = BufReader::new(stdout)
        .lines()
        .take(300)
        .map(|l| l.expect("utf-8 lines"))
        .collect();
    // Closing the pipe ends `print` (a reader that stopped early is not an error).
    let status = child.wait().expect("sahifa ends");
    assert!(status.success(), "{status}");
    assert_eq!(lines.len(), 300);
    assert!(
        lines.iter().any(|l| l.contains("ﻞﺼﻔﻟﺍ")),
        "chapter headings"
    );

    let peak = getrusage(UsageWho::RUSAGE_CHILDREN)
        .expect("rusage")
        .max_rss() as usize
        * 1024;
    assert!(
        peak < 3 * size,
        "peak {} MB for a {} MB article",
        peak >> 20,
        size >> 20
    );
}
