//! One draw of one input: a number in (0, 1) from the generator turned into
//! a value of the input's distribution.
//!
//! This is the only float arithmetic of the analysis, and it is not the
//! valuation: it picks *which* inputs a draw values. Each drawn input is
//! rounded to a decimal (whole for counts and years, else 4 places) before
//! the engine sees it, and the engine values it in exact decimals as it
//! values the headline. The operations used (+ - * / and `sqrt`, correctly
//! rounded by IEEE 754, and `libm::log`, plain Rust) give the same bits on
//! every machine, so a seed gives the same draws everywhere.
#![allow(clippy::float_arithmetic)]

use super::rng::Xoshiro256;
use super::Shape;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// How many times a normal draw outside its field's rule is drawn again
/// before the input is given up as undrawable (validation keeps the mode
/// inside the rule, so at least about half of the draws are accepted).
pub const NORMAL_TRIES: u32 = 1_000;

/// A distribution ready to draw from, its parameters as floats.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sampler {
    shape: Shape,
    low: f64,
    mode: f64,
    high: f64,
    whole: bool,
}

impl Sampler {
    /// None when a parameter does not fit a float (no decimal a rule allows
    /// does that, but the conversion is checked).
    pub fn new(shape: Shape, low: Decimal, mode: Decimal, high: Decimal, whole: bool) -> Option<Sampler> {
        Some(Sampler { shape, low: low.to_f64()?, mode: mode.to_f64()?, high: high.to_f64()?, whole })
    }

    /// One value, rounded as the engine will see it; `accept` is the field's
    /// rule (the truncation of the normal). None when the normal gives no
    /// acceptable value in `NORMAL_TRIES` draws.
    pub fn draw(&self, rng: &mut Xoshiro256, accept: impl Fn(Decimal) -> bool) -> Option<Decimal> {
        self.draw_units(rng, accept).map(|u| self.decimal(u))
    }

    /// [`Sampler::draw`] in whole units of its last place (10^-4, or 1 for
    /// counts and years): what a run keeps to rank the draws cheaply.
    pub fn draw_units(&self, rng: &mut Xoshiro256, accept: impl Fn(Decimal) -> bool) -> Option<i64> {
        match self.shape {
            Shape::Uniform => self.units(self.low + rng.open_unit() * (self.high - self.low)),
            Shape::Triangular => self.units(self.triangular(rng.open_unit())),
            Shape::Normal => {
                // Low and high span four standard deviations around the mode.
                let sd = (self.high - self.low) / 4.0;
                for _ in 0..NORMAL_TRIES {
                    let u = self.units(self.mode + sd * inverse_normal(rng.open_unit()))?;
                    if accept(self.decimal(u)) {
                        return Some(u);
                    }
                }
                None
            }
        }
    }

    /// The decimal of a count of units.
    pub fn decimal(&self, units: i64) -> Decimal {
        Decimal::new(units, self.places()).normalize()
    }

    fn places(&self) -> u32 {
        if self.whole {
            0
        } else {
            4
        }
    }

    /// The inverse of the triangular CDF at `u`.
    fn triangular(&self, u: f64) -> f64 {
        let (a, c, b) = (self.low, self.mode, self.high);
        let width = b - a;
        if width <= 0.0 {
            return a;
        }
        let split = (c - a) / width;
        if u < split {
            a + (u * width * (c - a)).sqrt()
        } else {
            b - ((1.0 - u) * width * (b - c)).sqrt()
        }
    }

    /// `x` in units of the last place, to the nearest (halves away from
    /// zero): scaled, rounded and counted in a whole number, all exact or
    /// correctly rounded float steps. None beyond 2^53 units (far beyond any
    /// value a rule allows that a reader would type).
    fn units(&self, x: f64) -> Option<i64> {
        const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
        let scale = if self.whole { 1.0 } else { 10_000.0 };
        let units = libm::round(x * scale);
        if !units.is_finite() || units.abs() >= EXACT {
            return None;
        }
        // |units| < 2^53: the conversion is exact.
        #[allow(clippy::cast_possible_truncation)]
        let units = units as i64;
        Some(units)
    }
}

/// The standard normal's quantile at `p` in (0, 1): Acklam's rational
/// approximation (relative error under 1.2e-9), enough for choosing draws.
pub fn inverse_normal(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] =
        [7.784_695_709_041_462e-3, 3.224_671_290_700_398e-1, 2.445_134_137_142_996, 3.754_408_661_907_416];
    const P_LOW: f64 = 0.02425;
    let tail = |q: f64| {
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    if p < P_LOW {
        tail((-2.0 * libm::log(p)).sqrt())
    } else if p <= 1.0 - P_LOW {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    } else {
        -tail((-2.0 * libm::log(1.0 - p)).sqrt())
    }
}
