//! `sahifa print`: the whole article composed at one width and written to standard output —
//! styled by the theme on a terminal (or with `--color always`), plain text when piped, with
//! `--color never`, or when `NO_COLOR` is set. Figures are labelled as in the reader: a local
//! image that cannot be shown says why (`[image not found: src]`). A feed (told by its content,
//! or `--format feed`) is printed as its list of items ([`feed::print`]).

use super::feed;
use crate::cli::{BidiArg, ColorArg, PrintArgs};
use crate::document::Document;
use crate::load::figure_files;
use crate::page::{PageOptions, compose};
use crate::render::ansi::{Styling, write_page};
use crate::theme::{Theme, no_color_requested};
use std::io::{BufWriter, IsTerminal, Write};

/// The widest default column: longer lines are hard to read.
pub const MAX_DEFAULT_WIDTH: usize = 80;

/// Everything that decides what `print` writes, resolved from the flags and the environment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintSettings {
    pub width: usize,
    pub page: PageOptions,
    pub theme: Theme,
    pub styling: Styling,
}

pub fn run(args: &PrintArgs) -> anyhow::Result<()> {
    let source = &args.source;
    let input = feed::open(
        source.file.as_deref(),
        source.feed_format(),
        &source.load_options(),
    )?;
    let loaded = match input {
        feed::Input::Article(loaded) => loaded,
        feed::Input::Feed { feed, name, file } => {
            let list = feed::list(feed, &name, file.as_deref());
            let settings = resolved_settings(args);
            let now = feed::now();
            return finish(|out| feed::print(&list, &settings, now, out));
        }
    };
    for warning in &loaded.warnings {
        eprintln!("sahifa: warning: {warning}");
    }
    write_out(&loaded.document, args)
}

/// Writes a loaded article to standard output as `print` does, with `args`' width, theme,
/// colour and text options.
pub fn write_out(doc: &Document, args: &PrintArgs) -> anyhow::Result<()> {
    // Figures whose local file cannot be shown are labelled as the reader labels them; the
    // document is copied only when there are some.
    let labelled;
    let doc = match args.source.figure_dir() {
        Some(dir) => {
            let problems = figure_files::look_up(doc, &dir).problems;
            if problems.is_empty() {
                doc
            } else {
                labelled = Document {
                    image_problems: problems,
                    ..doc.clone()
                };
                &labelled
            }
        }
        None => doc,
    };
    let settings = resolved_settings(args);
    finish(|out| print(doc, &settings, out))
}

/// The settings for `args` on this process's standard output; a bad theme is reported and
/// the default used.
fn resolved_settings(args: &PrintArgs) -> PrintSettings {
    let tty = std::io::stdout().is_terminal();
    let (theme, error) = Theme::resolve(args.theme.as_deref());
    if let Some(error) = error {
        eprintln!("sahifa: {error}; using the default theme");
    }
    settings(args, theme, tty, no_color_requested(), terminal_width(tty))
}

/// Runs `write` on buffered standard output and flushes it.
fn finish(
    write: impl FnOnce(&mut BufWriter<std::io::StdoutLock<'static>>) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    let mut out = BufWriter::new(std::io::stdout().lock());
    let written = write(&mut out).and_then(|()| out.flush());
    match written {
        // `sahifa print … | head` closing the pipe early is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// The settings for `args` on an output that is (`tty`) or is not a terminal `columns` wide.
pub fn settings(
    args: &PrintArgs,
    theme: Theme,
    tty: bool,
    no_color: bool,
    columns: Option<usize>,
) -> PrintSettings {
    let color = match args.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => tty && !no_color,
    };
    let width = args.width.map_or_else(
        || columns.map_or(MAX_DEFAULT_WIDTH, |c| c.min(MAX_DEFAULT_WIDTH)),
        usize::from,
    );
    PrintSettings {
        width,
        page: args.text.page_options(true),
        theme,
        styling: match (color, args.text.bidi) {
            (true, _) => Styling::Ansi { entities: true },
            (false, BidiArg::App) => Styling::Plain,
            (false, BidiArg::Terminal) => Styling::PlainPadded,
        },
    }
}

/// The article as `print` writes it.
pub fn print(
    doc: &Document,
    settings: &PrintSettings,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let page = compose(doc, settings.width, &settings.page);
    write_page(out, &page, &settings.theme, settings.styling)
}

/// [`print()`] into a string (for tests and snapshots).
pub fn print_to_string(doc: &Document, settings: &PrintSettings) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = print(doc, settings, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The terminal's width in columns, when standard output is one.
fn terminal_width(tty: bool) -> Option<usize> {
    tty.then(crossterm::terminal::size)
        .and_then(Result::ok)
        .map(|(columns, _)| usize::from(columns))
        .filter(|&c| c > 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, Command};
    use clap::Parser;

    fn args(flags: &[&str]) -> PrintArgs {
        let argv = ["sahifa", "print", "article.txt"].iter().chain(flags);
        match Cli::try_parse_from(argv).map(|c| c.command) {
            Ok(Some(Command::Print(args))) => args,
            other => panic!("not a print command: {other:?}"),
        }
    }

    fn resolved(
        flags: &[&str],
        tty: bool,
        no_color: bool,
        columns: Option<usize>,
    ) -> PrintSettings {
        settings(&args(flags), Theme::default(), tty, no_color, columns)
    }

    #[test]
    fn colour_follows_the_terminal_no_color_and_the_flag() {
        let ansi = Styling::Ansi { entities: true };
        assert_eq!(resolved(&[], true, false, None).styling, ansi);
        assert_eq!(resolved(&[], false, false, None).styling, Styling::Plain);
        assert_eq!(resolved(&[], true, true, None).styling, Styling::Plain);
        assert_eq!(
            resolved(&["--color", "always"], false, true, None).styling,
            ansi
        );
        assert_eq!(
            resolved(&["--color", "never"], true, false, None).styling,
            Styling::Plain
        );
    }

    #[test]
    fn width_defaults_to_the_terminal_capped_at_80() {
        assert_eq!(resolved(&[], false, false, None).width, 80);
        assert_eq!(resolved(&[], true, false, Some(60)).width, 60);
        assert_eq!(resolved(&[], true, false, Some(200)).width, 80);
        assert_eq!(
            resolved(&["--width", "120"], true, false, Some(60)).width,
            120
        );
        let zero = Cli::try_parse_from(["sahifa", "print", "a.txt", "--width", "0"]);
        assert!(zero.is_err());
    }

    #[test]
    fn flags_reach_the_page_options() {
        let page = resolved(
            &["--no-shape", "--dir", "rtl", "--bidi", "terminal"],
            false,
            false,
            None,
        )
        .page;
        assert!(!page.shape && !page.reorder);
        assert_eq!(page.direction, crate::layout::DirectionMode::Rtl);
        let page = resolved(&[], false, false, None).page;
        assert!(page.shape && page.reorder);
        assert_eq!(page.direction, crate::layout::DirectionMode::Auto);
    }
}
