//! The `sahifa` binary: parse the command line, run the command it names, report errors. The
//! logic lives in the library.

use sahifa::cli::{self, Invocation};
use sahifa::commands::{bidi, doctor, json, print, read, shot};

fn main() {
    let invocation = match cli::parse() {
        Ok(invocation) => invocation,
        Err(e) if e.use_stderr() => {
            // A usage error may echo an argument (a file name): shown, never obeyed.
            for line in e.render().to_string().lines() {
                eprintln!("{}", sahifa::escape::Visible(line));
            }
            std::process::exit(2);
        }
        Err(e) => {
            let _ = e.print();
            std::process::exit(0);
        }
    };
    let result = match &invocation {
        Invocation::Read(source, args) => read::run(source, args),
        Invocation::Print(source, args) => print::run(source, args),
        Invocation::Json(source, args) => json::run(source, args),
        Invocation::Bidi(source, args) => bidi::run(source, args),
        Invocation::Shot(source, args) => shot::run(source, args),
        Invocation::Feeds(args) => read::run_feeds(args),
        Invocation::Doctor => doctor::run(),
    };
    if let Err(e) = result {
        eprintln!("sahifa: {}", sahifa::escape::Visible(format!("{e:#}")));
        std::process::exit(1);
    }
}
