//! The Unicode conformance files for UAX #9 (Unicode 15, vendored gzipped in tests/data/), run
//! through the engine's own steps: `unicode-bidi` for the paragraph analysis, then sahifa's L1
//! and L2 (`sahifa::layout::conformance::resolve`, the code `layout_paragraph` uses). Each
//! character is its own unit there, so L3 is not applied: both files expect the plain L2 order.

mod common;

use common::data::read_gz;
use sahifa::layout::conformance::resolve;
use sahifa::layout::mirror::mirrored;
use sahifa::layout::width::text_width;
use sahifa::layout::{DirectionMode, LayoutOptions, layout_paragraph};
use unicode_segmentation::UnicodeSegmentation;

fn parse_levels(field: &str) -> Vec<Option<u8>> {
    field
        .split_whitespace()
        .map(|l| {
            if l == "x" {
                None
            } else {
                Some(l.parse().expect("level"))
            }
        })
        .collect()
}

fn parse_order(field: &str) -> Vec<usize> {
    field
        .split_whitespace()
        .map(|i| i.parse().expect("index"))
        .collect()
}

#[test]
fn bidi_character_test_passes_completely() {
    let data = read_gz("BidiCharacterTest.txt.gz");
    let (mut cases, mut failures) = (0, Vec::new());
    for (number, line) in data.lines().enumerate() {
        let line = line.split('#').next().unwrap_or_default().trim();
        if line.is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split(';').collect();
        let text: String = fields[0]
            .split_whitespace()
            .map(|cp| char::from_u32(u32::from_str_radix(cp, 16).expect("hex")).expect("char"))
            .collect();
        let direction = match fields[1] {
            "0" => DirectionMode::Ltr,
            "1" => DirectionMode::Rtl,
            _ => DirectionMode::Auto,
        };
        let expected_level: u8 = fields[2].parse().expect("paragraph level");
        let got = resolve(&text, direction);
        cases += 1;
        if got.para_level != expected_level
            || got.levels != parse_levels(fields[3])
            || got.order != parse_order(fields[4])
        {
            failures.push(format!("line {}: {line}\n  got {got:?}", number + 1));
        }
    }
    println!(
        "BidiCharacterTest.txt: {} of {cases} cases pass",
        cases - failures.len()
    );
    assert!(cases > 90_000, "only {cases} cases read");
    assert!(
        failures.is_empty(),
        "{} of {cases} cases fail, first ones:\n{}",
        failures.len(),
        failures[..failures.len().min(10)].join("\n")
    );
}

/// The whole engine (`layout_paragraph`, unshaped, unwrapped) on the BidiCharacterTest.txt
/// paragraphs where its extra duties cannot change the answer: no marks (L3 would keep them
/// after their base, the file expects plain L2), no controls or zero-width characters (dropped
/// or merged by the engine) and every character its own grapheme. The expected line is the
/// file's visual order with L4 applied: characters at odd levels mirrored.
#[test]
fn engine_lines_match_bidi_character_test() {
    let data = read_gz("BidiCharacterTest.txt.gz");
    let (mut checked, mut failures) = (0, Vec::new());
    for (number, line) in data.lines().enumerate() {
        let line = line.split('#').next().unwrap_or_default().trim();
        if line.is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split(';').collect();
        let chars: Vec<char> = fields[0]
            .split_whitespace()
            .map(|cp| char::from_u32(u32::from_str_radix(cp, 16).expect("hex")).expect("char"))
            .collect();
        let text: String = chars.iter().collect();
        let plain = chars
            .iter()
            .all(|&c| text_width(c.encode_utf8(&mut [0; 4])) > 0 && !c.is_control())
            && text.graphemes(true).count() == chars.len();
        if !plain {
            continue;
        }
        let direction = match fields[1] {
            "0" => DirectionMode::Ltr,
            "1" => DirectionMode::Rtl,
            _ => DirectionMode::Auto,
        };
        let levels = parse_levels(fields[3]);
        let expected: String = parse_order(fields[4])
            .into_iter()
            .map(|i| match levels[i] {
                Some(level) if level % 2 == 1 => mirrored(chars[i]),
                _ => chars[i],
            })
            .collect();
        let options = LayoutOptions {
            direction,
            shape: false,
            ..LayoutOptions::default()
        };
        let layout = layout_paragraph::<()>(&text, &[], &options);
        checked += 1;
        if layout.lines.len() != 1 || layout.lines[0].text != expected {
            failures.push(format!(
                "line {}: {line}\n  got {:?}",
                number + 1,
                layout.lines
            ));
        }
    }
    println!(
        "BidiCharacterTest.txt through layout_paragraph: {} of {checked} pass",
        checked - failures.len()
    );
    assert!(checked > 20_000, "only {checked} cases qualify");
    assert!(
        failures.is_empty(),
        "{} of {checked} cases fail, first ones:\n{}",
        failures.len(),
        failures[..failures.len().min(10)].join("\n")
    );
}

/// A character of each bidi class, to turn BidiTest.txt's class sequences into text.
fn representative(class: &str) -> char {
    match class {
        "L" => 'a',
        "R" => '\u{05D0}',
        "AL" => '\u{0627}',
        "EN" => '1',
        "ES" => '+',
        "ET" => '$',
        "AN" => '\u{0661}',
        "CS" => ',',
        "NSM" => '\u{0300}',
        "BN" => '\u{00AD}',
        "B" => '\u{2029}',
        "S" => '\t',
        "WS" => ' ',
        "ON" => '!',
        "LRE" => '\u{202A}',
        "RLE" => '\u{202B}',
        "PDF" => '\u{202C}',
        "LRO" => '\u{202D}',
        "RLO" => '\u{202E}',
        "LRI" => '\u{2066}',
        "RLI" => '\u{2067}',
        "FSI" => '\u{2068}',
        "PDI" => '\u{2069}',
        other => panic!("unknown bidi class {other}"),
    }
}

#[test]
fn bidi_test_passes_completely() {
    let data = read_gz("BidiTest.txt.gz");
    let (mut levels, mut order) = (Vec::new(), Vec::new());
    let (mut cases, mut failures) = (0usize, Vec::new());
    for (number, line) in data.lines().enumerate() {
        let line = line.split('#').next().unwrap_or_default().trim();
        if let Some(rest) = line.strip_prefix("@Levels:") {
            levels = parse_levels(rest);
            continue;
        }
        if let Some(rest) = line.strip_prefix("@Reorder:") {
            order = parse_order(rest);
            continue;
        }
        let Some((classes, bitset)) = line.split_once(';') else {
            continue;
        };
        let text: String = classes.split_whitespace().map(representative).collect();
        let bitset: u8 = bitset.trim().parse().expect("bitset");
        for (bit, direction) in [
            (1, DirectionMode::Auto),
            (2, DirectionMode::Ltr),
            (4, DirectionMode::Rtl),
        ] {
            if bitset & bit == 0 {
                continue;
            }
            cases += 1;
            let got = resolve(&text, direction);
            if got.levels != levels || got.order != order {
                failures.push(format!(
                    "line {}: {line} ({direction:?})\n  got {got:?}",
                    number + 1
                ));
            }
        }
    }
    let passed = cases - failures.len();
    println!("BidiTest.txt: {passed} of {cases} cases pass");
    assert!(cases > 490_000, "only {cases} cases read");
    assert!(
        failures.is_empty(),
        "{} of {cases} cases fail, first ones:\n{}",
        failures.len(),
        failures[..failures.len().min(10)].join("\n")
    );
}
