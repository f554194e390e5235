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

/// [`REPORTING`] under job control (`set -m`, as in an interactive shell): when the reader
/// stops, the shell takes the terminal back, reports the status (148 for SIGTSTP) and the line
/// discipline as `[stopped …]`, waits for a line, and continues the reader with `fg`. With
/// `$EXEC` empty the job is a script that runs the reader as its child, rather than becoming it.
const JOB_CONTROL: &str = concat!(
    r#"set -m; sh -c 'echo $$ >"$0"; $EXEC "$SAHIFA" "$@"; exit $?' "$PIDFILE" "$@"; s=$?; "#,
    r#"printf '\r\n[stopped %s %s]\r\n' "$s" "$(stty -a | tr ' ;' '\n\n' "#,
    r#"| grep -x -e icanon -e -icanon -e echo -e -echo | tr '\n' ' ')"; "#,
    r#"read -r _; fg >/dev/null; s=$?; "#,
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

    /// [`Reader::start`] under a shell with job control ([`JOB_CONTROL`]), the reader run by
    /// a script (`in_script`) or started directly.
    fn start_job(name: &str, args: &[&str], in_script: bool, cols: u16, rows: u16) -> Self {
        let exec = if in_script { "" } else { "exec" };
        Self::start_in(name, args, &[("EXEC", exec)], cols, rows, true, true)
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
        Self::start_in(name, args, env, cols, rows, answers, false)
    }

    /// The reader under [`REPORTING`] or, with `job_control`, [`JOB_CONTROL`].
    fn start_in(
        name: &str,
        args: &[&str],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
        answers: bool,
        job_control: bool,
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
        let mut term = if job_control {
            let sahifa = common::bin::sahifa();
            all.push(("SAHIFA", &sahifa));
            let mut shell_args = vec!["-c", JOB_CONTROL, "bash"];
            shell_args.extend_from_slice(args);
            Terminal::spawn_with_env("bash", &shell_args, &all, cols, rows)
        } else {
            Terminal::shell_with_env(REPORTING, args, &all, cols, rows)
        }
        .expect("terminal starts");
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
        let pid = self.pid();
        let status = Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(pid.to_string())
            .status()
            .expect("kill runs");
        assert!(status.success(), "kill -{signal} {pid}");
    }

    /// The reader's process id, as the shell wrote it.
    fn pid(&self) -> u32 {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let text = std::fs::read_to_string(&self.pidfile).unwrap_or_default();
            if let Ok(pid) = text.trim().parse::<u32>() {
                return pid;
            }
            assert!(Instant::now() < deadline, "no pid written");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The process id of the reader itself when a script runs it as its child.
    fn child_pid(&self) -> u32 {
        let script = self.pid();
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let path = format!("/proc/{script}/task/{script}/children");
            let children = std::fs::read_to_string(path).unwrap_or_default();
            if let Some(pid) = children.split_whitespace().find_map(|p| p.parse().ok()) {
                return pid;
            }
            assert!(Instant::now() < deadline, "the script started no reader");
            std::thread::sleep(Duration::from_millis(20));
        }
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

/// The state letter of process `pid` in /proc (`T` stopped, `S` sleeping, `R` running) and the
/// CPU time it has used, in clock ticks.
fn proc_state(pid: u32) -> Option<(char, u64)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name may hold spaces: the fields that follow start after its `)`.
    let rest = stat.get(stat.rfind(')')? + 1..)?;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let state = fields.first()?.chars().next()?;
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
    let ticks = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some((state, ticks))
}

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
    let (_, before) = proc_state(pid).expect("running");
    let written = reader.term.collect_for(Duration::from_secs(1));
    let (state, after) = proc_state(pid).expect("still running");
    // Nothing to draw on: no frames at all, and the reader sleeps (clock ticks are 10 ms).
    assert_eq!(written, 0, "bytes written in a second");
    assert!(
        after - before <= 5,
        "{} ticks of CPU in a second",
        after - before
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
