//! HTML extraction scored against Readability.js on 63 pages of its own test suite
//! (tests/data/readability, Apache-2.0).
//!
//! For each page, the article sahifa loads from `source.html` is compared with Readability's
//! `expected.html`: bag-of-words F1 of the article text (lower-cased words, each counted as
//! often as it occurs), and the title exactly as `expected-metadata.json` gives it. The floors
//! below are what the extractor reaches today, so a change that makes extraction worse fails.
//!
//! `cargo test --test extraction_score -- --nocapture` prints the table; with
//! `SCORE_PAGE=name` it also prints the words of that page found only on one side.

use sahifa::document::Document;
use sahifa::load::{LoadOptions, load_bytes};
use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::Path;

/// Mean bag-of-words F1 over the pages, at least.
const MEAN_F1_FLOOR: f64 = 0.995;
/// Pages whose title is exactly Readability's, at least.
const TITLES_FLOOR: usize = 63;

#[derive(Default)]
struct Page {
    source: Vec<u8>,
    expected: String,
    metadata: String,
}

fn pages() -> BTreeMap<String, Page> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/readability/pages.tar.xz"
    );
    let mut xz = std::io::BufReader::new(std::fs::File::open(path).expect("pages.tar.xz"));
    let mut tar = Vec::new();
    lzma_rs::xz_decompress(&mut xz, &mut tar).expect("pages.tar.xz is xz");
    let mut archive = tar::Archive::new(tar.as_slice());
    let mut pages: BTreeMap<String, Page> = BTreeMap::new();
    for entry in archive.entries().expect("a tar archive") {
        let mut entry = entry.expect("a tar entry");
        let path = entry.path().expect("a path").into_owned();
        let (Some(dir), Some(file)) = (
            path.parent().and_then(Path::file_name),
            path.file_name().and_then(|f| f.to_str()),
        ) else {
            continue;
        };
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).expect("entry bytes");
        let page = pages.entry(dir.to_string_lossy().into_owned()).or_default();
        match file {
            "source.html" => page.source = bytes,
            "expected.html" => page.expected = String::from_utf8_lossy(&bytes).into_owned(),
            "expected-metadata.json" => {
                page.metadata = String::from_utf8_lossy(&bytes).into_owned();
            }
            _ => {}
        }
    }
    pages.retain(|_, p| !p.source.is_empty() && !p.expected.is_empty());
    pages
}

/// Lower-cased words (runs of letters, digits and marks) with their counts.
fn bag(text: &str) -> HashMap<String, usize> {
    let mut bag = HashMap::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric() && !is_mark(c))
        .filter(|w| !w.is_empty())
    {
        *bag.entry(word.to_lowercase()).or_insert(0) += 1;
    }
    bag
}

fn is_mark(c: char) -> bool {
    // Harakat, niqqud and other combining marks belong to their word.
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0591}'..='\u{05C7}' | '\u{064B}'..='\u{065F}' | '\u{0670}')
}

