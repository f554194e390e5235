//! `sahifa print` as a user runs it: plain when piped, colours on request, a bad theme reported
//! and the default used, errors with their exit status.

use std::path::PathBuf;
use std::process::{Command, Output};

fn sample() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/raqqa-news-ar.txt")
}

fn print(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sahifa"));
    cmd.arg("print")
        .arg(sample())
        .args(args)
        .env_remove("NO_COLOR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("the sahifa binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn piped_output_is_plain_text_at_80_columns() {
    let out = print(&[], &[]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(!text.contains('\x1b'));
    let widest = text
        .lines()
        .map(unicode_width::UnicodeWidthStr::width)
        .max();
    assert_eq!(widest, Some(80));
    assert!(text.contains("╭") && text.contains("28.000"));
}

#[test]
fn color_always_writes_the_theme_even_with_no_color_set() {
    let dark = print(
        &["--color", "always", "--width", "40"],
        &[("NO_COLOR", "1")],
    );
    assert!(dark.status.success());
    assert!(stdout(&dark).contains("\x1b[1;38;2;"));
    let light = print(
        &["--color", "always", "--width", "40", "--theme", "light"],
        &[],
    );
    assert_ne!(stdout(&dark), stdout(&light));
    let never = print(&["--color", "never", "--width", "40"], &[]);
    assert!(!stdout(&never).contains('\x1b'));
}

#[test]
fn a_bad_theme_is_reported_and_the_default_used() {
    let bad = print(&["--theme", "/no/such/theme.toml", "--width", "40"], &[]);
    assert!(bad.status.success());
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("theme /no/such/theme.toml"), "{err}");
    assert!(err.contains("using the default theme"), "{err}");
    assert_eq!(stdout(&bad), stdout(&print(&["--width", "40"], &[])));
}

#[test]
fn bad_input_and_bad_usage_have_their_exit_status() {
    let missing = Command::new(env!("CARGO_BIN_EXE_sahifa"))
        .args(["print", "/no/such/article.txt"])
        .output()
        .expect("the sahifa binary runs");
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("/no/such/article.txt"));
    assert_eq!(print(&["--width", "0"], &[]).status.code(), Some(2));
    assert_eq!(print(&["--color", "sometimes"], &[]).status.code(), Some(2));
}

#[test]
fn terminal_bidi_mode_writes_logical_order() {
    let app = stdout(&print(&["--width", "80", "--no-shape"], &[]));
    let terminal = stdout(&print(
        &["--width", "80", "--no-shape", "--bidi", "terminal"],
        &[],
    ));
    // The title as written (logical order) appears only when the terminal is left to reorder.
    let title = "مقتل 22 عنصراً من «داعش» في غارات جوية للتحالف";
    assert!(terminal.contains(title), "{terminal}");
    assert!(!app.contains(title));
}

/// `sahifa FILE | …` has no screen to take: the reader writes the article as `print` does,
/// with the reader's own flags (here a width and the text direction) carried over.
#[test]
fn the_reader_with_piped_output_prints_the_article() {
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_sahifa"))
            .args(args)
            .env_remove("NO_COLOR")
            .output()
            .expect("the sahifa binary runs");
        assert!(out.status.success(), "{args:?}");
        stdout(&out)
    };
    let file = sample();
    let file = file.to_str().expect("a UTF-8 path");
    let printed = run(&["print", file, "--width", "50", "--dir", "rtl"]);
    assert_eq!(run(&[file, "--width", "50", "--dir", "rtl"]), printed);
    assert!(printed.contains("28.000") && !printed.contains('\x1b'));
    assert_eq!(run(&["--no-state", file]), run(&["print", file]));
}

#[test]
fn logical_output_is_the_source_text_wrapped_unshaped_and_plain() {
    let out = print(&["--logical", "--justify", "--color", "always"], &[]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(!text.contains('\x1b'), "plain");
    let presentation =
        |c: char| ('\u{FB50}'..='\u{FDFF}').contains(&c) || ('\u{FE70}'..='\u{FEFF}').contains(&c);
    assert!(!text.chars().any(presentation), "original letters");
    let source = std::fs::read_to_string(sample()).expect("sample read");
    assert!(
        !text.contains('\u{0640}') || source.contains('\u{0640}'),
        "no kashida added"
    );
    // Every long paragraph of the source reads, word after word, in the output's words.
    // Words, box borders and bars left out.
    let border = |w: &&str| w.chars().all(|c| ('\u{2500}'..='\u{259F}').contains(&c));
    let words = (text.split_whitespace().filter(|w| !border(w)))
        .collect::<Vec<_>>()
        .join(" ");
    let paragraphs: Vec<&str> = source.split("\n\n").filter(|p| p.len() > 300).collect();
    assert!(paragraphs.len() > 3);
    for paragraph in paragraphs {
        let expected = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(words.contains(&expected), "{expected}");
    }
    // Right-to-left lines are padded after their text, for a bidi-aware display to align.
    let padded = text.lines().filter(|l| l.ends_with(' ')).count();
    assert!(padded > 10);
}
