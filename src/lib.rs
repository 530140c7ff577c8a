//! SOTP: a sum-of-the-parts valuation calculator that runs in the browser.
//!
//! The core (`crates/core`, crate `sotp_core`: the model, the analysis,
//! links, texts, number styles, the logic of saved scenarios) has no
//! browser crate; its modules are re-exported here, so the page and the
//! tests name them as `sotp::model`, `crate::text`, ... This crate adds
//! the browser side: `ui` and `storage` (wasm only, feature `app`; natively
//! with feature `prerender`, for the first screen rendered at build time).

pub use sotp_core::{
    analysis, calendar, compare, convert, display, draft, export, labels, library, link, model, notice,
    saving, store, text,
};
#[cfg(any(all(target_arch = "wasm32", feature = "app"), feature = "prerender"))]
pub mod listen;
#[cfg(any(all(target_arch = "wasm32", feature = "app"), feature = "prerender"))]
pub mod storage;
#[cfg(any(all(target_arch = "wasm32", feature = "app"), feature = "prerender"))]
pub mod ui;
