//! Golden screenshots of the reader: for each case, the screen as text (`.txt`, the content)
//! and with its styles (`.ansi`, so a wrong colour or attribute fails too), at a wide and a
//! narrow size. Refresh after a deliberate change with `UPDATE_SCREENSHOTS=1 cargo test`.

mod common;

use clap::Parser;
use common::golden;
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use sahifa::cli::{Cli, Command};
use sahifa::shot;

/// Screenshot name, article, keys.
const CASES: &[(&str, &str, &str)] = &[
    ("raqqa-first", "assets/raqqa-news-ar.txt", ""),
    ("raqqa-sections", "assets/raqqa-news-ar.txt", "] ]"),
    ("raqqa-outline", "assets/raqqa-news-ar.txt", "] ] t"),
    ("raqqa-search", "assets/raqqa-news-ar.txt", "/ الرقة Enter"),
    ("raqqa-help", "assets/raqqa-news-ar.txt", "?"),
];
const SIZES: &[&str] = &["100x30", "50x20"];

/// The headless reader screen, exactly as `sahifa shot` takes it (no user config).
fn screen(file: &str, size: &str, keys: &str) -> Buffer {
    let manifest = env!("CARGO_MANIFEST_DIR");
    let path = format!("{manifest}/{file}");
    let argv = [
        "sahifa",
        "shot",
        &path,
        "-o",
        "unused.txt",
        "--size",
        size,
        "--keys",
        keys,
        "--config",
        "/dev/null",
    ];
    let cli = Cli::try_parse_from(argv).expect("arguments parse");
    let Some(Command::Shot(args)) = cli.command else {
        panic!("not a shot command: {argv:?}");
    };
    sahifa::commands::shot::screen(&args).expect("screen drawn")
}

#[test]
fn reader_screens_match_their_goldens() {
    let mut failures = Vec::new();
    for (name, file, keys) in CASES {
        for size in SIZES {
            let buffer = screen(file, size, keys);
            let name = format!("{name}-{size}");
            for (ext, content) in [
                ("txt", shot::to_text(&buffer)),
                ("ansi", shot::to_ansi(&buffer)),
            ] {
                if let Err(e) = golden::check(&name, ext, &content) {
                    failures.push(e);
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn a_one_cell_difference_is_caught_by_the_text_golden() {
    let buffer = screen(CASES[0].1, SIZES[1], "");
    let mut changed = buffer.clone();
    let cell = &mut changed[(25, 5)];
    let other = if cell.symbol() == "x" { "y" } else { "x" };
    cell.set_symbol(other);
    let diff = golden::difference(&shot::to_text(&buffer), &shot::to_text(&changed));
    assert!(diff.is_some_and(|d| d.starts_with("row 5 differs")));
}

#[test]
fn a_colour_only_difference_is_caught_by_the_style_golden() {
    let buffer = screen(CASES[0].1, SIZES[1], "");
    let mut changed = buffer.clone();
    changed[(25, 5)].set_fg(Color::Red);
    assert_eq!(shot::to_text(&buffer), shot::to_text(&changed), "same text");
    let diff = golden::difference(&shot::to_ansi(&buffer), &shot::to_ansi(&changed));
    assert!(diff.is_some_and(|d| d.starts_with("row 5 differs") && d.contains("31m")));
}

#[test]
fn screenshots_are_the_same_every_time() {
    let (_, file, keys) = CASES[3];
    let a = screen(file, SIZES[0], keys);
    let b = screen(file, SIZES[0], keys);
    for format in [shot::Format::Text, shot::Format::Ansi, shot::Format::Svg] {
        let palette = shot::Palette::default();
        assert!(
            shot::encode(&a, format, &palette).ok() == shot::encode(&b, format, &palette).ok(),
            "{format:?}"
        );
    }
}
