//! `sahifa shot [OPTIONS] FILE -o OUT`: a headless screenshot of the reader.
//!
//! The same [`App`] the terminal runs is built with the same settings (config file, then the
//! command line — every reader option applies), sized `--size`, fed the `--keys` script, painted
//! into a plain buffer, and the buffer written in the format OUT's extension names (src/shot).
//! Nothing touches the terminal, nothing runs in the background, and no reading position is
//! restored or saved, so the same input gives the same picture. A big article is composed a
//! window at a time as in the reader, and its status line gives the place in units (`~N%`),
//! since nothing measures the whole page; its entities are tagged at the first key that shows
//! them (`e`, `E`), not before the first screen. A big plain-text or Markdown file is pictured
//! from its first part alone ([`crate::load::head`]), as the reader shows it before the rest is
//! read: the same screens and the same estimated place (`~N%`), when the keys stay within it;
//! a key that may need the rest (`G`, `]`, a search, the outline…, see
//! [`App::needs_whole`]) or a view that comes near the end of the part read starts again
//! from the whole file. Without FILE it takes piped
//! standard input, else the built-in sample article, as the reader does. `--feeds` pictures
//! `sahifa feeds` (FILE, if given, is the feeds file): every feed is waited for, before the
//! keys and after a reload, and handed in in the file's order, so the picture does not depend
//! on which server answered first.

use crate::args::ShotArgs;
use crate::feed::feeds_file;
use crate::feed::list::FeedList;
use crate::feed::output::{self as feed_output, Input};
use crate::feed::read_state::ReadState;
use crate::settings::reader_options;
use crate::shot;
use crate::source::Source;
use crate::theme::Theme;
use crate::ui::config::Config;
use crate::ui::navigation::{Navigation, View};
use crate::ui::{App, Effect, parse_keys};
use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub fn run(source: &Source, args: &ShotArgs) -> anyhow::Result<()> {
    // Refuse a bad OUT before any work.
    shot::Format::from_path(&args.output)?;
    let buffer = screen(source, args)?;
    shot::write_with(&buffer, &args.output, &image_palette(args))?;
    Ok(())
}

/// The screen colours a picture assumes where the theme leaves the terminal's own (`default`):
/// white paper for the light theme, a dark screen for every other (they are all patched over
/// the default theme, which is made for dark terminals).
fn image_palette(args: &ShotArgs) -> shot::Palette {
    let (config, _) = Config::load(args.read.config.as_deref());
    let spec = args.read.theme.as_deref().or(config.theme.as_deref());
    let (theme, _) = Theme::resolve(spec);
    if theme.name == "light" {
        shot::Palette::default()
    } else {
        shot::Palette::dark()
    }
}

/// The reader's screen after the key script, at the requested size.
pub fn screen(source: &Source, args: &ShotArgs) -> anyhow::Result<Buffer> {
    screen_at(source, args, feed_output::now())
}

/// [`screen`], a feed's ages counted from `now`. A feed opens its list view; keys that open an
/// item push it as the reader does, and a link to fetch is not followed (nothing leaves the
/// machine): the status line says so.
pub fn screen_at(source: &Source, args: &ShotArgs, now: DateTime<Utc>) -> anyhow::Result<Buffer> {
    if let Some(buffer) = (!args.feeds)
        .then(|| head_screen(source, args, now))
        .flatten()
    {
        return Ok(buffer);
    }
    let read = &args.read;
    let (config, config_problem) = Config::load(read.config.as_deref());
    let input = if args.feeds {
        let (path, file) = feeds_file::open(read.source.file.as_deref())?;
        let shown = path.display().to_string();
        let problems = file.problems.iter().map(|p| format!("{shown}: {p}"));
        Subscribed(FeedList::subscribed(&file, None), problems.collect())
    } else {
        Opened(Box::new(feed_output::open(
            source,
            read.source.feed_format(),
            &read.source.load_options(),
        )?))
    };
    let mut messages: Vec<String> = match &input {
        Opened(input) => match input.as_ref() {
            Input::Article(loaded) => loaded.warnings.iter().map(ToString::to_string).collect(),
            Input::Feed { .. } => Vec::new(),
        },
        Subscribed(_, problems) => problems.clone(),
    };
    messages.extend(config_problem);
    let mut reader = reader_options(source, read, &config, &mut messages);
    // A big article's screen is composed alone, not after the whole page.
    reader.windows = true;
    reader.message = (!messages.is_empty()).then(|| messages.join("; "));
    let page = read
        .text
        .page_options(config.shaping.unwrap_or(true), reader.reorder);

    let shot::Size { cols, rows } = args.size;
    let first = match input {
        Opened(input) => match *input {
            Input::Article(loaded) => View::Article(Box::new(App::with_size(
                loaded.document,
                reader.clone(),
                cols,
                rows,
            ))),
            // No read marks from the state directory: the same input gives the same picture.
            Input::Feed { feed, name, .. } => {
                let list = FeedList::single(feed, &name, ReadState::in_memory());
                feed_view(list, source, page, now, reader.message.as_deref(), None)
            }
        },
        Subscribed(list, _) => {
            let options = read.source.load_options();
            feed_view(
                list,
                source,
                page,
                now,
                reader.message.as_deref(),
                Some(options),
            )
        }
    };
    let mut nav = Navigation::with_feeds(first, reader, page, now, cols, rows);
    for key in parse_keys(&args.keys) {
        if nav.should_quit() {
            break;
        }
        let effects = nav.press(key);
        if let View::Feed { view, .. } = nav.current_mut() {
            view.wait();
        }
        for effect in effects {
            if let Effect::Open(source) | Effect::Reload(source) = effect {
                nav.set_message(format!(
                    "not fetched in a screenshot: {}",
                    crate::escape::Visible(source.name().display())
                ));
            }
        }
    }
    let mut buffer = Buffer::empty(Rect::new(0, 0, cols, rows));
    nav.render(buffer.area, &mut buffer);
    Ok(buffer)
}

