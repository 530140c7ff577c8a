//! The structure of a scenario as the user edits it: add, remove (and put
//! back), move, rename a segment, and switch its driver kind. Plain
//! functions on `Scenario`; each either leaves a scenario whose structure
//! keeps the spec's rules (1 to 12 segments, ids unique and well formed,
//! names of 1 to 60 characters) or refuses with a typed reason and changes
//! nothing.

use super::arith::Checked;
use super::field::SegmentField;
use super::issue::Problem;
use super::scenario::{Driver, DriverKind, Method, Scenario, Segment};
use super::validate::{is_segment_id, text_problem, MAX_SEGMENTS, MAX_SEGMENT_NAME_CHARS};
use super::valuation::{growth_factor, growth_years, revenue_bn};
use rust_decimal::Decimal;

/// Why a structure edit was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StructureError {
    /// Already `max` segments.
    TooMany { max: usize },
    /// The last segment cannot go: a scenario has at least one.
    LastSegment,
    /// No segment at this place.
    NoSegment { index: usize },
    /// The first segment cannot move up, the last not down.
    AtTheEnd { index: usize },
    /// The name breaks the rule of segment names.
    Name(Problem),
    /// The unit name breaks its rule (1 to 30 characters; docs/extensions.md).
    UnitLabel(Problem),
}

/// Which way a segment moves in the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// A removed segment and where it was, so that Undo puts it back exactly.
#[derive(Clone, Debug, PartialEq)]
pub struct Removed {
    pub index: usize,
    pub segment: Segment,
}

