//! The pseudo-terminal harness, proved on programs that exist today: `sahifa bidi` (its screen
//! in a real terminal equals its piped output as a `.txt` screenshot), shell scripts that ask
//! for the cursor position, never settle, or set and restore terminal modes.

mod common;

use common::keys::key_presses;
use common::modes::check_modes;
use common::pty::Terminal;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Duration;

const QUIET: Duration = Duration::from_millis(300);

/// What `sahifa bidi` prints for `input` through a pipe.
fn bidi_through_pipe(input: &str) -> String {
    let mut child = Command::new(common::bin::sahifa())
        .arg("bidi")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("sahifa bidi starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("input written");
    let out = child.wait_with_output().expect("sahifa bidi ends");
    assert!(out.status.success());
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn bidi_in_a_real_terminal_shows_what_it_prints_through_a_pipe() {
    let lines = [
        "السلام عليكم في الرقة",
        "قال لافروف (2017) إن 28.000 شخص",
        "שָׁלוֹם עולם, 1948",
        "Latin only, with 12:30",
        "اردو ہے",
    ];
    let (cols, rows) = (40, 8);
    let mut input = lines.join("\n");
    input.push('\n');
    // The expected screen: the piped output painted into a buffer, as a `.txt` screenshot.
    let piped = bidi_through_pipe(&input);
    let mut expected = Buffer::empty(Rect::new(0, 0, cols, rows));
    for (y, line) in (0..rows).zip(piped.lines()) {
        expected.set_string(0, y, line, Style::default());
    }
    let mut term = Terminal::shell(r#"printf '%s\n' "$@" | "$SAHIFA" bidi"#, &lines, cols, rows)
        .expect("terminal starts");
    let expected = sahifa::shot::to_text(&expected);
    assert_eq!(term.wait_for_screen(&expected), Ok(()));
    assert_eq!(term.wait_exit(), Ok(0));
    assert_eq!(term.screen_text(), expected);
}

#[test]
fn waiting_for_a_screen_that_never_comes_names_the_first_different_row() {
    let mut term = Terminal::shell("printf 'one\\r\\ntwo'; sleep 5", &[], 10, 3).expect("starts");
    term.timeout = Duration::from_millis(600);
    let err = term
        .wait_for_screen("one       \nthree     \n          \n")
        .expect_err("never matches");
    assert!(
        err.contains("row 1") && err.contains("\"three     \"") && err.contains("\"two       \""),
        "{err}"
    );
}

#[test]
fn a_cursor_position_query_is_answered() {
    // The script blocks until it has read the 6-byte answer to ESC[6n, then shows it.
    let mut term = Terminal::shell(
        r#"stty raw -echo; printf 'ab\033[6n'; r=$(dd bs=1 count=6 2>/dev/null); stty sane;
           printf '\r\n%s\r\n' "$r" | tr '\033' E"#,
        &[],
        20,
        4,
    )
    .expect("terminal starts");
    assert_eq!(term.wait_exit(), Ok(0));
    assert_eq!(term.screen_rows()[1], format!("{:<20}", "E[1;3R"));
}

#[test]
fn a_program_that_never_settles_times_out_instead_of_hanging() {
    let mut term = Terminal::shell(
        r"i=0; while :; do i=$((i+1)); printf '\r%s' $i; sleep 0.05; done",
        &[],
        20,
        4,
    )
    .expect("terminal starts");
    term.timeout = Duration::from_millis(800);
    let err = term.wait_stable(QUIET).expect_err("never stable");
    assert!(err.contains("never became stable"), "{err}");
    let err = term.wait_exit().expect_err("never exits");
    assert!(err.contains("did not exit"), "{err}");
}

#[test]
fn output_that_changes_nothing_on_screen_counts_as_stable() {
    // Like a full-screen program redrawing an unchanged frame: bytes keep coming, the screen
    // stays the same.
    let mut term = Terminal::shell(
        r"printf 'still'; while :; do printf '\033[?25l\033[1;1H'; sleep 0.05; done",
        &[],
        20,
        4,
    )
    .expect("terminal starts");
    term.timeout = Duration::from_secs(5);
    term.wait_until("the text", QUIET, |s| s.contents().contains("still"))
        .expect("stable although bytes keep coming");
    assert_eq!(term.screen_rows()[0], format!("{:<20}", "still"));
}

#[test]
fn keys_arrive_one_press_at_a_time_as_terminal_bytes() {
    // The script reads the 7 bytes the keys make and shows them in hex.
    let mut term = Terminal::shell(
        r#"stty raw -echo; printf 'ready'; b=$(dd bs=1 count=7 2>/dev/null | od -An -tx1 | tr -d ' \n');
           stty sane; printf '\r%s\r\n' "$b""#,
        &[],
        40,
        3,
    )
    .expect("terminal starts");
    term.wait_until("the script to be ready", QUIET, |s| {
        s.contents().contains("ready")
    })
    .expect("script waiting for input");
    term.send_keys("] Down Esc ب").expect("keys sent");
    assert_eq!(term.wait_exit(), Ok(0));
    assert_eq!(term.screen_rows()[0].trim_end(), "5d1b5b421bd8a8");
    assert_eq!(
        key_presses("/ الرقة Enter"),
        ["/", "ا", "ل", "ر", "ق", "ة", "\r"].map(|s| s.as_bytes().to_vec())
    );
}

/// A stand-in for a full-screen reader: sets the modes sahifa sets, waits for `q`, restores.
const FULL_SCREEN: &str = r#"stty raw -echo; printf '\033[8l\033[1 k\033[?1049h\033[?25l\033[HREADER';
    until [ "$(dd bs=1 count=1 2>/dev/null)" = q ]; do :; done;
    printf '\033[?1049l\033[?25h\033[8h\033[0 k'; stty sane; printf 'done\r\n'"#;

#[test]
fn mode_checks_pass_on_a_clean_start_and_restore_in_a_real_terminal() {
    let mut term = Terminal::shell(FULL_SCREEN, &[], 30, 5).expect("terminal starts");
    term.wait_until("the reader's screen", QUIET, |s| {
        s.contents().contains("READER")
    })
    .expect("screen drawn");
    assert!(term.screen().alternate_screen());
    assert!(term.screen().hide_cursor());
    term.send_keys("q").expect("q sent");
    assert_eq!(term.wait_exit(), Ok(0));
    assert_eq!(check_modes(term.raw()), Ok(()));
    assert!(!term.screen().alternate_screen());
    assert!(!term.screen().hide_cursor());
    assert_eq!(term.screen_rows()[0].trim_end(), "done");
}

#[test]
fn mode_checks_name_each_thing_left_unrestored() {
    assert_eq!(
        check_modes(b"\x1b[?1049hplain"),
        Err(vec![
            "ESC[8l (explicit bidi mode) never sent".to_owned(),
            "ESC[?1049h (alternate screen) at byte 0 sent in implicit bidi mode".to_owned(),
        ])
    );
    assert_eq!(
        check_modes(b"\x1b[8l\x1b[?1049h\x1b[?25l...\x1b[?1049l"),
        Err(vec![
            "ESC[?25h (cursor shown) not sent after the last ESC[8l".to_owned(),
            "ESC[8h (implicit bidi mode) not sent after the last ESC[8l".to_owned(),
        ])
    );
    // A restore that came before the last ESC[8l does not count.
    assert!(check_modes(b"\x1b[8l\x1b[?1049l\x1b[?25h\x1b[8h\x1b[8l").is_err());
    assert!(check_modes(b"\x1b[8l\x1b[?1049h\x1b[?1049l\x1b[?25h\x1b[8h").is_ok());
    // The alternate screen or a clear made in implicit mode (VTE would reorder those rows).
    assert_eq!(
        check_modes(b"\x1b[?1049h\x1b[8l\x1b[?1049l\x1b[?25h\x1b[8h"),
        Err(vec![
            "ESC[?1049h (alternate screen) at byte 0 sent in implicit bidi mode".to_owned()
        ])
    );
    assert!(
        check_modes(b"\x1b[8l\x1b[?1049h\x1b[8h\x1b[2J\x1b[8l\x1b[?1049l\x1b[?25h\x1b[8h").is_err()
    );
}

#[test]
fn raw_mode_left_on_is_visible_after_exit() {
    // `sahifa bidi` never touches the terminal: the line discipline is as the shell had it.
    let mut term = Terminal::sahifa_then_tty_report(&["bidi", "/dev/null"], &[], 40, 4)
        .expect("terminal starts");
    assert_eq!(term.wait_exit(), Ok(0));
    assert_eq!(term.tty_after_exit().as_deref(), Some("icanon echo"));
}
