//! Every text the user reads, in one place: the table of each language
//! (`en.rs` is the master; its keys are `Key`) and the renderers that turn
//! typed values (issues, notices, errors, the bridge) into words.
//!
//! Everything else says *what* happened as data (`model::Issue`,
//! `notice::Notice`, `link::LinkError`, ...) and calls these at the edge,
//! with the reader's language. Adding a language is adding a table.

pub mod editor;
mod en;
pub mod explain;
mod notice;
pub mod translation;

pub use crate::lang::{Lang, NumberStyle, LANG_KEY};
pub use en::{CompareKey, EditorKey, ExplainKey, IssueKey, Key, NoticeKey, SourceKey};
pub use notice::{notice, Rendered};

use crate::compare::weights::WeightError;
use crate::library::{Damage, EntryProblem, SaveStatus, MAX_ID_LEN, SCHEMA};
use crate::link::{LinkError, Malformed, MAX_LINK_CHARS};
use crate::model::issue::Names;
use crate::model::plausible::FarOff;
use crate::model::presets::SOURCE_OUTLETS;
use crate::model::scenario::{DriverKind, FORMAT, VERSION};
use crate::model::valuation::GroupTerm;
use crate::model::MultipleChange;
use crate::model::{
    Driver, Expected, Field, Found, Issue, JsonKind, Method, NumberError, Preset, Problem, Rule, Scenario,
    SegmentField, Subject,
};
use crate::store::StorageError;
use rust_decimal::Decimal;
use std::cell::Cell;
use translation::{FileError, GROUPS};

impl Lang {
    /// The text of `key`.
    pub fn t<K: Text>(self, key: K) -> &'static str {
        key.in_lang(self)
    }

    /// The text of `key` with its `{name}`s filled in.
    pub fn f<K: Text>(self, key: K, args: &[(&str, &str)]) -> String {
        fill(self.t(key), args)
    }
}

/// A key of one of the text tables (`en.rs`).
pub trait Text: Copy {
    /// Its table's number: the group of the language files it is in.
    const GROUP: usize;

    /// Its place in its table.
    fn index(self) -> usize;

    /// The English text (empty in the split build, where English is a
    /// file too).
    fn en(self) -> &'static str;

    /// The text in `lang`; English while that language's file is not
    /// installed (`install`), so a page never shows a key.
    fn in_lang(self, lang: Lang) -> &'static str {
        translated(lang, Self::GROUP, self.index())
            .or_else(|| translated(Lang::En, Self::GROUP, self.index()))
            .unwrap_or_else(|| self.en())
    }
}

/// The installed texts of one group of one language.
type Group = Cell<Option<&'static [&'static str]>>;

thread_local! {
    /// The installed texts of each language but English (by `Lang` order),
    /// group by group. (A `thread_local` of `Cell`s, not a `OnceLock`: on
    /// wasm it is a plain static, where a lock brings thread parking in.)
    static INSTALLED: [[Group; GROUPS.len()]; 4] = const { [const { [const { Cell::new(None) }; GROUPS.len()] }; 4] };
}

/// The installed texts of group `group` of `lang`. English is never
/// installed but in the split build: elsewhere it is compiled in.
fn installed(lang: Lang, group: usize) -> Option<&'static [&'static str]> {
    INSTALLED.with(|all| all.get(lang as usize).and_then(|groups| groups.get(group)).and_then(Cell::get))
}

/// Text `index` of group `group` in `lang`, if installed. Without the
/// split build every language is in the binary and is read on first use.
fn translated(lang: Lang, group: usize, index: usize) -> Option<&'static str> {
    install_bundled(lang, group);
    installed(lang, group)?.get(index).copied()
}

/// Without the split build, installs the bundled file of `lang` the first
/// time one of its groups is asked for (on this thread).
fn install_bundled(lang: Lang, group: usize) {
    #[cfg(not(sotp_split))]
    if lang != Lang::En && installed(lang, group).is_none() {
        if let Some(file) = bundled(lang) {
            // A file that does not read leaves the language in English;
            // `tests/texts.rs` makes sure every bundled file reads.
            let _ = install(lang, file);
        }
    }
    #[cfg(sotp_split)]
    let _ = (lang, group);
}

