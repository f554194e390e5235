//! The reading position of a big article, remembered by default, while the rest of it is still
//! being read: the first frame does not wait for the whole file, a place in the first part is
//! shown at once, a place beyond it is reached when the whole article arrives, quitting before
//! that keeps the place remembered, and an edited file starts from the top. `SAHIFA_REST_AFTER`
//! holds the rest back until a file appears, so every step is seen without timing.

mod common;

use common::pty::Terminal;
use common::reader::scratch;
use std::path::{Path, PathBuf};
use std::time::Duration;

const QUIET: Duration = Duration::from_millis(300);
const READING: &str = "reading the rest of the article…";
const TO_PLACE: &str = "then back to your place";
const FIRST: &str = "Paragraph 000001 ";
const FAR: &str = "Paragraph 030000 says something zanzibar";

/// A plain-text article of some 3 MB (over the size read lazily, its first part some 1,200
/// paragraphs): numbered paragraphs, the 30,000th naming `zanzibar`.
fn big_article(dir: &Path) -> PathBuf {
    let path = dir.join("big.txt");
    std::fs::write(&path, article_text(None)).expect("article written");
    path
}

/// The article's text, with `inserted` as a paragraph after the 20,000th.
fn article_text(inserted: Option<&str>) -> String {
    let mut text = String::from("A long article\n\n");
    for n in 1..=40_000 {
        let word = if n == 30_000 { "zanzibar" } else { "plain" };
        text += &format!("Paragraph {n:06} says something {word} about nothing much.\n\n");
        if let (20_000, Some(inserted)) = (n, inserted) {
            text += &format!("{inserted}\n\n");
        }
    }
    assert!(text.len() > 2 << 20);
    text
}

/// A scratch directory with the article in it; the state directory is the scratch directory.
struct Case {
    dir: PathBuf,
    article: PathBuf,
    gate: PathBuf,
}

impl Case {
    fn new(name: &str) -> Self {
        let dir = scratch(name);
        let _ = std::fs::remove_dir_all(dir.join("sahifa"));
        let article = big_article(&dir);
        let gate = dir.join("go");
        let _ = std::fs::remove_file(&gate);
        Case { dir, article, gate }
    }

    /// Lets the rest be read (by this reader and the next ones).
    fn open_gate(&self) {
        std::fs::write(&self.gate, "").expect("gate opened");
    }

    fn close_gate(&self) {
        let _ = std::fs::remove_file(&self.gate);
    }

    /// The reader on the article, positions remembered (no `--no-state`), once it has drawn.
    fn reader(&self) -> Terminal {
        let dir = self.dir.to_str().expect("UTF-8 temp path");
        let env = [
            ("XDG_CONFIG_HOME", dir),
            ("XDG_STATE_HOME", dir),
            ("SAHIFA_REST_AFTER", self.gate.to_str().expect("UTF-8 path")),
        ];
        let article = self.article.to_str().expect("UTF-8 temp path");
        let mut term = Terminal::spawn_with_env(common::bin::sahifa(), &[article], &env, 80, 24)
            .expect("terminal starts");
        term.timeout = Duration::from_secs(60);
        term.wait_until("the first screen", QUIET, |s| {
            s.alternate_screen() && s.contents().contains("Paragraph ")
        })
        .expect("the reader shows the article");
        term
    }

