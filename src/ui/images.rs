//! Painting figure images over their image rows (see src/ui/figures.rs for the rows).
//!
//! A picture is decoded when it is first painted here, and only then; one whose pixels cannot be
//! decoded leaves its rows blank but the first, which says why (`image unreadable`).
//!
//! An image is encoded for the terminal's protocol once per figure and size, and cached until
//! the terminal changes size or the picker changes (a resize redraws the whole screen, so kitty
//! is sent its pictures again rather than trusted to have kept them). With halfblocks a figure
//! partly scrolled off is painted in part (its image is drawn off-screen and the visible rows
//! copied); the other protocols draw whole pictures only, so a figure that is not entirely on
//! screen shows its blank box until it is (on a terminal too short for all its image rows, the
//! picture is fitted into the rows on screen). For the same reason a picture an open panel would
//! overlap waits for the panel to close: sixel and iTerm2 paint over the panel's cells, and
//! kitty sends its picture once, in the top-left cell, which the panel would swallow.

use super::app::App;
use super::figures::{Pixels, image_cells, image_row};
use crate::document::ImageProblem;
use crate::page::{Role, Tag};
use ratatui::buffer::Buffer;
use ratatui::layout::{Rect, Size};
use ratatui::widgets::Widget;
use ratatui_image::picker::{Picker, ProtocolType};
use ratatui_image::{Image, Resize};
use unicode_width::UnicodeWidthStr;

impl App {
    /// True when some figure has an image to show.
    pub fn has_images(&self) -> bool {
        !self.figures.is_empty()
    }

    /// Whether pictures are being decoded in the background (the terminal reader should look
    /// for them soon: [`App::poll_background`] tells when one is ready).
    pub fn decoding_pictures(&self) -> bool {
        self.figures.decoding()
    }

    /// Uses `picker` (from querying the terminal) to encode images from now on.
    pub fn set_image_picker(&mut self, picker: Picker) {
        self.picker = picker;
        self.image_cache.borrow_mut().images.clear();
    }

    /// Where an open panel covers the screen (the help overlay: all of it, to be safe).
    pub(super) fn covered(&self, area: Rect) -> Option<Rect> {
        self.panel.as_ref()?.covers(&self.panel_context(), area)
    }

    /// Paints every figure image that has rows on screen. `left` is the column's first cell.
    pub(super) fn render_images(&self, area: Rect, buf: &mut Buffer, left: u16, rows: usize) {
        if self.figures.is_empty() {
            return;
        }
        let lines = &self.page.lines;
        let end = (self.top + rows).min(lines.len());
        let mut at = self.top;
        while at < end {
            let Some(figure) = lines.get(at).and_then(image_row) else {
                at += 1;
                continue;
            };
            // The figure's whole run of image rows, on screen or not.
            let mut first = at;
            while first > 0 && lines.get(first - 1).and_then(image_row) == Some(figure) {
                first -= 1;
            }
            let mut last = at;
            while lines.get(last + 1).and_then(image_row) == Some(figure) {
                last += 1;
            }
            let (offset, width) = image_cells(&lines[at]);
            let x = left.saturating_add(u16::try_from(offset).unwrap_or(u16::MAX));
            let size = Size::new(
                u16::try_from(width).unwrap_or(u16::MAX),
                u16::try_from(last + 1 - first).unwrap_or(u16::MAX),
            );
            let screen_first = area.y + u16::try_from(at - self.top).unwrap_or(0);
            let shown = first.max(self.top)..(last + 1).min(end);
            let covered = self.covered(area);
            self.paint_image(buf, figure, size, (x, screen_first), first, shown, covered);
            at = last + 1;
        }
    }

    /// Paints rows `shown` (page lines) of the image of `figure`, whose rows start at page line
    /// `first`; `(x, y)` is the screen cell of the box's first image cell in row `shown.start`.
    /// `covered` is the screen a panel covers.
    #[allow(clippy::too_many_arguments)]
    fn paint_image(
        &self,
        buf: &mut Buffer,
        figure: (usize, usize),
        size: Size,
        (x, y): (u16, u16),
        first: usize,
        shown: std::ops::Range<usize>,
        covered: Option<Rect>,
    ) {
        let image = match self.figures.pixels(figure.0, figure.1) {
            Some(Pixels::Ready(image)) => image,
            Some(Pixels::Failed(problem)) => {
                if shown.start == first {
                    self.paint_problem(buf, problem, (x, y), size.width);
                }
                return;
            }
            Some(Pixels::Decoding) | None => return,
        };
        let halfblocks = self.picker.protocol_type() == ProtocolType::Halfblocks;
        let mut whole = shown.start == first && shown.len() == usize::from(size.height);
        // Image rows taller than the text area are never all on screen: a whole picture is
        // then fitted into the rows that are.
        let mut size = size;
        if !halfblocks && !whole && usize::from(size.height) > self.text_height() {
            size.height = u16::try_from(shown.len()).unwrap_or(u16::MAX);
            whole = true;
        }
        if !halfblocks && !whole {
            return;
        }
        let key = (figure.0, figure.1, size.width, size.height);
        let mut cache = self.image_cache.borrow_mut();
        if cache.size != self.size {
            cache.images.clear();
            cache.size = self.size;
        }
        let protocol = cache.images.entry(key).or_insert_with(|| {
            self.picker
                .new_protocol(image.clone(), size, Resize::Scale(None))
                .ok()
        });
        let Some(protocol) = protocol.as_ref() else {
            return;
        };
        let fitted = protocol.size();
        // Centred in the box.
        let x = x + size.width.saturating_sub(fitted.width) / 2;
        let place = Rect::new(x, y, fitted.width, fitted.height);
        if !halfblocks && covered.is_some_and(|panel| panel.intersects(place)) {
            return;
        }
        if whole {
            Image::new(protocol).render(place, buf);
            return;
        }
        let full = Rect::new(0, 0, fitted.width, fitted.height);
        let mut off_screen = Buffer::empty(full);
        Image::new(protocol).render(full, &mut off_screen);
        let skip = u16::try_from(shown.start - first).unwrap_or(u16::MAX);
        for (row, src_y) in (skip..fitted.height).take(shown.len()).enumerate() {
            let dst_y = y + u16::try_from(row).unwrap_or(u16::MAX);
            for col in 0..fitted.width {
                if let (Some(from), Some(to)) = (
                    off_screen.cell((col, src_y)).cloned(),
                    buf.cell_mut((x + col, dst_y)),
                ) {
                    *to = from;
                }
            }
        }
    }

    /// Says on the first image row, centred, why a picture whose header was fine cannot be
    /// shown after all; the other rows stay blank.
    fn paint_problem(
        &self,
        buf: &mut Buffer,
        problem: ImageProblem,
        (x, y): (u16, u16),
        width: u16,
    ) {
        let text = problem.label();
        let cells = u16::try_from(text.width()).unwrap_or(u16::MAX);
        if cells > width {
            return;
        }
        let style = self
            .theme()
            .tag_style(&Tag::role(Role::FigureSource), self.entities_on);
        buf.set_string(x + (width - cells) / 2, y, text, style);
    }
}
