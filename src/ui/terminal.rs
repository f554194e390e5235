//! Terminal hygiene: the modes the reader switches on, and putting every one of them back.
//!
//! On start: — unless the terminal is asked to do the bidi itself (`--bidi terminal`) —
//! `CSI 8 l` (BDSM: explicit mode, so VTE-class terminals do not reorder what is already in
//! visual order) and `CSI 1 SP k` (SCP: left-to-right presentation), then raw mode, the
//! alternate screen (cleared), mouse reports for buttons and the wheel only, a hidden cursor.
//! Explicit mode comes first, and again before every full clear ([`ExplicitBackend`]), because
//! VTE keeps BDSM per paragraph: `CSI 8 l` reaches the row under the cursor and rows made after
//! it, never rows that already exist, so rows made by entering or clearing the alternate screen
//! in implicit mode would be reordered a second time. They are
//! undone (`CSI 8 h`, `CSI 0 SP k`, mouse reports off, cursor shown, main screen, raw mode off)
//! when the [`Session`] drops, in a panic (a hook that restores before the message is printed)
//! and after SIGTERM/SIGHUP/SIGINT (the event loop sees the signal, stops, and the reader exits
//! with 128 + its number). Restoring twice is harmless: a flag records whether the modes are on.
//!
//! Suspending (Ctrl-Z, or SIGTSTP from outside) follows the same rule: the terminal is restored
//! exactly as on quit before the process stops, and set up again when it is continued. SIGTSTP
//! is held back (blocked in every thread, see [`StopSignals`]) rather than handled, so the stop
//! itself can be SIGTSTP with its default action, as a shell expects of a job: the event loop
//! restores the terminal, lets the signal through in its own (the main) thread and sends it to
//! its process group, as Ctrl-Z in a shell does.
//!
//! Nothing here asks the terminal a question: a terminal that never answers (a bare PTY,
//! `script`, a serial line) must still get a reader.

