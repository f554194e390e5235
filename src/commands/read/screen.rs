//! The reader's event loop on a real terminal: draw, wait for input, act; suspend on Ctrl-Z or
//! SIGTSTP and redraw everything when continued; draw nothing while the terminal has no size.
//!
//! Rules: after a suspension or a stop from outside, the whole screen is drawn again at the size
//! the terminal has then (it may have been resized while the reader was stopped), never patched
//! from what was on screen before. A terminal that reports no size (0x0: `script` with standard
//! input from /dev/null, a container's terminal before it is sized) gets no frames and the loop
//! only waits for a resize; with standard input not a terminal either, nothing will ever size
//! it, so the reader stops with an error after [`NO_SIZE_GRACE`].

use super::browser;
use crate::feed::output::Input;
use crate::source::Source;
use crate::ui::Overlay;
use crate::ui::action::Action;
use crate::ui::compose::Job;
use crate::ui::input;
use crate::ui::navigation::{Navigation, View};
use crate::ui::position::PositionStore;
use crate::ui::terminal::{ExplicitBackend, Session, StopSignals};
use crate::ui::{App, ReaderOptions};
use crate::ui::{Effect, clipboard};
use anyhow::bail;
use crossterm::event::{self, Event};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui_image::picker::Picker;
use std::io::{IsTerminal, Stdout, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// How long a terminal without a size, and without a keyboard on standard input, is given to
/// get one before the reader gives up.
pub const NO_SIZE_GRACE: Duration = Duration::from_secs(1);
/// The longest wait for input between two looks at the signals and the background work.
const IDLE_WAIT: Duration = Duration::from_millis(250);
/// The wait while a big page is being composed, to show it as soon as it is ready.
const COMPOSING_WAIT: Duration = Duration::from_millis(50);

/// The terminal the reader draws on, with what it needs to give it back and take it again.
pub struct Screen<'a> {
    pub session: &'a Session,
    pub stops: &'a StopSignals,
    pub terminal: Terminal<ExplicitBackend<CrosstermBackend<Stdout>>>,
    /// The image picker in use, if the article has images (set again after a suspension so
    /// pictures are sent again rather than trusted to have survived).
    pub picker: Option<Picker>,
    /// Loads a source a view asked for (a feed item's link, a reload).
    pub load: &'a dyn Fn(&Source) -> anyhow::Result<Input>,
    /// The whole of a big article being read while its first part is shown.
    pub rest: Option<Rest>,
}

/// The whole of a big article, loading in the background while the reader shows its first
/// part. Keys act on the first part meanwhile (scrolling, modes, the help, a resize), without
/// waiting; a key whose target or panel may lie beyond it (`G`, `]`, `1`…`9`, `n`/`N`, a search,
/// the next call-out, the outline, the entity and links panels: [`App::needs_whole`]) is
/// held, with "reading the rest of the article…" on the status line, and carried out on the
/// whole article as soon as it arrives. The whole article replaces the first part in a reader
/// of its own, with the reader's real options (background layout, tagging, search), its view on
/// the text the first part showed at the top, in the modes set meanwhile (theme, justified,
/// reveal, entities). Quitting never waits for it.
///
/// A remembered reading position inside the first part is shown at once; one beyond it is a
/// request held like `G` ("…then back to your place" on the status line), carried out when the
/// whole article arrives, the remembered text at the top. A reader who scrolls, clicks or jumps
/// in the first part meanwhile has chosen where to read: the remembered place is dropped, and
/// the view stays on the text shown then (a mode, the help, the search prompt or a resize keep
/// it). Quitting before the whole article arrives, with the remembered place still waiting,
/// leaves it remembered as it was. A file whose position entry (its length, time and ends, see `ui::position`) is not
/// the same once it is read whole changed while it was read: its whole article starts from the
/// top, unless the reader moved, and the new entry is the one saved.
///
/// The outline is held rather than shown for the first part: it is the map of the whole
/// article, and a partial one would list a few of its sections as if they were all (its `G`
/// and its count wrong, rows arriving under the selection); the wait is the rest's load, under
/// a second on 100 MB.
pub struct Rest {
    pub job: Job<super::WholeArticle>,
    pub options: ReaderOptions,
    /// What is asked of the whole article, in order.
    held: Vec<Action>,
    /// The modes changed in the first part (theme, justification, reveal, entities), in order,
    /// to be changed the same way in the whole article.
    modes: Vec<Action>,
    /// The reader moved in the first part (else the view starts where the options say: a
    /// remembered position may lie beyond the first part).
    moved: bool,
    /// The remembered position lies beyond the first part (and the options' start is it).
    pub place_beyond: bool,
    /// The file's position entry as it was taken before the first frame.
    pub entry: Option<Entry>,
}

/// A file's position entry, and where to take it again.
pub struct Entry {
    pub dir: PathBuf,
    pub path: PathBuf,
    pub store: PositionStore,
}

