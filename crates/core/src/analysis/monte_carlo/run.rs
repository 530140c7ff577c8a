//! A run: the draws of a set-up, each valued by `model::evaluate`, a slice
//! at a time so that a worker can report progress and stop between slices.

use super::draw::Sampler;
use super::rng::Xoshiro256;
use super::stats::{summarise, Summary};
use super::{InputPart, Part, SetupIssue, SetupProblem, Uncertainty};
use crate::analysis::value_of;
use crate::model::{Field, Issue, Rule, Scenario};
use rust_decimal::Decimal;

/// A run under way (or done).
#[derive(Clone, Debug)]
pub struct Run {
    /// The scenario of the current draw: the user's, with every uncertain
    /// field overwritten at each draw (so no draw sees another's values).
    working: Scenario,
    /// The user's own value per share (the headline).
    value: Decimal,
    /// Each input's fields, its sampler, and the rules of its fields (a
    /// truncated normal draws again until every one holds).
    inputs: Vec<(Vec<Field>, Sampler, Vec<Rule>)>,
    rng: Xoshiro256,
    total: u32,
    /// Per draw: the drawn value of each input (in units of its last
    /// place, `Sampler::draw_units`: what ranking needs), and the value per
    /// share (or None, `first_issue` saying what stopped the first).
    drawn: Vec<Vec<i64>>,
    values: Vec<Option<Decimal>>,
    first_issue: Option<Issue>,
}

/// Why a run does not start.
#[derive(Clone, Debug, PartialEq)]
pub enum RunError {
    /// The set-up is wrong (by part).
    Setup(Vec<SetupIssue>),
    /// The scenario itself does not value.
    Scenario(Issue),
}

impl Run {
    /// A run of `setup` on scenario `s`, checked, nothing drawn yet.
    pub fn new(s: &Scenario, setup: &Uncertainty) -> Result<Run, RunError> {
        let issues = setup.check(s);
        if !issues.is_empty() {
            return Err(RunError::Setup(issues));
        }
        let value = value_of(s).map_err(RunError::Scenario)?;
        let mut inputs = Vec::with_capacity(setup.inputs.len());
        for (index, (fields, u)) in setup.fields(s).into_iter().zip(&setup.inputs).enumerate() {
            let whole = fields.iter().any(|f| f.typed_whole());
            let rules = fields.iter().map(|f| f.rule()).collect();
            // Every input keeps its place: the drivers name inputs by it.
            let Some(sampler) = Sampler::new(u.shape, u.low, u.mode, u.high, whole) else {
                let issue = SetupIssue {
                    part: Part::Input { index, what: InputPart::High },
                    problem: SetupProblem::TooLargeToDraw,
                };
                return Err(RunError::Setup(vec![issue]));
            };
            inputs.push((fields, sampler, rules));
        }
        let n = usize::try_from(setup.draws).unwrap_or(0);
        Ok(Run {
            working: s.clone(),
            value,
            inputs,
            rng: Xoshiro256::seeded(setup.seed),
            total: setup.draws,
            drawn: Vec::with_capacity(n),
            values: Vec::with_capacity(n),
            first_issue: None,
        })
    }

    /// Draws and values up to `count` more draws; returns how many are done.
    pub fn step(&mut self, count: u32) -> u32 {
        for _ in 0..count {
            if self.done() >= self.total {
                break;
            }
            self.draw_one();
        }
        self.done()
    }

    fn draw_one(&mut self) {
        let mut row = Vec::with_capacity(self.inputs.len());
        let mut broken: Option<Issue> = None;
        for (fields, sampler, rules) in &self.inputs {
            let units = sampler.draw_units(&mut self.rng, |x| rules.iter().all(|r| r.check(x).is_ok()));
            match units {
                Some(units) => {
                    let x = sampler.decimal(units);
                    for f in fields {
                        f.set(&mut self.working, x);
                    }
                    row.push(units);
                }
                None => {
                    // A normal that never landed inside its rule: this draw
                    // has no value.
                    row.push(0);
                    if broken.is_none() {
                        broken = fields.first().map(|f| {
                            Issue::for_field(*f, &self.working, crate::model::Problem::Rule(f.rule()))
                        });
                    }
                }
            }
        }
        let value = match broken {
            Some(issue) => Err(issue),
            None => value_of(&self.working),
        };
        match value {
            Ok(v) => self.values.push(Some(v)),
            Err(issue) => {
                self.first_issue.get_or_insert(issue);
                self.values.push(None);
            }
        }
        self.drawn.push(row);
    }

    /// Draws done so far.
    pub fn done(&self) -> u32 {
        u32::try_from(self.values.len()).unwrap_or(u32::MAX)
    }

    pub fn total(&self) -> u32 {
        self.total
    }

    pub fn finished(&self) -> bool {
        self.done() >= self.total
    }

    /// What the draws so far say.
    pub fn summary(&self) -> Summary {
        // The price is never drawn (`check` refuses it): the working copy's is the user's.
        summarise(self.working.price, Some(self.value), &self.values, &self.drawn, self.first_issue.clone())
    }
}

/// Every draw of `setup` on `s`, at once (tests, benchmarks, the worker's
/// last slice).
pub fn run(s: &Scenario, setup: &Uncertainty) -> Result<Summary, RunError> {
    let mut r = Run::new(s, setup)?;
    r.step(setup.draws);
    Ok(r.summary())
}
