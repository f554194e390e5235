//! The list composed into page lines: one line a row, for `sahifa print` and the list view.
//!
//! A row is, from the reading-start side: the unread mark (`●`, or `!` for a feed that failed,
//! `…` for one still loading), the title, the source (when the list has more than one feed)
//! and the age ([`super::age`]). The list reads in one direction — right to left when most of
//! its titles do, unless `--dir` says otherwise — so the columns line up; inside its column each
//! title keeps its own direction (bidi, shaping and mirroring by the layout engine; `--dir`
//! forces it, as it forces every paragraph of an article), and a
//! title too long for its column is cut at its logical end with `…`. Widths are cells; a
//! narrow list drops the source column first, then the age.
//!
//! Pieces carry page [`Tag`]s (unread titles strong, read ones and the columns as `meta`), so
//! the theme decides the colours as for articles. A title's pieces point back to it with
//! [`title_ref`], so search matches can be painted over its logical ranges.

use super::list::{FeedList, Row, Status};
use crate::layout::{DirectionMode, LayoutOptions, TagSpan, VisualLine, layout_paragraph};
use crate::page::{BlockRef, LineKind, PageLine, PageOptions, Piece, Role, Tag};
use chrono::{DateTime, Utc};
use unicode_width::UnicodeWidthStr;

/// Cells between columns.
const GAP: usize = 2;
/// The mark column: the mark and a space.
const MARK: usize = 2;
/// The widest source column.
const MAX_SOURCE: usize = 18;
/// A title column narrower than this gives up the source column, then the age.
const MIN_TITLE: usize = 12;

/// How to compose the rows.
#[derive(Debug, Clone, Copy)]
pub struct RowOptions {
    pub width: usize,
    pub page: PageOptions,
    /// Ages are counted from here.
    pub now: DateTime<Utc>,
}

/// Where a title's pieces point: the row as the section, so overlays find the row.
pub fn title_ref(row: usize) -> BlockRef {
    BlockRef::block(row, 0, TITLE_PART)
}

/// The parts of a row's texts, in [`BlockRef::part`].
pub const TITLE_PART: usize = 0;
pub const SOURCE_PART: usize = 1;
pub const AGE_PART: usize = 2;

/// The text a row's title pieces index into (what search matches): the item's title as shown,
/// or a status row's message.
pub fn row_text(list: &FeedList, row: usize) -> String {
    match list.rows().get(row) {
        Some(Row::Item { .. }) => list
            .item(row)
            .map(|(_, item)| item.display_title())
            .unwrap_or_default(),
        Some(Row::Status { source }) => match list.sources.get(*source).map(|s| &s.status) {
            Some(Status::Failed(message)) => message.clone(),
            Some(Status::Loading) => "loading…".to_owned(),
            _ => String::new(),
        },
        None => String::new(),
    }
}

/// Whether the list reads right to left: `--dir` when given, else most item titles' direction
/// (the list's title when there are none).
pub fn list_is_rtl(list: &FeedList, direction: DirectionMode) -> bool {
    match direction {
        DirectionMode::Rtl => true,
        DirectionMode::Ltr => false,
        DirectionMode::Auto => {
            let (mut rtl, mut ltr) = (0usize, 0usize);
            // Items only: status rows are sahifa's own messages, not the feeds' language.
            let items = (0..list.rows().len()).filter(|&row| list.item(row).is_some());
            for row in items {
                match first_strong_is_rtl(&row_text(list, row)) {
                    Some(true) => rtl += 1,
                    Some(false) => ltr += 1,
                    None => {}
                }
            }
            if rtl + ltr == 0 {
                first_strong_is_rtl(&list.title).unwrap_or(false)
            } else {
                rtl > ltr
            }
        }
    }
}

fn first_strong_is_rtl(text: &str) -> Option<bool> {
    use unicode_bidi::{BidiClass, bidi_class};
    text.chars().find_map(|c| match bidi_class(c) {
        BidiClass::L => Some(false),
        BidiClass::R | BidiClass::AL => Some(true),
        _ => None,
    })
}

/// The column widths of a list at one width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Columns {
    title: usize,
    source: usize,
    age: usize,
    rtl: bool,
}

