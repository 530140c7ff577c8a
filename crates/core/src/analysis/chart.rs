//! The numbers behind the pictures: the waterfall of the bridge, the rows
//! of the football field and the scale both are drawn on. Positions are
//! exact decimals; `display` writes them into the SVG.

use super::targets::Target;
use crate::model::arith::Checked;
use crate::model::valuation::{GroupTerm, Valuation};
use rust_decimal::Decimal;

/// A bar of the waterfall.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepKind {
    /// A segment's value per share, by its index.
    Segment(usize),
    /// A group term's effect per share.
    Group(GroupTerm),
    /// The value per share.
    Total,
}

/// A bar from `start` to `end`, per share in the listing currency.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Step {
    pub kind: StepKind,
    pub start: Decimal,
    pub end: Decimal,
}

impl Step {
    pub fn amount(&self) -> Option<Decimal> {
        self.end.minus(self.start)
    }
}

/// The waterfall of a valuation: each segment stacking up from zero, then
/// each group term that is not zero up or down, then the value per share
/// from zero. Its lines are the bridge's, so it adds up as the bridge does.
pub fn waterfall(v: &Valuation) -> Vec<Step> {
    let lines = v.segments.iter().enumerate().map(|(i, s)| (StepKind::Segment(i), s.per_share_listing));
    let groups = v
        .group_lines
        .iter()
        .filter(|l| !l.per_share_listing.is_zero())
        .map(|l| (StepKind::Group(l.term), l.per_share_listing));
    let mut at = Decimal::ZERO;
    let mut steps = Vec::with_capacity(v.segments.len() + v.group_lines.len() + 1);
    for (kind, amount) in lines.chain(groups) {
        let Some(end) = at.plus(amount) else {
            break;
        };
        steps.push(Step { kind, start: at, end });
        at = end;
    }
    steps.push(Step { kind: StepKind::Total, start: Decimal::ZERO, end: v.per_share_listing });
    steps
}

/// A row of the football field: one way of judging the value.
#[derive(Clone, Debug, PartialEq)]
pub enum Row {
    /// The Bear to Bull range of the presets, and Base.
    Presets { bear: Decimal, base: Decimal, bull: Decimal },
    /// The sensitivity grid's lowest to highest cell.
    Grid { low: Decimal, high: Decimal },
    /// The analysts' published targets.
    Analysts(&'static [Target]),
    /// The user's value.
    Yours(Decimal),
    /// The user's saved scenarios of the same company: name and value.
    Saved(Vec<(String, Decimal)>),
    /// A simulated range (the Monte Carlo's, when it comes): 5th to 95th
    /// percentile and the median.
    Simulated { low: Decimal, median: Decimal, high: Decimal },
}

impl Row {
    /// Every value the row draws, to fit the scale around.
    pub fn values(&self) -> Vec<Decimal> {
        match self {
            Row::Presets { bear, base, bull } => vec![*bear, *base, *bull],
            Row::Grid { low, high } => vec![*low, *high],
            Row::Analysts(targets) => targets
                .iter()
                .flat_map(|t| [Some(t.target), t.range.map(|r| r.0), t.range.map(|r| r.1)])
                .flatten()
                .collect(),
            Row::Yours(v) => vec![*v],
            Row::Saved(list) => list.iter().map(|(_, v)| *v).collect(),
            Row::Simulated { low, median, high } => vec![*low, *median, *high],
        }
    }
}

/// A linear scale from values to positions on a length, with round ticks.
#[derive(Clone, Debug, PartialEq)]
pub struct Scale {
    pub min: Decimal,
    pub max: Decimal,
    pub ticks: Vec<Decimal>,
}

impl Scale {
    /// A scale that holds every value, from one round tick to another,
    /// about five ticks apart. None for no values.
    pub fn fit(values: impl IntoIterator<Item = Decimal>) -> Option<Scale> {
        // One body for every caller's iterator: the charts' wasm has it once.
        Self::fit_all(&values.into_iter().collect::<Vec<_>>())
    }

    fn fit_all(values: &[Decimal]) -> Option<Scale> {
        let mut values = values.iter().copied();
        let first = values.next()?;
        let (lo, hi) = values.fold((first, first), |(lo, hi), v| (lo.min(v), hi.max(v)));
        let span = hi.minus(lo)?;
        let span = if span.is_zero() { lo.abs().max(Decimal::ONE) } else { span };
        let step = super::sensitivity::round_step(span.over(Decimal::from(5))?);
        let min = lo.over(step)?.floor().times(step)?;
        let max = hi.over(step)?.ceil().times(step)?;
        let max = if max == min { max.plus(step)? } else { max };
        let mut ticks = Vec::new();
        let mut t = min;
        while t <= max && ticks.len() < 40 {
            ticks.push(t);
            t = t.plus(step)?;
        }
        Some(Scale { min, max, ticks })
    }

    /// Where `x` falls on a length of `length`, from 0 at `min`; values
    /// outside the scale are held at its ends.
    pub fn at(&self, x: Decimal, length: Decimal) -> Decimal {
        let x = x.clamp(self.min, self.max);
        let span = self.max.minus(self.min).filter(|s| !s.is_zero());
        span.and_then(|span| x.minus(self.min)?.times(length)?.over(span)).unwrap_or(Decimal::ZERO)
    }
}
