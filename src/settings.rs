//! Validated settings: the raw flags of [`crate::args`] turned, once, into what a run needs —
//! the reader's options (config file, then the command line, which wins) and `print`'s output
//! settings (width, composition, theme, styling). Commands take these values; nothing after
//! re-derives them from flags.

use crate::analyse::{self, entities::Tagger};
use crate::args::{ColorArg, ReadArgs, TextArgs};
use crate::document::Document;
use crate::page::{self, PageOptions, ReorderingTerminal};
use crate::render::ansi::Styling;
use crate::source::Source;
use crate::source::cache::PictureCache;
use crate::theme::{BUILTIN, Theme, no_color_requested};
use crate::ui::compose::PageCompose;
use crate::ui::config::Config;
use crate::ui::{Keymap, ReaderOptions};
use std::sync::Arc;

/// The reader's options from the config file and the command line (which wins): composition,
/// width, keys, themes, and the entity tagger with the user gazetteer (run at start; in the background only when the
/// caller turns `background` on, as the terminal reader does).
pub fn reader_options(
    source: &Source,
    args: &ReadArgs,
    config: &Config,
    messages: &mut Vec<String>,
) -> ReaderOptions {
    let reorder = args.text.reorder_unasked(config.bidi);
    let terminal = ReorderingTerminal::Generic;
    reader_options_reordering(source, args, config, (reorder, terminal), messages)
}

/// [`reader_options`] with who reorders decided (by asking the terminal): `reorder` false
/// writes logical order everywhere the reader draws, its rows arranged for `terminal`.
pub fn reader_options_reordering(
    source: &Source,
    args: &ReadArgs,
    config: &Config,
    (reorder, terminal): (bool, ReorderingTerminal),
    messages: &mut Vec<String>,
) -> ReaderOptions {
    let mut page_options = args
        .text
        .page_options(config.shaping.unwrap_or(true), reorder);
    page_options.terminal = terminal;
    page_options.justify |= config.justify.unwrap_or(false);
    let mut options = ReaderOptions::new(Arc::new(PageCompose(page_options)));
    options.reorder = reorder;
    options.terminal = terminal;
    if let Some(width) = args.width.map(usize::from).or(config.width) {
        options.max_width = width.max(page::MIN_WIDTH);
    }
    // The gazetteer is read now (a bad one is a status-line message); the automaton is built
    // where the tagging runs, in the background for the terminal reader.
    let (names, problem) = analyse::user_names();
    messages.extend(problem);
    options.tagger = Some(Arc::new(move |doc: &Document| {
        Tagger::new(&names).entities(doc).collect()
    }));
    // Figure images are looked up next to the article (not for standard input); a web
    // article's pictures are fetched, with its timeout.
    options.figure_dir = source.base_dir();
    options.fetch = args.source.load_options().fetch;
    options.pictures = matches!(source, Source::Url(_)).then(|| PictureCache::new(options.fetch));
    options.themes = themes(args.theme.as_deref().or(config.theme.as_deref()), messages);
    let overrides = config.keys.iter().map(|(k, a)| (k.as_str(), a.as_str()));
    let (keymap, problems) = Keymap::with_overrides(overrides);
    options.keymap = keymap;
    messages.extend(problems.into_iter().map(|p| format!("config keys: {p}")));
    options
}

/// The themes `T` cycles through: the chosen one first, then the other built-in ones; all
/// without colours when `NO_COLOR` is set.
fn themes(spec: Option<&str>, messages: &mut Vec<String>) -> Vec<Theme> {
    let (first, problem) = Theme::resolve(spec);
    messages.extend(problem.map(|e| e.to_string()));
    let others = BUILTIN.iter().filter(|name| **name != first.name);
    let mut themes: Vec<Theme> = std::iter::once(first.clone())
        .chain(others.filter_map(|name| Theme::builtin(name)))
        .collect();
    if no_color_requested() {
        themes = themes.iter().map(Theme::without_colors).collect();
    }
    themes
}

/// The widest default column: longer lines are hard to read.
pub const MAX_DEFAULT_WIDTH: usize = 80;

/// Everything that decides what `print` writes, resolved from the flags and the environment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintSettings {
    pub width: usize,
    pub page: PageOptions,
    pub theme: Theme,
    pub styling: Styling,
    /// Links written as OSC 8 hyperlinks (styled output only; see
    /// `ui::capabilities::hyperlinks`).
    pub hyperlinks: bool,
}

/// The flags that decide how an article is written to standard output: `print`'s, and the
/// reader's when its output is not a terminal.
#[derive(Debug, Clone, Copy)]
pub struct OutputArgs<'a> {
    pub width: Option<u16>,
    pub color: ColorArg,
    pub text: &'a TextArgs,
    /// Whether sahifa puts lines in visual order (decided by `ui::capabilities`).
    pub reorder: bool,
    /// Which terminal reorders the rows when sahifa does not.
    pub terminal: ReorderingTerminal,
}

/// The settings for `args` on an output that is (`tty`) or is not a terminal `columns` wide.
pub fn print_settings(
    args: &OutputArgs,
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
    let mut page = args.text.page_options(true, args.reorder);
    page.terminal = args.terminal;
    PrintSettings {
        width,
        page,
        theme,
        styling: match (color, args.reorder) {
            (true, _) => Styling::Ansi { entities: true },
            (false, true) => Styling::Plain,
            (false, false) => Styling::PlainPadded,
        },
        hyperlinks: false,
    }
}

impl PrintSettings {
    /// `print --logical`: the text in logical order for other tools — unshaped (the original
    /// letters; justification then uses spaces only, never tatweels), not reordered, and plain.
    /// An RTL line is padded after its text, as for a terminal that reorders by itself (see
    /// `page::frame::for_reordering_terminal`), so that anything displaying it with the Unicode
    /// bidi algorithm (a bidi-aware terminal or editor) shows it right-aligned.
    pub fn logical(mut self) -> Self {
        self.page.shape = false;
        self.page.reorder = false;
        self.page.terminal = ReorderingTerminal::Generic;
        self.styling = Styling::PlainPadded;
        self
    }
}

/// The terminal's width in columns, when standard output is one.
pub fn terminal_width(tty: bool) -> Option<usize> {
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

    fn args(flags: &[&str]) -> crate::args::PrintArgs {
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
        let args = args(flags);
        let output = OutputArgs {
            width: args.width,
            color: args.color,
            text: &args.text,
            reorder: args.text.reorder_unasked(None),
            terminal: ReorderingTerminal::Generic,
        };
        print_settings(&output, Theme::default(), tty, no_color, columns)
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
    fn logical_output_is_unshaped_unreordered_and_plain() {
        let settings = resolved(&["--logical", "--color", "always"], true, false, None).logical();
        assert!(!settings.page.shape && !settings.page.reorder);
        assert_eq!(settings.styling, Styling::PlainPadded);
        let both = Cli::try_parse_from(["sahifa", "print", "a.txt", "--logical", "--bidi", "app"]);
        assert!(both.is_err(), "--logical is its own order");
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
