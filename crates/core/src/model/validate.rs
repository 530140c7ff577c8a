//! The rules of docs/valuation-model.md, checked all at once.

use super::field::Field;
pub use super::issue::{Issue, Problem, Subject};
use super::scenario::Scenario;
use rust_decimal::Decimal;

pub const MAX_SEGMENTS: usize = 12;
pub const MAX_YEARS: i32 = 10;

/// Every rule the spec states, plus the one the valuation needs (buybacks
/// must leave shares outstanding). Returns all issues found, in file order.
pub fn validate(s: &Scenario) -> Vec<Issue> {
    let mut issues = Vec::new();
    check_text(&mut issues, "name", Subject::Name, &s.name, MAX_NAME_CHARS);
    for (path, subject, code) in [
        ("reporting_currency", Subject::ReportingCurrency, &s.reporting_currency),
        ("listing_currency", Subject::ListingCurrency, &s.listing_currency),
    ] {
        if !is_currency_code(code) {
            issues.push(Issue::new(path, subject, Problem::CurrencyCode));
        }
    }
    if let Some(date) = &s.price_date {
        if !is_iso_date(date) {
            issues.push(Issue::new("price_date", Subject::PriceDate, Problem::Date));
        }
    }
    for field in Field::all(s) {
        if let Some(value) = field.get(s) {
            if let Err(broken) = field.rule().check(value) {
                issues.push(Issue::for_field(field, s, Problem::Rule(broken.0)));
            }
        }
    }
    if s.valuation_year < s.base_year {
        issues.push(Issue::for_field(Field::ValuationYear, s, Problem::BeforeBaseYear));
    } else if i64::from(s.valuation_year) - i64::from(s.base_year) > i64::from(MAX_YEARS) {
        issues.push(Issue::for_field(
            Field::ValuationYear,
            s,
            Problem::TooFarAfterBaseYear { max: MAX_YEARS },
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
    let too_large = || Issue::for_field(Field::BuybackListingBn, s, Problem::TooLargeToCompute);
    let retired = s.buyback_listing_bn.checked_div(s.price).ok_or_else(too_large)?;
    let after = s.shares_bn.checked_sub(retired).ok_or_else(too_large)?;
    if after <= Decimal::ZERO {
        return Err(Issue::for_field(Field::BuybackListingBn, s, Problem::RetiresEveryShare));
    }
    Ok(after)
}

fn check_segments(issues: &mut Vec<Issue>, s: &Scenario) {
    if s.segments.is_empty() || s.segments.len() > MAX_SEGMENTS {
        issues.push(Issue::new(
            "segments",
            Subject::Segments,
            Problem::SegmentCount { max: MAX_SEGMENTS, found: s.segments.len() },
        ));
    }
    // At most a dozen segments: a list is enough (and smaller in the wasm
    // than a hash set).
    let mut seen: Vec<&str> = Vec::with_capacity(s.segments.len());
    for (i, seg) in s.segments.iter().enumerate() {
        let id_issue = |problem| {
            Issue::new(format!("segments[{i}].id"), Subject::SegmentId(i), problem).named(s, Some(i))
        };
        if !is_segment_id(&seg.id) {
            issues.push(id_issue(Problem::SegmentIdForm));
        } else if seen.contains(&seg.id.as_str()) {
            issues.push(id_issue(Problem::SegmentIdTaken { id: seg.id.clone() }));
        } else {
            seen.push(seg.id.as_str());
        }
        if let Some(problem) = text_problem(&seg.name, MAX_SEGMENT_NAME_CHARS) {
            issues.push(
                Issue::new(format!("segments[{i}].name"), Subject::SegmentName(i), problem).named(s, Some(i)),
            );
        }
        if let Some(problem) = seg.unit_label.as_deref().and_then(|l| text_problem(l, MAX_UNIT_LABEL_CHARS)) {
            let path = format!("segments[{i}].unit_label");
            issues.push(Issue::new(path, Subject::SegmentUnitLabel(i), problem).named(s, Some(i)));
        }
    }
}

/// The spec's limit on a scenario name, in characters after trimming.
pub const MAX_NAME_CHARS: usize = 80;
/// The spec's limit on a segment name.
pub const MAX_SEGMENT_NAME_CHARS: usize = 60;

/// The limit on a segment's unit name ("subscribers"), an extension of v1
/// (docs/extensions.md): 1 to 30 characters after trimming.
pub const MAX_UNIT_LABEL_CHARS: usize = 30;

/// What is wrong with a text of 1 to `max` characters (counted after
/// trimming), if anything: the one rule for names, wherever one is typed.
pub fn text_problem(text: &str, max: usize) -> Option<Problem> {
    let found = text.trim().chars().count();
    (found == 0 || found > max).then_some(Problem::Length { max, found })
}

fn check_text(issues: &mut Vec<Issue>, path: &str, subject: Subject, text: &str, max: usize) {
    if let Some(problem) = text_problem(text, max) {
        issues.push(Issue::new(path, subject, problem));
    }
}

pub fn is_currency_code(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

pub fn is_segment_id(id: &str) -> bool {
    (1..=32).contains(&id.len())
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

/// Inlined where used (the editor's price date is in a lazy chunk).
#[inline(always)]
pub fn is_iso_date(d: &str) -> bool {
    let b = d.as_bytes();
    b.len() == 10
        && b.get(4) == Some(&b'-')
        && b.get(7) == Some(&b'-')
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// Whether a value passes its field's rule: the check the editing UI runs
/// on each keystroke before it touches the scenario.
pub fn check_field(field: Field, value: Decimal) -> Result<(), Problem> {
    field.rule().check(value).map_err(|b| Problem::Rule(b.0))
}
