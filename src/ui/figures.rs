//! Figure images inside their boxes: local pictures, and remote ones of web articles.
//!
//! A figure whose `src` names a local picture (a path relative to the article's directory, or
//! absolute; never a URL) gets rows for it inside its box. When the reader opens, each file is
//! only looked at ([`crate::load::figure_files`]): its header gives the size in pixels, which is
//! all the rows need; files that cannot be shown are labelled with why (`[image not found:
//! src]`) instead of `[image: src]`. A picture is decoded the first time it is painted, once,
//! and kept for the rest of the reading; [`Figures::decoded`] counts the decodings. The terminal
//! reader decodes on a thread of its own, so the frame that first shows a big picture shows its
//! box blank and the picture follows (a 4000x3000 JPEG takes some 50 ms); tests and screenshots
//! decode in that frame, so what they draw is exact.
//!
//! [`WithImages`] wraps the page composer: under the figure's label it adds blank rows inside
//! the box — as many as the image needs at that column width, at most [`MAX_ROWS`] — and the
//! view paints the image over them. Image rows are marked by an empty text piece with the
//! figure's source part, so search, entities and clicks never see anything in them. A picture
//! whose header was fine but whose pixels cannot be decoded (a damaged file, or one changed
//! since the reader opened) keeps its rows, so the page does not move under the reader, and
//! the first of them says `image unreadable`.
//!
//! A web article's figures whose `src` is an `http(s)://` URL are fetched into the picture
//! cache ([`crate::source::cache`]) and then read as local files. The terminal reader fetches
//! them in the background, a few at a time, after the first frame: a figure shows its label
//! alone until its picture arrives, then the page is composed again with its rows, the text at
//! the top of the view kept there; a failure puts the reason in the label (`[image not found:
//! URL]`). Tests and screenshots fetch them all before the first frame, so what they draw is
//! exact.
//!
//! Painting uses ratatui-image with the protocol the terminal offers (kitty, sixel, iTerm2) or
//! halfblocks — always halfblocks until the terminal reader asks, so tests and screenshots
//! are the same everywhere.

use super::compose::Compose;
use crate::document::{Document, ImageProblem};
use crate::layout::VisualLine;
use crate::load::figure_files::{self, ImageFile};
use crate::page::{BlockRef, LineKind, PageLine, PageOptions, Piece, Role, Tag, Unit};
use crate::source::cache::PictureCache;
use image::DynamicImage;
use ratatui_image::picker::Picker;
use ratatui_image::protocol::Protocol;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

/// Most rows an image takes, so a tall picture does not push the article off the screen.
pub const MAX_ROWS: usize = 12;

/// The figure pictures of one document, by (section, block): their sizes from the start (a
/// remote picture's once fetched), their pixels from the first paint.
#[derive(Default)]
pub struct Figures {
    pictures: BTreeMap<(usize, usize), Picture>,
    /// Decodings so far.
    decoded: AtomicUsize,
    /// Decode (and fetch) on threads of their own (the terminal reader), so the frame that
    /// first shows a big picture is not held up; otherwise (tests, screenshots) in that frame,
    /// and remote pictures at load, so it is exact.
    background: bool,
    /// Decodings and fetches running in the background.
    running: AtomicUsize,
    /// A background decoding ended since [`Figures::take_finished`] last asked.
    finished: AtomicBool,
    /// A background fetch ended since [`Figures::take_fetched`] last asked.
    fetched: AtomicBool,
    /// Where remote pictures are kept and how they are fetched.
    cache: Option<PictureCache>,
}

struct Picture {
    /// The picture's file and size, or why it cannot be shown: a local file's from the start,
    /// a remote picture's once it is fetched (until then the figure has no image rows).
    file: OnceLock<Result<ImageFile, ImageProblem>>,
    /// The URL of a remote picture.
    url: Option<String>,
    /// Set at the first paint: the pixels, or why there are none.
    pixels: OnceLock<Result<DynamicImage, ImageProblem>>,
    /// A background decoding was started.
    started: AtomicBool,
}

impl Picture {
    fn new(file: Option<ImageFile>, url: Option<String>) -> Self {
        let cell = OnceLock::new();
        if let Some(file) = file {
            let _ = cell.set(Ok(file));
        }
        Picture {
            file: cell,
            url,
            pixels: OnceLock::new(),
            started: AtomicBool::new(false),
        }
    }

