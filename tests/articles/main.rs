//! Articles end to end: every sample's structure pinned through `sahifa json`, every error path
//! of opening an article checked for message and exit status, and plain-text loading checked to
//! keep every line exactly once.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

#[path = "../common/mod.rs"]
mod common;
mod entities;
mod errors;
mod every_line_once;
mod samples;

// Shared helpers.

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn sample(name: &str) -> PathBuf {
    root().join("assets/samples").join(name)
}

pub fn run(args: &[&str]) -> Output {
    run_with_stdin(args, None)
}

pub fn run_with_stdin(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sahifa"))
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the sahifa binary runs");
    if let (Some(bytes), Some(mut pipe)) = (stdin, child.stdin.take()) {
        use std::io::Write;
        pipe.write_all(bytes).expect("stdin accepts the article");
    }
    child.wait_with_output().expect("sahifa finishes")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[track_caller]
pub fn json_of(args: &[&str]) -> Value {
    let output = run(args);
    assert!(
        output.status.success(),
        "sahifa {args:?} failed: {}",
        stderr(&output)
    );
    serde_json::from_slice(&output.stdout).expect("sahifa json prints JSON")
}

#[track_caller]
pub fn json(path: &Path) -> Value {
    json_of(&["json", path.to_str().expect("utf-8 path")])
}

pub fn str_of(value: &Value) -> &str {
    value.as_str().unwrap_or_default()
}

/// Each section as (heading, block kinds).
pub fn outline(article: &Value) -> Vec<(Option<String>, Vec<String>)> {
    article["sections"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|s| {
            let kinds = s["blocks"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|b| str_of(&b["kind"]).to_owned())
                .collect();
            (s["heading"].as_str().map(str::to_owned), kinds)
        })
        .collect()
}

pub fn blocks_of_kind<'a>(article: &'a Value, kind: &str) -> Vec<&'a Value> {
    article["sections"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|s| s["blocks"].as_array().into_iter().flatten())
        .filter(|b| b["kind"] == kind)
        .collect()
}

/// Every string in the article, for "this never appears anywhere" checks.
pub fn all_text(value: &Value) -> String {
    match value {
        Value::String(s) => format!("{s}\n"),
        Value::Array(items) => items.iter().map(all_text).collect(),
        Value::Object(map) => map.values().map(all_text).collect(),
        _ => String::new(),
    }
}

pub fn temp_path(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("sahifa-articles-{}-{name}", std::process::id()))
}

pub fn kinds(list: &[&str]) -> Vec<String> {
    list.iter().map(|k| (*k).to_owned()).collect()
}

pub fn section(heading: Option<&str>, list: &[&str]) -> (Option<String>, Vec<String>) {
    (heading.map(str::to_owned), kinds(list))
}
