//! How the reader gets pages: a [`Compose`] implementation, and a background job for big ones.
//!
//! The rule: a key never waits for a whole big article to be laid out, and a big article's
//! cells are never all kept. Small articles are composed at once. For big ones (over
//! [`BIG_ARTICLE`] bytes of text) the reader composes only the units around the reading
//! position — enough to fill the screen and a screen or two either side — and shows them at
//! once; as the view moves, a new window is composed around it. A background thread measures
//! the whole page at that width into a [`PageIndex`] (lines per unit, no cells), which gives
//! the view's line number and the page's length when it arrives. Entity tagging, which takes a while
//! for any article, runs in the background the same way: the text shows first, the entities
//! (and the page with their tags) follow.

use crate::document::{Document, Entities};
use crate::page::{self, BlockRef, Composer, LineKind, PageIndex, PageLine, PageOptions, Unit};
use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver};

/// Text bytes above which composition goes to the background.
pub const BIG_ARTICLE: usize = 512 * 1024;

/// Lays a document out into page lines.
pub trait Compose: Send + Sync {
    /// The whole page at `width`.
    fn page(&self, doc: &Document, width: usize) -> Vec<PageLine>;

    /// The lines of each of `units` (consecutive units of the page), exactly as they appear in
    /// [`Compose::page`] without the separators between units; `None` if this composer only
    /// does whole pages. Called once per window, so per-document setup is paid once.
    fn units(&self, _doc: &Document, _units: &[Unit], _width: usize) -> Option<Vec<Vec<PageLine>>> {
        None
    }

    /// The page options this composer lays out with; `None` if it has none to change.
    fn options(&self) -> Option<PageOptions> {
        None
    }

    /// The same composer with its page options changed by `change` (`J` justifies, `R`
    /// reveals); `None` if it has none to change.
    fn with(&self, _change: &dyn Fn(&mut PageOptions)) -> Option<Arc<dyn Compose>> {
        None
    }
}

/// The page composer: [`crate::page`] with these options, whole pages or units.
pub struct PageCompose(pub PageOptions);

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

    fn options(&self) -> Option<PageOptions> {
        Some(self.0)
    }

    fn with(&self, change: &dyn Fn(&mut PageOptions)) -> Option<Arc<dyn Compose>> {
        let mut options = self.0;
        change(&mut options);
        Some(Arc::new(PageCompose(options)))
    }
}

/// Any function of document and width composes whole pages.
impl<F> Compose for F
where
    F: Fn(&Document, usize) -> Vec<PageLine> + Send + Sync,
{
    fn page(&self, doc: &Document, width: usize) -> Vec<PageLine> {
        self(doc, width)
    }
}

/// Total text size, to tell big articles from small ones without composing anything.
pub fn text_bytes(doc: &Document) -> usize {
    let blocks: usize = doc
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        // The length of each block's plain text (its texts joined by newlines), without
        // joining them.
        .map(|b| {
            let texts = b.texts();
            texts.iter().map(|t| t.len()).sum::<usize>() + texts.len().saturating_sub(1)
        })
        .sum();
    blocks + doc.title.len()
}

/// The unit a block part belongs to.
pub fn unit_of(doc: &Document, source: &BlockRef) -> Unit {
    match source.block {
        Some(block) => Unit::Block {
            section: source.section,
            block,
        },
        None if source.part == BlockRef::HEADING
            && doc
                .sections
                .get(source.section)
                .is_some_and(|s| s.shown_heading().is_some()) =>
        {
            Unit::Heading(source.section)
        }
        None => Unit::Header,
    }
}

/// Whether `doc` has the unit the block part `source` belongs to: a big article's first part
/// does not have those of the text after it.
pub fn holds(doc: &Document, source: &BlockRef) -> bool {
    Unit::all(doc).contains(&unit_of(doc, source))
}