    fn image_file(&self) -> Option<&ImageFile> {
        self.file.get().and_then(|file| file.as_ref().ok())
    }
}

/// Most remote pictures fetched at once.
const FETCHES_AT_ONCE: usize = 4;

/// A picture's pixels as the painter finds them.
pub enum Pixels<'a> {
    Ready(&'a DynamicImage),
    /// The header was fine, the pixels are not.
    Failed(ImageProblem),
    /// Being decoded in the background: the rows stay blank for now.
    Decoding,
}

impl Figures {
    /// Looks at the local pictures `doc`'s figures name, relative to `dir` (none: no local
    /// pictures), reading their sizes only; the problems of the files that cannot be shown go
    /// into `doc` for the labels. With a `cache`, figures whose `src` is an `http(s)://` URL
    /// are fetched into it: now when not `background` (their problems go into `doc` too), else
    /// by [`Figures::start_fetching`]. `background`: decode pictures on threads of their own
    /// (see [`Figures::pixels`]).
    pub fn load(
        doc: &mut Document,
        dir: Option<&Path>,
        cache: Option<PictureCache>,
        background: bool,
    ) -> Figures {
        let mut pictures = BTreeMap::new();
        if let Some(dir) = dir {
            let found = figure_files::look_up(doc, dir);
            doc.image_problems = found.problems;
            for (at, file) in found.images {
                pictures.insert(at, Picture::new(Some(file), None));
            }
        }
        if cache.is_some() {
            for (at, url) in figure_files::remote(doc) {
                pictures.insert(at, Picture::new(None, Some(url)));
            }
        }
        let figures = Figures {
            pictures,
            background,
            cache,
            ..Figures::default()
        };
        if !background {
            figures.fetch_all();
            figures.fetched.store(false, Ordering::Release);
            doc.image_problems.extend(figures.remote_problems());
        }
        figures
    }

    /// Fetches the remote pictures not fetched yet, [`FETCHES_AT_ONCE`] at a time; returns
    /// when all are done.
    fn fetch_all(&self) {
        let Some(cache) = &self.cache else {
            return;
        };
        let waiting: Vec<&Picture> = (self.pictures.values())
            .filter(|p| p.url.is_some() && p.file.get().is_none())
            .collect();
        let next = AtomicUsize::new(0);
        std::thread::scope(|scope| {
            for _ in 0..FETCHES_AT_ONCE.min(waiting.len()) {
                scope.spawn(|| {
                    while let Some(picture) = waiting.get(next.fetch_add(1, Ordering::Relaxed)) {
                        if let Some(url) = &picture.url {
                            let _ = picture.file.set(fetch_one(cache, url));
                        }
                        self.fetched.store(true, Ordering::Release);
                    }
                });
            }
        });
    }

    /// Starts fetching the remote pictures in the background (when loaded so); the reader
    /// hears of each by [`Figures::take_fetched`].
    pub fn start_fetching(self: &Arc<Self>) {
        let waiting = (self.pictures.values()).any(|p| p.url.is_some() && p.file.get().is_none());
        if !self.background || !waiting {
            return;
        }
        self.running.fetch_add(1, Ordering::AcqRel);
        let figures = Arc::clone(self);
        std::thread::spawn(move || {
            figures.fetch_all();
            figures.running.fetch_sub(1, Ordering::AcqRel);
        });
    }

    /// Whether a background fetch ended since the last call: the page must be composed again
    /// (the picture's rows, or its label's problem from [`Figures::remote_problems`]).
    pub fn take_fetched(&self) -> bool {
        self.fetched.swap(false, Ordering::AcqRel)
    }

    /// Why the remote pictures fetched so far that cannot be shown cannot.
    pub fn remote_problems(&self) -> BTreeMap<(usize, usize), ImageProblem> {
        (self.pictures.iter())
            .filter(|(_, p)| p.url.is_some())
            .filter_map(|(at, p)| match p.file.get() {
                Some(Err(problem)) => Some((*at, *problem)),
                _ => None,
            })
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.pictures.is_empty()
    }

