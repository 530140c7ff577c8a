//! Files the user takes away: the bridge as CSV, scenarios as JSON, and
//! reading a file of one or many scenarios back.

use crate::model::json::{from_value, to_value, MAX_FILE_BYTES};
use crate::model::Field;
use crate::model::{Issue, Problem, Scenario, Valuation};
use crate::notice::{Reason, Refused};
use crate::text::{group_term, IssueKey, Key, Lang, NoticeKey};
use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::Value;

/// A file holds at most this many scenarios.
pub const MAX_SCENARIOS: usize = 100;

/// A file name from a scenario name: lowercase letters, digits and dashes.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    // At most 60 characters, and no dash left at the end by the cut.
    let out: String = out.chars().take(60).collect();
    match out.trim_end_matches('-') {
        "" => "scenario".into(),
        out => out.to_string(),
    }
}

/// The bridge as RFC 4180 CSV (CRLF line ends, a field quoted when it
/// holds a comma, a quote or a line break, quotes doubled), then the inputs
/// it was computed from.
///
/// Header `line,revenue_<rep>_bn,profit_<rep>_bn,metric_<rep>_bn,multiple,value_<rep>_bn,per_share_<lst>,share_pct,input`
/// (`<rep>` and `<lst>` the reporting and listing currency codes, lowercase):
/// one row per segment (its name), then one per group term (its name in
/// `lang`, its signed amount in `value_<rep>_bn`), then "Value per share"
/// (equity in `value_<rep>_bn`, 100 in `share_pct`). Then one row per input,
/// named as the page names it (a segment's with the segment), its value in
/// `input` exactly as it is in the scenario, and each segment's method. The
/// header's keys are the same in every language. Bridge numbers are rounded
/// half away from zero to 4 decimals, written without thousands separators
/// or trailing zeros; a cell is empty where the column does not apply (and
/// `share_pct` is empty throughout when the value per share is 0).
///
/// A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
/// return gets a leading apostrophe, so a spreadsheet never runs a segment
/// name as a formula.
pub fn bridge_csv(lang: Lang, s: &Scenario, v: &Valuation) -> String {
    let mut out = String::new();
    let rep = s.reporting_currency.to_ascii_lowercase();
    let bn = |what: &str| text_cell(&format!("{what}_{rep}_bn"));
    push_record(
        &mut out,
        &[
            "line".into(),
            bn("revenue"),
            bn("profit"),
            bn("metric"),
            "multiple".into(),
            bn("value"),
            text_cell(&format!("per_share_{}", s.listing_currency.to_ascii_lowercase())),
            "share_pct".into(),
            "input".into(),
        ],
    );
    let share = |per_share: Decimal| v.share_of_total_pct(per_share).map(number).unwrap_or_default();
    for seg in &v.segments {
        push_record(
            &mut out,
            &[
                text_cell(crate::text::shown_name(lang, &seg.id, &seg.name)),
                number(seg.revenue_bn),
                number(seg.profit_bn),
                number(seg.metric_bn),
                number(seg.multiple),
                number(seg.value_bn),
                number(seg.per_share_listing),
                share(seg.per_share_listing),
                String::new(),
            ],
        );
    }
    let totals = v
        .group_lines
        .iter()
        .map(|line| (group_term(lang, line.term), line.amount_bn, line.per_share_listing));
    let total = (lang.t(Key::RowValuePerShare), v.equity_bn, v.per_share_listing);
    for (name, amount_bn, per_share) in totals.chain([total]) {
        let e = String::new;
        let record = [
            text_cell(name),
            e(),
            e(),
            e(),
            e(),
            number(amount_bn),
            number(per_share),
            share(per_share),
            e(),
        ];
        push_record(&mut out, &record);
    }
    for (name, value) in inputs(lang, s) {
        // A number as it is (a leading minus is a number, not a formula);
        // the method, a word, as text.
        let value = match value {
            Input::Number(d) => d.normalize().to_string(),
            Input::Method(m) => text_cell(m),
        };
        let e = String::new;
        push_record(&mut out, &[text_cell(&name), e(), e(), e(), e(), e(), e(), e(), value]);
    }
    // The column keys are the same in every language; the line names are
    // the reader's: the file says which language they are in.
    let e = String::new;
    push_record(&mut out, &["language".into(), e(), e(), e(), e(), e(), e(), e(), lang.code().into()]);
    out
}

