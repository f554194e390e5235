use super::*;

use fixtures::{bytes as fixture, feed as parsed};

fn error(name: &str) -> String {
    match parse(&fixture(name), name, None) {
        Ok(feed) => panic!("{name} parsed: {feed:?}"),
        Err(e) => e.to_string(),
    }
}

fn date(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|d| d.with_timezone(&Utc))
}

#[test]
fn arabic_rss2_with_content_encoded() {
    let feed = parsed("akhbar-ar.rss");
    assert_eq!(feed.kind, FeedKind::Rss2);
    assert_eq!(feed.title, "أخبار المدينة — الصفحة الأولى");
    assert_eq!(feed.link.as_deref(), Some("https://akhbar.example/"));
    assert_eq!(feed.language.as_deref(), Some("ar"));
    assert_eq!(feed.items.len(), 4);
    let first = &feed.items[0];
    assert_eq!(
        first.title.as_deref(),
        Some("عودة الكهرباء إلى أحياء حلب الشرقية بعد انقطاع دام 12 ساعة")
    );
    assert_eq!(first.id.as_deref(), Some("akhbar-2026-1206-001"));
    assert_eq!(first.published, date("2026-12-06T15:30:00Z"));
    assert_eq!(first.author.as_deref(), Some("سارة الحلبي"));
    assert_eq!(
        first.summary.as_deref(),
        Some("أعلنت المؤسسة العامة للكهرباء عودة التيار إلى الأحياء الشرقية.")
    );
    assert!(
        matches!(&first.content, Some(Content::Html(html)) if html.contains("<h2>الأسباب</h2>"))
    );
    let second = &feed.items[1];
    assert_eq!(
        second.summary.as_deref(),
        Some("يفتتح المهرجان أبوابه اليوم في وسط بيروت & يستمر أسبوعين.")
    );
    assert_eq!(second.content, None);
}

#[test]
fn items_missing_a_title_a_link_or_a_date_still_make_rows() {
    let feed = parsed("akhbar-ar.rss");
    let untitled = &feed.items[2];
    assert_eq!(untitled.title, None);
    assert_eq!(untitled.id, None, "no GUID: none made up");
    assert_eq!(
        untitled.key(),
        Some("https://akhbar.example/2026/12/04/no-title")
    );
    assert!(
        untitled
            .display_title()
            .starts_with("خبر بلا عنوان: ارتفاع أسعار الخبز")
    );
    assert!(untitled.display_title().ends_with('…'));
    let unlinked = &feed.items[3];
    assert_eq!(unlinked.link, None);
    assert_eq!(unlinked.published, None);
    assert_eq!(
        unlinked.key(),
        Some("iPhone 18 يصل إلى الأسواق العربية الشهر المقبل")
    );
    assert_eq!(Item::default().display_title(), "(untitled)");
    assert_eq!(Item::default().key(), None);
}

#[test]
fn hebrew_atom_with_html_titles_and_content() {
    let feed = parsed("yediot-he.atom");
    assert_eq!(feed.kind, FeedKind::Atom);
    assert_eq!(feed.title, "חדשות העיר");
    assert_eq!(feed.link.as_deref(), Some("https://hadashot.example/"));
    let titles: Vec<String> = feed.items.iter().map(Item::display_title).collect();
    assert_eq!(
        titles,
        [
            "הרכבת הקלה בירושלים תפעל גם בלילה החל מינואר",
            "מחקר: 70% מתושבי חיפה משתמשים בתחבורה ציבורית",
            "Tel Aviv Marathon: 40,000 runners expected",
        ]
    );
    let first = &feed.items[0];
    assert_eq!(
        first.link.as_deref(),
        Some("https://hadashot.example/articles/light-rail-night.html")
    );
    assert_eq!(first.published, date("2026-12-06T17:10:00Z"));
    assert_eq!(first.author.as_deref(), Some("נועה כהן"));
    assert_eq!(first.content, None);
    let second = &feed.items[1];
    assert_eq!(second.published, date("2026-12-03T08:00:00Z"), "updated");
    assert!(
        matches!(&second.content, Some(Content::Html(h)) if h.contains("<strong>70%</strong>"))
    );
}

#[test]
fn persian_json_feed_with_html_and_text_content() {
    let feed = parsed("hamshahri-fa.json");
    assert_eq!(feed.kind, FeedKind::Json);
    assert_eq!(feed.title, "خبرنامهٔ شهر");
    assert_eq!(feed.language.as_deref(), Some("fa"));
    assert_eq!(feed.items.len(), 3);
    let first = &feed.items[0];
    assert_eq!(first.id.as_deref(), Some("shahr-9001"));
    assert_eq!(first.author.as_deref(), Some("مریم رضایی"));
    assert_eq!(first.published, date("2026-12-06T13:00:00Z"));
    assert!(matches!(&first.content, Some(Content::Html(h)) if h.contains("۲۷ کیلومتر")));
    assert!(matches!(&feed.items[1].content, Some(Content::Text(t)) if t.contains("\n\nپلیس راه")));
    assert_eq!(feed.items[2].title, None);
    assert_eq!(
        feed.items[2].display_title(),
        "خبری بدون عنوان و بدون تاریخ."
    );
}

