//! The binary only mounts the app; everything else is in the library.

/// Talc instead of Rust's default dlmalloc: a few KB less on the critical
/// path and faster (the page is single-threaded wasm, which Talc's sync
/// cell requires).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    sotp::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("sotp is a web app: build it with `trunk build --release` (see README.md).");
}
