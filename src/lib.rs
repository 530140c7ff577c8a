//! SOTP: a sum-of-the-parts valuation calculator that runs in the browser.
//!
//! `model` is the valuation (plain Rust, tested natively), `analysis`
//! what it implies (break-evens, sensitivity, tornado, charts); `display`
//! formats its exact decimals, `labels` gives each field its unit and
//! slider, and `text` holds every word the user reads (`text::explain` the
//! bridge's formulas); `notice` is what the page tells the user, as data;
//! `link` encodes scenarios into share links, `library` is the logic of
//! saved scenarios, `compare` and `export` serve the compare view and CSV;
//! `ui` and `storage` (wasm only, feature `app`) are the browser side.

pub mod analysis;
pub mod compare;
pub mod convert;
pub mod display;
pub mod draft;
pub mod export;
pub mod labels;
pub mod library;
pub mod link;
pub mod model;
pub mod notice;
pub mod saving;
#[cfg(any(all(target_arch = "wasm32", feature = "app"), feature = "prerender"))]
pub mod storage;
pub mod store;
pub mod text;
#[cfg(any(all(target_arch = "wasm32", feature = "app"), feature = "prerender"))]
pub mod ui;
