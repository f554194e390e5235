//! Suspending the reader (Ctrl-Z, SIGTSTP, SIGSTOP then SIGCONT) and a terminal that reports no
//! size, in a pseudo-terminal: the terminal is given back exactly as on quit while the reader is
//! stopped, the whole screen is drawn again when it is continued, and a terminal without a size
//! gets no frames and no busy loop.

mod common;

use common::pty::{Terminal, find};
use common::reader::{QUIET, Reader, headless, proc_state, scratch};
use std::time::{Duration, Instant};

const SAMPLE: &str = "assets/samples/tehran-metro-fa.txt";

/// Stops the reader (`stop` does it), checks that it is stopped with the terminal given back,
/// resizes the terminal while it is stopped, continues it with `fg`, and checks that the whole
/// screen is drawn again at the new size; then `q` quits cleanly.
fn suspend_case(name: &str, in_script: bool, stop: impl FnOnce(&mut Reader)) {
    let (cols, rows) = (80, 24);
    let mut reader = Reader::start_job(name, &[SAMPLE], in_script, cols, rows);
    reader.first_frame();
    let shots = scratch(&format!("{name}-shot"));
    let first = headless(&shots, SAMPLE, cols, rows, "]");
    reader.term.send_keys("]").expect("] sent");
    assert_eq!(reader.term.wait_for_screen(&first), Ok(()));
    let pid = if in_script {
        reader.child_pid()
    } else {
        reader.pid()
    };
    stop(&mut reader);
    reader
        .term
        .wait_until("the shell's report of the stop", QUIET, |s| {
            s.contents().contains("[stopped")
        })
        .expect("the reader stops");
    let raw = reader.term.raw();
    let report = find(raw, b"[stopped ", 0).and_then(|at| {
        let end = find(raw, b"]", at)?;
        Some(String::from_utf8_lossy(raw.get(at + 9..end)?).into_owned())
    });
    // 148 = 128 + SIGTSTP: stopped by SIGTSTP itself, as a shell's job is by Ctrl-Z.
    assert_eq!(
        report.as_deref(),
        Some("148 icanon echo "),
        "status and tty"
    );
    assert_eq!(proc_state(pid).map(|(state, _)| state), Some('T'));
    reader.assert_restored(Some("icanon echo"));
    // The window changes while the reader is stopped; it is not there to see SIGWINCH.
    let (cols, rows) = (70, 20);
    reader.term.resize(cols, rows).expect("resized");
    reader.term.send_bytes(b"\r").expect("Enter sent");
    let again = headless(&shots, SAMPLE, cols, rows, "]");
    assert_eq!(reader.term.wait_for_screen(&again), Ok(()));
    assert!(reader.term.screen().alternate_screen(), "alternate screen");
    assert_ne!(proc_state(pid).map(|(state, _)| state), Some('T'));
    reader.term.send_keys("q").expect("q sent");
    let (status, tty) = reader.report();
    assert_eq!(status, Some(0));
    reader.assert_restored(tty.as_deref());
    // The reader set the terminal up twice, at the start and once on `fg`: the continuation
    // it caused is not taken for a stop from outside as well.
    let raw = reader.term.raw();
    let alternate = raw.windows(8).filter(|w| w == b"\x1b[?1049h").count();
    assert_eq!(alternate, 2, "switches to the alternate screen");
}

#[test]
fn ctrl_z_gives_the_terminal_back_stops_and_fg_redraws_everything() {
    suspend_case("ctrl-z", false, |reader| {
        reader.term.send_bytes(b"\x1a").expect("Ctrl-Z sent");
    });
}

#[test]
fn ctrl_z_stops_the_script_that_runs_the_reader_too() {
    // The whole job stops, as with Ctrl-Z in a shell; otherwise the shell would wait for the
    // script forever and never give the terminal back.
    suspend_case("ctrl-z-script", true, |reader| {
        reader.term.send_bytes(b"\x1a").expect("Ctrl-Z sent");
    });
}

#[test]
fn sigtstp_from_outside_suspends_like_ctrl_z() {
    suspend_case("sigtstp", false, |reader| reader.kill("TSTP"));
}

#[test]
fn ctrl_z_is_in_the_help() {
    let help = headless(&scratch("help-shot"), SAMPLE, 100, 40, "?");
    assert!(
        help.lines()
            .any(|l| l.contains("C-z") && l.contains("suspend")),
        "{help}"
    );
}

/// A shell that makes the terminal report 0x0 before it starts the reader (`script` does that
/// when its own input is not a terminal), with `redirect` applied to the reader.
fn sizeless_script(redirect: &str) -> String {
    format!(
        concat!(
            r#"stty rows 0 cols 0; sh -c 'echo $$ >"$0"; exec "$SAHIFA" "$@" {}' "$PIDFILE" "$@"; "#,
            r#"s=$?; stty rows 24 cols 80; printf '\r\n[status %s]\r\n' "$s""#
        ),
        redirect
    )
}

