//! Layout throughput: the sample article repeated to 10 MB, laid out at width 80 (shaped and
//! unshaped), against `fribidi --nobreak --nopad` on the same input; and the time to lay out one
//! screen of paragraphs.
//!
//!     cargo bench --bench layout

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sahifa::layout::{LayoutOptions, layout_paragraph};
use std::hint::black_box;
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Instant;

const TARGET_BYTES: usize = 10 * 1024 * 1024;

fn article() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/raqqa-news-ar.txt");
    std::fs::read_to_string(path).expect("the sample article")
}

fn ten_megabytes() -> String {
    let article = article();
    let mut input = String::with_capacity(TARGET_BYTES + article.len());
    while input.len() < TARGET_BYTES {
        input.push_str(&article);
        if !input.ends_with('\n') {
            input.push('\n');
        }
    }
    input
}

fn lay_out_all(input: &str, options: &LayoutOptions) -> usize {
    input
        .lines()
        .map(|line| layout_paragraph::<()>(line, &[], options).lines.len())
        .sum()
}

/// fribidi(1) on the same input, best of three runs; skipped when it is not installed.
fn time_fribidi(input: &str) {
    let best = (0..3)
        .filter_map(|_| run_fribidi(input))
        .min_by(f64::total_cmp);
    match best {
        Some(seconds) => println!(
            "fribidi --nobreak --nopad: {:.1} MB/s ({} bytes in {seconds:.3} s, best of 3)",
            input.len() as f64 / 1e6 / seconds,
            input.len()
        ),
        None => println!("fribidi: not installed or failed, comparison skipped"),
    }
}

/// Seconds fribidi(1) takes for `input`, or `None` when it cannot run.
fn run_fribidi(input: &str) -> Option<f64> {
    let child = Command::new("fribidi")
        .args(["--nobreak", "--nopad"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    let mut child = child.ok()?;
    let start = Instant::now();
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(input.as_bytes()).ok()?;
    }
    let status = child.wait().ok()?;
    status.success().then(|| start.elapsed().as_secs_f64())
}

fn throughput(c: &mut Criterion) {
    let input = ten_megabytes();
    time_fribidi(&input);
    let mut group = c.benchmark_group("layout 10 MB");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(input.len() as u64));
    for (name, shape) in [("shaped width 80", true), ("unshaped width 80", false)] {
        let options = LayoutOptions {
            width: Some(80),
            shape,
            ..LayoutOptions::default()
        };
        group.bench_function(name, |b| {
            b.iter(|| lay_out_all(black_box(&input), &options))
        });
    }
    group.finish();
}

fn one_screen(c: &mut Criterion) {
    let options = LayoutOptions {
        width: Some(80),
        ..LayoutOptions::default()
    };
    // The paragraphs that fill a 80x40 screen from the top of the article.
    let article = article();
    let mut screen = Vec::new();
    let mut rows = 0;
    for line in article.lines() {
        if rows >= 40 {
            break;
        }
        rows += layout_paragraph::<()>(line, &[], &options).lines.len();
        screen.push(line);
    }
    c.bench_function("one 80x40 screen", |b| {
        b.iter(|| {
            screen
                .iter()
                .map(|p| {
                    layout_paragraph::<()>(black_box(p), &[], &options)
                        .lines
                        .len()
                })
                .sum::<usize>()
        })
    });
}

criterion_group!(benches, throughput, one_screen);
criterion_main!(benches);
