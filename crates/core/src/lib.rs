//! The core of SOTP: everything that decides a number or a word, as plain
//! Rust with no browser crate (this crate depends on none, so the compiler
//! keeps it so). Tested natively; the page (`sotp`, the crate at the
//! repository root) and the Monte Carlo worker build on it.
//!
//! `model` is the valuation, `analysis` what it implies (break-evens,
//! sensitivity, tornado, charts, Monte Carlo); `display` formats its exact
//! decimals, `labels` gives each field its unit and slider, and `text`
//! holds every word the user reads (`text::explain` the bridge's formulas);
//! `notice` is what the page tells the user, as data; `link` encodes
//! scenarios into share links, `library`, `store`, `saving` and `draft`
//! are the logic of saved scenarios and of unsaved edits on any store,
//! `compare` and `export` serve the compare view and the CSV.

pub mod analysis;
pub mod calendar;
pub mod compare;
pub mod convert;
pub mod display;
pub mod draft;
pub mod export;
pub mod labels;
pub mod lang;
pub mod library;
pub mod link;
pub mod model;
pub mod notice;
pub mod saving;
pub mod store;
pub mod text;
