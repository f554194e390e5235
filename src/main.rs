//! The `sahifa` binary: parse the command line, run the command it names, report errors. The
//! logic lives in the library.

use sahifa::cli::{self, Invocation};
use sahifa::commands::{bidi, doctor, json, print, read, shot};

fn main() {
    let invocation = match cli::parse() {
        Ok(invocation) => invocation,
        Err(e) => {
            let _ = e.print();
            std::process::exit(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let result = match &invocation {
        Invocation::Read(source, args) => read::run(source, args),
        Invocation::Print(source, args) => print::run(source, args),
        Invocation::Json(source, args) => json::run(source, args),
        Invocation::Bidi(source, args) => bidi::run(source, args),
        Invocation::Shot(source, args) => shot::run(source, args),
        Invocation::Doctor => doctor::run(),
    };
    if let Err(e) = result {
        eprintln!("sahifa: {e:#}");
        std::process::exit(1);
    }
}
