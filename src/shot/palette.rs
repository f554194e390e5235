//! Colours for the image screenshots: what RGB a ratatui [`Color`] is drawn with.
//!
//! A terminal decides what `Reset` and the sixteen named colours look like; an image has to pick.
//! The palette holds that choice (default: dark text on white paper, or [`Palette::dark`];
//! xterm's named colours), so the same buffer always gives the same pixels. Indexed colours follow the xterm 256-colour
//! table; RGB colours are taken as they are.

use ratatui::style::Color;

/// An RGB colour, 8 bits per channel.
pub type Rgb = [u8; 3];

/// How the image writers turn terminal colours into RGB.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Palette {
    /// The colour of text whose foreground is `Color::Reset`.
    pub foreground: Rgb,
    /// The colour of cells whose background is `Color::Reset`.
    pub background: Rgb,
    /// The sixteen named colours, in ANSI order (black, red, … white, then the bright ones).
    pub ansi: [Rgb; 16],
}

impl Default for Palette {
    fn default() -> Self {
        Self {
            foreground: [0x1c, 0x1c, 0x1c],
            background: [0xff, 0xff, 0xff],
            ansi: [
                [0x00, 0x00, 0x00],
                [0xcd, 0x00, 0x00],
                [0x00, 0xcd, 0x00],
                [0xcd, 0xcd, 0x00],
                [0x00, 0x00, 0xee],
                [0xcd, 0x00, 0xcd],
                [0x00, 0xcd, 0xcd],
                [0xe5, 0xe5, 0xe5],
                [0x7f, 0x7f, 0x7f],
                [0xff, 0x00, 0x00],
                [0x00, 0xff, 0x00],
                [0xff, 0xff, 0x00],
                [0x5c, 0x5c, 0xff],
                [0xff, 0x00, 0xff],
                [0x00, 0xff, 0xff],
                [0xff, 0xff, 0xff],
            ],
        }
    }
}

impl Palette {
    /// Light text on a dark screen (the Tomorrow Night colours the default theme is drawn from),
    /// for pictures of themes made for dark terminals.
    pub fn dark() -> Self {
        Self {
            foreground: [0xc5, 0xc8, 0xc6],
            background: [0x1d, 0x1f, 0x21],
            ..Self::default()
        }
    }

    /// The RGB of `color`, or `None` for `Color::Reset` (the caller knows which default applies).
    pub fn rgb(&self, color: Color) -> Option<Rgb> {
        let named = |i: usize| Some(self.ansi[i]);
        match color {
            Color::Reset => None,
            Color::Black => named(0),
            Color::Red => named(1),
            Color::Green => named(2),
            Color::Yellow => named(3),
            Color::Blue => named(4),
            Color::Magenta => named(5),
            Color::Cyan => named(6),
            Color::Gray => named(7),
            Color::DarkGray => named(8),
            Color::LightRed => named(9),
            Color::LightGreen => named(10),
            Color::LightYellow => named(11),
            Color::LightBlue => named(12),
            Color::LightMagenta => named(13),
            Color::LightCyan => named(14),
            Color::White => named(15),
            Color::Indexed(i) => Some(self.indexed(i)),
            Color::Rgb(r, g, b) => Some([r, g, b]),
        }
    }

    /// The xterm 256-colour table: 16 named colours, a 6×6×6 cube, then 24 greys.
    fn indexed(&self, i: u8) -> Rgb {
        const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
        match i {
            0..=15 => self.ansi[usize::from(i)],
            16..=231 => {
                let n = usize::from(i - 16);
                [LEVELS[n / 36], LEVELS[(n / 6) % 6], LEVELS[n % 6]]
            }
            _ => {
                let v = 8 + 10 * (i - 232);
                [v, v, v]
            }
        }
    }

    /// The foreground and background a cell is drawn with, `REVERSED` applied.
    pub fn cell_colours(&self, cell: &ratatui::buffer::Cell) -> (Rgb, Rgb) {
        let fg = self.rgb(cell.fg).unwrap_or(self.foreground);
        let bg = self.rgb(cell.bg).unwrap_or(self.background);
        if cell.modifier.contains(ratatui::style::Modifier::REVERSED) {
            (bg, fg)
        } else {
            (fg, bg)
        }
    }
}

/// `#rrggbb`.
pub fn hex(rgb: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2])
}
