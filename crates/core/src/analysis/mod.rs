//! What a valuation implies, computed by the model's one engine: the
//! break-even of every input against the price (`breakeven`), two-way
//! sensitivity grids (`sensitivity`), the tornado of one-at-a-time moves
//! (`tornado`), the waterfall of the bridge and the football field of every
//! way of judging the value (`chart`, with the analysts' published targets
//! of `targets`).
//!
//! Plain Rust on the model, like it tested natively and free of the
//! browser (`tests/invariants.rs`). Every value here is a scenario valued by
//! `model::evaluate` with one or two inputs moved, in exact decimals; no
//! binary float touches a value.
#![deny(clippy::float_arithmetic, clippy::cast_precision_loss)]

pub mod breakeven;
pub mod chart;
pub mod grid_choice;
pub mod key_inputs;
pub mod monte_carlo;
pub mod sensitivity;
pub mod svg;
pub mod targets;
pub mod tornado;

use crate::model::{evaluate, Field, Issue, Problem, Scenario};
use rust_decimal::Decimal;

/// The inputs the analysis moves, group fields first as on the page: every
/// numeric field but the price (what the value is held against) and the
/// base year (the year of the reported figures, a fact, not a view).
pub fn inputs(s: &Scenario) -> Vec<Field> {
    Field::all(s).into_iter().filter(|f| !matches!(f, Field::Price | Field::BaseYear)).collect()
}

/// `s` with `field` set to `x`, or the issue of the field when it cannot
/// hold `x` (a year that is not whole, a segment it does not have).
pub fn moved(s: &Scenario, field: Field, x: Decimal) -> Result<Scenario, Issue> {
    let mut moved = s.clone();
    if field.set(&mut moved, x) {
        Ok(moved)
    } else {
        Err(Issue::for_field(field, s, Problem::Rule(field.rule())))
    }
}

/// The value per share (listing currency) of `s` with `field` set to `x`:
/// every rule checked, the first issue when one breaks.
pub fn value_at(s: &Scenario, field: Field, x: Decimal) -> Result<Decimal, Issue> {
    value_of(&moved(s, field, x)?)
}

/// The value per share (listing currency) of a scenario, or its first issue.
pub fn value_of(s: &Scenario) -> Result<Decimal, Issue> {
    match evaluate(s) {
        Ok(v) => Ok(v.per_share_listing),
        // `evaluate` never fails without an issue; the fallback is for form.
        Err(issues) => Err(issues
            .into_iter()
            .next()
            .unwrap_or_else(|| Issue::for_field(Field::Price, s, Problem::TooLargeToCompute))),
    }
}