    /// The remembered positions' files and their contents.
    fn saved(&self) -> Vec<String> {
        let dir = self.dir.join("sahifa").join("positions");
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .map(|entries| {
                (entries.flatten())
                    .map(|e| std::fs::read_to_string(e.path()).expect("position read"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        files
    }
}

/// The text rows (the status line aside).
fn text_rows(term: &Terminal) -> Vec<String> {
    let mut rows = term.screen_rows();
    rows.pop();
    rows
}

/// The rows from the first with text: a position is the text at the top, not a blank line
/// above it.
fn from_text(rows: &[String]) -> Vec<String> {
    (rows.iter())
        .skip_while(|row| row.trim().is_empty())
        .cloned()
        .collect()
}

fn status(term: &Terminal) -> String {
    term.screen_rows().pop().unwrap_or_default()
}

/// Waits until the reader has the whole article (its status stops saying it is reading).
fn whole_article(term: &mut Terminal) {
    term.wait_until("the whole article", QUIET, |s| {
        !s.contents().contains(READING)
    })
    .expect("the whole article arrives");
}

fn quit(mut term: Terminal) {
    term.send_keys("q").expect("q sent");
    assert_eq!(term.wait_exit(), Ok(0));
}

/// Searches for `zanzibar` in the whole article and quits there; the text rows shown.
fn leave_far_on(case: &Case) -> Vec<String> {
    case.open_gate();
    let mut term = case.reader();
    whole_article(&mut term);
    term.send_keys("/ zanzibar Enter").expect("search sent");
    term.wait_until("the match", QUIET, |s| s.contents().contains(FAR))
        .expect("the search finds the far paragraph");
    let rows = text_rows(&term);
    assert!(!rows.iter().any(|r| r.contains(FIRST)));
    quit(term);
    rows
}

#[test]
fn the_first_frame_comes_before_the_whole_file_is_read_with_positions_remembered() {
    let case = Case::new("restpos-first");
    let term = case.reader();
    assert!(status(&term).contains(READING), "{}", term.screen_text());
    // The rest is held back: whatever was read before the first frame was read for it.
    let pid = term.pid().expect("reader's process id");
    let io = std::fs::read_to_string(format!("/proc/{pid}/io")).expect("/proc/PID/io");
    let read: u64 = (io.lines())
        .find_map(|line| line.strip_prefix("rchar: "))
        .and_then(|n| n.trim().parse().ok())
        .expect("rchar");
    let size = std::fs::metadata(&case.article).expect("article").len();
    assert!(
        read < size / 4,
        "{read} bytes read before the first frame of a {size}-byte file"
    );
    quit(term);
}

#[test]
fn a_place_in_the_first_part_is_saved_before_the_rest_arrives_and_shown_at_the_first_frame() {
    let case = Case::new("restpos-head");
    let mut term = case.reader();
    term.send_keys("Space").expect("Space sent");
    term.wait_until("the scroll", QUIET, |s| {
        !s.contents().contains(FIRST) && !s.contents().contains(READING)
    })
    .expect("the first part scrolls");
    for key in ["Space", "j"] {
        let before = term.screen_text();
        term.send_keys(key).expect("key sent");
        term.wait_until("the scroll", QUIET, |s| s.contents() != before)
            .expect("the first part scrolls");
    }
    let left = text_rows(&term);
    quit(term); // the rest never arrived
    assert_eq!(case.saved().len(), 1, "the position is saved");

    let mut term = case.reader();
    assert_eq!(
        text_rows(&term),
        left,
        "the first frame is where the reader left"
    );
    let before = status(&term);
    assert!(
        before.contains(READING) && !before.contains(TO_PLACE),
        "{before}"
    );
    case.open_gate();
    whole_article(&mut term);
    assert_eq!(text_rows(&term), left, "the whole article keeps the place");
    quit(term);
}

#[test]
fn a_place_beyond_the_first_part_waits_for_the_whole_article_and_survives_an_early_quit() {
    let case = Case::new("restpos-far");
    let left = leave_far_on(&case);
    let saved = case.saved();
    assert_eq!(saved.len(), 1, "the position is saved");

    case.close_gate();
    let term = case.reader();
    assert!(status(&term).contains(TO_PLACE), "{}", term.screen_text());
    assert!(text_rows(&term).iter().any(|r| r.contains(FIRST)));
    quit(term); // before the whole article arrived
    assert_eq!(
        case.saved(),
        saved,
        "the remembered place is kept as it was"
    );

    let mut term = case.reader();
    assert!(status(&term).contains(TO_PLACE), "{}", term.screen_text());
    // A theme changed meanwhile keeps the place waiting.
    term.send_keys("T").expect("T sent");
    term.wait_until("the theme", QUIET, |s| !s.contents().contains(TO_PLACE))
        .expect("T acts on the first part");
    case.open_gate();
    term.wait_until("the remembered place", QUIET, |s| {
        s.contents().contains(FAR)
    })
    .expect("the reader goes back to its place");
    assert_eq!(
        from_text(&text_rows(&term))[..20],
        from_text(&left)[..20],
        "the same text at the top"
    );
    quit(term);
    assert_eq!(case.saved(), saved);
}

#[test]
fn scrolling_before_the_whole_article_arrives_drops_the_remembered_place() {
    let case = Case::new("restpos-scrolled");
    leave_far_on(&case);
    case.close_gate();
    let mut term = case.reader();
    term.send_keys("j").expect("j sent");
    term.wait_until("the scroll", QUIET, |s| !s.contents().contains(TO_PLACE))
        .expect("j scrolls the first part");
    let scrolled = text_rows(&term);
    let status_then = status(&term);
    case.open_gate();
    term.wait_until("the whole article", QUIET, |s| {
        s.contents().lines().last().map(str::trim) != Some(status_then.trim())
    })
    .expect("the whole article arrives");
    term.wait_stable(QUIET).expect("settles");
    assert_eq!(text_rows(&term), scrolled, "no jump after the reader moved");
    quit(term);
}

#[test]
fn an_edited_big_file_starts_from_the_top() {
    let case = Case::new("restpos-edited");
    leave_far_on(&case);
    // An edit in the middle, far from both ends of the file.
    let edited = article_text(Some("A paragraph added later."));
    std::fs::write(&case.article, edited).expect("article edited");
    case.close_gate();
    let mut term = case.reader();
    let first = status(&term);
    assert!(
        first.contains(READING) && !first.contains(TO_PLACE),
        "{first}"
    );
    let top = text_rows(&term);
    assert!(
        top.iter().any(|r| r.contains(FIRST)),
        "{}",
        term.screen_text()
    );
    case.open_gate();
    whole_article(&mut term);
    assert_eq!(text_rows(&term), top, "still the top");
    quit(term);
}

#[test]
fn a_file_changed_while_it_is_read_starts_from_the_top_and_is_remembered_as_it_is_now() {
    let case = Case::new("restpos-changed-meanwhile");
    leave_far_on(&case);
    let saved = case.saved();
    case.close_gate();
    let mut term = case.reader();
    assert!(status(&term).contains(TO_PLACE), "{}", term.screen_text());
    let top = text_rows(&term);
    // Edited after its first part was shown, before the rest is read.
    let edited = article_text(Some("A paragraph added later."));
    std::fs::write(&case.article, edited).expect("article edited");
    case.open_gate();
    whole_article(&mut term);
    assert_eq!(text_rows(&term), top, "still the top");
    quit(term);
    let now = case.saved();
    assert_eq!(now.len(), 1);
    assert_ne!(now, saved, "the new entry is saved");

    // Opened again: the top, the file as it is now.
    case.close_gate();
    let term = case.reader();
    let first = status(&term);
    assert!(
        first.contains(READING) && !first.contains(TO_PLACE),
        "{first}"
    );
    assert_eq!(text_rows(&term), top);
    quit(term);
}
