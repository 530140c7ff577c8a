//! What the price implies: for each input, the value at which the value per
//! share equals the price with everything else held.
//!
//! The value per share is affine in most inputs (units, ASP, revenue,
//! margin, multiple, and every group term but the share count and the
//! buyback): there the break-even is one division, from the value at the
//! input and at one other point. Growth compounds: the value is affine in
//! the growth factor `(1 + g/100)^years`, solved the same way, and the rate
//! that gives that factor is found by bisection. The share count has a
//! closed form, the valuation year is searched year by year, and a buyback
//! at the price can never carry the value across it (see `Shape::Buyback`).
//! Every break-even found is put back into the scenario and valued by the
//! engine: what is reported is what `evaluate` says.

use super::{inputs, moved, value_at};
use crate::model::arith::Checked;
use crate::model::field::Rule;
use crate::model::path::path_of;
use crate::model::validate::MAX_YEARS;
use crate::model::valuation::{growth_factor, value, Valuation};
use crate::model::{Field, Scenario, SegmentField};
use rust_decimal::Decimal;

/// One input's break-even.
#[derive(Clone, Debug, PartialEq)]
pub struct BreakEven {
    pub field: Field,
    /// `model::path` of the field.
    pub path: String,
    /// The user's value.
    pub current: Decimal,
    pub outcome: Outcome,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// The value at which the value per share equals the price.
    At(Decimal),
    /// No value the rules allow does it; why.
    None(NoBreakEven),
}

/// Why an input has no break-even.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NoBreakEven {
    /// The value per share does not depend on the input (a margin under
    /// EV/Sales, units of a segment at 0x).
    NoEffect,
    /// Even at the rule's limit `bound` the value stays above the price
    /// (`above`) or below it.
    Bound { bound: Decimal, above: bool },
    /// A buyback at the price moves the value away from the price, never
    /// across it.
    Buyback { above: bool },
    /// No valuation year the spec allows (`from` to `to`) brings the value
    /// to the price.
    NoYear { from: i32, to: i32, above: bool },
    /// The arithmetic overflows on the way.
    TooLarge,
}

