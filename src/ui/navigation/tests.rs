//! The stack driven by keys, without a terminal.

use super::*;
use crate::feed::fixtures::{feed as fixture, now};
use crate::feed::read_state::ReadState;
use crate::ui::tests::{fixture_doc, options};
use crate::ui::{Key, parse_keys};

fn feed_nav(name: &str) -> Navigation {
    let list = FeedList::single(fixture(name), name, ReadState::in_memory());
    let first = Navigation::feed_view(
        list,
        Source::File(name.into()),
        PageOptions::default(),
        now(),
    );
    Navigation::new(first, options(), 60, 12)
}

fn press_all(nav: &mut Navigation, keys: &str) -> Vec<Effect> {
    parse_keys(keys)
        .into_iter()
        .flat_map(|key| nav.press(key))
        .collect()
}

fn selected(nav: &Navigation) -> usize {
    match nav.current() {
        View::Feed { view, .. } => view.selected(),
        View::Article(_) => panic!("an article is shown"),
    }
}

fn article_top(nav: &Navigation) -> usize {
    match nav.current() {
        View::Article(app) => app.top(),
        View::Feed { .. } => panic!("a feed list is shown"),
    }
}

#[test]
fn enter_pushes_the_item_and_backspace_comes_back_to_the_same_row() {
    let mut nav = feed_nav("akhbar-ar.rss");
    // The first item carries its content: opened here, no fetch.
    assert_eq!(press_all(&mut nav, "Enter"), []);
    assert_eq!(nav.depth(), 2);
    let View::Article(app) = nav.current() else {
        panic!("the item is not shown")
    };
    assert!(
        app.document().title.contains("حلب"),
        "{}",
        app.document().title
    );
    assert_eq!(press_all(&mut nav, "Backspace"), []);
    assert_eq!(nav.depth(), 1);
    assert_eq!(selected(&nav), 0);
    // Further down, and back with q this time.
    press_all(&mut nav, "j j");
    let row = selected(&nav);
    let effects = press_all(&mut nav, "Enter");
    if effects.is_empty() {
        assert_eq!(nav.depth(), 2);
        assert_eq!(press_all(&mut nav, "q"), []);
    } else {
        assert!(matches!(effects[..], [Effect::Open(Source::Url(_))]));
    }
    assert_eq!(nav.depth(), 1);
    assert_eq!(selected(&nav), row);
    assert!(!nav.should_quit());
    // Ctrl-Z suspends from the list too.
    assert_eq!(nav.press(Key::Ctrl('z')), [Effect::Suspend]);
    // q on the first view quits.
    assert_eq!(press_all(&mut nav, "q"), [Effect::Quit]);
    assert!(nav.should_quit());
}

#[test]
fn an_item_with_only_a_link_asks_for_a_fetch() {
    let mut nav = feed_nav("akhbar-ar.rss");
    press_all(&mut nav, "j");
    assert_eq!(
        press_all(&mut nav, "Enter"),
        [Effect::Open(Source::Url(
            "https://akhbar.example/2026/12/05/beirut-book-fair".to_owned()
        ))]
    );
    assert_eq!(nav.depth(), 1);
    // The caller fails to load it: a message, the list still there.
    nav.set_message("could not load".to_owned());
    assert_eq!(selected(&nav), 1);
}

#[test]
fn r_asks_for_the_feed_again() {
    let mut nav = feed_nav("akhbar-ar.rss");
    assert_eq!(
        press_all(&mut nav, "r"),
        [Effect::Reload(Source::File("akhbar-ar.rss".into()))]
    );
    nav.reload_feed(Ok(fixture("akhbar-ar.rss")));
    assert_eq!(selected(&nav), 0);
}

#[test]
fn an_article_pushed_over_an_article_pops_back_to_its_place() {
    let app = App::with_size(fixture_doc(), options(), 40, 10);
    let mut nav = Navigation::new(View::Article(Box::new(app)), options(), 40, 10);
    press_all(&mut nav, "j j j");
    let top = article_top(&nav);
    assert!(top > 0);
    // Backspace on the first view does nothing.
    assert_eq!(press_all(&mut nav, "Backspace"), []);
    assert_eq!(article_top(&nav), top);
    nav.push_document(fixture_doc());
    assert_eq!(article_top(&nav), 0);
    press_all(&mut nav, "j");
    // Typing a search, Backspace deletes a character and stays.
    press_all(&mut nav, "/ a Backspace Esc");
    assert_eq!(nav.depth(), 2);
    press_all(&mut nav, "Backspace");
    assert_eq!(nav.depth(), 1);
    assert_eq!(article_top(&nav), top);
}

