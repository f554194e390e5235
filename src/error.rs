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
    /// A URL that could not be fetched.
    #[error(transparent)]
    Fetch(#[from] crate::fetch::FetchError),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Something the user should hear about that did not stop the article from loading
/// (invalid bytes replaced, an encoding guessed). Printed by the command line on stderr.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub path: PathBuf,
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}
