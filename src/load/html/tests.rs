use super::parse;
use crate::document::{Block, Direction, Inline, RichText};

const PAGE: &str = r#"<!doctype html>
<html lang="he" dir="rtl"><head><title>כותרת הדף | אתר החדשות</title>
<meta name="author" content="נועה כהן"><style>p{color:red}</style>
<script>var x = "<p>not text</p>";</script></head>
<body><nav><a href="/">ראשי</a> <a href="/news">חדשות</a></nav>
<div class="share-bar"><a>שתפו</a></div>
<article>
<p>פסקה ראשונה עם <b>הדגשה</b> ו<a href="https://example.org">קישור</a>.</p>
<p>הדפסה</p>
<h2>כותרת משנה</h2>
<p>פסקה שנייה.</p>
<aside class="stat-box"><strong>73%</strong> מהנוסעים מרוצים מהקו.</aside>
<figure><img src="train.jpg" alt="רכבת"><figcaption>הרכבת בתחנה</figcaption></figure>
<blockquote><p>זה יום היסטורי.</p><footer>— משה לוי</footer></blockquote>
<ul><li>אחד</li><li>שתיים</li></ul>
</article>
<aside class="related"><a href="/a">כתבה אחרת</a></aside>
<footer>כל הזכויות שמורות</footer></body></html>"#;

#[test]
fn article_is_extracted_and_furniture_dropped() {
    let doc = parse(PAGE);
    // Readability keeps the site name when cutting it would leave fewer than three words.
    assert_eq!(doc.title, "כותרת הדף | אתר החדשות");
    assert_eq!(doc.language, "he");
    assert_eq!(doc.direction, Direction::Rtl);
    assert_eq!(doc.metadata.author.as_deref(), Some("נועה כהן"));
    let headings: Vec<_> = doc.sections.iter().map(|s| s.heading.as_deref()).collect();
    assert_eq!(headings, [None, Some("כותרת משנה")]);
    let lead = &doc.sections[0].blocks;
    assert_eq!(lead.len(), 1, "{lead:?}");
    let Block::Paragraph(p) = &lead[0] else {
        panic!("expected a paragraph, got {lead:?}");
    };
    assert_eq!(p.text, "פסקה ראשונה עם הדגשה וקישור.");
    assert_eq!(p.spans.len(), 2);
    assert!(matches!(&p.spans[1].1, Inline::Link(url) if url == "https://example.org"));
    let blocks = &doc.sections[1].blocks;
    assert_eq!(
        blocks[1],
        Block::Callout {
            value: "73%".into(),
            text: RichText::plain("מהנוסעים מרוצים מהקו.")
        }
    );
    assert_eq!(
        blocks[2],
        Block::Figure {
            src: "train.jpg".into(),
            alt: "רכבת".into(),
            caption: "הרכבת בתחנה".into()
        }
    );
    assert_eq!(
        blocks[3],
        Block::Quote {
            text: RichText::plain("זה יום היסטורי."),
            attribution: Some("משה לוי".into())
        }
    );
    assert_eq!(blocks.len(), 5);
    let all = format!("{doc:?}");
    for furniture in [
        "ראשי",
        "שתפו",
        "כתבה אחרת",
        "כל הזכויות",
        "not text",
        "color",
    ] {
        assert!(!all.contains(furniture), "{furniture} leaked");
    }
}

#[test]
fn h1_is_the_title_and_subtitle_class_the_subtitle() {
    let doc = parse(
        "<html><body><main><h1>The &amp; title</h1><p class=\"standfirst\">A short dek</p><p>Body text here.</p></main></body></html>",
    );
    assert_eq!(doc.title, "The & title");
    assert_eq!(doc.subtitle.as_deref(), Some("A short dek"));
    assert_eq!(doc.language, "en");
    assert_eq!(
        doc.sections[0].blocks,
        [Block::Paragraph("Body text here.".into())]
    );
}

#[test]
fn a_story_wrapped_in_a_lead_class_stays_the_story() {
    let story = "A paragraph of the story that goes on for a while. ".repeat(12);
    let doc = parse(&format!(
        "<html><head><title>A title long enough to keep</title></head><body><div class=\"article-lead\"><p>{story}</p><p>{story}</p></div></body></html>"
    ));
    assert_eq!(doc.subtitle, None);
    assert_eq!(doc.sections[0].blocks.len(), 2, "{:?}", doc.sections);
}

#[test]
fn without_article_the_densest_paragraph_parent_wins() {
    let doc = parse(
        "<body><div id=\"menu\"><p>Home</p></div><div class=\"content\"><p>One long paragraph of the story.</p><p>Another long paragraph of it.</p></div><div><p>x</p></div></body>",
    );
    assert_eq!(doc.sections[0].blocks.len(), 2);
}

