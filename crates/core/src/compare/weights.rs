//! Scenarios' probability-weighted value: the weights as typed, equal
//! weights, and the weighted value per share and upside.

use crate::model::arith::Checked;
use crate::model::{evaluate, Scenario};
use rust_decimal::Decimal;

/// A probability-weighted value per share.
#[derive(Clone, Debug, PartialEq)]
pub struct Weighted {
    pub per_share_listing: Decimal,
    pub upside_pct: Decimal,
}

#[derive(Clone, Debug, PartialEq)]
pub enum WeightError {
    /// The weights do not total exactly 100%.
    Total { sum: Decimal },
    /// The weight at `index` (of the scenario named `name`) is below 0.
    Negative { index: usize, name: String },
    /// The scenarios are not all in the same listing currency.
    Currency,
    /// The scenario at `index`, named `name`, does not value (or its
    /// weighted value does not fit a decimal).
    NotValued { index: usize, name: String },
    /// The weight typed for scenario `index` (titled `title`) is not a number.
    Unreadable { index: usize, title: String, error: crate::model::NumberError },
}

/// Probability-weighted value per share: `sum(w_i * v_i) / 100` over the
/// scenarios (`weights_pct[i]` is scenario i's weight, in %), and the upside
/// against the FIRST scenario's price (the scenarios may carry different
/// prices; the first is taken as the market price).
///
/// Errors, checked in this order: a weight below 0 (`Negative`, the first
/// one); weights not totalling exactly 100 (`Total`; a scenario without a
/// weight counts 0%, and a weight without a scenario must be 0, else the sum
/// reported is that of every weight given); listing currencies that differ
/// (`Currency`); a scenario that does not value (`NotValued`, the first one,
/// whatever its weight). An arithmetic overflow is reported as `NotValued`
/// of the scenario whose term overflowed (the first for the upside).
pub fn weighted(scenarios: &[&Scenario], weights_pct: &[Decimal]) -> Result<Weighted, WeightError> {
    let name = |index: usize| scenarios.get(index).map(|s| s.name.clone()).unwrap_or_default();
    if let Some(index) = weights_pct.iter().position(|w| *w < Decimal::ZERO) {
        return Err(WeightError::Negative { index, name: name(index) });
    }
    let sum_of = |ws: &[Decimal]| ws.iter().try_fold(Decimal::ZERO, |acc, w| acc.plus(*w));
    let paired = weights_pct.get(..scenarios.len()).unwrap_or(weights_pct);
    let hundred = Decimal::ONE_HUNDRED;
    for ws in [paired, weights_pct] {
        match sum_of(ws) {
            Some(sum) if sum == hundred => {}
            // Only a sum far beyond 100 overflows; report the largest a
            // decimal holds.
            Some(sum) => return Err(WeightError::Total { sum }),
            None => return Err(WeightError::Total { sum: Decimal::MAX }),
        }
    }
    let Some(first) = scenarios.first() else {
        return Err(WeightError::Total { sum: Decimal::ZERO });
    };
    if scenarios.iter().any(|s| s.listing_currency != first.listing_currency) {
        return Err(WeightError::Currency);
    }
    let mut total = Decimal::ZERO;
    for (index, s) in scenarios.iter().enumerate() {
        let not_valued = || WeightError::NotValued { index, name: s.name.clone() };
        let v = evaluate(s).map_err(|_| not_valued())?;
        let w = paired.get(index).copied().unwrap_or(Decimal::ZERO);
        // (w / 100) * v: the fraction is at most 1, so the term fits.
        total = w
            .over(hundred)
            .and_then(|fraction| fraction.times(v.per_share_listing))
            .and_then(|term| total.plus(term))
            .ok_or_else(not_valued)?;
    }
    let upside_pct = total
        .over(first.price)
        .and_then(|r| r.minus(Decimal::ONE))
        .and_then(|r| r.times(hundred))
        .ok_or_else(|| WeightError::NotValued { index: 0, name: name(0) })?;
    Ok(Weighted { per_share_listing: total, upside_pct })
}

/// Weights of `n` scenarios that total exactly 100%: 100 / n to two
/// decimals, rounded down, with the remainder on the first (33.34, 33.33,
/// 33.33). None for no scenario.
pub fn equal_weights(n: usize) -> Vec<Decimal> {
    let Some(count) = (n > 0).then(|| Decimal::from(n)) else {
        return Vec::new();
    };
    let each = Decimal::ONE_HUNDRED
        .over(count)
        .map(|e| e.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::ToZero))
        .unwrap_or_default();
    let first = count
        .minus(Decimal::ONE)
        .and_then(|rest| each.times(rest))
        .and_then(|given| Decimal::ONE_HUNDRED.minus(given))
        .unwrap_or_default();
    (0..n).map(|i| if i == 0 { first } else { each }.normalize()).collect()
}

/// The weights as typed, one per scenario (its title, the text), in %,
/// written as the reader writes numbers; the first that does not read as a
/// number is named in the error.
pub fn parse_weights(
    style: crate::model::NumberStyle,
    typed: &[(&str, &str)],
) -> Result<Vec<Decimal>, WeightError> {
    typed
        .iter()
        .enumerate()
        .map(|(index, (title, text))| {
            crate::model::parse_typed(style, text).map_err(|error| WeightError::Unreadable {
                index,
                title: title.to_string(),
                error,
            })
        })
        .collect()
}