/// The id a segment named `name` gets: its ASCII letters and digits in
/// lower case, other runs as one "-", at most 32 characters, "segment" when
/// nothing is left (a name in Chinese), and a "-2", "-3", ... suffix when
/// `taken` has it already. Made once; a rename keeps it.
pub fn id_for(name: &str, taken: &[&str]) -> String {
    let mut base = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            base.push(c.to_ascii_lowercase());
        } else if !base.is_empty() && !base.ends_with('-') {
            base.push('-');
        }
    }
    let mut base: String = base.trim_end_matches('-').chars().take(24).collect();
    if base.ends_with('-') {
        base.pop();
    }
    if base.is_empty() {
        base.push_str("segment");
    }
    let mut id = base.clone();
    let mut n = 2u32;
    while taken.contains(&id.as_str()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

fn check_name(name: &str) -> Result<String, StructureError> {
    match text_problem(name, MAX_SEGMENT_NAME_CHARS) {
        Some(problem) => Err(StructureError::Name(problem)),
        None => Ok(name.trim().to_string()),
    }
}

fn ids(s: &Scenario) -> Vec<&str> {
    s.segments.iter().map(|seg| seg.id.as_str()).collect()
}

/// Adds a segment named `name` at the end, every number zero: revenue 0,
/// margin 0%, P/E at 0x, for the user to fill in. Returns its place.
pub fn add_segment(s: &mut Scenario, name: &str) -> Result<usize, StructureError> {
    if s.segments.len() >= MAX_SEGMENTS {
        return Err(StructureError::TooMany { max: MAX_SEGMENTS });
    }
    let name = check_name(name)?;
    let id = id_for(&name, &ids(s));
    s.segments.push(Segment {
        id,
        name,
        driver: Driver::Revenue { revenue_bn: Decimal::ZERO },
        margin_pct: Decimal::ZERO,
        method: Method::Pe,
        multiple: Decimal::ZERO,
        unit_label: None,
    });
    Ok(s.segments.len() - 1)
}

/// Removes segment `index`; the last one stays.
pub fn remove_segment(s: &mut Scenario, index: usize) -> Result<Removed, StructureError> {
    if index >= s.segments.len() {
        return Err(StructureError::NoSegment { index });
    }
    if s.segments.len() == 1 {
        return Err(StructureError::LastSegment);
    }
    Ok(Removed { index, segment: s.segments.remove(index) })
}

/// Puts a removed segment back where it was (at the end if the list has
/// become shorter since), exactly as it was; its id gets a suffix only if
/// another segment has taken it meanwhile.
pub fn undo_remove(s: &mut Scenario, removed: Removed) -> Result<usize, StructureError> {
    if s.segments.len() >= MAX_SEGMENTS {
        return Err(StructureError::TooMany { max: MAX_SEGMENTS });
    }
    let Removed { index, mut segment } = removed;
    if ids(s).contains(&segment.id.as_str()) {
        segment.id = id_for(&segment.id, &ids(s));
    }
    let at = index.min(s.segments.len());
    s.segments.insert(at, segment);
    Ok(at)
}

/// Moves segment `index` one place up or down; returns its new place.
pub fn move_segment(s: &mut Scenario, index: usize, direction: Direction) -> Result<usize, StructureError> {
    if index >= s.segments.len() {
        return Err(StructureError::NoSegment { index });
    }
    let to = match direction {
        Direction::Up => index.checked_sub(1),
        Direction::Down => Some(index + 1).filter(|&i| i < s.segments.len()),
    };
    let to = to.ok_or(StructureError::AtTheEnd { index })?;
    s.segments.swap(index, to);
    Ok(to)
}

/// Renames segment `index`; its id stays (links, saved notes and Compare
/// rows follow the id).
pub fn rename_segment(s: &mut Scenario, index: usize, name: &str) -> Result<(), StructureError> {
    let name = check_name(name)?;
    let seg = s.segments.get_mut(index).ok_or(StructureError::NoSegment { index })?;
    seg.name = name;
    Ok(())
}

/// Names the units of segment `index` ("subscribers"); an empty text
/// takes the name away (the page then says "units").
pub fn set_unit_label(s: &mut Scenario, index: usize, text: &str) -> Result<(), StructureError> {
    use super::validate::MAX_UNIT_LABEL_CHARS;
    let label = match text.trim() {
        "" => None,
        _ => match text_problem(text, MAX_UNIT_LABEL_CHARS) {
            Some(problem) => return Err(StructureError::UnitLabel(problem)),
            None => Some(text.trim().to_string()),
        },
    };
    let seg = s.segments.get_mut(index).ok_or(StructureError::NoSegment { index })?;
    seg.unit_label = label;
    Ok(())
}

/// Switches segment `index` to driver kind `kind`, keeping what can be
/// kept: the valuation-year revenue (by the engine's own `revenue_bn`) when
/// the new kind has a revenue, the units and ASP when it has those, the
/// growth when both have one. Returns the fields of the old kind whose
/// values are gone (folded into another or dropped): what the page says.
/// A revenue the engine cannot compute (an overflow) is not carried over.
pub fn switch_kind(
    s: &mut Scenario,
    index: usize,
    kind: DriverKind,
) -> Result<Vec<SegmentField>, StructureError> {
    // Years the valuation refuses (a scenario mid-edit may have them) count
    // as none: the engine's own bound, so that growth never loops for long.
    let years = growth_years(s).unwrap_or(0);
    let seg = s.segments.get_mut(index).ok_or(StructureError::NoSegment { index })?;
    let old = seg.driver.clone();
    if old.driver_kind() == kind {
        return Ok(Vec::new());
    }
    let revenue = revenue_bn(&old, years).unwrap_or(Decimal::ZERO);
    let zero = Decimal::ZERO;
    let (units, asp, growth) = match &old {
        Driver::Units { units, asp } => (Some(*units), Some(*asp), None),
        Driver::UnitsGrowth { base_units, growth_pct, asp } => {
            let units = growth_factor(*growth_pct, years).and_then(|f| base_units.times(f));
            (units, Some(*asp), Some(*growth_pct))
        }
        Driver::Revenue { .. } => (None, None, None),
        Driver::RevenueGrowth { growth_pct, .. } => (None, None, Some(*growth_pct)),
    };
    let new = match kind {
        DriverKind::Revenue => Driver::Revenue { revenue_bn: revenue },
        DriverKind::RevenueGrowth => Driver::RevenueGrowth { base_revenue_bn: revenue, growth_pct: zero },
        // From revenue kinds there are no units to keep: they start at 0.
        DriverKind::Units => Driver::Units { units: units.unwrap_or(zero), asp: asp.unwrap_or(zero) },
        DriverKind::UnitsGrowth => match old {
            // The same units in the valuation year: the base is them, at 0% growth.
            Driver::Units { units, asp } => Driver::UnitsGrowth { base_units: units, growth_pct: zero, asp },
            _ => Driver::UnitsGrowth { base_units: zero, growth_pct: growth.unwrap_or(zero), asp: zero },
        },
    };
    use SegmentField as F;
    let dropped = match (old.driver_kind(), kind) {
        (DriverKind::Units, DriverKind::UnitsGrowth) | (DriverKind::Revenue, DriverKind::RevenueGrowth) => {
            vec![]
        }
        (DriverKind::Units, _) => vec![F::Units, F::Asp],
        (DriverKind::UnitsGrowth, DriverKind::Units) => vec![F::GrowthPct],
        (DriverKind::UnitsGrowth, _) => vec![F::BaseUnits, F::GrowthPct, F::Asp],
        (DriverKind::Revenue, _) => vec![F::RevenueBn],
        (DriverKind::RevenueGrowth, DriverKind::Revenue) => vec![F::GrowthPct],
        (DriverKind::RevenueGrowth, DriverKind::UnitsGrowth) => vec![F::BaseRevenueBn],
        (DriverKind::RevenueGrowth, _) => vec![F::BaseRevenueBn, F::GrowthPct],
    };
    seg.driver = new;
    Ok(dropped)
}

/// Whether the structure of `s` keeps the spec's rules: what every
/// function here preserves (the property tests check it).
pub fn structure_is_valid(s: &Scenario) -> bool {
    let ids = ids(s);
    (1..=MAX_SEGMENTS).contains(&s.segments.len())
        && ids
            .iter()
            .enumerate()
            .all(|(i, id)| is_segment_id(id) && !ids.iter().take(i).any(|other| other == id))
        && s.segments.iter().all(|seg| text_problem(&seg.name, MAX_SEGMENT_NAME_CHARS).is_none())
}

/// A company text the editor takes: names and currencies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompanyText {
    Name,
    Ticker,
    Reporting,
    Listing,
}

