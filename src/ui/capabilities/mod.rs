//! What the terminal can do, asked once at start with one query and one deadline, and handed
//! to the reader (and to `print`, `bidi` and `doctor`) as a typed [`Capabilities`].
//!
//! The question, written only when standard input and output are both terminals (never to a
//! pipe or a file) and never in Terminal.app (which prints a stray character for it):
//! - DECRQM for BDSM, `CSI 8 $ p` (an ANSI mode; `CSI ? 8 $ p` would ask about auto-repeat),
//!   when the bidi mode is left to `auto`;
//! - the image-protocol question of [`graphics`] when the article has pictures and the
//!   environment says the terminal may draw them;
//! - then DA1 (`CSI c`, which every terminal answers, in order) as a fence: the answer is read
//!   until the fence's reply (or the status report that ends the image question), for at most
//!   [`BIDI_WAIT`] ([`graphics::WAIT`] with the image question), one byte at a time, so no key
//!   typed meanwhile is taken and no reply arrives after the reader has started.
//!
//! The bidi mode ([`decide`]): mode 8 reported set or reset → the terminal implements BDSM:
//! sahifa reorders and sends `CSI 8 l` ([`BidiMode::Explicit`]). Not recognised, or no
//! answer → the environment: Konsole (`KONSOLE_VERSION`), mlterm (`MLTERM`, `TERM=mlterm*`) and
//! Terminal.app (`TERM_PROGRAM=Apple_Terminal`) reorder every line themselves → logical order
//! ([`BidiMode::Logical`], what `--bidi terminal` asks for); anything else does no bidi →
//! sahifa reorders ([`BidiMode::Visual`]; `CSI 8 l` is still sent, harmless where unknown and
//! right for a VTE whose answer came late). `--bidi app|terminal` (or the config's `bidi`)
//! decides without asking.
//!
//! In logical order the page is arranged for the terminal's own reordering
//! ([`ReorderingTerminal`], from the environment whatever decided the mode): Konsole reads a
//! row left to right and reverses right-to-left runs in place without mirroring, and gets its
//! own arrangement; mlterm, Terminal.app and `--bidi terminal` anywhere else get the one for
//! the Unicode bidi algorithm reading a row as a paragraph (mlterm's way), which is also what a
//! bidi-aware editor makes of `print --logical`.

pub mod graphics;
pub mod hyperlinks;

use crate::args::BidiArg;
use crate::page::ReorderingTerminal;
use graphics::Reply;
use ratatui_image::picker::Picker;
use std::io::IsTerminal;
use std::time::Duration;

/// The longest wait for the answer when only the bidi mode is asked.
pub const BIDI_WAIT: Duration = Duration::from_millis(200);
/// DECRQM for BDSM.
pub const DECRQM_BDSM: &str = "\x1b[8$p";
/// DA1: the fence after the questions.
pub const DA1: &str = "\x1b[c";

/// Who puts right-to-left text in visual order on this terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BidiMode {
    /// The terminal implements BDSM: sahifa reorders, the terminal is told not to (`CSI 8 l`).
    Explicit,
    /// The terminal does no bidi (as far as anyone can tell): sahifa reorders.
    Visual,
    /// The terminal reorders every line itself: sahifa writes logical order.
    Logical,
}

impl BidiMode {
    /// Whether sahifa reorders lines into visual order itself.
    pub fn reorders(self) -> bool {
        self != BidiMode::Logical
    }
}

/// The environment variables the choice reads (a copy, so tests can make any terminal).
#[derive(Debug, Clone, Default)]
pub struct Env {
    pub term: String,
    pub term_program: String,
    pub konsole: bool,
    pub mlterm: bool,
}

impl Env {
    /// The process's environment.
    pub fn current() -> Env {
        let var = |name: &str| std::env::var(name).unwrap_or_default();
        let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
        Env {
            term: var("TERM"),
            term_program: var("TERM_PROGRAM"),
            konsole: set("KONSOLE_VERSION"),
            mlterm: set("MLTERM"),
        }
    }

    /// How the terminal named by the environment reorders rows, for logical order.
    pub fn reordering(&self) -> ReorderingTerminal {
        if self.konsole {
            ReorderingTerminal::Konsole
        } else if self.mlterm || self.term.starts_with("mlterm") {
            ReorderingTerminal::Mlterm
        } else {
            ReorderingTerminal::Generic
        }
    }

    fn apple_terminal(&self) -> bool {
        self.term_program == "Apple_Terminal"
    }

    /// The terminal that reorders lines by itself, if the environment names one.
    fn reordering_terminal(&self) -> Option<&'static str> {
        if self.konsole {
            Some("Konsole (KONSOLE_VERSION is set)")
        } else if self.mlterm || self.term.starts_with("mlterm") {
            Some("mlterm (MLTERM or TERM=mlterm)")
        } else if self.apple_terminal() {
            Some("Terminal.app (TERM_PROGRAM=Apple_Terminal)")
        } else {
            None
        }
    }
}

/// The bidi mode for a `--bidi` choice, the terminal's answer to DECRQM for mode 8 (`None`: no
/// answer, or not asked) and the environment; with the reason, in a few words.
pub fn decide(choice: BidiArg, bdsm: Option<u8>, env: &Env) -> (BidiMode, String) {
    match choice {
        BidiArg::App => (BidiMode::Visual, "--bidi app".to_owned()),
        BidiArg::Terminal => (BidiMode::Logical, "--bidi terminal".to_owned()),
        BidiArg::Auto => match (bdsm, env.reordering_terminal()) {
            (Some(ps @ 1..=4), _) => (
                BidiMode::Explicit,
                format!("the terminal reports BDSM (DECRQM mode 8: {ps})"),
            ),
            (_, Some(terminal)) => (
                BidiMode::Logical,
                format!("{terminal} reorders every line itself"),
            ),
            (Some(_), None) => (
                BidiMode::Visual,
                "the terminal does not know BDSM (DECRQM mode 8: 0)".to_owned(),
            ),
            (None, None) => (
                BidiMode::Visual,
                "no answer about BDSM and no reordering terminal in the environment".to_owned(),
            ),
        },
    }
}

