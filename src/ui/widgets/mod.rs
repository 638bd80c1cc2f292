//! Small pieces shared by pages.

pub mod header;
pub mod notices;
pub mod update_banner;
pub mod with_library;