impl Columns {
    fn new(list: &FeedList, options: &RowOptions) -> Self {
        let width = options.width.max(MARK + 1);
        let age = (0..list.rows().len())
            .map(|row| age_text(list, row, options.now).width())
            .max()
            .unwrap_or(0);
        let source = if list.shows_sources() {
            list.sources
                .iter()
                .map(|s| s.label.width())
                .max()
                .unwrap_or(0)
                .min(MAX_SOURCE)
        } else {
            0
        };
        let room = |source: usize, age: usize| {
            let gaps = GAP * (usize::from(source > 0) + usize::from(age > 0));
            width.saturating_sub(MARK + source + age + gaps)
        };
        let (source, age) = if room(source, age) >= MIN_TITLE {
            (source, age)
        } else if room(0, age) >= MIN_TITLE {
            (0, age)
        } else {
            (0, 0)
        };
        Self {
            title: room(source, age).max(1),
            source,
            age,
            rtl: list_is_rtl(list, options.page.direction),
        }
    }
}

fn age_text(list: &FeedList, row: usize, now: DateTime<Utc>) -> String {
    list.item(row)
        .and_then(|(_, item)| item.published)
        .map(|date| super::age::age(date, now))
        .unwrap_or_default()
}

/// Every row of `list` as one page line.
pub fn compose(list: &FeedList, options: &RowOptions) -> Vec<PageLine> {
    let columns = Columns::new(list, options);
    (0..list.rows().len())
        .map(|row| compose_row(list, row, &columns, options))
        .collect()
}

fn compose_row(list: &FeedList, row: usize, columns: &Columns, options: &RowOptions) -> PageLine {
    let (mark, title_tag) = match list.rows().get(row) {
        Some(Row::Item { .. }) if list.is_read(row) => (" ", Tag::role(Role::Meta)),
        Some(Row::Item { .. }) => (
            "●",
            Tag {
                strong: true,
                ..Tag::role(Role::Body)
            },
        ),
        Some(Row::Status { source }) => match list.sources.get(*source).map(|s| &s.status) {
            Some(Status::Failed(_)) => (
                "!",
                Tag {
                    emphasis: true,
                    ..Tag::role(Role::Attribution)
                },
            ),
            _ => ("…", Tag::role(Role::Meta)),
        },
        None => (" ", Tag::default()),
    };
    let source_label = match list.rows().get(row) {
        Some(Row::Item { source, .. } | Row::Status { source }) => list
            .sources
            .get(*source)
            .map(|s| s.label.clone())
            .unwrap_or_default(),
        None => String::new(),
    };
    let rtl = columns.rtl;
    let mut cells: Vec<Vec<Piece>> = Vec::new();
    let mark_cell = if rtl {
        vec![deco(format!(" {mark}"), Role::ListMarker)]
    } else {
        vec![deco(format!("{mark} "), Role::ListMarker)]
    };
    cells.push(mark_cell);
    let text = row_text(list, row);
    cells.push(fitted(
        &text,
        title_tag,
        title_ref(row),
        columns.title,
        rtl,
        options,
    ));
    if columns.source > 0 {
        cells.push(vec![deco(" ".repeat(GAP), Role::Meta)]);
        let source_ref = BlockRef::block(row, 0, SOURCE_PART);
        cells.push(fitted(
            &source_label,
            Tag::role(Role::Meta),
            source_ref,
            columns.source,
            rtl,
            options,
        ));
    }
    if columns.age > 0 {
        cells.push(vec![deco(" ".repeat(GAP), Role::Meta)]);
        // Laid out as text, always left to right ("3 h" is a Latin unit), so a terminal that
        // reorders lines itself shows it the right way round.
        let age = age_text(list, row, options.now);
        let meta = Tag::role(Role::Meta);
        let (line, _, _) = one_line(&age, meta, columns.age, DirectionMode::Ltr, options);
        let pad = deco(
            " ".repeat(columns.age.saturating_sub(line.width)),
            Role::Meta,
        );
        let text = Piece::Text {
            line,
            source: BlockRef::block(row, 0, AGE_PART),
        };
        // The age sits against the far edge: right in a left-to-right list, left otherwise.
        cells.push(if rtl {
            vec![text, pad]
        } else {
            vec![pad, text]
        });
    }
    if rtl {
        cells.reverse();
    }
    finished(
        cells.into_iter().flatten().collect(),
        LineKind::Other,
        options,
    )
}

