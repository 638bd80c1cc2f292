//! The rules crate's architecture, checked: each module imports only from its
//! own layer or the layers below (ground → lens → content → records →
//! document → edges), and no two modules import each other, however far
//! round. A parent module only declares and re-exports its children; the
//! children name each other by their own paths.
//!
//! This reads the crate's sources as text: `crate::…`, `super::…` and a
//! parent's `pub use child::…` are the imports (test code is left out).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const LAYERS: [&str; 6] = ["ground", "lens", "content", "records", "document", "edges"];

/// Every source file as (module path, text without its tests).
fn modules() -> BTreeMap<String, String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    let mut out = BTreeMap::new();
    for f in files {
        let rel = f
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if rel.ends_with("/tests.rs") || rel == "lib.rs" {
            continue;
        }
        let module = rel
            .trim_end_matches(".rs")
            .trim_end_matches("/mod")
            .replace('/', "::");
        let text = std::fs::read_to_string(&f).unwrap();
        let code = match text.find("#[cfg(test)]") {
            Some(at) => &text[..at],
            None => &text[..],
        };
        // Comments name modules without importing them.
        let code: String = code
            .lines()
            .map(|l| l.split("//").next().unwrap_or(""))
            .collect::<Vec<_>>()
            .join("\n");
        out.insert(module, code);
    }
    out
}

/// The words of a path, after `crate::` or the `super::`s: `a::b::{c, d}`
/// gives each branch.
fn branches(rest: &str) -> Vec<Vec<String>> {
    let mut words = Vec::new();
    let mut s = rest;
    loop {
        let end = s
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(s.len());
        if end == 0 {
            break;
        }
        words.push(s[..end].to_string());
        s = &s[end..];
        if let Some(after) = s.strip_prefix("::") {
            if let Some(inner) = after.strip_prefix('{') {
                let close = inner.find('}').unwrap_or(inner.len());
                return inner[..close]
                    .split(',')
                    .map(|b| {
                        let mut w = words.clone();
                        if let Some(first) = b.trim().split("::").next() {
                            let first: String = first
                                .chars()
                                .take_while(|c| c.is_alphanumeric() || *c == '_')
                                .collect();
                            if !first.is_empty() && first != "self" {
                                w.push(first);
                            }
                        }
                        w
                    })
                    .collect();
            }
            s = after;
        } else {
            break;
        }
    }
    vec![words]
}

/// The module a path from `from` leads to: the deepest module it names.
fn resolve(all: &BTreeSet<String>, base: &[String], words: &[String]) -> String {
    let mut at: Vec<String> = base.to_vec();
    for w in words {
        let mut next = at.clone();
        next.push(w.clone());
        if all.contains(&next.join("::")) {
            at = next;
        } else {
            break;
        }
    }
    at.join("::")
}

/// Every import of every module: (from, to).
fn imports() -> Vec<(String, String)> {
    let mods = modules();
    let all: BTreeSet<String> = mods.keys().cloned().collect();
    // Macros exported at the crate's root, by the module that defines them.
    let mut macros: BTreeMap<String, String> = BTreeMap::new();
    for (m, code) in &mods {
        for part in code.split("macro_rules!").skip(1) {
            let name: String = part
                .trim_start()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            macros.insert(name, m.clone());
        }
    }
    let mut out = Vec::new();
    for (m, code) in &mods {
        let here: Vec<String> = m.split("::").map(str::to_string).collect();
        let mut push = |to: String| {
            if to != *m {
                out.push((m.clone(), to));
            }
        };
        for (i, _) in code.match_indices("crate::") {
            let rest = &code[i + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if rest[name.len()..].starts_with('!') {
                push(macros.get(&name).cloned().unwrap_or_default());
                continue;
            }
            for words in branches(rest) {
                push(resolve(&all, &[], &words));
            }
        }
        for (i, _) in code.match_indices("super::") {
            if i >= 2 && &code[i - 2..i] == "::" {
                continue; // counted with the first `super::`
            }
            let mut up = 1;
            let mut rest = &code[i + "super::".len()..];
            while let Some(r) = rest.strip_prefix("super::") {
                up += 1;
                rest = r;
            }
            // A mod.rs is its own folder: `super` from `a::b` (a/b.rs) is `a`.
            let base = &here[..here.len().saturating_sub(up)];
            for words in branches(rest) {
                push(resolve(&all, base, &words));
            }
        }
        // A parent's `use child::…` and `pub use child::…`.
        for line in code.lines() {
            let line = line.trim_start();
            let Some(rest) = line
                .strip_prefix("pub use ")
                .or_else(|| line.strip_prefix("use "))
            else {
                continue;
            };
            let mut child = here.clone();
            child.push(
                rest.chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect(),
            );
            if all.contains(&child.join("::")) {
                push(child.join("::"));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

fn layer(module: &str) -> usize {
    let first = module.split("::").next().unwrap_or("");
    LAYERS
        .iter()
        .position(|l| *l == first)
        .unwrap_or(usize::MAX)
}

#[test]
fn every_module_imports_only_from_its_layer_or_below() {
    let bad: Vec<String> = imports()
        .into_iter()
        .filter(|(from, to)| to.is_empty() || layer(to) > layer(from))
        .map(|(from, to)| {
            if to.is_empty() {
                format!("{from} uses the crate's root re-exports: name the module")
            } else {
                format!(
                    "{from} (layer {}) imports {to} (layer {})",
                    layer(&from),
                    layer(&to)
                )
            }
        })
        .collect();
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    // (The check sees the imports it should: a real one, a sibling's.)
    let all = imports();
    assert!(all.contains(&("records::journal".into(), "ground::stamp".into())));
    assert!(all.contains(&(
        "records::session::run".into(),
        "records::session::plan".into()
    )));
}

#[test]
fn no_two_modules_import_each_other_however_far_round() {
    let mut graph: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (from, to) in imports() {
        graph.entry(from).or_default().push(to);
    }
    fn visit(
        at: &str,
        graph: &BTreeMap<String, Vec<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
        found: &mut Vec<String>,
    ) {
        if let Some(i) = path.iter().position(|p| p == at) {
            let mut circle = path[i..].to_vec();
            circle.push(at.to_string());
            found.push(circle.join(" → "));
            return;
        }
        if !done.insert(at.to_string()) {
            return;
        }
        path.push(at.to_string());
        for next in graph.get(at).into_iter().flatten() {
            visit(next, graph, path, done, found);
        }
        path.pop();
    }
    let mut found = Vec::new();
    let mut done = BTreeSet::new();
    for start in graph.keys() {
        visit(start, &graph, &mut Vec::new(), &mut done, &mut found);
    }
    assert!(found.is_empty(), "circles:\n{}", found.join("\n"));
}
