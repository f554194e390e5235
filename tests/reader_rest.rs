//! A big article in the real reader while the rest of it is still being read: keys act on the
//! first part at once, keys that need the whole article wait for it and are then carried out,
//! and quitting never waits. `SAHIFA_REST_AFTER` holds the rest back until a file appears, so
//! every step is seen before the whole article is in, with no timing.

mod common;

use common::pty::Terminal;
use common::reader::scratch;
use std::path::{Path, PathBuf};
use std::time::Duration;

const QUIET: Duration = Duration::from_millis(300);
const READING: &str = "reading the rest of the article…";
const LAST: &str = "The last line of the article.";
const COLS: u16 = 80;
const ROWS: u16 = 24;

/// A plain-text article of some 3 MB (over the size read lazily): numbered paragraphs, one far
/// from the start naming `zanzibar`, and [`LAST`] at the end.
fn big_article(dir: &Path) -> PathBuf {
    let path = dir.join("big.txt");
    let mut text = String::from("A long article\n\n");
    for n in 1..=40_000 {
        let word = if n == 30_000 { "zanzibar" } else { "plain" };
        text += &format!("Paragraph {n:06} says something {word} about nothing much.\n\n");
    }
    text += LAST;
    text.push('\n');
    assert!(text.len() > 2 << 20);
    std::fs::write(&path, text).expect("article written");
    path
}

/// The reader on a big article whose rest is held until `gate` exists.
fn reader(name: &str) -> (Terminal, PathBuf) {
    let dir = scratch(name);
    let article = big_article(&dir);
    held(&dir, &article, "Paragraph 000001")
}

/// The reader on `article` (in `dir`), its rest held until the returned gate exists, once its
/// first screen shows `first` and says the rest is being read.
fn held(dir: &Path, article: &Path, first: &str) -> (Terminal, PathBuf) {
    let gate = dir.join("go");
    let _ = std::fs::remove_file(&gate);
    let dir_str = dir.to_str().expect("UTF-8 temp path");
    let env = [
        ("XDG_CONFIG_HOME", dir_str),
        ("XDG_STATE_HOME", dir_str),
        ("SAHIFA_REST_AFTER", gate.to_str().expect("UTF-8 temp path")),
    ];
    let article = article.to_str().expect("UTF-8 temp path");
    let mut term = Terminal::spawn_with_env(
        common::bin::sahifa(),
        &["--no-state", article],
        &env,
        COLS,
        ROWS,
    )
    .expect("terminal starts");
    term.timeout = Duration::from_secs(60);
    term.wait_until("the first screen", QUIET, |s| {
        s.contents().contains(first) && s.contents().contains(READING)
    })
    .expect("the first part is shown before the rest is read");
    (term, gate)
}

/// The row `text` is on.
fn row_of(term: &Terminal, text: &str) -> Option<usize> {
    term.screen_rows().iter().position(|row| row.contains(text))
}

#[test]
fn keys_scroll_the_first_part_and_g_goes_to_the_end_once_the_rest_is_in() {
    let (mut term, gate) = reader("rest-g");
    let before = row_of(&term, "Paragraph 000002").expect("second paragraph shown");
    term.send_keys("j").expect("j sent");
    term.wait_until("a scroll", QUIET, |s| !s.contents().contains(READING))
        .expect("j acts on the first part");
    let after = row_of(&term, "Paragraph 000002").expect("second paragraph still shown");
    assert_eq!(
        after + 1,
        before,
        "j scrolls one line:\n{}",
        term.screen_text()
    );
    assert!(!gate.exists(), "the rest is still held back");

    term.send_keys("G").expect("G sent");
    term.wait_until("G to be held", QUIET, |s| s.contents().contains(READING))
        .expect("G waits for the rest");
    assert_eq!(row_of(&term, LAST), None);
    assert_eq!(row_of(&term, "Paragraph 000002"), Some(after));

    std::fs::write(&gate, "").expect("gate opened");
    term.wait_until("the end of the article", QUIET, |s| {
        s.contents().contains(LAST)
    })
    .expect("G carried out on the whole article");
    let rows = term.screen_rows();
    let last_text = (rows[..rows.len() - 1].iter())
        .rposition(|row| !row.trim().is_empty())
        .expect("text on screen");
    assert!(
        rows[last_text].contains(LAST),
        "G ends on the article's last line:\n{}",
        term.screen_text()
    );
    term.send_keys("q").expect("q sent");
    assert_eq!(term.wait_exit(), Ok(0));
}

#[test]
fn a_search_beyond_the_first_part_is_carried_out_once_the_rest_is_in() {
    let (mut term, gate) = reader("rest-search");
    term.send_keys("/ zanzibar Enter").expect("search sent");
    term.wait_until("the search to be held", QUIET, |s| {
        s.contents().contains(READING) && !s.contents().contains("/zanzibar")
    })
    .expect("the search waits for the rest");
    assert_eq!(row_of(&term, "zanzibar"), None);
    std::fs::write(&gate, "").expect("gate opened");
    term.wait_until("the match", QUIET, |s| {
        s.contents()
            .contains("Paragraph 030000 says something zanzibar")
    })
    .expect("the search is carried out on the whole article");
    term.send_keys("q").expect("q sent");
    assert_eq!(term.wait_exit(), Ok(0));
}

#[test]
fn quitting_never_waits_for_the_rest() {
    let (mut term, gate) = reader("rest-quit");
    term.send_keys("G").expect("G sent");
    term.wait_until("G to be held", QUIET, |s| s.contents().contains(READING))
        .expect("G waits for the rest");
    // The rest is never let in: the reader ends all the same.
    term.send_keys("q").expect("q sent");
    assert_eq!(term.wait_exit(), Ok(0));
    assert!(!gate.exists());
}

