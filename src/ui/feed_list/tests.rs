//! The list view driven by keys and drawn into a buffer, as the reader would show it.

use super::*;
use crate::feed::fixtures::{feed as fixture, now};
use crate::feed::list::Source;
use crate::feed::read_state::ReadState;
use crate::theme::{StyleKey, Theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

fn view(name: &str) -> FeedListView {
    let list = FeedList::single(fixture(name), name, ReadState::in_memory());
    FeedListView::new(list, PageOptions::default(), now())
}

fn press_all(view: &mut FeedListView, keys: &str) -> Vec<ListEffect> {
    crate::ui::parse_keys(keys)
        .into_iter()
        .map(|key| view.press(key))
        .collect()
}

/// The buffer's rows as text, trailing blanks kept (cells are one column each here).
fn screen(buf: &Buffer) -> Vec<String> {
    let area = buf.area;
    (area.top()..area.bottom())
        .map(|y| {
            (area.left()..area.right())
                .map(|x| buf[(x, y)].symbol().to_owned())
                .collect()
        })
        .collect()
}

fn drawn(view: &mut FeedListView, cols: u16, rows: u16, theme: &Theme) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, cols, rows));
    view.draw(buf.area, &mut buf, theme);
    buf
}

#[test]
fn keys_move_the_selection_and_page_keys_move_by_a_screen() {
    let mut v = view("akhbar-ar.rss");
    let _ = drawn(&mut v, 61, 3, &Theme::default()); // two rows and the status line
    press_all(&mut v, "j j");
    assert_eq!(v.selected(), 2);
    press_all(&mut v, "j j j");
    assert_eq!(v.selected(), 3, "the last row stops it");
    press_all(&mut v, "g");
    assert_eq!(v.selected(), 0);
    press_all(&mut v, "PageDown");
    assert_eq!(v.selected(), 2);
    press_all(&mut v, "G k");
    assert_eq!(v.selected(), 2);
    press_all(&mut v, "Home End b");
    assert_eq!(v.selected(), 1);
    let _ = drawn(&mut v, 61, 3, &Theme::default());
    assert!(
        v.top() <= 1 && v.top() + 2 > 1,
        "the selection is on screen"
    );
}

#[test]
fn enter_opens_the_item_and_marks_it_read() {
    let mut v = view("akhbar-ar.rss");
    assert_eq!(press_all(&mut v, "Enter"), [ListEffect::Open(0)]);
    assert!(v.list().is_read(0));
    let Opened::Document(doc) = v.open(0) else {
        panic!("content:encoded opens as a document");
    };
    assert_eq!(
        doc.title,
        "عودة الكهرباء إلى أحياء حلب الشرقية بعد انقطاع دام 12 ساعة"
    );
    assert_eq!(
        v.open(1),
        Opened::Fetch("https://akhbar.example/2026/12/05/beirut-book-fair".into()),
        "no content: the link is fetched"
    );
}

#[test]
fn u_toggles_the_mark_r_reloads_q_and_esc_leave() {
    let mut v = view("yediot-he.atom");
    press_all(&mut v, "j u");
    assert!(v.list().is_read(1));
    press_all(&mut v, "u");
    assert!(!v.list().is_read(1));
    assert_eq!(press_all(&mut v, "r"), [ListEffect::Reload]);
    assert_eq!(press_all(&mut v, "q"), [ListEffect::Quit]);
    // Esc closes the prompt first.
    assert_eq!(
        press_all(&mut v, "/ Esc Esc"),
        [ListEffect::Nothing, ListEffect::Nothing, ListEffect::Quit]
    );
}

