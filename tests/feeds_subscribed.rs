//! `sahifa feeds`: the feeds file's list, its feeds fetched in the background from a server on
//! 127.0.0.1 started by each test (an Arabic RSS 2.0, a Hebrew Atom feed, and a URL that
//! answers 404), driven through the navigation stack as the terminal loop drives it, through
//! `shot --feeds` (which waits for every feed) and through the binary.
//!
//! The server can hold the Hebrew feed back until the test lets it go, so the order the feeds
//! arrive in is the test's choice, not the network's.

mod common;

use clap::Parser;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use sahifa::cli::{Cli, Command};
use sahifa::feed::feeds_file;
use sahifa::feed::list::FeedList;
use sahifa::source::Source;
use sahifa::ui::navigation::{Navigation, View};
use sahifa::ui::{App, Effect, parse_keys};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// 2026-12-06T21:00:00Z: ages count from here.
const NOW: i64 = 1_796_590_800;

/// Three items, the first with its own content; a second fetch adds a newer one.
fn arabic_rss(fetch: usize) -> String {
    let newer = if fetch > 1 {
        "<item><title>عاجل: افتتاح جسر جديد في حمص</title><link>https://akhbar.example/bridge</link>\
         <guid>akhbar-bridge</guid><pubDate>Sun, 06 Dec 2026 20:30:00 +0000</pubDate></item>"
    } else {
        ""
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>أخبار المدينة</title><link>https://akhbar.example/</link><language>ar</language>
{newer}
<item><title>عودة الكهرباء إلى أحياء حلب بعد انقطاع دام 12 ساعة</title><link>https://akhbar.example/power</link>
<guid>akhbar-power</guid><pubDate>Sun, 06 Dec 2026 18:00:00 +0000</pubDate>
<content:encoded><![CDATA[<p>أعلنت المؤسسة العامة للكهرباء عودة التيار إلى أحياء حلب الشرقية بعد انقطاع دام 12 ساعة.</p><p>وقال مدير المؤسسة إن العطل نتج عن ضغط كبير على الشبكة خلال موجة البرد.</p>]]></content:encoded></item>
<item><title>معرض بيروت للكتاب يفتح أبوابه بمشاركة 300 دار نشر</title><link>https://akhbar.example/books</link>
<guid>akhbar-books</guid><pubDate>Sun, 06 Dec 2026 14:00:00 +0000</pubDate></item>
<item><title>ارتفاع أسعار الخبز في دمشق بنسبة 15%</title><link>https://akhbar.example/bread</link>
<guid>akhbar-bread</guid><pubDate>Sat, 05 Dec 2026 09:00:00 +0000</pubDate></item>
</channel></rss>"#
    )
}

/// Three items dated around the Arabic ones: the newest of all, one between the first two
/// Arabic items, the oldest of all.
const HEBREW_ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="he">
<title>חדשות העיר</title><link href="https://hadashot.example/"/><id>tag:hadashot.example,2026:feed</id>
<updated>2026-12-06T20:00:00Z</updated>
<entry><title>הרכבת הקלה בירושלים תפעל גם בלילה</title><link href="https://hadashot.example/night"/>
<id>tag:hadashot.example,2026:night</id><updated>2026-12-06T20:00:00Z</updated>
<content type="html">&lt;p&gt;הקו האדום יפעל עד 2:00 בלילה בימי חמישי, החל מינואר.&lt;/p&gt;&lt;p&gt;העירייה מקווה שהשירות יקל על העובדים במשמרות לילה.&lt;/p&gt;</content></entry>
<entry><title>מחקר: 70% מתושבי חיפה משתמשים בתחבורה ציבורית</title><link href="https://hadashot.example/haifa"/>
<id>tag:hadashot.example,2026:haifa</id><updated>2026-12-06T16:00:00Z</updated></entry>
<entry><title>Tel Aviv Marathon: 40,000 runners expected</title><link href="https://hadashot.example/marathon"/>
<id>tag:hadashot.example,2026:marathon</id><updated>2026-12-04T10:00:00Z</updated></entry>
</feed>"#;

