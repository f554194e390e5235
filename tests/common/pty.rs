//! A real pseudo-terminal for end-to-end tests.
//!
//! [`Terminal`] starts a program in a PTY of a given size, feeds everything it writes into a
//! `vt100` parser (which, like most terminals, does no bidi of its own — so the parsed screen is
//! exactly the cells the program wrote), sends keys, and waits until the screen is stable. It
//! answers the queries a program may block on (cursor position `ESC[6n`, primary device
//! attributes `ESC[c`) unless told to play a terminal that never answers, and every wait has a
//! deadline, so a test fails instead of hanging.
//! The raw byte stream is kept for checks of the modes a program sets and restores.

use super::keys::key_presses;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::ffi::OsStr;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

/// How long any wait may take before the test fails.
pub const TIMEOUT: Duration = Duration::from_secs(15);
/// The pause after each key press, so keys arrive as separate reads (a lone `Esc` must not merge
/// with the next key into an Alt combination).
const KEY_GAP: Duration = Duration::from_millis(40);
/// How often waits look at the screen.
const STEP: Duration = Duration::from_millis(20);

/// A program running in a pseudo-terminal, with the screen it has drawn so far.
pub struct Terminal {
    parser: vt100::Parser,
    raw: Vec<u8>,
    /// Where in `raw` the search for unanswered queries resumes.
    scanned: usize,
    output: Receiver<Vec<u8>>,
    /// The program's side of the PTY closed (it exited and its output is all read).
    closed: bool,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    cols: u16,
    rows: u16,
    /// Deadline for each wait.
    pub timeout: Duration,
    /// Whether queries are answered (true, like most terminals) or ignored (false, like a bare
    /// PTY or a serial line). Set it before the first wait: nothing is read before.
    pub answers_queries: bool,
    /// Whether DECRQM for BDSM (`CSI 8 $ p`) is answered "reset" (`CSI 8 ; 2 $ y`), as VTE
    /// does; otherwise it goes unanswered, as in Konsole, xterm and a bare PTY.
    pub answers_bdsm: bool,
}

impl Terminal {
    /// Starts `program` with `args` in a `cols`×`rows` terminal (TERM=xterm-256color), in the
    /// package directory.
    pub fn spawn<S: AsRef<OsStr>>(
        program: S,
        args: &[&str],
        cols: u16,
        rows: u16,
    ) -> Result<Self, String> {
        Self::spawn_with_env(program, args, &[], cols, rows)
    }

