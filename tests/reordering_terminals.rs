//! Logical order (`--bidi terminal`) played through the reordering each terminal applies to a
//! row, as seen in the real terminals, must give the cells sahifa draws itself (`--bidi app`):
//!
//! - Konsole (ICU): the row is one paragraph at level 0 whatever its first strong character;
//!   right-to-left runs are reversed in place, bidi controls honoured (an RLE embeds), nothing
//!   mirrored;
//! - mlterm (FriBidi): the row is one paragraph whose direction is its first strong character,
//!   except that a row holding box drawing (a border, a quote bar, a table) is left to right;
//!   runs at odd levels reversed and mirrored; controls honoured;
//! - a terminal nobody has described (`Generic`): the Unicode bidi
//!   algorithm, the row's direction from its first strong character, mirrored.
//!
//! Every article of assets/ at two widths, every line of every unit, shaping off (the
//! terminals shape what they get; sahifa's shaping does not move anything).

mod common;

use sahifa::document::Document;
use sahifa::layout::mirror::mirrored;
use sahifa::load::{LoadOptions, open};
use sahifa::page::{Composer, PageOptions, ReorderingTerminal, Unit};
use std::path::Path;
use unicode_bidi::{BidiInfo, Level};
use unicode_segmentation::UnicodeSegmentation;