#[test]
fn a_terminal_without_a_size_gets_no_frames_and_no_busy_loop() {
    let dir = scratch("sizeless");
    let pidfile = dir.join("pid");
    let _ = std::fs::remove_file(&pidfile);
    let env = [
        ("XDG_CONFIG_HOME", dir.to_str().expect("UTF-8 temp path")),
        ("XDG_STATE_HOME", dir.to_str().expect("UTF-8 temp path")),
        ("PIDFILE", pidfile.to_str().expect("UTF-8 temp path")),
    ];
    let script = sizeless_script("");
    let term = Terminal::shell_with_env(&script, &[SAMPLE], &env, 80, 24).expect("starts");
    let mut reader = Reader { term, pidfile };
    let pid = reader.pid();
    reader
        .term
        .wait_until("the alternate screen", QUIET, |s| s.alternate_screen())
        .expect("the reader starts");
    // Nothing to draw on: no frames at all, and the reader sleeps (clock ticks are 10 ms). The
    // background work of the start (entities, in a debug build, on a loaded machine) may still
    // be running in the first second, so the reader gets a few seconds to settle: a busy loop
    // never does.
    let mut ticks = Vec::new();
    let mut state = 'R';
    for _ in 0..6 {
        let (_, before) = proc_state(pid).expect("running");
        let written = reader.term.collect_for(Duration::from_secs(1));
        let (now, after) = proc_state(pid).expect("still running");
        assert_eq!(written, 0, "bytes written in a second");
        ticks.push(after - before);
        state = now;
        if after - before <= 5 {
            break;
        }
    }
    assert!(
        ticks.last().is_some_and(|&t| t <= 5),
        "ticks of CPU in each second: {ticks:?}"
    );
    assert_ne!(state, 'R');
    // A size arrives: the reader draws.
    reader.term.resize(60, 20).expect("resized");
    let expected = headless(&scratch("sizeless-shot"), SAMPLE, 60, 20, "");
    assert_eq!(reader.term.wait_for_screen(&expected), Ok(()));
    reader.term.send_keys("q").expect("q sent");
    assert_eq!(reader.term.wait_exit(), Ok(0));
    assert!(
        find(reader.term.raw(), b"[status 0]", 0).is_some(),
        "{}",
        reader.term.screen_text()
    );
}

#[test]
fn no_size_and_no_terminal_on_standard_input_is_an_error() {
    let dir = scratch("sizeless-stdin");
    let pidfile = dir.join("pid");
    let env = [
        ("XDG_CONFIG_HOME", dir.to_str().expect("UTF-8 temp path")),
        ("XDG_STATE_HOME", dir.to_str().expect("UTF-8 temp path")),
        ("PIDFILE", pidfile.to_str().expect("UTF-8 temp path")),
    ];
    let script = sizeless_script("</dev/null");
    let started = Instant::now();
    let mut term = Terminal::shell_with_env(&script, &[SAMPLE], &env, 80, 24).expect("starts");
    assert_eq!(term.wait_exit(), Ok(0));
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "{:?}",
        started.elapsed()
    );
    let raw = String::from_utf8_lossy(term.raw()).into_owned();
    assert!(raw.contains("[status 1]"), "{raw:?}");
    assert!(raw.contains("size of 0x0"), "{raw:?}");
    assert!(
        !term.screen().alternate_screen(),
        "alternate screen left on"
    );
}

#[test]
fn sigcont_after_sigstop_sets_the_terminal_up_again() {
    // SIGSTOP cannot be caught; a shell with job control puts its own line discipline back
    // meanwhile, so when the reader is continued it sets its modes again and redraws.
    let (cols, rows) = (80, 24);
    let mut reader = Reader::start("sigstop", &[SAMPLE], &[], cols, rows);
    reader.first_frame();
    let expected = headless(&scratch("sigstop-shot"), SAMPLE, cols, rows, "");
    assert_eq!(reader.term.wait_for_screen(&expected), Ok(()));
    let pid = reader.pid();
    let alternate = |raw: &[u8]| raw.windows(8).filter(|w| w == b"\x1b[?1049h").count();
    assert_eq!(alternate(reader.term.raw()), 1);
    reader.kill("STOP");
    let deadline = Instant::now() + Duration::from_secs(10);
    while proc_state(pid).map(|(state, _)| state) != Some('T') {
        assert!(Instant::now() < deadline, "not stopped");
        std::thread::sleep(Duration::from_millis(20));
    }
    reader.kill("CONT");
    let deadline = Instant::now() + Duration::from_secs(10);
    while alternate(reader.term.raw()) < 2 {
        assert!(
            Instant::now() < deadline,
            "the terminal was not set up again"
        );
        reader.term.collect_for(Duration::from_millis(50));
    }
    assert_eq!(reader.term.wait_for_screen(&expected), Ok(()));
    reader.term.send_keys("q").expect("q sent");
    let (status, tty) = reader.report();
    assert_eq!(status, Some(0));
    reader.assert_restored(tty.as_deref());
}
