//! Layout throughput: the sample article repeated to 10 MB, laid out at width 80 (shaped and
//! unshaped with first fit; shaped with optimal fit, ragged and justified), against `fribidi --nobreak --nopad` on the same input; and the time to lay out one
//! screen of paragraphs.
//!
//! Wall-clock times swing with the load of a shared machine, so the same comparison is also
//! printed in CPU time (Linux: `/proc/self/stat`, the process's own and its waited-for
//! children's ticks), best of three runs each.
//!
//!     cargo bench --bench layout

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sahifa::layout::{LayoutOptions, WrapAlgorithm, layout_paragraph};
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

/// CPU seconds used so far by this process and by its waited-for children, when known.
fn cpu_seconds() -> Option<(f64, f64)> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) start at the state, field 3.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let tick = |i: usize| fields.get(i - 3).and_then(|f| f.parse::<f64>().ok());
    // utime, stime, cutime, cstime are fields 14 to 17, in clock ticks (100 a second on Linux).
    Some((
        (tick(14)? + tick(15)?) / 100.0,
        (tick(16)? + tick(17)?) / 100.0,
    ))
}

/// Best-of-three CPU-time throughput of our layout and of fribidi(1), printed.
fn cpu_comparison(input: &str) {
    let Some(_) = cpu_seconds() else {
        println!("CPU time: not available here, only wall-clock results below");
        return;
    };
    let mb = input.len() as f64 / 1e6;
    for (name, options) in variants() {
        let best = (0..3)
            .filter_map(|_| {
                let (before, _) = cpu_seconds()?;
                black_box(lay_out_all(black_box(input), &options));
                Some(cpu_seconds()?.0 - before)
            })
            .min_by(f64::total_cmp);
        if let Some(seconds) = best.filter(|s| *s > 0.0) {
            println!(
                "CPU time, sahifa {name} width 80: {:.1} MB/s ({seconds:.2} s)",
                mb / seconds
            );
        }
    }
    let best = (0..3)
        .filter_map(|_| {
            let (_, before) = cpu_seconds()?;
            run_fribidi(input)?;
            Some(cpu_seconds()?.1 - before)
        })
        .min_by(f64::total_cmp);
    match best.filter(|s| *s > 0.0) {
        Some(seconds) => println!(
            "CPU time, fribidi --nobreak --nopad: {:.1} MB/s ({seconds:.2} s)",
            mb / seconds
        ),
        None => println!("CPU time, fribidi: not installed or failed, comparison skipped"),
    }
}

/// The layouts measured: first fit shaped and unshaped, then optimal fit ragged and justified.
fn variants() -> Vec<(&'static str, LayoutOptions)> {
    let first_fit = |shape| LayoutOptions {
        width: Some(80),
        shape,
        ..LayoutOptions::default()
    };
    let optimal = |justify| LayoutOptions {
        wrap: WrapAlgorithm::OptimalFit,
        justify,
        ..first_fit(true)
    };
    vec![
        ("shaped", first_fit(true)),
        ("unshaped", first_fit(false)),
        ("shaped optimal", optimal(false)),
        ("shaped optimal justified", optimal(true)),
    ]
}

fn throughput(c: &mut Criterion) {
    let input = ten_megabytes();
    time_fribidi(&input);
    cpu_comparison(&input);
    let mut group = c.benchmark_group("layout 10 MB");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(input.len() as u64));
    for (name, options) in variants() {
        let name = format!("{name} width 80");
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
    let lay_out_screen = || {
        screen
            .iter()
            .map(|p| {
                layout_paragraph::<()>(black_box(p), &[], &options)
                    .lines
                    .len()
            })
            .sum::<usize>()
    };
    if let Some((before, _)) = cpu_seconds() {
        const RUNS: u32 = 2000;
        for _ in 0..RUNS {
            black_box(lay_out_screen());
        }
        if let Some((after, _)) = cpu_seconds() {
            let micros = (after - before) * 1e6 / f64::from(RUNS);
            println!(
                "CPU time, one 80x40 screen ({} paragraphs): {micros:.0} µs",
                screen.len()
            );
        }
    }
    c.bench_function("one 80x40 screen", |b| b.iter(lay_out_screen));
}

criterion_group!(benches, throughput, one_screen);
criterion_main!(benches);
