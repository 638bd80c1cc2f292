//! Shared by the native integration tests: the content library, read from
//! the project's `content/` with the same check the build runs.

use std::path::{Path, PathBuf};
use taiwa_domain::content::{load_library, Library, SourceFile};

/// The project's root (this crate is `crates/taiwa-domain`).
#[allow(dead_code)]
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The `.toml` files under `dir`, or a panic.
#[allow(dead_code)]
pub fn files(dir: &Path) -> Vec<SourceFile> {
    taiwa_domain::load::read_files(dir, dir).unwrap_or_else(|e| panic!("{e}"))
}

/// The built-in library, or a panic listing every problem.
#[allow(dead_code)]
pub fn library() -> Library {
    let root = root();
    let files = taiwa_domain::load::read_files(&root.join("content"), &root)
        .unwrap_or_else(|e| panic!("{e}"));
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
