//! Golden screenshots of the reader: for each case, the screen as text (`.txt`, the content)
//! and with its styles (`.ansi`, so a wrong colour or attribute fails too), at a wide and a
//! narrow size. Refresh after a deliberate change with `UPDATE_SCREENSHOTS=1 cargo test`.

mod common;

use common::golden;
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use sahifa::shot;

/// The sample articles: short name, path.
const ARTICLES: &[(&str, &str)] = &[
    ("raqqa", "assets/raqqa-news-ar.txt"),
    ("aleppo", "assets/samples/aleppo-souq-ar-cp1256.txt"),
    ("khartoum", "assets/samples/khartoum-water-ar.md"),
    ("jerusalem", "assets/samples/jerusalem-light-rail-he.html"),
    ("tehran", "assets/samples/tehran-metro-fa.txt"),
    ("lahore", "assets/samples/lahore-monsoon-ur.md"),
    ("cairo", "assets/samples/cairo-genizah-en.md"),
];
/// Views taken of every article: name, keys.
const VIEWS: &[(&str, &str)] = &[
    ("first", ""),
    // Two section jumps, then the outline over the page they led to.
    ("outline", "] ] t"),
    ("entities", "e"),
];
/// Further cases: screenshot name, article, keys, theme.
const CASES: &[(&str, &str, &str, Option<&str>)] = &[
    (
        "raqqa-search",
        "assets/raqqa-news-ar.txt",
        "/ الرقة Enter",
        None,
    ),
    ("raqqa-help", "assets/raqqa-news-ar.txt", "?", None),
    // Two section jumps: the heading they reach on the top line.
    ("raqqa-sections", "assets/raqqa-news-ar.txt", "] ]", None),
    (
        "raqqa-light",
        "assets/raqqa-news-ar.txt",
        "e",
        Some("light"),
    ),
    (
        "raqqa-high-contrast",
        "assets/raqqa-news-ar.txt",
        "e",
        Some("high-contrast"),
    ),
    (
        "jerusalem-search",
        "assets/samples/jerusalem-light-rail-he.html",
        "/ ירושלים Enter",
        None,
    ),
    (
        "jerusalem-light",
        "assets/samples/jerusalem-light-rail-he.html",
        "] t",
        Some("light"),
    ),
    (
        "tehran-search",
        "assets/samples/tehran-metro-fa.txt",
        "/ تهران Enter n",
        None,
    ),
    // Bidi controls hidden (the status line warns), then revealed with R.
    ("trojan", "tests/hostile/trojan-source.md", "", None),
    ("trojan-reveal", "tests/hostile/trojan-source.md", "R", None),
    // The links panel on its second link: a Latin word with a Cyrillic look-alike letter, in
    // the reveal style, its URL in the bottom border.
    ("links", "tests/data/links-ar.html", "L j", None),
    (
        "links-light",
        "tests/data/links-ar.html",
        "L j j",
        Some("light"),
    ),
];
const SIZES: &[&str] = &["100x30", "50x20"];

/// Every case: golden name, article, keys, theme.
fn all_cases() -> Vec<(String, &'static str, &'static str, Option<&'static str>)> {
    let views = ARTICLES.iter().flat_map(|(article, path)| {
        VIEWS
            .iter()
            .map(move |(view, keys)| (format!("{article}-{view}"), *path, *keys, None))
    });
    let more = CASES
        .iter()
        .map(|(name, path, keys, theme)| ((*name).to_owned(), *path, *keys, *theme));
    views.chain(more).collect()
}