    /// The pixels of figure (section, block)'s picture; `None` for a figure without one (or a
    /// remote one not fetched yet). The first ask decodes them: at once, or in the background
    /// (answering [`Pixels::Decoding`] until they are ready) when the figures were loaded so.
    pub fn pixels(self: &Arc<Self>, section: usize, block: usize) -> Option<Pixels<'_>> {
        let picture = self.pictures.get(&(section, block))?;
        let file = picture.image_file()?;
        let pixels = match picture.pixels.get() {
            Some(pixels) => pixels,
            None if self.background => {
                if !picture.started.swap(true, Ordering::AcqRel) {
                    self.running.fetch_add(1, Ordering::AcqRel);
                    let figures = Arc::clone(self);
                    std::thread::spawn(move || {
                        if let Some(picture) = figures.pictures.get(&(section, block))
                            && let Some(file) = picture.image_file()
                        {
                            figures.decode(picture, file);
                        }
                        figures.finished.store(true, Ordering::Release);
                        figures.running.fetch_sub(1, Ordering::AcqRel);
                    });
                }
                return Some(Pixels::Decoding);
            }
            None => self.decode(picture, file),
        };
        Some(match pixels {
            Ok(image) => Pixels::Ready(image),
            Err(problem) => Pixels::Failed(*problem),
        })
    }

    fn decode<'a>(
        &self,
        picture: &'a Picture,
        file: &ImageFile,
    ) -> &'a Result<DynamicImage, ImageProblem> {
        picture.pixels.get_or_init(|| {
            self.decoded.fetch_add(1, Ordering::Relaxed);
            figure_files::decode(file)
        })
    }

    /// Whether pictures are being decoded in the background.
    pub fn decoding(&self) -> bool {
        self.running.load(Ordering::Acquire) > 0
    }

    /// Whether a background decoding ended since the last call (the view should be drawn).
    pub fn take_finished(&self) -> bool {
        self.finished.swap(false, Ordering::AcqRel)
    }

    /// How many pictures have been decoded so far (each at most once).
    pub fn decoded(&self) -> usize {
        self.decoded.load(Ordering::Relaxed)
    }

    /// Rows the image of figure (section, block) takes in a box `inner` cells wide: its
    /// proportions with a cell twice as tall as wide, between 1 and [`MAX_ROWS`].
    pub fn rows(&self, section: usize, block: usize, inner: usize) -> usize {
        let Some(file) = (self.pictures.get(&(section, block))).and_then(Picture::image_file)
        else {
            return 0;
        };
        let (w, h) = (file.width.max(1) as usize, file.height as usize);
        (h * inner).div_ceil(2 * w).clamp(1, MAX_ROWS)
    }
}

/// The picture at `url`: kept in `cache` or fetched into it, then looked at as a local file.
fn fetch_one(cache: &PictureCache, url: &str) -> Result<ImageFile, ImageProblem> {
    figure_files::probe(&cache.file(url)?)
}

/// If `line` is an image row, the figure it belongs to: (section, block).
pub fn image_row(line: &PageLine) -> Option<(usize, usize)> {
    line.pieces.iter().find_map(|piece| match piece {
        Piece::Text { line, source }
            if source.part == BlockRef::FIGURE_SOURCE && line.clusters.is_empty() =>
        {
            Some((source.section, source.block?))
        }
        _ => None,
    })
}

/// Where the image goes in an image row: cells from the line's start, and width.
pub fn image_cells(line: &PageLine) -> (usize, usize) {
    let mut x = 0;
    for piece in &line.pieces {
        if let Piece::Text { .. } = piece {
            let inner = line.width().saturating_sub(x);
            let border = line
                .pieces
                .last()
                .filter(|p| is_border(p))
                .map_or(0, Piece::width);
            return (x, inner.saturating_sub(border));
        }
        x += piece.width();
    }
    (0, 0)
}

fn is_border(piece: &Piece) -> bool {
    matches!(piece, Piece::Decoration { tag, .. } if tag.role == Role::FigureBorder)
}

/// A composer that adds image rows to the figures that have images.
pub struct WithImages {
    pub inner: Arc<dyn Compose>,
    pub figures: Arc<Figures>,
}