/// Why a company text was not taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CompanyTextError {
    /// Names: empty, or longer than `max` characters.
    Text(Problem),
    /// Not an ISO 4217 code (three capital letters).
    Currency,
}

/// Sets one company text of `s` by the spec's rules, or says why not.
/// A currency is taken in capitals ("hkd" is HKD).
pub fn set_company_text(s: &mut Scenario, which: CompanyText, text: &str) -> Result<(), CompanyTextError> {
    use super::validate::{is_currency_code, MAX_NAME_CHARS};
    match which {
        CompanyText::Name | CompanyText::Ticker => {
            if let Some(problem) = text_problem(text, MAX_NAME_CHARS) {
                return Err(CompanyTextError::Text(problem));
            }
            let slot = if which == CompanyText::Name { &mut s.company.name } else { &mut s.company.ticker };
            *slot = text.trim().to_string();
        }
        CompanyText::Reporting | CompanyText::Listing => {
            let code = text.trim().to_ascii_uppercase();
            if !is_currency_code(&code) {
                return Err(CompanyTextError::Currency);
            }
            let slot = if which == CompanyText::Reporting {
                &mut s.reporting_currency
            } else {
                &mut s.listing_currency
            };
            *slot = code;
        }
    }
    Ok(())
}

/// The scenario "New company" opens: one segment named `segment_name`,
/// every number zero (price, shares and FX too, so that the page shows
/// their rule until they are typed), no currencies yet, base year `year`
/// and valuation year the next. Its structure keeps the rules; its values
/// do not value until the user fills them in (`missing` says what).
pub fn blank_company(name: &str, segment_name: &str, year: i32) -> Scenario {
    let zero = Decimal::ZERO;
    Scenario {
        name: name.to_string(),
        company: crate::model::Company { name: String::new(), ticker: String::new() },
        reporting_currency: String::new(),
        listing_currency: String::new(),
        fx_listing_per_reporting: zero,
        price: zero,
        price_date: None,
        shares_bn: zero,
        base_year: year,
        valuation_year: year.saturating_add(1),
        segments: vec![Segment {
            id: id_for(segment_name, &[]),
            name: segment_name.to_string(),
            driver: Driver::Revenue { revenue_bn: zero },
            margin_pct: zero,
            method: Method::Pe,
            multiple: zero,
            unit_label: None,
        }],
        net_cash_bn: zero,
        investments_bn: zero,
        investments_discount_pct: zero,
        other_bn: zero,
        holding_discount_pct: zero,
        buyback_listing_bn: zero,
    }
}

/// What a scenario still lacks before its value means anything: what the
/// page lists while a company is being built.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    CompanyName,
    ReportingCurrency,
    ListingCurrency,
    Fx,
    Price,
    Shares,
    /// No segment has a multiple above zero: nothing is valued yet.
    SegmentWithMultiple,
}

/// Every `Missing` of `s`, in the order the page asks for them.
pub fn missing(s: &Scenario) -> Vec<Missing> {
    use super::validate::is_currency_code;
    let zero = Decimal::ZERO;
    let checks = [
        (s.company.name.trim().is_empty(), Missing::CompanyName),
        (!is_currency_code(&s.reporting_currency), Missing::ReportingCurrency),
        (!is_currency_code(&s.listing_currency), Missing::ListingCurrency),
        (s.fx_listing_per_reporting <= zero, Missing::Fx),
        (s.price <= zero, Missing::Price),
        (s.shares_bn <= zero, Missing::Shares),
        (s.segments.iter().all(|seg| seg.multiple <= zero), Missing::SegmentWithMultiple),
    ];
    checks.into_iter().filter_map(|(lacks, what)| lacks.then_some(what)).collect()
}