#[test]
fn search_folds_like_the_reader_and_n_goes_round() {
    let mut v = view("akhbar-ar.rss");
    // Typed without the hamza: الاسواق finds الأسواق (row 3).
    press_all(&mut v, "/ الاسواق Enter");
    assert_eq!(v.selected(), 3);
    // Digits 1 are in rows 0 (12), 2 (15%) and 3 (18), not in row 1 (66, 300).
    press_all(&mut v, "g / 1 Enter");
    assert_eq!(v.selected(), 0);
    let mut visited = Vec::new();
    for _ in 0..3 {
        press_all(&mut v, "n");
        visited.push(v.selected());
    }
    assert_eq!(visited, [2, 3, 0], "n goes round");
    press_all(&mut v, "N");
    assert_eq!(v.selected(), 3, "N goes round backwards");
}

#[test]
fn a_search_with_no_match_says_so_and_keeps_the_selection() {
    let mut v = view("yediot-he.atom");
    press_all(&mut v, "j / zzz Enter");
    assert_eq!(v.selected(), 1);
    let buf = drawn(&mut v, 61, 5, &Theme::default());
    assert!(
        screen(&buf)[4].contains("no match for zzz"),
        "{:?}",
        screen(&buf)[4]
    );
}

#[test]
fn a_reload_keeps_the_selection_on_its_item() {
    let mut v = view("yediot-he.atom");
    press_all(&mut v, "j");
    let mut fresh = fixture("yediot-he.atom");
    fresh.items.rotate_left(1);
    fresh.items[0].published = None; // the selected item moves to the end
    v.set_result(0, Ok(fresh));
    let (_, item) = v.list().item(v.selected()).expect("an item");
    assert_eq!(
        item.id.as_deref(),
        Some("tag:hadashot.example,2026:haifa-transit")
    );
    assert_eq!(v.selected(), 2);
}

#[test]
fn screen_of_an_arabic_feed_dark() {
    let mut v = view("akhbar-ar.rss");
    press_all(&mut v, "j");
    let theme = Theme::default();
    let buf = drawn(&mut v, 61, 6, &theme);
    insta::assert_snapshot!("feed_list_akhbar_61x6", screen(&buf).join("\n"));
    // The selected row wears the selection on every cell; unread titles are bold elsewhere.
    let selected = theme.style(StyleKey::OutlineSelected);
    for x in 0..61 {
        assert_eq!(buf[(x, 1)].bg, selected.bg.unwrap_or_default(), "cell {x}");
    }
    let title_cell = buf[(40, 0)].clone();
    assert!(title_cell.modifier.contains(Modifier::BOLD));
    assert_eq!(
        buf[(0, 0)].bg,
        theme.style(StyleKey::Page).bg.unwrap_or_default()
    );
    // The status line: title at the right, unread count and position at the left.
    let status = &screen(&buf)[5];
    assert!(status.starts_with(" 4 unread  2/4 "), "{status}");
}

#[test]
fn screen_of_several_feeds_light_at_50_columns() {
    let sources = vec![
        Source::new("أخبار", "a.rss", ReadState::in_memory()),
        Source::new("חדשות", "b.atom", ReadState::in_memory()),
        Source::new("شهر", "c.json", ReadState::in_memory()),
    ];
    let list = FeedList::new("Feeds", sources);
    let mut v = FeedListView::new(list, PageOptions::default(), now());
    v.set_result(0, Ok(fixture("akhbar-ar.rss")));
    v.set_result(
        1,
        Err("b.atom: broken Atom feed: it ends too soon (cut short?)".into()),
    );
    let theme = Theme::builtin("light").expect("light theme");
    let before = screen(&drawn(&mut v, 50, 8, &theme));
    assert!(
        before[1].ends_with(" …"),
        "c.json still loading: {:?}",
        before[1]
    );
    v.set_result(2, Ok(fixture("hamshahri-fa.json")));
    press_all(&mut v, "/ خط Enter");
    let buf = drawn(&mut v, 50, 9, &theme);
    insta::assert_snapshot!("feed_list_several_light_50x9", screen(&buf).join("\n"));
    // The match is painted with search.current in the selected row.
    let current = theme.style(StyleKey::SearchCurrent).bg;
    let row = v.selected();
    let y = u16::try_from(row).expect("small");
    assert!(
        (0..50).any(|x| Some(buf[(x, y)].bg) == current),
        "a highlighted match"
    );
}

