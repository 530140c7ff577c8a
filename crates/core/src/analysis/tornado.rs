//! The tornado: each input moved alone to a low and a high value, the
//! value per share at each end, largest swing first.

use super::{inputs, value_at};
use crate::model::arith::Checked;
use crate::model::path::path_of;
use crate::model::presets::{is_xiaomi_shaped, Preset};
use crate::model::{Field, Issue, Scenario};
use rust_decimal::Decimal;

/// Where the low and high ends of each input come from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Basis {
    /// The Bear and Bull presets' values (Xiaomi's shape only).
    Presets,
    /// The user's value minus and plus this percentage of itself.
    Percent(Decimal),
}

pub const DEFAULT_PERCENT: Decimal = Decimal::from_parts(20, 0, 0, false, 0);

/// Why a tornado is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TornadoError {
    /// The percentage is not above 0 and at most 100.
    Percent,
}

/// One input's bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub field: Field,
    pub path: String,
    pub low_input: Decimal,
    pub high_input: Decimal,
    /// The value per share with the input at each end (an issue when the
    /// moved scenario breaks a rule).
    pub low: Result<Decimal, Issue>,
    pub high: Result<Decimal, Issue>,
}

impl Bar {
    /// How far apart the two ends' values are; zero when an end has none.
    pub fn swing(&self) -> Decimal {
        match (&self.low, &self.high) {
            (Ok(lo), Ok(hi)) => hi.minus(*lo).map_or(Decimal::ZERO, |d| d.abs()),
            _ => Decimal::ZERO,
        }
    }
}

/// The basis a scenario gets by default: the presets for Xiaomi's shape,
/// else plus and minus 20%.
pub fn default_basis(s: &Scenario) -> Basis {
    if is_xiaomi_shaped(s) {
        Basis::Presets
    } else {
        Basis::Percent(DEFAULT_PERCENT)
    }
}

/// The bars of a valid scenario, largest swing first (ties in the page's
/// order). Inputs whose two ends are equal, or whose ends value the same,
/// are left out.
pub fn bars(s: &Scenario, basis: Basis) -> Result<Vec<Bar>, TornadoError> {
    let ends = ends(s, basis)?;
    let mut bars: Vec<Bar> = inputs(s)
        .into_iter()
        .filter_map(|field| {
            let (low_input, high_input) = ends(field)?;
            if low_input == high_input {
                return None;
            }
            Some(Bar {
                field,
                path: path_of(field, s)?,
                low_input,
                high_input,
                low: value_at(s, field, low_input),
                high: value_at(s, field, high_input),
            })
        })
        .collect();
    // Inputs that move nothing (a margin under EV/Sales) say nothing here.
    bars.retain(|b| !(b.low.is_ok() && b.high.is_ok() && b.swing().is_zero()));
    bars.sort_by_key(|b| std::cmp::Reverse(b.swing()));
    Ok(bars)
}

type Ends<'a> = Box<dyn Fn(Field) -> Option<(Decimal, Decimal)> + 'a>;

fn ends(s: &Scenario, basis: Basis) -> Result<Ends<'_>, TornadoError> {
    match basis {
        Basis::Presets if is_xiaomi_shaped(s) => {
            let (bear, bull) = (Preset::Bear.scenario(), Preset::Bull.scenario());
            Ok(Box::new(move |f: Field| Some((f.get(&bear)?, f.get(&bull)?))))
        }
        Basis::Presets => ends(s, Basis::Percent(DEFAULT_PERCENT)),
        Basis::Percent(p) => {
            if p <= Decimal::ZERO || p > Decimal::ONE_HUNDRED {
                return Err(TornadoError::Percent);
            }
            Ok(Box::new(move |f: Field| {
                // A year moved by a percentage of itself means nothing.
                if matches!(f, Field::ValuationYear | Field::BaseYear) {
                    return None;
                }
                let x = f.get(s)?;
                let d = x.abs().times(p)?.over(Decimal::ONE_HUNDRED)?;
                Some((x.minus(d)?, x.plus(d)?))
            }))
        }
    }
}
