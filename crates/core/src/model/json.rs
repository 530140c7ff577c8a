//! The scenario file (spec, version 1): reading with a full list of what is
//! wrong, and writing with every decimal as a string.
//!
//! Reading walks a `serde_json::Value` by hand rather than deriving
//! `Deserialize`, because serde stops at the first error and a user fixing
//! a file wants to see all of them. Numbers keep their text
//! (`arbitrary_precision`), so `40.34` is read exactly, never through f64.

use super::field::Field;
use super::issue::short;
use super::issue::{Expected, Found, Problem};
use super::number::{parse_decimal, NumberError};
use super::scenario::{Company, Driver, DriverKind, Method, Scenario, Segment, FORMAT, VERSION};
use super::validate::{validate, Issue};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{Map, Value};

/// Files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: usize = 1_000_000;

#[derive(Serialize)]
struct FileView<'a> {
    format: &'static str,
    version: u32,
    #[serde(flatten)]
    scenario: &'a Scenario,
}

/// The scenario as a JSON value in the spec's file format.
pub fn to_value(s: &Scenario) -> Value {
    // Serialising plain structs, strings and decimals into a Value cannot
    // fail; Null is an unreachable fallback that keeps this panic-free.
    serde_json::to_value(FileView { format: FORMAT, version: VERSION, scenario: s }).unwrap_or(Value::Null)
}

/// The scenario as pretty-printed JSON in the spec's file format.
pub fn to_json(s: &Scenario) -> String {
    serde_json::to_string_pretty(&to_value(s)).unwrap_or_default()
}

/// Reads a scenario file. Either a scenario that passes every rule, or the
/// list of everything wrong with it.
pub fn from_json(text: &str) -> Result<Scenario, Vec<Issue>> {
    from_value(&parse_file(text)?)
}

/// The JSON of a file's text: refused when larger than [`MAX_FILE_BYTES`]
/// (before parsing) or not JSON. What every reader of a file starts with.
pub fn parse_file(text: &str) -> Result<Value, Vec<Issue>> {
    if text.len() > MAX_FILE_BYTES {
        return Err(vec![Issue::file(Problem::FileTooLarge { bytes: text.len(), max: MAX_FILE_BYTES })]);
    }
    serde_json::from_str(text).map_err(|e| vec![Issue::file(Problem::not_json(&e))])
}

/// Reads a scenario from a parsed JSON value; see `from_json`.
pub fn from_value(value: &Value) -> Result<Scenario, Vec<Issue>> {
    let mut r = Reader::default();
    let Some(root) = r.object(Some(value), "(file)") else {
        return Err(r.issues);
    };
    r.header(root);
    if !r.issues.is_empty() {
        // A file of another format or version is not read further: its other
        // fields would only produce confusing messages.
        return Err(r.issues);
    }
    let scenario = r.scenario(root);
    // Rule checks on the fields that did read; a field already reported as
    // missing or mistyped is not reported twice, and the stand-in read in its
    // place blames nothing else: not the fields of a segment that is not an
    // object, not the valuation year when the base year did not read.
    let reported: Vec<String> = r.issues.iter().map(|i| i.path.clone()).collect();
    let follows_from_reported = |path: &str| {
        reported.iter().any(|p| {
            path == p
                || path.strip_prefix(p.as_str()).is_some_and(|rest| rest.starts_with('.'))
                || (p == "base_year" && path == "valuation_year")
        })
    };
    r.issues.extend(validate(&scenario).into_iter().filter(|i| !follows_from_reported(&i.path)));
    if r.issues.is_empty() {
        Ok(scenario)
    } else {
        Err(r.issues.into_iter().map(|i| named_by_field(i, &scenario)).collect())
    }
}