/// An input's value in the CSV.
enum Input {
    Number(Decimal),
    Method(&'static str),
}

/// Every input of `s` as the page names it, with its exact value, and each
/// segment's method.
fn inputs(lang: Lang, s: &Scenario) -> Vec<(String, Input)> {
    let with_segment = |what: &str, i: usize| {
        let segment = s.segments.get(i).map_or("", |seg| seg.name.as_str());
        lang.f(IssueKey::SubjectSegmentField, &[("what", what), ("segment", segment)])
    };
    let mut out: Vec<(String, Input)> = Field::all(s)
        .into_iter()
        .filter_map(|field| {
            let label = crate::text::label_in(lang, field, s);
            let name = match field {
                Field::Segment(i, _) => with_segment(&label, i),
                _ => label,
            };
            Some((name, Input::Number(field.get(s)?)))
        })
        .collect();
    for (i, seg) in s.segments.iter().enumerate() {
        out.push((
            with_segment(lang.t(NoticeKey::CsvMethod), i),
            Input::Method(crate::text::method(lang, seg.method)),
        ));
    }
    out
}

/// A number for the CSV: 4 decimals, half away from zero, no separators,
/// no trailing zeros, never "-0".
fn number(d: Decimal) -> String {
    let mut r = d.round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero).normalize();
    if r.is_zero() {
        r.set_sign_positive(true);
    }
    r.to_string()
}

/// A text field, defused against formula injection and quoted as needed.
fn text_cell(text: &str) -> String {
    let defused = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if defused.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

fn push_record(out: &mut String, fields: &[String]) {
    out.push_str(&fields.join(","));
    out.push_str("\r\n");
}

/// The scenarios as a pretty JSON array of spec files (version 1).
pub fn scenarios_json(list: &[&Scenario]) -> String {
    let array = Value::Array(list.iter().map(|s| to_value(s)).collect());
    // Serialising a Value always succeeds; the fallback keeps this panic-free.
    serde_json::to_string_pretty(&array).unwrap_or_default()
}

/// Reads a file of one scenario (a spec object) or a list of up to 100.
/// Either every scenario, in file order, or every issue found, each with the
/// index of the scenario it belongs to (0 for problems of the file itself:
/// too large, not JSON, not a scenario or list, empty or too long a list).
/// Nothing is taken from a file with any issue.
pub fn parse_scenarios(text: &str) -> Result<Vec<Scenario>, Vec<(usize, Issue)>> {
    let file_issue = |problem: Problem| vec![(0, Issue::file(problem))];
    if text.len() > MAX_FILE_BYTES {
        return Err(file_issue(Problem::FileTooLarge { bytes: text.len(), max: MAX_FILE_BYTES }));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| file_issue(Problem::not_json(&e)))?;
    let items: Vec<&Value> = match &value {
        Value::Object(_) => vec![&value],
        Value::Array(items) if items.is_empty() => return Err(file_issue(Problem::EmptyList)),
        Value::Array(items) if items.len() > MAX_SCENARIOS => {
            return Err(file_issue(Problem::TooManyScenarios { found: items.len(), max: MAX_SCENARIOS }))
        }
        Value::Array(items) => items.iter().collect(),
        _ => return Err(file_issue(Problem::NotScenarioOrList)),
    };
    let mut scenarios = Vec::with_capacity(items.len());
    let mut issues = Vec::new();
    for (index, item) in items.into_iter().enumerate() {
        match from_value(item) {
            Ok(s) => scenarios.push(s),
            Err(found) => issues.extend(found.into_iter().map(|i| (index, i))),
        }
    }
    if issues.is_empty() {
        Ok(scenarios)
    } else {
        Err(issues)
    }
}

/// What a chosen file holds, once read: what importing it does.
#[derive(Clone, Debug, PartialEq)]
pub enum Import {
    /// One scenario (a spec object): opened on screen, not saved.
    One(Box<Scenario>),
    /// A list, even of one: saved into My scenarios.
    Many(Vec<Scenario>),
}

/// A file refused: what was not done, and every reason.
#[derive(Clone, Debug, PartialEq)]
pub struct Refusal {
    pub what: Refused,
    pub reasons: Vec<Reason>,
}

/// Refuses a file by its size, before it is read (`size` as the browser
/// gives it).
pub fn check_file_size(name: &str, size: f64) -> Result<(), Refusal> {
    if size > MAX_FILE_BYTES as f64 {
        return Err(Refusal {
            what: Refused::ImportTooLarge { file: name.to_string(), max: MAX_FILE_BYTES },
            reasons: Vec::new(),
        });
    }
    Ok(())
}

/// Reads a chosen file named `name`: one scenario or a list, or the
/// refusal with every problem (each with its scenario's number in a list).
/// Nothing is taken from a file with any problem.
pub fn read_import(name: &str, text: &str) -> Result<Import, Refusal> {
    let is_list = text.trim_start().starts_with('[');
    match parse_scenarios(text) {
        Ok(mut list) if list.len() == 1 && !is_list => Ok(Import::One(Box::new(list.remove(0)))),
        Ok(list) => Ok(Import::Many(list)),
        Err(issues) => Err(Refusal {
            what: Refused::ImportFormat { file: name.to_string(), count: issues.len() },
            reasons: issues
                .into_iter()
                .map(|(i, issue)| Reason::FileIssue { scenario: is_list.then_some(i + 1), issue })
                .collect(),
        }),
    }
}
