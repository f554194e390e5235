//! The generated tables of src/layout (assets/tools/gen_layout_tables.py) checked against the
//! vendored Unicode 15 data files they were generated from, so neither can drift silently.

mod common;

use common::data::read_gz;
use sahifa::layout::mirror::mirrored;
use sahifa::layout::shaping::{JoiningType, joining_type};
use std::collections::HashMap;

fn data_lines(name: &str) -> Vec<Vec<String>> {
    read_gz(name)
        .lines()
        .map(|l| l.split('#').next().unwrap_or_default().trim())
        .filter(|l| !l.is_empty())
        .map(|l| l.split(';').map(|f| f.trim().to_owned()).collect())
        .collect()
}

fn code_point(field: &str) -> char {
    char::from_u32(u32::from_str_radix(field, 16).expect("hex")).expect("scalar value")
}

#[test]
fn joining_types_match_arabic_shaping_txt() {
    let lines = data_lines("ArabicShaping.txt.gz");
    assert!(lines.len() > 500, "only {} entries", lines.len());
    let mut listed = HashMap::new();
    for fields in &lines {
        let c = code_point(&fields[0]);
        let expected = match fields[2].as_str() {
            "R" => JoiningType::R,
            "L" => JoiningType::L,
            "D" => JoiningType::D,
            "C" => JoiningType::C,
            "U" => JoiningType::U,
            "T" => JoiningType::T,
            other => panic!("unknown joining type {other}"),
        };
        assert_eq!(joining_type(c), expected, "U+{:04X}", c as u32);
        listed.insert(c, expected);
    }
    // Anything not listed is non-joining or (for marks and format characters) transparent.
    for c in (0..=0x10FFFF)
        .filter_map(char::from_u32)
        .filter(|c| !listed.contains_key(c))
    {
        let t = joining_type(c);
        assert!(
            matches!(t, JoiningType::U | JoiningType::T),
            "U+{:04X} is {t:?}",
            c as u32
        );
    }
    assert_eq!(
        joining_type('\u{064E}'),
        JoiningType::T,
        "harakat are transparent"
    );
}

#[test]
fn mirrors_match_bidi_mirroring_txt() {
    let pairs: HashMap<char, char> = data_lines("BidiMirroring.txt.gz")
        .iter()
        .map(|fields| (code_point(&fields[0]), code_point(&fields[1])))
        .collect();
    assert!(pairs.len() > 400, "only {} pairs", pairs.len());
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        assert_eq!(
            mirrored(c),
            pairs.get(&c).copied().unwrap_or(c),
            "U+{:04X}",
            c as u32
        );
    }
}
