//! The reader run as a user runs it: in a pseudo-terminal, under a shell that reports, once the
//! reader has gone (or stopped), its exit status and the line discipline; with what the checks
//! of a terminal given back need.

use super::modes::check_modes;
use super::pty::{Terminal, find, rfind};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// How long the screen must stay unchanged to count as drawn.
pub const QUIET: Duration = Duration::from_millis(400);

/// A fresh directory for one case, so no config file or remembered position leaks in.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sahifa-term-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// `sahifa shot ARTICLE -o OUT.txt --size COLSxROWS --keys KEYS`, read back.
pub fn headless(dir: &Path, article: &str, cols: u16, rows: u16, keys: &str) -> String {
    let out = dir.join("shot.txt");
    let result = Command::new(super::bin::sahifa())
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
pub const REPORTING: &str = concat!(
    r#"sh -c 'echo $$ >"$0"; exec "$SAHIFA" "$@"' "$PIDFILE" "$@"; s=$?; "#,
    r#"printf '\r\n[status %s]\r\n' "$s"; "#,
    r#"printf '[tty %s]\r\n' "$(stty -a | tr ' ;' '\n\n' "#,
    r#"| grep -x -e icanon -e -icanon -e echo -e -echo | tr '\n' ' ')""#
);

/// [`REPORTING`] under job control (`set -m`, as in an interactive shell): when the reader
/// stops, the shell takes the terminal back, reports the status (148 for SIGTSTP) and the line
/// discipline as `[stopped …]`, waits for a line, and continues the reader with `fg`. With
/// `$EXEC` empty the job is a script that runs the reader as its child, rather than becoming it.
pub const JOB_CONTROL: &str = concat!(
    r#"set -m; sh -c 'echo $$ >"$0"; $EXEC "$SAHIFA" "$@"; exit $?' "$PIDFILE" "$@"; s=$?; "#,
    r#"printf '\r\n[stopped %s %s]\r\n' "$s" "$(stty -a | tr ' ;' '\n\n' "#,
    r#"| grep -x -e icanon -e -icanon -e echo -e -echo | tr '\n' ' ')"; "#,
    r#"read -r _; fg >/dev/null; s=$?; "#,
    r#"printf '\r\n[status %s]\r\n' "$s"; "#,
    r#"printf '[tty %s]\r\n' "$(stty -a | tr ' ;' '\n\n' "#,
    r#"| grep -x -e icanon -e -icanon -e echo -e -echo | tr '\n' ' ')""#
);

pub struct Reader {
    pub term: Terminal,
    pub pidfile: PathBuf,
}

impl Reader {
    /// Starts `sahifa args…` in a `cols`×`rows` terminal with `env` added.
    pub fn start(name: &str, args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Self {
        Self::start_with(name, args, env, cols, rows, true)
    }

    /// [`Reader::start`] under a shell with job control ([`JOB_CONTROL`]), the reader run by
    /// a script (`in_script`) or started directly.
    pub fn start_job(name: &str, args: &[&str], in_script: bool, cols: u16, rows: u16) -> Self {
        let exec = if in_script { "" } else { "exec" };
        Self::start_in(name, args, &[("EXEC", exec)], cols, rows, true, true)
    }

    /// [`Reader::start`] in a terminal that answers queries or not.
    pub fn start_with(
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
    pub fn start_in(
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
            let sahifa = super::bin::sahifa();
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
    pub fn first_frame(&mut self) {
        self.term
            .wait_until("the reader's first screen", QUIET, |s| {
                s.alternate_screen() && !s.contents().trim().is_empty()
            })
            .expect("the reader draws its first frame");
    }

    /// Sends `signal` (a `kill` name: TERM, HUP) to the reader.
    pub fn kill(&self, signal: &str) {
        let pid = self.pid();
        let status = Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(pid.to_string())
            .status()
            .expect("kill runs");
        assert!(status.success(), "kill -{signal} {pid}");
    }

    /// The reader's process id, as the shell wrote it.
    pub fn pid(&self) -> u32 {
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
    pub fn child_pid(&self) -> u32 {
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
    pub fn report(&mut self) -> (Option<u32>, Option<String>) {
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
    pub fn assert_restored(&self, tty: Option<&str>) {
        assert_eq!(check_modes(self.term.raw()), Ok(()));
        assert_eq!(mouse_left_on(self.term.raw()), None);
        assert!(!self.term.screen().alternate_screen(), "alternate screen");
        assert!(!self.term.screen().hide_cursor(), "cursor hidden");
        assert_eq!(tty, Some("icanon echo"), "raw mode left on");
    }
}

/// The mouse modes still on at the end of `raw`: each one switched on (`ESC[?Nh`) must be
/// switched off (`ESC[?Nl`) after the last time it was switched on.
pub fn mouse_left_on(raw: &[u8]) -> Option<String> {
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

/// The state letter of process `pid` in /proc (`T` stopped, `S` sleeping, `R` running) and the
/// CPU time it has used, in clock ticks.
pub fn proc_state(pid: u32) -> Option<(char, u64)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name may hold spaces: the fields that follow start after its `)`.
    let rest = stat.get(stat.rfind(')')? + 1..)?;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let state = fields.first()?.chars().next()?;
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
    let ticks = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some((state, ticks))
}
