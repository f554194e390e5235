//! Rows at prime widths (37, 61) so columns rarely line up by accident.

use super::*;
use crate::feed::fixtures::{feed as fixture, now};
use crate::feed::list::Source;
use crate::feed::read_state::ReadState;
use crate::layout::ParagraphLayout;

fn list(name: &str) -> FeedList {
    FeedList::single(fixture(name), name, ReadState::in_memory())
}

fn options(width: usize) -> RowOptions {
    RowOptions {
        width,
        page: PageOptions::default(),
        now: now(),
    }
}

/// The title's laid-out line in a row.
fn title_of(line: &PageLine) -> &VisualLine<Tag> {
    line.pieces
        .iter()
        .find_map(|p| match p {
            Piece::Text { line, source } if source.part == TITLE_PART => Some(line),
            _ => None,
        })
        .expect("a title")
}

fn laid_out(text: &str, width: usize) -> ParagraphLayout<Tag> {
    let options = LayoutOptions {
        width: Some(width),
        ..LayoutOptions::default()
    };
    layout_paragraph(text, &[], &options)
}

#[test]
fn every_row_is_exactly_the_width_at_any_width() {
    for name in ["akhbar-ar.rss", "yediot-he.atom", "hamshahri-fa.json"] {
        let list = list(name);
        for width in 3..=101 {
            for (row, line) in compose(&list, &options(width)).iter().enumerate() {
                assert_eq!(line.width(), width, "{name} at {width}, row {row}");
            }
        }
    }
}

#[test]
fn an_arabic_list_reads_from_the_right_with_the_age_on_the_left() {
    let list = list("akhbar-ar.rss");
    assert!(list_is_rtl(&list, DirectionMode::Auto));
    let lines = compose(&list, &options(61));
    let row = |i: usize| lines[i].text();
    assert!(row(0).starts_with("5 h  "), "{}", row(0));
    assert!(row(0).ends_with(" ●"), "{}", row(0));
    assert!(row(1).starts_with("1 d  "), "{}", row(1));
    // The undated item has no age, and its title is still against the right edge.
    let last = row(3);
    assert!(
        last.ends_with(" ●") && !last.starts_with(char::is_numeric),
        "{last}"
    );
}

#[test]
fn a_long_title_is_cut_at_its_logical_end_with_an_ellipsis() {
    let list = list("akhbar-ar.rss");
    let lines = compose(&list, &options(37));
    let title = "عودة الكهرباء إلى أحياء حلب الشرقية بعد انقطاع دام 12 ساعة";
    let shown = title_of(&lines[0]);
    assert_eq!(shown.logical.start, 0, "the title's beginning is shown");
    // Exactly the first line the layout engine gives one cell narrower than the column.
    let column = 37 - MARK - GAP - "5 h".len();
    let expected = &laid_out(title, column - 1).lines[0];
    assert_eq!(shown.text, expected.text);
    // An RTL title ends on the left: the ellipsis is just left of the text.
    let text = lines[0].text();
    let at = text.find('…').expect("an ellipsis");
    let after = text.get(at + '…'.len_utf8()..).unwrap_or_default();
    assert!(after.starts_with(expected.text.as_str()), "{text}");
}

#[test]
fn a_latin_title_in_an_arabic_list_keeps_its_own_direction() {
    let list = list("akhbar-ar.rss");
    let lines = compose(&list, &options(37));
    let text = lines[3].text();
    // "iPhone 18 …" reads left to right: its start is at the left of its column, its cut end
    // (the ellipsis) at the right, next to the mark.
    assert!(text.contains("iPhone 18"), "{text}");
    assert!(text.trim_end_matches(" ●").ends_with('…'), "{text}");
}

#[test]
fn a_hebrew_list_and_its_latin_title() {
    let list = list("yediot-he.atom");
    assert!(list_is_rtl(&list, DirectionMode::Auto));
    let lines = compose(&list, &options(61));
    assert!(lines[0].text().starts_with("3 h  "), "{}", lines[0].text());
    let marathon = lines[2].text();
    assert!(marathon.starts_with("16 d "), "{marathon}");
    assert!(marathon.contains("Tel Aviv Marathon: 40,000 runners expected"));
    assert!(!list_is_rtl(&list, DirectionMode::Ltr));
}