fn f1(ours: &HashMap<String, usize>, expected: &HashMap<String, usize>) -> f64 {
    let total = |b: &HashMap<String, usize>| b.values().sum::<usize>();
    let (n_ours, n_expected) = (total(ours), total(expected));
    if n_ours == 0 || n_expected == 0 {
        return if n_ours == n_expected { 1.0 } else { 0.0 };
    }
    let common: usize = ours
        .iter()
        .map(|(w, &n)| n.min(expected.get(w).copied().unwrap_or(0)))
        .sum();
    let precision = common as f64 / n_ours as f64;
    let recall = common as f64 / n_expected as f64;
    if common == 0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

/// The article's body as the reader shows it below the title block: headings and every
/// block's text.
fn article_text(document: &Document) -> String {
    let mut text = String::new();
    for section in &document.sections {
        if let Some(heading) = section.shown_heading() {
            text.push_str(heading);
            text.push('\n');
        }
        for block in &section.blocks {
            for part in block.texts() {
                text.push_str(part);
                text.push('\n');
            }
        }
    }
    text
}

/// The text of Readability's article as a browser shows it: text nodes run together inside a
/// paragraph (so words split by inline markup in languages without spaces stay whole), block
/// elements apart.
fn expected_text(html: &str) -> String {
    fn walk(el: scraper::ElementRef<'_>, out: &mut String) {
        for child in el.children() {
            match child.value() {
                scraper::Node::Text(t) => out.push_str(t),
                scraper::Node::Element(e) => {
                    let inline = matches!(
                        e.name(),
                        "a" | "span"
                            | "b"
                            | "strong"
                            | "i"
                            | "em"
                            | "code"
                            | "sup"
                            | "sub"
                            | "small"
                            | "abbr"
                            | "cite"
                            | "q"
                            | "mark"
                            | "u"
                            | "s"
                            | "font"
                    );
                    if !inline {
                        out.push(' ');
                    }
                    if let Some(child) = scraper::ElementRef::wrap(child) {
                        walk(child, out);
                    }
                    if !inline {
                        out.push(' ');
                    }
                }
                _ => {}
            }
        }
    }
    let html = scraper::Html::parse_fragment(html);
    let mut out = String::new();
    walk(html.root_element(), &mut out);
    out
}

fn expected_title(metadata: &str) -> String {
    let json: serde_json::Value = serde_json::from_str(metadata).unwrap_or_default();
    json["title"].as_str().unwrap_or_default().to_owned()
}

struct Score {
    name: String,
    f1: f64,
    title_exact: bool,
    title: String,
    expected_title: String,
}

fn score_all() -> Vec<Score> {
    pages()
        .into_iter()
        .map(|(name, page)| {
            let loaded = load_bytes(
                &page.source,
                Path::new("source.html"),
                &LoadOptions::default(),
            );
            let (title, ours) = match loaded {
                Ok(l) => (l.document.title.clone(), bag(&article_text(&l.document))),
                Err(_) => (String::new(), HashMap::new()),
            };
            let expected_title = expected_title(&page.metadata);
            let expected = bag(&expected_text(&page.expected));
            if std::env::var("SCORE_PAGE").is_ok_and(|p| p == name) {
                print_difference(&ours, &expected);
            }
            Score {
                f1: f1(&ours, &expected),
                title_exact: title.trim() == expected_title.trim(),
                title,
                expected_title,
                name,
            }
        })
        .collect()
}

fn print_difference(ours: &HashMap<String, usize>, expected: &HashMap<String, usize>) {
    fn only<'a>(
        a: &'a HashMap<String, usize>,
        b: &HashMap<String, usize>,
    ) -> Vec<(usize, &'a str)> {
        let mut words: Vec<(usize, &str)> = a
            .iter()
            .filter_map(|(w, &n)| {
                let extra = n.saturating_sub(b.get(w).copied().unwrap_or(0));
                (extra > 0).then_some((extra, w.as_str()))
            })
            .collect();
        words.sort_unstable_by(|x, y| y.cmp(x));
        words.truncate(60);
        words
    }
    println!("only ours: {:?}", only(ours, expected));
    println!("only Readability's: {:?}", only(expected, ours));
}

#[test]
fn extraction_matches_readability_on_its_test_pages() {
    let mut scores = score_all();
    assert_eq!(scores.len(), 63, "every page of the archive is scored");
    scores.sort_by(|a, b| a.f1.total_cmp(&b.f1));
    println!("{:<40} {:>6}  title", "page", "F1");
    for s in &scores {
        let title = if s.title_exact {
            "exact".to_owned()
        } else {
            format!("{:?} (expected {:?})", s.title, s.expected_title)
        };
        println!("{:<40} {:>6.3}  {title}", s.name, s.f1);
    }
    let mean = scores.iter().map(|s| s.f1).sum::<f64>() / scores.len() as f64;
    let exact = scores.iter().filter(|s| s.title_exact).count();
    println!(
        "mean F1 {mean:.3}; titles exact {exact}/{}; F1 < 0.9 on {} pages",
        scores.len(),
        scores.iter().filter(|s| s.f1 < 0.9).count()
    );
    assert!(mean >= MEAN_F1_FLOOR, "mean F1 {mean:.3} < {MEAN_F1_FLOOR}");
    assert!(
        exact >= TITLES_FLOOR,
        "titles exact {exact} < {TITLES_FLOOR}"
    );
}

#[test]
fn the_score_counts_words_as_often_as_they_occur() {
    let expected = bag("the cat saw the dog");
    assert_eq!(f1(&bag("The cat saw the dog."), &expected), 1.0);
    // Half the words, all right: precision 1, recall 0.6.
    let half = f1(&bag("the cat saw"), &expected);
    assert!((half - 0.75).abs() < 1e-9, "{half}");
    assert_eq!(f1(&bag("nothing alike"), &expected), 0.0);
    assert_eq!(bag("قالَ قال")["قالَ"], 1);
}