    /// [`Terminal::spawn`] with extra environment variables.
    pub fn spawn_with_env<S: AsRef<OsStr>>(
        program: S,
        args: &[&str],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
    ) -> Result<Self, String> {
        let (Some(parser_rows), Some(parser_cols)) = (NonZeroU16::new(rows), NonZeroU16::new(cols))
        else {
            return Err(format!("a {cols}x{rows} terminal has no cells"));
        };
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .map_err(|e| format!("openpty: {e}"))?;
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("LC_ALL", "C.UTF-8");
        for (key, value) in env {
            cmd.env(key, value);
        }
        let child = pair
            .slave
            .spawn_command(cmd)
            .map_err(|e| format!("spawn: {e}"))?;
        // Only the child may hold the slave side, so reading ends when the child exits.
        drop(pair.slave);
        let mut reader = pair
            .master
            .try_clone_reader()
            .map_err(|e| format!("PTY reader: {e}"))?;
        let writer = pair
            .master
            .take_writer()
            .map_err(|e| format!("PTY writer: {e}"))?;
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            // Linux reports EIO once the child side is closed: that, like EOF, ends the output.
            while let Ok(n @ 1..) = reader.read(&mut buf) {
                if tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Ok(Self {
            parser: vt100::Parser::new(parser_rows, parser_cols, 0),
            raw: Vec::new(),
            scanned: 0,
            output,
            closed: false,
            writer,
            child,
            master: pair.master,
            cols,
            rows,
            timeout: TIMEOUT,
            answers_queries: true,
            answers_bdsm: false,
        })
    }

    /// Starts the `sahifa` binary built for these tests.
    pub fn sahifa(args: &[&str], cols: u16, rows: u16) -> Result<Self, String> {
        Self::spawn(super::bin::sahifa(), args, cols, rows)
    }

    /// Starts `sh -c script` with positional parameters `params` (`$1`…) and the path of the
    /// `sahifa` binary in `$SAHIFA`.
    pub fn shell(script: &str, params: &[&str], cols: u16, rows: u16) -> Result<Self, String> {
        Self::shell_with_env(script, params, &[], cols, rows)
    }

    /// [`Terminal::shell`] with extra environment variables.
    pub fn shell_with_env(
        script: &str,
        params: &[&str],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
    ) -> Result<Self, String> {
        let mut args = vec!["-c", script, "sh"];
        args.extend_from_slice(params);
        let sahifa = super::bin::sahifa();
        let mut env = env.to_vec();
        env.push(("SAHIFA", &sahifa));
        Self::spawn_with_env("sh", &args, &env, cols, rows)
    }

    /// Starts `sahifa args…` under a shell that, once sahifa has exited, prints the terminal's
    /// line-discipline state (see [`Terminal::tty_after_exit`]).
    pub fn sahifa_then_tty_report(
        args: &[&str],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
    ) -> Result<Self, String> {
        Self::shell_with_env(
            concat!(
                r#""$SAHIFA" "$@"; "#,
                r#"printf '\r\n[tty %s]\r\n' "$(stty -a | tr ' ;' '\n\n' "#,
                r#"| grep -x -e icanon -e -icanon -e echo -e -echo | tr '\n' ' ')""#
            ),
            args,
            env,
            cols,
            rows,
        )
    }

    /// The line-discipline flags printed after sahifa exited under
    /// [`Terminal::sahifa_then_tty_report`], e.g. `"icanon echo"` (raw mode off) or
    /// `"-icanon -echo"` (left raw).
    pub fn tty_after_exit(&self) -> Option<String> {
        let start = rfind(&self.raw, b"[tty ")? + 5;
        let len = find(&self.raw, b"]", start)? - start;
        let flags = self.raw.get(start..start + len)?;
        Some(String::from_utf8_lossy(flags).trim().to_owned())
    }

    /// Changes the terminal's size, as a user resizing the window does: the kernel tells the
    /// foreground process group (SIGWINCH), and the screen keeps its cells where they fit.
    pub fn resize(&mut self, cols: u16, rows: u16) -> Result<(), String> {
        let (Some(parser_rows), Some(parser_cols)) = (NonZeroU16::new(rows), NonZeroU16::new(cols))
        else {
            return Err(format!("a {cols}x{rows} terminal has no cells"));
        };
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .map_err(|e| format!("resizing the PTY: {e}"))?;
        self.parser.set_size(parser_rows, parser_cols);
        self.cols = cols;
        self.rows = rows;
        Ok(())
    }

    /// Reads whatever the program writes for `duration` (answering queries); returns how many
    /// bytes came.
    pub fn collect_for(&mut self, duration: Duration) -> usize {
        let before = self.raw.len();
        self.pump_for(duration);
        self.raw.len() - before
    }

    /// Writes bytes to the program's input.
    pub fn send_bytes(&mut self, bytes: &[u8]) -> Result<(), String> {
        self.writer
            .write_all(bytes)
            .and_then(|()| self.writer.flush())
            .map_err(|e| format!("writing to the PTY: {e}"))
    }

    /// Sends key tokens as `sahifa shot --keys` takes them (`"] ] t Down Enter"`), one key
    /// press at a time, reading output in between.
    pub fn send_keys(&mut self, keys: &str) -> Result<(), String> {
        for press in key_presses(keys) {
            self.send_bytes(&press)?;
            self.pump_for(KEY_GAP);
        }
        Ok(())
    }

    /// Reads output for `duration`, answering queries. Returns whether anything arrived.
    fn pump_for(&mut self, duration: Duration) -> bool {
        let until = Instant::now() + duration;
        let mut got = false;
        while let Some(left) = until.checked_duration_since(Instant::now()) {
            match self.output.recv_timeout(left) {
                Ok(chunk) => {
                    self.take(&chunk);
                    got = true;
                }
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => {
                    self.closed = true;
                    break;
                }
            }
        }
        got
    }

    /// Feeds a chunk of output to the screen and answers any query it completes.
    ///
    /// A query is answered with the cursor as it stands after the whole chunk: a program that
    /// asks waits for the answer, so nothing it wrote after the query moves the cursor first.
    fn take(&mut self, chunk: &[u8]) {
        self.raw.extend_from_slice(chunk);
        self.parser.process(chunk);
        let mut replies: Vec<Vec<u8>> = Vec::new();
        let mut at = self.scanned;
        while let Some((pos, len, reply)) =
            next_query(&self.raw, at, self.parser.screen(), self.answers_bdsm)
        {
            replies.push(reply);
            at = pos + len;
        }
        // An escape sequence may be cut between chunks: look again at the last few bytes.
        self.scanned = at.max(self.raw.len().saturating_sub(4));
        if !self.answers_queries {
            return;
        }
        for reply in replies {
            // A program that stopped reading must not make the test fail here.
            let _ = self.send_bytes(&reply);
        }
    }

    /// Waits until the screen (text and attributes) has not changed for `quiet`, or the program
    /// has ended. Fails after the deadline. A program may keep writing bytes that change nothing
    /// (a redraw that only re-hides the cursor), so the screen is compared, not the byte flow.
    pub fn wait_stable(&mut self, quiet: Duration) -> Result<(), String> {
        let deadline = Instant::now() + self.timeout;
        let mut last = self.parser.screen().contents_formatted();
        let mut since = Instant::now();
        loop {
            self.pump_for(STEP);
            let now = self.parser.screen().contents_formatted();
            if now != last {
                last = now;
                since = Instant::now();
            } else if since.elapsed() >= quiet || self.closed {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(self.failure("the screen never became stable"));
            }
        }
    }

    /// Waits until the screen satisfies `ready`, then until it is stable for `quiet`.
    pub fn wait_until(
        &mut self,
        what: &str,
        quiet: Duration,
        ready: impl Fn(&vt100::Screen) -> bool,
    ) -> Result<(), String> {
        let deadline = Instant::now() + self.timeout;
        while !ready(self.parser.screen()) {
            if self.closed {
                return Err(self.failure(&format!("the program ended before {what}")));
            }
            if Instant::now() > deadline {
                return Err(self.failure(&format!("timed out waiting for {what}")));
            }
            self.pump_for(STEP);
        }
        self.wait_stable(quiet)
    }

    /// Waits until the screen reads exactly `expected` (in the form of
    /// [`Terminal::screen_text`]). Comparing against the expected screen, rather than waiting
    /// for quiet, cannot be fooled by a program that pauses mid-update on a loaded machine. On
    /// timeout the error names the first row that differs.
    pub fn wait_for_screen(&mut self, expected: &str) -> Result<(), String> {
        let deadline = Instant::now() + self.timeout;
        loop {
            let actual = self.screen_text();
            if actual == expected {
                return Ok(());
            }
            if Instant::now() > deadline {
                let row = actual
                    .lines()
                    .zip(expected.lines())
                    .position(|(a, e)| a != e)
                    .unwrap_or(0);
                let line = |text: &str| text.lines().nth(row).unwrap_or("").to_owned();
                return Err(format!(
                    "the screen never matched; first difference in row {row}:\n  expected: \
                     {:?}\n  actual:   {:?}\n{}",
                    line(expected),
                    line(&actual),
                    self.failure("the whole screen")
                ));
            }
            self.pump_for(STEP);
        }
    }

    /// Waits until the program has exited and all its output is read; returns its exit code.
    pub fn wait_exit(&mut self) -> Result<u32, String> {
        let deadline = Instant::now() + self.timeout;
        loop {
            self.pump_for(STEP);
            if self.closed
                && let Ok(Some(status)) = self.child.try_wait()
            {
                return Ok(status.exit_code());
            }
            if Instant::now() > deadline {
                return Err(self.failure("the program did not exit"));
            }
        }
    }

    /// The screen as rows of text, each exactly `cols` cells wide (a wide character's second
    /// cell skipped, combining marks kept with their base): the format of a `.txt` screenshot.
    pub fn screen_rows(&self) -> Vec<String> {
        let screen = self.parser.screen();
        (0..self.rows)
            .map(|row| {
                let mut line = String::new();
                for col in 0..self.cols {
                    match screen.cell(row, col) {
                        Some(cell) if cell.is_wide_continuation() => {}
                        Some(cell) if cell.has_contents() => line.push_str(cell.contents()),
                        _ => line.push(' '),
                    }
                }
                line
            })
            .collect()
    }

    /// The screen in the exact form of a `.txt` screenshot: every row followed by `\n`.
    pub fn screen_text(&self) -> String {
        self.screen_rows()
            .iter()
            .map(|r| format!("{r}\n"))
            .collect()
    }

    /// Everything the program has written so far, escape sequences included.
    pub fn raw(&self) -> &[u8] {
        &self.raw
    }

    /// The process id of the program started (for sending it signals).
    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }

