//! Page lines as terminal text: ANSI SGR sequences from the theme, or plain text.
//!
//! Colour output resets after every line, so a cut-off pipe never leaves the terminal coloured.
//! Plain output drops trailing blanks (padding and backgrounds mean nothing without colour) —
//! except for a terminal that reorders lines itself, where an RTL line's padding comes after its
//! text and is what right-aligns it.

use super::{Overlay, runs};
use crate::page::PageLine;
use crate::theme::Theme;
use ratatui::style::{Color, Modifier, Style};
use std::fmt::Write as _;
use std::io::{self, Write};

/// How a line is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Styling {
    Plain,
    /// Plain, trailing blanks kept (`--bidi terminal`).
    PlainPadded,
    /// SGR sequences from the theme; `entities` turns entity highlighting on.
    Ansi {
        entities: bool,
    },
}

/// One page line and its newline.
pub fn write_line(
    out: &mut impl Write,
    line: &PageLine,
    theme: &Theme,
    styling: Styling,
    overlay: Overlay,
) -> io::Result<()> {
    let text = line_text(line, theme, styling, overlay);
    writeln!(out, "{text}")
}

/// One page line as a string (no newline).
pub fn line_text(line: &PageLine, theme: &Theme, styling: Styling, overlay: Overlay) -> String {
    match styling {
        Styling::Plain | Styling::PlainPadded => {
            let mut s: String = runs(line, theme, false, overlay)
                .iter()
                .map(|r| r.text.as_ref())
                .collect();
            if styling == Styling::Plain {
                s.truncate(s.trim_end().len());
            }
            s
        }
        Styling::Ansi { entities } => {
            let mut s = String::new();
            let mut styled = false;
            for run in runs(line, theme, entities, overlay) {
                let sgr = sgr(run.style);
                if styled {
                    s.push_str("\x1b[0m");
                }
                styled = !sgr.is_empty();
                if styled {
                    let _ = write!(s, "\x1b[{sgr}m");
                }
                s.push_str(&run.text);
            }
            if styled {
                s.push_str("\x1b[0m");
            }
            s
        }
    }
}

/// The SGR parameters of a style (empty for the terminal's default).
pub fn sgr(style: Style) -> String {
    let mut params: Vec<String> = Vec::new();
    let modifiers = [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::REVERSED, "7"),
        (Modifier::CROSSED_OUT, "9"),
    ];
    let on = style.add_modifier - style.sub_modifier;
    params.extend(
        modifiers
            .iter()
            .filter(|(m, _)| on.contains(*m))
            .map(|(_, p)| (*p).to_owned()),
    );
    params.extend(style.fg.and_then(|c| color(c, false)));
    params.extend(style.bg.and_then(|c| color(c, true)));
    params.join(";")
}

/// The SGR parameter that sets `color` as the foreground or, with `background`, the background;
/// `None` for the terminal's default.
pub fn color(color: Color, background: bool) -> Option<String> {
    let base = |n: u8| Some((if background { n + 10 } else { n }).to_string());
    match color {
        Color::Reset => None,
        Color::Black => base(30),
        Color::Red => base(31),
        Color::Green => base(32),
        Color::Yellow => base(33),
        Color::Blue => base(34),
        Color::Magenta => base(35),
        Color::Cyan => base(36),
        Color::Gray => base(37),
        Color::DarkGray => base(90),
        Color::LightRed => base(91),
        Color::LightGreen => base(92),
        Color::LightYellow => base(93),
        Color::LightBlue => base(94),
        Color::LightMagenta => base(95),
        Color::LightCyan => base(96),
        Color::White => base(97),
        Color::Rgb(r, g, b) => Some(format!(
            "{};2;{r};{g};{b}",
            if background { 48 } else { 38 }
        )),
        Color::Indexed(i) => Some(format!("{};5;{i}", if background { 48 } else { 38 })),
    }
}

/// Every line of `page`.
pub fn write_page(
    out: &mut impl Write,
    page: &crate::page::Page,
    theme: &Theme,
    styling: Styling,
) -> io::Result<()> {
    write_lines(out, &page.lines, theme, styling)
}

/// Lines as they come (a page composed unit by unit streams through here without being kept).
pub fn write_lines<L: std::borrow::Borrow<PageLine>>(
    out: &mut impl Write,
    lines: impl IntoIterator<Item = L>,
    theme: &Theme,
    styling: Styling,
) -> io::Result<()> {
    // Printed text flows among the shell's own lines, on the terminal's own colours: no page
    // is painted under it, only the meanings' styles.
    for line in lines {
        write_line(out, line.borrow(), theme, styling, &super::no_overlay)?;
    }
    Ok(())
}
