//! Helpers shared by the model's integration tests.
//!
//! Every test crate includes this module but uses only part of it.
#![allow(dead_code)]

use rust_decimal::Decimal;
use sotp::model::{Company, Driver, Method, Scenario, Segment};

/// A decimal written in the test, read exactly.
pub fn dec(text: &str) -> Decimal {
    Decimal::from_str_exact(text).unwrap_or_else(|e| panic!("bad test literal {text:?}: {e}"))
}

/// A hand-computed figure that may have more digits than a `Decimal`
/// holds (Python's output at 40 digits), rounded to fit.
pub fn approx(text: &str) -> Decimal {
    text.parse().unwrap_or_else(|e| panic!("bad test literal {text:?}: {e}"))
}

/// Asserts `|actual - expected| <= tolerance`; `expected` may carry more
/// digits than a `Decimal` holds.
#[track_caller]
pub fn assert_close(actual: Decimal, expected: &str, tolerance: &str) {
    let (expected, tolerance) = (approx(expected), dec(tolerance));
    let diff = (actual - expected).abs();
    assert!(diff <= tolerance, "expected {expected} within {tolerance}, got {actual} (off by {diff})");
}

/// Per-share amounts are compared to 0.005, as the spec says.
#[track_caller]
pub fn assert_per_share(actual: Decimal, expected: &str) {
    assert_close(actual, expected, "0.005");
}

pub fn segment(id: &str, driver: Driver, margin: &str, method: Method, multiple: &str) -> Segment {
    Segment {
        id: id.into(),
        name: format!("Segment {id}"),
        driver,
        margin_pct: dec(margin),
        method,
        multiple: dec(multiple),
        unit_label: None,
    }
}

pub fn revenue(revenue_bn: &str) -> Driver {
    Driver::Revenue { revenue_bn: dec(revenue_bn) }
}

pub fn revenue_growth(base_revenue_bn: &str, growth_pct: &str) -> Driver {
    Driver::RevenueGrowth { base_revenue_bn: dec(base_revenue_bn), growth_pct: dec(growth_pct) }
}

pub fn units(units: &str, asp: &str) -> Driver {
    Driver::Units { units: dec(units), asp: dec(asp) }
}

pub fn units_growth(base_units: &str, growth_pct: &str, asp: &str) -> Driver {
    Driver::UnitsGrowth { base_units: dec(base_units), growth_pct: dec(growth_pct), asp: dec(asp) }
}

/// A valid scenario with round figures: fx 1, price 10, 10bn shares,
/// base year = valuation year = 2025, every group term zero.
pub fn scenario(segments: Vec<Segment>) -> Scenario {
    Scenario {
        name: "Test".into(),
        company: Company { name: "Test Co".into(), ticker: "TST".into() },
        reporting_currency: "RMB".into(),
        listing_currency: "HKD".into(),
        fx_listing_per_reporting: dec("1"),
        price: dec("10"),
        price_date: None,
        shares_bn: dec("10"),
        base_year: 2025,
        valuation_year: 2025,
        segments,
        net_cash_bn: Decimal::ZERO,
        investments_bn: Decimal::ZERO,
        investments_discount_pct: Decimal::ZERO,
        other_bn: Decimal::ZERO,
        holding_discount_pct: Decimal::ZERO,
        buyback_listing_bn: Decimal::ZERO,
    }
}

/// A valid scenario with one segment of each driver kind and each method,
/// Xiaomi-like figures, and a year of growth.
pub fn four_segments() -> Scenario {
    let mut s = scenario(vec![
        Segment {
            name: "Phones".into(),
            ..segment("phones", units_growth("100000000", "5", "1000"), "5", Method::Pe, "20")
        },
        Segment { name: "IoT".into(), ..segment("iot", revenue_growth("100", "8"), "8", Method::Pe, "20") },
        Segment { name: "Internet".into(), ..segment("internet", revenue("40"), "48", Method::EvEbit, "15") },
        Segment {
            name: "Smart EV".into(),
            ..segment("ev", units("650000", "255000"), "5", Method::EvSales, "3")
        },
    ]);
    s.fx_listing_per_reporting = dec("1.095");
    s.price = dec("40.34");
    s.shares_bn = dec("26.04");
    s.valuation_year = 2026;
    s
}

/// Splits RFC 4180 text (CRLF after every record, as `export::bridge_csv` writes it) into records of fields (quotes undone).
pub fn csv_records(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "CR must be followed by LF");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, '\n') => panic!("bare LF outside quotes"),
            (false, c) => field.push(c),
        }
    }
    assert!(!quoted, "unterminated quote");
    assert!(field.is_empty() && record.is_empty(), "last record must end with CRLF");
    records
}

/// Proptest strategies shared by the property tests (each test file used
/// to have its own copy).
pub mod gen {
    use proptest::prelude::*;
    use rust_decimal::Decimal;
    use sotp::model::{Driver, DriverKind, Preset};

    /// Any of the three presets.
    pub fn preset() -> impl Strategy<Value = Preset> {
        prop::sample::select(Preset::ALL.to_vec())
    }

    /// A driver of any kind (`DriverKind`'s table), every field drawn from
    /// `decimal`.
    pub fn driver<S>(decimal: S) -> impl Strategy<Value = Driver>
    where
        S: Strategy<Value = Decimal>,
    {
        (prop::sample::select(DriverKind::ALL.to_vec()), prop::collection::vec(decimal, 3))
            .prop_filter_map("a driver of the kind's own fields", |(kind, values)| {
                kind.build(values.get(..kind.fields().len())?)
            })
    }
}
