//! One module per subcommand; each takes its parsed arguments and does its whole job.

pub mod bidi;
pub mod feed;
pub mod json;
pub mod print;
pub mod read;
pub mod shot;
