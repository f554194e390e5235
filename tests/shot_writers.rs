//! The screenshot writers on hand-built buffers: Arabic presentation forms, Hebrew with niqqud,
//! Urdu forms only the fallback fonts have, wide characters, combining marks and styled cells.
//!
//! The Arabic, Hebrew and Urdu strings are already in visual order and shaped, as the layout
//! engine hands them to the renderer (taken from GNU FriBidi's `--shaped` output).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use sahifa::shot::{self, CELL_HEIGHT, CELL_WIDTH, Format, Palette};
use std::path::PathBuf;
use unicode_width::UnicodeWidthStr;

const COLS: u16 = 16;
const ROWS: u16 = 5;
/// السلام عليكم, shaped, visual order: 11 cells.
const ARABIC: &str =
    "\u{FEE2}\u{FEDC}\u{FEF4}\u{FEE0}\u{FECB} \u{FEE1}\u{FEFC}\u{FEB4}\u{FEDF}\u{FE8D}";
/// שָׁלוֹם, visual order: 4 cells (marks ride in their base's cell).
const HEBREW: &str = "\u{5DD}\u{5D5}\u{5B9}\u{5DC}\u{5B8}\u{5E9}\u{5C1}";
/// ہے, shaped: heh goal initial and yeh barree final (U+FBAF), visual order.
const URDU: &str = "\u{FBAF}\u{FBA8}";

fn sample() -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, COLS, ROWS));
    buf.set_string(5, 0, ARABIC, Style::default());
    buf.set_string(0, 1, "abc", Style::default());
    buf.set_string(12, 1, HEBREW, Style::default());
    buf.set_string(0, 2, "漢😀e\u{301}", Style::default());
    buf.set_string(14, 2, URDU, Style::default());
    let styled = |m: Modifier| Style::default().add_modifier(m);
    buf.set_string(0, 3, "B", styled(Modifier::BOLD).fg(Color::Red));
    buf.set_string(2, 3, "i", styled(Modifier::ITALIC).bg(Color::Blue));
    buf.set_string(4, 3, "r", styled(Modifier::REVERSED));
    buf.set_string(6, 3, "u", styled(Modifier::UNDERLINED));
    buf.set_string(8, 3, "<&", Style::default());
    buf.set_string(11, 3, "x", Style::default().fg(Color::Rgb(1, 2, 3)));
    buf.set_string(12, 3, "y", Style::default().fg(Color::Indexed(196)));
    buf.set_string(0, 4, "┌─┐", Style::default());
    buf
}

fn text_rows() -> Vec<String> {
    vec![
        format!("{}{ARABIC}", " ".repeat(5)),
        format!("abc{}{HEBREW}", " ".repeat(9)),
        format!("漢😀e\u{301}{}{URDU}", " ".repeat(9)),
        "B i r u <& xy   ".to_owned(),
        "┌─┐             ".to_owned(),
    ]
}

#[test]
fn text_is_one_line_per_row_each_exactly_cols_wide() {
    let text = shot::to_text(&sample());
    let expected: String = text_rows().iter().map(|r| format!("{r}\n")).collect();
    assert_eq!(text, expected);
    for line in text.lines() {
        assert_eq!(line.width(), usize::from(COLS), "{line:?}");
    }
}

#[test]
fn text_skips_hidden_continuation_cells_and_blanks_what_cannot_be_shown() {
    let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
    buf.set_string(0, 0, "漢", Style::default());
    // A symbol left in the cell a wide character covers is hidden, as in a terminal.
    buf[(1, 0)].set_symbol("X");
    buf[(2, 0)].set_symbol("\u{1b}");
    buf[(3, 0)].set_symbol("");
    // A wide character in the last column has no room for its second half.
    buf[(5, 0)].set_symbol("字");
    let text = shot::to_text(&buf);
    assert_eq!(text, "漢    \n");
    assert_eq!(text.trim_end_matches('\n').width(), 6);
}

