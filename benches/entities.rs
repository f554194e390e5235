//! Entity tagger speed: tagging throughput on a 10 MB Arabic article (the sample repeated) and
//! the time to build the automaton at start-up.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sahifa::analyse::entities::Tagger;

const SAMPLE: &str = include_str!("../assets/raqqa-news-ar.txt");
const TARGET_BYTES: usize = 10 * 1024 * 1024;

fn big_article() -> String {
    let mut text = String::with_capacity(TARGET_BYTES + SAMPLE.len());
    while text.len() < TARGET_BYTES {
        text.push_str(SAMPLE);
        text.push('\n');
    }
    text
}

fn tagging(c: &mut Criterion) {
    let tagger = Tagger::new(&[]);
    let text = big_article();
    let mut group = c.benchmark_group("entities");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("tag_10mb_arabic", |b| {
        b.iter(|| black_box(tagger.tag_text(black_box(&text))).len())
    });
    group.finish();
}

fn building(c: &mut Criterion) {
    let mut group = c.benchmark_group("entities");
    group.sample_size(20);
    group.bench_function("build_tagger", |b| {
        b.iter(|| black_box(Tagger::new(&[])).phrases())
    });
    group.finish();
}

criterion_group!(benches, building, tagging);
criterion_main!(benches);
