//! What can be wrong with a scenario or its file, as data.
//!
//! The model says which rule a value breaks and where; how that reads in a
//! language is the text module's job (`crate::text`). So nothing here is a
//! sentence: a new language adds a table, not a branch in the model.

use super::field::{Field, Rule};
use super::number::NumberError;
use super::scenario::{DriverKind, Method, Scenario};
use serde_json::Value;

/// One thing wrong with a scenario: where it is, what it is about and
/// which rule it breaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// Path in the scenario file, e.g. `segments[3].driver.units`.
    pub path: String,
    pub subject: Subject,
    pub problem: Problem,
    /// What the subject's name depends on (currencies, the segment), taken
    /// from the scenario when the issue was found: an issue of a refused
    /// file is named without the scenario that could not be read. Boxed:
    /// most issues travel in `Result`s, which stay small.
    pub names: Box<Names>,
}

/// What a field's name depends on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Names {
    pub reporting: String,
    pub listing: String,
    /// For a segment's field: the segment's id, name, driver kind and method.
    pub segment: Option<SegmentNames>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SegmentNames {
    pub id: String,
    pub name: String,
    pub kind: DriverKind,
    pub method: Method,
}

impl Names {
    /// The names of scenario `s`, with its segment `segment` if there is one.
    pub fn of(s: &Scenario, segment: Option<usize>) -> Names {
        Names {
            reporting: s.reporting_currency.clone(),
            listing: s.listing_currency.clone(),
            segment: segment.and_then(|i| s.segments.get(i)).map(|seg| SegmentNames {
                id: seg.id.clone(),
                name: seg.name.clone(),
                kind: seg.driver.driver_kind(),
                method: seg.method,
            }),
        }
    }

    /// The names a field's label needs.
    pub fn of_field(s: &Scenario, field: Field) -> Names {
        Names::of(s, field.segment())
    }
}

/// What an issue is about: the name the page gives it comes from this.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    /// A numeric field.
    Field(Field),
    /// The scenario's name.
    Name,
    ReportingCurrency,
    ListingCurrency,
    PriceDate,
    /// The list of segments as a whole.
    Segments,
    /// The id of the segment at this index.
    SegmentId(usize),
    /// The name of the segment at this index.
    SegmentName(usize),
    /// The optional name of a segment's units (docs/extensions.md).
    SegmentUnitLabel(usize),
    /// The file as a whole.
    File,
    /// A place in the file that only its path names (a key that is missing
    /// or holds the wrong kind of value).
    Path,
}

/// A rule broken, with what the message needs to say it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A numeric field's own rule.
    Rule(Rule),
    /// A number's text that does not read.
    Number(NumberError),
    /// A name of 1 to `max` characters (after trimming) had `found`.
    Length { max: usize, found: usize },
    /// Not a 3-letter ISO 4217 code in capitals.
    CurrencyCode,
    /// Not a date written YYYY-MM-DD.
    Date,
    /// The valuation year is before the base year.
    BeforeBaseYear,
    /// The valuation year is more than `max` years after the base year.
    TooFarAfterBaseYear { max: i32 },
    /// The value makes the arithmetic overflow.
    TooLargeToCompute,
    /// Buybacks would retire every share at the price.
    RetiresEveryShare,
    /// Not 1 to `max` segments.
    SegmentCount { max: usize, found: usize },
    /// A segment id that is not 1 to 32 of a-z, 0-9, _ and -.
    SegmentIdForm,
    /// A segment id used by an earlier segment.
    SegmentIdTaken { id: String },
    /// A file larger than `max` bytes.
    FileTooLarge { bytes: usize, max: usize },
    /// Text that is not JSON; where the reader stopped.
    NotJson { line: usize, column: usize },
    /// A file holding an empty list.
    EmptyList,
    /// A list of more than `max` scenarios.
    TooManyScenarios { found: usize, max: usize },
    /// A file that is neither a scenario nor a list of them.
    NotScenarioOrList,
    /// A key the file must have is missing.
    Missing,
    /// The `format` key is missing: probably not a scenario file at all.
    FormatMissing,
    /// A value of the wrong kind.
    Expected { what: Expected, found: Found },
    /// A file of a newer version than this build reads.
    NewerVersion { found: String },
}

/// What a value had to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Object,
    List,
    Text,
    /// A decimal, as a string or number.
    Decimal,
    /// A whole number such as a year (2026).
    Year,
    /// A year that fits (a whole number in range).
    WholeYear,
    /// A whole number.
    WholeNumber,
    /// A whole number 0 or more.
    NonNegativeWhole,
    /// The file format's name.
    Format,
    /// The file format's version.
    Version,
    /// A method code.
    Method,
    /// A driver kind code.
    DriverKind,
}

/// What a value was instead: its kind, or its text quoted from the file
/// (cut to 40 characters).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    Kind(JsonKind),
    Text(String),
}

/// The kinds of JSON value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonKind {
    Null,
    Bool,
    Number,
    Text,
    List,
    Object,
}

impl JsonKind {
    pub fn of(v: &Value) -> JsonKind {
        match v {
            Value::Null => JsonKind::Null,
            Value::Bool(_) => JsonKind::Bool,
            Value::Number(_) => JsonKind::Number,
            Value::String(_) => JsonKind::Text,
            Value::Array(_) => JsonKind::List,
            Value::Object(_) => JsonKind::Object,
        }
    }
}

impl Found {
    pub fn kind(v: &Value) -> Found {
        Found::Kind(JsonKind::of(v))
    }

    /// The value as the file writes it, cut short.
    pub fn text(v: &Value) -> Found {
        Found::Text(short(&v.to_string()))
    }
}

/// A value quoted in a message, cut to 40 characters.
pub fn short(text: &str) -> String {
    if text.chars().count() > 40 {
        format!("{}...", text.chars().take(40).collect::<String>())
    } else {
        text.to_string()
    }
}

impl Issue {
    pub fn new(path: impl Into<String>, subject: Subject, problem: Problem) -> Self {
        Issue { path: path.into(), subject, problem, names: Box::default() }
    }

    /// An issue of a numeric field of `s`.
    pub fn for_field(field: Field, s: &Scenario, problem: Problem) -> Self {
        Issue {
            path: field.json_path(),
            subject: Subject::Field(field),
            problem,
            names: Box::new(Names::of_field(s, field)),
        }
    }

    /// The issue, with the names of scenario `s` (and its segment `segment`).
    pub fn named(self, s: &Scenario, segment: Option<usize>) -> Self {
        Issue { names: Box::new(Names::of(s, segment)), ..self }
    }

    /// A problem of the file as a whole.
    pub fn file(problem: Problem) -> Self {
        Issue::new("(file)", Subject::File, problem)
    }

    /// A problem of the key at `path`, which only its path names.
    pub fn at(path: impl Into<String>, problem: Problem) -> Self {
        Issue::new(path, Subject::Path, problem)
    }

    /// The numeric field concerned, when there is one, so the page can show
    /// the message beside it.
    pub fn field(&self) -> Option<Field> {
        match self.subject {
            Subject::Field(f) => Some(f),
            _ => None,
        }
    }
}

impl Problem {
    /// Text that is not JSON, where serde_json stopped reading it.
    pub fn not_json(e: &serde_json::Error) -> Problem {
        Problem::NotJson { line: e.line(), column: e.column() }
    }
}
