//! What a drawn screen sends the terminal for its pictures, read back from the frame's cells:
//! which cells carry escape sequences, which the terminal is told to leave alone, which are
//! kitty placeholders; and each protocol's payload checked against the cells it covers.

use image::GenericImageView;
use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::style::Color;
use ratatui_image::picker::ProtocolType;

/// The cell size in pixels of [`Picker::halfblocks`], which `set_protocol_type` keeps.
pub const FONT: (u32, u32) = (10, 20);
/// Kitty's row/column diacritics (rowcolumn-diacritics.txt), enough for the 12 image rows.
pub const DIACRITICS: [char; 12] = [
    '\u{305}', '\u{30D}', '\u{30E}', '\u{310}', '\u{312}', '\u{33D}', '\u{33E}', '\u{33F}',
    '\u{346}', '\u{34A}', '\u{34B}', '\u{34C}',
];
pub const PLACEHOLDER: char = '\u{10EEEE}';

pub fn cells(buf: &Buffer) -> impl Iterator<Item = (u16, u16)> + '_ {
    let area = buf.area;
    (area.top()..area.bottom()).flat_map(move |y| (area.left()..area.right()).map(move |x| (x, y)))
}

pub fn text(buf: &Buffer) -> String {
    let area = buf.area;
    (area.top()..area.bottom())
        .map(|y| {
            let row: String = (area.left()..area.right())
                .map(|x| match buf[(x, y)].symbol() {
                    s if s.contains('\x1b') || s.contains(PLACEHOLDER) => "#",
                    s => s,
                })
                .collect();
            row + "\n"
        })
        .collect()
}

/// The terminal's view of the images on a screen.
#[derive(Debug, Default)]
pub struct Sent {
    /// Cells holding escape sequences, with their text (tmux passthrough unwrapped).
    pub escapes: Vec<(u16, u16, String)>,
    /// Cells the terminal is told not to redraw (covered by a picture).
    pub skipped: Vec<(u16, u16)>,
    /// Kitty placeholder cells.
    pub placeholders: Vec<(u16, u16)>,
}

impl Sent {
    pub fn read(buf: &Buffer) -> Sent {
        let mut sent = Sent::default();
        for (x, y) in cells(buf) {
            let cell = &buf[(x, y)];
            if cell.symbol().contains('\x1b') {
                sent.escapes.push((x, y, untmux(cell.symbol())));
            }
            if cell.diff_option == CellDiffOption::Skip {
                sent.skipped.push((x, y));
            }
            if cell.symbol().contains(PLACEHOLDER) {
                sent.placeholders.push((x, y));
            }
        }
        sent
    }

    pub fn is_empty(&self) -> bool {
        self.escapes.is_empty() && self.skipped.is_empty() && self.placeholders.is_empty()
    }

    /// The one payload cell.
    pub fn payload(&self) -> (u16, u16, &str) {
        assert_eq!(self.escapes.len(), 1, "one cell carries the picture");
        let (x, y, payload) = &self.escapes[0];
        (*x, *y, payload)
    }

    /// The cells the picture takes: (x, y, width, height), checked to be a full rectangle.
    pub fn footprint(&self, kind: ProtocolType) -> (u16, u16, u16, u16) {
        let covered: Vec<(u16, u16)> = match kind {
            ProtocolType::Kitty => {
                assert!(self.skipped.is_empty(), "kitty cells are text");
                self.placeholders.clone()
            }
            _ => {
                assert!(self.placeholders.is_empty());
                let (x, y, _) = self.payload();
                std::iter::once((x, y))
                    .chain(self.skipped.iter().copied())
                    .collect()
            }
        };
        let xs = covered.iter().map(|c| c.0);
        let ys = covered.iter().map(|c| c.1);
        let (left, top) = (
            xs.clone().min().expect("cells"),
            ys.clone().min().expect("cells"),
        );
        let (w, h) = (
            xs.max().expect("cells") + 1 - left,
            ys.max().expect("cells") + 1 - top,
        );
        assert_eq!(
            covered.len(),
            usize::from(w) * usize::from(h),
            "a full rectangle"
        );
        (left, top, w, h)
    }
}

/// A payload as a terminal outside tmux gets it: tmux's passthrough wrapping (used when the
/// tests run inside tmux) taken off.
pub fn untmux(payload: &str) -> String {
    if !payload.contains("\x1bPtmux;") {
        return payload.to_owned();
    }
    payload
        .replace("\x1bPtmux;", "")
        .replace("\x1b\x1b", "\x1b")
        .replace("\x1b\\\x1b\\", "\x1b\\")
        .replace("\x07\x1b\\", "\x07")
}

/// The number right after `key` in `text`.
pub fn number_after(text: &str, key: &str) -> u32 {
    let at = text
        .find(key)
        .unwrap_or_else(|| panic!("{key} in the payload"))
        + key.len();
    let digits: String = text
        .get(at..)
        .unwrap_or_default()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("a number after {key}"))
}

