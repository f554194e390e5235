//! The invariants every target asserts on what would reach a terminal — the cheap ones of
//! tests/layout_properties.rs and tests/page_properties.rs: no line wider than its width, widths
//! that add up cell by cell, and no control character from the article (ESC among them) in
//! anything shown.

#![allow(dead_code)]

use sahifa::layout::VisualLine;
use sahifa::layout::controls::is_bidi_control;
use sahifa::layout::width::text_width;
use sahifa::page::{MIN_WIDTH, Page, PageLine, Piece};

/// Never shown: C0 and C1 controls (ESC among them), DEL, and the bidi formatting characters.
pub fn forbidden(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

#[track_caller]
pub fn assert_shown(text: &str, what: &str) {
    if let Some(c) = text.chars().find(|&c| forbidden(c)) {
        panic!("{what}: control {c:?} shown in {text:?}");
    }
}

/// A composed page at `width` (widths below [`MIN_WIDTH`] are composed at that width).
#[track_caller]
pub fn check_page(page: &Page, width: usize) {
    let limit = width.max(MIN_WIDTH);
    for (n, line) in page.lines.iter().enumerate() {
        check_page_line(line, limit, n);
    }
}

#[track_caller]
pub fn check_page_line(line: &PageLine, limit: usize, n: usize) {
    assert!(
        line.width() <= limit,
        "page line {n} is {} wide at width {limit}: {:?}",
        line.width(),
        line.text()
    );
    for piece in &line.pieces {
        match piece {
            Piece::Decoration { text, width, .. } => {
                assert_eq!(text_width(text), *width, "decoration {text:?} in line {n}");
                assert_shown(text, "decoration");
            }
            Piece::Text { line, .. } => check_visual(line),
        }
    }
}

/// A laid-out line: clusters tile its text left to right, each as wide as it says.
#[track_caller]
pub fn check_visual<T>(line: &VisualLine<T>) {
    let mut at = 0;
    let mut cells = 0;
    for cluster in &line.clusters {
        assert_eq!(
            cluster.text.start, at,
            "clusters tile the line: {:?}",
            line.text
        );
        at = cluster.text.end;
        let shown = line.text.get(cluster.text.clone());
        let shown = shown.unwrap_or_else(|| panic!("cluster off the text {:?}", line.text));
        assert_eq!(text_width(shown), cluster.width, "cluster {shown:?}");
        cells += cluster.width;
    }
    assert_eq!(at, line.text.len(), "clusters cover {:?}", line.text);
    assert_eq!(cells, line.width, "line width of {:?}", line.text);
    assert_shown(&line.text, "laid-out line");
}

/// Printed output: our own SGR sequences (`ESC [ digits/semicolons m`) are the only escapes
/// allowed; lines end in `\n`; nothing else may be a control character.
#[track_caller]
pub fn check_printed(out: &str) {
    for line in out.split('\n') {
        let mut rest = line;
        let mut plain = String::new();
        while let Some(at) = rest.find("\x1b[") {
            plain.push_str(rest.get(..at).unwrap_or_default());
            let after = rest.get(at + 2..).unwrap_or_default();
            let params = after
                .find(|c: char| !(c.is_ascii_digit() || c == ';'))
                .unwrap_or(after.len());
            if after.get(params..params + 1) == Some("m") {
                rest = after.get(params + 1..).unwrap_or_default();
            } else {
                // Not one of ours: keep it so the check below finds the ESC.
                plain.push('\x1b');
                rest = after;
            }
        }
        plain.push_str(rest);
        assert_shown(&plain, "printed line");
    }
}