/// The screen after the key script, from the first part of a big file alone; `None` when the
/// file has no such part or the keys need the rest (see the module doc).
fn head_screen(source: &Source, args: &ShotArgs, now: DateTime<Utc>) -> Option<Buffer> {
    let read = &args.read;
    let load = read.source.load_options();
    let head = feed_output::open_head(source, read.source.feed_format(), &load)?;
    let (config, config_problem) = Config::load(read.config.as_deref());
    let mut messages: Vec<String> = config_problem.into_iter().collect();
    let mut reader = reader_options(source, read, &config, &mut messages);
    reader.windows = true;
    reader.partial = Some(head.partial);
    reader.message = (!messages.is_empty()).then(|| messages.join("; "));
    let page = read
        .text
        .page_options(config.shaping.unwrap_or(true), reader.reorder);
    let shot::Size { cols, rows } = args.size;
    let app = App::with_size(head.document, reader.clone(), cols, rows);
    let first = View::Article(Box::new(app));
    let mut nav = Navigation::with_feeds(first, reader, page, now, cols, rows);
    within_head(&nav)?;
    for key in parse_keys(&args.keys) {
        if nav.should_quit() {
            break;
        }
        let app = within_head(&nav)?;
        if app
            .key_action(key)
            .is_some_and(|action| app.needs_whole(action))
        {
            return None;
        }
        for effect in nav.press(key) {
            if let Effect::Open(source) | Effect::Reload(source) = effect {
                nav.set_message(format!(
                    "not fetched in a screenshot: {}",
                    crate::escape::Visible(source.name().display())
                ));
            }
        }
        within_head(&nav)?;
    }
    let mut buffer = Buffer::empty(Rect::new(0, 0, cols, rows));
    nav.render(buffer.area, &mut buffer);
    Some(buffer)
}

/// The article shown, while its view is not near the end of the part read.
fn within_head(nav: &Navigation) -> Option<&App> {
    match nav.current() {
        View::Article(app) => (!app.reaches_partial_end()).then_some(app.as_ref()),
        View::Feed { .. } => None,
    }
}

/// What a screenshot is of.
enum Picture {
    /// A file, standard input or a URL: an article or a feed.
    Opened(Box<Input>),
    /// The feeds file's list, and what was wrong with some of its lines.
    Subscribed(FeedList, Vec<String>),
}
use Picture::{Opened, Subscribed};

/// The first view of a feed list: `message` in its status line; with `load`, its feeds are
/// loaded and waited for.
fn feed_view(
    list: FeedList,
    source: &Source,
    page: crate::page::PageOptions,
    now: DateTime<Utc>,
    message: Option<&str>,
    load: Option<crate::load::LoadOptions>,
) -> View {
    let mut first = Navigation::feed_view(list, source.clone(), page, now);
    if let View::Feed { view, .. } = &mut first {
        if let Some(message) = message {
            view.set_message(message.to_owned());
        }
        if let Some(options) = load {
            view.load_in_background(options);
            view.wait();
        }
    }
    first
}