/// `s` without its SGR sequences.
fn strip_sgr(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(start) = rest.find("\x1b[") {
        out.push_str(rest.get(..start).unwrap_or_default());
        let after = rest.get(start..).unwrap_or_default();
        let end = after.find('m').map_or(after.len(), |i| i + 1);
        rest = after.get(end..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

#[test]
fn ansi_is_the_text_with_sgr_styles_reset_at_line_ends() {
    let ansi = shot::to_ansi(&sample());
    assert_eq!(strip_sgr(&ansi), shot::to_text(&sample()));
    let lines: Vec<&str> = ansi.lines().collect();
    assert_eq!(
        lines[3],
        "\x1b[0;1;31mB\x1b[0m \x1b[0;3;44mi\x1b[0m \x1b[0;7mr\x1b[0m \x1b[0;4mu\x1b[0m <& \
         \x1b[0;38;2;1;2;3mx\x1b[0;38;5;196my\x1b[0m   "
    );
    // Unstyled rows carry no escape sequences at all.
    assert_eq!(lines[0], text_rows()[0]);
    // Every line leaves the terminal unstyled: its last sequence is a reset.
    for line in &lines {
        let last = line.rfind("\x1b[").and_then(|i| line.get(i..));
        assert!(last.is_none_or(|l| l.starts_with("\x1b[0m")), "{line:?}");
    }
}

#[test]
fn svg_is_well_formed_with_one_text_per_non_blank_cell() {
    let svg = shot::to_svg(&sample(), &Palette::default());
    let doc = roxmltree::Document::parse(&svg).expect("the SVG parses as XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.attribute("width"), Some("144"));
    assert_eq!(root.attribute("height"), Some("90"));
    let texts: Vec<_> = root.children().filter(|n| n.has_tag_name("text")).collect();
    let contents: Vec<&str> = texts.iter().map(|t| t.text().unwrap_or("")).collect();
    let expected = [
        // row 0: the Arabic letters, one per cell
        "\u{FEE2}",
        "\u{FEDC}",
        "\u{FEF4}",
        "\u{FEE0}",
        "\u{FECB}",
        "\u{FEE1}",
        "\u{FEFC}",
        "\u{FEB4}",
        "\u{FEDF}",
        "\u{FE8D}",
        // row 1
        "a",
        "b",
        "c",
        "\u{5DD}",
        "\u{5D5}\u{5B9}",
        "\u{5DC}\u{5B8}",
        "\u{5E9}\u{5C1}",
        // row 2: wide characters and a base with its combining mark, each whole
        "漢",
        "😀",
        "e\u{301}",
        "\u{FBAF}",
        "\u{FBA8}",
        // row 3
        "B",
        "i",
        "r",
        "u",
        "<",
        "&",
        "x",
        "y",
        // row 4
        "┌",
        "─",
        "┐",
    ];
    assert_eq!(contents, expected);
    for t in &texts {
        assert_eq!(t.attribute("direction"), Some("ltr"));
        assert_eq!(t.attribute("unicode-bidi"), Some("bidi-override"));
        assert_eq!(
            t.attribute(("http://www.w3.org/XML/1998/namespace", "space")),
            Some("preserve")
        );
    }
    let find = |s: &str| texts[contents.iter().position(|c| *c == s).unwrap_or(usize::MAX)];
    let wide = find("漢");
    assert_eq!(wide.attribute("textLength"), Some("18"));
    let bold = find("B");
    assert_eq!(bold.attribute("fill"), Some("#cd0000"));
    assert_eq!(bold.attribute("font-weight"), Some("bold"));
    assert_eq!(find("i").attribute("font-style"), Some("italic"));
    assert_eq!(find("u").attribute("text-decoration"), Some("underline"));
    assert_eq!(find("x").attribute("fill"), Some("#010203"));
    assert_eq!(find("y").attribute("fill"), Some("#ff0000"));
    // Reversed: the default background becomes the text colour.
    assert_eq!(find("r").attribute("fill"), Some("#ffffff"));
    let hebrew = find("\u{5E9}\u{5C1}");
    assert_eq!(hebrew.attribute("x"), Some("135"));
    assert_eq!(hebrew.attribute("y"), Some("32"));

    let rects: Vec<_> = root.children().filter(|n| n.has_tag_name("rect")).collect();
    let described: Vec<String> = rects
        .iter()
        .map(|r| {
            ["x", "y", "width", "height", "fill"]
                .map(|a| r.attribute(a).unwrap_or("?"))
                .join(" ")
        })
        .collect();
    assert_eq!(
        described,
        [
            "0 0 144 90 #ffffff", // the page
            "18 54 9 18 #0000ee", // the italic cell's blue background
            "36 54 9 18 #1c1c1c", // the reversed cell
        ]
    );
}

/// A decoded PNG: width, height, RGB pixels.
struct Image {
    width: u32,
    height: u32,
    pixels: Vec<u8>,
}

impl Image {
    fn decode(bytes: &[u8]) -> Self {
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let mut reader = decoder.read_info().expect("PNG header");
        let mut pixels = vec![0; reader.output_buffer_size().expect("buffer size")];
        let info = reader.next_frame(&mut pixels).expect("PNG data");
        assert_eq!(info.color_type, png::ColorType::Rgb);
        pixels.truncate(info.buffer_size());
        Self {
            width: info.width,
            height: info.height,
            pixels,
        }
    }

    fn pixel(&self, x: u32, y: u32) -> [u8; 3] {
        let i = usize::try_from((y * self.width + x) * 3).unwrap_or(usize::MAX);
        [self.pixels[i], self.pixels[i + 1], self.pixels[i + 2]]
    }

    /// Whether the pixel is ink: darker than mid-grey in some channel.
    fn ink(&self, x: u32, y: u32) -> bool {
        self.pixel(x, y).iter().any(|&c| c < 128)
    }

    /// Ink pixels in cell (col, row), optionally only in pixel columns `xs` of that cell.
    fn ink_in_cell(&self, col: u32, row: u32, xs: std::ops::Range<u32>) -> usize {
        let (x0, y0) = (col * CELL_WIDTH, row * CELL_HEIGHT);
        xs.flat_map(|dx| (0..CELL_HEIGHT).map(move |dy| (x0 + dx, y0 + dy)))
            .filter(|&(x, y)| self.ink(x, y))
            .count()
    }
}

fn sample_png() -> Image {
    Image::decode(&shot::to_png(&sample(), &Palette::default()).expect("PNG encodes"))
}

#[test]
fn png_has_the_grid_size_and_ink_only_where_cells_have_glyphs() {
    let img = sample_png();
    assert_eq!((img.width, img.height), (144, 90));
    let all = 0..CELL_WIDTH;
    // Blank cells: nothing drawn, the page colour throughout.
    for (col, row) in [(0, 0), (4, 0), (10, 0), (3, 1), (11, 1), (13, 2), (15, 4)] {
        assert_eq!(
            img.ink_in_cell(col, row, all.clone()),
            0,
            "cell {col},{row}"
        );
    }
    // Every letter cell has ink: Arabic from DejaVu Sans Mono, Hebrew and U+FBAF from the
    // fallback fonts, the wide characters (drawn as a missing-glyph box when no font has them).
    let letters = (5..10).chain(11..16).map(|c| (c, 0));
    let hebrew = (12..16).map(|c| (c, 1));
    let others = [(0, 2), (2, 2), (4, 2), (14, 2), (15, 2), (0, 3), (1, 4)];
    for (col, row) in letters.chain(hebrew).chain(others) {
        assert!(
            img.ink_in_cell(col, row, all.clone()) > 3,
            "cell {col},{row}"
        );
    }
}

#[test]
fn png_joined_arabic_letters_meet_at_the_cell_edge() {
    let img = sample_png();
    // Each joined pair (ﻜﻴ, ﻴﻠ, ﻠﻋ, ﻼﺴ, ﺴﻟ) has ink in the last pixel column of the left
    // cell and the first of the right cell, on the same pixel row: the connecting stroke
    // crosses the edge.
    for right in [7, 8, 9, 13, 14] {
        let edge = right * CELL_WIDTH;
        let crossing = (0..CELL_HEIGHT).any(|y| img.ink(edge - 1, y) && img.ink(edge, y));
        assert!(
            crossing,
            "no joining stroke at the left edge of column {right}"
        );
    }
    // Box drawing reaches both edges of its cell too.
    assert!(
        img.ink_in_cell(1, 4, 0..1) > 0 && img.ink_in_cell(1, 4, CELL_WIDTH - 1..CELL_WIDTH) > 0
    );
}

#[test]
fn png_colours_come_from_the_cell_style() {
    let img = sample_png();
    let palette = Palette::default();
    // Backgrounds fill the whole cell: check a corner pixel.
    assert_eq!(img.pixel(2 * CELL_WIDTH, 3 * CELL_HEIGHT), palette.ansi[4]);
    assert_eq!(
        img.pixel(4 * CELL_WIDTH, 3 * CELL_HEIGHT),
        palette.foreground
    );
    // The bold red letter's darkest-red pixel is the palette's red.
    let (x0, y0) = (0, 3 * CELL_HEIGHT);
    let reds = (0..CELL_WIDTH)
        .flat_map(|dx| (0..CELL_HEIGHT).map(move |dy| (x0 + dx, y0 + dy)))
        .filter(|&(x, y)| img.pixel(x, y) == palette.ansi[1])
        .count();
    assert!(reds > 5, "{reds} pure red pixels");
}

#[test]
fn every_format_is_deterministic_and_sensitive_to_colour() {
    let palette = Palette::default();
    let mut recoloured = sample();
    recoloured[(0, 3)].set_fg(Color::Green);
    for format in [Format::Text, Format::Ansi, Format::Svg, Format::Png] {
        let first = shot::encode(&sample(), format, &palette).expect("encodes");
        let second = shot::encode(&sample(), format, &palette).expect("encodes");
        assert!(first == second, "{format:?} differs between two runs");
        let other = shot::encode(&recoloured, format, &palette).expect("encodes");
        assert_eq!(first == other, format == Format::Text, "{format:?}");
    }
}

fn temp_path(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sahifa-shot-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join(name)
}

#[test]
fn write_picks_the_format_from_the_extension() {
    let buf = sample();
    for (name, format) in [
        ("a.txt", Format::Text),
        ("a.ansi", Format::Ansi),
        ("a.SVG", Format::Svg),
        ("a.png", Format::Png),
    ] {
        let path = temp_path(name);
        shot::write(&buf, &path).expect("writes");
        let written = std::fs::read(&path).expect("reads back");
        let encoded = shot::encode(&buf, format, &Palette::default()).expect("encodes");
        assert!(written == encoded, "{name}");
    }
}

#[test]
fn an_unknown_extension_is_an_error_naming_the_path() {
    for name in ["shot.jpg", "shot"] {
        let path = temp_path(name);
        let err = shot::write(&sample(), &path).expect_err("refused");
        assert!(
            err.to_string().contains(&path.display().to_string()),
            "{err}"
        );
        assert!(!path.exists());
    }
}

#[test]
fn png_draws_hebrew_and_urdu_forms_from_the_fallback_fonts_not_as_missing_boxes() {
    // U+E000 (private use) is in no bundled font: its cell shows the missing-glyph box.
    let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
    buf.set_string(
        0,
        0,
        "\u{E000}\u{5D0}\u{5E9}\u{FBAF} \u{E000}",
        Style::default(),
    );
    let img = Image::decode(&shot::to_png(&buf, &Palette::default()).expect("PNG encodes"));
    let cell = |col: u32| -> Vec<[u8; 3]> {
        (0..CELL_HEIGHT)
            .flat_map(|y| (0..CELL_WIDTH).map(move |x| (col * CELL_WIDTH + x, y)))
            .map(|(x, y)| img.pixel(x, y))
            .collect()
    };
    let missing = cell(0);
    assert_eq!(
        missing,
        cell(5),
        "the missing-glyph box is drawn the same everywhere"
    );
    for col in 1..4 {
        assert!(
            img.ink_in_cell(col, 0, 0..CELL_WIDTH) > 3,
            "cell {col} is blank"
        );
        assert_ne!(cell(col), missing, "cell {col} is a missing-glyph box");
    }
    assert_ne!(cell(1), cell(2), "alef and shin look alike");
}

/// The first and last pixel rows with ink in cell (col, row), relative to the cell's top.
fn ink_rows(img: &Image, col: u32, row: u32) -> Option<(u32, u32)> {
    let has_ink =
        |y: u32| (0..CELL_WIDTH).any(|x| img.ink(col * CELL_WIDTH + x, row * CELL_HEIGHT + y));
    let first = (0..CELL_HEIGHT).find(|&y| has_ink(y))?;
    let last = (0..CELL_HEIGHT).rev().find(|&y| has_ink(y))?;
    Some((first, last))
}

#[test]
fn png_hebrew_letters_stand_on_the_latin_baseline_as_tall_as_its_lowercase() {
    // x, then he, het and final mem (flat-topped letters that sit on the baseline).
    let mut buf = Buffer::empty(Rect::new(0, 0, 4, 1));
    buf.set_string(0, 0, "x\u{5D4}\u{5D7}\u{5DD}", Style::default());
    let img = Image::decode(&shot::to_png(&buf, &Palette::default()).expect("PNG encodes"));
    let latin = ink_rows(&img, 0, 0).expect("x has ink");
    for col in 1..4 {
        let hebrew = ink_rows(&img, col, 0).expect("a Hebrew letter has ink");
        assert_eq!(hebrew, latin, "rows with ink in cell {col} vs x");
    }
}

#[test]
fn png_urdu_forms_from_the_fallback_font_join_their_neighbours_at_the_cell_edge() {
    // Visual order, each word's cells left to right: ہو (waw final, heh goal initial),
    // کے (yeh barree final, keheh initial), بہت (teh final, heh goal medial, beh initial),
    // لڈ (ddal final, lam initial). Heh goal, yeh barree and ddal come from Noto Sans Arabic,
    // the others from DejaVu Sans Mono.
    let words = "\u{FEEE}\u{FBA8} \u{FBAF}\u{FB90} \u{FE96}\u{FBA9}\u{FE91} \u{FB89}\u{FEDF}";
    let mut buf = Buffer::empty(Rect::new(0, 0, 12, 1));
    buf.set_string(0, 0, words, Style::default());
    let img = Image::decode(&shot::to_png(&buf, &Palette::default()).expect("PNG encodes"));
    let crosses = |right: u32| {
        let edge = right * CELL_WIDTH;
        (0..CELL_HEIGHT).any(|y| img.ink(edge - 1, y) && img.ink(edge, y))
    };
    for right in [1, 4, 7, 8, 11] {
        assert!(
            crosses(right),
            "no joining stroke at the left edge of column {right}"
        );
    }
    // Where nothing joins (the edges beside the spaces) no stroke crosses.
    for right in [2, 3, 5, 6, 9, 10] {
        assert!(
            !crosses(right),
            "a stroke crosses the left edge of column {right}"
        );
    }
}