/// The file of `lang` as the repository has it.
#[cfg(not(sotp_split))]
pub fn bundled(lang: Lang) -> Option<&'static str> {
    match lang {
        Lang::En => None,
        Lang::ZhHant => Some(include_str!("lang/zh-Hant.txt")),
        Lang::ZhHans => Some(include_str!("lang/zh-Hans.txt")),
        Lang::De => Some(include_str!("lang/de.txt")),
    }
}

/// Whether the texts of `groups` of `lang` can be shown (English always
/// can, but in the split build).
pub fn has_groups(lang: Lang, groups: &[usize]) -> bool {
    (lang == Lang::En && cfg!(not(sotp_split)))
        || groups.iter().all(|&g| {
            install_bundled(lang, g);
            installed(lang, g).is_some()
        })
}

/// Whether every text of `lang` can be shown.
pub fn has_texts(lang: Lang) -> bool {
    has_groups(lang, &ALL_GROUPS)
}

const ALL_GROUPS: [usize; GROUPS.len()] = [0, 1, 2, 3, 4, 5, 6];

/// Reads `file` (some or all of a language's groups) and makes its texts
/// the ones shown. A group is installed once; a file that does not read
/// changes nothing.
pub fn install(lang: Lang, file: &'static str) -> Result<(), FileError> {
    let i = lang as usize;
    for (g, texts) in translation::read(file, en::GROUP_SIZES)?.into_groups() {
        if installed(lang, g).is_none() {
            // Leaked once per group: the texts live as long as the page does.
            let texts: &'static [&'static str] = Vec::leak(texts);
            INSTALLED
                .with(|all| all.get(i).and_then(|groups| groups.get(g)).map(|slot| slot.set(Some(texts))));
        }
    }
    Ok(())
}

