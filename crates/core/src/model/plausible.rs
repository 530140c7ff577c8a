//! Values that are valid but far from anything the facts support: a
//! quintillion cars, 0.0001bn shares. They are used as typed (the user may
//! mean it), with a calm word beside the field to check them.
//!
//! The yardstick is the Base preset, whose every figure traces to the
//! facts: a value over ten times its figure, or above zero and under a
//! tenth of it, is far off. Percentages have a band instead (a ratio of a
//! growth rate means little).

use super::field::{Field, SegmentField};
use super::presets::Preset;
use super::scenario::Scenario;
use rust_decimal::Decimal;

/// How far, and from what.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FarOff {
    /// Over `FACTOR` times the Base figure.
    Above { base: Decimal },
    /// Above zero and under a `FACTOR`th of the Base figure.
    Below { base: Decimal },
    /// Outside the band `low..=high` percent.
    OutsideBand { low: Decimal, high: Decimal },
}

/// How many times the Base figure is far off.
pub const FACTOR: i64 = 10;

/// The usual band of a percentage field, if it has one.
fn band(field: Field) -> Option<(Decimal, Decimal)> {
    let (low, high) = match field {
        Field::Segment(_, SegmentField::GrowthPct) => (-50, 100),
        Field::Segment(_, SegmentField::MarginPct) => (-50, 80),
        Field::InvestmentsDiscountPct | Field::HoldingDiscountPct => (0, 60),
        _ => return None,
    };
    Some((Decimal::from(low), Decimal::from(high)))
}

/// `base`'s figure for `field` of `s`: by segment id, and for a multiple
/// only under the same method. `None` where `base` has none.
fn base_figure(field: Field, s: &Scenario, base: &Scenario) -> Option<Decimal> {
    match field {
        Field::Segment(i, f) => {
            let seg = s.segments.get(i)?;
            let (j, base_seg) = base.segments.iter().enumerate().find(|(_, b)| b.id == seg.id)?;
            if f == SegmentField::Multiple && base_seg.method != seg.method {
                return None;
            }
            Field::Segment(j, f).get(base)
        }
        Field::BaseYear | Field::ValuationYear => None,
        other => other.get(base),
    }
}

/// Whether `field`'s value in `s` is far from what the facts support.
pub fn far_off(field: Field, s: &Scenario) -> Option<FarOff> {
    far_off_against(field, s, &Preset::Base.scenario())
}

/// `far_off` with the Base preset built once by the caller (the page
/// checks every field at every edit).
pub fn far_off_against(field: Field, s: &Scenario, base: &Scenario) -> Option<FarOff> {
    let value = field.get(s)?;
    if let Some((low, high)) = band(field) {
        return (value < low || value > high).then_some(FarOff::OutsideBand { low, high });
    }
    if field.in_pct() {
        return None;
    }
    let base = base_figure(field, s, base).filter(|b| *b > Decimal::ZERO)?;
    let factor = Decimal::from(FACTOR);
    if value > base.checked_mul(factor)? {
        Some(FarOff::Above { base })
    } else if value > Decimal::ZERO && value.checked_mul(factor)? < base {
        Some(FarOff::Below { base })
    } else {
        None
    }
}
