//! Checks the content library and writes it out as JSON, with the app's
//! route table.
//!
//! Reads every TOML file under `content/` and checks it with the rules crate
//! (`crates/taiwa-domain`), the same code the app runs on a user's own items.
//! Writes into OUT_DIR:
//!
//! - `content.ja.json`, `content.en.json`: the library, one language each;
//! - `routes.json`: the app's pages, for the service worker's list of app
//!   pages and the browser tests.
//!
//! `scripts/build.mjs` learns OUT_DIR from cargo's own messages and copies
//! them into the build. Any problem stops the build with a message that names
//! the file and the field.

use std::path::PathBuf;
use taiwa_domain::{content::load_library, load::read_files, routes::ROUTES, Lang};

fn fail(message: String) -> ! {
    eprintln!("{message}");
    std::process::exit(1);
}

fn write(path: PathBuf, text: String) {
    if let Err(e) = std::fs::write(&path, text) {
        fail(format!("cannot write {}: {e}", path.display()));
    }
}

fn main() {
    println!("cargo::rerun-if-changed=content");
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into()));
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into()));
    let files = read_files(&root.join("content"), &root).unwrap_or_else(|e| fail(e));
    let library = match load_library(&files) {
        Ok(library) => library,
        Err(errors) => {
            let lines: Vec<String> = errors.iter().map(|e| format!("  {e}")).collect();
            fail(format!(
                "\nThe content has {} problem(s):\n\n{}\n\nSee content/README.md for the format.\n",
                errors.len(),
                lines.join("\n")
            ))
        }
    };
    // One file per language: a phone loads only the language it shows.
    for lang in Lang::ALL {
        let json = serde_json::to_string(&library.only(lang)).unwrap_or_default();
        write(out.join(format!("content.{}.json", lang.code())), json);
    }
    write(
        out.join("routes.json"),
        serde_json::to_string(&ROUTES).unwrap_or_default(),
    );
}
