//! `sahifa print`: the whole article composed at one width and written to standard output —
//! styled by the theme on a terminal (or with `--color always`), plain text when piped, with
//! `--color never`, or when `NO_COLOR` is set. Figures are labelled as in the reader: a local
//! image that cannot be shown says why (`[image not found: src]`). The writing is
//! [`crate::output`]'s, the settings [`crate::settings`]'. A feed (told by its content, or
//! `--format feed`) is printed as its list of items ([`crate::feed::output::print`]).
//! `--logical` writes the text in logical order, unshaped and plain, for other tools
//! ([`crate::settings::PrintSettings::logical`]).

use crate::args::{HyperlinkArg, PrintArgs};
use crate::feed::output as feed;
use crate::output::write_article;
use crate::settings::{OutputArgs, print_settings, terminal_width};
use crate::source::Source;
use crate::theme::{Theme, no_color_requested};
use crate::ui::capabilities::hyperlinks::{self, LinkEnv};
use crate::ui::capabilities::{self, Env};
use std::io::IsTerminal;

pub fn run(source: &Source, args: &PrintArgs) -> anyhow::Result<()> {
    let input = feed::open(
        source,
        args.source.feed_format(),
        &args.source.load_options(),
    )?;
    let loaded = match input {
        feed::Input::Article(loaded) => loaded,
        feed::Input::Feed { feed, name, file } => {
            let list = feed::list(feed, &name, file.as_deref());
            let settings = settings(args);
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            let written = feed::print(&list, &settings, feed::now(), &mut out)
                .and_then(|()| std::io::Write::flush(&mut out));
            return Ok(crate::output::finish(written)?);
        }
    };
    for warning in &loaded.warnings {
        eprintln!("sahifa: warning: {}", crate::escape::Visible(warning));
    }
    let hidden = crate::layout::hidden::HiddenControls::of_document(&loaded.document);
    if hidden.reorder && !args.text.reveal {
        eprintln!(
            "sahifa: warning: hidden bidi controls ({}) change the order of the text; --reveal shows them",
            hidden.count
        );
    }
    write_article(loaded.document, source, &settings(args))
}

/// The settings for `args` on this process's standard output (the terminal asked which bidi
/// mode it wants); a bad theme is reported and the default used.
fn settings(args: &PrintArgs) -> crate::settings::PrintSettings {
    let (theme, error) = Theme::resolve(args.theme.as_deref());
    if let Some(error) = error {
        eprintln!(
            "sahifa: {}; using the default theme",
            crate::escape::Visible(error)
        );
    }
    let tty = std::io::stdout().is_terminal();
    // On a terminal, the same choice as the reader's (asked, unless `--bidi` says); to a pipe
    // or a file, nobody is asked.
    let choice = args.text.bidi_choice(None);
    let (reorder, terminal) = if tty && !args.logical {
        let found = capabilities::probe(choice, false, &Env::current());
        (found.bidi.reorders(), found.reordering)
    } else {
        let terminal = crate::page::ReorderingTerminal::Generic;
        (args.text.reorder_unasked(None), terminal)
    };
    let output = OutputArgs {
        width: args.width,
        color: args.color,
        text: &args.text,
        reorder,
        terminal,
    };
    let mut settings = print_settings(
        &output,
        theme,
        tty,
        no_color_requested(),
        terminal_width(tty),
    );
    // Links as OSC 8 only with styles, and (unless asked for) only on a terminal that knows
    // them.
    let (links, _) = hyperlinks::decide(args.text.hyperlinks, None, &LinkEnv::current());
    settings.hyperlinks = links && (tty || args.text.hyperlinks == HyperlinkArg::Always);
    if args.logical {
        settings.logical()
    } else {
        settings
    }
}