/// Holds the Hebrew feed's answer until opened.
#[derive(Clone, Default)]
struct Gate(Arc<(Mutex<bool>, Condvar)>);

impl Gate {
    fn closed() -> Self {
        Self::default()
    }

    fn open() -> Self {
        let gate = Self::default();
        gate.let_go();
        gate
    }

    fn let_go(&self) {
        let (open, changed) = &*self.0;
        *open.lock().expect("the gate's lock") = true;
        changed.notify_all();
    }

    fn wait(&self) {
        let (open, changed) = &*self.0;
        let mut is_open = open.lock().expect("the gate's lock");
        while !*is_open {
            is_open = changed.wait(is_open).expect("the gate's lock");
        }
    }
}

/// A server on 127.0.0.1: `/ar.rss`, `/he.atom` (held at `gate`, then after `delay`), anything
/// else 404. Returns the base URL and how many times the Arabic feed was asked for.
fn serve(gate: Gate, delay: Duration) -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port on 127.0.0.1");
    let base = format!("http://{}", listener.local_addr().expect("an address"));
    let arabic = Arc::new(AtomicUsize::new(0));
    let count = Arc::clone(&arabic);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (gate, count) = (gate.clone(), Arc::clone(&count));
            std::thread::spawn(move || answer(stream, &gate, delay, &count));
        }
    });
    (base, arabic)
}

fn answer(mut stream: TcpStream, gate: &Gate, delay: Duration, arabic: &AtomicUsize) {
    let mut reader = BufReader::new(stream.try_clone().expect("a socket"));
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let (status, kind, body) = match request.split(' ').nth(1).unwrap_or("/") {
        "/ar.rss" => {
            let fetch = arabic.fetch_add(1, Ordering::SeqCst) + 1;
            ("200 OK", "application/rss+xml", arabic_rss(fetch))
        }
        "/he.atom" => {
            gate.wait();
            std::thread::sleep(delay);
            ("200 OK", "application/atom+xml", HEBREW_ATOM.to_owned())
        }
        _ => ("404 Not Found", "text/html", String::new()),
    };
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
}

/// A feeds file naming the three URLs of `base`, in a config directory of the test's own;
/// returns that directory (an `XDG_CONFIG_HOME`) and the file.
fn feeds_file_for(base: &str, test: &str) -> (PathBuf, PathBuf) {
    let config = std::env::temp_dir().join(format!(
        "sahifa-feeds-subscribed-{test}-{}",
        std::process::id()
    ));
    let dir = config.join("sahifa");
    std::fs::create_dir_all(&dir).expect("a config directory");
    let file = dir.join("feeds");
    let text = format!(
        "# the test's feeds\n{base}/ar.rss  أخبار\n{base}/he.atom  חדשות\n\n{base}/gone  مكسور  # a 404\n"
    );
    std::fs::write(&file, text).expect("the feeds file written");
    (config, file)
}

fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(NOW, 0).expect("a valid time")
}

/// The reader's options, with no user config.
fn reader_options(source: &Source) -> sahifa::ui::ReaderOptions {
    let cli = Cli::try_parse_from(["sahifa", "--config", "/dev/null", "x"]).expect("arguments");
    let (config, _) = sahifa::ui::config::Config::load(Some(Path::new("/dev/null")));
    sahifa::settings::reader_options(source, &cli.read, &config, &mut Vec::new())
}

/// The navigation stack over the feeds file's list, its feeds loading, at 100x30.
fn navigation(file: &Path) -> Navigation {
    let (_, feeds) = feeds_file::open(Some(file)).expect("the feeds file");
    let list = FeedList::subscribed(&feeds, None);
    let source = Source::File(file.to_path_buf());
    let mut first = Navigation::feed_view(list, source.clone(), Default::default(), now());
    if let View::Feed { view, .. } = &mut first {
        view.load_in_background(Default::default());
    }
    Navigation::with_feeds(
        first,
        reader_options(&source),
        Default::default(),
        now(),
        100,
        30,
    )
}