/// Text `i` of a table: `texts` holds a language's texts one after the
/// other, `ends` where each ends (2 bytes a text, where a `&str` per text
/// would take 8 and a relocation).
#[cfg(not(sotp_split))]
fn nth(texts: &'static str, ends: &[u16], i: usize) -> &'static str {
    let start = i.checked_sub(1).and_then(|p| ends.get(p)).map_or(0, |&e| usize::from(e));
    let end = ends.get(i).map_or(start, |&e| usize::from(e));
    texts.get(start..end).unwrap_or("")
}

/// The end of each text in the concatenation of texts of lengths `lens`.
/// Checked when the table is built (it is a `static`): a language of more
/// than 64 KiB of text does not compile.
#[allow(clippy::indexing_slicing)] // `i < N` bounds both arrays
#[cfg(not(sotp_split))]
const fn ends<const N: usize>(lens: [usize; N]) -> [u16; N] {
    let mut out = [0u16; N];
    let mut end = 0;
    let mut i = 0;
    while i < N {
        end += lens[i];
        assert!(end <= u16::MAX as usize, "a language's texts exceed 64 KiB");
        out[i] = end as u16;
        i += 1;
    }
    out
}

/// `template` with each `{name}` replaced by the value of `name` in `args`.
/// A name not in `args` is left as it is, so a mistake shows rather than
/// vanishing (and `tests/texts.rs` checks that every name is given).
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    // `get`, not slicing or `split_at`: the indices come from `find` and are
    // always on char boundaries, and a panicking slice would bring the
    // panic's formatting machinery (and its Unicode tables) into the wasm.
    while let Some(open) = rest.find('{') {
        let (before, from_brace) = (rest.get(..open).unwrap_or(""), rest.get(open..).unwrap_or(""));
        out.push_str(before);
        let value = from_brace
            .find('}')
            .and_then(|close| from_brace.get(1..close).map(|name| (close, name)))
            .and_then(|(close, name)| args.iter().find(|(n, _)| *n == name).map(|(_, v)| (close, *v)));
        match value {
            Some((close, v)) => {
                out.push_str(v);
                rest = from_brace.get(close + 1..).unwrap_or("");
            }
            None => {
                out.push('{');
                rest = from_brace.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

/// A number in a message (a count, a position, a limit).
fn n(v: impl std::fmt::Display) -> String {
    v.to_string()
}

// --- Rules and issues ---------------------------------------------------

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

fn json_kind(lang: Lang, k: JsonKind) -> &'static str {
    lang.t(match k {
        JsonKind::Null => IssueKey::KindNull,
        JsonKind::Bool => IssueKey::KindBool,
        JsonKind::Number => IssueKey::KindNumber,
        JsonKind::Text => IssueKey::KindText,
        JsonKind::List => IssueKey::KindList,
        JsonKind::Object => IssueKey::KindObject,
    })
}

fn found(lang: Lang, f: &Found) -> String {
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
fn segment_name(lang: Lang, id: &str, name: &str, index: usize) -> String {
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

/// What an issue is about, as a list of problems names it: a segment's
/// field with its segment ("EV deliveries (Smart EV)").
pub fn subject(lang: Lang, issue: &Issue) -> String {
    let seg_name = |i: usize| {
        let seg = issue.names.segment.as_ref();
        segment_name(lang, seg.map_or("", |seg| seg.id.as_str()), seg.map_or("", |seg| seg.name.as_str()), i)
    };
    match issue.subject {
        Subject::Field(field @ Field::Segment(i, _)) => lang.f(
            IssueKey::SubjectSegmentField,
            &[("segment", &seg_name(i)), ("what", &field_label(lang, field, &issue.names))],
        ),
        Subject::Field(field) => field_label(lang, field, &issue.names),
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

/// An issue in the list of what is wrong with a file: with its path in the
/// file, unless the path is all that names it (or it is the whole file).
pub fn issue_in_file(lang: Lang, i: &Issue) -> String {
    match i.subject {
        Subject::Path | Subject::File => issue(lang, i),
        _ => lang.f(
            NoticeKey::IssueLineWithPath,
            &[("subject", &subject(lang, i)), ("path", &i.path), ("problem", &problem(lang, &i.problem))],
        ),
    }
}

/// Issues joined into one sentence.
pub fn issues(lang: Lang, list: &[Issue]) -> String {
    let lines: Vec<String> = list.iter().map(|i| issue(lang, i)).collect();
    lines.join(lang.t(NoticeKey::ListSeparator))
}

// --- Field names ----------------------------------------------------------

/// What a field is called on the page: the one name of each field, beside
/// its input, in messages and in Compare. Xiaomi's segment ids get the names
/// users know ("EV deliveries"); any other segment gets names built from its
/// driver and method.
pub fn field_label(lang: Lang, field: Field, names: &Names) -> String {
    let seg = names.segment.as_ref().map(|seg| (seg.id.as_str(), seg.kind, seg.method));
    label_of(lang, field, &names.reporting, &names.listing, seg)
}

/// `field_label` of a field of scenario `s`.
pub fn label_in(lang: Lang, field: Field, s: &Scenario) -> String {
    let seg = field.segment().and_then(|i| s.segments.get(i));
    let seg = seg.map(|seg| (seg.id.as_str(), seg.driver.driver_kind(), seg.method));
    label_of(lang, field, &s.reporting_currency, &s.listing_currency, seg)
}

/// A field's name from what it depends on: the currencies, and for a
/// segment's field the segment's id, driver kind and method.
fn label_of(
    lang: Lang,
    field: Field,
    rep: &str,
    lst_code: &str,
    seg: Option<(&str, DriverKind, Method)>,
) -> String {
    use SegmentField as S;
    let lst = crate::display::currency_prefix(lst_code);
    let lst = lst.trim();
    let f = |key, args: &[(&str, &str)]| lang.f(key, args);
    let t = |key| lang.t(key).to_string();
    match field {
        Field::Price => f(Key::LabelPrice, &[("listing", lst)]),
        Field::SharesBn => t(Key::LabelShares),
        Field::Fx => f(Key::LabelFx, &[("listing", lst_code), ("reporting", rep)]),
        Field::BaseYear => t(Key::LabelBaseYear),
        Field::ValuationYear => t(Key::LabelValuationYear),
        Field::NetCashBn => f(Key::LabelNetCash, &[("reporting", rep)]),
        Field::InvestmentsBn => f(Key::LabelInvestments, &[("reporting", rep)]),
        Field::InvestmentsDiscountPct => t(Key::LabelInvestmentsDiscount),
        Field::OtherBn => f(Key::LabelOther, &[("reporting", rep)]),
        Field::HoldingDiscountPct => t(Key::LabelHoldingDiscount),
        Field::BuybackListingBn => f(Key::LabelBuybacks, &[("listing", lst)]),
        Field::Segment(_, sf) => {
            let id = seg.map_or("", |seg| seg.0);
            let method = seg.map_or(Method::Pe, |seg| seg.2);
            let of_units = seg.is_some_and(|seg| seg.1 == DriverKind::UnitsGrowth);
            match (sf, id) {
                (S::Units, "ev") => t(Key::LabelEvDeliveries),
                (S::Units, "smartphones") => t(Key::LabelHandsetShipments),
                (S::Units, _) => t(Key::LabelUnits),
                (S::BaseUnits, "smartphones") => t(Key::LabelBaseHandsetShipments),
                (S::BaseUnits, _) => t(Key::LabelBaseUnits),
                (S::GrowthPct, "smartphones") => t(Key::LabelHandsetGrowth),
                (S::GrowthPct, _) if of_units => t(Key::LabelUnitGrowth),
                (S::GrowthPct, _) => t(Key::LabelRevenueGrowth),
                (S::Asp, "ev") => f(Key::LabelEvAsp, &[("reporting", rep)]),
                (S::Asp, _) => f(Key::LabelAsp, &[("reporting", rep)]),
                (S::RevenueBn, _) => f(Key::LabelRevenue, &[("reporting", rep)]),
                (S::BaseRevenueBn, _) => f(Key::LabelBaseRevenue, &[("reporting", rep)]),
                (S::MarginPct, _) if method == Method::Pe => t(Key::LabelNetMargin),
                (S::MarginPct, _) => t(Key::LabelEbitMargin),
                (S::Multiple, _) => t(Key::LabelMultiple),
            }
        }
    }
}

/// The noun for a segment's units ("cars" for EVs).
/// The user's own name for them first, if the segment has one.
pub fn unit_noun(lang: Lang, seg: &crate::model::Segment) -> &str {
    if let Some(label) = seg.unit_label.as_deref() {
        return label.trim();
    }
    lang.t(match seg.id.as_str() {
        "ev" => Key::UnitCars,
        "smartphones" => Key::UnitHandsets,
        _ => Key::UnitUnits,
    })
}

// --- The bridge, methods, presets ------------------------------------------

pub fn group_term(lang: Lang, term: GroupTerm) -> &'static str {
    lang.t(match term {
        GroupTerm::HoldingDiscount => Key::TermHoldingDiscount,
        GroupTerm::NetCash => Key::TermNetCash,
        GroupTerm::Investments => Key::TermInvestments,
        GroupTerm::Other => Key::TermOther,
        GroupTerm::Buybacks => Key::TermBuybacks,
    })
}

/// The name an analyst uses for the multiple.
pub fn method(lang: Lang, m: Method) -> &'static str {
    lang.t(match m {
        Method::Pe => Key::MethodPe,
        Method::EvEbit => Key::MethodEvEbit,
        Method::EvSales => Key::MethodEvSales,
    })
}

/// What a method switch did to the multiple of a segment now on `to`,
/// said beside the multiple while it is still the one the switch set.
pub fn switch_note(lang: Lang, change: MultipleChange, to: Method, from: Method) -> String {
    let (key, multiple, was) = match change {
        MultipleChange::Kept { multiple } => (NoticeKey::SwitchKept, multiple, multiple),
        MultipleChange::Recalled { multiple } => (NoticeKey::SwitchRecalled, multiple, multiple),
        MultipleChange::Equivalent { multiple, from, .. } => (NoticeKey::SwitchEquivalent, multiple, from),
        MultipleChange::NoEquivalent { multiple } => (NoticeKey::SwitchNoEquivalent, multiple, multiple),
    };
    lang.f(
        key,
        &[
            ("multiple", &crate::display::count(lang, multiple)),
            ("was", &crate::display::count(lang, was)),
            ("to", method(lang, to)),
            ("from", method(lang, from)),
        ],
    )
}

/// The calm word beside a value far from what the facts support.
pub fn far_off_note(lang: Lang, far: FarOff) -> String {
    match far {
        FarOff::Above { base } => {
            lang.f(NoticeKey::FarAbove, &[("base", &crate::display::count(lang, base))])
        }
        FarOff::Below { base } => {
            lang.f(NoticeKey::FarBelow, &[("base", &crate::display::count(lang, base))])
        }
        FarOff::OutsideBand { low, high } => lang.f(
            NoticeKey::FarOutsideBand,
            &[("low", &crate::display::count(lang, low)), ("high", &crate::display::count(lang, high))],
        ),
    }
}

/// What `margin_pct` means under the method.
pub fn profit(lang: Lang, m: Method) -> &'static str {
    lang.t(match m {
        Method::Pe => ExplainKey::ProfitPe,
        Method::EvEbit => ExplainKey::ProfitEvEbit,
        Method::EvSales => ExplainKey::ProfitEvSales,
    })
}

/// A preset's name on the page; `None` is "Custom".
pub fn preset(lang: Lang, p: Option<Preset>) -> &'static str {
    lang.t(match p {
        Some(Preset::Bear) => Key::PresetBear,
        Some(Preset::Base) => Key::PresetBase,
        Some(Preset::Bull) => Key::PresetBull,
        None => Key::PresetCustom,
    })
}

pub fn driver(lang: Lang, d: &Driver) -> &'static str {
    lang.t(match d.driver_kind() {
        DriverKind::Units => CompareKey::DriverUnits,
        DriverKind::UnitsGrowth => CompareKey::DriverUnitsGrowth,
        DriverKind::Revenue => CompareKey::DriverRevenue,
        DriverKind::RevenueGrowth => CompareKey::DriverRevenueGrowth,
    })
}

/// "Base case: HK$55.49 a share, 37.6% above HK$40.34". `upside_pct` is
/// compared as rounded for display, so the words never contradict the badge.
pub fn verdict(
    lang: Lang,
    case: Option<Preset>,
    value: Decimal,
    price: Decimal,
    upside_pct: Decimal,
    currency: &str,
) -> String {
    use crate::display::{pct, per_share, rounded_pct};
    let rounded = rounded_pct(upside_pct);
    let relation = if rounded.is_zero() {
        lang.t(Key::VerdictInLine).to_string()
    } else if rounded > Decimal::ZERO {
        lang.f(Key::VerdictAbove, &[("pct", &pct(lang, rounded))])
    } else {
        lang.f(Key::VerdictBelow, &[("pct", &pct(lang, -rounded))])
    };
    lang.f(
        Key::Verdict,
        &[
            ("case", preset(lang, case)),
            ("value", &per_share(lang, value, currency)),
            ("relation", &relation),
            ("price", &per_share(lang, price, currency)),
        ],
    )
}

pub fn save_status(lang: Lang, s: SaveStatus) -> &'static str {
    lang.t(match s {
        SaveStatus::StorageOff => NoticeKey::StatusStorageOff,
        SaveStatus::NotSaved => NoticeKey::StatusNotSaved,
        SaveStatus::FromLink => NoticeKey::StatusFromLink,
        SaveStatus::UnsavedChanges => NoticeKey::StatusUnsavedChanges,
        SaveStatus::Saved => NoticeKey::StatusSaved,
    })
}

// --- Errors of the other modules ---------------------------------------------

pub fn storage_error(lang: Lang, e: &StorageError) -> String {
    match e {
        StorageError::Unavailable => lang.t(NoticeKey::StorageUnavailable).to_string(),
        StorageError::Full => lang.t(NoticeKey::StorageFull).to_string(),
        // The browser's own words, quoted.
        StorageError::Failed(why) => lang.f(NoticeKey::StorageFailed, &[("why", why)]),
    }
}

/// A scenario by its name in quotes, or by its place when it has none.
fn scenario_name(lang: Lang, index: usize, name: &str) -> String {
    if name.is_empty() {
        lang.f(CompareKey::WeightScenarioN, &[("n", &n(index.saturating_add(1)))])
    } else {
        format!("\u{201C}{name}\u{201D}")
    }
}

pub fn weight_error(lang: Lang, e: &WeightError) -> String {
    match e {
        WeightError::Total { sum } => {
            lang.f(CompareKey::WeightTotal, &[("sum", &crate::display::up_to(lang, *sum, 1, 28))])
        }
        WeightError::Negative { index, name } => {
            lang.f(CompareKey::WeightNegative, &[("name", &scenario_name(lang, *index, name))])
        }
        WeightError::Currency => lang.t(CompareKey::WeightCurrency).to_string(),
        WeightError::NotValued { index, name } => {
            lang.f(CompareKey::WeightNotValued, &[("name", &scenario_name(lang, *index, name))])
        }
        WeightError::Unreadable { title, error, .. } => {
            lang.f(CompareKey::WeightUnreadable, &[("title", title), ("problem", number_error(lang, *error))])
        }
    }
}

pub fn link_error(lang: Lang, e: &LinkError) -> String {
    match e {
        LinkError::TooLong { chars } => {
            lang.f(NoticeKey::LinkTooLong, &[("chars", &n(chars)), ("max", &n(MAX_LINK_CHARS))])
        }
        LinkError::UnknownVersion { tag } => lang.f(NoticeKey::LinkUnknownVersion, &[("tag", tag)]),
        LinkError::NotBase64 { position } => {
            lang.f(NoticeKey::LinkNotBase64, &[("n", &n(position.saturating_add(1)))])
        }
        LinkError::Truncated => lang.t(NoticeKey::LinkTruncated).to_string(),
        LinkError::Corrupt => lang.t(NoticeKey::LinkCorrupt).to_string(),
        LinkError::Malformed(m) => lang.f(NoticeKey::LinkMalformed, &[("what", &malformed(lang, m))]),
        LinkError::Invalid(list) => lang.f(NoticeKey::LinkInvalid, &[("issues", &issues(lang, list))]),
    }
}

fn malformed(lang: Lang, m: &Malformed) -> String {
    let at = |key, at: &str| lang.f(key, &[("at", at)]);
    match m {
        Malformed::NoTag => lang.t(NoticeKey::MalformedNoTag).to_string(),
        Malformed::TagTooLong => lang.t(NoticeKey::MalformedTagTooLong).to_string(),
        Malformed::TagNotWritten { tag } => lang.f(NoticeKey::MalformedTagNotWritten, &[("tag", tag)]),
        Malformed::EndsAt { at: a } => at(NoticeKey::MalformedEndsAt, a),
        Malformed::TooLarge { at: a } => at(NoticeKey::MalformedTooLarge, a),
        Malformed::NotShortest { at: a } => at(NoticeKey::MalformedNotShortest, a),
        Malformed::LongerThanLink { at: a } => at(NoticeKey::MalformedLongerThanLink, a),
        Malformed::NotUtf8 { at: a } => at(NoticeKey::MalformedNotUtf8, a),
        Malformed::UnknownFlags { at: a } => at(NoticeKey::MalformedUnknownFlags, a),
        Malformed::TooManyDecimals { at: a } => at(NoticeKey::MalformedTooManyDecimals, a),
        Malformed::UnknownCode { at, code } => {
            lang.f(NoticeKey::MalformedUnknownCode, &[("at", at), ("code", &n(code))])
        }
        Malformed::Trailing { bytes: 1 } => lang.t(NoticeKey::MalformedTrailingByte).to_string(),
        Malformed::Trailing { bytes } => lang.f(NoticeKey::MalformedTrailingBytes, &[("bytes", &n(bytes))]),
    }
}

/// Why a saved entry does not read, in sentences.
pub fn damage(lang: Lang, d: &Damage) -> String {
    let current = n(SCHEMA);
    match d {
        Damage::ForeignKey { key } => lang.f(NoticeKey::DamageForeignKey, &[("key", key)]),
        Damage::BadId { id } => lang.f(NoticeKey::DamageBadId, &[("id", id), ("max", &n(MAX_ID_LEN))]),
        Damage::Empty => lang.t(NoticeKey::DamageEmpty).to_string(),
        Damage::NotJson { line, column } => {
            lang.f(NoticeKey::DamageNotJson, &[("line", &n(line)), ("column", &n(column))])
        }
        Damage::NotObject(kind) => lang.f(NoticeKey::DamageNotObject, &[("kind", json_kind(lang, *kind))]),
        Damage::NoSchema => lang.t(NoticeKey::DamageNoSchema).to_string(),
        Damage::SchemaNotWhole(f) => {
            lang.f(NoticeKey::DamageSchemaNotWhole, &[("schema", &current), ("found", &found(lang, f))])
        }
        Damage::Unreadable { schema, problems } => {
            let list: Vec<String> = problems.iter().map(|p| entry_problem(lang, p)).collect();
            lang.f(
                NoticeKey::DamageUnreadable,
                &[("schema", &n(schema)), ("problems", &list.join(lang.t(NoticeKey::ListSeparator)))],
            )
        }
        Damage::NewerSchema { schema } => {
            lang.f(NoticeKey::DamageNewerSchema, &[("schema", &n(schema)), ("current", &current)])
        }
        Damage::UnknownSchema { schema } => {
            lang.f(NoticeKey::DamageUnknownSchema, &[("schema", &n(schema)), ("current", &current)])
        }
    }
}

fn entry_problem(lang: Lang, p: &EntryProblem) -> String {
    match p {
        EntryProblem::IdMismatch { id, key_id } => {
            lang.f(NoticeKey::EntryIdMismatch, &[("id", id), ("key_id", key_id)])
        }
        EntryProblem::Field { key, problem: p } => {
            lang.f(NoticeKey::EntryField, &[("key", key), ("problem", &problem(lang, p))])
        }
        EntryProblem::Scenario(list) => lang.f(NoticeKey::EntryScenario, &[("issues", &issues(lang, list))]),
    }
}

/// Where a default comes from, for Xiaomi's segments (by id) and the group
/// fields. `None` for fields of other companies' segments.
pub fn field_source(lang: Lang, field: Field, segment_id: Option<&str>) -> Option<&'static str> {
    use SegmentField as S;
    let key = match (field, segment_id) {
        (Field::Price, _) => SourceKey::Price,
        (Field::SharesBn, _) => SourceKey::Shares,
        (Field::Fx, _) => SourceKey::Fx,
        (Field::BaseYear | Field::ValuationYear, _) => SourceKey::Years,
        (Field::NetCashBn, _) => SourceKey::NetCash,
        (Field::InvestmentsBn | Field::InvestmentsDiscountPct, _) => SourceKey::Investments,
        (Field::OtherBn | Field::HoldingDiscountPct, _) => SourceKey::OtherDiscount,
        (Field::BuybackListingBn, _) => SourceKey::Buybacks,
        (Field::Segment(_, f), Some("smartphones")) => match f {
            S::BaseUnits => SourceKey::PhoneBaseUnits,
            S::GrowthPct => SourceKey::PhoneGrowth,
            S::Asp => SourceKey::PhoneAsp,
            S::MarginPct => SourceKey::PhoneMargin,
            S::Multiple => SourceKey::PhoneMultiple,
            _ => return None,
        },
        (Field::Segment(_, f), Some("iot")) => match f {
            S::BaseRevenueBn => SourceKey::IotBaseRevenue,
            S::GrowthPct => SourceKey::IotGrowth,
            S::MarginPct => SourceKey::IotMargin,
            S::Multiple => SourceKey::IotMultiple,
            _ => return None,
        },
        (Field::Segment(_, f), Some("internet")) => match f {
            S::BaseRevenueBn => SourceKey::InternetBaseRevenue,
            S::GrowthPct => SourceKey::InternetGrowth,
            S::MarginPct => SourceKey::InternetMargin,
            S::Multiple => SourceKey::IotMultiple,
            _ => return None,
        },
        (Field::Segment(_, f), Some("ev")) => match f {
            S::Units => SourceKey::EvUnits,
            S::Asp => SourceKey::EvAsp,
            S::MarginPct => SourceKey::EvMargin,
            S::Multiple => SourceKey::EvMultiple,
            _ => return None,
        },
        _ => return None,
    };
    Some(lang.t(key))
}

