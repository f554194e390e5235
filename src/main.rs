//! The `sahifa` binary: parse the command line, run, report errors. The logic lives in the library.

fn main() {
    std::process::exit(sahifa::cli::main());
}
