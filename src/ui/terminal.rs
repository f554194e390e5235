//! Terminal hygiene: the modes the reader switches on, and putting every one of them back.
//!
//! On start: raw mode, the alternate screen, mouse capture, a hidden cursor, and — unless the
//! terminal is asked to do the bidi itself (`--bidi terminal`) — `CSI 8 l` (BDSM: explicit mode,
//! so VTE-class terminals do not reorder what is already in visual order) and `CSI 1 SP k`
//! (SCP: left-to-right presentation). They are undone (`CSI 8 h`, `CSI 0 SP k`, cursor shown,
//! main screen, raw mode off) when the [`Session`] drops, in a panic (a hook that restores
//! before the message is printed) and after SIGTERM/SIGHUP (flags the event loop checks).
//! Restoring twice is harmless: a flag records whether the modes are on.

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// BDSM explicit (the terminal must not reorder) and SCP left-to-right.
pub const BIDI_EXPLICIT: &str = "\x1b[8l\x1b[1 k";
/// BDSM implicit and SCP default: the terminal's usual behaviour.
pub const BIDI_RESTORE: &str = "\x1b[8h\x1b[0 k";

static ACTIVE: AtomicBool = AtomicBool::new(false);
static EXPLICIT_BIDI: AtomicBool = AtomicBool::new(false);

/// The terminal in reader mode; dropping it restores the terminal.
pub struct Session {
    signalled: Arc<AtomicBool>,
}

impl Session {
    /// Switches the terminal into reader mode. `explicit_bidi` sends `CSI 8 l`/`CSI 1 SP k`.
    pub fn start(explicit_bidi: bool) -> io::Result<Session> {
        let signalled = Arc::new(AtomicBool::new(false));
        watch_signals(Arc::clone(&signalled))?;
        install_panic_hook();
        EXPLICIT_BIDI.store(explicit_bidi, Ordering::SeqCst);
        ACTIVE.store(true, Ordering::SeqCst);
        let started = enable_raw_mode().and_then(|()| {
            let mut out = io::stdout();
            execute!(out, EnterAlternateScreen, EnableMouseCapture, cursor::Hide)?;
            if explicit_bidi {
                out.write_all(BIDI_EXPLICIT.as_bytes())?;
            }
            out.flush()
        });
        if let Err(e) = started {
            restore();
            return Err(e);
        }
        Ok(Session { signalled })
    }

    /// True once SIGTERM or SIGHUP arrived: the event loop should stop and drop the session.
    pub fn signalled(&self) -> bool {
        self.signalled.load(Ordering::SeqCst)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
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
    let _ = execute!(out, DisableMouseCapture, cursor::Show, LeaveAlternateScreen);
    let _ = out.flush();
    let _ = disable_raw_mode();
}

/// Sets `signalled` on SIGTERM or SIGHUP so the event loop can stop and save the position. When
/// the terminal has gone away (SIGHUP from a closed window), crossterm's reader can spin on end of
/// input without ever returning to the loop, so if the process is still alive shortly after the
/// signal, the terminal is restored here and the process exits.
fn watch_signals(signalled: Arc<AtomicBool>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                signalled.store(true, Ordering::SeqCst);
                std::thread::sleep(std::time::Duration::from_millis(500));
                restore();
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
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