#[test]
fn the_links_panel_opens_a_link_and_backspace_comes_back_to_the_panel() {
    let mut doc = fixture_doc();
    doc.sections[0].blocks.insert(
        0,
        crate::document::Block::Paragraph(crate::document::RichText {
            text: "see one and two".to_owned(),
            spans: vec![
                (
                    4..7,
                    crate::document::Inline::Link("https://one.example/".to_owned()),
                ),
                (
                    12..15,
                    crate::document::Inline::Link("mailto:x@example.com".to_owned()),
                ),
            ],
        }),
    );
    let app = App::with_size(doc, options(), 60, 12);
    let mut nav = Navigation::new(View::Article(Box::new(app)), options(), 60, 12);
    assert_eq!(press_all(&mut nav, "L"), []);
    let View::Article(app) = nav.current() else {
        panic!("no article")
    };
    assert_eq!(app.overlay(), crate::ui::Overlay::Links { selected: 0 });
    assert_eq!(
        press_all(&mut nav, "Enter"),
        [Effect::Open(Source::Url("https://one.example/".to_owned()))]
    );
    // The loop loads it and pushes it; Backspace comes back with the panel still open.
    nav.push_document(fixture_doc());
    assert_eq!(nav.depth(), 2);
    press_all(&mut nav, "Backspace");
    let View::Article(app) = nav.current() else {
        panic!("no article")
    };
    assert_eq!(app.overlay(), crate::ui::Overlay::Links { selected: 0 });
    // A mailto link goes to the browser, not to the reader.
    assert_eq!(press_all(&mut nav, "j Enter"), []);
    assert_eq!(
        press_all(&mut nav, "o"),
        [Effect::Browse("mailto:x@example.com".to_owned())]
    );
}

/// The text at the top of the article shown (what a position remembers).
fn article_anchor(nav: &Navigation) -> Option<crate::ui::app::Anchor> {
    match nav.current() {
        View::Article(app) => app.anchor(),
        View::Feed { .. } => panic!("a feed list is shown"),
    }
}

/// The anchor of the first line of the article shown.
fn top_anchor(nav: &Navigation) -> Option<crate::ui::app::Anchor> {
    let View::Article(app) = nav.current() else {
        panic!("a feed list is shown")
    };
    let mut first = App::new(app.document().clone(), options());
    first.handle(Action::Resize(60, 12));
    first.anchor()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sahifa-nav-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn web_article() -> Input {
    Input::Article(crate::load::Loaded {
        document: fixture_doc(),
        warnings: Vec::new(),
        encoding: encoding_rs::UTF_8,
    })
}

#[test]
fn an_opened_web_article_starts_where_it_was_left() {
    let dir = scratch("url");
    let url = "http://127.0.0.1:9/story";
    let open = |nav: &mut Navigation| nav.push_input(web_article(), Source::Url(url.into()));
    let mut nav = Navigation::new(
        View::Article(Box::new(App::new(fixture_doc(), options()))),
        options(),
        60,
        12,
    );
    nav.remember_positions(dir.clone(), None);
    open(&mut nav);
    assert_eq!(article_top(&nav), 0);
    press_all(&mut nav, "j j j j j");
    let left_at = article_anchor(&nav);
    assert_ne!(left_at, top_anchor(&nav));
    // Backspace saves it; opening the same URL again starts there.
    press_all(&mut nav, "Backspace");
    open(&mut nav);
    assert_eq!(article_anchor(&nav), left_at);
    // Quitting saves the views still open, in a new reader too.
    press_all(&mut nav, "j j");
    let quit_at = article_anchor(&nav);
    assert!(nav.save_positions().is_empty());
    let mut again = Navigation::new(
        View::Article(Box::new(App::new(fixture_doc(), options()))),
        options(),
        60,
        12,
    );
    again.remember_positions(dir.clone(), None);
    open(&mut again);
    assert_eq!(article_anchor(&again), quit_at);
    // Without remembering (--no-state), an article starts at the top.
    let mut forgetful = Navigation::new(
        View::Article(Box::new(App::new(fixture_doc(), options()))),
        options(),
        60,
        12,
    );
    open(&mut forgetful);
    assert_eq!(article_top(&forgetful), 0);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_feed_item_starts_where_it_was_left() {
    let dir = scratch("item");
    let mut nav = feed_nav("akhbar-ar.rss");
    nav.remember_positions(dir.clone(), None);
    press_all(&mut nav, "Enter");
    assert_eq!(article_top(&nav), 0);
    press_all(&mut nav, "j j j");
    let left_at = article_anchor(&nav);
    assert_ne!(left_at, top_anchor(&nav), "the item scrolls");
    press_all(&mut nav, "Backspace Enter");
    assert_eq!(article_anchor(&nav), left_at);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn pictures_of_articles_opened_from_a_local_start_are_fetched_with_the_command_lines_limits() {
    let list = FeedList::single(
        fixture("akhbar-ar.rss"),
        "akhbar-ar.rss",
        ReadState::in_memory(),
    );
    let first = Navigation::feed_view(
        list,
        Source::File("feed.xml".into()),
        PageOptions::default(),
        now(),
    );
    let mut reader = options();
    reader.fetch.timeout = std::time::Duration::from_secs(3);
    assert!(
        reader.pictures.is_none(),
        "a local start fetches nothing itself"
    );
    let nav = Navigation::new(first, reader.clone(), 60, 12);
    assert_eq!(nav.pictures, PictureCache::new(reader.fetch));
    assert_ne!(
        nav.pictures,
        PictureCache::new(crate::fetch::FetchOptions::default())
    );
}
