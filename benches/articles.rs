//! Load (decode + parse + structure) of a 10 MB article in each format.
//! Goals: under 100 ms for plain text, under 300 ms for HTML.

use criterion::{Criterion, criterion_group, criterion_main};
use sahifa::load::{LoadOptions, load_bytes};
use std::hint::black_box;
use std::path::Path;

const TEN_MB: usize = 10 * 1024 * 1024;

const RAQQA: &str = include_str!("../assets/raqqa-news-ar.txt");
const KHARTOUM: &str = include_str!("../assets/samples/khartoum-water-ar.md");
const JERUSALEM: &str = include_str!("../assets/samples/jerusalem-light-rail-he.html");

/// `head`, then `body` repeated until the whole is at least 10 MB, then `tail`.
fn grow(head: &str, body: &str, tail: &str) -> Vec<u8> {
    let mut out = String::with_capacity(TEN_MB + body.len() + tail.len());
    out.push_str(head);
    while out.len() < TEN_MB {
        out.push_str(body);
        out.push('\n');
    }
    out.push_str(tail);
    out.into_bytes()
}

fn text_article() -> Vec<u8> {
    let (head, body) = RAQQA
        .split_once("ت + ت - الحجم الطبيعي")
        .unwrap_or(("", RAQQA));
    grow(head, body, "")
}

/// The text article in windows-1256, as old Arabic archives store it: detection included.
fn legacy_text_article() -> Vec<u8> {
    let utf8 = String::from_utf8(text_article()).unwrap_or_default();
    encoding_rs::WINDOWS_1256.encode(&utf8).0.into_owned()
}

fn markdown_article() -> Vec<u8> {
    let body_start = KHARTOUM.find("أعلنت").unwrap_or(0);
    let (head, body) = KHARTOUM.split_at(body_start);
    grow(head, body, "")
}

fn html_article() -> Vec<u8> {
    let start = JERUSALEM.find("<div class=\"story-body\">").unwrap_or(0);
    let end = JERUSALEM
        .find("<div class=\"tags\">")
        .unwrap_or(JERUSALEM.len());
    let (head, rest) = JERUSALEM.split_at(start);
    let (body, tail) = rest.split_at(end - start);
    grow(head, body, tail)
}

/// This thread's time on a CPU so far (Linux), in seconds: unlike wall time it does not grow
/// while other processes hold the cores, so it shows the loader's own cost on a busy machine.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(nanos / 1e9)
}

/// Prints the median on-CPU time of a few loads next to criterion's wall-clock figures.
fn report_cpu_time(name: &str, bytes: &[u8], path: &Path) {
    let mut times = Vec::new();
    for _ in 0..7 {
        let (Some(start), result, Some(end)) = (
            cpu_seconds(),
            load_bytes(black_box(bytes), path, &LoadOptions::default()),
            cpu_seconds(),
        ) else {
            return;
        };
        black_box(result.map(|l| l.document.sections.len()).ok());
        times.push(end - start);
    }
    times.sort_by(f64::total_cmp);
    let mb = bytes.len() as f64 / (1024.0 * 1024.0);
    eprintln!(
        "load 10 MB/{name}: median CPU time {:.1} ms for {mb:.1} MB",
        times[times.len() / 2] * 1000.0
    );
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("load 10 MB");
    group.sample_size(10);
    for (name, file, bytes) in [
        ("text", "article.txt", text_article()),
        ("markdown", "article.md", markdown_article()),
        ("html", "article.html", html_article()),
        (
            "same text in windows-1256",
            "article.txt",
            legacy_text_article(),
        ),
    ] {
        let options = LoadOptions::default();
        let path = Path::new(file);
        report_cpu_time(name, &bytes, path);
        group.bench_function(name, |b| {
            b.iter(|| {
                load_bytes(black_box(&bytes), path, &options).map(|l| l.document.sections.len())
            })
        });
    }
    // The floor under the HTML loader: html5ever building the tree, nothing else.
    let html = String::from_utf8(html_article()).unwrap_or_default();
    group.bench_function("html5ever parse alone", |b| {
        b.iter(|| {
            scraper::Html::parse_document(black_box(&html))
                .tree
                .nodes()
                .count()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
