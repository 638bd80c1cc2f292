//! The rules of Taiwa, in plain Rust.
//!
//! Nothing in here touches the browser or Leptos: every module compiles and is
//! tested on the host with `cargo test`. The build script (`build.rs`) includes this
//! module too, so the content check at build time and the checks the app runs on
//! a user's own items are the same code.

pub mod backup;
pub mod browser;
pub mod content;
pub mod document;
pub mod journal;
pub mod lang;
pub mod lens;
pub mod own;
pub mod practice;
pub mod revisit;
pub mod session;
pub mod settings;
pub mod share;
pub mod studio;
pub mod update;

pub use lang::{Lang, Text};
