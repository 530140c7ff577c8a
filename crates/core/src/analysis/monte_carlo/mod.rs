//! Monte Carlo: thousands of scenarios drawn from ranges the user believes,
//! each valued by the model's one engine, and the distribution of the value
//! per share against the price.
//!
//! - [`Uncertainty`] is the set-up: which inputs are uncertain, the shape
//!   and range of each, the number of draws and the seed. It is part of a
//!   scenario's file (`json`, docs/extensions.md) and of its share link
//!   (`link::v2`). [`defaults`] proposes one for any scenario;
//!   [`Uncertainty::check`] says what is wrong with one, by field.
//! - [`run::Run`] draws and values, a slice at a time (a worker reports
//!   progress between slices), and [`stats::Summary`] is what the draws
//!   say: the chance the value beats the price, the mean, percentiles, a
//!   histogram and which inputs drive the spread.
//!
//! The draws come from `rng` (xoshiro256**, seeded by SplitMix64) through
//! `draw`, so the same scenario, set-up and seed give the same summary on
//! every machine and every release.

pub mod draw;
pub mod json;
pub mod rng;
pub mod run;
pub mod stats;

use crate::model::arith::Checked;
use crate::model::path::{field_at, path_of};
use crate::model::presets::{is_xiaomi_shaped, Preset};
use crate::model::{Field, Method, Rule, Scenario, SegmentField};
use rust_decimal::Decimal;

pub const DEFAULT_DRAWS: u32 = 10_000;
pub const MIN_DRAWS: u32 = 1_000;
pub const MAX_DRAWS: u32 = 100_000;
/// The seed a new set-up gets: the day of the facts sheet's prices.
pub const DEFAULT_SEED: u64 = 20_251_125;
/// Away from Xiaomi's shape, a default range is the value plus and minus
/// this percentage of itself.
pub const DEFAULT_SPREAD_PCT: Decimal = Decimal::from_parts(20, 0, 0, false, 0);
/// At most this many uncertain inputs (a link stays a link).
pub const MAX_INPUTS: usize = 64;

/// The shape of an input's distribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Low, mode and high: most draws near the mode, none outside.
    Triangular,
    /// Every value from low to high equally likely (the mode is not used).
    Uniform,
    /// Normal around the mode, low to high spanning four standard
    /// deviations, truncated to the field's rule (never a negative count
    /// or a margin over 100).
    Normal,
}

impl Shape {
    pub const ALL: [Shape; 3] = [Shape::Triangular, Shape::Uniform, Shape::Normal];

    /// Its name in the file and its byte in a link.
    pub const fn code(self) -> &'static str {
        match self {
            Shape::Triangular => "triangular",
            Shape::Uniform => "uniform",
            Shape::Normal => "normal",
        }
    }

    pub const fn link_tag(self) -> u8 {
        match self {
            Shape::Triangular => 0,
            Shape::Uniform => 1,
            Shape::Normal => 2,
        }
    }

    pub fn from_code(code: &str) -> Option<Shape> {
        Shape::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn from_link_tag(tag: u8) -> Option<Shape> {
        Shape::ALL.into_iter().find(|s| s.link_tag() == tag)
    }
}

/// One uncertain input: a distribution, and the fields that take its draw.
/// Several fields share one draw when they are linked (the three core
/// segments' P/E moving as one "core P/E").
#[derive(Clone, Debug, PartialEq)]
pub struct Uncertain {
    /// Field paths (`model::path`), at least one.
    pub paths: Vec<String>,
    pub shape: Shape,
    pub low: Decimal,
    pub mode: Decimal,
    pub high: Decimal,
}

/// The set-up of a run.
#[derive(Clone, Debug, PartialEq)]
pub struct Uncertainty {
    pub draws: u32,
    pub seed: u64,
    pub inputs: Vec<Uncertain>,
}

