//! Properties of feeds over generated input: parsing never panics, and every row of any list
//! is exactly the width asked for, with no control character reaching the output.

use proptest::prelude::*;
use sahifa::feed::list::FeedList;
use sahifa::feed::read_state::ReadState;
use sahifa::feed::rows::{RowOptions, compose, heading};
use sahifa::feed::{Feed, FeedKind, Item, parse};
use sahifa::page::PageOptions;
use sahifa::render::ansi::{Styling, line_text};
use sahifa::render::no_overlay;
use sahifa::theme::Theme;

const PREFIXES: [&str; 4] = [
    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><item><title>",
    "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title type=\"html\">",
    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\"><item><title>",
    "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [{\"title\": \"",
];

/// Titles mixing Arabic, Hebrew, Latin, digits, marks, brackets, controls and bidi controls.
fn title() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        "[a-zA-Z0-9 ()«»:%.,\u{0627}-\u{064A}\u{064B}-\u{0652}\u{05D0}-\u{05EA}\u{06F0}-\u{06F9}\u{200C}\u{200F}\u{202B}\u{2067}\u{0001}-\u{001F}\u{007F}]{0,90}",
    )
    .expect("a valid pattern")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn parsing_anything_after_a_feeds_start_never_panics(
        kind in 0usize..4,
        tail in proptest::collection::vec(any::<u8>(), 0..400),
    ) {
        let mut bytes = PREFIXES[kind].as_bytes().to_vec();
        bytes.extend(tail);
        if let Ok(feed) = parse(&bytes, "generated", None) {
            for item in &feed.items {
                prop_assert!(!item.display_title().chars().any(char::is_control));
            }
        }
    }

    #[test]
    fn every_row_is_the_width_and_free_of_controls(
        titles in proptest::collection::vec(title(), 1..6),
        width in 3usize..120,
        shape in any::<bool>(),
    ) {
        let items = titles
            .iter()
            .map(|t| Item { title: Some(t.clone()), ..Item::default() })
            .collect();
        let feed = Feed {
            kind: FeedKind::Rss2,
            title: titles[0].clone(),
            link: None,
            language: None,
            items,
        };
        let list = FeedList::single(feed, "generated", ReadState::in_memory());
        let options = RowOptions {
            width,
            page: PageOptions { shape, ..PageOptions::default() },
            now: chrono::DateTime::from_timestamp(1_796_590_800, 0).unwrap_or_default(),
        };
        let theme = Theme::default();
        for line in compose(&list, &options) {
            prop_assert_eq!(line.width(), width);
            let text = line_text(&line, &theme, Styling::Plain, &no_overlay);
            prop_assert!(!text.chars().any(char::is_control), "{:?}", text);
        }
        for line in heading(&list, &options) {
            prop_assert!(line.width() <= width);
        }
    }
}
