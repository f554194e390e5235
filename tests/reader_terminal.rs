//! The reader against terminals a user may really have: one that never answers a query (a bare
//! PTY, `script`, a serial line), signals from outside (SIGTERM, SIGHUP), and the mouse modes it
//! asks for and gives back. Each case runs the real binary in a pseudo-terminal under a shell
//! that reports, once the reader has gone, its exit status and the line discipline.

mod common;

use common::pty::{Terminal, find, rfind};
use common::reader::{QUIET, Reader, headless, mouse_left_on, scratch};
use std::time::{Duration, Instant};

const SAMPLE: &str = "assets/samples/tehran-metro-fa.txt";
const WITH_IMAGE: &str = "assets/samples/khartoum-water-ar.md";

#[test]
fn mouse_check_names_modes_left_on() {
    assert_eq!(
        mouse_left_on(b"\x1b[?1000h\x1b[?1006h\x1b[?1006l\x1b[?1000l"),
        None
    );
    assert_eq!(
        mouse_left_on(b"\x1b[?1000h\x1b[?1006h\x1b[?1006l").as_deref(),
        Some("1000")
    );
    assert_eq!(
        mouse_left_on(b"\x1b[?1003l\x1b[?1003h").as_deref(),
        Some("1003")
    );
}

#[test]
fn a_terminal_that_never_answers_gets_the_first_frame_and_q_quits() {
    let (cols, rows) = (80, 24);
    let mut reader = Reader::start_with("silent", &[SAMPLE], &[], cols, rows, false);
    reader.first_frame();
    let expected = headless(&scratch("silent-shot"), SAMPLE, cols, rows, "");
    assert_eq!(reader.term.wait_for_screen(&expected), Ok(()));
    // Nothing in the reader asks where the cursor is.
    assert_eq!(find(reader.term.raw(), b"\x1b[6n", 0), None);
    reader.term.send_keys("q").expect("q sent");
    let (status, tty) = reader.report();
    assert_eq!(status, Some(0));
    reader.assert_restored(tty.as_deref());
}

#[test]
fn an_image_terminal_that_never_answers_gets_halfblocks_and_keeps_every_key() {
    // TERM says kitty, so the reader asks which image protocol it speaks; no answer comes.
    let started = Instant::now();
    let mut reader = Reader::start_with(
        "silent-kitty",
        &[WITH_IMAGE],
        &[("TERM", "xterm-kitty")],
        100,
        30,
        false,
    );
    reader
        .term
        .wait_until("the picture in halfblocks", QUIET, |s| {
            s.alternate_screen() && s.contents().contains('▀')
        })
        .expect("the reader draws its first frame");
    // The question was put, and the wait for its answer is short.
    assert!(
        find(reader.term.raw(), b"\x1b_Gi=31,", 0).is_some(),
        "kitty is asked"
    );
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    // No kitty picture was sent to a terminal that never said it speaks kitty.
    assert_eq!(find(reader.term.raw(), b"a=T,", 0), None);
    // Every key reaches the reader: nothing is left reading the terminal after the question.
    let before = reader.term.screen().contents();
    reader.term.send_keys("j").expect("j sent");
    reader
        .term
        .wait_until("the first key to scroll", QUIET, move |s| {
            s.contents() != before
        })
        .expect("the first key reaches the reader");
    reader.term.send_keys("q").expect("q sent");
    let (status, tty) = reader.report();
    assert_eq!(status, Some(0));
    reader.assert_restored(tty.as_deref());
}

/// Moves on, sends `signal`, and checks the exit status, the terminal and that the reading
/// position was saved on the way out.
fn signal_case(name: &str, signal: &str, expected: u32) {
    let mut reader = Reader::start(name, &[SAMPLE], &[], 80, 24);
    reader.first_frame();
    let positions = scratch(name).join("sahifa").join("positions");
    let _ = std::fs::remove_dir_all(&positions);
    let before = reader.term.screen().contents();
    reader.term.send_keys("]").expect("] sent");
    reader
        .term
        .wait_until("the next section", QUIET, move |s| s.contents() != before)
        .expect("moved");
    reader.kill(signal);
    let (status, tty) = reader.report();
    assert_eq!(status, Some(expected), "exit status after SIG{signal}");
    reader.assert_restored(tty.as_deref());
    let saved = std::fs::read_dir(&positions).map_or(0, Iterator::count);
    assert_eq!(saved, 1, "reading position saved after SIG{signal}");
}

#[test]
fn sigterm_restores_the_terminal_and_exits_143() {
    signal_case("sigterm", "TERM", 143);
}

#[test]
fn sighup_restores_the_terminal_and_exits_129() {
    signal_case("sighup", "HUP", 129);
}

#[test]
fn sigint_from_kill_restores_the_terminal_and_exits_130() {
    // In raw mode Ctrl-C is a key; SIGINT only comes from outside.
    signal_case("sigint", "INT", 130);
}

