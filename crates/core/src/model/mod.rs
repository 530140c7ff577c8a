//! The valuation: scenario types, validation, the file format and the
//! arithmetic of docs/valuation-model.md.
//!
//! Plain Rust on rust_decimal and serde. Nothing here knows about the
//! browser (no leptos, web-sys or gloo), so all of it is tested natively
//! (`tests/invariants.rs` checks the imports). No binary float touches a
//! money figure: float arithmetic does not compile here.
#![deny(clippy::float_arithmetic, clippy::cast_precision_loss)]

pub mod arith;
pub mod field;
pub mod issue;
pub mod json;
pub mod method_switch;
pub mod number;
pub mod path;
pub mod plausible;
pub mod presets;
pub mod scenario;
pub mod structure;
pub mod validate;
pub mod valuation;

pub use field::{Field, Rule, SegmentField};
pub use issue::{Expected, Found, Issue, JsonKind, Problem, Subject};
pub use method_switch::{switch_method, Basis, MultipleChange, MultipleMemory};
pub use number::{parse_decimal, parse_integer, parse_typed, parse_typed_integer, NumberError, NumberStyle};
pub use presets::Preset;
pub use scenario::{Company, Driver, DriverKind, Method, Scenario, Segment};
pub use validate::validate;
pub use valuation::{evaluate, GroupTerm, Valuation};
