//! One module per page; a page composes widgets.

pub mod about;
pub mod coming;
pub mod concepts;
pub mod data;
pub mod facilitate;
pub mod home;
pub mod journal;
pub mod lens;
pub mod mine;
pub mod not_found;
pub mod open;
pub mod reframe;
pub mod scenario;
pub mod scenarios;
pub mod settings;
pub mod solo;
pub mod together;
