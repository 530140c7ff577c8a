//! Issues and their problems in words: a rule, a number that does not read,
//! what a file holds where it should not, a segment's shown name, and an
//! issue as a sentence ("Price, HK$: must be more than 0").

use super::*;

pub fn rule(lang: Lang, r: Rule) -> &'static str {
    lang.t(match r {
        Rule::Any => Key::RuleAny,
        Rule::Positive => Key::RulePositive,
        Rule::NonNegative => Key::RuleNonNegative,
        Rule::DiscountPct => Key::RuleDiscount,
        Rule::MarginPct => Key::RuleMargin,
        Rule::GrowthPct => Key::RuleGrowth,
        Rule::Year => Key::RuleYear,
    })
}

pub fn number_error(lang: Lang, e: NumberError) -> &'static str {
    lang.t(match e {
        NumberError::Empty => Key::NumEmpty,
        NumberError::ThousandsSeparator => Key::NumThousands,
        NumberError::DecimalComma => Key::NumDecimalComma,
        NumberError::PercentSign => Key::NumPercent,
        NumberError::PercentSignNotPct => Key::NumPercentNotPct,
        NumberError::NotANumber => Key::NumNotANumber,
        NumberError::TooLarge => Key::NumTooLarge,
        NumberError::NotWhole => Key::NumNotWhole,
        NumberError::DecimalPoint => Key::NumDecimalPoint,
        NumberError::MisplacedGroup => Key::NumGroups,
    })
}

pub(super) fn json_kind(lang: Lang, k: JsonKind) -> &'static str {
    lang.t(match k {
        JsonKind::Null => IssueKey::KindNull,
        JsonKind::Bool => IssueKey::KindBool,
        JsonKind::Number => IssueKey::KindNumber,
        JsonKind::Text => IssueKey::KindText,
        JsonKind::List => IssueKey::KindList,
        JsonKind::Object => IssueKey::KindObject,
    })
}

pub(super) fn found(lang: Lang, f: &Found) -> String {
    match f {
        Found::Kind(k) => json_kind(lang, *k).to_string(),
        Found::Text(t) => t.clone(),
    }
}

fn expected(lang: Lang, e: Expected) -> String {
    let key = match e {
        Expected::Object => IssueKey::ExpObject,
        Expected::List => IssueKey::ExpList,
        Expected::Text => IssueKey::ExpText,
        Expected::Decimal => IssueKey::ExpDecimal,
        Expected::Year => IssueKey::ExpYear,
        Expected::WholeYear => IssueKey::ExpWholeYear,
        Expected::WholeNumber => IssueKey::ExpWholeNumber,
        Expected::NonNegativeWhole => IssueKey::ExpNonNegativeWhole,
        Expected::Method => IssueKey::ExpMethod,
        // The format's own name and version are the same in every language.
        Expected::Format => return format!("\"{FORMAT}\""),
        Expected::Version => return n(VERSION),
        Expected::DriverKind => {
            let kinds: Vec<&str> = DriverKind::ALL.iter().map(|k| k.code()).collect();
            return lang.f(IssueKey::ExpDriverKind, &[("kinds", &kinds.join(", "))]);
        }
    };
    lang.t(key).to_string()
}

/// The problem of a value typed into a field, or `None` for a problem only
/// a file can have. The page's fields call this, not `problem`, so that the
/// main module does not carry the words of file problems: a field's issue
/// is always a value's (`tests/model_props.rs` checks it on any scenario).
pub fn value_problem(lang: Lang, p: &Problem) -> Option<String> {
    let t = |key| lang.t(key).to_string();
    Some(match p {
        Problem::Rule(r) => rule(lang, *r).to_string(),
        Problem::Number(e) => number_error(lang, *e).to_string(),
        Problem::BeforeBaseYear => t(Key::BeforeBaseYear),
        Problem::TooFarAfterBaseYear { max } => lang.f(Key::TooFarAfterBaseYear, &[("max", &n(max))]),
        Problem::TooLargeToCompute => t(Key::TooLargeToCompute),
        Problem::RetiresEveryShare => t(Key::RetiresEveryShare),
        _ => return None,
    })
}

/// The rule a problem breaks, as it reads after the subject's name.
pub fn problem(lang: Lang, p: &Problem) -> String {
    if let Some(said) = value_problem(lang, p) {
        return said;
    }
    let t = |key| lang.t(key).to_string();
    match p {
        Problem::Rule(_)
        | Problem::Number(_)
        | Problem::BeforeBaseYear
        | Problem::TooFarAfterBaseYear { .. }
        | Problem::TooLargeToCompute
        | Problem::RetiresEveryShare => String::new(),
        Problem::Length { max, found } => lang.f(IssueKey::Length, &[("max", &n(max)), ("found", &n(found))]),
        Problem::CurrencyCode => t(IssueKey::CurrencyCode),
        Problem::Date => t(IssueKey::Date),
        Problem::SegmentCount { max, found } => {
            lang.f(IssueKey::SegmentCount, &[("max", &n(max)), ("found", &n(found))])
        }
        Problem::SegmentIdForm => t(IssueKey::SegmentIdForm),
        Problem::SegmentIdTaken { id } => lang.f(IssueKey::SegmentIdTaken, &[("id", id)]),
        Problem::FileTooLarge { bytes, max } => {
            lang.f(IssueKey::FileTooLarge, &[("bytes", &n(bytes)), ("max", &n(max))])
        }
        Problem::NotJson { line, column } => {
            lang.f(IssueKey::NotJson, &[("line", &n(line)), ("column", &n(column))])
        }
        Problem::EmptyList => t(IssueKey::EmptyList),
        Problem::TooManyScenarios { found, max } => {
            lang.f(IssueKey::TooManyScenarios, &[("found", &n(found)), ("max", &n(max))])
        }
        Problem::NotScenarioOrList => t(IssueKey::NotScenarioOrList),
        Problem::Missing => t(IssueKey::Missing),
        Problem::FormatMissing => lang.f(IssueKey::FormatMissing, &[("format", FORMAT)]),
        Problem::Expected { what, found: f } => {
            lang.f(IssueKey::Expected, &[("what", &expected(lang, *what)), ("found", &found(lang, f))])
        }
        Problem::NewerVersion { found } => {
            lang.f(IssueKey::NewerVersion, &[("found", found), ("version", &n(VERSION))])
        }
    }
}

