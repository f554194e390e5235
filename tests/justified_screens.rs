//! Golden screenshots of the sample article justified (`--justify`) with a 60- and an 80-cell
//! column: text, ANSI and PNG (the picture as the README shows it), all in
//! `tests/screenshots/`. Refresh after a deliberate change with
//! `UPDATE_SCREENSHOTS=1 cargo test --test justified_screens`, and look at the PNGs.

mod common;

use common::golden;
use ratatui::buffer::Buffer;
use sahifa::layout::justify::TATWEEL;
use sahifa::shot;

const SAMPLE: &str = "assets/raqqa-news-ar.txt";

/// Screen size for each column width: the column is the terminal less a cell each side, at
/// most 80.
const SIZES: &[(usize, &str)] = &[(60, "62x30"), (80, "100x30")];

/// The headless reader screen of the sample, as `sahifa shot` takes it (no user config).
fn screen(size: &str, flags: &[&str], keys: &str) -> Buffer {
    common::shot::screen(SAMPLE, size, keys, flags)
}

/// Checks binary `actual` against the golden `name.ext` (or rewrites it when updating).
fn check_bytes(name: &str, ext: &str, actual: &[u8]) -> Result<(), String> {
    let path = golden::path(name, ext);
    if golden::updating() {
        return std::fs::write(&path, actual).map_err(|e| format!("{}: {e}", path.display()));
    }
    let expected = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    if expected == actual {
        Ok(())
    } else {
        Err(format!(
            "{}: the picture differs (UPDATE_SCREENSHOTS=1 rewrites it; look at it)",
            path.display()
        ))
    }
}

#[test]
fn the_justified_sample_matches_its_goldens() {
    let mut failures = Vec::new();
    for (column, size) in SIZES {
        let buffer = screen(size, &["--justify"], "e");
        let name = format!("raqqa-justified-{column}");
        let text = shot::to_text(&buffer);
        for (ext, content) in [("txt", text.clone()), ("ansi", shot::to_ansi(&buffer))] {
            failures.extend(golden::check(&name, ext, &content).err());
        }
        let png = shot::to_png(&buffer, &shot::Palette::dark()).expect("PNG encodes");
        failures.extend(check_bytes(&name, "png", &png).err());
        // The screen really is justified: kashida on it.
        assert!(text.contains(TATWEEL), "{name}: no kashida");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_j_key_justifies_as_the_flag_does_and_switches_back() {
    for (_, size) in SIZES {
        let flag = screen(size, &["--justify"], "");
        let key = screen(size, &[], "J");
        let ragged = screen(size, &[], "");
        let both = screen(size, &["--justify"], "J");
        // The status line says what the key did; the text above it is the same.
        let rows = |b: &Buffer| {
            let text = shot::to_text(b);
            let lines: Vec<String> = text.lines().map(str::to_owned).collect();
            lines[..lines.len() - 1].to_vec()
        };
        assert_eq!(rows(&key), rows(&flag), "{size}");
        assert_eq!(rows(&both), rows(&ragged), "{size}");
        assert_ne!(rows(&ragged), rows(&flag), "{size}");
        assert!(shot::to_text(&key).contains("paragraphs justified"));
    }
}

/// `sahifa ARGS` with `input` on standard input; its standard output.
fn run(args: &[&str], input: &str) -> String {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(common::bin::sahifa())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the sahifa binary runs");
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(input.as_bytes()).expect("input written");
    }
    let out = child.wait_with_output().expect("sahifa finishes");
    assert!(out.status.success(), "{args:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn bidi_justifies_every_line_but_a_paragraphs_last() {
    let input = "می\u{200C}خواهم به تهران بروم و متروی جدید شهر را ببینم که هر روز هزاران نفر را جابه\u{200C}جا می\u{200C}کند\n\
                 שלום עולם זה מבחן של יישור שורות בעברית עם רווחים נוספים בין המילים\n";
    let width = |l: &str| sahifa::layout::width::text_width(l);
    for wrap in ["first-fit", "optimal"] {
        let ragged = run(&["bidi", "--width", "30", "--wrap", wrap], input);
        let justified = run(
            &["bidi", "--width", "30", "--wrap", wrap, "--justify"],
            input,
        );
        let (ragged, justified): (Vec<&str>, Vec<&str>) =
            (ragged.lines().collect(), justified.lines().collect());
        assert_eq!(ragged.len(), justified.len());
        // Two paragraphs of three lines each (at 30 cells): the first two of each are full.
        assert_eq!(justified.len(), 6, "{justified:#?}");
        for (i, line) in justified.iter().enumerate() {
            if i % 3 == 2 {
                assert_eq!(*line, ragged[i], "a last line is left alone");
            } else {
                assert_eq!(width(line), 30, "{line}");
                assert!(line.starts_with(|c: char| !c.is_whitespace()), "{line:?}");
            }
        }
        // Kashida in the Persian paragraph, wider spaces only in the Hebrew one.
        assert!(justified[..3].iter().any(|l| l.contains(TATWEEL)));
        assert!(justified[3..].iter().all(|l| !l.contains(TATWEEL)));
        assert!(justified[3..5].iter().any(|l| l.contains("  ")));
    }
}

#[test]
fn print_justifies_running_text_and_leaves_the_title_ragged() {
    let path = format!("{}/{SAMPLE}", env!("CARGO_MANIFEST_DIR"));
    let text = run(&["print", &path, "--width", "60", "--justify"], "");
    let lines: Vec<&str> = text.lines().collect();
    assert!(text.contains(TATWEEL));
    // The title is not stretched; most body lines fill the column (right-to-left lines are
    // padded on the left to 60 cells, so a full one starts with a letter).
    assert!(!lines[0].contains(TATWEEL), "{}", lines[0]);
    let full = |text: &str| {
        text.lines()
            .filter(|l| l.starts_with(|c: char| c.is_alphabetic() || c == '«'))
            .filter(|l| sahifa::layout::width::text_width(l) == 60)
            .count()
    };
    let ragged = run(&["print", &path, "--width", "60"], "");
    let (justified, ragged) = (full(&text), full(&ragged));
    assert!(
        justified > 3 * ragged,
        "{justified} full lines justified, {ragged} ragged"
    );
}