    /// The parsed screen (cursor, modes, cell attributes).
    pub fn screen(&self) -> &vt100::Screen {
        self.parser.screen()
    }

    fn failure(&self, what: &str) -> String {
        format!("{what}; the screen:\n{}", self.screen_text())
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        if !matches!(self.child.try_wait(), Ok(Some(_))) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The first query in `raw` at or after `from`: its position, length and the answer.
fn next_query(
    raw: &[u8],
    from: usize,
    screen: &vt100::Screen,
    bdsm: bool,
) -> Option<(usize, usize, Vec<u8>)> {
    let (row, col) = screen.cursor_position();
    let bdsm_query: &[u8] = if bdsm { b"\x1b[8$p" } else { b"\x1b[never" };
    let queries: [(&[u8], Vec<u8>); 4] = [
        (
            b"\x1b[6n",
            format!("\x1b[{};{}R", row + 1, col + 1).into_bytes(),
        ),
        (b"\x1b[c", b"\x1b[?1;2c".to_vec()),
        (b"\x1b[0c", b"\x1b[?1;2c".to_vec()),
        (bdsm_query, b"\x1b[8;2$y".to_vec()),
    ];
    queries
        .into_iter()
        .filter_map(|(query, reply)| find(raw, query, from).map(|pos| (pos, query.len(), reply)))
        .min_by_key(|(pos, _, _)| *pos)
}

/// The position of `needle` in `haystack` at or after `from`.
pub fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// The position of the last `needle` in `haystack`.
pub fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}
