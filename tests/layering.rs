//! The module import graph, read from the sources (a short scanner of `crate::…` and
//! `super::…` paths, not a compiler): the layering rules of the architecture hold.
//!
//! - `cli` only parses: it never names `commands`, and no command names `cli` (both use `args`).
//! - A command never calls another (`commands/x` never names `commands::y`).
//! - Inside `ui`, module imports form no cycle (a new view or panel depends on the app's data,
//!   never the other way round through it).
//! - The stages before render (`source`, `decode`, `load`, `analyse`, `layout`, `page`) never
//!   name ratatui or crossterm.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `src/`, with its module path (`ui::app`, `commands::read::screen`).
fn modules() -> Vec<(Vec<String>, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is readable") {
            let path: PathBuf = entry.expect("an entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path.strip_prefix(&root).expect("under src");
                let mut parts: Vec<String> = relative
                    .with_extension("")
                    .iter()
                    .map(|p| p.to_string_lossy().into_owned())
                    .collect();
                if parts
                    .last()
                    .is_some_and(|p| p == "mod" || p == "lib" || p == "main")
                {
                    parts.pop();
                }
                let text = std::fs::read_to_string(&path).expect("a readable source");
                files.push((parts, without_tests(&text)));
            }
        }
    }
    files
}

/// The source without its unit tests (they may reach anywhere).
fn without_tests(text: &str) -> String {
    match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => text.get(..at).unwrap_or(text).to_owned(),
        None => text.to_owned(),
    }
}

/// The absolute module paths a file names: `crate::a::b`, `super::c` (relative to the file's
/// module), and names inside one level of braces (`crate::{a, b}`).
fn references(module: &[String], text: &str) -> BTreeSet<Vec<String>> {
    let mut found = BTreeSet::new();
    for (prefix, base) in [("crate::", Vec::new()), ("super::", parent(module))] {
        for (at, _) in text.match_indices(prefix) {
            let before = text.get(..at).and_then(|t| t.chars().next_back());
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let rest = text.get(at + prefix.len()..).unwrap_or_default();
            for path in paths(rest) {
                let mut full = base.clone();
                full.extend(path);
                found.insert(full);
            }
        }
    }
    found
}

fn parent(module: &[String]) -> Vec<String> {
    module[..module.len().saturating_sub(1)].to_vec()
}

/// `a::b::C` → [a, b, C]; `{a, b::c}` → [a], [b, c].
fn paths(rest: &str) -> Vec<Vec<String>> {
    let ident = |s: &str| -> Vec<String> {
        s.split("::")
            .map(|p| {
                p.chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect::<String>()
            })
            .take_while(|p| !p.is_empty())
            .collect()
    };
    if let Some(inner) = rest.strip_prefix('{') {
        let end = inner.find('}').unwrap_or(inner.len());
        inner
            .get(..end)
            .unwrap_or_default()
            .split(',')
            .map(|p| ident(p.trim()))
            .filter(|p| !p.is_empty())
            .collect()
    } else {
        vec![ident(rest)]
    }
}

fn starts_with(path: &[String], prefix: &[&str]) -> bool {
    path.len() >= prefix.len() && path.iter().zip(prefix).all(|(a, b)| a == b)
}

#[test]
fn cli_and_commands_do_not_import_each_other_and_commands_do_not_call_each_other() {
    let mut problems = Vec::new();
    for (module, text) in modules() {
        for path in references(&module, &text) {
            if starts_with(&module, &["cli"]) && starts_with(&path, &["commands"]) {
                problems.push(format!("cli names {}", path.join("::")));
            }
            if starts_with(&module, &["commands"]) && starts_with(&path, &["cli"]) {
                problems.push(format!("{} names cli", module.join("::")));
            }
            if module.len() >= 2
                && starts_with(&module, &["commands"])
                && starts_with(&path, &["commands"])
                && path.len() >= 2
                && path[1] != module[1]
            {
                problems.push(format!("{} names {}", module.join("::"), path.join("::")));
            }
        }
    }
    assert_eq!(problems, Vec::<String>::new());
}

#[test]
fn the_reader_modules_import_each_other_without_a_cycle() {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let all = modules();
    let known: BTreeSet<String> = all
        .iter()
        .filter(|(m, _)| m.len() >= 2 && m[0] == "ui")
        .map(|(m, _)| m[1].clone())
        .collect();
    for (module, text) in &all {
        if module.len() < 2 || module[0] != "ui" || module[1] == "tests" {
            continue;
        }
        for path in references(module, text) {
            if path.len() >= 2
                && path[0] == "ui"
                && known.contains(&path[1])
                && path[1] != module[1]
            {
                graph
                    .entry(module[1].clone())
                    .or_default()
                    .insert(path[1].clone());
            }
        }
    }
    // Depth-first search for a back edge.
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        trail: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = trail.iter().position(|n| n == node) {
            let mut cycle = trail[at..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        trail.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, trail, done) {
                return Some(cycle);
            }
        }
        trail.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        let cycle = visit(node, &graph, &mut Vec::new(), &mut done);
        assert_eq!(cycle, None, "ui modules import each other in a cycle");
    }
}

#[test]
fn stages_before_render_know_no_terminal() {
    let mut problems = Vec::new();
    for (module, text) in modules() {
        let stage = ["source", "decode", "load", "analyse", "layout", "page"]
            .iter()
            .any(|s| module.first().is_some_and(|m| m == s));
        let code = text.lines().filter(|l| !l.trim_start().starts_with("//"));
        let names = |l: &str| l.contains("ratatui") || l.contains("crossterm");
        if stage && code.into_iter().any(names) {
            problems.push(module.join("::"));
        }
    }
    assert_eq!(problems, Vec::<String>::new());
}

#[test]
fn the_scanner_reads_grouped_and_relative_paths() {
    let module = ["ui".to_owned(), "app".to_owned()];
    let found = references(
        &module,
        "use super::{action::Key, view};\nuse crate::cli::Cli;",
    );
    let expected: BTreeSet<Vec<String>> = [
        vec!["ui", "action", "Key"],
        vec!["ui", "view"],
        vec!["cli", "Cli"],
    ]
    .into_iter()
    .map(|p| p.into_iter().map(str::to_owned).collect())
    .collect();
    assert_eq!(found, expected);
}