#[test]
fn mouse_reports_are_clicks_drags_and_wheel_only_and_are_switched_off_on_quit() {
    let mut reader = Reader::start("mouse", &[SAMPLE], &[], 80, 24);
    reader.first_frame();
    let raw = reader.term.raw();
    // Button-event tracking (1002) reports motion only while a button is down: selecting.
    for mode in ["1000", "1002", "1006"] {
        let on = format!("\x1b[?{mode}h");
        assert!(find(raw, on.as_bytes(), 0).is_some(), "?{mode}h not sent");
    }
    for mode in ["1003", "1005", "1015"] {
        let on = format!("\x1b[?{mode}h");
        assert_eq!(find(raw, on.as_bytes(), 0), None, "?{mode}h sent");
    }
    reader.term.send_keys("q").expect("q sent");
    let (status, tty) = reader.report();
    assert_eq!(status, Some(0));
    let raw = reader.term.raw();
    let last_on = rfind(raw, b"\x1b[?1000h").expect("mouse on");
    for mode in ["1006", "1002", "1000"] {
        let off = format!("\x1b[?{mode}l");
        assert!(
            find(raw, off.as_bytes(), last_on).is_some(),
            "?{mode}l not sent on quit"
        );
    }
    reader.assert_restored(tty.as_deref());
}

#[test]
fn a_wheel_notch_down_scrolls_and_one_up_scrolls_back() {
    let (cols, rows) = (80, 24);
    let mut reader = Reader::start("wheel", &[SAMPLE], &[], cols, rows);
    reader.first_frame();
    let top = headless(&scratch("wheel-shot"), SAMPLE, cols, rows, "");
    assert_eq!(reader.term.wait_for_screen(&top), Ok(()));
    // SGR reports: button 65 is the wheel down, 64 up, at column 10, row 5.
    reader
        .term
        .send_bytes(b"\x1b[<65;10;5M")
        .expect("wheel down");
    // A notch scrolls as many lines as three `j`.
    let scrolled = headless(&scratch("wheel-shot"), SAMPLE, cols, rows, "j j j");
    assert_ne!(scrolled, top);
    assert_eq!(reader.term.wait_for_screen(&scrolled), Ok(()));
    reader.term.send_bytes(b"\x1b[<64;10;5M").expect("wheel up");
    assert_eq!(reader.term.wait_for_screen(&top), Ok(()));
    reader.term.send_keys("q").expect("q sent");
    let (status, tty) = reader.report();
    assert_eq!(status, Some(0));
    reader.assert_restored(tty.as_deref());
}

/// `sahifa | head` typed at a terminal: standard input is the terminal and standard output a
/// pipe, so the built-in sample is printed (not read from the keyboard) and the shell goes on.
#[test]
fn the_reader_piped_at_a_terminal_prints_the_sample() {
    let script = r#""$SAHIFA" --no-state | head -n 2 | wc -l; echo "[status $?]""#;
    let mut term = Terminal::shell(script, &[], 80, 10).expect("starts");
    term.wait_until("the pipeline's end", QUIET, |screen| {
        screen.contents().contains("[status 0]")
    })
    .expect("the pipeline ends by itself");
    let rows = term.screen_rows();
    assert_eq!(
        rows[0].trim(),
        "2",
        "two lines of the sample went through head"
    );
}

/// `print` and `bidi` writing visual order to a terminal wrap it in explicit mode (`CSI 8 l` …
/// `CSI 8 h`), so VTE does not reorder the rows a second time; through a pipe they write the
/// text alone.
#[test]
fn print_and_bidi_at_a_terminal_write_in_explicit_mode_and_plain_to_a_pipe() {
    for command in ["print", "bidi"] {
        let mut term = Terminal::sahifa(&[command, SAMPLE], 80, 10).expect("starts");
        assert_eq!(term.wait_exit(), Ok(0), "{command}");
        let raw = term.raw();
        let explicit = find(raw, b"\x1b[8l", 0).expect("explicit mode sent");
        let text = find(raw, "مترو".as_bytes(), 0)
            .or_else(|| find(raw, "ﻭﺮﺘﻣ".as_bytes(), 0))
            .expect("the article's text written");
        let implicit = rfind(raw, b"\x1b[8h").expect("implicit mode restored");
        assert!(explicit < text && text < implicit, "{command}: {raw:?}");

        let script = format!(r#""$SAHIFA" {command} "$1" | cat; echo "[status $?]""#);
        let mut term = Terminal::shell(&script, &[SAMPLE], 80, 10).expect("starts");
        term.wait_until("the pipeline's end", QUIET, |screen| {
            screen.contents().contains("[status 0]")
        })
        .expect("the pipeline ends");
        assert_eq!(find(term.raw(), b"\x1b[8", 0), None, "{command} piped");
    }
}
