//! `sahifa [OPTIONS] [FILE]`: open an article in the full-screen reader.
//!
//! Settings are layered: built-in defaults, then the config file, then the command line. The
//! article comes from FILE, from standard input ('-' or piped), or — with neither — from the
//! sample article compiled into the binary, so the first command anyone tries shows something.
//! `sahifa feeds` opens the feeds file's list instead ([`run_feeds`]): its feeds load in the
//! background once the reader is up.

use crate::args::{BidiArg, ColorArg, ReadArgs};
use crate::document::Document;
use crate::feed::list::FeedList;
use crate::feed::output::{self as feed_output, Input};
use crate::load;
use crate::load::figure_files;
use crate::output::write_article;
use crate::settings::{OutputArgs, print_settings, reader_options_reordering};
use crate::source::{Identity, Source};
use crate::theme::{Theme, no_color_requested};
use crate::ui::App;
use crate::ui::capabilities::hyperlinks::{self, LinkEnv};
use crate::ui::capabilities::{self, Env};
use crate::ui::compose::{self, Job};
use crate::ui::config::Config;
use crate::ui::navigation::{Navigation, View};
use crate::ui::position::{self, PositionStore};
use crate::ui::terminal::{ExplicitBackend, Session, StopSignals};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use screen::Screen;
use std::io::IsTerminal;
use std::path::Path;

mod browser;
mod fetching;
mod screen;

pub fn run(source: &Source, args: &ReadArgs) -> anyhow::Result<()> {
    run_first(source, args, &|| open_first(source, args), true)
}

/// `sahifa feeds [FILE]`: the feeds file's list (FILE, else `$XDG_CONFIG_HOME/sahifa/feeds`);
/// a missing file, or one with no feed in it, is a one-line error naming it.
pub fn run_feeds(args: &ReadArgs) -> anyhow::Result<()> {
    let (path, file) = crate::feed::feeds_file::open(args.source.file.as_deref())?;
    let state = (!args.no_state)
        .then(crate::feed::read_state::default_dir)
        .flatten();
    let source = Source::File(path);
    let shown = source.name().display().to_string();
    let open = || {
        let list = FeedList::subscribed(&file, state.as_deref());
        let problems = (file.problems.iter()).map(|p| format!("{shown}: {p}"));
        Ok((First::Feeds(list), problems.collect()))
    };
    run_first(&source, args, &open, false)
}