#[test]
fn rss1_is_read_too() {
    let feed = parsed("rss1-ar.rdf");
    assert_eq!(feed.kind, FeedKind::Rss1);
    assert_eq!(
        feed.items[0].title.as_deref(),
        Some("افتتاح مكتبة عامة جديدة في عمّان")
    );
    assert_eq!(feed.items[0].published, date("2026-12-01T08:00:00Z"));
}

#[test]
fn broken_feeds_say_what_is_wrong_and_name_the_source() {
    let cases = [
        ("broken/truncated.rss", "broken RSS feed"),
        (
            "broken/truncated.json",
            "broken JSON Feed: it ends too soon",
        ),
        ("broken/not-xml.rss", "not a feed: neither XML nor JSON"),
        ("broken/page.html", "not a feed: it is an HTML page"),
        (
            "broken/not-a-feed.xml",
            "not a feed: XML whose root element is <svg>",
        ),
    ];
    for (name, expected) in cases {
        let message = error(name);
        assert!(
            message.starts_with(&format!("{name}: {expected}")),
            "{name}: {message}"
        );
        assert!(!message.contains('\n'), "one line: {message}");
    }
}

#[test]
fn every_truncation_of_a_feed_is_an_error_or_a_feed_never_a_panic() {
    for name in [
        "akhbar-ar.rss",
        "yediot-he.atom",
        "hamshahri-fa.json",
        "rss1-ar.rdf",
    ] {
        let bytes = fixture(name);
        for end in 0..bytes.len() {
            if let Ok(feed) = parse(&bytes[..end], name, None) {
                assert!(feed.items.len() <= 4, "{name} cut at {end}");
            }
        }
    }
}

#[test]
fn a_ten_megabyte_feed_parses_and_a_bigger_than_allowed_one_is_refused() {
    let item = "<item><title>خبر رقم {n}</title><link>https://x.example/{n}</link>\
                <description>نص قصير للخبر، يتكرر ليملأ الموجز حتى يبلغ عشرة ميغابايت.</description></item>";
    let mut xml = String::from("<rss version=\"2.0\"><channel><title>كبير</title>");
    let mut n = 0;
    while xml.len() < 10 * 1024 * 1024 {
        xml.push_str(&item.replace("{n}", &n.to_string()));
        n += 1;
    }
    xml.push_str("</channel></rss>");
    let feed = parse(xml.as_bytes(), "big.rss", None).expect("parses");
    assert_eq!(feed.items.len(), n);
    assert_eq!(
        feed.items[n - 1].title.as_deref(),
        Some(format!("خبر رقم {}", n - 1).as_str())
    );
    let too_big = vec![b' '; MAX_FEED_BYTES + 1];
    let message = parse(&too_big, "huge.rss", None)
        .map(|_| ())
        .expect_err("refused")
        .to_string();
    assert!(message.starts_with("huge.rss: feed too big"), "{message}");
}

#[test]
fn relative_links_resolve_against_the_feeds_url() {
    let xml = br#"<rss version="2.0"><channel><title>t</title>
        <item><title>a</title><link>/news/1</link></item></channel></rss>"#;
    let feed = parse(
        xml,
        "https://akhbar.example/rss",
        Some("https://akhbar.example/rss"),
    )
    .expect("parses");
    assert_eq!(
        feed.items[0].link.as_deref(),
        Some("https://akhbar.example/news/1")
    );
}

#[test]
fn a_legacy_encoding_declared_in_xml_is_decoded() {
    let (body, _, _) = encoding_rs::WINDOWS_1256.encode("<item><title>خبر عاجل</title></item>");
    let mut xml = br#"<?xml version="1.0" encoding="windows-1256"?><rss version="2.0"><channel><title>t</title>"#.to_vec();
    xml.extend_from_slice(&body);
    xml.extend_from_slice(b"</channel></rss>");
    let feed = parse(&xml, "cp1256.rss", None).expect("parses");
    assert_eq!(feed.items[0].title.as_deref(), Some("خبر عاجل"));
}

#[test]
fn a_feed_file_opens_by_path_and_a_missing_one_is_named() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/feeds/rss1-ar.rdf");
    assert_eq!(open_file(&path).expect("opens").items.len(), 1);
    let missing = open_file(std::path::Path::new("no/such/feed.xml"));
    assert_eq!(
        missing.map(|_| ()).map_err(|e| e.to_string()),
        Err("no/such/feed.xml: no such file".to_owned())
    );
}
