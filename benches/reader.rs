//! Reader timings: start to first frame (sample and a 10 MB article), and `G`, `n` and a resize
//! on the 10 MB article. A plain harness (`cargo bench --bench reader`) printing milliseconds,
//! because the interesting number is the single worst case a user waits for, not a mean.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sahifa::cli::ReadArgs;
use sahifa::commands::read::{SAMPLE, SAMPLE_NAME, reader_options};
use sahifa::load::{self, LoadOptions};
use sahifa::ui::config::Config;
use sahifa::ui::{Action, App, Key};
use std::path::Path;
use std::time::{Duration, Instant};

/// The sample's body repeated under numbered headings until it is `bytes` long.
fn big_article(bytes: usize) -> String {
    let body: String = SAMPLE.lines().skip(2).collect::<Vec<_>>().join("\n");
    let mut text = String::from("مقالة طويلة جدا\n\nللاختبار فقط\n\n");
    let mut n = 0;
    while text.len() < bytes {
        n += 1;
        text.push_str(&format!("الفصل {n}\n\n{body}\n\n"));
    }
    text
}

fn time<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let out = f();
    (out, start.elapsed())
}

fn open(text: &str, name: &str, cols: u16, rows: u16) -> (App, Terminal<TestBackend>) {
    let loaded = load::load_bytes(text.as_bytes(), Path::new(name), &LoadOptions::default())
        .expect("loads");
    let options = reader_options(&ReadArgs::default(), &Config::default(), &mut Vec::new());
    let mut app = App::with_size(loaded.document, options, cols, rows);
    let mut terminal = Terminal::new(TestBackend::new(cols, rows)).expect("terminal");
    terminal.draw(|f| app.draw(f)).expect("drawn");
    (app, terminal)
}

fn frame(app: &mut App, terminal: &mut Terminal<TestBackend>, action: Action) -> Duration {
    time(|| {
        app.handle(action);
        terminal.draw(|f| app.draw(f)).expect("drawn");
    })
    .1
}

fn main() {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let (_, sample) = time(|| open(SAMPLE, SAMPLE_NAME, 100, 30));
    println!("sample: start to first frame {:.1} ms", ms(sample));

    let text = big_article(10 << 20);
    let ((mut app, mut terminal), first) = time(|| open(&text, "big.txt", 100, 30));
    println!(
        "10 MB ({} page lines): start to first frame {:.1} ms",
        app.lines().len(),
        ms(first)
    );
    println!("  G: {:.2} ms", ms(frame(&mut app, &mut terminal, Action::Bottom)));
    println!("  j: {:.2} ms", ms(frame(&mut app, &mut terminal, Action::ScrollLines(1))));
    println!("  [: {:.2} ms", ms(frame(&mut app, &mut terminal, Action::PrevSection)));
    terminal.backend_mut().resize(120, 40);
    let resize = frame(&mut app, &mut terminal, Action::Resize(120, 40));
    println!("  resize to 120x40 (new width): {:.1} ms", ms(resize));
    terminal.backend_mut().resize(100, 30);
    let back = frame(&mut app, &mut terminal, Action::Resize(100, 30));
    println!("  resize back to 100x30 (cached width): {:.2} ms", ms(back));
    let (_, search) = time(|| {
        app.press(Key::Char('/'));
        "الرقة".chars().for_each(|c| app.press(Key::Char(c)));
        app.press(Key::Enter);
    });
    println!("  search الرقة ({} matches): {:.1} ms", app.search().matches.len(), ms(search));
    println!("  n: {:.2} ms", ms(frame(&mut app, &mut terminal, Action::NextMatch)));
}
