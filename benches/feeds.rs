//! Feed speed: parsing a 10 MB Arabic RSS feed (the fixture's first item repeated, with
//! `content:encoded`) and composing the rows of its list at 100 columns.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sahifa::feed::list::FeedList;
use sahifa::feed::read_state::ReadState;
use sahifa::feed::rows::{RowOptions, compose};
use sahifa::page::PageOptions;

const FIXTURE: &str = include_str!("../tests/feeds/akhbar-ar.rss");
const TARGET_BYTES: usize = 10 * 1024 * 1024;

/// The fixture with its first item repeated (each with its own GUID) to 10 MB.
fn big_feed() -> String {
    let start = FIXTURE.find("<item>").unwrap_or(0);
    let end = FIXTURE
        .find("</item>")
        .map_or(FIXTURE.len(), |e| e + "</item>".len());
    let (head, item) = (
        FIXTURE.get(..start).unwrap_or(""),
        FIXTURE.get(start..end).unwrap_or(""),
    );
    let mut xml = head.to_owned();
    let mut n = 0;
    while xml.len() < TARGET_BYTES {
        xml.push_str(&item.replace("akhbar-2026-1206-001", &format!("g{n}")));
        n += 1;
    }
    xml.push_str("</channel></rss>");
    xml
}

fn feeds(c: &mut Criterion) {
    let xml = big_feed();
    let mut group = c.benchmark_group("feeds");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(xml.len() as u64));
    group.bench_function("parse_10mb_rss", |b| {
        b.iter(|| {
            let feed = sahifa::feed::parse(black_box(xml.as_bytes()), "big.rss", None);
            black_box(feed.map(|f| f.items.len()).unwrap_or(0))
        })
    });
    let feed = sahifa::feed::parse(xml.as_bytes(), "big.rss", None).expect("the feed parses");
    let list = FeedList::single(feed, "big.rss", ReadState::in_memory());
    let options = RowOptions {
        width: 100,
        page: PageOptions::default(),
        now: chrono::DateTime::from_timestamp(1_796_590_800, 0).unwrap_or_default(),
    };
    group.bench_function("rows_of_10mb_rss", |b| {
        b.iter(|| black_box(compose(black_box(&list), &options)).len())
    });
    group.finish();
}

criterion_group!(benches, feeds);
criterion_main!(benches);