/// The Sources list: each outlet with what it gave and when.
pub fn sources(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    const GAVE: [SourceKey; SOURCE_OUTLETS.len()] = [
        SourceKey::From0,
        SourceKey::From1,
        SourceKey::From2,
        SourceKey::From3,
        SourceKey::From4,
        SourceKey::From5,
        SourceKey::From6,
        SourceKey::From7,
        SourceKey::From8,
        SourceKey::From9,
        SourceKey::From10,
    ];
    SOURCE_OUTLETS.into_iter().zip(GAVE).map(move |(outlet, gave)| (outlet, lang.t(gave)))
}

/// A typed value said in a language: the renderers above as one method,
/// for code that holds a value and wants its words (`e.say(lang)`).
pub trait Say {
    fn say(&self, lang: Lang) -> String;
}

impl Say for Issue {
    fn say(&self, lang: Lang) -> String {
        issue(lang, self)
    }
}

impl Say for Problem {
    fn say(&self, lang: Lang) -> String {
        problem(lang, self)
    }
}

impl Say for NumberError {
    fn say(&self, lang: Lang) -> String {
        number_error(lang, *self).to_string()
    }
}

impl Say for LinkError {
    fn say(&self, lang: Lang) -> String {
        link_error(lang, self)
    }
}

impl Say for WeightError {
    fn say(&self, lang: Lang) -> String {
        weight_error(lang, self)
    }
}

impl Say for StorageError {
    fn say(&self, lang: Lang) -> String {
        storage_error(lang, self)
    }
}

impl Say for Damage {
    fn say(&self, lang: Lang) -> String {
        damage(lang, self)
    }
}

impl Say for SaveStatus {
    fn say(&self, lang: Lang) -> String {
        save_status(lang, *self).to_string()
    }
}
