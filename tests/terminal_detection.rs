//! The reader asks the terminal once whether it knows BDSM (DECRQM `CSI 8 $ p`, fenced by DA1)
//! and chooses who reorders: run in a pseudo-terminal that answers like VTE, like Konsole (no
//! DECRQM answer, `KONSOLE_VERSION` set) and like a terminal that answers nothing. Checked: the
//! question, the mode chosen (the bytes written: `CSI 8 l` before the alternate screen, or none
//! and logical order), and that no answer ends up on the screen or as a key.

mod common;

use common::pty::{Terminal, find};
use common::reader::scratch;

const SAMPLE: &str = "assets/samples/tehran-metro-fa.txt";
/// The first word of the sample's title (خط), shaped, as each order writes it.
const TITLE_VISUAL: &str = "ﻂﺧ";
const TITLE_LOGICAL: &str = "ﺧﻂ";

fn start(name: &str, env: &[(&str, &str)], answers: bool, bdsm: bool) -> Terminal {
    let dir = scratch(name);
    let dir = dir.to_str().expect("UTF-8 temp path");
    let mut all = vec![
        ("XDG_CONFIG_HOME", dir),
        ("XDG_STATE_HOME", dir),
        ("TERM_PROGRAM", ""),
        ("VTE_VERSION", ""),
        ("KONSOLE_VERSION", ""),
        ("MLTERM", ""),
        ("TMUX", ""),
    ];
    all.retain(|(k, _)| !env.iter().any(|(e, _)| e == k));
    all.extend_from_slice(env);
    let mut term = Terminal::spawn_with_env(common::bin::sahifa(), &[SAMPLE], &all, 80, 24)
        .expect("terminal starts");
    term.answers_queries = answers;
    term.answers_bdsm = bdsm;
    term.wait_until(
        "the first frame",
        std::time::Duration::from_millis(50),
        |s| s.alternate_screen() && s.contents().contains("help"),
    )
    .expect("the reader draws");
    term
}

/// The question comes once, before the alternate screen: DECRQM for mode 8, then DA1.
fn assert_asked_once(raw: &[u8]) {
    let asked = find(raw, b"\x1b[8$p\x1b[c", 0).expect("DECRQM then DA1 sent");
    assert!(find(raw, b"\x1b[8$p", asked + 1).is_none(), "asked twice");
    let alternate = find(raw, b"\x1b[?1049h", 0).expect("alternate screen");
    assert!(asked < alternate, "asked before the reader's screen");
}

fn quit(mut term: Terminal) {
    term.send_keys("q").expect("q sent");
    assert_eq!(term.wait_exit(), Ok(0));
}

#[test]
fn a_terminal_that_knows_bdsm_gets_explicit_mode_before_the_alternate_screen() {
    let term = start("detect-vte", &[("VTE_VERSION", "7000")], true, true);
    let raw = term.raw();
    assert_asked_once(raw);
    let answered = find(raw, b"\x1b[8$p", 0).unwrap_or_default();
    let explicit = find(raw, b"\x1b[8l", answered).expect("explicit mode");
    assert!(explicit < find(raw, b"\x1b[?1049h", 0).unwrap_or_default());
    let screen = term.screen_text();
    assert!(screen.contains(TITLE_VISUAL), "visual order:\n{screen}");
    // The answers were taken by the reader, not typed: no search prompt, nothing echoed.
    assert!(
        !screen.contains("$y") && !screen.contains("?1;2c"),
        "{screen}"
    );
    assert!(!screen.contains("logical order"), "{screen}");
    quit(term);
}

#[test]
fn konsole_without_a_bdsm_answer_gets_logical_order_and_is_told_so() {
    let term = start(
        "detect-konsole",
        &[("KONSOLE_VERSION", "221203")],
        true,
        false,
    );
    let raw = term.raw();
    assert_asked_once(raw);
    assert!(
        find(raw, b"\x1b[8l", 0).is_none(),
        "no explicit mode for Konsole"
    );
    let screen = term.screen_text();
    assert!(screen.contains(TITLE_LOGICAL), "logical order:\n{screen}");
    assert!(!screen.contains(TITLE_VISUAL), "{screen}");
    assert!(screen.contains("writing logical order"), "{screen}");
    // Konsole's own order: right-to-left rows embedded with RLE after their padding (the
    // mirrored order written for mlterm has none).
    assert!(
        find(raw, "\u{202B}".as_bytes(), 0).is_some(),
        "no RLE for Konsole"
    );
    assert!(!screen.contains("?1;2c"), "{screen}");
    quit(term);
}

#[test]
fn mlterm_gets_logical_order_mirrored_as_a_whole_without_embeddings() {
    let term = start("detect-mlterm", &[("MLTERM", "3.9.0")], true, false);
    let raw = term.raw();
    assert!(
        find(raw, b"\x1b[8l", 0).is_none(),
        "no explicit mode for mlterm"
    );
    assert!(
        find(raw, "\u{202B}".as_bytes(), 0).is_none(),
        "RLE is Konsole's"
    );
    let screen = term.screen_text();
    assert!(screen.contains(TITLE_LOGICAL), "logical order:\n{screen}");
    quit(term);
}

#[test]
fn a_terminal_that_answers_nothing_gets_visual_order_after_the_deadline() {
    let term = start("detect-silent", &[], false, false);
    let raw = term.raw();
    assert_asked_once(raw);
    assert!(find(raw, b"\x1b[8l", 0).is_some(), "CSI 8 l still sent");
    let screen = term.screen_text();
    assert!(screen.contains(TITLE_VISUAL), "visual order:\n{screen}");
    quit(term);
}
