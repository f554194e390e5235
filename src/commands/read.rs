//! `sahifa [OPTIONS] [FILE]`: open an article in the full-screen reader.
//!
//! Settings are layered: built-in defaults, then the config file, then the command line. The
//! article comes from FILE, from standard input ('-' or piped), or — with neither — from the
//! sample article compiled into the binary, so the first command anyone tries shows something.

use crate::analyse::{self, entities::Tagger};
use crate::cli::{ColorArg, PrintArgs, ReadArgs};
use crate::document::Document;
use crate::load;
use crate::page::{self, Composer, PageLine, PageOptions, Unit};
use crate::theme::{BUILTIN, Theme, no_color_requested};
use crate::ui::config::Config;
use crate::ui::position::{self, PositionStore};
use crate::ui::terminal::{Session, StopSignals};
use crate::ui::{App, Compose, Keymap, ReaderOptions};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use screen::Screen;
use std::io::IsTerminal;
use std::path::Path;
use std::sync::Arc;

mod fetching;
mod graphics;
mod screen;

/// The built-in sample article (a news report in Arabic with sections and statistics).
pub const SAMPLE: &str = include_str!("../../assets/raqqa-news-ar.txt");
/// The name the sample goes by in messages and format detection.
pub const SAMPLE_NAME: &str = "raqqa-news-ar.txt";

/// Where the article comes from.
enum Source<'a> {
    File(&'a Path),
    Stdin,
    Sample,
}

pub fn run(args: &ReadArgs) -> anyhow::Result<()> {
    let source = match args.source.file.as_deref() {
        Some(p) if p.as_os_str() == "-" => Source::Stdin,
        Some(p) => Source::File(p),
        None if std::io::stdin().is_terminal() => Source::Sample,
        None => Source::Stdin,
    };
    if !std::io::stdout().is_terminal() {
        // Like `less`: with no screen to take (`sahifa FILE | grep …`, or `sahifa | head` for
        // the sample), the article is written out as `sahifa print` writes it.
        let (doc, warnings) = load_article(&source, args)?;
        for warning in warnings {
            eprintln!("sahifa: warning: {warning}");
        }
        let print = PrintArgs {
            source: args.source.clone(),
            width: args.width,
            theme: args.theme.clone(),
            color: ColorArg::Auto,
            text: args.text.clone(),
        };
        return super::print::write_out(&doc, &print);
    }
    // Before any thread starts, so that none of them can be stopped by SIGTSTP with the
    // terminal in reader mode.
    let stops = StopSignals::install()?;
    let (config, config_problem) = Config::load(args.config.as_deref());
    let (doc, mut messages) = load_article(&source, args)?;
    messages.extend(config_problem);
    let store = match (&source, args.no_state) {
        (Source::File(path), false) => position_store(path),
        _ => None,
    };
    let mut options = reader_options(args, &config, &mut messages);
    options.start = store.as_ref().and_then(PositionStore::load);
    options.message = (!messages.is_empty()).then(|| messages.join("; "));

    let (cols, rows) = crossterm::terminal::size()?;
    options.background = true;
    let mut app = App::with_size(doc, options, cols, rows);
    let session = Session::start(args.text.reorder())?;
    // Only articles with images ask the terminal which image protocol it speaks; the question
    // has a deadline and no answer means halfblocks (see `graphics`).
    let picker = app.has_images().then(graphics::picker);
    if let Some(picker) = &picker {
        app.set_image_picker(picker.clone());
    }
    // No `terminal.clear()`: it asks the terminal for the cursor position and fails without an
    // answer; the session has cleared the alternate screen, which is what a new `Terminal`
    // (with empty buffers) expects.
    let result = Terminal::new(CrosstermBackend::new(std::io::stdout()))
        .map_err(anyhow::Error::from)
        .and_then(|terminal| {
            let mut screen = Screen {
                session: &session,
                stops: &stops,
                terminal,
                picker,
            };
            screen.run(&mut app)
        });
    let signal = session.signalled();
    drop(session);
    // After a signal, an input error is the terminal going away (SIGHUP): not worth a message,
    // and the position is still saved.
    if signal.is_none() {
        result?;
    }
    if let (Some(store), Some(anchor)) = (store, app.anchor())
        && let Err(e) = store.save(anchor)
    {
        eprintln!("sahifa: could not remember the reading position: {e}");
    }
    // Stopped by a signal: the conventional status, 128 + its number, once the terminal is
    // restored and the position saved.
    if let Some(signal) = signal {
        std::process::exit(128 + signal);
    }
    Ok(())
}

/// Loads the article; load warnings become status-line messages.
fn load_article(source: &Source, args: &ReadArgs) -> anyhow::Result<(Document, Vec<String>)> {
    let options = args.source.load_options();
    let loaded = match source {
        Source::File(path) if path.to_str().is_some_and(crate::fetch::is_url) => {
            let url = path.to_string_lossy();
            let mut counter = fetching::Counter::new(&url);
            load::open_url(&url, &options, &mut |bytes| counter.show(bytes))?
        }
        Source::File(path) => load::open(Some(path), &options)?,
        Source::Stdin => load::open(None, &options)?,
        Source::Sample => load::load_bytes(SAMPLE.as_bytes(), Path::new(SAMPLE_NAME), &options)?,
    };
    let messages = loaded.warnings.iter().map(ToString::to_string).collect();
    Ok((loaded.document, messages))
}

fn position_store(path: &Path) -> Option<PositionStore> {
    let bytes = std::fs::read(path).ok()?;
    PositionStore::new(&position::default_dir()?, path, &bytes)
}

/// The reader's options from the config file and the command line (which wins): composition,
/// width, keys, themes, and the entity tagger with the user gazetteer (run at start; in the background only when the
/// caller turns `background` on, as the terminal reader does).
pub fn reader_options(
    args: &ReadArgs,
    config: &Config,
    messages: &mut Vec<String>,
) -> ReaderOptions {
    let page_options = args.text.page_options(config.shaping.unwrap_or(true));
    let mut options = ReaderOptions::new(Arc::new(PageCompose(page_options)));
    if let Some(width) = args.width.map(usize::from).or(config.width) {
        options.max_width = width.max(page::MIN_WIDTH);
    }
    // The gazetteer is read now (a bad one is a status-line message); the automaton is built
    // where the tagging runs, in the background for the terminal reader.
    let (names, problem) = analyse::user_names();
    messages.extend(problem);
    options.tagger = Some(Arc::new(move |doc: &Document| {
        Tagger::new(&names).tag_document(doc)
    }));
    // Figure images are looked up next to the article (not for standard input).
    options.figure_dir = args.source.figure_dir();
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

/// The page composer with the options of this run.
struct PageCompose(PageOptions);

impl Compose for PageCompose {
    fn page(&self, doc: &Document, width: usize) -> Vec<PageLine> {
        page::compose(doc, width, &self.0).lines
    }

    fn units(&self, doc: &Document, units: &[Unit], width: usize) -> Option<Vec<Vec<PageLine>>> {
        let composer = Composer::new(doc, self.0);
        Some(
            units
                .iter()
                .map(|unit| composer.unit(*unit, width))
                .collect(),
        )
    }
}
