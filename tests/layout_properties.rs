//! Properties of `layout_paragraph` over random mixes of Arabic (with harakat and lam-alef),
//! Persian, Urdu, Hebrew (with niqqud), Latin, three kinds of digits, punctuation and brackets,
//! bidi controls, joiners, other control characters and emoji; with both wrap algorithms, and
//! justified.

use proptest::prelude::*;
use sahifa::layout::controls::{control_symbol, is_bidi_control};
use sahifa::layout::justify::{TATWEEL, added_cells};
use sahifa::layout::mirror::mirrored;
use sahifa::layout::shaping::{DOTTED_CIRCLE, JoiningType, form_joins, joining_type, unshape};
use sahifa::layout::width::text_width;
use sahifa::layout::{
    DirectionMode, LayoutOptions, ParagraphLayout, TagSpan, VisualLine, WrapAlgorithm,
    layout_paragraph,
};

const PIECES: &[&str] = &[
    "ب",
    "ت",
    "ل",
    "ا",
    "أ",
    "إ",
    "آ",
    "لا",
    "لَا",
    "ء",
    "ة",
    "ى",
    "ي",
    "و",
    "ـ",
    "َ",
    "ّ",
    "ً",
    "ِ",
    "پ",
    "چ",
    "ژ",
    "گ",
    "ک",
    "ی",
    "ٹ",
    "ڈ",
    "ڑ",
    "ں",
    "ے",
    "ہ",
    "ھ",
    "א",
    "ב",
    "ש",
    "ם",
    "ְ",
    "ָ",
    "ּ",
    "־",
    "״",
    "a",
    "b",
    "Z",
    "x",
    "0",
    "7",
    "٣",
    "٠",
    "۴",
    "۹",
    " ",
    " ",
    " ",
    " ",
    "  ",
    ".",
    ",",
    "!",
    "?",
    "؟",
    "،",
    "%",
    "$",
    "-",
    "/",
    ":",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "«",
    "»",
    "\"",
    "<",
    ">",
    "\u{202A}",
    "\u{202B}",
    "\u{202C}",
    "\u{202D}",
    "\u{202E}",
    "\u{2066}",
    "\u{2067}",
    "\u{2068}",
    "\u{2069}",
    "\u{200E}",
    "\u{200F}",
    "\u{061C}",
    "\u{200C}",
    "\u{200D}",
    "\t",
    "\u{1B}",
    "\u{7}",
    "\u{7F}",
    "\u{85}",
    "\u{9B}",
    "\u{0}",
    "\u{200B}",
    "😀",
    "👍🏽",
    "❤\u{FE0F}",
    "👨\u{200D}👩\u{200D}👧",
    "漢",
    "\u{0301}",
];

fn paragraph() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::collection::vec(prop::sample::select(PIECES), 0..60),
        1 => prop::collection::vec(prop::sample::select(PIECES), 200..800),
    ]
    .prop_map(|p| p.concat())
}

fn options() -> impl Strategy<Value = LayoutOptions> {
    (
        prop::option::of(0usize..40),
        prop::sample::select(vec![
            DirectionMode::Auto,
            DirectionMode::Ltr,
            DirectionMode::Rtl,
        ]),
        any::<bool>(),
        any::<bool>(),
        prop::sample::select(vec![WrapAlgorithm::FirstFit, WrapAlgorithm::OptimalFit]),
        any::<bool>(),
    )
        .prop_map(
            |(width, direction, shape, reorder, wrap, justify)| LayoutOptions {
                width,
                direction,
                shape,
                reorder,
                wrap,
                justify,
                reveal: false,
            },
        )
}

/// Paragraphs with no mandatory break inside (every line but the last is justified).
fn unbroken_paragraph() -> impl Strategy<Value = String> {
    paragraph().prop_map(|p| p.replace('\u{85}', " "))
}

/// Justified options with a width.
fn justified() -> impl Strategy<Value = LayoutOptions> {
    (options(), 2usize..50).prop_map(|(options, width)| LayoutOptions {
        width: Some(width),
        justify: true,
        ..options
    })
}

/// The line's cells without those justification added: (text, logical range) of each.
fn own_cells(line: &VisualLine<u8>) -> Vec<(String, std::ops::Range<usize>)> {
    line.clusters
        .iter()
        .zip(added_cells(line))
        .filter(|(_, added)| !added)
        .map(|(c, _)| {
            (
                line.text.get(c.text.clone()).unwrap_or_default().to_owned(),
                c.logical.clone(),
            )
        })
        .collect()
}

/// A mirrored pair counts as one character: which one is shown depends on the run's direction.
fn canonical(c: char) -> char {
    c.min(mirrored(c))
}