fn list(nav: &Navigation) -> &sahifa::ui::feed_list::FeedListView {
    match nav.current() {
        View::Feed { view, .. } => view,
        View::Article(_) => panic!("an article is shown, not the list"),
    }
}

fn article(nav: &Navigation) -> &App {
    match nav.current() {
        View::Article(app) => app,
        View::Feed { .. } => panic!("the list is shown, not an article"),
    }
}

/// Polls the background until `done` says so (the loop the terminal runs, without a clock
/// in the assertion: a hung load fails after a minute).
fn poll_until(nav: &mut Navigation, done: impl Fn(&Navigation) -> bool) {
    let start = Instant::now();
    while !done(nav) {
        nav.poll_background();
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the feeds never arrived"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn press(nav: &mut Navigation, keys: &str) -> Vec<Effect> {
    parse_keys(keys)
        .into_iter()
        .flat_map(|key| nav.press(key))
        .collect()
}

/// Each row as the list shows it: an item's title, or `[label] message` for a feed that
/// is loading or failed.
fn rows(nav: &Navigation) -> Vec<String> {
    let list = list(nav).list();
    (0..list.rows().len())
        .map(|row| match list.item(row) {
            Some((_, item)) => item.display_title(),
            None => match list.rows()[row] {
                sahifa::feed::list::Row::Status { source } => {
                    let source = &list.sources[source];
                    let state = match &source.status {
                        sahifa::feed::list::Status::Failed(message) => message.clone(),
                        _ => "loading".to_owned(),
                    };
                    format!("[{}] {state}", source.label)
                }
                sahifa::feed::list::Row::Item { .. } => unreachable!(),
            },
        })
        .collect()
}

fn selected_title(nav: &Navigation) -> String {
    rows(nav)[list(nav).selected()].clone()
}

fn status_line(nav: &mut Navigation) -> String {
    let mut buf = Buffer::empty(Rect::new(0, 0, 100, 30));
    nav.render(buf.area, &mut buf);
    (0..100).map(|x| buf[(x, 29)].symbol().to_owned()).collect()
}

#[test]
fn feeds_arrive_in_the_background_and_the_selection_stays_on_its_item() {
    let gate = Gate::closed();
    let (base, _) = serve(gate.clone(), Duration::ZERO);
    let (_, file) = feeds_file_for(&base, "arrival");
    let mut nav = navigation(&file);

    // The Arabic feed and the 404 arrive; the Hebrew one is held back.
    poll_until(&mut nav, |nav| {
        list(nav)
            .progress()
            .is_some_and(|(arrived, _)| arrived == 2)
    });
    assert_eq!(
        rows(&nav),
        [
            "[חדשות] loading",
            "[مكسور] the server answered 404 Not Found",
            "عودة الكهرباء إلى أحياء حلب بعد انقطاع دام 12 ساعة",
            "معرض بيروت للكتاب يفتح أبوابه بمشاركة 300 دار نشر",
            "ارتفاع أسعار الخبز في دمشق بنسبة 15%",
        ]
    );
    let status = status_line(&mut nav);
    assert!(status.contains("2/3 feeds"), "{status}");
    assert!(nav.busy(), "the loop keeps looking while feeds load");

    // The reader is usable meanwhile: select the book fair.
    press(&mut nav, "j j j");
    let on_screen = list(&nav).selected() - list(&nav).top();
    assert_eq!(selected_title(&nav), rows(&nav)[3]);
    let chosen = selected_title(&nav);

    gate.let_go();
    poll_until(&mut nav, |nav| !list(nav).is_loading());
    assert_eq!(
        rows(&nav),
        [
            "[مكسور] the server answered 404 Not Found",
            "הרכבת הקלה בירושלים תפעל גם בלילה",
            "عودة الكهرباء إلى أحياء حلب بعد انقطاع دام 12 ساعة",
            "מחקר: 70% מתושבי חיפה משתמשים בתחבורה ציבורית",
            "معرض بيروت للكتاب يفتح أبوابه بمشاركة 300 دار نشر",
            "ارتفاع أسعار الخبز في دمشق بنسبة 15%",
            "Tel Aviv Marathon: 40,000 runners expected",
        ],
        "newest first, the failed feed in its place"
    );
    assert_eq!(selected_title(&nav), chosen, "the selection kept its item");
    assert_eq!(list(&nav).selected(), 4, "which moved down a row");
    assert_eq!(
        list(&nav).selected() - list(&nav).top(),
        on_screen,
        "and stayed at its place on screen"
    );
    let status = status_line(&mut nav);
    assert!(!status.contains("feeds"), "no progress once all are in");
    assert!(status.contains("6 unread  5/7"), "{status}");
}

#[test]
fn an_item_opens_and_back_a_failed_feed_opens_nothing_and_r_reloads_every_feed() {
    let (base, arabic_fetches) = serve(Gate::open(), Duration::ZERO);
    let (_, file) = feeds_file_for(&base, "open");
    let mut nav = navigation(&file);
    poll_until(&mut nav, |nav| !list(nav).is_loading());

    // The error row opens nothing: its whole message, URL first, goes to the status line.
    assert!(press(&mut nav, "g Enter").is_empty());
    assert_eq!(nav.depth(), 1);
    let status = status_line(&mut nav);
    assert!(
        status.contains(&format!("{base}/gone: the server answered 404")),
        "{status}"
    );

    // The Hebrew item's own content opens over the list; Backspace comes back to its row.
    press(&mut nav, "j Enter");
    assert_eq!(nav.depth(), 2);
    assert_eq!(
        article(&nav).document().title,
        "הרכבת הקלה בירושלים תפעל גם בלילה"
    );
    press(&mut nav, "Backspace");
    assert_eq!(nav.depth(), 1);
    assert_eq!(list(&nav).selected(), 1);
    assert!(list(&nav).list().is_read(1), "opened, so read");
    assert_eq!(list(&nav).list().unread(), 5);

    // r: every feed again; the Arabic one has a newer item now, above the selection.
    assert_eq!(arabic_fetches.load(Ordering::SeqCst), 1);
    assert!(press(&mut nav, "r").is_empty(), "the list reloads itself");
    assert!(list(&nav).is_loading());
    assert_eq!(
        rows(&nav).len(),
        7,
        "the feeds shown stay while they reload"
    );
    poll_until(&mut nav, |nav| !list(nav).is_loading());
    assert_eq!(arabic_fetches.load(Ordering::SeqCst), 2);
    assert_eq!(rows(&nav)[1], "عاجل: افتتاح جسر جديد في حمص");
    assert_eq!(selected_title(&nav), "הרכבת הקלה בירושלים תפעל גם בלילה");
    assert_eq!(list(&nav).selected(), 2);
    assert!(list(&nav).list().is_read(2), "the mark survived the reload");
}

#[test]
fn the_wheel_scrolls_and_clicks_select_then_open() {
    use crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    let mouse = |kind, row| {
        Event::Mouse(MouseEvent {
            kind,
            column: 40,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    let (base, _) = serve(Gate::open(), Duration::ZERO);
    let (_, file) = feeds_file_for(&base, "mouse");
    let mut nav = navigation(&file);
    poll_until(&mut nav, |nav| !list(nav).is_loading());
    status_line(&mut nav); // drawn once: the view knows where its rows are
    let click = MouseEventKind::Down(MouseButton::Left);
    assert!(nav.handle_event(&mouse(click, 3)).is_empty());
    assert_eq!(list(&nav).selected(), 3, "a click selects");
    assert_eq!(nav.depth(), 1);
    nav.handle_event(&mouse(click, 2));
    assert_eq!(list(&nav).selected(), 2);
    nav.handle_event(&mouse(click, 2));
    assert_eq!(nav.depth(), 2, "a click on the selected row opens it");
    assert_eq!(
        article(&nav).document().title,
        "عودة الكهرباء إلى أحياء حلب بعد انقطاع دام 12 ساعة"
    );
    press(&mut nav, "Backspace");
    nav.handle_event(&mouse(click, 28));
    assert_eq!(list(&nav).selected(), 2, "below the rows: nothing");
    // Seven rows fit: the wheel has nothing to scroll, and keeps the selection.
    nav.handle_event(&mouse(MouseEventKind::ScrollDown, 5));
    assert_eq!((list(&nav).top(), list(&nav).selected()), (0, 2));
}

#[test]
fn the_help_lists_the_lists_keys_from_the_reader_table() {
    let (base, _) = serve(Gate::open(), Duration::ZERO);
    let (_, file) = feeds_file_for(&base, "help");
    let mut nav = navigation(&file);
    poll_until(&mut nav, |nav| !list(nav).is_loading());
    press(&mut nav, "?");
    assert!(list(&nav).showing_help());
    let mut buf = Buffer::empty(Rect::new(0, 0, 100, 30));
    nav.render(buf.area, &mut buf);
    let screen = sahifa::shot::to_text(&buf);
    for line in ["read / unread", "reload", "open the item", "first item"] {
        assert!(screen.contains(line), "{line} missing:\n{screen}");
    }
    assert!(
        !screen.contains("next section"),
        "the reader's own keys stay out"
    );
    press(&mut nav, "Esc");
    assert!(!list(&nav).showing_help());
    assert_eq!(nav.depth(), 1);
    assert!(!nav.should_quit(), "Esc closed the help only");
}

/// `sahifa shot --feeds FILE --size SIZE --keys KEYS FLAGS…`, taken in this process.
fn shot(file: &Path, size: &str, keys: &str, flags: &[&str]) -> Buffer {
    let file = file.to_string_lossy();
    let mut argv = vec!["sahifa", "shot", "--feeds", &file, "-o", "unused.txt"];
    argv.extend(["--size", size, "--keys", keys, "--config", "/dev/null"]);
    argv.extend(flags);
    let cli = Cli::try_parse_from(&argv).expect("arguments parse");
    let Some(Command::Shot(args)) = cli.command else {
        panic!("not a shot command");
    };
    let source = Source::File(PathBuf::from(&*file));
    sahifa::commands::shot::screen_at(&source, &args, now()).expect("screen drawn")
}

#[test]
fn shot_waits_for_every_feed_and_matches_its_goldens() {
    let cases: &[(&str, &str, &str, &[&str])] = &[
        ("feeds-100x30", "100x30", "", &[]),
        ("feeds-50x20", "50x20", "", &[]),
        ("feeds-light-100x30", "100x30", "j j", &["--theme", "light"]),
        ("feeds-help-100x30", "100x30", "?", &[]),
        // Opened and back: the item read, its row still selected.
        ("feeds-back-100x30", "100x30", "j Enter Backspace", &[]),
    ];
    let mut failures = Vec::new();
    for (name, size, keys, flags) in cases {
        // A server each, so each picture is of the feeds' first version. The Hebrew feed
        // answers late: the picture has it all the same.
        let (base, _) = serve(Gate::open(), Duration::from_millis(300));
        let (_, file) = feeds_file_for(&base, name);
        let buffer = shot(&file, size, keys, flags);
        let text = sahifa::shot::to_text(&buffer);
        assert!(
            text.contains("/7 ") && !text.contains("/3 feeds"),
            "every feed in (seven rows), no progress shown:\n{text}"
        );
        common::shot::check(name, &buffer, &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn sahifa(args: &[&str], config: &Path) -> std::process::Output {
    std::process::Command::new(common::bin::sahifa())
        .args(args)
        .env("XDG_CONFIG_HOME", config)
        .env("XDG_STATE_HOME", config.join("state"))
        .env("SOURCE_DATE_EPOCH", NOW.to_string())
        .env("NO_COLOR", "1")
        .output()
        .expect("the sahifa binary runs")
}

#[test]
fn the_binary_reads_the_feeds_file_of_xdg_config_home() {
    let (base, _) = serve(Gate::open(), Duration::from_millis(100));
    let (config, _) = feeds_file_for(&base, "binary");
    // Piped, the reader writes the whole list once every feed is in.
    let out = sahifa(&["feeds"], &config);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("404 Not Found"), "{stdout}");
    assert!(stdout.contains("Tel Aviv Marathon"), "{stdout}");
    assert_eq!(stdout.lines().filter(|l| l.contains('●')).count(), 6);
    // shot --feeds from the same file.
    let picture = config.join("feeds.txt");
    let out = sahifa(
        &["shot", "--feeds", "-o", &picture.to_string_lossy()],
        &config,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&picture).expect("the picture written");
    assert!(text.contains("Tel Aviv Marathon"), "{text}");
    let _ = std::fs::remove_dir_all(&config);
}

#[test]
fn a_missing_or_empty_feeds_file_is_one_line_naming_it() {
    let config = std::env::temp_dir().join(format!("sahifa-no-feeds-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&config);
    let file = config.join("sahifa").join("feeds");
    for (setup, says) in [
        (None, "no feeds file"),
        (Some("# none yet\n"), "no feeds in it"),
    ] {
        if let Some(text) = setup {
            std::fs::create_dir_all(config.join("sahifa")).expect("a directory");
            std::fs::write(&file, text).expect("written");
        }
        for args in [&["feeds"][..], &["shot", "--feeds", "-o", "/dev/null.txt"]] {
            let out = sahifa(args, &config);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
            assert_eq!(stderr.lines().count(), 1, "{stderr}");
            assert!(
                stderr.contains(&file.display().to_string()) && stderr.contains(says),
                "{stderr}"
            );
        }
    }
    let _ = std::fs::remove_dir_all(&config);
}

#[test]
fn the_reader_shows_the_list_before_every_feed_is_in() {
    let gate = Gate::closed();
    let (base, _) = serve(gate.clone(), Duration::ZERO);
    let (config, _) = feeds_file_for(&base, "pty");
    let config_home = config.to_string_lossy();
    let state = config.join("state");
    let state_home = state.to_string_lossy();
    let env = [
        ("XDG_CONFIG_HOME", &*config_home),
        ("XDG_STATE_HOME", &*state_home),
        ("SOURCE_DATE_EPOCH", "1796590800"),
    ];
    let mut term =
        common::pty::Terminal::spawn_with_env(common::bin::sahifa(), &["feeds"], &env, 100, 30)
            .expect("sahifa in a terminal");
    // Two feeds of three in, the Hebrew one held back: the list is up, and says so.
    term.wait_until("the first feeds", Duration::from_millis(50), |screen| {
        screen.contents().contains("2/3 feeds")
    })
    .expect("the list shown while a feed loads");
    let waiting = term.screen_text();
    assert!(waiting.contains("loading…"), "{waiting}");
    assert!(!waiting.contains("Marathon"));
    term.send_keys("j").expect("a key");
    gate.let_go();
    term.wait_until("every feed", Duration::from_millis(50), |screen| {
        let text = screen.contents();
        text.contains("Marathon") && !text.contains("/3 feeds")
    })
    .expect("the held feed filled in");
    term.send_keys("q").expect("q");
    assert_eq!(term.wait_exit(), Ok(0));
    let _ = std::fs::remove_dir_all(&config);
}
