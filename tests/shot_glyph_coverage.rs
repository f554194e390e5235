//! No tofu: every character that reaches the screen for a sample article has a glyph in the
//! fonts bundled for PNG screenshots.
//!
//! The characters are taken where the screen gets them: each sample article composed at a few
//! widths, shaped (presentation forms, as the reader shows them) and unshaped (`--no-shape`),
//! and the golden reader screens, which add the reader's own chrome (status bar, outline, help).

use sahifa::load::{self, LoadOptions};
use sahifa::page::{PageOptions, compose};
use sahifa::shot::has_glyph;
use sahifa::source::Source;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use unicode_bidi::{BidiClass, bidi_class};

/// Prime widths, so lines break in different places.
const WIDTHS: &[usize] = &[79, 41, 23];

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The built-in article and every sample article.
fn articles() -> Vec<PathBuf> {
    let samples = manifest().join("assets/samples");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&samples)
        .expect("assets/samples is readable")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    paths.sort();
    paths.push(manifest().join("assets/raqqa-news-ar.txt"));
    paths
}

/// Every character of `path` composed at each width, shaped and unshaped.
fn page_chars(path: &Path, out: &mut BTreeSet<char>) {
    let loaded = load::open(&Source::File(path.into()), &LoadOptions::default())
        .unwrap_or_else(|e| panic!("{} loads: {e}", path.display()));
    for shape in [true, false] {
        let options = PageOptions {
            shape,
            ..PageOptions::default()
        };
        for &width in WIDTHS {
            let page = compose(&loaded.document, width, &options);
            out.extend(
                page.lines
                    .iter()
                    .flat_map(|line| line.text().chars().collect::<Vec<_>>()),
            );
        }
    }
}

/// Characters that draw nothing, so need no glyph: spaces, and joiners and other format
/// characters, which ride in their neighbour's cell.
fn draws_nothing(c: char) -> bool {
    c.is_whitespace() || bidi_class(c) == BidiClass::BN
}

fn missing(chars: &BTreeSet<char>) -> Vec<String> {
    chars
        .iter()
        .filter(|&&c| !draws_nothing(c) && !has_glyph(c))
        .map(|c| format!("U+{:04X} {c}", u32::from(*c)))
        .collect()
}

#[test]
fn every_character_of_every_sample_article_has_a_glyph() {
    let mut chars = BTreeSet::new();
    for path in articles() {
        page_chars(&path, &mut chars);
    }
    // The samples do need the fallback fonts: Hebrew letters, Urdu forms DejaVu Sans Mono lacks.
    for needed in ['\u{5D0}', '\u{FBAF}', '\u{FBA8}', '\u{FB89}', '\u{6D2}'] {
        assert!(
            chars.contains(&needed),
            "no sample shows U+{:04X}",
            u32::from(needed)
        );
    }
    assert_eq!(missing(&chars), Vec::<String>::new());
}

#[test]
fn every_character_of_the_golden_reader_screens_has_a_glyph() {
    let dir = manifest().join("tests/screenshots");
    let mut chars = BTreeSet::new();
    let mut screens = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/screenshots is readable") {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).expect("a golden screen reads");
            chars.extend(text.chars());
            screens += 1;
        }
    }
    assert!(screens > 50, "only {screens} golden screens");
    assert!(chars.contains(&'\u{5E9}') && chars.contains(&'\u{FBAF}'));
    assert_eq!(missing(&chars), Vec::<String>::new());
}

#[test]
fn a_character_no_bundled_font_has_is_reported_missing() {
    // Private use code points: no font draws them.
    for c in ['\u{E000}', '\u{10FFFD}'] {
        assert!(!has_glyph(c), "U+{:04X}", u32::from(c));
    }
    assert!(has_glyph('a') && has_glyph('\u{5D0}') && has_glyph('\u{FBAE}'));
}