impl BreakEven {
    /// The change from the user's value to the break-even: in points for a
    /// percentage or a year, else in % of the user's value (None when
    /// that is zero, or there is no break-even).
    pub fn change(&self) -> Option<Change> {
        let Outcome::At(at) = self.outcome else {
            return None;
        };
        let diff = at.minus(self.current)?;
        if self.field.in_pct() || self.field == Field::ValuationYear {
            return Some(Change::Points(diff));
        }
        if self.current.is_zero() {
            return None;
        }
        diff.over(self.current.abs()).and_then(|r| r.times(Decimal::ONE_HUNDRED)).map(Change::Percent)
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Change {
    Percent(Decimal),
    Points(Decimal),
}

/// How the value per share depends on an input.
enum Shape {
    Affine,
    Growth,
    Shares,
    Buyback,
    Year,
}

fn shape(field: Field) -> Shape {
    match field {
        Field::Segment(_, SegmentField::GrowthPct) => Shape::Growth,
        Field::SharesBn => Shape::Shares,
        Field::BuybackListingBn => Shape::Buyback,
        Field::ValuationYear => Shape::Year,
        _ => Shape::Affine,
    }
}

/// Every input's break-even against the price of a valid scenario whose
/// valuation is `v`, in the order of `analysis::inputs`.
pub fn all(s: &Scenario, v: &Valuation) -> Vec<BreakEven> {
    inputs(s).into_iter().filter_map(|field| one(s, v, field)).collect()
}

/// One input's break-even; None for a field `s` does not have, and for the
/// price and the base year, which are not inputs of the analysis
/// (`analysis::inputs`).
pub fn one(s: &Scenario, v: &Valuation, field: Field) -> Option<BreakEven> {
    if matches!(field, Field::Price | Field::BaseYear) {
        return None;
    }
    let current = field.get(s)?;
    let path = path_of(field, s)?;
    let above = v.per_share_listing > s.price;
    let outcome = if v.per_share_listing == s.price {
        Outcome::At(current)
    } else {
        let found = match shape(field) {
            Shape::Affine => affine(s, v, field, current),
            Shape::Growth => growth(s, v, field, current),
            Shape::Shares => shares(s, v),
            Shape::Buyback => Err(NoBreakEven::Buyback { above }),
            Shape::Year => year(s, v),
        };
        match found.and_then(|x| within_rule(field, x, above)) {
            Ok(x) => Outcome::At(x),
            Err(why) => Outcome::None(why),
        }
    };
    Some(BreakEven { field, path, current, outcome })
}

/// `x` if the field's rule allows it, else the limit the rule puts in its
/// way: the value there is still on the side of the price it was.
fn within_rule(field: Field, x: Decimal, above: bool) -> Result<Decimal, NoBreakEven> {
    if field.rule().check(x).is_ok() {
        return Ok(x);
    }
    let hundred = Decimal::ONE_HUNDRED;
    let bound = match field.rule() {
        Rule::MarginPct if x > hundred => hundred,
        Rule::MarginPct => -hundred,
        Rule::DiscountPct if x >= hundred => hundred,
        Rule::GrowthPct => -hundred,
        _ => Decimal::ZERO,
    };
    Err(NoBreakEven::Bound { bound, above })
}

/// The value per share with `field` at `x`, unchecked by the rules (a
/// probe may pass a limit the answer will not).
fn probe(s: &Scenario, field: Field, x: Decimal) -> Result<Decimal, NoBreakEven> {
    let moved = moved(s, field, x).map_err(|_| NoBreakEven::TooLarge)?;
    value(&moved).map(|v| v.per_share_listing).map_err(|_| NoBreakEven::TooLarge)
}

/// Where the line through (x0, v0) and (x1, v1) meets the price: one
/// division (the slope's) in exact decimals.
fn meet(x0: Decimal, v0: Decimal, x1: Decimal, v1: Decimal, price: Decimal) -> Result<Decimal, NoBreakEven> {
    let rise = v1.minus(v0).ok_or(NoBreakEven::TooLarge)?;
    if rise.is_zero() {
        return Err(NoBreakEven::NoEffect);
    }
    let run = x1.minus(x0).ok_or(NoBreakEven::TooLarge)?;
    let gap = price.minus(v0).ok_or(NoBreakEven::TooLarge)?;
    // gap * run / rise: multiplied first, so the one division is the last step.
    gap.times(run).and_then(|g| g.over(rise)).and_then(|d| x0.plus(d)).ok_or(NoBreakEven::TooLarge)
}

fn affine(s: &Scenario, v: &Valuation, field: Field, x0: Decimal) -> Result<Decimal, NoBreakEven> {
    // A second point a unit of the input's own size away keeps the slope's
    // digits (a step of 1 on 650,000 cars would keep fewer).
    let step = if x0.is_zero() { Decimal::ONE } else { x0.abs() };
    let x1 = x0.plus(step).ok_or(NoBreakEven::TooLarge)?;
    let v1 = probe(s, field, x1)?;
    meet(x0, v.per_share_listing, x1, v1, s.price)
}

/// The share count at which value per share equals the price. With E the
/// equity before the buyback (reporting bn), b the buyback (listing bn), P
/// the price and fx the rate, the value is (E·fx − b) / (S − b/P); it equals
/// P where E·fx − b = P·S − b, so S = E·fx / P whatever the buyback.
fn shares(s: &Scenario, v: &Valuation) -> Result<Decimal, NoBreakEven> {
    let before_buyback = v.equity_bn.plus(v.buyback_bn).ok_or(NoBreakEven::TooLarge)?;
    let at = before_buyback.times(s.fx_listing_per_reporting).and_then(|x| x.over(s.price));
    let at = at.ok_or(NoBreakEven::TooLarge)?;
    // Shares after the buyback must stay above zero, as the spec asks.
    let retired = s.buyback_listing_bn.over(s.price).ok_or(NoBreakEven::TooLarge)?;
    if at <= retired {
        return Err(NoBreakEven::Bound { bound: retired, above: v.per_share_listing > s.price });
    }
    Ok(at)
}

/// The growth rate at which the value per share equals the price: the
/// growth factor from the line through two factors, then the rate with
/// that factor by bisection on (−100, hi].
fn growth(s: &Scenario, v: &Valuation, field: Field, g0: Decimal) -> Result<Decimal, NoBreakEven> {
    let years = v.growth_years;
    if years == 0 {
        return Err(NoBreakEven::NoEffect);
    }
    let factor = |g: Decimal| growth_factor(g, years).ok_or(NoBreakEven::TooLarge);
    let g1 = g0.plus(Decimal::TEN).ok_or(NoBreakEven::TooLarge)?;
    let (f0, f1) = (factor(g0)?, factor(g1)?);
    let target = meet(f0, v.per_share_listing, f1, probe(s, field, g1)?, s.price)?;
    let above = v.per_share_listing > s.price;
    if target <= Decimal::ZERO {
        return Err(NoBreakEven::Bound { bound: -Decimal::ONE_HUNDRED, above });
    }
    rate_with_factor(target, years, g0)
}

/// The rate g in (−100, ∞) with `(1 + g/100)^years = target`, to well past
/// display precision. The factor rises with g, so bisection on a bracket
/// that holds the target always converges.
fn rate_with_factor(target: Decimal, years: u32, start: Decimal) -> Result<Decimal, NoBreakEven> {
    let factor = |g: Decimal| growth_factor(g, years);
    let mut lo = -Decimal::ONE_HUNDRED;
    let mut hi = start.max(Decimal::ZERO).plus(Decimal::TEN).ok_or(NoBreakEven::TooLarge)?;
    // Widen until the bracket holds the target (or the factor overflows,
    // which is past any target that fits).
    let mut widened = 0;
    while factor(hi).is_some_and(|f| f < target) {
        lo = hi;
        hi = hi.times(Decimal::TWO).ok_or(NoBreakEven::TooLarge)?;
        widened += 1;
        if widened > 64 {
            return Err(NoBreakEven::TooLarge);
        }
    }
    let tolerance = Decimal::new(1, 18);
    for _ in 0..200 {
        let mid = lo.plus(hi).and_then(|x| x.over(Decimal::TWO)).ok_or(NoBreakEven::TooLarge)?;
        match factor(mid) {
            Some(f) if f < target => lo = mid,
            Some(f) if f == target => return Ok(mid),
            _ => hi = mid,
        }
        if hi.minus(lo).is_some_and(|w| w < tolerance) {
            break;
        }
    }
    lo.plus(hi).and_then(|x| x.over(Decimal::TWO)).ok_or(NoBreakEven::TooLarge)
}

/// The valuation year nearest the user's at which the value per share
/// reaches the price or passes it, searched over the years the spec allows
/// (the base year to `MAX_YEARS` after it). Years are whole: the value
/// steps from year to year, and the answer is the first year on or past
/// the price's side.
fn year(s: &Scenario, v: &Valuation) -> Result<Decimal, NoBreakEven> {
    let above = v.per_share_listing > s.price;
    let (from, to) = (s.base_year, s.base_year.saturating_add(MAX_YEARS));
    let crossed = |y: i32| {
        value_at(s, Field::ValuationYear, Decimal::from(y)).ok().is_some_and(|x| {
            if above {
                x <= s.price
            } else {
                x >= s.price
            }
        })
    };
    let here = s.valuation_year;
    for distance in 1..=(to - from) {
        for y in [here.saturating_sub(distance), here.saturating_add(distance)] {
            if (from..=to).contains(&y) && crossed(y) {
                return Ok(Decimal::from(y));
            }
        }
    }
    Err(NoBreakEven::NoYear { from, to, above })
}

/// What the price implies for one segment.
#[derive(Clone, Debug, PartialEq)]
pub struct Implied {
    pub index: usize,
    /// The segment's line of the bridge, per share (listing currency,
    /// before any buyback, as the bridge shows it).
    pub per_share: Decimal,
    /// What that line must be for the value per share to equal the price,
    /// the other lines held: the gap to the price grossed up for the
    /// holding discount, which takes its share of any segment's value.
    pub implied_per_share: Decimal,
    /// The user's multiple and the one that gives the implied value on the
    /// segment's metric (None where the metric is zero or negative).
    pub multiple: Decimal,
    pub implied_multiple: Option<Decimal>,
}

/// Per segment, the value the price implies and the multiple that gives it.
/// Worked in billions: the value per share after buybacks moves by a
/// segment's value over the shares left, while the bridge's lines are per
/// share before them.
pub fn implied(s: &Scenario, v: &Valuation) -> Vec<Implied> {
    let fx = s.fx_listing_per_reporting;
    let keep = s.holding_discount_pct.over(Decimal::ONE_HUNDRED).and_then(|p| Decimal::ONE.minus(p));
    let gap_bn = s
        .price
        .minus(v.per_share_listing)
        .and_then(|g| g.times(v.shares_after_bn))
        .and_then(|g| g.over(fx))
        .zip(keep)
        .and_then(|(g, k)| g.over(k));
    v.segments
        .iter()
        .enumerate()
        .filter_map(|(index, seg)| {
            let implied_bn = seg.value_bn.plus(gap_bn?)?;
            let implied_per_share = implied_bn.over(s.shares_bn)?.times(fx)?;
            let implied_multiple =
                (seg.metric_bn > Decimal::ZERO).then(|| implied_bn.over(seg.metric_bn)).flatten();
            Some(Implied {
                index,
                per_share: seg.per_share_listing,
                implied_per_share,
                multiple: seg.multiple,
                implied_multiple,
            })
        })
        .collect()
}

/// A break-even as the page takes it when the reader chooses to use it:
/// whole where the field is typed whole (years, counts of cars), else to 4
/// decimals, half away from zero; a value the rules allow stays allowed.
pub fn as_typed(field: Field, at: Decimal) -> Decimal {
    let dp = if field.typed_whole() { 0 } else { 4 };
    crate::display::for_typing(at, dp)
}
