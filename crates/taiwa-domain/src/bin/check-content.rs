//! `make check-content`: checks `content/` with the same rules as the build,
//! then prints the library's shape (the counts a content author looks at) and
//! how well the language lens hears sentences written apart from its rules
//! (`crates/taiwa-domain/tests/fixtures/lens-heldout.toml`).
//!
//! Usage: `check-content [PROJECT_ROOT]` (default: the current folder).

use std::path::PathBuf;
use taiwa_domain::content::load_library;
use taiwa_domain::content::shape::Shape;
use taiwa_domain::lens::measure::{measure, HeldOut};
use taiwa_domain::lens::Lens;
use taiwa_domain::load::read_files;
use taiwa_domain::Lang;

const HELD_OUT: &str = "crates/taiwa-domain/tests/fixtures/lens-heldout.toml";

fn main() {
    let root = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    let files = match read_files(&root.join("content"), &root) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let lib = match load_library(&files) {
        Ok(lib) => lib,
        Err(errors) => {
            eprintln!("\nThe content has {} problem(s):\n", errors.len());
            for e in &errors {
                eprintln!("  {e}");
            }
            eprintln!("\nSee content/README.md for the format.\n");
            std::process::exit(1);
        }
    };
    println!("content/ is fine.\n");
    println!("{}", Shape::of(&lib));
    let Ok(text) = std::fs::read_to_string(root.join(HELD_OUT)) else {
        println!("\n(no held-out set of lens sentences at {HELD_OUT})");
        return;
    };
    let set: HeldOut = match toml::from_str(&text) {
        Ok(set) => set,
        Err(e) => {
            eprintln!("{HELD_OUT}: {e}");
            std::process::exit(1);
        }
    };
    let lens = match Lens::compile(&lib.lens) {
        Ok(lens) => lens,
        Err(e) => {
            eprintln!("the lens does not compile: {e}");
            std::process::exit(1);
        }
    };
    println!("\nthe lens on {} held-out sentences:", set.sentence.len());
    for lang in Lang::ALL {
        let m = measure(&lens, &set, lang);
        println!(
            "  {}: recall {}/{} ({:.0}%), false alarms {}/{} ({:.0}%)",
            lang.code(),
            m.marked,
            m.to_mark,
            m.recall() * 100.0,
            m.false_alarms,
            m.plain,
            m.false_alarm_rate() * 100.0
        );
        if std::env::var_os("VERBOSE").is_some() {
            for miss in &m.misses {
                println!("    missed: {miss}");
            }
            for alarm in &m.alarms {
                println!("    marked: {alarm}");
            }
        }
    }
}
