//! The Unicode data files vendored gzipped in tests/data/, read whole.

use flate2::read::GzDecoder;
use std::io::Read;

/// The text of tests/data/`name`, a gzipped file; panics naming the file when it cannot be read.
pub fn read_gz(name: &str) -> String {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut text = String::new();
    GzDecoder::new(file)
        .read_to_string(&mut text)
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    text
}
