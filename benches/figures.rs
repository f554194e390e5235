//! Figure pictures: what opening an article with many large local pictures costs, and the first
//! frame that paints one. A plain harness (`cargo bench --bench figures`) printing milliseconds.
//!
//! The article is made here, in a scratch directory: 20 figures naming copies of one
//! 4000x3000 JPEG (nothing large is kept in the repository). "Decoding every picture" is the
//! work the reader did at start before pictures were decoded at their first paint.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sahifa::document::Document;
use sahifa::load::figure_files::{self, local_path};
use sahifa::load::{self, LoadOptions};
use sahifa::source::Source;
use sahifa::ui::figures::Figures;
use sahifa::ui::{Action, App, ReaderOptions};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

const COPIES: usize = 20;
const SAMPLE: &str = "assets/samples/khartoum-water-ar.md";

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Median of five runs of `f`, with the fastest and slowest.
fn median(mut f: impl FnMut() -> Duration) -> (f64, f64, f64) {
    let mut runs: Vec<f64> = (0..5).map(|_| ms(f())).collect();
    runs.sort_by(f64::total_cmp);
    (runs[2], runs[0], runs[4])
}

fn timed(f: impl FnOnce()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

/// A scratch directory with a 4000x3000 JPEG copied `COPIES` times and an article naming them.
fn big_article() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sahifa-bench-figures-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let picture = image::RgbImage::from_fn(4000, 3000, |x, y| {
        // Gradients with some texture, so the JPEG is not trivially small.
        let n = (x.wrapping_mul(7919) ^ y.wrapping_mul(104_729)) % 64;
        image::Rgb([(x / 16) as u8, (y / 12) as u8, ((x + y) % 192 + n) as u8])
    });
    let first = dir.join("photo-0.jpg");
    picture.save(&first).expect("JPEG written");
    let mut article = String::from("# Photographs\n\nA paragraph before the photographs.\n\n");
    for i in 0..COPIES {
        let name = format!("photo-{i}.jpg");
        if i > 0 {
            std::fs::copy(&first, dir.join(&name)).expect("copied");
        }
        article.push_str(&format!(
            "![Photograph {i}]({name} \"Caption {i}\")\n\nA paragraph after photograph {i}.\n\n"
        ));
    }
    let path = dir.join("article.md");
    std::fs::write(&path, article).expect("article written");
    path
}

fn report(name: &str, path: &Path) {
    let doc = load::open(&Source::File(path.into()), &LoadOptions::default())
        .expect("loads")
        .document;
    let dir = path.parent().expect("a directory");
    let (load, lo, hi) = median(|| {
        let mut doc = doc.clone();
        timed(|| drop(Figures::load(&mut doc, Some(dir), None, false)))
    });
    println!("{name}: Figures::load (sizes only) {load:.2} ms (median of 5; {lo:.2}–{hi:.2})");
    let files: Vec<_> = doc
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            sahifa::document::Block::Figure { src, .. } => local_path(dir, src),
            _ => None,
        })
        .filter_map(|p| figure_files::probe(&p).ok())
        .collect();
    let (all, lo, hi) = median(|| {
        timed(|| {
            for file in &files {
                drop(figure_files::decode(file));
            }
        })
    });
    println!(
        "{name}: decoding every picture ({}) {all:.1} ms ({lo:.1}–{hi:.1})",
        files.len()
    );

    // The first frame that paints a picture decodes it; the next ones reuse it.
    let (first, encode, again) = first_paint(&doc, dir, false);
    println!(
        "{name}: first frame with a picture {first:.1} ms (encoding for the terminal alone \
         {encode:.1} ms), the same frame again {again:.2} ms"
    );
    // The terminal reader decodes in the background: the frame shows the box blank, the
    // picture comes in a later frame.
    let (first, ready, next) = first_paint(&doc, dir, true);
    println!(
        "{name}: decoding in the background: that frame {first:.1} ms, the picture ready \
         {ready:.1} ms later, its frame {next:.1} ms"
    );
}

/// Times, in a 100x30 reader on the first figure: with `background` off, the first frame, a
/// frame that only encodes the picture again, and a frame that reuses everything; with it on,
/// the first frame, the wait for the picture, and the frame that paints it.
fn first_paint(doc: &Document, dir: &Path, background: bool) -> (f64, f64, f64) {
    let mut options = ReaderOptions::new(Arc::new(|doc: &Document, w| {
        sahifa::page::compose(doc, w, &sahifa::page::PageOptions::default()).lines
    }));
    options.figure_dir = Some(dir.to_path_buf());
    options.background = background;
    let mut app = App::with_size(doc.clone(), options, 100, 30);
    app.handle(Action::NextBox);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    let frame = |app: &mut App, terminal: &mut Terminal<TestBackend>| {
        ms(timed(|| {
            terminal.draw(|f| app.draw(f)).expect("drawn");
        }))
    };
    let first = frame(&mut app, &mut terminal);
    if background {
        let start = Instant::now();
        while app.decoding_pictures() {
            std::thread::sleep(Duration::from_millis(1));
        }
        let ready = ms(start.elapsed());
        assert!(app.poll_background(), "the picture's frame is asked for");
        return (first, ready, frame(&mut app, &mut terminal));
    }
    let again = frame(&mut app, &mut terminal);
    // One row less keeps the column and the picture's cells but drops the encoded pictures:
    // encoding alone, the pixels already decoded (all a first paint cost before).
    terminal.backend_mut().resize(100, 29);
    let encode = frame(&mut app, &mut terminal);
    (first, encode, again)
}

fn main() {
    let path = big_article();
    report(&format!("{COPIES} x 4000x3000 JPEG"), &path);
    report(
        "sample",
        &Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE),
    );
    let _ = std::fs::remove_dir_all(path.parent().unwrap_or(&path));
}