#[test]
fn tiny_and_empty_areas_draw_without_panicking() {
    let mut v = view("hamshahri-fa.json");
    for (cols, rows) in [(0, 0), (1, 1), (3, 2), (7, 1), (12, 3)] {
        let _ = drawn(&mut v, cols, rows, &Theme::default());
    }
    let empty = FeedList::new("Feeds", Vec::new());
    let mut v = FeedListView::new(empty, PageOptions::default(), now());
    assert_eq!(press_all(&mut v, "j k G Enter u"), [ListEffect::Nothing; 5]);
    let buf = drawn(&mut v, 30, 3, &Theme::default());
    assert!(screen(&buf)[2].contains("empty"));
}

#[test]
fn the_wheel_scrolls_and_keeps_the_selection_on_screen() {
    let mut v = view("akhbar-ar.rss");
    let _ = drawn(&mut v, 61, 3, &Theme::default()); // two rows of four
    v.wheel(1);
    assert_eq!((v.top(), v.selected()), (2, 2), "down to the last page");
    v.wheel(5);
    assert_eq!(v.top(), 2, "no further than the end");
    press_all(&mut v, "j");
    v.wheel(-1);
    assert_eq!(
        (v.top(), v.selected()),
        (0, 1),
        "up, the selection pulled along"
    );
}

#[test]
fn a_click_selects_and_a_second_click_opens() {
    let mut v = view("akhbar-ar.rss");
    let _ = drawn(&mut v, 61, 6, &Theme::default());
    assert_eq!(v.click(10, 2), ListEffect::Nothing);
    assert_eq!(v.selected(), 2);
    assert!(!v.list().is_read(2));
    assert_eq!(v.click(30, 2), ListEffect::Open(2));
    assert!(v.list().is_read(2));
    assert_eq!(v.click(10, 5), ListEffect::Nothing, "the status line");
    assert_eq!(v.selected(), 2);
    // Below the last row.
    let _ = drawn(&mut v, 61, 10, &Theme::default());
    assert_eq!(v.click(10, 7), ListEffect::Nothing);
    assert_eq!(v.selected(), 2);
}

#[test]
fn the_help_closes_on_its_keys_and_lets_other_keys_through() {
    let mut v = view("yediot-he.atom");
    press_all(&mut v, "?");
    assert!(v.showing_help());
    let buf = drawn(&mut v, 70, 20, &Theme::default());
    assert!(screen(&buf).iter().any(|row| row.contains("read / unread")));
    assert_eq!(
        press_all(&mut v, "q"),
        [ListEffect::Nothing],
        "q closes the help"
    );
    assert!(!v.showing_help());
    press_all(&mut v, "? j");
    assert!(!v.showing_help());
    assert_eq!(v.selected(), 1, "j closed the help and moved");
    press_all(&mut v, "?");
    assert_eq!(v.click(0, 0), ListEffect::Nothing);
    assert!(!v.showing_help() && v.selected() == 1, "a click closes it");
}

#[test]
fn read_marks_are_written_when_they_change() {
    let dir = std::env::temp_dir().join(format!("sahifa-list-marks-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let path = format!("{}/tests/feeds/yediot-he.atom", env!("CARGO_MANIFEST_DIR"));
    let file = crate::feed::feeds_file::parse(&path);
    let open = || {
        let list = FeedList::subscribed(&file, Some(&dir));
        let mut v = FeedListView::new(list, PageOptions::default(), now());
        v.load_in_background(crate::load::LoadOptions::default());
        v.wait();
        v
    };
    let mut v = open();
    press_all(&mut v, "j u j Enter");
    assert!(v.list().is_read(1) && v.list().is_read(2));
    let again = open();
    assert!(again.list().is_read(1) && again.list().is_read(2));
    assert!(!again.list().is_read(0));
    let _ = std::fs::remove_dir_all(&dir);
}