/// Which part of a set-up an issue is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    Draws,
    Seed,
    Inputs,
    /// The input at this place in the list: its fields, shape or range.
    Input {
        index: usize,
        what: InputPart,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputPart {
    Fields,
    /// One of its fields, by place.
    Field(usize),
    Shape,
    Low,
    Mode,
    High,
}

/// What is wrong with a set-up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SetupProblem {
    /// Draws outside MIN_DRAWS..=MAX_DRAWS.
    DrawsOutOfRange {
        min: u32,
        max: u32,
    },
    /// A seed that is not a whole number from 0 to 2^64 - 1.
    SeedNotNumber,
    TooManyInputs {
        max: usize,
    },
    /// An input with no field.
    NoFields,
    /// A path that names no field of the scenario.
    UnknownField {
        path: String,
    },
    /// The price or the base year: facts the draws are held against.
    NotDrawable {
        path: String,
    },
    /// A field that is already drawn by an earlier input.
    Repeated {
        path: String,
    },
    /// Low above high.
    LowAboveHigh,
    /// The mode outside low to high.
    ModeOutside,
    /// A bound (or the mode) outside the rule of one of the input's fields.
    OutsideRule {
        path: String,
        rule: Rule,
    },
    /// A shape name the format does not have.
    UnknownShape {
        found: String,
    },
    /// A bound the sampler cannot hold as a float (every decimal converts
    /// today; the conversion is checked rather than assumed).
    TooLargeToDraw,
    /// In a file: a key the block must have is missing.
    Missing,
    /// In a file: a value of the wrong kind (a list where a number goes).
    WrongKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetupIssue {
    pub part: Part,
    pub problem: SetupProblem,
}

impl SetupIssue {
    fn input(index: usize, what: InputPart, problem: SetupProblem) -> SetupIssue {
        SetupIssue { part: Part::Input { index, what }, problem }
    }
}

/// Reads a typed seed: a whole number from 0 to 2^64 - 1, digits only.
pub fn parse_seed(text: &str) -> Result<u64, SetupIssue> {
    let t = text.trim();
    let issue = || SetupIssue { part: Part::Seed, problem: SetupProblem::SeedNotNumber };
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return Err(issue());
    }
    t.parse::<u64>().map_err(|_| issue())
}

impl Uncertainty {
    /// Everything wrong with the set-up for scenario `s`, by part; empty
    /// when it can run.
    pub fn check(&self, s: &Scenario) -> Vec<SetupIssue> {
        let mut issues = Vec::new();
        if !(MIN_DRAWS..=MAX_DRAWS).contains(&self.draws) {
            issues.push(SetupIssue {
                part: Part::Draws,
                problem: SetupProblem::DrawsOutOfRange { min: MIN_DRAWS, max: MAX_DRAWS },
            });
        }
        if self.inputs.len() > MAX_INPUTS {
            issues.push(SetupIssue {
                part: Part::Inputs,
                problem: SetupProblem::TooManyInputs { max: MAX_INPUTS },
            });
        }
        let mut seen: Vec<&str> = Vec::new();
        for (index, input) in self.inputs.iter().enumerate() {
            check_input(s, index, input, &mut seen, &mut issues);
        }
        issues
    }

    /// The fields of each input, in order, for a set-up that passed `check`.
    pub fn fields(&self, s: &Scenario) -> Vec<Vec<Field>> {
        self.inputs.iter().map(|i| i.paths.iter().filter_map(|p| field_at(s, p)).collect()).collect()
    }
}

fn check_input<'a>(
    s: &Scenario,
    index: usize,
    input: &'a Uncertain,
    seen: &mut Vec<&'a str>,
    issues: &mut Vec<SetupIssue>,
) {
    use InputPart as P;
    use SetupProblem as X;
    if input.paths.is_empty() {
        issues.push(SetupIssue::input(index, P::Fields, X::NoFields));
    }
    if input.low > input.high {
        issues.push(SetupIssue::input(index, P::Low, X::LowAboveHigh));
    } else if input.shape != Shape::Uniform && (input.mode < input.low || input.mode > input.high) {
        issues.push(SetupIssue::input(index, P::Mode, X::ModeOutside));
    }
    for (place, path) in input.paths.iter().enumerate() {
        let at = P::Field(place);
        let Some(field) = field_at(s, path) else {
            issues.push(SetupIssue::input(index, at, X::UnknownField { path: path.clone() }));
            continue;
        };
        if matches!(field, Field::Price | Field::BaseYear) {
            issues.push(SetupIssue::input(index, at, X::NotDrawable { path: path.clone() }));
            continue;
        }
        if seen.contains(&path.as_str()) {
            issues.push(SetupIssue::input(index, at, X::Repeated { path: path.clone() }));
            continue;
        }
        seen.push(path);
        let rule = field.rule();
        let mut bounds = vec![(P::Low, input.low), (P::High, input.high)];
        if input.shape != Shape::Uniform {
            bounds.push((P::Mode, input.mode));
        }
        for (what, x) in bounds {
            if rule.check(x).is_err() {
                issues.push(SetupIssue::input(index, what, X::OutsideRule { path: path.clone(), rule }));
                break;
            }
        }
    }
}

