//! What the draws say, exactly over the draws: counts, decimal sums and
//! ranks; no float touches a value here.

use crate::model::arith::Checked;
use crate::model::Issue;
use rust_decimal::Decimal;

/// The percentiles shown, in percent.
pub const PERCENTILES: [u32; 5] = [5, 10, 50, 90, 95];

/// The summary of a run's draws so far.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// Draws done.
    pub draws: u32,
    /// Draws the engine valued; the rest broke a rule or overflowed, and
    /// `first_issue` says what the first of them broke.
    pub valued: u32,
    pub first_issue: Option<Issue>,
    pub price: Decimal,
    /// The user's own value per share (the headline), for the histogram.
    pub value: Option<Decimal>,
    /// Valued draws whose value per share is above the price.
    pub above: u32,
    /// The valued draws' values, smallest first.
    pub sorted: Vec<Decimal>,
    /// Each uncertain input's part in the spread, largest first.
    pub drivers: Vec<DriverShare>,
}

/// How much of the spread of the value one input explains: the square of
/// Spearman's rank correlation between its draws and the values, in parts
/// per million (for independent draws these add up to about the whole).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DriverShare {
    /// The input's place in the set-up.
    pub input: usize,
    pub rho_squared_ppm: u32,
    /// Whether a higher draw gives a higher value.
    pub rises: bool,
}

/// One bar of the histogram: values from `low` (inclusive) to `high`
/// (exclusive, but the last bar holds the largest value).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bin {
    pub low: Decimal,
    pub high: Decimal,
    pub count: u32,
}

impl Summary {
    /// P(value per share > price) in percent: above x 100 / valued.
    pub fn p_above_pct(&self) -> Option<Decimal> {
        Decimal::from(self.above).times(Decimal::ONE_HUNDRED)?.over(Decimal::from(self.valued))
    }

    /// The mean value per share of the valued draws: their sum taken
    /// exactly (whole numbers of 10^-28), divided once and rounded to the
    /// 28 digits a decimal holds. A sum too large for that falls back to
    /// decimal addition (about 10^38 / 10^28 / n per share: never for a
    /// price in the hundreds of thousands).
    pub fn mean(&self) -> Option<Decimal> {
        exact_mean(&self.sorted).or_else(|| {
            let mut sum = Decimal::ZERO;
            for v in &self.sorted {
                sum = sum.plus(*v)?;
            }
            sum.over(Decimal::from(self.valued))
        })
    }

    /// The `p`th percentile (0 < p <= 100) by nearest rank: the value at
    /// rank ceil(p x n / 100) of the n sorted values. The 50th is the median
    /// (the lower middle value when n is even).
    pub fn percentile(&self, p: u32) -> Option<Decimal> {
        let n = self.sorted.len();
        if p == 0 || p > 100 || n == 0 {
            return None;
        }
        let rank = n.checked_mul(usize::try_from(p).ok()?)?.div_ceil(100);
        self.sorted.get(rank.checked_sub(1)?).copied()
    }

    pub fn min(&self) -> Option<Decimal> {
        self.sorted.first().copied()
    }

    pub fn max(&self) -> Option<Decimal> {
        self.sorted.last().copied()
    }

    /// `bins` bars of equal width from the smallest value to the largest.
    pub fn histogram(&self, bins: u32) -> Vec<Bin> {
        let (Some(lo), Some(hi)) = (self.min(), self.max()) else {
            return Vec::new();
        };
        let Some(width) = hi.minus(lo).and_then(|w| w.over(Decimal::from(bins.max(1)))) else {
            return Vec::new();
        };
        let mut out: Vec<Bin> = (0..bins.max(1))
            .map(|i| {
                let low = lo.plus(width.times(Decimal::from(i)).unwrap_or(Decimal::ZERO)).unwrap_or(lo);
                let high = if i + 1 == bins.max(1) { hi } else { low.plus(width).unwrap_or(hi) };
                Bin { low, high, count: 0 }
            })
            .collect();
        // Walk the sorted values once, moving to the next bar as they pass.
        let mut bar = 0usize;
        let last = out.len().saturating_sub(1);
        for v in &self.sorted {
            while bar < last && out.get(bar).is_some_and(|b| *v >= b.high) {
                bar += 1;
            }
            if let Some(b) = out.get_mut(bar) {
                b.count = b.count.saturating_add(1);
            }
        }
        out
    }
}