impl Rest {
    pub fn new(job: Job<super::WholeArticle>, options: ReaderOptions) -> Self {
        Rest {
            job,
            options,
            held: Vec::new(),
            modes: Vec::new(),
            moved: false,
            place_beyond: false,
            entry: None,
        }
    }

    /// A remembered place beyond the first part still waits for the whole article: the first
    /// part's view is not where the reader is.
    pub fn keeps_place(&self) -> bool {
        self.place_beyond && !self.moved
    }
}

/// The status line while a key waits for the whole article.
pub const READING_REST: &str = "reading the rest of the article…";
/// The status line while a remembered place beyond the first part waits for the whole article.
pub const READING_TO_PLACE: &str = "reading the rest of the article… then back to your place";

/// Whether `action` changes a mode of the reader, which the whole article takes over from its
/// first part.
fn is_mode(action: Action) -> bool {
    matches!(
        action,
        Action::NextTheme | Action::ToggleJustify | Action::ToggleReveal | Action::ToggleEntities
    )
}

impl Screen<'_> {
    /// Draw, wait for input, act; until quit or a terminating signal.
    pub fn run(&mut self, app: &mut Navigation) -> anyhow::Result<()> {
        let mut sizeless_since: Option<Instant> = None;
        // A frame is drawn when something changed: an event, a background result, a new size.
        let mut dirty = true;
        let mut drawn_size = None;
        while !app.should_quit() && self.session.signalled().is_none() {
            if self.stops.take_stop() {
                self.suspend(app)?;
                dirty = true;
            }
            if self.stops.take_continued() {
                // Continued after a stop the reader did not make (SIGSTOP): the shell may have
                // reset the line discipline, and the screen may be anything.
                self.session.reclaim()?;
                self.redraw_all(app)?;
                dirty = true;
            }
            dirty |= self.take_rest(app)?;
            dirty |= app.poll_background();
            let size = self.terminal.size()?;
            if size.width == 0 || size.height == 0 {
                let since = *sizeless_since.get_or_insert_with(Instant::now);
                if since.elapsed() >= NO_SIZE_GRACE && !std::io::stdin().is_terminal() {
                    bail!(
                        "the terminal reports a size of {}x{} and standard input is not a \
                         terminal, so nothing can be shown (set a size with `stty cols 80 rows \
                         24`, or use `sahifa print`)",
                        size.width,
                        size.height
                    );
                }
            } else if dirty || drawn_size != Some(size) {
                sizeless_since = None;
                self.terminal
                    .draw(|frame| app.render(frame.area(), frame.buffer_mut()))?;
                (dirty, drawn_size) = (false, Some(size));
            }
            let wait = if app.busy() || self.rest.is_some() {
                COMPOSING_WAIT
            } else {
                IDLE_WAIT
            };
            if !event::poll(wait)? {
                continue;
            }
            dirty = true;
            // Handle everything already waiting (a burst of wheel events) before the next frame.
            loop {
                let event = event::read()?;
                let effects = if self.hold(app, &event) {
                    Vec::new()
                } else {
                    app.handle_event(&event)
                };
                if !effects.is_empty() {
                    self.perform(app, effects)?;
                    break;
                }
                if !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        Ok(())
    }

    /// Does what the app asked for, in order.
    fn perform(&mut self, app: &mut Navigation, effects: Vec<Effect>) -> anyhow::Result<()> {
        for effect in effects {
            match effect {
                // The loop ends: `app.should_quit()` says so too.
                Effect::Quit => return Ok(()),
                Effect::Suspend => self.suspend(app)?,
                Effect::Copy(text) => {
                    let backend = &mut self.terminal.backend_mut().0;
                    backend.write_all(clipboard::osc52(&text).as_bytes())?;
                    backend.flush()?;
                }
                Effect::Open(source) => match (self.load)(&source) {
                    Ok(input) => app.push_input(input, source),
                    Err(e) => app.set_message(crate::escape::Visible(e).to_string()),
                },
                Effect::Browse(url) => {
                    if let Err(e) = browser::open(&url) {
                        app.set_message(crate::escape::Visible(e).to_string());
                    }
                }
                Effect::Reload(source) => match (self.load)(&source) {
                    Ok(Input::Feed { feed, .. }) => app.reload_feed(Ok(feed)),
                    Ok(Input::Article(_)) => app.reload_feed(Err(format!(
                        "{} is no longer a feed",
                        source.name().display()
                    ))),
                    Err(e) => app.set_message(crate::escape::Visible(e).to_string()),
                },
            }
        }
        Ok(())
    }

    /// Keeps `event` for the whole article if it asks for what may lie beyond the first part,
    /// or comes after such a request (quitting and suspending never wait); true if it did.
    fn hold(&mut self, app: &mut Navigation, event: &Event) -> bool {
        let Some(rest) = &mut self.rest else {
            return false;
        };
        let deep = app.depth() > 1;
        let View::Article(head) = app.current_mut() else {
            return false;
        };
        let Event::Key(key) = event else {
            // A click, a drag, the wheel (a resize keeps the text shown).
            rest.moved |= matches!(event, Event::Mouse(..));
            return false;
        };
        let actions: Vec<_> = (input::keys(*key).into_iter())
            .filter_map(|key| head.key_action(key))
            .collect();
        // `q` and Esc (back: else quit), quitting and suspending never wait.
        let right_away =
            |action: &Action| matches!(action, Action::Back | Action::Quit | Action::Suspend);
        if deep || actions.iter().any(right_away) {
            return false;
        }
        // A panel open takes its own keys (`G` in the help, say).
        let search = head.prompt().map(str::to_owned);
        let panel = head.overlay() != Overlay::None;
        let asks = |action: &Action| match action {
            Action::Confirm => search.is_some(),
            _ => search.is_none() && !panel && head.needs_whole(*action),
        };
        if rest.held.is_empty() && !actions.iter().any(asks) {
            // A mode, the help or the search prompt keep the view where it was; keys in the
            // help scroll the help.
            let stays = |a: &Action| {
                is_mode(*a)
                    || matches!(
                        a,
                        Action::ToggleHelp
                            | Action::StartSearch
                            | Action::Type(_)
                            | Action::DeleteChar
                    )
            };
            rest.moved |= !panel && !actions.iter().all(stays);
            if search.is_none() && !panel {
                rest.modes
                    .extend(actions.into_iter().filter(|a| is_mode(*a)));
            }
            return false;
        }
        for action in actions {
            if let (Action::Confirm, Some(typed)) = (action, &search) {
                // The search typed in the first part is typed again in the whole article.
                head.handle(Action::Back);
                rest.held.push(Action::StartSearch);
                rest.held.extend(typed.chars().map(Action::Type));
            }
            rest.held.push(action);
        }
        app.set_message(READING_REST.to_owned());
        true
    }

    /// Puts the whole article in place of its first part once it is loaded, its view on the
    /// text shown, then carries out what was held for it; true if it did. A file that failed
    /// to load ends the reader with its error.
    fn take_rest(&mut self, app: &mut Navigation) -> anyhow::Result<bool> {
        // Not while another view (a link opened from the first part) is over it.
        if app.depth() > 1 {
            return Ok(false);
        }
        let Some(loaded) = self.rest.as_ref().and_then(|rest| rest.job.ready()) else {
            return Ok(false);
        };
        let Some(rest) = self.rest.take() else {
            return Ok(false);
        };
        let (doc, messages) = loaded?;
        let mut options = rest.options;
        if let Some(entry) = rest.entry {
            let now = PositionStore::for_file(&entry.dir, &entry.path);
            if now.as_ref() != Some(&entry.store) {
                // Changed while it was read: the remembered place may be other text now.
                options.start = None;
                app.remember_positions(entry.dir, now);
            }
        }
        if !messages.is_empty() {
            let said = options.message.take().into_iter().chain(messages);
            options.message = Some(said.collect::<Vec<_>>().join("; "));
        }
        // Once the reader has moved, the text it shows stays on top (not a remembered place);
        // else the remembered place, if any, is put at the top (a big article's window moved
        // to it).
        let shown = match app.current() {
            View::Article(head) if rest.moved => head.place_shown(),
            _ => options.start.map(|start| (start, 0)),
        };
        options.start = None;
        let size = self.terminal.size()?;
        let mut whole = App::with_size(doc, options, size.width, size.height);
        for mode in rest.modes {
            whole.handle(mode);
        }
        if let Some(place) = shown {
            whole.go_to(place);
        }
        let effects: Vec<_> = (rest.held.into_iter())
            .flat_map(|action| whole.handle(action))
            .collect();
        *app.current_mut() = View::Article(Box::new(whole));
        self.perform(app, effects)?;
        Ok(true)
    }

    /// Gives the terminal back, stops, and once continued redraws everything.
    fn suspend(&mut self, app: &mut Navigation) -> anyhow::Result<()> {
        self.session.suspend()?;
        // The continuation that woke the reader is dealt with by this redraw.
        self.stops.forget_continued();
        self.redraw_all(app)
    }

    /// Makes the next frame a whole one, at the size the terminal has now: ratatui forgets
    /// what it believes is on screen, and pictures are encoded and sent again.
    fn redraw_all(&mut self, app: &mut Navigation) -> anyhow::Result<()> {
        let (cols, rows) = crossterm::terminal::size()?;
        if let (Some(picker), View::Article(article)) = (&self.picker, app.current_mut()) {
            article.set_image_picker(picker.clone());
        }
        self.terminal.resize(Rect::new(0, 0, cols, rows))?;
        Ok(())
    }
}
