//! The content library, checked by `build.rs` and embedded in the app.

use crate::domain::content::Library;
use std::sync::OnceLock;

static JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/content.json"));

/// The built-in library, parsed on first use.
pub fn library() -> &'static Library {
    static LIB: OnceLock<Library> = OnceLock::new();
    // The JSON was written by build.rs from checked content, so it parses; an
    // empty library is still a working app if it somehow does not.
    LIB.get_or_init(|| serde_json::from_str(JSON).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    #[test]
    fn embedded_library_parses() {
        let parsed: Result<crate::domain::content::Library, _> = serde_json::from_str(super::JSON);
        assert!(parsed.is_ok());
    }
}