fn load(path: &Path) -> Document {
    match open(
        &sahifa::source::Source::File(path.into()),
        &LoadOptions::default(),
    ) {
        Ok(loaded) => loaded.document,
        Err(e) => panic!("{}: {e}", path.display()),
    }
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// The row as a terminal shows it: the Unicode bidi algorithm on the row as one paragraph at
/// `level` (`None`: from its first strong character), odd runs reversed cell by cell, mirrored
/// if `mirror`.
fn shown(row: &str, level: Option<Level>, mirror: bool) -> String {
    let info = BidiInfo::new(row, level);
    let Some(para) = info.paragraphs.first() else {
        return String::new();
    };
    let (levels, runs) = info.visual_runs(para, para.range.clone());
    let mut out = String::new();
    for run in runs {
        let Some(text) = row.get(run.clone()) else {
            continue;
        };
        let odd = levels.get(run.start).is_some_and(|l| l.is_rtl());
        // A terminal moves cells: a mark stays on its letter.
        let mut cells: Vec<&str> = text.graphemes(true).collect();
        if odd {
            cells.reverse();
        }
        out.extend(
            cells
                .into_iter()
                .flat_map(str::chars)
                .filter(|c| !is_bidi_control(*c))
                .map(|c| if odd && mirror { mirrored(c) } else { c }),
        );
    }
    out
}

fn konsole_shows(row: &str) -> String {
    shown(row, Some(Level::ltr()), false)
}

fn mlterm_shows(row: &str) -> String {
    let level = if mlterm_reads_right_to_left(row) {
        Level::rtl()
    } else {
        Level::ltr()
    };
    // Box drawing takes no part in a right-to-left run there (a table row with right-to-left
    // text in two cells shows each cell's text in its own cell): it resolves as a
    // left-to-right letter, stood in for by a private-use one (class L).
    let stand_in: String = row
        .chars()
        .map(|c| if is_box_drawing(c) { '\u{E000}' } else { c })
        .collect();
    let seen = shown(&stand_in, Some(level), true);
    // Put the box drawing back: the stand-ins keep their place among the cells.
    let mut boxes = row.chars().filter(|&c| is_box_drawing(c));
    seen.chars()
        .map(|c| {
            if c == '\u{E000}' {
                boxes.next().unwrap_or(c)
            } else {
                c
            }
        })
        .collect()
}

/// mlterm 3.9, tried with printf: `A │`, `│ A`, `A ┃ B`, `A ▌` show left to right, `A ·`,
/// `- A.`, `   A` right to left (A, B Arabic words); an LRM in front makes `B, abc` left to
/// right, an RLM in front of `┃ A` does not make it right to left.
fn mlterm_reads_right_to_left(row: &str) -> bool {
    if row.chars().any(is_box_drawing) {
        return false;
    }
    let first = row.chars().find_map(|c| match unicode_bidi::bidi_class(c) {
        unicode_bidi::BidiClass::L => Some(false),
        unicode_bidi::BidiClass::R | unicode_bidi::BidiClass::AL => Some(true),
        _ => None,
    });
    first == Some(true)
}

fn uba_shows(row: &str) -> String {
    shown(row, None, true)
}

/// Every line of `doc` at `width` as text, unit by unit.
fn rows(doc: &Document, width: usize, options: PageOptions) -> Vec<String> {
    let composer = Composer::new(doc, options);
    Unit::all(doc)
        .into_iter()
        .flat_map(|unit| composer.unit(unit, width))
        .map(|line| line.text())
        .collect()
}

/// The lines where `terminal`'s order, shown by `shows`, differs from sahifa's own drawing.
/// A row shown wrong: where, as sahifa draws it, as written, as the terminal shows it.
#[derive(Debug)]
#[allow(dead_code)]
struct Wrong {
    at: String,
    want: String,
    written: String,
    seen: String,
}

fn differences(terminal: ReorderingTerminal, shows: fn(&str) -> String) -> Vec<Wrong> {
    let app = PageOptions {
        shape: false,
        ..PageOptions::default()
    };
    let logical = PageOptions {
        reorder: false,
        terminal,
        ..app
    };
    let mut wrong = Vec::new();
    for path in common::articles::corpus() {
        let doc = load(&path);
        for width in [80, 37] {
            let want = rows(&doc, width, app);
            let got = rows(&doc, width, logical);
            assert_eq!(want.len(), got.len(), "{}", path.display());
            for (want, written) in want.iter().zip(&got) {
                let seen = shows(written);
                if seen.trim_end() != want.trim_end() {
                    let name = path.file_name().unwrap_or_default().to_string_lossy();
                    let at = format!("{name} at {width}");
                    wrong.push(Wrong {
                        at,
                        want: want.clone(),
                        written: written.clone(),
                        seen,
                    });
                }
            }
        }
    }
    wrong
}

/// Rows still shown wrong, by article, width and the start of the row as sahifa draws it: a
/// line of a left-to-right paragraph that starts with a right-to-left word, which a terminal
/// deciding by the first strong character takes for a right-to-left row.
const FIRST_STRONG_KNOWN: &[(&str, &str)] = &[("cairo-genizah-en.md at 37", "لاق, another")];

/// Box drawing and block elements.
fn is_box_drawing(c: char) -> bool {
    ('\u{2500}'..='\u{259F}').contains(&c)
}

fn unknown(wrong: Vec<Wrong>, known: &[(&str, &str)]) -> Vec<Wrong> {
    wrong
        .into_iter()
        .filter(|w| {
            !known
                .iter()
                .any(|(a, start)| *a == w.at && w.want.trim_start().starts_with(start))
        })
        .collect()
}

#[test]
fn konsole_order_through_konsole_looks_like_app_mode() {
    let wrong = differences(ReorderingTerminal::Konsole, konsole_shows);
    assert!(wrong.is_empty(), "{} lines differ: {wrong:#?}", wrong.len());
}

/// Rows of mlterm's order still shown wrong: a box row whose right-to-left text holds Persian
/// or Arabic-Indic digits that a left-to-right reading cannot put where they show (written in
/// logical order, its words right, the digits reversed in place).
fn mlterm_known(w: &Wrong) -> bool {
    let arabic_digits = w
        .written
        .chars()
        .any(|c| matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}'));
    w.written.chars().any(is_box_drawing) && arabic_digits
}

#[test]
fn mlterm_order_through_mlterm_looks_like_app_mode_but_for_known_rows() {
    let wrong = differences(ReorderingTerminal::Mlterm, mlterm_shows);
    let known = wrong.iter().filter(|w| mlterm_known(w)).count();
    let wrong: Vec<Wrong> = wrong.into_iter().filter(|w| !mlterm_known(w)).collect();
    assert!(wrong.is_empty(), "{} lines differ: {wrong:#?}", wrong.len());
    assert!(
        known > 0,
        "no known row is wrong any more: drop the exclusion"
    );
}

#[test]
fn the_generic_order_is_wrong_in_mlterm_for_boxes() {
    // The rows mlterm reads left to right for their box drawing (boxes, tables, quotes) are
    // why it has an order of its own: the generic one shows them reversed in place there.
    let wrong = differences(ReorderingTerminal::Generic, mlterm_shows);
    assert!(wrong.iter().any(|w| w.written.chars().any(is_box_drawing)));
}

#[test]
fn the_generic_order_through_the_bidi_algorithm_looks_like_app_mode() {
    let wrong = unknown(
        differences(ReorderingTerminal::Generic, uba_shows),
        FIRST_STRONG_KNOWN,
    );
    assert!(wrong.is_empty(), "{} lines differ: {wrong:#?}", wrong.len());
}

#[test]
fn each_order_is_wrong_for_the_other_terminal() {
    // The simulations are not the same terminal: the mirrored order shown by Konsole puts
    // right-to-left lines on the left; Konsole's shown by mlterm mirrors brackets twice.
    assert!(!differences(ReorderingTerminal::Mlterm, konsole_shows).is_empty());
    assert!(!differences(ReorderingTerminal::Konsole, mlterm_shows).is_empty());
}
