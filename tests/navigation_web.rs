//! Following a link of a served article and coming back, through the reader's navigation stack
//! as the terminal loop drives it (load what a view asks for, push it; Backspace pops), with a
//! server on 127.0.0.1 started by the test.

use clap::Parser;
use sahifa::cli::Cli;
use sahifa::feed::output::{self as feed_output, Input};
use sahifa::source::Source;
use sahifa::ui::navigation::{Navigation, View};
use sahifa::ui::{App, Effect, Overlay, parse_keys};
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;

const FIRST: &str = r#"<html lang="ar" dir="rtl"><head><title>الصفحة الأولى</title></head><body><article>
<h1>الصفحة الأولى</h1>
<p>هذه مقالة فيها روابط للاختبار. اقرأ <a href="/second">المقالة الثانية</a> أو <a href="/missing">رابطا مكسورا</a>.</p>
<p>فقرة ثانية طويلة بما يكفي لكي يعتبرها المستخرج جزءا من المقالة الرئيسية وليست من الحواشي.</p>
</article></body></html>"#;

const SECOND: &str = r#"<html lang="ar" dir="rtl"><head><title>المقالة الثانية</title></head><body><article>
<h1>المقالة الثانية</h1>
<p>هنا نص المقالة الثانية، وهو نص طويل بما يكفي لكي يعتبره المستخرج مقالة حقيقية لا حاشية.</p>
<p>فقرة أخرى من المقالة الثانية حتى يكون فيها أكثر من فقرة واحدة.</p>
</article></body></html>"#;

/// A feed whose items link to the pages (relative links resolve against the feed's URL).
const FEED: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>موقع الاختبار</title><link>/</link>
<item><title>الصفحة الأولى</title><link>/first</link><pubDate>Sun, 06 Dec 2026 20:00:00 +0000</pubDate></item>
<item><title>المقالة الثانية</title><link>/second</link><pubDate>Sun, 06 Dec 2026 19:00:00 +0000</pubDate></item>
</channel></rss>"#;

/// Serves the two pages and the feed (and a 404 for anything else) until the test ends.
fn serve() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port on 127.0.0.1");
    let base = format!("http://{}", listener.local_addr().expect("an address"));
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream.try_clone().expect("a socket"));
            let mut request = String::new();
            let _ = reader.read_line(&mut request);
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                line.clear();
            }
            let (status, kind, body) = match request.split(' ').nth(1).unwrap_or("/") {
                "/first" => ("200 OK", "text/html", FIRST),
                "/second" => ("200 OK", "text/html", SECOND),
                "/feed" => ("200 OK", "application/rss+xml", FEED),
                _ => ("404 Not Found", "text/html", ""),
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Type: {kind}; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    base
}

fn load(source: &Source) -> Result<Input, String> {
    feed_output::open(source, None, &Default::default()).map_err(|e| e.to_string())
}

/// Presses `keys`, performing what the views ask as the terminal loop does.
fn press(nav: &mut Navigation, keys: &str) {
    for key in parse_keys(keys) {
        for effect in nav.press(key) {
            if let Effect::Open(source) = effect {
                match load(&source) {
                    Ok(input) => nav.push_input(input, source),
                    Err(e) => nav.set_message(e),
                }
            }
        }
    }
}

/// The reader's options for `source`, with no user config.
fn reader_options(source: &Source) -> sahifa::ui::ReaderOptions {
    let cli = Cli::try_parse_from(["sahifa", "--config", "/dev/null", "x"]).expect("arguments");
    let (config, _) = sahifa::ui::config::Config::load(Some(std::path::Path::new("/dev/null")));
    sahifa::settings::reader_options(source, &cli.read, &config, &mut Vec::new())
}

fn article(nav: &Navigation) -> &App {
    match nav.current() {
        View::Article(app) => app,
        View::Feed { .. } => panic!("a feed list is shown"),
    }
}

#[test]
fn a_link_is_followed_and_backspace_comes_back_to_the_panel() {
    let base = serve();
    let source = Source::Url(format!("{base}/first"));
    let Ok(Input::Article(loaded)) = load(&source) else {
        panic!("the first page did not load as an article");
    };
    let options = reader_options(&source);
    let app = App::with_size(loaded.document, options.clone(), 80, 24);
    let mut nav = Navigation::new(View::Article(Box::new(app)), options, 80, 24);

    press(&mut nav, "L");
    assert_eq!(article(&nav).overlay(), Overlay::Links { selected: 0 });
    press(&mut nav, "Enter");
    assert_eq!(nav.depth(), 2);
    assert_eq!(article(&nav).document().title, "المقالة الثانية");
    press(&mut nav, "Backspace");
    assert_eq!(nav.depth(), 1);
    assert_eq!(article(&nav).document().title, "الصفحة الأولى");
    assert_eq!(article(&nav).overlay(), Overlay::Links { selected: 0 });
    // A broken link: a message naming it, the same view.
    press(&mut nav, "j Enter");
    assert_eq!(nav.depth(), 1);
    let message = article(&nav).message().unwrap_or_default();
    assert!(
        message.contains("/missing") && message.contains("404"),
        "{message}"
    );
}

#[test]
fn a_served_feed_opens_its_items_and_backspace_comes_back_to_the_row() {
    let base = serve();
    let source = Source::Url(format!("{base}/feed"));
    let Ok(Input::Feed { feed, name, .. }) = load(&source) else {
        panic!("the feed did not load as a feed");
    };
    let list = sahifa::feed::list::FeedList::single(
        feed,
        &name,
        sahifa::feed::read_state::ReadState::in_memory(),
    );
    let first = Navigation::feed_view(list, source.clone(), Default::default(), chrono::Utc::now());
    let mut nav = Navigation::new(first, reader_options(&source), 80, 24);
    press(&mut nav, "j Enter");
    assert_eq!(nav.depth(), 2);
    assert_eq!(article(&nav).document().title, "المقالة الثانية");
    press(&mut nav, "Backspace");
    let View::Feed { view, .. } = nav.current() else {
        panic!("not back on the list");
    };
    assert_eq!(view.selected(), 1);
    assert_eq!(view.list().unread(), 1);
}