/// The mean of `values` through an exact i128 sum at scale 28; None when
/// empty or when the sum does not fit.
fn exact_mean(values: &[Decimal]) -> Option<Decimal> {
    const SCALE: u32 = 28;
    let mut sum: i128 = 0;
    for v in values {
        let up = 10i128.checked_pow(SCALE.checked_sub(v.scale())?)?;
        sum = sum.checked_add(v.mantissa().checked_mul(up)?)?;
    }
    let n = i128::try_from(values.len()).ok().filter(|n| *n > 0)?;
    let mut q = rounded_div(sum, n);
    let mut scale = SCALE;
    loop {
        if let Ok(d) = Decimal::try_from_i128_with_scale(q, scale) {
            return Some(d.normalize());
        }
        scale = scale.checked_sub(1)?;
        q = rounded_div(q, 10);
    }
}

/// `a / b` rounded half away from zero (b > 0).
fn rounded_div(a: i128, b: i128) -> i128 {
    let (q, r) = (a / b, a % b);
    if r.unsigned_abs().saturating_mul(2) >= b.unsigned_abs() {
        q + a.signum()
    } else {
        q
    }
}

/// The summary of `values` (None: the draw was not valued) and the inputs
/// `drawn` for each draw.
pub(super) fn summarise(
    price: Decimal,
    value: Option<Decimal>,
    values: &[Option<Decimal>],
    drawn: &[Vec<i64>],
    first_issue: Option<Issue>,
) -> Summary {
    let valued_rows: Vec<(Decimal, &Vec<i64>)> =
        values.iter().zip(drawn).filter_map(|(v, row)| v.map(|v| (v, row))).collect();
    let mut sorted: Vec<Decimal> = valued_rows.iter().map(|(v, _)| *v).collect();
    sorted.sort();
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let inputs = drawn.first().map_or(0, Vec::len);
    let value_ranks = centred_ranks(&valued_rows.iter().map(|(v, _)| *v).collect::<Vec<_>>());
    let mut drivers: Vec<DriverShare> = (0..inputs)
        .map(|i| {
            let xs: Vec<i64> =
                valued_rows.iter().map(|(_, row)| row.get(i).copied().unwrap_or_default()).collect();
            let (ppm, rises) = rho_squared_ppm(&centred_ranks(&xs), &value_ranks);
            DriverShare { input: i, rho_squared_ppm: ppm, rises }
        })
        .collect();
    drivers.sort_by_key(|d| (std::cmp::Reverse(d.rho_squared_ppm), d.input));
    Summary {
        draws: count(values.len()),
        valued: count(sorted.len()),
        first_issue,
        price,
        value,
        above: count(sorted.iter().filter(|v| **v > price).count()),
        sorted,
        drivers,
    }
}

/// Twice each value's rank (ties share their average rank), minus n + 1:
/// whole numbers that sum to zero.
pub fn centred_ranks<T: Ord>(xs: &[T]) -> Vec<i64> {
    let n = xs.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| xs.get(a).cmp(&xs.get(b)));
    let mut out = vec![0i64; n];
    let n1 = i64::try_from(n).unwrap_or(i64::MAX).saturating_add(1);
    let mut start = 0usize;
    while start < n {
        let key = order.get(start).and_then(|&i| xs.get(i));
        let mut end = start;
        while end + 1 < n && order.get(end + 1).and_then(|&i| xs.get(i)) == key {
            end += 1;
        }
        // Ranks start + 1 to end + 1 share their average; twice it is this.
        let twice = i64::try_from(start + end + 2).unwrap_or(i64::MAX);
        for &i in order.get(start..=end).unwrap_or(&[]) {
            if let Some(slot) = out.get_mut(i) {
                *slot = twice - n1;
            }
        }
        start = end + 1;
    }
    out
}

/// Pearson's correlation of two rank lists, squared, in parts per million
/// (exact integer arithmetic, rounded down), and its sign.
pub fn rho_squared_ppm(x: &[i64], y: &[i64]) -> (u32, bool) {
    let (mut sxy, mut sxx, mut syy) = (0i128, 0i128, 0i128);
    for (a, b) in x.iter().zip(y) {
        let (a, b) = (i128::from(*a), i128::from(*b));
        sxy += a * b;
        sxx += a * a;
        syy += b * b;
    }
    let den = sxx.checked_mul(syy).unwrap_or(0);
    if den == 0 {
        return (0, true);
    }
    let ppm = sxy.checked_mul(sxy).and_then(|n| n.checked_mul(1_000_000)).map(|n| n / den).unwrap_or(0);
    (u32::try_from(ppm).unwrap_or(1_000_000), sxy >= 0)
}