/// A row's pieces as a page line, arranged for a terminal that reorders rows itself when the
/// page is not reordered here.
fn finished(mut pieces: Vec<Piece>, kind: LineKind, options: &RowOptions) -> PageLine {
    if !options.page.reorder {
        crate::page::for_reordering_terminal(options.page.terminal, &mut pieces);
    }
    PageLine {
        pieces,
        kind,
        section: 0,
    }
}

/// `text` on one line exactly `width` cells wide: laid out in its own direction, cut with `…`
/// at its logical end when too long, padded on the side away from the list's reading start.
fn fitted(
    text: &str,
    tag: Tag,
    source: BlockRef,
    width: usize,
    list_rtl: bool,
    options: &RowOptions,
) -> Vec<Piece> {
    let (line, text_rtl, cut) = one_line(text, tag, width, options.page.direction, options);
    let used = line.width + usize::from(cut);
    let mut pieces = Vec::with_capacity(3);
    let text_piece = Piece::Text { line, source };
    let ellipsis = cut.then(|| deco("…", tag.role));
    // The ellipsis goes where the text's logical end is.
    if text_rtl {
        pieces.extend(ellipsis);
        pieces.push(text_piece);
    } else {
        pieces.push(text_piece);
        pieces.extend(ellipsis);
    }
    let pad = width.saturating_sub(used);
    if pad > 0 {
        let spaces = deco(" ".repeat(pad), Role::Body);
        if list_rtl {
            pieces.insert(0, spaces);
        } else {
            pieces.push(spaces);
        }
    }
    pieces
}

/// The first line of `text` laid out at `width`, whether it reads right to left, and whether
/// it was cut (then one cell is left for the ellipsis).
fn one_line(
    text: &str,
    tag: Tag,
    width: usize,
    direction: DirectionMode,
    options: &RowOptions,
) -> (VisualLine<Tag>, bool, bool) {
    let spans = [TagSpan {
        range: 0..text.len(),
        tag,
    }];
    let layout = |width: usize| {
        let layout_options = LayoutOptions {
            width: Some(width.max(1)),
            direction,
            shape: options.page.shape,
            reorder: options.page.reorder,
            ..LayoutOptions::default()
        };
        layout_paragraph(text, &spans, &layout_options)
    };
    let whole = layout(width);
    let rtl = whole.rtl;
    if whole.lines.len() <= 1 || width < 2 {
        let line = whole.lines.into_iter().next();
        return (line.unwrap_or_else(empty_line), rtl, false);
    }
    let shorter = layout(width - 1);
    let line = shorter.lines.into_iter().next();
    (line.unwrap_or_else(empty_line), rtl, true)
}

fn empty_line() -> VisualLine<Tag> {
    VisualLine {
        text: String::new(),
        clusters: Vec::new(),
        width: 0,
        logical: 0..0,
        rtl: false,
    }
}

fn deco(text: impl Into<String>, role: Role) -> Piece {
    let text = text.into();
    Piece::Decoration {
        width: text.width(),
        text,
        tag: Tag::role(role),
    }
}

/// A heading line for `print`: the list's title, wrapped, aligned to the list's reading start.
pub fn heading(list: &FeedList, options: &RowOptions) -> Vec<PageLine> {
    if list.title.trim().is_empty() {
        return Vec::new();
    }
    let width = options.width.max(1);
    let rtl = list_is_rtl(list, options.page.direction);
    let spans = [TagSpan {
        range: 0..list.title.len(),
        tag: Tag::role(Role::Title),
    }];
    let layout_options = LayoutOptions {
        width: Some(width),
        direction: options.page.direction,
        shape: options.page.shape,
        reorder: options.page.reorder,
        ..LayoutOptions::default()
    };
    let laid = layout_paragraph(&list.title, &spans, &layout_options);
    laid.lines
        .into_iter()
        .map(|line| {
            let pad = width.saturating_sub(line.width);
            let text = Piece::Text {
                line,
                source: BlockRef::header(BlockRef::TITLE),
            };
            let mut pieces = vec![text];
            if rtl && pad > 0 {
                pieces.insert(0, deco(" ".repeat(pad), Role::Body));
            }
            finished(pieces, LineKind::Title, options)
        })
        .collect()
}

#[cfg(test)]
mod tests;
