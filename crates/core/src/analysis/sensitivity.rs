//! Two-way sensitivity: the value per share over a grid of two inputs,
//! each cell a scenario valued by the engine.

use super::{moved, value_of};
use crate::model::arith::Checked;
use crate::model::field::Rule;
use crate::model::{Field, Issue, Scenario, SegmentField};
use rust_decimal::Decimal;

/// Values per axis: odd (the user's value in the middle), at most this many.
pub const MAX_STEPS: usize = 15;
pub const DEFAULT_STEPS: usize = 7;

/// One axis of a grid: the input, the step between its values and how
/// many values (odd, centred on the user's value).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Axis {
    pub field: Field,
    pub step: Decimal,
    pub count: usize,
}

/// Which axis a refusal is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    X,
    Y,
}

/// Why a grid is refused; each names its axis (and so its field).
#[derive(Clone, Debug, PartialEq)]
pub enum GridError {
    /// A step of zero or less.
    StepNotPositive { axis: Which },
    /// Not an odd count from 1 to `MAX_STEPS`.
    Count { axis: Which, found: usize },
    /// A value of the axis breaks the field's rule (negative deliveries, a
    /// margin over 100).
    OutOfRule { axis: Which, value: Decimal, rule: Rule },
    /// The axis' field is not in the scenario.
    NoSuchInput { axis: Which },
    /// Both axes move the same input.
    SameInput,
    /// The axis' values overflow.
    TooLarge { axis: Which },
    /// Its step or its count, as typed, is not a number (a count: not a
    /// whole one).
    NotANumber { axis: Which, what: Part },
}

/// Which typed part of an axis does not read as a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Step,
    Count,
}

/// A cell: the value per share, or the issue that keeps its scenario from
/// a value (a rule broken, the arithmetic too large).
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Value(Decimal),
    NotAvailable(Issue),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Grid {
    pub x: Axis,
    pub y: Axis,
    /// The inputs' values, lowest first.
    pub xs: Vec<Decimal>,
    pub ys: Vec<Decimal>,
    /// Row by row: `cells[row * xs.len() + col]` is at (`xs[col]`, `ys[row]`).
    pub cells: Vec<Cell>,
}

impl Grid {
    pub fn cell(&self, row: usize, col: usize) -> Option<&Cell> {
        self.cells.get(row.checked_mul(self.xs.len())?.checked_add(col)?)
    }

    /// The centre cell: the user's scenario.
    pub fn centre(&self) -> Option<&Cell> {
        self.cell(self.ys.len() / 2, self.xs.len() / 2)
    }

    /// The lowest and highest value of the cells that have one.
    pub fn range(&self) -> Option<(Decimal, Decimal)> {
        let values = self.cells.iter().filter_map(|c| match c {
            Cell::Value(v) => Some(*v),
            Cell::NotAvailable(_) => None,
        });
        values.fold(None, |acc, v| match acc {
            None => Some((v, v)),
            Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
        })
    }
}

/// The values of an axis: `count` values `step` apart with the user's in
/// the middle, each within the field's rule.
pub fn axis_values(s: &Scenario, axis: Axis, which: Which) -> Result<Vec<Decimal>, GridError> {
    if axis.step <= Decimal::ZERO {
        return Err(GridError::StepNotPositive { axis: which });
    }
    if axis.count == 0 || axis.count % 2 == 0 || axis.count > MAX_STEPS {
        return Err(GridError::Count { axis: which, found: axis.count });
    }
    let centre = axis.field.get(s).ok_or(GridError::NoSuchInput { axis: which })?;
    let half =
        i64::try_from(axis.count / 2).map_err(|_| GridError::Count { axis: which, found: axis.count })?;
    (-half..=half)
        .map(|k| {
            let x = axis.step.times(Decimal::from(k)).and_then(|d| centre.plus(d));
            let x = x.ok_or(GridError::TooLarge { axis: which })?;
            let rule = axis.field.rule();
            rule.check(x).map_err(|_| GridError::OutOfRule { axis: which, value: x, rule })?;
            Ok(x)
        })
        .collect()
}

/// The grid of the value per share over two inputs of a valid scenario.
pub fn grid(s: &Scenario, x: Axis, y: Axis) -> Result<Grid, GridError> {
    if x.field == y.field {
        return Err(GridError::SameInput);
    }
    let xs = axis_values(s, x, Which::X)?;
    let ys = axis_values(s, y, Which::Y)?;
    let mut cells = Vec::with_capacity(xs.len() * ys.len());
    for &yv in &ys {
        // The row's scenario once, then each cell's from it.
        let row = moved(s, y.field, yv);
        for &xv in &xs {
            let cell = row.as_ref().map_err(Clone::clone).and_then(|r| value_of(&moved(r, x.field, xv)?));
            cells.push(match cell {
                Ok(v) => Cell::Value(v),
                Err(issue) => Cell::NotAvailable(issue),
            });
        }
    }
    Ok(Grid { x, y, xs, ys, cells })
}

