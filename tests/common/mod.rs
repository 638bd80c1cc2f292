//! Shared by the native integration tests: the content library, read from
//! `content/` with the same check the build runs.

use std::path::{Path, PathBuf};
use taiwa::domain::content::{load_library, Library, SourceFile};

pub fn read_dir(dir: &Path, out: &mut Vec<SourceFile>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            read_dir(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(SourceFile {
                path: path.to_string_lossy().into_owned(),
                text: std::fs::read_to_string(&path).unwrap(),
            });
        }
    }
}

/// The built-in library, or a panic listing every problem.
#[allow(dead_code)]
pub fn library() -> Library {
    let mut files = Vec::new();
    read_dir(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("content")
            .as_path(),
        &mut files,
    );
    match load_library(&files) {
        Ok(lib) => lib,
        Err(errors) => panic!(
            "{}",
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}
