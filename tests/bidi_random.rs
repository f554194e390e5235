//! The random differential golden set: 24,000 paragraphs weighted towards bidi controls
//! (matched, unmatched, nested), brackets, three kinds of digits and marks, with ICU's visual
//! order for each (`tests/golden/bidi/random.tsv.gz`, written by `random_set.py` next to it).
//!
//! Without a width, the engine's output must equal ICU's for every paragraph. With a width, each
//! paragraph is wrapped and the lines must give back the paragraph: their logical ranges tile
//! it, no line is wider than the column, and the clusters shown across the lines are those of
//! the unwrapped paragraph, the same text for each, minus only the whitespace hidden at breaks.

use flate2::read::GzDecoder;
use sahifa::commands::bidi::filter_to_string;
use sahifa::layout::{DirectionMode, LayoutOptions, layout_paragraph};
use std::io::Read;

struct Case {
    line: usize,
    direction: DirectionMode,
    input: String,
    expected: String,
}

fn cases() -> Vec<Case> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden/bidi/random.tsv.gz"
    );
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut text = String::new();
    GzDecoder::new(file)
        .read_to_string(&mut text)
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut cases = Vec::new();
    for (index, row) in text.lines().enumerate() {
        if row.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = row.split('\t').collect();
        let [direction, input, expected, rest @ ..] = fields.as_slice() else {
            panic!("{path}:{}: fewer than three fields", index + 1);
        };
        assert!(
            rest.iter().all(|r| r.starts_with("disputed: ")),
            "{path}:{}: a fourth field is a dispute",
            index + 1
        );
        let direction = match *direction {
            "auto" => DirectionMode::Auto,
            "rtl" => DirectionMode::Rtl,
            "ltr" => DirectionMode::Ltr,
            other => panic!("{path}:{}: direction {other:?}", index + 1),
        };
        cases.push(Case {
            line: index + 1,
            direction,
            input: (*input).to_owned(),
            expected: (*expected).to_owned(),
        });
    }
    cases
}

fn options(direction: DirectionMode, width: Option<usize>) -> LayoutOptions {
    LayoutOptions {
        width,
        direction,
        shape: false,
        reorder: true,
        reveal: false,
        ..LayoutOptions::default()
    }
}

#[test]
fn reveal_mode_adds_labels_and_moves_nothing() {
    // Every control shown as a label at its place; without the labels, the line is the one
    // shown without reveal mode.
    let mut failures = 0;
    for case in cases() {
        let plain = options(case.direction, None);
        let revealed = LayoutOptions {
            reveal: true,
            ..plain
        };
        let laid = layout_paragraph::<()>(&case.input, &[], &revealed);
        let mut without_labels = String::new();
        let mut labelled = std::collections::BTreeSet::new();
        for line in &laid.lines {
            for c in &line.clusters {
                if c.revealed {
                    labelled.insert(c.logical.start);
                } else {
                    without_labels.push_str(line.text.get(c.text.clone()).unwrap_or("?"));
                }
            }
        }
        let invisible = case
            .input
            .chars()
            .filter(|&c| sahifa::layout::controls::reveal_label(c).is_some())
            .count();
        let labels = labelled.len();
        if without_labels != case.expected || labels != invisible {
            failures += 1;
            if failures <= 10 {
                eprintln!(
                    "random.tsv.gz:{}: {:?}\n  expected: {:?}\n  got:      {:?} ({labels} labels for {invisible})",
                    case.line, case.input, case.expected, without_labels
                );
            }
        }
    }
    assert_eq!(failures, 0, "{failures} paragraphs change in reveal mode");
}

#[test]
fn every_random_paragraph_matches_icu() {
    let cases = cases();
    assert!(cases.len() >= 20_000, "only {} paragraphs", cases.len());
    let mut mismatches = 0;
    for case in &cases {
        let output = filter_to_string(&case.input, &options(case.direction, None));
        let got = output.strip_suffix('\n').unwrap_or(&output);
        if got != case.expected {
            mismatches += 1;
            if mismatches <= 20 {
                eprintln!(
                    "random.tsv.gz:{} ({:?})\n  input:    {:?}\n  expected: {:?}\n  got:      {:?}",
                    case.line, case.direction, case.input, case.expected, got
                );
            }
        }
    }
    assert_eq!(
        mismatches,
        0,
        "{mismatches} of {} random paragraphs differ from ICU",
        cases.len()
    );
}

/// The clusters shown, by logical start: (start, text).
fn shown(layout: &sahifa::layout::ParagraphLayout<()>) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = layout
        .lines
        .iter()
        .flat_map(|line| {
            line.clusters.iter().map(|c| {
                (
                    c.logical.start,
                    line.text.get(c.text.clone()).unwrap_or("?").to_owned(),
                )
            })
        })
        .collect();
    out.sort();
    out
}

#[test]
fn wrapped_random_paragraphs_give_back_every_character() {
    let mut failures = Vec::new();
    for case in cases() {
        let whole = shown(&layout_paragraph::<()>(
            &case.input,
            &[],
            &options(case.direction, None),
        ));
        for width in [9, 23] {
            let layout =
                layout_paragraph::<()>(&case.input, &[], &options(case.direction, Some(width)));
            let mut problems = Vec::new();
            let mut next = 0;
            for line in &layout.lines {
                if line.logical.start != next {
                    problems.push(format!(
                        "a line starts at {}, not {next}",
                        line.logical.start
                    ));
                }
                next = line.logical.end;
                if line.width > width && line.clusters.len() > 1 {
                    problems.push(format!("a line of {} cells", line.width));
                }
            }
            if next != case.input.len() {
                problems.push(format!("the lines end at {next} of {}", case.input.len()));
            }
            let wrapped = shown(&layout);
            let mut rest = wrapped.iter().peekable();
            for cluster in &whole {
                if rest.peek() == Some(&cluster) {
                    rest.next();
                } else if !cluster.1.chars().all(char::is_whitespace) {
                    problems.push(format!("{cluster:?} is lost"));
                }
            }
            if let Some(extra) = rest.next() {
                problems.push(format!("{extra:?} is new or changed"));
            }
            if !problems.is_empty() {
                failures.push(format!(
                    "random.tsv.gz:{} width {width}: {:?}\n  {}",
                    case.line,
                    case.input,
                    problems.join("\n  ")
                ));
            }
        }
    }
    for failure in failures.iter().take(20) {
        eprintln!("{failure}");
    }
    assert!(
        failures.is_empty(),
        "{} wrapped paragraphs lose or change characters",
        failures.len()
    );
}
