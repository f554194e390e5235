//! The articles tests read: the sample and the samples under `assets/`, and big articles
//! generated from the sample.

use std::io::Write;
use std::path::{Path, PathBuf};

const SAMPLE: &str = include_str!("../../assets/raqqa-news-ar.txt");

/// The built-in sample, then every sample article under `assets/samples` in name order.
pub fn corpus() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    let mut samples: Vec<PathBuf> = std::fs::read_dir(root.join("samples"))
        .expect("assets/samples is readable")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && !p.ends_with("README.md"))
        .collect();
    samples.sort();
    let mut paths = vec![root.join("raqqa-news-ar.txt")];
    paths.extend(samples);
    paths
}

/// The sample's body repeated under numbered headings until at least `bytes` are written to
/// `out`; the bytes written.
pub fn write_big_article(bytes: usize, out: &mut impl Write) -> usize {
    let body: String = SAMPLE.lines().skip(2).collect::<Vec<_>>().join("\n");
    let head = "مقالة طويلة\n\nللاختبار\n\n";
    out.write_all(head.as_bytes()).expect("written");
    let (mut written, mut n) = (head.len(), 0);
    while written < bytes {
        n += 1;
        let chunk = format!("الفصل {n}\n\n{body}\n\n");
        out.write_all(chunk.as_bytes()).expect("written");
        written += chunk.len();
    }
    written
}