/// The units around unit `at`, enough for `rows` lines above its start and twice that below:
/// a window of the page, exact in itself (the lines the whole page has there). Returns the
/// lines, the index of `at`'s first line among them, and the range of units they hold.
pub fn window(
    compose: &dyn Compose,
    doc: &Document,
    units: &[Unit],
    at: usize,
    width: usize,
    rows: usize,
) -> Option<(Vec<PageLine>, usize, Range<usize>)> {
    let at = at.min(units.len().checked_sub(1)?);
    // Most units are a few lines; widen and try again in the rare case they were not enough.
    let mut reach = rows.max(8);
    loop {
        let start = at.saturating_sub(reach / 2);
        let end = (at + reach).min(units.len());
        let mut composed = compose.units(doc, units.get(start..end)?, width)?;
        if composed.len() != end - start {
            return None;
        }
        let below = composed
            .split_off(at - start)
            .into_iter()
            .fold(Vec::new(), join);
        let above = composed.into_iter().fold(Vec::new(), join);
        let enough_above = above.len() >= rows || start == 0;
        let enough_below = below.len() >= 2 * rows || end == units.len();
        if enough_above && enough_below {
            let offset = if above.is_empty() || below.is_empty() {
                above.len()
            } else {
                above.len() + 1
            };
            return Some((join(above, below), offset, start..end));
        }
        reach *= 2;
    }
}

/// Two runs of page lines as the page joins units: one blank line between non-empty runs.
fn join(mut first: Vec<PageLine>, second: Vec<PageLine>) -> Vec<PageLine> {
    if let (false, Some(next)) = (first.is_empty(), second.first()) {
        first.push(PageLine {
            pieces: Vec::new(),
            kind: LineKind::Blank,
            section: next.section,
        });
    }
    first.extend(second);
    first
}

/// Finds the entities of a document (the analyse stage, run by the reader's caller's choice).
pub type TagFn = Arc<dyn Fn(&Document) -> Entities + Send + Sync>;

/// Work done on another thread (entity tagging, the search index), picked up when ready.
/// Dropping the job tells stoppable work ([`Job::stoppable`]) to stop.
pub struct Job<T> {
    receiver: Receiver<T>,
    stop: Arc<AtomicBool>,
}

impl<T: Send + 'static> Job<T> {
    pub fn start(work: impl FnOnce() -> T + Send + 'static) -> Self {
        Self::stoppable(move |_| work())
    }

    /// Work that asks the function it is given whether its result is still wanted.
    pub fn stoppable(work: impl FnOnce(&dyn Fn() -> bool) -> T + Send + 'static) -> Self {
        let (sender, receiver) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        let asked = Arc::clone(&stop);
        std::thread::spawn(move || {
            let result = work(&|| asked.load(Ordering::Relaxed));
            // The reader may have quit or moved on; then nobody is listening.
            let _ = sender.send(result);
        });
        Job { receiver, stop }
    }

    /// The result, if the work is done.
    pub fn ready(&self) -> Option<T> {
        self.receiver.try_recv().ok()
    }

    /// The result, waiting for the work to end; `None` if it failed.
    pub fn wait(self) -> Option<T> {
        self.receiver.recv().ok()
    }
}

impl<T> Drop for Job<T> {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Units measured per call to [`Compose::units`] while indexing: large enough that setting up
/// a composer is paid rarely, small enough to stop soon and for the cells composed at once
/// (some fifty bytes a character) to stay a few megabytes.
const MEASURE_CHUNK: usize = 256;

/// The index of the page at `width` (how many lines each of `doc`'s `units`, [`Unit::all`],
/// takes), measured on another
/// thread; the cells are dropped as soon as they are counted. `None` when the composer only
/// does whole pages or the job was dropped before it finished.
pub fn measure(
    compose: Arc<dyn Compose>,
    doc: Arc<Document>,
    units: Arc<[Unit]>,
    width: usize,
) -> Job<Option<PageIndex>> {
    Job::stoppable(move |stop| {
        let mut counts = Vec::with_capacity(units.len());
        for chunk in units.chunks(MEASURE_CHUNK) {
            if stop() {
                return None;
            }
            let lines = compose.units(&doc, chunk, width)?;
            counts.extend(lines.iter().map(Vec::len));
        }
        Some(PageIndex::from_counts(width, counts))
    })
}