/// The reader over what `open` gives (called once the terminal, or the pipe, is known); with
/// `lazy`, a big plain-text or Markdown file shows its first part while the rest is read in the
/// background.
fn run_first(
    source: &Source,
    args: &ReadArgs,
    open: &dyn Fn() -> anyhow::Result<(First, Vec<String>)>,
    lazy: bool,
) -> anyhow::Result<()> {
    if !std::io::stdout().is_terminal() {
        // Like `less`: with no screen to take (`sahifa FILE | grep …`, or `sahifa | head` for
        // the sample), the article (or the feed's list) is written out as `sahifa print`
        // writes it; the feeds file's list once every feed is in.
        let (first, warnings) = open()?;
        for warning in warnings {
            eprintln!("sahifa: warning: {}", crate::escape::Visible(warning));
        }
        let (theme, error) = Theme::resolve(args.theme.as_deref());
        if let Some(error) = error {
            eprintln!(
                "sahifa: {}; using the default theme",
                crate::escape::Visible(error)
            );
        }
        let output = OutputArgs {
            width: args.width,
            color: ColorArg::Auto,
            text: &args.text,
            reorder: args.text.reorder_unasked(None),
            terminal: crate::page::ReorderingTerminal::Generic,
        };
        let settings = print_settings(&output, theme, false, no_color_requested(), None);
        return match first {
            First::Article(doc) => write_article(doc, source, &settings),
            First::Feed(mut list) | First::Feeds(mut list) => {
                crate::feed::loading::load_all(&mut list, &args.source.load_options());
                let mut out = std::io::BufWriter::new(std::io::stdout().lock());
                let written = feed_output::print(&list, &settings, feed_output::now(), &mut out)
                    .and_then(|()| std::io::Write::flush(&mut out));
                Ok(crate::output::finish(written)?)
            }
        };
    }
    // Before any thread starts, so that none of them can be stopped by SIGTSTP with the
    // terminal in reader mode.
    let stops = StopSignals::install()?;
    let (config, config_problem) = Config::load(args.config.as_deref());
    // A big plain-text or Markdown file shows its first part while the rest is read in the
    // background.
    let head = lazy.then(|| lazy_head(source, args)).flatten();
    let (first, mut messages, rest) = match head {
        Some((head, rest)) => (
            First::Article(head.document),
            Vec::new(),
            Some((head.partial, rest)),
        ),
        None => {
            let (first, messages) = open()?;
            (first, messages, None)
        }
    };
    messages.extend(config_problem);
    let doc = match &first {
        First::Article(doc) => Some(doc),
        First::Feed(..) | First::Feeds(..) => None,
    };
    let positions = position::default_dir().filter(|_| !args.no_state);
    let store = (source.identity().zip(doc).zip(positions.as_deref()))
        .and_then(|((identity, doc), dir)| position_store(dir, identity, doc));
    // The terminal is asked once, before the first frame: who reorders, and (when the article
    // has pictures) which image protocol; see `ui::capabilities`.
    let choice = args.text.bidi_choice(config.bidi);
    // A web article's remote pictures count: they are fetched (see `ui::figures`).
    let images = doc.is_some_and(|doc| {
        let local = (source.base_dir())
            .is_some_and(|dir| !figure_files::look_up(doc, &dir).images.is_empty());
        local || (matches!(source, Source::Url(_)) && !figure_files::remote(doc).is_empty())
    });
    let capabilities = capabilities::probe(choice, images, &Env::current());
    let reorder = capabilities.bidi.reorders();
    if choice == BidiArg::Auto && !reorder {
        messages.push(format!(
            "writing logical order: {}; --bidi app if it looks wrong",
            capabilities.reason
        ));
    }
    let order = (reorder, capabilities.reordering);
    let mut options = reader_options_reordering(source, args, &config, order, &mut messages);
    options.hyperlinks =
        hyperlinks::decide(args.text.hyperlinks, config.hyperlinks, &LinkEnv::current()).0;
    options.start = store.as_ref().and_then(PositionStore::load);
    options.message = (!messages.is_empty()).then(|| messages.join("; "));

    let (cols, rows) = crossterm::terminal::size()?;
    options.background = true;
    let mut page = args
        .text
        .page_options(config.shaping.unwrap_or(true), reorder);
    page.terminal = capabilities.reordering;
    let now = crate::feed::output::now();
    let subscribed = matches!(first, First::Feeds(_));
    // A remembered position beyond the first part waits for the whole article, as a held `G`
    // does; the first part is shown from its top meanwhile.
    let beyond = (options.start)
        .zip(doc)
        .is_some_and(|(start, doc)| !compose::holds(doc, &start.source));
    // While the rest of a big article is read, the first part is shown with no background work
    // (it is thrown away when the whole article arrives, see `Rest`), its place given in the
    // whole article as `shot` gives it.
    let head_options = rest.as_ref().map(|(partial, _)| {
        let mut head = options.clone();
        (head.background, head.windows, head.tagger) = (false, true, None);
        head.partial = Some(*partial);
        // Put in place below, once the first part's window can move to it.
        head.start = None;
        let message = if beyond {
            screen::READING_TO_PLACE
        } else {
            screen::READING_REST
        };
        head.message = Some(message.to_owned());
        head
    });
    let rest = rest.map(|(_, job)| {
        let mut rest = screen::Rest::new(job, options.clone());
        rest.place_beyond = beyond;
        // A file's entry is taken again once the whole of it is read (see `Rest`).
        let file = source.identity().and_then(Identity::file);
        if let (Some(store), Some(dir), Some(path)) = (store.clone(), positions.clone(), file) {
            rest.entry = Some(screen::Entry {
                dir,
                path: path.to_path_buf(),
                store,
            });
        }
        rest
    });
    let (view, picker) = match first {
        First::Article(doc) => {
            let head = head_options.is_some();
            let start = head_options.unwrap_or_else(|| options.clone());
            let mut app = App::with_size(doc, start, cols, rows);
            // A remembered place in a big article's first part, which may lie past the first
            // window: shown as a jump shows it.
            if let Some(place) = options.start.filter(|_| head && !beyond) {
                app.go_to((place, 0));
            }
            let picker = capabilities.picker.filter(|_| app.has_images());
            if let Some(picker) = &picker {
                app.set_image_picker(picker.clone());
            }
            (View::Article(Box::new(app)), picker)
        }
        First::Feed(list) | First::Feeds(list) => {
            let mut view = Navigation::feed_view(list, source.clone(), page, now);
            if let View::Feed { view, .. } = &mut view {
                if let Some(message) = &options.message {
                    view.set_message(message.clone());
                }
                if subscribed {
                    view.load_in_background(args.source.load_options());
                }
            }
            (view, None)
        }
    };
    let mut app = Navigation::with_feeds(view, options, page, now, cols, rows);
    if let Some(dir) = positions.clone() {
        app.remember_positions(dir, store);
    }
    let session = Session::start(reorder)?;
    let load_options = args.source.load_options();
    let load = |source: &Source| -> anyhow::Result<Input> {
        Ok(feed_output::open(source, None, &load_options)?)
    };
    // No `terminal.clear()`: it asks the terminal for the cursor position and fails without an
    // answer; the session has cleared the alternate screen, which is what a new `Terminal`
    // (with empty buffers) expects.
    let result = Terminal::new(ExplicitBackend(CrosstermBackend::new(std::io::stdout())))
        .map_err(anyhow::Error::from)
        .and_then(|terminal| {
            let mut screen = Screen {
                session: &session,
                stops: &stops,
                terminal,
                picker,
                load: &load,
                rest,
            };
            let result = screen.run(&mut app);
            // Quit before the whole article came, a remembered place beyond the first part
            // still not reached: that place stays remembered as it is, not the first part's top.
            if screen.rest.as_ref().is_some_and(screen::Rest::keeps_place)
                && let Some(dir) = positions
            {
                app.remember_positions(dir, None);
            }
            result
        });
    let signal = session.signalled();
    drop(session);
    // After a signal, an input error is the terminal going away (SIGHUP): not worth a message,
    // and the position is still saved.
    if signal.is_none() {
        result?;
    }
    // The first view's position, and those of the articles opened from it and still open.
    if let Some(e) = app.save_positions().first() {
        eprintln!(
            "sahifa: could not remember the reading position: {}",
            crate::escape::Visible(e)
        );
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
        // The URL and a byte counter on stderr while it loads, before the reader takes the
        // screen.
        Source::Url(url) => {
            let mut counter = fetching::Counter::new(url);
            load::open_url(url, &options, &mut |bytes| counter.show(bytes))?
        }
        _ => load::open(source, &options)?,
    };
    let messages = loaded.warnings.iter().map(ToString::to_string).collect();
    Ok((loaded.document, messages))
}

