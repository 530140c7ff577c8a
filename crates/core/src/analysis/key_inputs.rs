//! The key assumptions: the few inputs a reader changes first, shown under
//! the headline (the same fields as in their cards).

use super::tornado::{bars, Basis, DEFAULT_PERCENT};
use crate::model::presets::is_xiaomi_shaped;
use crate::model::{Field, Scenario, SegmentField as S};

/// How many inputs the group holds.
pub const COUNT: usize = 5;

/// Xiaomi's, as the analysts' debate runs: EV deliveries and the EV
/// multiple, smartphone shipment growth, the core P/E (Smartphones': the
/// three core segments each have their own, the same in every preset) and
/// the holding discount.
const XIAOMI: [Field; COUNT] = [
    Field::Segment(3, S::Units),
    Field::Segment(3, S::Multiple),
    Field::Segment(0, S::GrowthPct),
    Field::Segment(0, S::Multiple),
    Field::HoldingDiscountPct,
];

/// The key inputs of `s`: Xiaomi's five for its shape; for any other
/// company the five that swing the value most when each is moved 20% either
/// way (`tornado`), largest first. Shares and FX are left out: they are
/// facts of the company, not views on it, however far they move the value.
/// None for a scenario that has no value yet (a blank company).
pub fn key_inputs(s: &Scenario) -> Vec<Field> {
    if is_xiaomi_shaped(s) {
        return XIAOMI.to_vec();
    }
    let Ok(bars) = bars(s, Basis::Percent(DEFAULT_PERCENT)) else {
        return Vec::new();
    };
    bars.into_iter()
        .filter(|b| !matches!(b.field, Field::SharesBn | Field::Fx) && !b.swing().is_zero())
        .map(|b| b.field)
        .take(COUNT)
        .collect()
}