/// Feed list views: screenshot name, feed, keys, theme.
const FEED_CASES: &[(&str, &str, &str, Option<&str>)] = &[
    ("feed-akhbar", "tests/feeds/akhbar-ar.rss", "", None),
    (
        "feed-akhbar-light",
        "tests/feeds/akhbar-ar.rss",
        "",
        Some("light"),
    ),
    ("feed-yediot", "tests/feeds/yediot-he.atom", "j j", None),
    (
        "feed-yediot-light",
        "tests/feeds/yediot-he.atom",
        "j j",
        Some("light"),
    ),
    // The first item's own content, opened over the list.
    (
        "feed-akhbar-opened",
        "tests/feeds/akhbar-ar.rss",
        "Enter",
        None,
    ),
    // Back from the item at the row it was opened from; the next item is only a link, which
    // a screenshot does not fetch.
    (
        "feed-akhbar-back",
        "tests/feeds/akhbar-ar.rss",
        "Enter Backspace j Enter",
        None,
    ),
];

/// The moment feed ages count from in the feed goldens: 2026-12-06T21:00:00Z.
const FEED_NOW: i64 = 1_796_590_800;

#[test]
fn feed_list_screens_match_their_goldens() {
    let now = chrono::DateTime::from_timestamp(FEED_NOW, 0).expect("a valid time");
    let mut failures = Vec::new();
    for (name, file, keys, theme) in FEED_CASES {
        for size in SIZES {
            let (source, args) = common::shot::args(file, size, keys, &theme_flags(*theme));
            let buffer =
                sahifa::commands::shot::screen_at(&source, &args, now).expect("screen drawn");
            common::shot::check(&format!("{name}-{size}"), &buffer, &mut failures);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The headless reader screen, exactly as `sahifa shot` takes it (no user config).
fn screen(file: &str, size: &str, keys: &str, theme: Option<&str>) -> Buffer {
    common::shot::screen(file, size, keys, &theme_flags(theme))
}

fn theme_flags(theme: Option<&str>) -> Vec<&str> {
    theme.map_or_else(Vec::new, |theme| vec!["--theme", theme])
}

#[test]
fn reader_screens_match_their_goldens() {
    let mut failures = Vec::new();
    let cases = all_cases();
    for (name, file, keys, theme) in &cases {
        for size in SIZES {
            let buffer = screen(file, size, keys, *theme);
            common::shot::check(&format!("{name}-{size}"), &buffer, &mut failures);
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} screenshots differ:\n{}",
        failures.len(),
        cases.len() * SIZES.len() * 2,
        failures.join("\n\n")
    );
}

#[test]
fn a_one_cell_difference_is_caught_by_the_text_golden() {
    let buffer = screen(ARTICLES[0].1, SIZES[1], "", None);
    let mut changed = buffer.clone();
    let cell = &mut changed[(25, 5)];
    let other = if cell.symbol() == "x" { "y" } else { "x" };
    cell.set_symbol(other);
    let diff = golden::difference(&shot::to_text(&buffer), &shot::to_text(&changed));
    assert!(diff.is_some_and(|d| d.starts_with("row 5 differs")));
}

#[test]
fn a_colour_only_difference_is_caught_by_the_style_golden() {
    let buffer = screen(ARTICLES[0].1, SIZES[1], "", None);
    let mut changed = buffer.clone();
    changed[(25, 5)].set_fg(Color::Rgb(1, 2, 3));
    assert_eq!(shot::to_text(&buffer), shot::to_text(&changed), "same text");
    let diff = golden::difference(&shot::to_ansi(&buffer), &shot::to_ansi(&changed));
    assert!(diff.is_some_and(|d| d.starts_with("row 5 differs") && d.contains("38;2;1;2;3")));
}

#[test]
fn screenshots_are_the_same_every_time() {
    let (_, file, keys, theme) = CASES[0];
    let a = screen(file, SIZES[0], keys, theme);
    let b = screen(file, SIZES[0], keys, theme);
    for format in [shot::Format::Text, shot::Format::Ansi, shot::Format::Svg] {
        let palette = shot::Palette::default();
        assert!(
            shot::encode(&a, format, &palette).ok() == shot::encode(&b, format, &palette).ok(),
            "{format:?}"
        );
    }
}