/// The first part of a big plain-text or Markdown file ([`load::head`]), and the whole file
/// being loaded in the background; `None` for anything else (a small file, standard input, a
/// URL, HTML, a feed, a legacy encoding), which is loaded before the first frame.
fn lazy_head(source: &Source, args: &ReadArgs) -> Option<(load::Head, Job<WholeArticle>)> {
    let options = args.source.load_options();
    let head = feed_output::open_head(source, args.source.feed_format(), &options)?;
    let (source, feed_format) = (source.clone(), args.source.feed_format());
    // For tests: the rest is read only once the file this names exists, so that what the
    // reader does meanwhile can be watched without timing it.
    let after = std::env::var_os("SAHIFA_REST_AFTER").map(std::path::PathBuf::from);
    let rest = Job::start(move || {
        while after.as_deref().is_some_and(|after| !after.exists()) {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        match feed_output::open(&source, feed_format, &options)? {
            Input::Article(loaded) => {
                let messages = loaded.warnings.iter().map(ToString::to_string).collect();
                Ok((loaded.document, messages))
            }
            // Its first part said otherwise: the reader cannot change what it shows into a list.
            Input::Feed { .. } => anyhow::bail!(
                "{}: read as an article, then found to be a feed (open it with --format feed)",
                crate::escape::Visible(source.name().display())
            ),
        }
    });
    Some((head, rest))
}

/// A whole article and its load warnings, or why it could not be read.
type WholeArticle = anyhow::Result<(Document, Vec<String>)>;

/// What the reader opens first.
enum First {
    Article(Document),
    Feed(FeedList),
    /// The feeds file's list, its feeds still to load.
    Feeds(FeedList),
}

/// Loads the source as an article or a feed (told as `print` tells them, a URL with the byte
/// counter); load warnings become status-line messages.
fn open_first(source: &Source, args: &ReadArgs) -> anyhow::Result<(First, Vec<String>)> {
    if matches!(source, Source::Sample) {
        let (doc, messages) = load_article(source, args)?;
        return Ok((First::Article(doc), messages));
    }
    let options = args.source.load_options();
    let opened = match source {
        Source::Url(url) => {
            let mut counter = fetching::Counter::new(url);
            feed_output::open_reporting(source, args.source.feed_format(), &options, &mut |b| {
                counter.show(b)
            })?
        }
        _ => feed_output::open(source, args.source.feed_format(), &options)?,
    };
    match opened {
        Input::Article(loaded) => {
            let messages = loaded.warnings.iter().map(ToString::to_string).collect();
            Ok((First::Article(loaded.document), messages))
        }
        Input::Feed { feed, name, file } => Ok((
            First::Feed(feed_output::list(feed, &name, file.as_deref())),
            Vec::new(),
        )),
    }
}

/// Where the position of `doc`, read from the source `identity` names, is kept under `dir`.
fn position_store(dir: &Path, identity: Identity, doc: &Document) -> Option<PositionStore> {
    match identity {
        // A big file's entry reads its ends, not all of it (see `ui::position`).
        Identity::File(path) => PositionStore::for_file(dir, path),
        Identity::Url(url) => PositionStore::for_url(dir, url, doc),
    }
}
