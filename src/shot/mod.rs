//! Screenshots: a rendered ratatui [`Buffer`] written as `.txt`, `.ansi`, `.svg` or `.png`.
//!
//! The rule every writer follows: the picture is the cell grid, nothing else. Cells are walked
//! once by [`grid`] (wide characters' continuation cells skipped, whole graphemes kept), and each
//! writer only turns those cells into its format. No writer shapes, wraps or reorders: the text
//! is already in visual order when it reaches a `Buffer`. Output is deterministic — the same
//! buffer gives byte-identical files.

mod ansi;
mod error;
pub mod grid;
pub mod palette;
mod raster;
mod size;
mod svg;
mod text;

use ratatui::buffer::Buffer;
use std::path::Path;

pub use error::{Error, Result};
pub use palette::Palette;
pub use size::{MAX_COLS, MAX_ROWS, Size};

/// Width of one terminal cell in the image formats, in pixels (SVG user units).
pub const CELL_WIDTH: u32 = 9;
/// Height of one terminal cell in the image formats, in pixels (SVG user units).
pub const CELL_HEIGHT: u32 = 18;

/// The file formats a screenshot can be written in, chosen by the output file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text, one line per row, every row exactly as wide as the buffer.
    Text,
    /// Text with SGR colour and attribute sequences, for `cat` in a terminal.
    Ansi,
    /// An SVG image with one `<text>` element per non-blank cell.
    Svg,
    /// A PNG image drawn cell by cell with the bundled fonts.
    Png,
}

impl Format {
    /// The format named by `path`'s extension (`txt`, `ansi`, `svg`, `png`; case-insensitive).
    pub fn from_path(path: &Path) -> Result<Self> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("txt") => Ok(Self::Text),
            Some("ansi") => Ok(Self::Ansi),
            Some("svg") => Ok(Self::Svg),
            Some("png") => Ok(Self::Png),
            _ => Err(Error::UnknownFormat {
                path: path.to_path_buf(),
            }),
        }
    }
}

/// The bytes of `buffer` in `format`, with `palette` giving the colours of `Color::Reset` and the
/// named colours in the image formats.
pub fn encode(buffer: &Buffer, format: Format, palette: &Palette) -> Result<Vec<u8>> {
    Ok(match format {
        Format::Text => text::to_text(buffer).into_bytes(),
        Format::Ansi => ansi::to_ansi(buffer).into_bytes(),
        Format::Svg => svg::to_svg(buffer, palette).into_bytes(),
        Format::Png => raster::to_png(buffer, palette)?,
    })
}

/// Writes `buffer` to `path` in the format its extension names, with the default palette.
pub fn write(buffer: &Buffer, path: &Path) -> Result<()> {
    write_with(buffer, path, &Palette::default())
}

/// Writes `buffer` to `path` in the format its extension names, with the given palette.
pub fn write_with(buffer: &Buffer, path: &Path, palette: &Palette) -> Result<()> {
    let format = Format::from_path(path)?;
    let bytes = encode(buffer, format, palette)?;
    std::fs::write(path, bytes).map_err(|e| Error::Write {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })
}

pub use ansi::to_ansi;
pub use raster::{has_glyph, to_png};
pub use svg::to_svg;
pub use text::to_text;
