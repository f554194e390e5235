//! Feeds through the command line: `sahifa json FEED` and `sahifa print FEED` on the fixtures
//! in tests/feeds/ (an Arabic RSS 2.0 with `content:encoded`, a Hebrew Atom feed, a Persian
//! JSON Feed, an RSS 1.0) and on broken ones.
//!
//! Review a changed `print` snapshot by reading it: the list reads from the right (mark at
//! the right edge, age at the left), each title in its own direction, long titles cut with `…`
//! at their logical end.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// 2026-12-06T21:00:00Z: ages are counted from here.
const NOW: &str = "1796590800";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/feeds")
        .join(name)
}

/// A state directory of the test's own, so the user's read marks never leak in.
fn state_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sahifa-feeds-cli-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn sahifa(args: &[&str], state: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sahifa"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", NOW)
        .env("XDG_STATE_HOME", state)
        .env_remove("NO_COLOR")
        .output()
        .expect("the sahifa binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn json(name: &str) -> Value {
    let path = fixture(name);
    let out = sahifa(&["json", &path.to_string_lossy()], &state_dir("json"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

#[test]
fn now_is_the_date_the_ages_count_from() {
    assert_eq!(
        chrono::DateTime::from_timestamp(NOW.parse().expect("number"), 0).map(|d| d.to_rfc3339()),
        Some("2026-12-06T21:00:00+00:00".to_owned())
    );
}

#[test]
fn json_of_an_arabic_rss_feed() {
    let value = json("akhbar-ar.rss");
    let feed = &value["feed"];
    assert_eq!(feed["title"], "أخبار المدينة — الصفحة الأولى");
    assert_eq!(feed["link"], "https://akhbar.example/");
    let items = feed["items"].as_array().expect("items");
    assert_eq!(items.len(), 4);
    assert_eq!(
        items[0]["title"],
        "عودة الكهرباء إلى أحياء حلب الشرقية بعد انقطاع دام 12 ساعة"
    );
    assert_eq!(items[0]["published"], "2026-12-06T15:30:00Z");
    assert_eq!(items[0]["author"], "سارة الحلبي");
    assert_eq!(items[2]["title"], Value::Null);
    assert_eq!(
        items[2]["published"], "2026-12-04T08:15:00Z",
        "a date written by hand"
    );
    assert_eq!(items[3]["link"], Value::Null);
    assert_eq!(items[3]["published"], Value::Null);
    for item in items {
        let keys: Vec<&str> = item
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        for key in ["title", "link", "published", "author", "summary"] {
            assert!(keys.contains(&key), "{key} in {keys:?}");
        }
    }
}

#[test]
fn json_of_a_hebrew_atom_and_a_persian_json_feed() {
    let atom = json("yediot-he.atom");
    assert_eq!(atom["feed"]["title"], "חדשות העיר");
    assert_eq!(
        atom["feed"]["items"][1]["title"],
        "מחקר: 70% מתושבי חיפה משתמשים בתחבורה ציבורית"
    );
    let persian = json("hamshahri-fa.json");
    assert_eq!(persian["feed"]["language"], "fa");
    assert_eq!(
        persian["feed"]["items"][0]["published"],
        "2026-12-06T13:00:00Z"
    );
    assert_eq!(persian["feed"]["items"][2]["title"], Value::Null);
}

#[test]
fn format_feed_forces_it_and_another_format_refuses_it() {
    let state = state_dir("forced");
    let path = fixture("akhbar-ar.rss");
    let path = path.to_string_lossy();
    let forced = sahifa(&["json", "--format", "feed", &path], &state);
    assert!(forced.status.success());
    assert!(stdout(&forced).starts_with("{\n  \"feed\""));
    let as_html = sahifa(&["json", "--format", "html", &path], &state);
    assert!(as_html.status.success());
    assert!(stdout(&as_html).contains("\"format\": \"html\""));
}

#[test]
fn broken_feeds_are_one_line_errors_with_status_1() {
    let state = state_dir("broken");
    let cases = [
        ("broken/truncated.rss", "broken RSS feed: it ends too soon"),
        (
            "broken/truncated.json",
            "broken JSON Feed: it ends too soon",
        ),
        ("broken/not-xml.rss", "not a feed: neither XML nor JSON"),
        ("broken/page.html", "not a feed: it is an HTML page"),
        (
            "broken/not-a-feed.xml",
            "not a feed: XML whose root element is <svg>",
        ),
    ];
    for (name, reason) in cases {
        let path = fixture(name);
        let path = path.to_string_lossy();
        for command in ["json", "print"] {
            let out = sahifa(&[command, "--format", "feed", &path], &state);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{command} {name}: {stderr}");
            assert_eq!(
                stderr,
                format!("sahifa: {path}: {reason}{}\n", rest(&stderr))
            );
            assert!(out.stdout.is_empty());
        }
    }
}

/// Whatever follows the expected start of the message on its one line.
fn rest(stderr: &str) -> &str {
    let line = stderr.trim_end_matches('\n');
    let cut = line.find(" (cut short?)").unwrap_or(line.len());
    line.get(cut..).unwrap_or_default()
}

#[test]
fn an_html_page_is_still_an_article_unless_told_otherwise() {
    let out = sahifa(
        &[
            "print",
            "--width",
            "40",
            &fixture("broken/page.html").to_string_lossy(),
        ],
        &state_dir("page"),
    );
    assert!(out.status.success());
    assert!(!stdout(&out).contains('●'));
}

fn print(name: &str, width: &str) -> String {
    let out = sahifa(
        &["print", "--width", width, &fixture(name).to_string_lossy()],
        &state_dir("print"),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout(&out)
}

#[test]
fn print_snapshots() {
    for name in [
        "akhbar-ar.rss",
        "yediot-he.atom",
        "hamshahri-fa.json",
        "rss1-ar.rdf",
    ] {
        for width in ["72", "37"] {
            let text = print(name, width);
            for line in text.lines() {
                assert!(
                    unicode_width::UnicodeWidthStr::width(line) <= width.parse().expect("n"),
                    "{name} at {width}: {line}"
                );
            }
            insta::assert_snapshot!(format!("{}_w{width}", name.replace('.', "_")), text);
        }
    }
}

#[test]
fn print_shows_the_read_marks_kept_for_the_file() {
    let state = state_dir("marks");
    let feed = fixture("yediot-he.atom");
    let canonical = std::fs::canonicalize(&feed).expect("fixture");
    let mut marks = sahifa::feed::read_state::ReadState::open(
        &state.join("sahifa").join("read"),
        &canonical.to_string_lossy(),
    );
    let parsed =
        sahifa::feed::parse(&std::fs::read(&feed).expect("read"), "f", None).expect("parses");
    marks.set_read(&parsed.items[1], true);
    marks.save(&parsed.items).expect("saved");
    let out = sahifa(&["print", "--width", "61", &feed.to_string_lossy()], &state);
    let text = stdout(&out);
    let rows: Vec<&str> = text.lines().skip(2).collect();
    assert_eq!(rows.len(), 3);
    assert!(
        rows[0].ends_with('●') && !rows[1].ends_with('●') && rows[2].ends_with('●'),
        "{text}"
    );
    let _ = std::fs::remove_dir_all(&state);
}