/// A number of the file that is missing or not a number, named as the page
/// names its field ("EV deliveries (Smart EV)") when its path is one of the
/// scenario's fields, like every other message naming a field.
fn named_by_field(issue: Issue, s: &Scenario) -> Issue {
    if !matches!(issue.subject, crate::model::Subject::Path) {
        return issue;
    }
    let (segment, key) = match issue.path.strip_prefix("segments[").and_then(|rest| rest.split_once("].")) {
        Some((i, key)) => (i.parse::<usize>().ok(), key.strip_prefix("driver.").unwrap_or(key)),
        None => (None, issue.path.as_str()),
    };
    let field = Field::all(s).into_iter().find(|f| f.segment() == segment && f.json_key() == key);
    match field {
        Some(field) => Issue { path: issue.path.clone(), ..Issue::for_field(field, s, issue.problem) },
        None => issue,
    }
}

#[derive(Default)]
struct Reader {
    issues: Vec<Issue>,
}

impl Reader {
    fn problem(&mut self, path: &str, problem: Problem) {
        self.issues.push(Issue::at(path, problem));
    }

    fn expected(&mut self, path: &str, what: Expected, found: Found) {
        self.problem(path, Problem::Expected { what, found });
    }

    fn object<'v>(&mut self, v: Option<&'v Value>, path: &str) -> Option<&'v Map<String, Value>> {
        match v {
            Some(Value::Object(map)) => Some(map),
            None => {
                self.problem(path, Problem::Missing);
                None
            }
            Some(other) => {
                self.expected(path, Expected::Object, Found::kind(other));
                None
            }
        }
    }

    fn header(&mut self, root: &Map<String, Value>) {
        match root.get("format") {
            Some(Value::String(f)) if f == FORMAT => {}
            Some(other) => self.expected("format", Expected::Format, Found::text(other)),
            None => self.problem("format", Problem::FormatMissing),
        }
        match root.get("version") {
            Some(Value::Number(n)) if n.to_string() == VERSION.to_string() => {}
            Some(Value::Number(n)) if n.as_u64().is_some_and(|v| v > u64::from(VERSION)) => {
                self.problem("version", Problem::NewerVersion { found: n.to_string() })
            }
            Some(other) => self.expected("version", Expected::Version, Found::text(other)),
            None => self.problem("version", Problem::Missing),
        }
    }

    fn scenario(&mut self, m: &Map<String, Value>) -> Scenario {
        let company = self.object(m.get("company"), "company");
        let segments = match m.get("segments") {
            Some(Value::Array(items)) => items.iter().enumerate().map(|(i, v)| self.segment(v, i)).collect(),
            Some(other) => {
                self.expected("segments", Expected::List, Found::kind(other));
                Vec::new()
            }
            None => {
                self.problem("segments", Problem::Missing);
                Vec::new()
            }
        };
        Scenario {
            name: self.text(m, "name", ""),
            company: Company {
                name: company.map(|c| self.text(c, "name", "company.")).unwrap_or_default(),
                ticker: company.map(|c| self.text(c, "ticker", "company.")).unwrap_or_default(),
            },
            reporting_currency: self.text(m, "reporting_currency", ""),
            listing_currency: self.text(m, "listing_currency", ""),
            fx_listing_per_reporting: self.decimal(m, Field::Fx.json_key(), ""),
            price: self.decimal(m, "price", ""),
            price_date: match m.get("price_date") {
                None | Some(Value::Null) => None,
                Some(_) => Some(self.text(m, "price_date", "")),
            },
            shares_bn: self.decimal(m, "shares_bn", ""),
            base_year: self.year(m, "base_year"),
            valuation_year: self.year(m, "valuation_year"),
            segments,
            net_cash_bn: self.decimal(m, "net_cash_bn", ""),
            investments_bn: self.decimal(m, "investments_bn", ""),
            investments_discount_pct: self.decimal(m, "investments_discount_pct", ""),
            other_bn: self.decimal(m, "other_bn", ""),
            holding_discount_pct: self.decimal(m, "holding_discount_pct", ""),
            buyback_listing_bn: self.decimal(m, "buyback_listing_bn", ""),
        }
    }

    fn segment(&mut self, v: &Value, i: usize) -> Segment {
        let at = format!("segments[{i}].");
        let placeholder = Segment {
            id: String::new(),
            name: String::new(),
            driver: Driver::Revenue { revenue_bn: Decimal::ZERO },
            margin_pct: Decimal::ZERO,
            method: Method::Pe,
            multiple: Decimal::ZERO,
            unit_label: None,
        };
        let Some(m) = self.object(Some(v), &format!("segments[{i}]")) else {
            return placeholder;
        };
        let method = match m.get("method") {
            Some(v) if let Some(method) = v.as_str().and_then(Method::from_code) => method,
            Some(other) => {
                self.expected(&format!("{at}method"), Expected::Method, Found::text(other));
                Method::Pe
            }
            None => {
                self.problem(&format!("{at}method"), Problem::Missing);
                Method::Pe
            }
        };
        Segment {
            id: self.text(m, "id", &at),
            name: self.text(m, "name", &at),
            driver: self.driver(m.get("driver"), &format!("{at}driver")).unwrap_or(placeholder.driver),
            margin_pct: self.decimal(m, "margin_pct", &at),
            method,
            multiple: self.decimal(m, "multiple", &at),
            unit_label: m.contains_key("unit_label").then(|| self.text(m, "unit_label", &at)),
        }
    }

    fn driver(&mut self, v: Option<&Value>, path: &str) -> Option<Driver> {
        let m = self.object(v, path)?;
        let at = format!("{path}.");
        let kind = match m.get("kind") {
            Some(Value::String(k)) => k,
            Some(other) => {
                self.expected(&format!("{at}kind"), Expected::Text, Found::kind(other));
                return None;
            }
            None => {
                self.problem(&format!("{at}kind"), Problem::Missing);
                return None;
            }
        };
        let Some(kind) = DriverKind::from_code(kind) else {
            self.expected(
                &format!("{at}kind"),
                Expected::DriverKind,
                Found::Text(short(&format!("\"{kind}\""))),
            );
            return None;
        };
        let values: Vec<Decimal> = kind.fields().iter().map(|f| self.decimal(m, f.json_key(), &at)).collect();
        kind.build(&values)
    }

    fn text(&mut self, m: &Map<String, Value>, key: &str, at: &str) -> String {
        match m.get(key) {
            Some(Value::String(s)) => s.clone(),
            Some(other) => {
                self.expected(&format!("{at}{key}"), Expected::Text, Found::kind(other));
                String::new()
            }
            None => {
                self.problem(&format!("{at}{key}"), Problem::Missing);
                String::new()
            }
        }
    }

    fn decimal(&mut self, m: &Map<String, Value>, key: &str, at: &str) -> Decimal {
        let parsed = match m.get(key) {
            Some(Value::String(s)) => parse_decimal(s),
            // With arbitrary_precision, a number's text is what the file says.
            Some(Value::Number(n)) => parse_decimal(&n.to_string()),
            Some(other) => {
                self.expected(&format!("{at}{key}"), Expected::Decimal, Found::kind(other));
                return Decimal::ZERO;
            }
            None => {
                self.problem(&format!("{at}{key}"), Problem::Missing);
                return Decimal::ZERO;
            }
        };
        parsed.unwrap_or_else(|e: NumberError| {
            self.problem(&format!("{at}{key}"), Problem::Number(e));
            Decimal::ZERO
        })
    }

    fn year(&mut self, m: &Map<String, Value>, key: &str) -> i32 {
        match m.get(key) {
            Some(Value::Number(n)) => match n.as_i64().and_then(|y| i32::try_from(y).ok()) {
                Some(y) => y,
                None => {
                    self.expected(key, Expected::WholeYear, Found::Text(short(&n.to_string())));
                    0
                }
            },
            Some(other) => {
                self.expected(key, Expected::Year, Found::text(other));
                0
            }
            None => {
                self.problem(key, Problem::Missing);
                0
            }
        }
    }
}
