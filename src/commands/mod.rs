//! One module per subcommand; each takes its source and parsed arguments (from `cli`, dispatched
//! by `main`) and does its whole job. A command never calls another: what two share lives
//! outside (`settings`, `output`, `ui`).

pub mod bidi;
pub mod doctor;
pub mod json;
pub mod print;
pub mod read;
pub mod shot;
