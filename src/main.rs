//! The binary only mounts the app; everything else is in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    sotp::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("sotp is a web app: build it with `trunk build --release` (see README.md).");
}
