//! The `sahifa` binary the tests run: the one cargo built for them, or the one `SAHIFA_BIN`
//! names (to test an installed binary, or a copy safe from a build directory shared with other
//! checkouts, where another build can replace the binary while tests run).

/// Path of the binary under test.
pub fn sahifa() -> String {
    std::env::var("SAHIFA_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_sahifa").to_owned())
}
