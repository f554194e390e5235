//! End to end: the real `sahifa` reader in a pseudo-terminal shows, cell for cell, what
//! `sahifa shot` pictures headless for the same keys and size; and on `q` it leaves the terminal
//! as it found it (main screen, cursor shown, implicit bidi mode, raw mode off).

mod common;

use common::modes::check_modes;
use common::pty::Terminal;
use common::reader::{headless, scratch};
use std::time::Duration;

const ARTICLE: &str = "assets/raqqa-news-ar.txt";
const QUIET: Duration = Duration::from_millis(400);

/// Runs the reader in a terminal, replays `keys`, compares with the headless shot, quits.
fn case(name: &str, cols: u16, rows: u16, keys: &str) {
    let dir = scratch(name);
    let dir_str = dir.to_str().expect("UTF-8 temp path");
    let env = [("XDG_CONFIG_HOME", dir_str), ("XDG_STATE_HOME", dir_str)];
    let mut term =
        Terminal::sahifa_then_tty_report(&[ARTICLE], &env, cols, rows).expect("terminal starts");
    // The reader is up once it has drawn on the alternate screen.
    term.wait_until("the reader's first screen", QUIET, |s| {
        s.alternate_screen() && !s.contents().trim().is_empty()
    })
    .expect("the reader starts");
    term.send_keys(keys).expect("keys sent");
    let expected = headless(&dir, ARTICLE, cols, rows, keys);
    assert_eq!(
        term.wait_for_screen(&expected),
        Ok(()),
        "{name}: the terminal's screen differs from the headless shot"
    );

    // `q` closes an overlay first, then quits.
    for _ in 0..3 {
        term.send_keys("q").expect("q sent");
        term.wait_stable(QUIET).expect("screen settles");
        if term.tty_after_exit().is_some() {
            break;
        }
    }
    assert_eq!(term.wait_exit(), Ok(0), "{name}");
    assert_eq!(check_modes(term.raw()), Ok(()), "{name}");
    assert!(
        !term.screen().alternate_screen(),
        "{name}: still on the alternate screen"
    );
    assert!(!term.screen().hide_cursor(), "{name}: cursor left hidden");
    assert_eq!(
        term.tty_after_exit().as_deref(),
        Some("icanon echo"),
        "{name}: raw mode left on"
    );
}

#[test]
fn first_screen_in_a_terminal_equals_the_headless_shot() {
    case("first", 100, 30, "");
}

#[test]
fn section_jumps_and_outline_in_a_terminal_equal_the_headless_shot() {
    case("outline", 100, 30, "] ] t");
}

#[test]
fn search_in_a_narrow_terminal_equals_the_headless_shot() {
    case("search", 50, 20, "/ الرقة Enter n");
}

#[test]
fn escape_and_scrolling_in_a_terminal_equal_the_headless_shot() {
    case("escape", 80, 24, "t Esc Down Down PageDown");
}
