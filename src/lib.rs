//! Taiwa (対話): a practice space for Intentional Peer Support.
//!
//! Read `ARCHITECTURE.md` first. In short: `domain` holds every rule and no
//! browser code; `store` is the only door to `localStorage`; `i18n` holds every
//! piece of UI text; `ui` draws.

/// The rules: their own crate, `crates/taiwa-domain`, without browser code.
pub use taiwa_domain as domain;

pub mod i18n;
pub mod library;
pub mod store;
pub mod ui;