#[test]
fn the_view_stays_on_the_text_it_showed_when_the_rest_arrives() {
    let (mut term, gate) = reader("rest-anchor");
    term.send_keys("j j j Space").expect("keys sent");
    term.wait_until("the scroll", QUIET, |s| {
        !s.contents().contains(READING) && !s.contents().contains("Paragraph 000005 ")
    })
    .expect("the first part scrolls");
    let before = term.screen_rows();
    let (text, status) = before.split_at(before.len() - 1);
    // Nothing else changes the first part's screen: a new status line is the whole article.
    std::fs::write(&gate, "").expect("gate opened");
    let status = status[0].clone();
    term.wait_until("the whole article", QUIET, |s| {
        s.contents()
            .lines()
            .last()
            .is_none_or(|row| row.trim() != status.trim())
    })
    .expect("the whole article replaces the first part");
    let after = term.screen_rows();
    assert_eq!(
        &after[..after.len() - 1],
        text,
        "the view stays on the same text"
    );
    term.send_keys("q").expect("q sent");
    assert_eq!(term.wait_exit(), Ok(0));
}

#[test]
fn the_first_part_shows_the_screen_and_place_that_shot_gives() {
    let (mut term, _gate) = reader("rest-shot");
    let dir = scratch("rest-shot");
    let article = dir.join("big.txt");
    let article = article.to_str().expect("UTF-8 temp path");
    let shot = common::reader::headless(&dir, article, COLS, ROWS, "");
    let live = term.screen_rows();
    let shot: Vec<&str> = shot.lines().collect();
    assert_eq!(&live[..live.len() - 1], &shot[..shot.len() - 1]);
    // Both give the place estimated in the whole article, and no line count.
    let (live_status, shot_status) = (&live[live.len() - 1], shot[shot.len() - 1]);
    for status in [live_status.as_str(), shot_status] {
        assert!(status.contains(" ~0% "), "{status}");
        assert!(!status.contains("Top"), "{status}");
    }
    term.send_keys("q").expect("q sent");
    assert_eq!(term.wait_exit(), Ok(0));
}

#[test]
fn the_outline_waits_for_the_whole_article_and_lists_every_section() {
    let dir = scratch("rest-outline");
    let mut text = String::from("A long article\n\n");
    for n in 1..=4_000 {
        text += &format!("Section {n:04}\n\n");
        for p in 1..=10 {
            text += &format!("Paragraph {p} of section {n} says something about nothing.\n\n");
        }
    }
    let article = dir.join("sections.txt");
    std::fs::write(&article, text).expect("article written");
    let (mut term, gate) = held(&dir, &article, "Section 0001");
    term.send_keys("j t").expect("keys sent");
    term.wait_until("t to be held", QUIET, |s| s.contents().contains(READING))
        .expect("the outline waits for the rest");
    assert!(
        !term.screen_text().contains("OUTLINE"),
        "{}",
        term.screen_text()
    );
    std::fs::write(&gate, "").expect("gate opened");
    term.wait_until("the outline", QUIET, |s| s.contents().contains("OUTLINE"))
        .expect("the outline opens on the whole article");
    term.send_keys("G").expect("G sent");
    term.wait_until("the last section", QUIET, |s| {
        s.contents().contains("Section 4000")
    })
    .expect("the outline lists the sections past the first part");
    term.send_keys("q q").expect("q sent");
    assert_eq!(term.wait_exit(), Ok(0));
}

#[test]
fn modes_set_in_the_first_part_stay_set_in_the_whole_article() {
    let (mut term, gate) = reader("rest-modes");
    term.send_keys("e").expect("e sent");
    term.wait_until("entities on", QUIET, |s| {
        s.contents()
            .lines()
            .last()
            .is_some_and(|row| row.contains(" entities "))
    })
    .expect("e acts on the first part");
    term.send_keys("G").expect("G sent");
    term.wait_until("G to be held", QUIET, |s| s.contents().contains(READING))
        .expect("G waits for the rest");
    std::fs::write(&gate, "").expect("gate opened");
    term.wait_until("the end of the article", QUIET, |s| {
        s.contents().contains(LAST)
    })
    .expect("G carried out on the whole article");
    let rows = term.screen_rows();
    let status = &rows[rows.len() - 1];
    assert!(status.contains(" entities "), "{status}");
    term.send_keys("q").expect("q sent");
    assert_eq!(term.wait_exit(), Ok(0));
}

#[test]
fn a_big_markdown_file_shows_its_first_part_while_the_rest_is_read() {
    let dir = scratch("rest-markdown");
    let mut text = String::from("# A long article\n\n");
    for n in 1..=40_000 {
        text += &format!("Paragraph {n:06} says *something* about nothing much.\n\n");
    }
    text += &format!("## The end\n\n{LAST}\n");
    let article = dir.join("big.md");
    std::fs::write(&article, text).expect("article written");
    let (mut term, gate) = held(&dir, &article, "Paragraph 000001");
    assert!(!term.screen_text().contains('*'), "{}", term.screen_text());
    term.send_keys("G").expect("G sent");
    std::fs::write(&gate, "").expect("gate opened");
    term.wait_until("the end of the article", QUIET, |s| {
        s.contents().contains(LAST)
    })
    .expect("G carried out on the whole article");
    term.send_keys("q").expect("q sent");
    assert_eq!(term.wait_exit(), Ok(0));
}
