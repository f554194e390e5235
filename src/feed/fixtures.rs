//! The feeds in tests/feeds/, parsed, and the moment their ages are counted from (tests only).

use super::{Feed, parse};
use chrono::{DateTime, Utc};

/// 2026-12-06T21:00:00Z.
pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_796_590_800, 0).unwrap_or_default()
}

/// The bytes of tests/feeds/NAME.
pub fn bytes(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/feeds/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// tests/feeds/NAME, parsed.
pub fn feed(name: &str) -> Feed {
    parse(&bytes(name), name, None).unwrap_or_else(|e| panic!("{e}"))
}
