//! `sahifa` with a URL, against a real HTTP server on 127.0.0.1 started by each test: the
//! charset from the header, compressed bodies, redirects, relative links, plain text and
//! Markdown, and every failure as one line naming the URL. Nothing leaves the machine.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Command, Output};
use std::time::Duration;

mod common;

/// What the server does with a request.
enum Reply {
    Page {
        status: &'static str,
        headers: Vec<(&'static str, String)>,
        body: Vec<u8>,
    },
    /// Reads the request and never answers.
    Silence,
    /// Answers 200 with this content type and sends bytes until the client hangs up.
    Endless(&'static str),
}

fn page(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
    Reply::Page {
        status: "200 OK",
        headers: vec![("Content-Type", content_type.to_owned())],
        body: body.into(),
    }
}

fn redirect(status: &'static str, to: &str) -> Reply {
    Reply::Page {
        status,
        headers: vec![("Location", to.to_owned())],
        body: Vec::new(),
    }
}

/// Serves `route(path)` on a fresh port of 127.0.0.1 until the test ends; returns the base URL.
fn serve(route: fn(&str) -> Reply) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port on 127.0.0.1");
    let base = format!("http://{}", listener.local_addr().expect("an address"));
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || answer(stream, route));
        }
    });
    base
}

fn answer(mut stream: TcpStream, route: fn(&str) -> Reply) {
    let mut reader = BufReader::new(stream.try_clone().expect("a socket"));
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let path = request_line.split(' ').nth(1).unwrap_or("/").to_owned();
    match route(&path) {
        Reply::Page {
            status,
            headers,
            body,
        } => {
            let mut head = format!(
                "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n",
                body.len()
            );
            for (name, value) in headers {
                head.push_str(&format!("{name}: {value}\r\n"));
            }
            head.push_str("\r\n");
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
        Reply::Silence => std::thread::sleep(Duration::from_secs(20)),
        Reply::Endless(content_type) => {
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nConnection: close\r\n\r\n"
            );
            let _ = stream.write_all(head.as_bytes());
            let chunk = "<p>ما زال النص يتدفق بلا نهاية.</p>\n".repeat(1000);
            while stream.write_all(chunk.as_bytes()).is_ok() {}
        }
    }
}

fn sahifa(args: &[&str]) -> Output {
    sahifa_env(args, &[])
}

/// [`sahifa`] with more environment variables.
fn sahifa_env(args: &[&str], env: &[(&str, &std::path::Path)]) -> Output {
    let mut cmd = Command::new(common::bin::sahifa());
    cmd.args(args).env("NO_COLOR", "1");
    for (name, value) in env {
        cmd.env(name, value);
    }
    for proxy in [
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
    ] {
        cmd.env_remove(proxy);
    }
    cmd.output().expect("the sahifa binary runs")
}

