//! Plain text keeps every line: each non-chrome input line appears exactly once, in order.

use proptest::prelude::*;
use sahifa::document::{Block, Document};

/// Lines an article can be made of: sentences, short lines, figures, chrome.
fn line() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "الرقة",
        "موسكو",
        "واشنطن",
        "قال",
        "إن",
        "الهدنة",
        "تهران",
        "می\u{200C}گوید",
        "ירושלים",
        "הרכבת",
        "Reuters",
        "said",
        "2016",
        "12",
        "ألف",
        "«داعش»",
        "(شمال)",
    ]);
    prop_oneof![
        // a sentence
        (
            prop::collection::vec(words.clone(), 3..25),
            prop::sample::select(vec![".", "،", "؟", "", ":"])
        )
            .prop_map(|(w, end)| format!("{}{end}", w.join(" "))),
        // a short line
        prop::collection::vec(words, 1..4).prop_map(|w| w.join(" ")),
        // a figure
        prop::sample::select(vec!["28.000", "61", "99.7%", "6 آلاف", "$4.5bn", "۲۵٪"])
            .prop_map(str::to_owned),
        // chrome
        prop::sample::select(vec!["Email", "طباعة", "ت + ت - الحجم الطبيعي", "שתפו"])
            .prop_map(str::to_owned),
        Just(String::new()),
    ]
}

fn document_words(document: &Document) -> Vec<String> {
    let mut parts = vec![document.title.clone()];
    parts.extend(document.subtitle.clone());
    for section in &document.sections {
        parts.extend(section.heading.clone());
        for block in &section.blocks {
            if let Block::Callout { value, .. } = block {
                parts.push(value.clone());
            }
            parts.push(block.plain_text());
        }
    }
    parts
        .iter()
        .flat_map(|p| p.split_whitespace())
        .map(str::to_owned)
        .collect()
}

proptest! {
    #[test]
    fn every_non_chrome_line_appears_exactly_once_in_order(lines in prop::collection::vec(line(), 0..40)) {
        let input = lines.join("\n");
        let document = sahifa::load::parse(&input, sahifa::document::Format::Text);
        let expected: Vec<String> = lines
            .iter()
            .filter(|l| !sahifa::load::chrome::is_chrome(l))
            .flat_map(|l| l.split_whitespace())
            .map(str::to_owned)
            .collect();
        prop_assert_eq!(document_words(&document), expected);
    }
}