/// A step for an input's axis that reads well and keeps the default grid
/// within the field's rule where it can: a point or two for a margin or a
/// growth rate, five for a discount, a year for a year, else a round
/// tenth of the value (650,000 cars: 50,000; 22x: 2x; 3x: 0.25x).
pub fn default_step(field: Field, value: Decimal) -> Decimal {
    let step = match field {
        Field::BaseYear | Field::ValuationYear => return Decimal::ONE,
        Field::Segment(_, SegmentField::MarginPct) => Decimal::ONE,
        Field::Segment(_, SegmentField::GrowthPct) => Decimal::TWO,
        Field::InvestmentsDiscountPct | Field::HoldingDiscountPct => Decimal::from(5),
        _ if value.is_zero() => Decimal::ONE,
        _ => round_step(value.abs() / Decimal::TEN),
    };
    // Three steps down must not pass a lower limit of 0 (deliveries,
    // multiples, discounts): a smaller round step where it would.
    let half = Decimal::from(DEFAULT_STEPS / 2);
    let floor = match field.rule() {
        Rule::NonNegative | Rule::Positive | Rule::DiscountPct => Some(Decimal::ZERO),
        _ => None,
    };
    let lowest = step.times(half).and_then(|d| value.minus(d));
    match (floor, lowest) {
        (Some(floor), Some(lowest)) if lowest < floor && value > floor => {
            value.minus(floor).and_then(|room| room.over(half)).map_or(step, round_step)
        }
        _ => step,
    }
}

/// The largest of 1, 2, 2.5 and 5 times a power of ten that is at most
/// `v` (for v > 0; 1 otherwise).
pub fn round_step(v: Decimal) -> Decimal {
    if v <= Decimal::ZERO {
        return Decimal::ONE;
    }
    let mut unit = Decimal::ONE;
    // Decimal spans 10^-28 to 10^28: the loops end.
    while unit.times(Decimal::TEN).is_some_and(|u| u <= v) {
        unit *= Decimal::TEN;
    }
    while unit > v && unit > Decimal::new(1, 27) {
        unit /= Decimal::TEN;
    }
    [Decimal::from(5), Decimal::new(25, 1), Decimal::TWO]
        .into_iter()
        .map(|m| unit * m)
        .find(|c| *c <= v)
        .unwrap_or(unit)
}

/// The default grid's axes: EV deliveries by the EV multiple for Xiaomi's
/// shape, else the two inputs of largest swing (`tornado`) that can hold a
/// default grid; None when fewer than two can.
pub fn default_axes(s: &Scenario, by_swing: &[Field]) -> Option<(Axis, Axis)> {
    let make = |field: Field| {
        let value = field.get(s)?;
        let axis = Axis { field, step: default_step(field, value), count: DEFAULT_STEPS };
        axis_values(s, axis, Which::X).ok().map(|_| axis)
    };
    if crate::model::presets::is_xiaomi_shaped(s) {
        let ev = s.segments.iter().position(|seg| seg.id == "ev");
        if let Some(ev) = ev {
            let units = make(Field::Segment(ev, SegmentField::Units));
            let multiple = make(Field::Segment(ev, SegmentField::Multiple));
            if let (Some(x), Some(y)) = (units, multiple) {
                return Some((x, y));
            }
        }
    }
    let mut usable = by_swing.iter().filter_map(|f| make(*f));
    Some((usable.next()?, usable.next()?))
}

/// How far a value is above or below the price, in seven bands for a
/// diverging colour: -3 (30% or more below) to 3 (30% or more above),
/// 0 within 5% of the price.
pub fn upside_band(value: Decimal, price: Decimal) -> i8 {
    let Some(upside) = value.over(price).and_then(|r| r.minus(Decimal::ONE)) else {
        return 0;
    };
    let cut = |pct: i64| Decimal::new(pct, 2);
    let magnitude = if upside.abs() < cut(5) {
        0
    } else if upside.abs() < cut(15) {
        1
    } else if upside.abs() < cut(30) {
        2
    } else {
        3
    };
    if upside < Decimal::ZERO {
        -magnitude
    } else {
        magnitude
    }
}
