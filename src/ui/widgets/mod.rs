//! Small pieces shared by pages.

pub mod header;
pub mod heavy_gate;
pub mod notices;
pub mod qr;
pub mod role_card;
pub mod update_banner;
pub mod with_library;
pub mod with_scenario;
