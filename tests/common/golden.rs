//! Golden screenshots under `tests/screenshots/`: a screen compared with its reviewed file, or
//! the file rewritten when `UPDATE_SCREENSHOTS=1` (after a deliberate change; review the diff).
//!
//! A mismatch is reported as the first row that differs, both versions shown with escapes
//! visible, so a one-cell or colour-only difference is easy to find.

use std::path::PathBuf;

/// Where the golden `name.ext` lives.
pub fn path(name: &str, ext: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/screenshots")
        .join(format!("{name}.{ext}"))
}

/// Whether goldens are being rewritten rather than checked.
pub fn updating() -> bool {
    std::env::var_os("UPDATE_SCREENSHOTS").is_some_and(|v| v == "1")
}

/// Checks `actual` against the golden `name.ext` (or rewrites it when updating).
pub fn check(name: &str, ext: &str, actual: &str) -> Result<(), String> {
    let path = path(name, ext);
    if updating() {
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, actual));
        return written.map_err(|e| format!("{}: {e}", path.display()));
    }
    let expected = std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "{}: {e} (run UPDATE_SCREENSHOTS=1 cargo test to create it)",
            path.display()
        )
    })?;
    match difference(&expected, actual) {
        None => Ok(()),
        Some(diff) => Err(format!("{}: {diff}", path.display())),
    }
}

/// The first row where two screenshots differ, described; `None` when they are equal.
pub fn difference(expected: &str, actual: &str) -> Option<String> {
    if expected == actual {
        return None;
    }
    let (mut want, mut got) = (expected.lines(), actual.lines());
    let mut row = 0;
    loop {
        match (want.next(), got.next()) {
            (Some(a), Some(b)) if a == b => row += 1,
            (a, b) => {
                return Some(format!(
                    "row {row} differs\n  expected: {}\n  actual:   {}",
                    a.map_or("(no row)".to_owned(), |l| format!("{l:?}")),
                    b.map_or("(no row)".to_owned(), |l| format!("{l:?}")),
                ));
            }
        }
    }
}
