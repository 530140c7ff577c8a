//! SOTP: a sum-of-the-parts valuation calculator that runs in the browser.
//!
//! `model` is the valuation (plain Rust, tested natively); `display`,
//! `labels` and `explain` turn its exact decimals into words and text;
//! `ui` (wasm only) is the Leptos page.

pub mod display;
pub mod explain;
pub mod labels;
pub mod model;
#[cfg(target_arch = "wasm32")]
pub mod ui;
