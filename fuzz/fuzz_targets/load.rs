//! Arbitrary bytes as an article: decoded, loaded as plain text, Markdown, HTML and by sniffing,
//! tagged, turned into `sahifa json`, and composed and printed as `sahifa print` does at widths
//! 1, 7, 40 and 80 (plain, padded for reordering terminals, and coloured). Loading may refuse the
//! bytes with an error; nothing may panic, no page line may be wider than its width, and nothing
//! printed may carry a control character from the article.

#![no_main]

mod checks;

use libfuzzer_sys::fuzz_target;
use sahifa::analyse::{self, entities::Tagger};
use sahifa::document::Format;
use sahifa::layout::DirectionMode;
use sahifa::load::{self, LoadOptions};
use sahifa::page::{PageOptions, compose};
use sahifa::render::ansi::{Styling, write_page};
use sahifa::theme::Theme;
use std::path::Path;
use std::sync::LazyLock;

static TAGGER: LazyLock<Tagger> = LazyLock::new(|| Tagger::new(&[]));
static THEME: LazyLock<Theme> = LazyLock::new(Theme::default);

fuzz_target!(|data: &[u8]| {
    let formats = [
        None,
        Some(Format::Text),
        Some(Format::Markdown),
        Some(Format::Html),
    ];
    for format in formats {
        let options = LoadOptions {
            format,
            ..LoadOptions::default()
        };
        let Ok(loaded) = load::load_bytes(data, Path::new("article"), &options) else {
            continue;
        };
        let mut doc = loaded.document;
        analyse::analyse(&mut doc, &TAGGER);
        let _ = sahifa::commands::json::to_string(&doc);
        for (k, width) in [1usize, 7, 40, 80].into_iter().enumerate() {
            // Every other width as `--no-shape --dir rtl --bidi terminal` prints it.
            let (page_options, styling) = if k % 2 == 0 {
                (PageOptions::default(), Styling::Plain)
            } else {
                let options = PageOptions {
                    shape: false,
                    reorder: false,
                    direction: DirectionMode::Rtl,
                    entities: true,
                    justify: true,
                    ..PageOptions::default()
                };
                (options, Styling::PlainPadded)
            };
            let page = compose(&doc, width, &page_options);
            checks::check_page(&page, width);
            for styling in [styling, Styling::Ansi { entities: true }] {
                let mut out = Vec::new();
                let written = write_page(&mut out, &page, &THEME, styling);
                assert!(written.is_ok(), "writing to a Vec cannot fail");
                let out = String::from_utf8(out).expect("print writes UTF-8");
                if matches!(styling, Styling::Ansi { .. }) {
                    checks::check_printed(&out);
                } else {
                    checks::assert_shown(out.replace('\n', "").as_str(), "printed plain");
                }
            }
        }
    }
});
