//! SOTP: a sum-of-the-parts valuation calculator that runs in the browser.
//!
//! `model` is the valuation (plain Rust, tested natively); `display`,
//! `labels` and `explain` turn its exact decimals into words and text;
//! `link` encodes scenarios into share links, `library` is the logic of
//! saved scenarios, `compare` and `export` serve the compare view and CSV;
//! `ui` and `storage` (wasm only) are the browser side.

pub mod compare;
pub mod display;
pub mod explain;
pub mod export;
pub mod labels;
pub mod library;
pub mod link;
pub mod model;
pub mod saving;
#[cfg(target_arch = "wasm32")]
pub mod storage;
pub mod store;
#[cfg(target_arch = "wasm32")]
pub mod ui;
