//! Errors of the screenshot writers; each names the output file.

use std::path::PathBuf;

/// What can go wrong writing a screenshot.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The output path does not end in a known screenshot extension.
    #[error("{path}: unknown screenshot format (use .txt, .ansi, .svg or .png)")]
    UnknownFormat { path: PathBuf },
    /// The file could not be written.
    #[error("{path}: {reason}")]
    Write { path: PathBuf, reason: String },
    /// The PNG encoder failed (in memory, so this is not about the file).
    #[error("PNG encoding failed: {0}")]
    Png(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