impl Compose for WithImages {
    fn page(&self, doc: &Document, width: usize) -> Vec<PageLine> {
        add_image_rows(&self.figures, self.inner.page(doc, width))
    }

    fn options(&self) -> Option<PageOptions> {
        self.inner.options()
    }

    fn with(&self, change: &dyn Fn(&mut PageOptions)) -> Option<Arc<dyn Compose>> {
        let inner = self.inner.with(change)?;
        let figures = Arc::clone(&self.figures);
        Some(Arc::new(WithImages { inner, figures }))
    }

    fn units(&self, doc: &Document, units: &[Unit], width: usize) -> Option<Vec<Vec<PageLine>>> {
        let composed = self.inner.units(doc, units, width)?;
        Some(
            composed
                .into_iter()
                .map(|lines| add_image_rows(&self.figures, lines))
                .collect(),
        )
    }
}

/// `lines` with image rows after the last label line of each figure that has an image.
fn add_image_rows(figures: &Figures, lines: Vec<PageLine>) -> Vec<PageLine> {
    let mut out = Vec::with_capacity(lines.len());
    let mut lines = lines.into_iter().peekable();
    while let Some(line) = lines.next() {
        let figure = label_of(&line);
        let last_label = figure.is_some() && lines.peek().and_then(label_of) != figure;
        out.push(line);
        let Some((section, block)) = figure.filter(|_| last_label) else {
            continue;
        };
        let Some(template) = out.last() else {
            continue;
        };
        let row = blank_row(template, section, block);
        let (_, inner) = image_cells(&row);
        let count = figures.rows(section, block, inner);
        out.extend(std::iter::repeat_n(row, count));
    }
    out
}

/// The figure whose label (`[image: src]`) `line` shows.
fn label_of(line: &PageLine) -> Option<(usize, usize)> {
    line.pieces.iter().find_map(|piece| match piece {
        Piece::Text { line, source }
            if source.part == BlockRef::FIGURE_SOURCE && !line.clusters.is_empty() =>
        {
            Some((source.section, source.block?))
        }
        _ => None,
    })
}

/// An image row shaped like `label`: its borders kept, everything between them blank, with an
/// empty text piece first to mark it.
fn blank_row(label: &PageLine, section: usize, block: usize) -> PageLine {
    let n = label.pieces.len();
    let mut pieces = Vec::new();
    let mut inside = 0;
    for (i, piece) in label.pieces.iter().enumerate() {
        if is_border(piece) && (i == 0 || i + 1 == n) {
            if i + 1 == n {
                pieces.extend(blank_inside(inside, section, block));
                inside = 0;
            }
            pieces.push(piece.clone());
        } else {
            inside += piece.width();
        }
    }
    if inside > 0 || !pieces.iter().any(|p| matches!(p, Piece::Text { .. })) {
        pieces.extend(blank_inside(inside, section, block));
    }
    PageLine {
        pieces,
        kind: LineKind::Other,
        section: label.section,
    }
}

fn blank_inside(width: usize, section: usize, block: usize) -> [Piece; 2] {
    let marker = Piece::Text {
        line: VisualLine {
            text: String::new(),
            clusters: Vec::new(),
            width: 0,
            logical: 0..0,
            rtl: false,
        },
        source: BlockRef {
            section,
            block: Some(block),
            part: BlockRef::FIGURE_SOURCE,
        },
    };
    let blank = Piece::Decoration {
        text: " ".repeat(width),
        width,
        tag: Tag::role(Role::FigureSource),
    };
    [marker, blank]
}

/// Encoded images for one terminal size, by (section, block, width, rows); `None` when encoding
/// failed.
#[derive(Default)]
pub struct ImageCache {
    /// The terminal size the images were encoded at.
    pub(super) size: (u16, u16),
    pub(super) images: HashMap<(usize, usize, u16, u16), Option<Protocol>>,
}

/// The protocol chooser tests and screenshots use: halfblocks, whatever the terminal. Made once
/// per process: inside tmux, making one runs `tmux set -p allow-passthrough on` and waits for it.
pub fn headless_picker() -> Picker {
    static PICKER: OnceLock<Picker> = OnceLock::new();
    PICKER.get_or_init(Picker::halfblocks).clone()
}
