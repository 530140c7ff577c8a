//! The set-up in the scenario file: an optional `monte_carlo` block beside
//! the scenario's keys (docs/extensions.md). Files without it read as
//! before, and readers that do not know it ignore it.
//!
//! ```json
//! "monte_carlo": {
//!   "draws": 10000,
//!   "seed": "20251125",
//!   "inputs": [
//!     { "fields": ["smartphones.multiple", "iot.multiple", "internet.multiple"],
//!       "shape": "triangular", "low": "15", "mode": "22", "high": "27" }
//!   ]
//! }
//! ```
//!
//! Decimals are strings, as everywhere in the file; the seed is a string
//! too, since a 64-bit number does not survive JavaScript's JSON numbers.

use super::{InputPart, Part, SetupIssue, SetupProblem, Shape, Uncertain, Uncertainty};
use crate::model::json::{from_value as scenario_from_value, parse_file, to_value as scenario_to_value};
use crate::model::{parse_decimal, Issue, Scenario};
use rust_decimal::Decimal;
use serde_json::{json, Value};

/// The key of the block in the file.
pub const KEY: &str = "monte_carlo";

/// The block as JSON.
pub fn to_value(u: &Uncertainty) -> Value {
    let inputs: Vec<Value> = u
        .inputs
        .iter()
        .map(|i| {
            json!({
                "fields": i.paths,
                "shape": i.shape.code(),
                "low": i.low.to_string(),
                "mode": i.mode.to_string(),
                "high": i.high.to_string(),
            })
        })
        .collect();
    json!({ "draws": u.draws, "seed": u.seed.to_string(), "inputs": inputs })
}

/// The scenario file with the block (none: exactly the file of
/// `model::json::to_json`).
pub fn file_json(s: &Scenario, u: Option<&Uncertainty>) -> String {
    let mut v = scenario_to_value(s);
    if let (Some(u), Value::Object(map)) = (u, &mut v) {
        map.insert(KEY.to_string(), to_value(u));
    }
    serde_json::to_string_pretty(&v).unwrap_or_default()
}

/// A scenario file read with its block: the scenario (or everything wrong
/// with it, as `model::json::from_json` says), and the block when the file
/// has one: the set-up, or what is wrong with it. A broken block never
/// stops the scenario from opening.
pub type FileRead = (Scenario, Option<Result<Uncertainty, Vec<SetupIssue>>>);

pub fn read_file(text: &str) -> Result<FileRead, Vec<Issue>> {
    let value = parse_file(text)?;
    let scenario = scenario_from_value(&value)?;
    let block = value.get(KEY).map(|b| from_value(b, &scenario));
    Ok((scenario, block))
}

/// Reads the block for scenario `s`: a set-up that passes
/// `Uncertainty::check`, or every issue found.
pub fn from_value(v: &Value, s: &Scenario) -> Result<Uncertainty, Vec<SetupIssue>> {
    let mut issues = Vec::new();
    let Some(map) = v.as_object() else {
        return Err(vec![SetupIssue { part: Part::Inputs, problem: SetupProblem::WrongKind }]);
    };
    let draws = match map.get("draws") {
        None => Some(super::DEFAULT_DRAWS),
        Some(d) => {
            let n =
                d.as_u64().and_then(|n| u32::try_from(n).ok()).or_else(|| d.as_str()?.trim().parse().ok());
            if n.is_none() {
                issues.push(SetupIssue {
                    part: Part::Draws,
                    problem: SetupProblem::DrawsOutOfRange { min: super::MIN_DRAWS, max: super::MAX_DRAWS },
                });
            }
            n
        }
    };
    let seed = match map.get("seed") {
        None => Some(super::DEFAULT_SEED),
        Some(Value::String(t)) => super::parse_seed(t).map_err(|e| issues.push(e)).ok(),
        Some(Value::Number(n)) => super::parse_seed(&n.to_string()).map_err(|e| issues.push(e)).ok(),
        Some(_) => {
            issues.push(SetupIssue { part: Part::Seed, problem: SetupProblem::SeedNotNumber });
            None
        }
    };
    let inputs = match map.get("inputs") {
        Some(Value::Array(list)) => {
            list.iter().enumerate().filter_map(|(index, item)| read_input(index, item, &mut issues)).collect()
        }
        None => Vec::new(),
        Some(_) => {
            issues.push(SetupIssue { part: Part::Inputs, problem: SetupProblem::WrongKind });
            Vec::new()
        }
    };
    match (draws, seed) {
        (Some(draws), Some(seed)) if issues.is_empty() => {
            let u = Uncertainty { draws, seed, inputs };
            let found = u.check(s);
            if found.is_empty() {
                Ok(u)
            } else {
                Err(found)
            }
        }
        _ => Err(issues),
    }
}

fn read_input(index: usize, v: &Value, issues: &mut Vec<SetupIssue>) -> Option<Uncertain> {
    let at = |what| Part::Input { index, what };
    let mut wrong = |what, problem| {
        issues.push(SetupIssue { part: at(what), problem });
        None::<()>
    };
    let Some(map) = v.as_object() else {
        wrong(InputPart::Fields, SetupProblem::WrongKind);
        return None;
    };
    let paths: Option<Vec<String>> = match map.get("fields") {
        Some(Value::Array(list)) => list.iter().map(|p| p.as_str().map(str::to_string)).collect(),
        _ => None,
    };
    if paths.is_none() {
        wrong(
            InputPart::Fields,
            if map.contains_key("fields") { SetupProblem::WrongKind } else { SetupProblem::Missing },
        );
    }
    let shape = match map.get("shape") {
        None => Some(Shape::Triangular),
        Some(Value::String(code)) => {
            let shape = Shape::from_code(code);
            if shape.is_none() {
                wrong(InputPart::Shape, SetupProblem::UnknownShape { found: code.clone() });
            }
            shape
        }
        Some(_) => {
            wrong(InputPart::Shape, SetupProblem::WrongKind);
            None
        }
    };
    let mut number = |key: &str, what| {
        let d = map.get(key).and_then(decimal);
        if d.is_none() {
            wrong(what, if map.contains_key(key) { SetupProblem::WrongKind } else { SetupProblem::Missing });
        }
        d
    };
    let (low, mode, high) =
        (number("low", InputPart::Low), number("mode", InputPart::Mode), number("high", InputPart::High));
    Some(Uncertain { paths: paths?, shape: shape?, low: low?, mode: mode?, high: high? })
}

/// A decimal written as the file writes one (a string) or as a JSON number.
fn decimal(v: &Value) -> Option<Decimal> {
    match v {
        Value::String(t) => parse_decimal(t).ok(),
        Value::Number(n) => parse_decimal(&n.to_string()).ok(),
        _ => None,
    }
}
