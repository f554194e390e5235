//! Golden files for `sahifa bidi`: every paragraph of `tests/golden/bidi/X.txt` laid out without
//! shaping must equal the same line of `X.unshaped.txt`, and with shaping the line of
//! `X.shaped.txt` (see `tests/golden/bidi/README.md` for where those come from).
//!
//! Each paragraph is filtered on its own, so one wrong line never shifts the others. Every
//! mismatch is reported (file, line, input, expected, got, and the differing stretch as code
//! points) before the test fails with the count. `X.rtl.txt` and `X.ltr.txt` are laid out with
//! that base direction forced; everything else uses auto direction.

use sahifa::commands::bidi::filter_to_string;
use sahifa::layout::{DirectionMode, LayoutOptions};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Suffixes of files derived from a topic file, never inputs themselves.
const DERIVED: [&str; 3] = [".unshaped.txt", ".shaped.txt", ".disputed.txt"];

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/bidi")
}

/// The topic files, sorted, with the base direction their name asks for.
fn topic_files() -> Vec<(PathBuf, DirectionMode)> {
    let entries = std::fs::read_dir(corpus_dir()).expect("tests/golden/bidi is readable");
    let mut files: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.ends_with(".txt") && !DERIVED.iter().any(|suffix| name.ends_with(suffix))
        })
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let direction = if name.ends_with(".rtl.txt") {
                DirectionMode::Rtl
            } else if name.ends_with(".ltr.txt") {
                DirectionMode::Ltr
            } else {
                DirectionMode::Auto
            };
            (path, direction)
        })
        .collect()
}

fn read_lines(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines().map(str::to_owned).collect()
}

/// `dir/X.txt` → `dir/X.<kind>.txt`.
fn expected_path(input: &Path, kind: &str) -> PathBuf {
    let name = input.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let stem = name.strip_suffix(".txt").unwrap_or(name);
    input.with_file_name(format!("{stem}.{kind}.txt"))
}

/// At most this many code points of a differing stretch are shown; a wholly reversed 400-char
/// paragraph would otherwise bury the report.
const HEX_LIMIT: usize = 40;

fn hex(chars: &[char]) -> String {
    if chars.is_empty() {
        return "(nothing)".to_owned();
    }
    let codes: Vec<String> = chars
        .iter()
        .take(HEX_LIMIT)
        .map(|c| format!("{:04X}", u32::from(*c)))
        .collect();
    let more = chars.len().saturating_sub(HEX_LIMIT);
    if more > 0 {
        format!("{} … ({more} more)", codes.join(" "))
    } else {
        codes.join(" ")
    }
}

/// The stretch where `expected` and `got` differ, after their common prefix and suffix: its
/// character position (1-based) and the code points on each side.
fn differing_stretch(expected: &str, got: &str) -> String {
    let e: Vec<char> = expected.chars().collect();
    let g: Vec<char> = got.chars().collect();
    let prefix = e.iter().zip(&g).take_while(|(a, b)| a == b).count();
    let suffix = e[prefix..]
        .iter()
        .rev()
        .zip(g[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    format!(
        "at char {}: expected {} | got {}",
        prefix + 1,
        hex(&e[prefix..e.len() - suffix]),
        hex(&g[prefix..g.len() - suffix])
    )
}

/// One mismatching line, written out for a human.
fn describe(file: &str, line: usize, input: &str, expected: &str, got: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{file}:{line}");
    let _ = writeln!(out, "  input:    {input}");
    let _ = writeln!(out, "  expected: {expected}");
    let _ = writeln!(out, "  got:      {got}");
    let _ = writeln!(out, "  {}", differing_stretch(expected, got));
    out
}

/// Lays out every paragraph of every topic file and returns (paragraphs checked, mismatches).
fn compare_corpus(kind: &str, shape: bool) -> (usize, Vec<String>) {
    let mut checked = 0;
    let mut mismatches = Vec::new();
    for (input_path, direction) in topic_files() {
        let inputs = read_lines(&input_path);
        let expected_file = expected_path(&input_path, kind);
        let expected = read_lines(&expected_file);
        let file = expected_file
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("?")
            .to_owned();
        if expected.len() != inputs.len() {
            mismatches.push(format!(
                "{file}: {} lines, but its input has {}\n",
                expected.len(),
                inputs.len()
            ));
        }
        let options = LayoutOptions {
            shape,
            direction,
            ..Default::default()
        };
        for (index, (input, want)) in inputs.iter().zip(&expected).enumerate() {
            let output = filter_to_string(input, &options);
            let got = output.strip_suffix('\n').unwrap_or(&output);
            checked += 1;
            if got != want {
                mismatches.push(describe(&file, index + 1, input, want, got));
            }
        }
    }
    (checked, mismatches)
}

fn assert_corpus_matches(kind: &str, shape: bool) {
    let (checked, mismatches) = compare_corpus(kind, shape);
    assert!(checked >= 150, "only {checked} golden paragraphs found");
    for mismatch in &mismatches {
        eprint!("{mismatch}");
    }
    assert!(
        mismatches.is_empty(),
        "{} of {checked} golden paragraphs differ from the {kind} expectation",
        mismatches.len()
    );
}

#[test]
fn unshaped_output_matches_the_golden_files() {
    assert_corpus_matches("unshaped", false);
}

#[test]
fn shaped_output_matches_the_golden_files() {
    assert_corpus_matches("shaped", true);
}

#[test]
fn every_topic_file_has_both_expected_files() {
    let topics = topic_files();
    assert!(topics.len() >= 10, "only {} topic files", topics.len());
    for (input, _) in topics {
        for kind in ["unshaped", "shaped"] {
            let path = expected_path(&input, kind);
            assert!(path.is_file(), "{} is missing", path.display());
        }
    }
}

#[test]
fn corpus_inputs_hold_no_tab_or_c0_c1_controls() {
    // Those are tested elsewhere; here they would hide behind the visible-symbol rule.
    for (path, _) in topic_files() {
        for (index, line) in read_lines(&path).iter().enumerate() {
            let bad = line
                .chars()
                .find(|c| u32::from(*c) < 0x20 || (0x7F..0xA0).contains(&u32::from(*c)));
            assert!(bad.is_none(), "{}:{}: {bad:?}", path.display(), index + 1);
        }
    }
}

#[test]
fn mismatch_report_shows_the_differing_code_points() {
    let report = describe("x.shaped.txt", 7, "لا", "\u{FEFB}", "\u{FE8E}\u{FEDF}");
    assert!(report.starts_with("x.shaped.txt:7\n"), "{report}");
    assert!(
        report.contains("at char 1: expected FEFB | got FE8E FEDF"),
        "{report}"
    );
    assert_eq!(
        differing_stretch("abc", "abXc"),
        "at char 3: expected (nothing) | got 0058"
    );
    let long: String = std::iter::repeat_n('a', HEX_LIMIT + 5).collect();
    assert!(differing_stretch(&long, "").ends_with("… (5 more) | got (nothing)"));
}
