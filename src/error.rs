//! Library errors. Each names the file it is about and says what is wrong in one line.

use std::path::PathBuf;

/// Everything that can go wrong turning user input into an article.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be read (missing, a directory, no permission…).
    #[error("{path}: {reason}")]
    Read { path: PathBuf, reason: String },
    /// The bytes are not text.
    #[error("{path}: looks like binary data, not an article")]
    Binary { path: PathBuf },
    /// Anything else about the input, already phrased for the user.
    #[error("{path}: {reason}")]
    Invalid { path: PathBuf, reason: String },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
