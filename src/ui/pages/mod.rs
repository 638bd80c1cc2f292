//! One module per page; a page composes widgets.

pub mod about;
pub mod coming;
pub mod home;
pub mod lens;
pub mod not_found;
pub mod reframe;
pub mod settings;
