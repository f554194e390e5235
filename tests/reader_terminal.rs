//! The reader against terminals a user may really have: one that never answers a query (a bare
//! PTY, `script`, a serial line), signals from outside (SIGTERM, SIGHUP), and the mouse modes it
//! asks for and gives back. Each case runs the real binary in a pseudo-terminal under a shell
//! that reports, once the reader has gone, its exit status and the line discipline.

mod common;

use common::modes::check_modes;
use common::pty::{Terminal, find, rfind};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const SAMPLE: &str = "assets/samples/tehran-metro-fa.txt";
const WITH_IMAGE: &str = "assets/samples/khartoum-water-ar.md";
const QUIET: Duration = Duration::from_millis(400);

/// A fresh directory for one case, so no config file or remembered position leaks in.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sahifa-term-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// `sahifa shot ARTICLE -o OUT.txt --size COLSxROWS --keys KEYS`, read back.
fn headless(dir: &Path, article: &str, cols: u16, rows: u16, keys: &str) -> String {
    let out = dir.join("shot.txt");
    let result = Command::new(common::bin::sahifa())
        .args(["shot", article, "-o"])
        .arg(&out)
        .args(["--size", &format!("{cols}x{rows}"), "--keys", keys])
        .env("XDG_CONFIG_HOME", dir)
        .env("XDG_STATE_HOME", dir)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("sahifa shot runs");
    assert!(
        result.status.success(),
        "sahifa shot failed: {}",
        String::from_utf8_lossy(&result.stderr)
    );
    std::fs::read_to_string(&out).expect("shot written")
}

/// The reader under a shell: the inner `sh` writes its process id to `$PIDFILE` and becomes
/// sahifa (so signals reach the reader itself); the outer one then prints sahifa's exit status
/// and the line-discipline flags.
const REPORTING: &str = concat!(
    r#"sh -c 'echo $$ >"$0"; exec "$SAHIFA" "$@"' "$PIDFILE" "$@"; s=$?; "#,
    r#"printf '\r\n[status %s]\r\n' "$s"; "#,
    r#"printf '[tty %s]\r\n' "$(stty -a | tr ' ;' '\n\n' "#,
    r#"| grep -x -e icanon -e -icanon -e echo -e -echo | tr '\n' ' ')""#
);

struct Reader {
    term: Terminal,
    pidfile: PathBuf,
}

impl Reader {
    /// Starts `sahifa args…` in a `cols`×`rows` terminal with `env` added.
    fn start(name: &str, args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Self {
        Self::start_with(name, args, env, cols, rows, true)
    }

    /// [`Reader::start`] in a terminal that answers queries or not.
    fn start_with(
        name: &str,
        args: &[&str],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
        answers: bool,
    ) -> Self {
        let dir = scratch(name);
        let pidfile = dir.join("pid");
        let _ = std::fs::remove_file(&pidfile);
        let dir_str = dir.to_str().expect("UTF-8 temp path");
        let pid_str = pidfile.to_str().expect("UTF-8 temp path");
        let mut all = vec![
            ("XDG_CONFIG_HOME", dir_str),
            ("XDG_STATE_HOME", dir_str),
            ("PIDFILE", pid_str),
            // Nothing from the terminal the tests run in.
            ("TERM_PROGRAM", ""),
            ("WEZTERM_EXECUTABLE", ""),
            ("KONSOLE_VERSION", ""),
            ("TMUX", ""),
        ];
        all.extend_from_slice(env);
        let mut term =
            Terminal::shell_with_env(REPORTING, args, &all, cols, rows).expect("terminal starts");
        term.answers_queries = answers;
        Reader { term, pidfile }
    }

    /// Waits for the first frame: something drawn on the alternate screen.
    fn first_frame(&mut self) {
        self.term
            .wait_until("the reader's first screen", QUIET, |s| {
                s.alternate_screen() && !s.contents().trim().is_empty()
            })
            .expect("the reader draws its first frame");
    }

    /// Sends `signal` (a `kill` name: TERM, HUP) to the reader.
    fn kill(&self, signal: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        let pid = loop {
            let text = std::fs::read_to_string(&self.pidfile).unwrap_or_default();
            if let Ok(pid) = text.trim().parse::<u32>() {
                break pid;
            }
            assert!(Instant::now() < deadline, "no pid written");
            std::thread::sleep(Duration::from_millis(20));
        };
        let status = Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(pid.to_string())
            .status()
            .expect("kill runs");
        assert!(status.success(), "kill -{signal} {pid}");
    }

    /// Waits for the shell's report; returns the reader's exit status and the line discipline.
    fn report(&mut self) -> (Option<u32>, Option<String>) {
        assert_eq!(self.term.wait_exit(), Ok(0), "the reporting shell ends");
        let raw = self.term.raw();
        let status = rfind(raw, b"[status ").and_then(|start| {
            let from = start + 8;
            let end = find(raw, b"]", from)?;
            String::from_utf8_lossy(raw.get(from..end)?).parse().ok()
        });
        (status, self.term.tty_after_exit())
    }

    /// Checks that the terminal is as the reader found it.
    fn assert_restored(&self, tty: Option<&str>) {
        assert_eq!(check_modes(self.term.raw()), Ok(()));
        assert_eq!(mouse_left_on(self.term.raw()), None);
        assert!(!self.term.screen().alternate_screen(), "alternate screen");
        assert!(!self.term.screen().hide_cursor(), "cursor hidden");
        assert_eq!(tty, Some("icanon echo"), "raw mode left on");
    }
}

/// The mouse modes still on at the end of `raw`: each one switched on (`ESC[?Nh`) must be
/// switched off (`ESC[?Nl`) after the last time it was switched on.
fn mouse_left_on(raw: &[u8]) -> Option<String> {
    let left: Vec<String> = ["1000", "1002", "1003", "1005", "1006", "1015"]
        .iter()
        .filter(|mode| {
            let on = format!("\x1b[?{mode}h");
            let off = format!("\x1b[?{mode}l");
            rfind(raw, on.as_bytes())
                .is_some_and(|at| find(raw, off.as_bytes(), at + on.len()).is_none())
        })
        .map(|mode| (*mode).to_owned())
        .collect();
    (!left.is_empty()).then(|| left.join(", "))
}

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
fn mouse_reports_are_clicks_and_wheel_only_and_are_switched_off_on_quit() {
    let mut reader = Reader::start("mouse", &[SAMPLE], &[], 80, 24);
    reader.first_frame();
    let raw = reader.term.raw();
    for mode in ["1000", "1006"] {
        let on = format!("\x1b[?{mode}h");
        assert!(find(raw, on.as_bytes(), 0).is_some(), "?{mode}h not sent");
    }
    for mode in ["1002", "1003", "1005", "1015"] {
        let on = format!("\x1b[?{mode}h");
        assert_eq!(find(raw, on.as_bytes(), 0), None, "?{mode}h sent");
    }
    reader.term.send_keys("q").expect("q sent");
    let (status, tty) = reader.report();
    assert_eq!(status, Some(0));
    let raw = reader.term.raw();
    let last_on = rfind(raw, b"\x1b[?1000h").expect("mouse on");
    for mode in ["1006", "1000"] {
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
