//! Mounts the app. Nothing else happens here.

fn main() {
    taiwa::ui::mount();
}