#[test]
fn pre_keeps_its_text_and_language() {
    let doc =
        parse("<article><pre><code class=\"language-sh\">ls  -l\n  cd /\n</code></pre></article>");
    assert_eq!(
        doc.sections[0].blocks,
        [Block::Code {
            language: Some("sh".into()),
            text: "ls  -l\n  cd /".into()
        }]
    );
}

#[test]
fn page_title_without_h1_loses_the_site_name() {
    let doc = parse(
        "<html lang=\"ar\"><head><title>الرقة: غارات جديدة - تقرير | صحيفة البيان</title></head><body><article><p>نص الخبر.</p></article></body></html>",
    );
    assert_eq!(doc.title, "الرقة: غارات جديدة - تقرير");
    assert_eq!(doc.direction, Direction::Rtl);
}

#[test]
fn dir_on_the_article_wins_over_the_page() {
    let doc = parse(
        "<html lang=\"en\" dir=\"ltr\"><body><article dir=\"rtl\" lang=\"fa\"><h1>تیتر</h1><p>متن خبر.</p></article></body></html>",
    );
    assert_eq!(
        (doc.language.as_str(), doc.direction),
        ("fa", Direction::Rtl)
    );
}

#[test]
fn related_link_boxes_and_chrome_paragraphs_inside_the_article_are_dropped() {
    // Long enough for Readability's first, strictest pass (500 characters).
    let story = "Story text that goes on. ".repeat(24);
    let doc = parse(&format!(
        "<article><h1>T</h1><p>{story}</p><aside><a href=\"/1\">Other story</a> <a href=\"/2\">More</a></aside><p>Print</p><div class=\"social-links\"><p>Follow us</p></div></article>"
    ));
    assert_eq!(
        doc.sections[0].blocks,
        [Block::Paragraph(story.trim().into())]
    );
}

#[test]
fn deeply_nested_markup_neither_overflows_nor_loses_text() {
    // Past the walk's depth limit (200); html5ever itself slows down quadratically deeper.
    let depth = 1000;
    let html = format!(
        "<body>{}<p>deep text</p>{}</body>",
        "<div><span>".repeat(depth),
        "</span></div>".repeat(depth)
    );
    let doc = parse(&html);
    let text: String = doc
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .map(Block::plain_text)
        .collect();
    assert!(text.contains("deep text"), "{text}");
}

#[test]
fn markup_nested_past_readabilitys_depth_is_left_to_the_own_rule() {
    // Readability's scoring is quadratic in the depth and recursive: 3000 levels took a minute.
    let depth = 3000;
    let html = format!(
        "<body>{}<p>deep text</p>{}</body>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    assert!(super::readability::extract(&html, None).is_none());
    assert!(
        super::readability::extract("<body><div><p>shallow text</p></div></body>", None).is_some()
    );
}

#[test]
fn a_link_box_with_a_number_is_not_a_callout() {
    let doc = parse(
        "<article><h1>T</h1><p>Story.</p><aside><a href=\"/a\"><strong>5</strong> things to know</a></aside></article>",
    );
    assert_eq!(doc.sections[0].blocks, [Block::Paragraph("Story.".into())]);
}

#[test]
fn the_page_title_without_the_site_name_wins_over_a_shorter_h1_or_a_logo() {
    let page = |h1: &str| {
        format!(
            "<html><head><title>مقتل 22 عنصراً في غارات | البيان</title></head><body><h1>{h1}</h1><div class=\"body\"><p>نص الخبر الأول هنا.</p><p>ونص ثان.</p></div></body></html>"
        )
    };
    assert_eq!(
        parse(&page("مقتل 22 عنصراً")).title,
        "مقتل 22 عنصراً في غارات"
    );
    assert_eq!(parse(&page("البيان")).title, "مقتل 22 عنصراً في غارات");
}

#[test]
fn without_readability_links_still_resolve_against_base_href() {
    // Too deep for Readability: sahifa's own rule reads it.
    let depth = 500;
    let html = format!(
        "<html><head><base href=\"/static/\"></head><body>{}<p>Text with <a href=\"a.html\">a link</a>.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let doc = super::parse_page(&html, Some("https://example.org/news/story"));
    let Some(Block::Paragraph(p)) = doc.sections[0].blocks.first() else {
        panic!("a paragraph: {:?}", doc.sections);
    };
    assert_eq!(
        p.spans[0].1,
        Inline::Link("https://example.org/static/a.html".into())
    );
}