pub fn base64(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0);
    for byte in text.bytes().filter(|&b| b != b'=') {
        let value = ALPHABET
            .iter()
            .position(|&a| a == byte)
            .unwrap_or_else(|| panic!("{byte} is not base64"));
        acc = (acc << 6) | u32::try_from(value).expect("six bits");
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from((acc >> bits) & 0xff).expect("a byte"));
        }
    }
    out
}

/// Pixels `(w, h)` fill `cells` exactly as the picker rounds them: `ceil(px / font)` cells.
pub fn fills(pixels: (u32, u32), cells: (u16, u16)) -> bool {
    pixels.0.div_ceil(FONT.0) == u32::from(cells.0)
        && pixels.1.div_ceil(FONT.1) == u32::from(cells.1)
}

/// Checks the payload of `kind` against the picture's footprint and returns its pixel size.
pub fn check_payload(kind: ProtocolType, sent: &Sent, buf: &Buffer, w: u16, h: u16) -> (u32, u32) {
    let (_, _, payload) = sent.payload();
    let pixels = match kind {
        ProtocolType::Sixel => {
            // The footprint is erased row by row, then the cursor goes back up: nothing beyond.
            let mut erase: String = (0..h).map(|_| format!("\x1b[{w}X\x1b[1B")).collect();
            erase.push_str(&format!("\x1b[{h}A"));
            let picture = payload
                .strip_prefix(&erase)
                .expect("the erase, then the picture");
            let params = picture.strip_prefix("\x1bP").expect("a DCS");
            let q = params.find('q').expect("the sixel introducer");
            let numbers = params.get(..q).unwrap_or_default();
            assert!(numbers.chars().all(|c| c.is_ascii_digit() || c == ';'));
            assert!(picture.ends_with("\x1b\\"), "the DCS is closed");
            // Raster attributes: "1;1;width;height.
            let raster = picture.find("\"1;1;").expect("raster attributes") + 5;
            let raster = picture.get(raster..).unwrap_or_default();
            (number_after(raster, ""), number_after(raster, ";"))
        }
        ProtocolType::Kitty => {
            let (chunks, rest) = payload.split_at(payload.rfind("\x1b\\").expect("an APC") + 2);
            assert!(chunks.starts_with("\x1b_Gq=2,i="), "a quiet transmission");
            assert!(
                chunks.contains(",a=T,U=1,f=32,t=d,"),
                "RGBA for a virtual placement"
            );
            let id = number_after(chunks, "i=");
            let size = (number_after(chunks, ",s="), number_after(chunks, ",v="));
            let data: Vec<u8> = chunks
                .split("\x1b_G")
                .filter(|c| !c.is_empty())
                .flat_map(|chunk| {
                    let body = chunk.strip_suffix("\x1b\\").expect("each chunk closed");
                    base64(body.split_once(';').expect("keys; data").1)
                })
                .collect();
            assert_eq!(data.len() as u32, size.0 * size.1 * 4, "every pixel sent");
            // Placeholders: coloured with the id, each row's first cell naming its row.
            let [_, r, g, b] = id.to_be_bytes();
            let (x0, y0, _, _) = sent.footprint(kind);
            for &(x, y) in &sent.placeholders {
                assert_eq!(
                    buf[(x, y)].fg,
                    Color::Rgb(r, g, b),
                    "({x},{y}) names the image"
                );
                let symbol = if (x, y) == (x0, y0) {
                    rest
                } else {
                    buf[(x, y)].symbol()
                };
                let chars: Vec<char> = symbol.chars().collect();
                if x == x0 {
                    let row = usize::from(y - y0);
                    assert_eq!(chars.len(), 4, "({x},{y})");
                    assert_eq!(&chars[..3], &[PLACEHOLDER, DIACRITICS[row], DIACRITICS[0]]);
                } else {
                    assert_eq!(chars, [PLACEHOLDER], "({x},{y})");
                }
            }
            size
        }
        ProtocolType::Iterm2 => {
            let mut erase: String = (0..h).map(|_| format!("\x1b[{w}X\x1b[1B")).collect();
            erase.push_str(&format!("\x1b[{h}A"));
            let file = payload
                .strip_prefix(&erase)
                .expect("the erase, then the file");
            let file = file
                .strip_prefix("\x1b]1337;File=inline=1;")
                .expect("an inline iTerm2 file");
            let (keys, data) = file.split_once(':').expect("keys: data");
            assert!(keys.ends_with(";doNotMoveCursor=1"), "{keys}");
            let png = base64(data.strip_suffix('\x07').expect("ended by BEL"));
            assert_eq!(png.len() as u32, number_after(keys, "size="));
            let size = (number_after(keys, "width="), number_after(keys, "height="));
            let picture = image::load_from_memory(&png).expect("a PNG");
            assert_eq!(picture.dimensions(), size, "the file is the size it says");
            size
        }
        ProtocolType::Halfblocks => unreachable!("halfblocks send no escapes"),
    };
    assert!(fills(pixels, (w, h)), "{pixels:?} px in {w}x{h} cells");
    pixels
}