#[test]
fn read_items_lose_their_mark_and_their_strength() {
    let mut list = list("hamshahri-fa.json");
    list.toggle_read(0);
    let lines = compose(&list, &options(61));
    assert!(
        lines[0].text().ends_with("  "),
        "no mark: {}",
        lines[0].text()
    );
    assert_eq!(title_of(&lines[0]).clusters[0].tag.role, Role::Meta);
    assert!(lines[1].text().ends_with(" ●"));
    assert!(title_of(&lines[1]).clusters[0].tag.strong);
}

#[test]
fn several_feeds_show_their_source_and_failures_in_place() {
    let sources = vec![
        Source::new("أخبار", "a.rss", ReadState::in_memory()),
        Source::new("חדשות", "b.atom", ReadState::in_memory()),
        Source::new("broken", "c.rss", ReadState::in_memory()),
    ];
    let mut list = FeedList::new("Feeds", sources);
    list.set_result(0, Ok(fixture("akhbar-ar.rss")));
    list.set_result(1, Ok(fixture("yediot-he.atom")));
    list.set_result(2, Err("c.rss: not a feed: it is an HTML page".into()));
    let lines = compose(&list, &options(61));
    assert_eq!(lines.len(), 1 + 4 + 3);
    let failed = lines[0].text();
    assert!(failed.ends_with(" !"), "{failed}");
    assert!(
        failed.contains("broken") && failed.contains("c.rss: not a feed"),
        "{failed}"
    );
    // Newest first across feeds: the Arabic item of 18:30 +03:00 (15:30Z), then the Hebrew one
    // of 19:10 +02:00 (17:10Z) comes before it.
    assert!(lines[1].text().starts_with("3 h"), "{}", lines[1].text());
    assert!(lines[2].text().starts_with("5 h"), "{}", lines[2].text());
    for line in &lines {
        assert_eq!(line.width(), 61);
    }
}

#[test]
fn narrow_lists_drop_the_source_then_the_age() {
    let sources = vec![
        Source::new("أخبار المدينة", "a.rss", ReadState::in_memory()),
        Source::new("חדשות", "b.atom", ReadState::in_memory()),
    ];
    let mut list = FeedList::new("Feeds", sources);
    list.set_result(0, Ok(fixture("akhbar-ar.rss")));
    list.set_result(1, Ok(fixture("yediot-he.atom")));
    let wide = Columns::new(&list, &options(61));
    assert!(wide.source > 0 && wide.age > 0);
    let middle = Columns::new(&list, &options(23));
    assert!(middle.source == 0 && middle.age > 0, "{middle:?}");
    let narrow = Columns::new(&list, &options(13));
    assert!(narrow.source == 0 && narrow.age == 0, "{narrow:?}");
}

#[test]
fn the_heading_is_the_feeds_title_against_the_reading_start() {
    let list = list("akhbar-ar.rss");
    let lines = heading(&list, &options(61));
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].width(), 61);
    assert!(lines[0].text().starts_with(' '));
}

#[test]
fn dir_forces_the_list_and_every_title() {
    let list = list("akhbar-ar.rss");
    let forced = RowOptions {
        page: PageOptions {
            direction: DirectionMode::Rtl,
            ..PageOptions::default()
        },
        ..options(61)
    };
    let lines = compose(&list, &forced);
    // The Latin-led title now reads right to left: its cut end is at the left.
    let iphone = lines[3].text();
    assert!(iphone.ends_with(" ●"), "{iphone}");
    let auto = compose(&list, &options(61));
    assert_ne!(title_of(&lines[3]).text, title_of(&auto[3]).text);
    let ltr = RowOptions {
        page: PageOptions {
            direction: DirectionMode::Ltr,
            ..PageOptions::default()
        },
        ..options(61)
    };
    assert!(compose(&list, &ltr)[0].text().starts_with("● "));
}

#[test]
fn for_a_reordering_terminal_an_rtl_row_is_written_in_logical_order() {
    let list = list("yediot-he.atom");
    let terminal = RowOptions {
        page: PageOptions {
            reorder: false,
            ..PageOptions::default()
        },
        ..options(61)
    };
    let lines = compose(&list, &terminal);
    // Texts go in logical order for the terminal to reorder; the age stays "3 h" (mirrored as
    // a decoration, it would reach the terminal as "h 3", a Latin run it shows as is).
    for line in &lines {
        assert!(
            title_of(line).text.starts_with(['ה', 'מ', 'T']),
            "{}",
            line.text()
        );
    }
    assert!(lines[0].text().contains("3 h") && !lines[0].text().contains("h 3"));
    assert_eq!(lines[0].width(), 61);
}
