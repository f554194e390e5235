//! Whether links are written as OSC 8 hyperlinks (clickable, the URL hidden behind the text).
//!
//! No terminal can be asked whether it knows OSC 8, and one that does not may show the
//! sequence's URL as text, so the environment decides ([`decide`]), in this order:
//! 1. `--hyperlinks always|never`, else the config's `hyperlinks = true|false`;
//! 2. inside tmux or screen (`TMUX`, `STY`, `TERM=tmux*|screen*`): no, since what reaches the
//!    outer terminal depends on their settings (tmux 3.4 passes them with `terminal-features
//!    hyperlinks`: then say `--hyperlinks always`);
//! 3. terminals known to make them clickable: VTE 0.50 and later (`VTE_VERSION` ≥ 5000: GNOME
//!    Terminal, Tilix, xfce4-terminal…), kitty (`KITTY_WINDOW_ID`, `TERM=xterm-kitty`), WezTerm
//!    (`WEZTERM_EXECUTABLE`, `WEZTERM_PANE`), iTerm2, VS Code, ghostty, WezTerm by
//!    `TERM_PROGRAM`, foot, alacritty, ghostty by `TERM`, Konsole 22 and later
//!    (`KONSOLE_VERSION` ≥ 220000), Windows Terminal (`WT_SESSION`), JetBrains' terminal
//!    (`TERMINAL_EMULATOR=JetBrains-JediTerm`);
//! 4. anything else: no (xterm, the Linux console, mlterm, Terminal.app and unknown ones).
//!
//! `sahifa print` writes them only with styles, and (unless `always`) only to a terminal.

use crate::args::HyperlinkArg;

/// The environment variables the choice reads (a copy, so tests can make any terminal).
#[derive(Debug, Clone, Default)]
pub struct LinkEnv {
    pub term: String,
    pub term_program: String,
    pub vte_version: Option<u32>,
    pub konsole_version: Option<u32>,
    pub kitty: bool,
    pub wezterm: bool,
    pub windows_terminal: bool,
    pub jetbrains: bool,
    /// Inside tmux or screen.
    pub multiplexer: bool,
}

impl LinkEnv {
    /// The process's environment.
    pub fn current() -> LinkEnv {
        let var = |name: &str| std::env::var(name).unwrap_or_default();
        let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
        let number = |name: &str| var(name).trim().parse::<u32>().ok();
        let term = var("TERM");
        LinkEnv {
            multiplexer: set("TMUX")
                || set("STY")
                || term.starts_with("tmux")
                || term.starts_with("screen"),
            term,
            term_program: var("TERM_PROGRAM"),
            vte_version: number("VTE_VERSION"),
            konsole_version: number("KONSOLE_VERSION"),
            kitty: set("KITTY_WINDOW_ID"),
            wezterm: set("WEZTERM_EXECUTABLE") || set("WEZTERM_PANE"),
            windows_terminal: set("WT_SESSION"),
            jetbrains: var("TERMINAL_EMULATOR") == "JetBrains-JediTerm",
        }
    }

    /// The terminal known to make OSC 8 links clickable, if the environment names one.
    fn knows_osc8(&self) -> Option<String> {
        if let Some(v) = self.vte_version.filter(|v| *v >= 5000) {
            return Some(format!("VTE {v} (VTE_VERSION)"));
        }
        if let Some(v) = self.konsole_version.filter(|v| *v >= 220_000) {
            return Some(format!("Konsole {v} (KONSOLE_VERSION)"));
        }
        let by_flag = [
            (self.kitty, "kitty (KITTY_WINDOW_ID)"),
            (self.wezterm, "WezTerm (WEZTERM_*)"),
            (self.windows_terminal, "Windows Terminal (WT_SESSION)"),
            (self.jetbrains, "JetBrains terminal (TERMINAL_EMULATOR)"),
        ];
        if let Some((_, name)) = by_flag.iter().find(|(on, _)| *on) {
            return Some((*name).to_owned());
        }
        let program = ["iTerm.app", "WezTerm", "vscode", "ghostty"];
        if let Some(p) = program.iter().find(|p| self.term_program == **p) {
            return Some(format!("TERM_PROGRAM={p}"));
        }
        let term = ["foot", "xterm-kitty", "alacritty", "xterm-ghostty"];
        if let Some(t) = term.iter().find(|t| self.term.starts_with(**t)) {
            return Some(format!("TERM={t}"));
        }
        None
    }
}

/// Whether to write OSC 8 hyperlinks for the flag `choice` and the config's `config`, with the
/// reason in a few words (for `doctor`).
pub fn decide(choice: HyperlinkArg, config: Option<bool>, env: &LinkEnv) -> (bool, String) {
    match (choice, config) {
        (HyperlinkArg::Always, _) => (true, "--hyperlinks always".to_owned()),
        (HyperlinkArg::Never, _) => (false, "--hyperlinks never".to_owned()),
        (HyperlinkArg::Auto, Some(on)) => (on, format!("the config's hyperlinks = {on}")),
        (HyperlinkArg::Auto, None) if env.multiplexer => (
            false,
            "inside tmux or screen, which may not pass them on".to_owned(),
        ),
        (HyperlinkArg::Auto, None) => match env.knows_osc8() {
            Some(terminal) => (true, format!("{terminal} makes them clickable")),
            None => (
                false,
                "not a terminal known to make them clickable".to_owned(),
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(env: LinkEnv) -> bool {
        decide(HyperlinkArg::Auto, None, &env).0
    }

    #[test]
    fn terminals_known_to_click_get_links_and_others_do_not() {
        let vte = LinkEnv {
            vte_version: Some(7600),
            ..LinkEnv::default()
        };
        assert!(on(vte.clone()));
        assert!(!on(LinkEnv {
            vte_version: Some(4800),
            ..LinkEnv::default()
        }));
        assert!(on(LinkEnv {
            kitty: true,
            ..LinkEnv::default()
        }));
        assert!(on(LinkEnv {
            term_program: "iTerm.app".into(),
            ..LinkEnv::default()
        }));
        assert!(on(LinkEnv {
            term: "foot-extra".into(),
            ..LinkEnv::default()
        }));
        assert!(on(LinkEnv {
            konsole_version: Some(230_805),
            ..LinkEnv::default()
        }));
        assert!(!on(LinkEnv {
            konsole_version: Some(210_401),
            ..LinkEnv::default()
        }));
        assert!(!on(LinkEnv {
            term: "xterm-256color".into(),
            ..LinkEnv::default()
        }));
        assert!(!on(LinkEnv {
            term_program: "Apple_Terminal".into(),
            ..LinkEnv::default()
        }));
        // tmux in a VTE: its settings decide, not the outer terminal.
        assert!(!on(LinkEnv {
            multiplexer: true,
            ..vte
        }));
    }

    #[test]
    fn the_flag_wins_over_the_config_and_the_config_over_the_environment() {
        let xterm = LinkEnv::default();
        let kitty = LinkEnv {
            kitty: true,
            ..LinkEnv::default()
        };
        assert!(decide(HyperlinkArg::Always, Some(false), &xterm).0);
        assert!(!decide(HyperlinkArg::Never, Some(true), &kitty).0);
        assert!(decide(HyperlinkArg::Auto, Some(true), &xterm).0);
        assert!(!decide(HyperlinkArg::Auto, Some(false), &kitty).0);
    }
}
