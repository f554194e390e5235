//! `sahifa print` snapshots: the sample article and every article in assets/samples/, plain
//! text at widths 40 and 80, plus one coloured rendering so a theme change shows up here.
//!
//! Review a changed snapshot by reading it: RTL paragraphs right-aligned and in reading order,
//! boxes closed, quote bars and list markers on the reading-start side.

mod common;

use sahifa::document::Document;
use sahifa::load::{LoadOptions, open};
use sahifa::output::print_to_string;
use sahifa::page::PageOptions;
use sahifa::render::ansi::Styling;
use sahifa::settings::PrintSettings;
use sahifa::theme::Theme;
use std::path::Path;

fn load(path: &Path) -> Document {
    match open(
        &sahifa::source::Source::File(path.into()),
        &LoadOptions::default(),
    ) {
        Ok(loaded) => loaded.document,
        Err(e) => panic!("{}: {e}", path.display()),
    }
}

fn plain(width: usize) -> PrintSettings {
    PrintSettings {
        width,
        page: PageOptions::default(),
        theme: Theme::default(),
        styling: Styling::Plain,
        hyperlinks: false,
    }
}

#[test]
fn print_plain_at_40_and_80() {
    for path in common::articles::corpus() {
        let doc = load(&path);
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().replace('.', "_"));
        for width in [40, 80] {
            let out = print_to_string(&doc, &plain(width));
            for line in out.lines() {
                assert!(
                    unicode_width::UnicodeWidthStr::width(line) <= width,
                    "{}: {line:?} wider than {width}",
                    path.display()
                );
            }
            insta::assert_snapshot!(format!("{name}_w{width}"), out);
        }
    }
}

#[test]
fn print_ansi_with_the_default_theme() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/raqqa-news-ar.txt");
    let doc = load(&path);
    let settings = PrintSettings {
        styling: Styling::Ansi { entities: true },
        ..plain(40)
    };
    // ESC shown as \e so the snapshot file stays readable text.
    let out = print_to_string(&doc, &settings).replace('\x1b', "\\e");
    insta::assert_snapshot!("raqqa-news-ar_ansi_w40", out);
}

/// `--bidi terminal` writes logical order for a terminal that reorders each line itself. Played
/// through such a terminal (here the bidi filter: each line one paragraph, direction from its
/// first strong character), every sample must look exactly as sahifa draws it in app mode.
#[test]
fn terminal_mode_through_a_reordering_terminal_looks_like_app_mode() {
    use sahifa::commands::bidi::filter_to_string;
    use sahifa::layout::LayoutOptions;
    let trimmed = |s: &str| s.lines().map(str::trim_end).collect::<Vec<_>>().join("\n");
    for path in common::articles::corpus() {
        let doc = load(&path);
        let app = print_to_string(&doc, &plain(40));
        let terminal = PrintSettings {
            page: PageOptions {
                reorder: false,
                ..PageOptions::default()
            },
            styling: Styling::PlainPadded,
            ..plain(40)
        };
        let logical = print_to_string(&doc, &terminal);
        let shown = filter_to_string(
            &logical,
            &LayoutOptions {
                shape: false,
                ..LayoutOptions::default()
            },
        );
        assert_eq!(trimmed(&shown), trimmed(&app), "{}", path.display());
    }
}
