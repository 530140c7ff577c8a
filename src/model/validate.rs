//! The rules of spec/valuation-model.md, checked all at once.

use super::field::Field;
use super::scenario::Scenario;
use rust_decimal::Decimal;
use std::fmt;

/// One thing wrong with a scenario: where (a JSON path), what the user calls
/// it, and which rule it breaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// Path in the scenario file, e.g. `segments[3].driver.units`.
    pub path: String,
    /// The field's name in words, e.g. "Smart EV units".
    pub label: String,
    /// The rule, e.g. "must be 0 or more".
    pub problem: String,
    /// The numeric field concerned, when there is one, so the UI can show
    /// the message beside it.
    pub field: Option<Field>,
}

impl Issue {
    pub fn new(path: impl Into<String>, label: impl Into<String>, problem: impl Into<String>) -> Self {
        Issue { path: path.into(), label: label.into(), problem: problem.into(), field: None }
    }

    pub fn for_field(field: Field, s: &Scenario, problem: impl Into<String>) -> Self {
        Issue { path: field.json_path(), label: field.label(s), problem: problem.into(), field: Some(field) }
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.label, self.problem)
    }
}

pub const MAX_SEGMENTS: usize = 12;
pub const MAX_YEARS: i32 = 10;

/// Every rule the spec states, plus the one the valuation needs (buybacks
/// must leave shares outstanding). Returns all issues found, in file order.
pub fn validate(s: &Scenario) -> Vec<Issue> {
    let mut issues = Vec::new();
    check_text(&mut issues, "name", "Scenario name", &s.name, MAX_NAME_CHARS);
    for (path, label, code) in [
        ("reporting_currency", "Reporting currency", &s.reporting_currency),
        ("listing_currency", "Listing currency", &s.listing_currency),
    ] {
        if !is_currency_code(code) {
            issues.push(Issue::new(
                path,
                label,
                "must be a 3-letter ISO 4217 code in capitals, like RMB or HKD",
            ));
        }
    }
    if let Some(date) = &s.price_date {
        if !is_iso_date(date) {
            issues.push(Issue::new("price_date", "Price date", "must be a date written YYYY-MM-DD"));
        }
    }
    for field in Field::all(s) {
        if let Some(value) = field.get(s) {
            if let Err(broken) = field.rule().check(value) {
                issues.push(Issue::for_field(field, s, broken.to_string()));
            }
        }
    }
    if s.valuation_year < s.base_year {
        issues.push(Issue::for_field(Field::ValuationYear, s, "must not be before the base year"));
    } else if i64::from(s.valuation_year) - i64::from(s.base_year) > i64::from(MAX_YEARS) {
        issues.push(Issue::for_field(
            Field::ValuationYear,
            s,
            format!("must be at most {MAX_YEARS} years after the base year"),
        ));
    }
    check_segments(&mut issues, s);
    // Checked whenever its three inputs are valid on their own, so that a
    // file reports it alongside its other problems.
    let inputs_valid =
        s.price > Decimal::ZERO && s.shares_bn > Decimal::ZERO && s.buyback_listing_bn >= Decimal::ZERO;
    if inputs_valid {
        if let Err(issue) = shares_after_buyback(s) {
            issues.push(issue);
        }
    }
    issues
}

/// `shares_bn - buyback_listing_bn / price`, which must stay above zero.
pub fn shares_after_buyback(s: &Scenario) -> Result<Decimal, Issue> {
    let retired = s
        .buyback_listing_bn
        .checked_div(s.price)
        .ok_or_else(|| Issue::for_field(Field::BuybackListingBn, s, "is too large to compute"))?;
    let after = s
        .shares_bn
        .checked_sub(retired)
        .ok_or_else(|| Issue::for_field(Field::BuybackListingBn, s, "is too large to compute"))?;
    if after <= Decimal::ZERO {
        return Err(Issue::for_field(
            Field::BuybackListingBn,
            s,
            "would retire every share at this price (must buy back less than shares x price)",
        ));
    }
    Ok(after)
}

fn check_segments(issues: &mut Vec<Issue>, s: &Scenario) {
    if s.segments.is_empty() || s.segments.len() > MAX_SEGMENTS {
        issues.push(Issue::new(
            "segments",
            "Segments",
            format!("must be 1 to {MAX_SEGMENTS} segments (found {})", s.segments.len()),
        ));
    }
    // At most a dozen segments: a list is enough (and smaller in the wasm
    // than a hash set).
    let mut seen: Vec<&str> = Vec::with_capacity(s.segments.len());
    for (i, seg) in s.segments.iter().enumerate() {
        let who = if seg.name.trim().is_empty() { format!("Segment {}", i + 1) } else { seg.name.clone() };
        if !is_segment_id(&seg.id) {
            issues.push(Issue::new(
                format!("segments[{i}].id"),
                format!("{who} id"),
                "must be 1 to 32 of a-z, 0-9, _ and -",
            ));
        } else if seen.contains(&seg.id.as_str()) {
            issues.push(Issue::new(
                format!("segments[{i}].id"),
                format!("{who} id"),
                format!("\"{}\" is used by another segment; ids must be unique", seg.id),
            ));
        } else {
            seen.push(seg.id.as_str());
        }
        check_text(issues, &format!("segments[{i}].name"), &format!("Segment {} name", i + 1), &seg.name, 60);
    }
}

/// The spec's limit on a scenario name, in characters after trimming.
pub const MAX_NAME_CHARS: usize = 80;

/// What is wrong with a text of 1 to `max` characters (counted after
/// trimming), if anything: the one rule for names, wherever one is typed.
pub fn text_problem(text: &str, max: usize) -> Option<String> {
    let n = text.trim().chars().count();
    (n == 0 || n > max).then(|| format!("must be 1 to {max} characters (found {n})"))
}

fn check_text(issues: &mut Vec<Issue>, path: &str, label: &str, text: &str, max: usize) {
    if let Some(problem) = text_problem(text, max) {
        issues.push(Issue::new(path, label, problem));
    }
}

pub fn is_currency_code(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

pub fn is_segment_id(id: &str) -> bool {
    (1..=32).contains(&id.len())
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

fn is_iso_date(d: &str) -> bool {
    let b = d.as_bytes();
    b.len() == 10
        && b.get(4) == Some(&b'-')
        && b.get(7) == Some(&b'-')
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// Whether a value passes its field's rule: the check the editing UI runs
/// on each keystroke before it touches the scenario.
pub fn check_field(field: Field, value: Decimal) -> Result<(), &'static str> {
    field.rule().check(value).map_err(|b| b.0.describe())
}