use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use nix::sys::signal::{SigSet, Signal, killpg};
use nix::unistd::getpgrp;
use ratatui::backend::{Backend, ClearType as ClearRegion, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::time::{Duration, Instant};

/// BDSM explicit (the terminal must not reorder) and SCP left-to-right.
pub const BIDI_EXPLICIT: &str = "\x1b[8l\x1b[1 k";
/// BDSM explicit alone: what `print` and `bidi` write before their output on a terminal.
pub const BDSM_EXPLICIT: &str = "\x1b[8l";
/// BDSM implicit (the default): written after `print`'s and `bidi`'s output. The rows written
/// meanwhile stay explicit in VTE.
pub const BDSM_IMPLICIT: &str = "\x1b[8h";
/// BDSM implicit and SCP default: the terminal's usual behaviour.
pub const BIDI_RESTORE: &str = "\x1b[8h\x1b[0 k";
/// Mouse reports for button presses and releases, the wheel included (1000), motion while a
/// button is down (1002: selecting by dragging), in SGR encoding (1006), which crossterm parses
/// as mouse events. Not crossterm's `EnableMouseCapture`: that also turns on all-motion (1003)
/// tracking, which floods the reader with motion events it does not use, and urxvt encoding
/// (1015).
pub const MOUSE_ON: &str = "\x1b[?1000h\x1b[?1002h\x1b[?1006h";
/// Exactly the mouse modes [`MOUSE_ON`] set, switched off in reverse order.
pub const MOUSE_OFF: &str = "\x1b[?1006l\x1b[?1002l\x1b[?1000l";

/// The longest [`StopSignals::forget_continued`] waits for the SIGCONT to be recorded.
pub const CONTINUE_WAIT: Duration = Duration::from_millis(100);

static ACTIVE: AtomicBool = AtomicBool::new(false);
static EXPLICIT_BIDI: AtomicBool = AtomicBool::new(false);

/// The terminal in reader mode; dropping it restores the terminal.
pub struct Session {
    /// The number of the signal that asked the reader to stop; 0 while none has.
    signalled: Arc<AtomicI32>,
}

impl Session {
    /// Switches the terminal into reader mode. `explicit_bidi` sends `CSI 8 l`/`CSI 1 SP k`.
    pub fn start(explicit_bidi: bool) -> io::Result<Session> {
        let signalled = Arc::new(AtomicI32::new(0));
        watch_signals(Arc::clone(&signalled))?;
        install_panic_hook();
        EXPLICIT_BIDI.store(explicit_bidi, Ordering::SeqCst);
        enter()?;
        Ok(Session { signalled })
    }

    /// Gives the terminal back as on quit and stops the process with SIGTSTP (its default
    /// action), as a shell's job is stopped; returns once the process is continued (`fg`), with
    /// the terminal in reader mode again and the alternate screen cleared: the caller redraws
    /// everything, at the size the terminal has now. Call it from the main thread: the
    /// process's leader is the thread the system hands its own SIGTSTP to.
    pub fn suspend(&self) -> io::Result<()> {
        restore();
        stop_with_sigtstp()?;
        enter()
    }

    /// Sets the reader's modes again after the process was stopped by something else (SIGSTOP)
    /// and continued: the shell may have put its own line discipline back meanwhile. The
    /// alternate screen is cleared; the caller redraws everything.
    pub fn reclaim(&self) -> io::Result<()> {
        restore();
        enter()
    }

    /// The signal (SIGTERM, SIGHUP or SIGINT) that arrived, if one did: the event loop should
    /// stop, drop the session and exit with status 128 + the signal's number.
    pub fn signalled(&self) -> Option<i32> {
        match self.signalled.load(Ordering::SeqCst) {
            0 => None,
            signal => Some(signal),
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

/// Switches the terminal into reader mode (see the module documentation); on an error, puts
/// back whatever was already switched.
fn enter() -> io::Result<()> {
    ACTIVE.store(true, Ordering::SeqCst);
    let started = enable_raw_mode().and_then(|()| {
        let mut out = io::stdout();
        // Explicit mode before the alternate screen's rows exist (see the module documentation).
        if EXPLICIT_BIDI.load(Ordering::SeqCst) {
            out.write_all(BIDI_EXPLICIT.as_bytes())?;
        }
        // The alternate screen is cleared here rather than by ratatui's `Terminal::clear`,
        // which asks the terminal where the cursor is and fails when no answer comes.
        execute!(
            out,
            EnterAlternateScreen,
            Clear(ClearType::All),
            cursor::Hide
        )?;
        out.write_all(MOUSE_ON.as_bytes())?;
        out.flush()
    });
    if started.is_err() {
        restore();
    }
    started
}

/// Writes `body`'s output between `CSI 8 l` and `CSI 8 h` when `explicit` (output in visual
/// order going to a terminal), else as it is. `CSI 8 h` is written even when `body` fails, and
/// `body`'s error is the one returned.
pub fn write_explicit<W: Write>(
    out: &mut W,
    explicit: bool,
    body: impl FnOnce(&mut W) -> io::Result<()>,
) -> io::Result<()> {
    if !explicit {
        return body(out);
    }
    out.write_all(BDSM_EXPLICIT.as_bytes())?;
    let written = body(out);
    let restored = out.write_all(BDSM_IMPLICIT.as_bytes());
    written.and(restored)
}

/// The reader's ratatui backend: crossterm's, with `CSI 8 l` written before every full clear
/// while the reader is in explicit mode (ratatui clears the screen when the window is resized,
/// and a clear makes new rows, which VTE would otherwise make in implicit mode).
pub struct ExplicitBackend<B>(pub B);

impl<B: Backend + Write> Backend for ExplicitBackend<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.0.draw(content)
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.0.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.0.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.0.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.explicit_before_clear();
        self.0.clear()
    }

    fn clear_region(&mut self, clear_type: ClearRegion) -> Result<(), Self::Error> {
        if clear_type == ClearRegion::All {
            self.explicit_before_clear();
        }
        self.0.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.0.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.0.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        Backend::flush(&mut self.0)
    }
}

impl<B: Write> ExplicitBackend<B> {
    fn explicit_before_clear(&mut self) {
        if EXPLICIT_BIDI.load(Ordering::SeqCst) && ACTIVE.load(Ordering::SeqCst) {
            // A failed write shows in the clear that follows.
            let _ = self.0.write_all(BIDI_EXPLICIT.as_bytes());
        }
    }
}

/// Puts the terminal back as it was, if the reader had changed it. Errors are ignored: this
/// runs on the way out, where there is nobody left to tell.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout();
    if EXPLICIT_BIDI.load(Ordering::SeqCst) {
        let _ = out.write_all(BIDI_RESTORE.as_bytes());
    }
    let _ = out.write_all(MOUSE_OFF.as_bytes());
    let _ = execute!(out, cursor::Show, LeaveAlternateScreen);
    let _ = out.flush();
    let _ = disable_raw_mode();
}

/// Records SIGTERM, SIGHUP or SIGINT in `signalled` so the event loop can stop and save the
/// position (SIGINT only comes from `kill`: raw mode makes Ctrl-C a key). When
/// the terminal has gone away (SIGHUP from a closed window), crossterm's reader can spin on end of
/// input without ever returning to the loop, so if the process is still alive shortly after the
/// signal, the terminal is restored here and the process exits.
fn watch_signals(signalled: Arc<AtomicI32>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                signalled.store(signal, Ordering::SeqCst);
                std::thread::sleep(Duration::from_millis(500));
                restore();
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
}

/// SIGTSTP (a stop asked from outside: `kill -TSTP`, or Ctrl-Z before raw mode is on) and
/// SIGCONT, recorded for the event loop.
///
/// SIGTSTP is blocked, not handled: a handler would replace the default action that
/// [`Session::suspend`] needs, and a thread that let it through would be stopped with the
/// terminal still in reader mode. A thread of its own takes it with `sigwait`.
pub struct StopSignals {
    stop: Arc<AtomicBool>,
    continued: Arc<AtomicBool>,
}

impl StopSignals {
    /// Blocks SIGTSTP in the calling thread and every thread it starts afterwards, and starts
    /// waiting for it. Call it before any other thread is started.
    pub fn install() -> io::Result<StopSignals> {
        let tstp = SigSet::from(Signal::SIGTSTP);
        tstp.thread_block().map_err(io::Error::from)?;
        let stop = Arc::new(AtomicBool::new(false));
        let continued = Arc::new(AtomicBool::new(false));
        signal_hook::flag::register(signal_hook::consts::SIGCONT, Arc::clone(&continued))?;
        let flag = Arc::clone(&stop);
        std::thread::Builder::new()
            .name("sigtstp".into())
            .spawn(move || {
                while let Ok(signal) = tstp.wait() {
                    if signal == Signal::SIGTSTP {
                        flag.store(true, Ordering::SeqCst);
                    }
                }
            })?;
        Ok(StopSignals { stop, continued })
    }

    /// Whether a SIGTSTP arrived since the last call: the reader should suspend.
    pub fn take_stop(&self) -> bool {
        self.stop.swap(false, Ordering::SeqCst)
    }

    /// Whether the process was continued (SIGCONT) since the last call: the terminal may have
    /// been changed meanwhile, so the reader sets it up and redraws.
    pub fn take_continued(&self) -> bool {
        self.continued.swap(false, Ordering::SeqCst)
    }

    /// Forgets the SIGCONT that ended a stop the reader made itself ([`Session::suspend`]),
    /// which is already dealt with. It is taken by some other thread while the main thread is
    /// stopped, so it may be recorded a moment after the main thread runs again: wait for it,
    /// for at most [`CONTINUE_WAIT`] (the whole wait only when the stop never happened, in an
    /// orphaned process group).
    pub fn forget_continued(&self) {
        let deadline = Instant::now() + CONTINUE_WAIT;
        while !self.take_continued() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(1));
        }
    }
}

/// Stops the process with SIGTSTP's default action; returns when it is continued.
///
/// The signal goes to the whole process group, as Ctrl-Z in a shell sends it, so that a script
/// that started the reader stops with it and the shell sees the whole job stopped. It is let
/// through in this thread only, which Linux picks to take a signal it sends to its own process
/// while the thread does not block it (the main thread, as the process's leader, is looked at
/// first); blocked again afterwards. In an orphaned process group (no shell to continue it)
/// the system discards the signal and this returns at once.
fn stop_with_sigtstp() -> io::Result<()> {
    let tstp = SigSet::from(Signal::SIGTSTP);
    tstp.thread_unblock().map_err(io::Error::from)?;
    let sent = killpg(getpgrp(), Signal::SIGTSTP).map_err(io::Error::from);
    tstp.thread_block().map_err(io::Error::from)?;
    sent
}

fn install_panic_hook() {
    static INSTALLED: AtomicBool = AtomicBool::new(false);
    if INSTALLED.swap(true, Ordering::SeqCst) {
        return;
    }
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}