/// The set-up a scenario gets before the user changes it.
///
/// For Xiaomi's shape: every input whose Bear and Bull values differ,
/// triangular from the smallest to the largest of its Bear, Bull and
/// current values, the mode at the current value. For any other scenario:
/// each segment's forecast inputs (units, ASP, growth, revenue, the margin
/// where the method uses it, the multiple) at plus and minus 20% of the
/// current value, kept within the field's rule; reported base-year figures,
/// the balance sheet, the share count and FX are facts and left fixed, as
/// are inputs at zero.
///
/// Segments whose method and multiple are equal (and, for Xiaomi's shape,
/// whose Bear and Bull multiples are too) share one draw of the multiple.
pub fn defaults(s: &Scenario) -> Uncertainty {
    let xiaomi = is_xiaomi_shaped(s);
    let (bear, bull) = (Preset::Bear.scenario(), Preset::Bull.scenario());
    let mut inputs: Vec<Uncertain> = Vec::new();
    for field in super::inputs(s) {
        if !moves_value(s, field) {
            continue;
        }
        let range = if xiaomi { preset_range(s, field, &bear, &bull) } else { spread_range(s, field) };
        let (Some((low, mode, high)), Some(path)) = (range, path_of(field, s)) else {
            continue;
        };
        let input = Uncertain { paths: vec![path], shape: Shape::Triangular, low, mode, high };
        match linked_with(s, field, &inputs, xiaomi, (&bear, &bull)) {
            Some(i) => {
                if let Some(group) = inputs.get_mut(i) {
                    group.paths.extend(input.paths);
                }
            }
            None => inputs.push(input),
        }
    }
    Uncertainty { draws: DEFAULT_DRAWS, seed: DEFAULT_SEED, inputs }
}

/// Whether the field can move the value at all: a margin under EV/Sales
/// cannot.
fn moves_value(s: &Scenario, field: Field) -> bool {
    match field {
        Field::Segment(i, SegmentField::MarginPct) => {
            s.segments.get(i).is_some_and(|seg| seg.method != Method::EvSales)
        }
        _ => true,
    }
}

fn preset_range(
    s: &Scenario,
    f: Field,
    bear: &Scenario,
    bull: &Scenario,
) -> Option<(Decimal, Decimal, Decimal)> {
    let (lo, hi, now) = (f.get(bear)?, f.get(bull)?, f.get(s)?);
    if lo == hi {
        return None;
    }
    Some((lo.min(hi).min(now), now, lo.max(hi).max(now)))
}

fn spread_range(s: &Scenario, f: Field) -> Option<(Decimal, Decimal, Decimal)> {
    use SegmentField as S;
    let forecast = matches!(
        f,
        Field::Segment(_, S::Units | S::Asp | S::GrowthPct | S::RevenueBn | S::MarginPct | S::Multiple)
    );
    let now = f.get(s)?;
    if !forecast || now.is_zero() {
        return None;
    }
    let d = now.abs().times(DEFAULT_SPREAD_PCT)?.over(Decimal::ONE_HUNDRED)?;
    let (mut low, mut high) = (now.minus(d)?, now.plus(d)?);
    let hundred = Decimal::ONE_HUNDRED;
    match f.rule() {
        Rule::MarginPct => (low, high) = (low.max(-hundred), high.min(hundred)),
        // Growth must stay above -100%: -99% is as far as a range goes.
        Rule::GrowthPct => low = low.max(Decimal::from(-99)),
        _ => {}
    }
    Some((low, now, high))
}

/// The input already listed whose draw `field` shares: a multiple of a
/// segment with the same method and multiple (and, for Xiaomi, the same
/// Bear and Bull multiples).
fn linked_with(
    s: &Scenario,
    field: Field,
    inputs: &[Uncertain],
    xiaomi: bool,
    (bear, bull): (&Scenario, &Scenario),
) -> Option<usize> {
    let Field::Segment(i, SegmentField::Multiple) = field else {
        return None;
    };
    let same = |j: usize| {
        let (a, b) = (s.segments.get(i), s.segments.get(j));
        let both = |p: &Scenario| {
            Some(
                Field::Segment(i, SegmentField::Multiple).get(p)?
                    == Field::Segment(j, SegmentField::Multiple).get(p)?,
            )
        };
        match (a, b) {
            (Some(a), Some(b)) => {
                a.method == b.method
                    && a.multiple == b.multiple
                    && (!xiaomi || (both(bear) == Some(true) && both(bull) == Some(true)))
            }
            _ => false,
        }
    };
    inputs.iter().position(|input| {
        input.paths.iter().any(|p| matches!(field_at(s, p), Some(Field::Segment(j, SegmentField::Multiple)) if j != i && same(j)))
    })
}
