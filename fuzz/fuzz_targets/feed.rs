//! Arbitrary bytes as a feed: detected, parsed, its list composed and printed as `sahifa print`
//! does at widths 1, 7, 40 and 80, written as `sahifa json`, and each item opened as an
//! article. Parsing may refuse the bytes with an error; nothing may panic, no row may be wider
//! than its width, and nothing printed may carry a control character from the feed.

#![no_main]

mod checks;

use libfuzzer_sys::fuzz_target;
use sahifa::feed::list::FeedList;
use sahifa::feed::read_state::ReadState;
use sahifa::feed::rows::{RowOptions, compose};
use sahifa::feed::{article, detect, parse};
use sahifa::page::{PageOptions, compose as compose_page};
use sahifa::render::ansi::{Styling, line_text};
use sahifa::render::no_overlay;
use sahifa::theme::Theme;
use std::sync::LazyLock;

static THEME: LazyLock<Theme> = LazyLock::new(Theme::default);

fuzz_target!(|data: &[u8]| {
    let _ = detect(data, None);
    let Ok(feed) = parse(data, "feed", Some("https://example.org/feed")) else {
        return;
    };
    let _ = sahifa::commands::feed::to_json(&feed);
    for item in &feed.items {
        if let article::Opened::Document(doc) = article::open(item, &feed) {
            checks::check_page(&compose_page(&doc, 40, &PageOptions::default()), 40);
        }
    }
    let list = FeedList::single(feed, "feed", ReadState::in_memory());
    for width in [1usize, 7, 40, 80] {
        let options = RowOptions {
            width,
            page: PageOptions::default(),
            now: chrono::DateTime::from_timestamp(1_796_590_800, 0).unwrap_or_default(),
        };
        for (n, line) in compose(&list, &options).iter().enumerate() {
            checks::check_page_line(line, width.max(3), n);
            for styling in [Styling::Plain, Styling::Ansi { entities: false }] {
                let text = line_text(line, &THEME, styling, &no_overlay);
                checks::check_printed(&text);
            }
        }
    }
});
