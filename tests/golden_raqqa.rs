//! The sample article through `sahifa bidi`, against expected files from the oracle
//! (FriBidi for shaped output, ICU for unshaped; /work/shared/tools/bidi-reference):
//!
//! - `raqqa-nowrap.txt`: `bidi-reference --shaped < assets/raqqa-news-ar.txt`, one line per
//!   paragraph, as is;
//! - `raqqa-nowrap-unshaped.txt`: `bidi-reference < assets/raqqa-news-ar.txt`, as is;
//! - `raqqa-width60.txt`: derived by `assets/tools/derive_raqqa_golden.py` (fribidi(1) wraps
//!   after reordering, so its own `--width` output is wrong for multi-line RTL paragraphs): words
//!   shaped and measured by the oracle, filled greedily into 60 cells, each logical line
//!   reordered by the oracle with the paragraph's direction, RTL lines right-aligned.

use sahifa::commands::bidi::filter_to_string;
use sahifa::layout::LayoutOptions;

fn article() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/raqqa-news-ar.txt"
    ))
    .expect("article")
}

fn expected(name: &str) -> String {
    let path = format!("{}/tests/golden/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[track_caller]
fn assert_same_lines(got: &str, want: &str) {
    let (got, want): (Vec<&str>, Vec<&str>) = (got.lines().collect(), want.lines().collect());
    for (n, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g, w, "line {}", n + 1);
    }
    assert_eq!(got.len(), want.len(), "line count");
}

#[test]
fn article_unwrapped_matches_fribidi() {
    let got = filter_to_string(&article(), &LayoutOptions::default());
    assert_same_lines(&got, &expected("raqqa-nowrap.txt"));
}

#[test]
fn article_unwrapped_unshaped_matches_icu() {
    let options = LayoutOptions {
        shape: false,
        ..LayoutOptions::default()
    };
    let got = filter_to_string(&article(), &options);
    assert_same_lines(&got, &expected("raqqa-nowrap-unshaped.txt"));
}

#[test]
fn article_at_width_60_matches_the_oracle_derivation() {
    let options = LayoutOptions {
        width: Some(60),
        ..LayoutOptions::default()
    };
    let got = filter_to_string(&article(), &options);
    assert_same_lines(&got, &expected("raqqa-width60.txt"));
    assert!(
        got.lines()
            .all(|l| sahifa::layout::width::text_width(l) <= 60)
    );
}
