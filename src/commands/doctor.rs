//! `sahifa doctor`: what sahifa finds out about this terminal and what it chooses, with why —
//! the environment it reads, the terminal's answer to the one query (DECRQM for BDSM, the image
//! question, DA1), the image protocol, colours, the bidi mode the reader would use, and whether
//! links are written as OSC 8 hyperlinks.

use crate::args::{BidiArg, HyperlinkArg};
use crate::ui::capabilities::{self, Env, graphics::Reply};
use std::io::IsTerminal;

pub fn run() -> anyhow::Result<()> {
    let env = Env::current();
    let var = |name: &str| std::env::var(name).unwrap_or_else(|_| "(unset)".to_owned());
    for name in [
        "TERM",
        "TERM_PROGRAM",
        "VTE_VERSION",
        "KONSOLE_VERSION",
        "MLTERM",
        "KITTY_WINDOW_ID",
        "WEZTERM_EXECUTABLE",
        "TMUX",
        "COLORTERM",
        "NO_COLOR",
    ] {
        println!("{name:<16} {}", var(name));
    }
    let asked = capabilities::may_ask(&env);
    // The image question too, so its answer shows; an answer means nothing is drawn yet.
    let found = capabilities::probe(BidiArg::Auto, true, &env);
    let reply = Reply::parse(&found.answer);
    if asked {
        let shown: String = found.answer.escape_ascii().to_string();
        println!(
            "query            sent; answer: {}",
            if shown.is_empty() { "(none)" } else { &shown }
        );
    } else {
        println!(
            "query            not sent (standard input or output is not a terminal, or Terminal.app)"
        );
    }
    let bdsm = match reply.bdsm {
        Some(0) => "not recognised (0)".to_owned(),
        Some(ps) => format!(
            "known ({ps}: {})",
            if ps % 2 == 1 { "set" } else { "reset" }
        ),
        None => "no answer".to_owned(),
    };
    println!("BDSM (mode 8)    {bdsm}");
    let protocol = found
        .picker
        .map_or_else(|| "none".to_owned(), |p| format!("{:?}", p.protocol_type()));
    println!("images           {protocol}");
    let colours = if crate::theme::no_color_requested() {
        "none (NO_COLOR)"
    } else if std::io::stdout().is_terminal() {
        "theme colours"
    } else {
        "none (not a terminal)"
    };
    println!("colours          {colours}");
    let mode = match found.bidi {
        capabilities::BidiMode::Explicit => "app: sahifa reorders, explicit mode (CSI 8 l)",
        capabilities::BidiMode::Visual => "app: sahifa reorders (CSI 8 l sent, harmless)",
        capabilities::BidiMode::Logical => "terminal: logical order, the terminal reorders",
    };
    println!("bidi             {mode}; because {}", found.reason);
    let config = crate::ui::config::Config::load(None).0;
    let links = crate::ui::capabilities::hyperlinks::LinkEnv::current();
    let (on, why) =
        crate::ui::capabilities::hyperlinks::decide(HyperlinkArg::Auto, config.hyperlinks, &links);
    let state = if on { "OSC 8" } else { "text only" };
    println!("links            {state}; because {why}");
    if !found.bidi.reorders() {
        let rows = match found.reordering {
            crate::page::ReorderingTerminal::Konsole => {
                "Konsole's: pieces in place, right-to-left texts embedded (RLE … PDF)"
            }
            crate::page::ReorderingTerminal::Mlterm => {
                "mlterm's: right-to-left rows written mirrored as a whole, rows with box drawing \
                 in place, their right-to-left texts written for a left-to-right reading"
            }
            crate::page::ReorderingTerminal::Generic => {
                "right-to-left rows written mirrored as a whole"
            }
        };
        println!("rows             {rows}");
    }
    Ok(())
}