fn is_control(c: char) -> bool {
    is_bidi_control(c) || c == '\u{200C}' || c == '\u{200D}' || c.is_control()
}

fn source_characters(text: &str) -> Vec<char> {
    let mut chars: Vec<char> = text
        .chars()
        .filter(|&c| !is_control(c) && !c.is_whitespace())
        .map(canonical)
        .collect();
    chars.sort_unstable();
    chars
}

fn shown_characters(layout: &ParagraphLayout<u8>) -> Vec<char> {
    let mut chars = Vec::new();
    let own: String = layout
        .lines
        .iter()
        .flat_map(own_cells)
        .map(|(text, _)| text)
        .collect();
    for c in own.chars() {
        let added = c == '\u{200D}' || c == DOTTED_CIRCLE || ('\u{2400}'..='\u{2426}').contains(&c);
        if c.is_whitespace() || added {
            continue;
        }
        match unshape(c) {
            Some((first, second)) => chars.extend(std::iter::once(first).chain(second)),
            None => chars.push(c),
        }
    }
    let mut chars: Vec<char> = chars.into_iter().map(canonical).collect();
    chars.sort_unstable();
    chars
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn every_visible_character_appears_exactly_once(text in paragraph(), options in options()) {
        let layout = layout_paragraph::<u8>(&text, &[], &options);
        prop_assert_eq!(shown_characters(&layout), source_characters(&text));
    }

    #[test]
    fn no_line_is_wider_than_the_width(text in paragraph(), options in options()) {
        let layout = layout_paragraph::<u8>(&text, &[], &options);
        for line in &layout.lines {
            let cells: usize = line.clusters.iter().map(|c| c.width).sum();
            prop_assert_eq!(cells, line.width);
            if let Some(width) = options.width {
                prop_assert!(line.width <= width || line.clusters.len() == 1, "{:?}", line);
            }
            let mut at = 0;
            for cluster in &line.clusters {
                prop_assert_eq!(cluster.text.start, at);
                at = cluster.text.end;
                let shown = line.text.get(cluster.text.clone()).unwrap_or_default();
                prop_assert_eq!(text_width(shown), cluster.width, "{:?}", shown);
                // Zero width only for a paragraph of nothing but invisible format characters.
                prop_assert!(cluster.width > 0 || layout.lines.len() == 1 && line.clusters.len() == 1);
            }
            prop_assert_eq!(at, line.text.len());
        }
    }

    #[test]
    fn logical_ranges_give_the_paragraph_back_in_order(text in paragraph(), options in options()) {
        let layout = layout_paragraph::<u8>(&text, &[], &options);
        prop_assert!(!layout.lines.is_empty());
        let mut at = 0;
        for line in &layout.lines {
            prop_assert_eq!(line.logical.start, at);
            prop_assert!(line.logical.end >= line.logical.start);
            for cluster in &line.clusters {
                prop_assert!(line.logical.start <= cluster.logical.start && cluster.logical.end <= line.logical.end);
            }
            at = line.logical.end;
        }
        prop_assert_eq!(at, text.len());
        let rebuilt: String = layout.lines.iter().filter_map(|l| text.get(l.logical.clone())).collect();
        prop_assert_eq!(rebuilt, text);
    }

    #[test]
    fn nothing_shown_is_a_control_character(text in paragraph(), options in options()) {
        let layout = layout_paragraph::<u8>(&text, &[], &options);
        for c in layout.lines.iter().flat_map(|l| l.text.chars()) {
            prop_assert!(!c.is_control() && !is_bidi_control(c) && control_symbol(c).is_none(), "{:?}", c);
            prop_assert_ne!(c, '\u{200C}');
        }
    }

    #[test]
    fn tags_land_on_the_clusters_they_cover(text in paragraph(), options in options(), split in 0usize..200) {
        let split = (0..=split.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        let tags = [TagSpan { range: split..text.len(), tag: 7u8 }];
        let layout = layout_paragraph(&text, &tags, &options);
        for cluster in layout.lines.iter().flat_map(|l| &l.clusters) {
            let expected = if cluster.logical.start >= split { 7 } else { 0 };
            prop_assert_eq!(cluster.tag, expected);
        }
    }

    #[test]
    fn a_justified_line_fills_the_width_unless_it_has_no_gap(text in unbroken_paragraph(), options in justified()) {
        let layout = layout_paragraph::<u8>(&text, &[], &options);
        let width = options.width.unwrap_or_default();
        let n = layout.lines.len();
        for line in &layout.lines[..n - 1] {
            if line.width < width {
                // Short only when there is no space between two words in logical order (and
                // every kashida place has its most tatweels).
                let mut own = own_cells(line);
                own.sort_by_key(|(_, logical)| logical.start);
                let words = own.iter().map(|(t, _)| !t.trim().is_empty()).collect::<Vec<_>>();
                let first = words.iter().position(|&w| w);
                let last = words.iter().rposition(|&w| w);
                if let (Some(a), Some(b)) = (first, last) {
                    prop_assert!(words[a..b].iter().all(|&w| w), "a gap in {:?}", line.text);
                }
            } else {
                prop_assert!(line.width == width || line.clusters.len() == 1, "{:?}", line);
            }
        }
    }

    #[test]
    fn removing_the_added_cells_gives_the_ragged_line_and_last_lines_are_untouched(
        text in paragraph(), options in justified()
    ) {
        let justified = layout_paragraph::<u8>(&text, &[], &options);
        let ragged = layout_paragraph::<u8>(&text, &[], &LayoutOptions { justify: false, ..options });
        prop_assert_eq!(justified.lines.len(), ragged.lines.len());
        for (j, r) in justified.lines.iter().zip(&ragged.lines) {
            prop_assert_eq!(&j.logical, &r.logical);
            let rebuilt: Vec<_> = r.clusters.iter()
                .map(|c| (r.text.get(c.text.clone()).unwrap_or_default().to_owned(), c.logical.clone()))
                .collect();
            prop_assert_eq!(own_cells(j), rebuilt);
            // Every added cell is a tatweel or a space.
            for (c, _) in j.clusters.iter().zip(added_cells(j)).filter(|(_, a)| *a) {
                let shown = j.text.get(c.text.clone()).unwrap_or_default();
                prop_assert!(shown == " " || shown == "\u{640}", "{:?}", shown);
            }
        }
        let (last_j, last_r) = (justified.lines.last(), ragged.lines.last());
        prop_assert_eq!(last_j, last_r);
    }

    #[test]
    fn every_added_tatweel_sits_between_two_letters_that_join(text in paragraph(), options in justified()) {
        let layout = layout_paragraph::<u8>(&text, &[], &options);
        for line in &layout.lines {
            let added = added_cells(line);
            let first_char = |i: usize| {
                let cluster = line.clusters.get(i)?;
                line.text.get(cluster.text.clone()).and_then(|t| t.chars().next())
            };
            for (i, c) in line.clusters.iter().enumerate() {
                if !added[i] || line.text.get(c.text.clone()) != Some("\u{640}") {
                    continue;
                }
                // The letter it extends and its added tatweels share its logical range and
                // stand together; the next letter in logical order is past the other end of
                // them (on their left right to left, on their right in an override or in
                // logical order). A tatweel the author typed and the ones added after it are
                // all alike: either end may be the typed one.
                let same = |k: &usize| line.clusters[*k].logical == c.logical;
                let first = (0..=i).rev().take_while(same).last().unwrap_or(i);
                let last = (i..line.clusters.len()).take_while(same).last().unwrap_or(i);
                let own = (first..=last).find(|&k| !added[k]).and_then(first_char);
                let left = first.checked_sub(1).and_then(first_char);
                let right = first_char(last + 1);
                let own_at_right = (first..=last).find(|&k| !added[k]) == Some(last)
                    && line.text.get(line.clusters[last].text.clone()) != Some("\u{640}");
                let past = if own == Some(TATWEEL) {
                    let joins_back = |c: Option<char>| c.is_some_and(|c| c == TATWEEL || form_joins(c).is_some_and(|(p, _)| p));
                    if joins_back(left) { left } else { right }
                } else if own_at_right {
                    left
                } else {
                    right
                };
                let (Some(a), Some(b)) = (own, past) else {
                    return Err(TestCaseError::fail(format!("a tatweel at the edge of {:?}", line.text)));
                };
                let joins_next = a == TATWEEL || form_joins(a).is_some_and(|(_, next)| next);
                let joins_previous = b == TATWEEL || form_joins(b).is_some_and(|(previous, _)| previous);
                prop_assert!(joins_next && joins_previous, "{:?} ـ {:?} in {:?}", a, b, line.text);
                // Never after a letter that does not join the next one, never inside lam-alef.
                let letter = unshape(a).map_or(a, |(first, second)| second.unwrap_or(first));
                prop_assert!(matches!(joining_type(letter), JoiningType::D | JoiningType::C), "{:?}", a);
                let alef = matches!(unshape(b), Some(('\u{627}' | '\u{623}' | '\u{625}' | '\u{622}', _)));
                prop_assert!(!(letter == '\u{644}' && alef), "inside lam-alef: {:?}", line.text);
            }
        }
    }
}
