//! Checks the content library and writes it out as JSON, one file per language.
//!
//! Reads every TOML file under `content/`, checks it with the same code the app
//! uses (`src/domain`), and writes `content.ja.json` and `content.en.json` to
//! OUT_DIR; Trunk's post-build hook (`scripts/post-build.mjs`) copies them into
//! `dist/content/` under a name with their hash. Any problem stops the build with
//! a message that names the file and the field.

#[allow(dead_code, unused_imports)]
#[path = "src/domain/mod.rs"]
mod domain;

use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(read) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = read.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}

fn main() {
    println!("cargo::rerun-if-changed=content");
    println!("cargo::rerun-if-changed=src/domain");
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into()));
    let mut paths = Vec::new();
    collect(&root.join("content"), &mut paths);
    let mut files = Vec::new();
    for path in paths {
        let shown = path
            .strip_prefix(&root)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        match std::fs::read_to_string(&path) {
            Ok(text) => files.push(domain::content::SourceFile { path: shown, text }),
            Err(e) => {
                eprintln!("{shown}: cannot be read: {e}");
                std::process::exit(1);
            }
        }
    }
    match domain::content::load_library(&files) {
        Ok(library) => {
            // One file per language: a phone loads only the language it shows.
            let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into()));
            for lang in domain::Lang::ALL {
                let json = serde_json::to_string(&library.only(lang)).unwrap_or_default();
                let path = out.join(format!("content.{}.json", lang.code()));
                if let Err(e) = std::fs::write(&path, json) {
                    eprintln!("cannot write {}: {e}", path.display());
                    std::process::exit(1);
                }
            }
        }
        Err(errors) => {
            eprintln!("\nThe content has {} problem(s):\n", errors.len());
            for e in &errors {
                eprintln!("  {e}");
            }
            eprintln!("\nSee content/README.md for the format.\n");
            std::process::exit(1);
        }
    }
}