/// A segment's name, or "Segment 2" when it has none.
pub(super) fn segment_name(lang: Lang, id: &str, name: &str, index: usize) -> String {
    if name.trim().is_empty() {
        lang.f(IssueKey::SegmentNumber, &[("n", &n(index.saturating_add(1)))])
    } else {
        shown_name(lang, id, name).to_string()
    }
}

/// A segment's name as the page shows it: the name in the file, except
/// that Xiaomi's segments under their own English names read in the
/// reader's language (a name the user gave is theirs and stays).
pub fn shown_name<'a>(lang: Lang, id: &str, name: &'a str) -> &'a str {
    let key = match (id, name) {
        ("smartphones", "Smartphones") => Key::SegmentSmartphones,
        ("iot", "IoT & lifestyle") => Key::SegmentIot,
        ("internet", "Internet services") => Key::SegmentInternet,
        ("ev", "Smart EV") => Key::SegmentEv,
        _ => return name,
    };
    lang.t(key)
}

/// A field of `s` as messages and tables name it, with its segment:
/// "EV deliveries (Smart EV)", "Price, HK$".
pub fn field_name(lang: Lang, field: Field, s: &crate::model::Scenario) -> String {
    named_field(lang, field, &crate::model::issue::Names::of_field(s, field))
}

fn named_field(lang: Lang, field: Field, names: &crate::model::issue::Names) -> String {
    match field {
        Field::Segment(i, _) => {
            let seg = names.segment.as_ref();
            let segment = segment_name(
                lang,
                seg.map_or("", |seg| seg.id.as_str()),
                seg.map_or("", |seg| seg.name.as_str()),
                i,
            );
            lang.f(
                IssueKey::SubjectSegmentField,
                &[("segment", &segment), ("what", &field_label(lang, field, names))],
            )
        }
        _ => field_label(lang, field, names),
    }
}

/// What an issue is about, as a list of problems names it: a segment's
/// field with its segment ("EV deliveries (Smart EV)").
pub fn subject(lang: Lang, issue: &Issue) -> String {
    let seg_name = |i: usize| {
        let seg = issue.names.segment.as_ref();
        segment_name(lang, seg.map_or("", |seg| seg.id.as_str()), seg.map_or("", |seg| seg.name.as_str()), i)
    };
    match issue.subject {
        Subject::Field(field) => named_field(lang, field, &issue.names),
        Subject::Name => lang.t(IssueKey::SubjectName).to_string(),
        Subject::ReportingCurrency => lang.t(IssueKey::SubjectReportingCurrency).to_string(),
        Subject::ListingCurrency => lang.t(IssueKey::SubjectListingCurrency).to_string(),
        Subject::PriceDate => lang.t(IssueKey::SubjectPriceDate).to_string(),
        Subject::Segments => lang.t(IssueKey::SubjectSegments).to_string(),
        Subject::SegmentId(i) => lang.f(IssueKey::SubjectSegmentId, &[("segment", &seg_name(i))]),
        Subject::SegmentName(i) => lang.f(IssueKey::SubjectSegmentName, &[("n", &n(i.saturating_add(1)))]),
        Subject::SegmentUnitLabel(i) => {
            lang.f(IssueKey::SubjectSegmentUnitLabel, &[("n", &n(i.saturating_add(1)))])
        }
        Subject::File => lang.t(IssueKey::SubjectFile).to_string(),
        Subject::Path => issue.path.clone(),
    }
}

/// An issue as a sentence: "Price, HK$: must be more than 0".
pub fn issue(lang: Lang, issue: &Issue) -> String {
    lang.f(Key::IssueLine, &[("subject", &subject(lang, issue)), ("problem", &problem(lang, &issue.problem))])
}

/// An issue in the list of what is wrong with a file: in the one style of
/// every message naming a field, its name on the page with its segment
/// ("EV deliveries (Smart EV): must be a number, like 1234.5"); a place
/// in the file that names no field, by its path.
pub fn issue_in_file(lang: Lang, i: &Issue) -> String {
    issue(lang, i)
}

/// Issues joined into one sentence.
pub fn issues(lang: Lang, list: &[Issue]) -> String {
    let lines: Vec<String> = list.iter().map(|i| issue(lang, i)).collect();
    lines.join(lang.t(NoticeKey::ListSeparator))
}