/// What the terminal was found to do.
#[derive(Debug, Clone)]
pub struct Capabilities {
    pub bidi: BidiMode,
    /// Why that bidi mode, in a few words (for `doctor` and the status line).
    pub reason: String,
    /// How the terminal reorders rows, when sahifa writes logical order.
    pub reordering: ReorderingTerminal,
    /// The terminal's raw answer (empty when it was not asked or said nothing).
    pub answer: Vec<u8>,
    /// The image picker, when pictures were asked about.
    pub picker: Option<Picker>,
}

/// Whether the terminal may be asked anything: both standard streams are terminals, and it is
/// not Terminal.app.
pub fn may_ask(env: &Env) -> bool {
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal() && !env.apple_terminal()
}

/// Asks the terminal (see the module documentation) and decides. `images`: the article has
/// pictures to show. Raw mode is switched on for the question (and off again if it was off).
pub fn probe(choice: BidiArg, images: bool, env: &Env) -> Capabilities {
    let ask_bidi = choice == BidiArg::Auto;
    let ask_images = images && graphics::may_show_graphics();
    let mut answer = Vec::new();
    if may_ask(env) && (ask_bidi || ask_images) {
        let mut query = String::new();
        if ask_bidi {
            query.push_str(DECRQM_BDSM);
        }
        let (wait, done): (Duration, fn(&Reply) -> bool) = if ask_images {
            query.push_str(graphics::QUERY);
            (graphics::WAIT, |r| r.complete)
        } else {
            query.push_str(DA1);
            (BIDI_WAIT, |r| r.attributes)
        };
        let raw = crossterm::terminal::is_raw_mode_enabled().unwrap_or(false);
        if raw || crossterm::terminal::enable_raw_mode().is_ok() {
            answer = graphics::ask(&query, wait, done).unwrap_or_default();
            if !raw {
                let _ = crossterm::terminal::disable_raw_mode();
            }
        }
    }
    let reply = Reply::parse(&answer);
    let (bidi, reason) = decide(choice, reply.bdsm, env);
    let picker = images.then(|| graphics::picker(ask_images.then_some(&reply)));
    Capabilities {
        bidi,
        reason,
        reordering: env.reordering(),
        answer,
        picker,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(term: &str, program: &str, konsole: bool, mlterm: bool) -> Env {
        Env {
            term: term.to_owned(),
            term_program: program.to_owned(),
            konsole,
            mlterm,
        }
    }

    #[test]
    fn bdsm_reported_set_or_reset_is_explicit_whatever_the_environment() {
        for ps in 1..=4 {
            let (mode, _) = decide(BidiArg::Auto, Some(ps), &env("xterm", "", true, false));
            assert_eq!(mode, BidiMode::Explicit, "Ps {ps}");
        }
    }

    #[test]
    fn no_bdsm_means_the_environment_decides() {
        let logical = [
            env("xterm-256color", "", true, false),
            env("mlterm", "", false, false),
            env("xterm", "", false, true),
            env("xterm-256color", "Apple_Terminal", false, false),
        ];
        for (i, e) in logical.iter().enumerate() {
            assert_eq!(decide(BidiArg::Auto, None, e).0, BidiMode::Logical, "{i}");
            assert_eq!(
                decide(BidiArg::Auto, Some(0), e).0,
                BidiMode::Logical,
                "{i}"
            );
        }
        for e in [
            env("xterm-256color", "", false, false),
            env("foot", "", false, false),
        ] {
            assert_eq!(decide(BidiArg::Auto, None, &e).0, BidiMode::Visual);
            assert_eq!(decide(BidiArg::Auto, Some(0), &e).0, BidiMode::Visual);
        }
    }

    #[test]
    fn the_environment_names_the_row_order_for_logical_mode() {
        let order = |e: Env| e.reordering();
        assert_eq!(
            order(env("xterm-256color", "", true, false)),
            ReorderingTerminal::Konsole
        );
        assert_eq!(
            order(env("mlterm", "", false, false)),
            ReorderingTerminal::Mlterm
        );
        assert_eq!(
            order(env("xterm", "", false, true)),
            ReorderingTerminal::Mlterm
        );
        let apple = env("xterm-256color", "Apple_Terminal", false, false);
        assert_eq!(order(apple), ReorderingTerminal::Generic);
        assert_eq!(
            order(env("xterm", "", false, false)),
            ReorderingTerminal::Generic
        );
    }

    #[test]
    fn a_choice_on_the_command_line_wins() {
        let konsole = env("xterm", "", true, false);
        assert_eq!(decide(BidiArg::App, None, &konsole).0, BidiMode::Visual);
        assert_eq!(
            decide(BidiArg::Terminal, Some(2), &konsole).0,
            BidiMode::Logical
        );
    }

    #[test]
    fn decrqm_and_da1_answers_are_read() {
        let reply = Reply::parse(b"\x1b[8;2$y\x1b[?65;1;9c");
        assert_eq!(reply.bdsm, Some(2));
        assert!(reply.attributes);
        // DECRQM about another mode, or DECARM's private form, is not BDSM.
        assert_eq!(Reply::parse(b"\x1b[?8;1$y\x1b[?1c").bdsm, None);
        assert_eq!(Reply::parse(b"\x1b[12;2$y").bdsm, None);
        assert!(!Reply::parse(b"\x1b[8;0$y").attributes);
    }
}