fn json(url: &str) -> serde_json::Value {
    let out = sahifa(&["json", url]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

/// The one error line `sahifa print URL` writes, after checking the exit status is 1 and
/// nothing went to stdout.
fn failure(url: &str, extra: &[&str]) -> String {
    let mut args = vec!["print", url];
    args.extend_from_slice(extra);
    let out = sahifa(&args);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    stderr.trim_end().to_owned()
}

const TITLE_AR: &str = "الرقة تستعيد أسواقها بعد الحرب";
const PARAGRAPH_AR: &str = "عاد التجار إلى سوق الرقة القديم بعد سنوات من الإغلاق، وفتحت عشرات المحال أبوابها من جديد وسط إقبال كبير من السكان الذين عادوا إلى المدينة خلال الأشهر الماضية.";

/// An Arabic article page long enough for Readability, with site chrome around it.
fn arabic_page(head: &str, body_extra: &str) -> String {
    let paragraphs = format!("<p>{PARAGRAPH_AR}</p>\n").repeat(4);
    format!(
        "<!doctype html><html lang=\"ar\" dir=\"rtl\"><head>{head}<title>{TITLE_AR} | صحيفة المدينة</title></head>\
         <body><nav><a href=\"/\">الرئيسية</a> <a href=\"/sport\">رياضة</a></nav>\
         <article><h1>{TITLE_AR}</h1>{paragraphs}{body_extra}</article>\
         <footer>جميع الحقوق محفوظة</footer></body></html>"
    )
}

fn first_paragraph(article: &serde_json::Value) -> String {
    article["sections"][0]["blocks"][0]["text"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn the_charset_in_the_header_decodes_a_windows_1256_page() {
    fn route(_: &str) -> Reply {
        // The page itself claims Hebrew; the header is right and wins.
        let html = arabic_page("<meta charset=\"windows-1255\">", "");
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(&html);
        page("text/html; charset=windows-1256", bytes.into_owned())
    }
    let base = serve(route);
    let article = json(&format!("{base}/article"));
    assert_eq!(article["title"], TITLE_AR);
    assert_eq!(first_paragraph(&article), PARAGRAPH_AR);
    assert_eq!(article["direction"], "rtl");
    // What a reader sees: the title's words, shaped, in visual order.
    let printed = sahifa(&["print", &format!("{base}/article"), "--no-shape"]);
    let text = String::from_utf8_lossy(&printed.stdout);
    let visual_title: String = "بعد الحرب".chars().rev().collect();
    assert!(text.contains(&visual_title), "{text}");
}

#[test]
fn a_meta_charset_decodes_a_page_whose_header_says_nothing() {
    fn route(_: &str) -> Reply {
        let html = arabic_page("<meta charset=\"windows-1256\">", "");
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(&html);
        page("text/html", bytes.into_owned())
    }
    let article = json(&format!("{}/a", serve(route)));
    assert_eq!(first_paragraph(&article), PARAGRAPH_AR);
}

#[test]
fn gzip_and_deflate_bodies_are_decoded() {
    fn route(path: &str) -> Reply {
        use flate2::Compression;
        let html = arabic_page("", "");
        let (encoding, body) = if path.ends_with("gzip") {
            let mut e = flate2::write::GzEncoder::new(Vec::new(), Compression::default());
            let _ = e.write_all(html.as_bytes());
            ("gzip", e.finish().unwrap_or_default())
        } else {
            let mut e = flate2::write::ZlibEncoder::new(Vec::new(), Compression::default());
            let _ = e.write_all(html.as_bytes());
            ("deflate", e.finish().unwrap_or_default())
        };
        Reply::Page {
            status: "200 OK",
            headers: vec![
                ("Content-Type", "text/html; charset=utf-8".to_owned()),
                ("Content-Encoding", encoding.to_owned()),
            ],
            body,
        }
    }
    let base = serve(route);
    for path in ["gzip", "deflate"] {
        let article = json(&format!("{base}/{path}"));
        assert_eq!(article["title"], TITLE_AR, "{path}");
        assert_eq!(first_paragraph(&article), PARAGRAPH_AR, "{path}");
    }
}

#[test]
fn redirects_are_followed_and_links_resolve_against_the_final_url() {
    fn route(path: &str) -> Reply {
        match path {
            "/start" => redirect("302 Found", "/moved"),
            "/moved" => redirect("301 Moved Permanently", "/news/2024/story.html"),
            "/news/2024/story.html" => page(
                "text/html; charset=utf-8",
                arabic_page(
                    "",
                    "<p>للمزيد <a href=\"../archive.html\">الأرشيف</a> و<a href=\"/about\">من نحن</a>.</p>\
                     <figure><img src=\"img/souq.jpg\" alt=\"السوق\"><figcaption>السوق القديم</figcaption></figure>",
                ),
            ),
            _ => redirect("302 Found", path),
        }
    }
    let base = serve(route);
    let article = json(&format!("{base}/start"));
    assert_eq!(article["url"], format!("{base}/news/2024/story.html"));
    let figure = article["sections"][0]["blocks"]
        .as_array()
        .and_then(|blocks| blocks.iter().find(|b| b["kind"] == "figure"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(figure["src"], format!("{base}/news/2024/img/souq.jpg"));
    assert_eq!(figure["caption"], "السوق القديم");
    // The reader's label for a picture it does not fetch names the absolute URL.
    let printed = sahifa(&["print", &format!("{base}/start"), "--width", "200"]);
    let text = String::from_utf8_lossy(&printed.stdout);
    assert!(
        text.contains(&format!("[image: {base}/news/2024/img/souq.jpg]")),
        "{text}"
    );

    let endless_loop = failure(&format!("{base}/loop"), &[]);
    assert_eq!(
        endless_loop,
        format!("sahifa: {base}/loop: more than 10 redirects")
    );
}

#[test]
fn links_resolve_against_base_href() {
    fn route(_: &str) -> Reply {
        page(
            "text/html",
            arabic_page(
                "<base href=\"https://cdn.example.net/static/\">",
                "<figure><img src=\"photo.jpg\" alt=\"\"><figcaption>صورة</figcaption></figure>",
            ),
        )
    }
    let article = json(&format!("{}/page", serve(route)));
    let blocks = article["sections"][0]["blocks"].to_string();
    assert!(
        blocks.contains("\"src\":\"https://cdn.example.net/static/photo.jpg\""),
        "{blocks}"
    );
}

#[test]
fn a_missing_page_is_one_line_naming_the_url_and_the_status() {
    fn route(_: &str) -> Reply {
        Reply::Page {
            status: "404 Not Found",
            headers: vec![("Content-Type", "text/html".to_owned())],
            body: b"<h1>Not here</h1>".to_vec(),
        }
    }
    let url = format!("{}/gone", serve(route));
    assert_eq!(
        failure(&url, &[]),
        format!("sahifa: {url}: the server answered 404 Not Found")
    );
}

#[test]
fn a_server_that_never_answers_times_out() {
    fn route(_: &str) -> Reply {
        Reply::Silence
    }
    let url = format!("{}/wait", serve(route));
    assert_eq!(
        failure(&url, &["--timeout", "1"]),
        format!("sahifa: {url}: timed out after 1 s (see --timeout)")
    );
}

#[test]
fn an_endless_body_stops_at_the_size_limit() {
    fn route(_: &str) -> Reply {
        Reply::Endless("text/html")
    }
    let url = format!("{}/endless", serve(route));
    assert_eq!(
        failure(&url, &[]),
        format!("sahifa: {url}: the page is bigger than 50 MB; not read")
    );
}

#[test]
fn a_picture_is_not_an_article() {
    fn route(_: &str) -> Reply {
        page("image/png", b"\x89PNG\r\n\x1a\n".to_vec())
    }
    let url = format!("{}/photo.png", serve(route));
    assert_eq!(
        failure(&url, &[]),
        format!(
            "sahifa: {url}: not an article but image/png (sahifa reads HTML, plain text and Markdown)"
        )
    );
}

#[test]
fn nothing_listening_is_a_refused_connection() {
    // Bind, note the port, and close it again: nothing listens there now.
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port");
    let url = format!("http://127.0.0.1:{port}/");
    assert_eq!(
        failure(&url, &[]),
        format!("sahifa: {url}: connection refused")
    );
}

#[test]
fn plain_text_and_markdown_urls_go_to_their_loaders() {
    fn route(path: &str) -> Reply {
        match path {
            "/news.txt" => page(
                "text/plain; charset=utf-8",
                format!("{TITLE_AR}\n\n{PARAGRAPH_AR}\n"),
            ),
            _ => page(
                "text/markdown",
                format!("# {TITLE_AR}\n\n{PARAGRAPH_AR}\n\n![السوق](img/souq.jpg)\n"),
            ),
        }
    }
    let base = serve(route);
    let text = json(&format!("{base}/news.txt"));
    assert_eq!(text["format"], "text");
    assert_eq!(text["title"], TITLE_AR);
    assert_eq!(first_paragraph(&text), PARAGRAPH_AR);

    let markdown = json(&format!("{base}/notes/story"));
    assert_eq!(markdown["format"], "markdown");
    assert_eq!(markdown["title"], TITLE_AR);
    let blocks = markdown["sections"][0]["blocks"].to_string();
    assert!(
        blocks.contains(&format!("\"src\":\"{base}/notes/img/souq.jpg\"")),
        "{blocks}"
    );
}

/// A PNG of one colour.
fn png(width: u32, height: u32, rgb: [u8; 3]) -> Vec<u8> {
    use image::ImageEncoder;
    let pixels: Vec<u8> = (0..width * height).flat_map(|_| rgb).collect();
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(&pixels, width, height, image::ExtendedColorType::Rgb8)
        .expect("encoded");
    out
}

/// Requests for pictures the picture server below has answered.
static PICTURE_REQUESTS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// An article with three remote pictures: one served, one missing, one endless.
fn picture_route(path: &str) -> Reply {
    use std::sync::atomic::Ordering;
    let figure = |src: &str| format!("<figure><img src=\"{src}\" alt=\"صورة\"></figure>");
    match path {
        "/story" => {
            let figures = [
                figure("/pics/red.png"),
                figure("pics/gone.png"),
                figure("/pics/huge.png"),
            ]
            .concat();
            page("text/html", arabic_page("", &figures))
        }
        "/pics/red.png" => {
            PICTURE_REQUESTS.fetch_add(1, Ordering::SeqCst);
            page("image/png", png(8, 4, [200, 30, 60]))
        }
        "/pics/huge.png" => {
            PICTURE_REQUESTS.fetch_add(1, Ordering::SeqCst);
            Reply::Endless("image/png")
        }
        _ => {
            PICTURE_REQUESTS.fetch_add(1, Ordering::SeqCst);
            Reply::Page {
                status: "404 Not Found",
                headers: vec![("Content-Type", "text/html".to_owned())],
                body: b"<p>no</p>".to_vec(),
            }
        }
    }
}

#[test]
fn remote_pictures_are_fetched_labelled_and_kept_for_the_next_open() {
    use std::sync::atomic::Ordering;
    let base = serve(picture_route);
    let url = format!("{base}/story");
    let dir = std::env::temp_dir().join(format!("sahifa-web-pictures-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let cache = dir.join("cache");
    let shot = |name: &str| {
        let out_file = dir.join(name);
        let out = sahifa_env(
            &[
                "shot",
                &url,
                "-o",
                out_file.to_str().expect("a path"),
                "--size",
                "100x60",
            ],
            &[("XDG_CACHE_HOME", &cache)],
        );
        assert!(out.status.success(), "{out:?}");
        std::fs::read_to_string(&out_file).expect("the shot")
    };
    let first = shot("first.ansi");
    // The served picture is drawn (half blocks in its colour); the other two say why not.
    assert!(
        first.contains("200;30;60"),
        "the red picture is drawn:\n{first}"
    );
    assert!(
        first.contains(&format!("[image: {base}/pics/red.png]")),
        "{first}"
    );
    assert!(
        first.contains(&format!("[image not found: {base}/pics/gone.png]")),
        "{first}"
    );
    assert!(
        first.contains(&format!("[image too big: {base}/pics/huge.png]")),
        "{first}"
    );
    let asked = PICTURE_REQUESTS.load(Ordering::SeqCst);
    assert_eq!(asked, 3, "each picture asked for once");
    // The kept picture is used again without a request; the failures are asked again.
    let second = shot("second.ansi");
    assert_eq!(PICTURE_REQUESTS.load(Ordering::SeqCst), asked + 2);
    assert!(second.contains("200;30;60"), "drawn from the cache");
    let kept = std::fs::read_dir(cache.join("sahifa").join("pictures"))
        .expect("the cache directory")
        .count();
    assert_eq!(kept, 1, "only the picture is kept, and no temporary file");
    // `json` keeps each `src` as written, made absolute.
    let article = json(&url);
    let srcs: Vec<&str> = article["sections"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|s| s["blocks"].as_array().into_iter().flatten())
        .filter_map(|b| b["src"].as_str())
        .collect();
    assert_eq!(
        srcs,
        [
            format!("{base}/pics/red.png"),
            format!("{base}/pics/gone.png"),
            format!("{base}/pics/huge.png"),
        ]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_reading_position_of_a_url_is_kept_between_runs() {
    use common::pty::Terminal;
    fn route(_: &str) -> Reply {
        let more = format!("<h2>فصل</h2><p>{PARAGRAPH_AR}</p>").repeat(12);
        page("text/html", arabic_page("", &more))
    }
    let url = format!("{}/long", serve(route));
    let dir = std::env::temp_dir().join(format!("sahifa-web-position-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let dir_str = dir.to_str().expect("a UTF-8 path");
    let env = [
        ("XDG_STATE_HOME", dir_str),
        ("XDG_CONFIG_HOME", dir_str),
        ("XDG_CACHE_HOME", dir_str),
    ];
    // The text rows (the status line aside) once the reader has settled.
    let run = |extra: &[&str], keys: &str| {
        let mut args = vec![url.as_str()];
        args.extend_from_slice(extra);
        let mut term = Terminal::spawn_with_env(common::bin::sahifa(), &args, &env, 80, 24)
            .expect("terminal starts");
        term.wait_until("the article", Duration::from_millis(300), |s| {
            s.alternate_screen() && s.contents().contains("ﻞﺼﻓ")
        })
        .expect("the reader shows the article");
        if !keys.is_empty() {
            term.send_keys(keys).expect("keys sent");
            term.wait_stable(Duration::from_millis(300))
                .expect("settles");
        }
        let mut rows = term.screen_rows();
        rows.pop();
        term.send_keys("q").expect("q sent");
        assert_eq!(term.wait_exit(), Ok(0));
        rows
    };
    let top = run(&[], "");
    let scrolled = run(&[], "] ] ]");
    assert_ne!(top, scrolled, "the keys moved the view");
    assert_eq!(
        run(&[], ""),
        scrolled,
        "the second open starts where the first left"
    );
    assert_eq!(
        run(&["--no-state"], ""),
        top,
        "--no-state starts at the top"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Lets the held-back picture below be served.
static RELEASE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

#[test]
fn the_terminal_reader_shows_the_article_first_and_its_pictures_when_they_arrive() {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::Color;
    fn route(path: &str) -> Reply {
        match path {
            "/story" => page(
                "text/html",
                arabic_page(
                    "",
                    "<figure><img src=\"/pics/slow.png\" alt=\"صورة\"></figure>",
                ),
            ),
            _ => {
                // Held back until the test has looked at the first frame.
                while !RELEASE.load(std::sync::atomic::Ordering::SeqCst) {
                    std::thread::sleep(Duration::from_millis(10));
                }
                page("image/png", png(8, 4, [20, 160, 90]))
            }
        }
    }
    let base = serve(route);
    let url = format!("{base}/story");
    let dir = std::env::temp_dir().join(format!("sahifa-web-background-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let args = common::shot::parsed(&url, &[]);
    let source = sahifa::source::Source::Url(url.clone());
    let config = sahifa::ui::config::Config::default();
    let mut options =
        sahifa::settings::reader_options(&source, &args.read, &config, &mut Vec::new());
    options.background = true;
    let fetch = sahifa::fetch::FetchOptions::default();
    options.pictures = Some(sahifa::source::cache::PictureCache::in_dir(
        dir.clone(),
        fetch,
    ));
    let doc = sahifa::load::open(&source, &sahifa::load::LoadOptions::default())
        .expect("loaded")
        .document;
    let mut app = sahifa::ui::App::with_size(doc, options, 100, 60);
    let green = |app: &sahifa::ui::App| {
        let area = Rect::new(0, 0, 100, 60);
        let mut buffer = Buffer::empty(area);
        app.render(area, &mut buffer);
        buffer
            .content()
            .iter()
            .any(|c| c.bg == Color::Rgb(20, 160, 90))
    };
    let before = app.lines().len();
    assert!(
        !green(&app),
        "the first frame does not wait for the picture"
    );
    RELEASE.store(true, std::sync::atomic::Ordering::SeqCst);
    // The picture arrives: the page gets its rows, then it is decoded at its first paint.
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while !green(&app) {
        assert!(
            std::time::Instant::now() < deadline,
            "the picture never came"
        );
        std::thread::sleep(Duration::from_millis(20));
        app.poll_background();
    }
    assert!(
        app.lines().len() > before,
        "rows were added for the picture"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
