//! Local images inside figure boxes.
//!
//! A figure whose `src` names a readable local image (a path relative to the article's
//! directory, or absolute; never a URL) is decoded once when the reader opens. [`WithImages`]
//! wraps the page composer: under the figure's `[image: src]` line it adds blank rows inside the
//! box — as many as the image needs at that column width, at most [`MAX_ROWS`] — and the view
//! paints the image over them. Image rows are marked by an empty text piece with the figure's
//! source part, so search, entities and clicks never see anything in them. Anything that goes
//! wrong (missing file, unknown format, a huge picture) leaves the box as text.
//!
//! Painting uses ratatui-image with the protocol the terminal offers (kitty, sixel, iTerm2) or
//! halfblocks — always halfblocks until the terminal reader asks, so tests and screenshots
//! are the same everywhere.

use super::compose::Compose;
use crate::document::{Block, Document};
use crate::layout::VisualLine;
use crate::page::{BlockRef, LineKind, PageLine, Piece, Role, Tag, Unit};
use image::DynamicImage;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Most rows an image takes, so a tall picture does not push the article off the screen.
pub const MAX_ROWS: usize = 12;
/// Biggest image file read.
const MAX_FILE_BYTES: u64 = 32 << 20;
/// Biggest image side decoded, in pixels.
const MAX_SIDE: u32 = 8192;

/// The figure images of one document, by (section, block).
#[derive(Default)]
pub struct Figures {
    images: HashMap<(usize, usize), DynamicImage>,
}

impl Figures {
    /// Decodes the local images `doc`'s figures name, relative to `dir`.
    pub fn load(doc: &Document, dir: &Path) -> Figures {
        let mut images = HashMap::new();
        for (s, section) in doc.sections.iter().enumerate() {
            for (b, block) in section.blocks.iter().enumerate() {
                if let Block::Figure { src, .. } = block
                    && let Some(image) = local_path(dir, src).and_then(|p| decode(&p))
                {
                    images.insert((s, b), image);
                }
            }
        }
        Figures { images }
    }

    pub fn is_empty(&self) -> bool {
        self.images.is_empty()
    }

    pub fn image(&self, section: usize, block: usize) -> Option<&DynamicImage> {
        self.images.get(&(section, block))
    }

    /// Rows the image of figure (section, block) takes in a box `inner` cells wide: its
    /// proportions with a cell twice as tall as wide, between 1 and [`MAX_ROWS`].
    pub fn rows(&self, section: usize, block: usize, inner: usize) -> usize {
        let Some(image) = self.image(section, block) else {
            return 0;
        };
        let (w, h) = (image.width().max(1) as usize, image.height() as usize);
        (h * inner).div_ceil(2 * w).clamp(1, MAX_ROWS)
    }
}

/// The file a figure's `src` names, if it is a local path.
fn local_path(dir: &Path, src: &str) -> Option<PathBuf> {
    let src = src.trim();
    if src.is_empty() || src.contains("://") || src.starts_with("//") || src.starts_with("data:") {
        return None;
    }
    let path = Path::new(src);
    Some(if path.is_absolute() {
        path.to_owned()
    } else {
        dir.join(path)
    })
}

fn decode(path: &Path) -> Option<DynamicImage> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() > MAX_FILE_BYTES {
        return None;
    }
    let mut reader = image::ImageReader::open(path)
        .ok()?
        .with_guessed_format()
        .ok()?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    reader.limits(limits);
    reader.decode().ok()
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

/// `lines` with image rows after the last `[image: src]` line of each figure that has an image.
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

/// The figure whose `[image: src]` text `line` shows.
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
