//! The comparison table: which rows there are, what the cells say, and
//! that `differs` marks exactly the assumptions whose values differ.
// Tests may unwrap, expect, panic and index: a failure is the test failing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable
)]

use rust_decimal::Decimal;
use sotp::compare::{compare_rows, CompareRow};
use sotp::model::{Driver, Preset, Scenario};
use sotp::text::Lang::En;

fn dec(text: &str) -> Decimal {
    Decimal::from_str_exact(text).unwrap_or_else(|e| panic!("bad test literal {text:?}: {e}"))
}

fn row<'a>(rows: &'a [CompareRow], label: &str) -> &'a CompareRow {
    rows.iter().find(|r| r.label == label).unwrap_or_else(|| panic!("no row {label:?}"))
}

fn differing(rows: &[CompareRow]) -> Vec<&str> {
    rows.iter().filter(|r| r.differs).map(|r| r.label.as_str()).collect()
}

#[test]
fn base_vs_bull_every_row_and_cell() {
    let (base, bull) = (Preset::Base.scenario(), Preset::Bull.scenario());
    let rows = compare_rows(En, &[&base, &bull]);
    let expected: [(&str, &str, &str, bool); 42] = [
        ("Value per share", "HK$55.49", "HK$82.59", true),
        ("Upside", "+37.6%", "+104.7%", true),
        ("Company", "Xiaomi Corporation (1810.HK)", "Xiaomi Corporation (1810.HK)", false),
        ("Reporting currency", "RMB", "RMB", false),
        ("Listing currency", "HKD", "HKD", false),
        ("Price, HK$", "HK$40.34", "HK$40.34", false),
        ("Price date", "25 Nov 2025", "25 Nov 2025", false),
        ("Shares, bn", "26.04bn", "26.04bn", false),
        ("FX, HKD per RMB", "1.095", "1.095", false),
        ("Base year", "2025", "2025", false),
        ("Valuation year", "2026", "2026", false),
        ("Net cash, RMB bn", "RMB 0.0bn", "RMB 0.0bn", false),
        ("Investments, RMB bn", "RMB 0.0bn", "RMB 0.0bn", false),
        ("Investments discount, %", "0.0%", "0.0%", false),
        ("Other adjustments (+/-), RMB bn", "RMB 0.0bn", "RMB 0.0bn", false),
        ("Holding discount, %", "0.0%", "0.0%", false),
        ("Planned buybacks, HK$ bn", "HK$0.0bn", "HK$0.0bn", false),
        ("Smartphones: Driver", "Units with growth x ASP", "Units with growth x ASP", false),
        ("Smartphones: Base-year handset shipments", "170,000,000", "170,000,000", false),
        ("Smartphones: Handset shipments growth, %", "-5.9%", "0.0%", true),
        ("Smartphones: ASP, RMB", "RMB 1,100", "RMB 1,150", true),
        ("Smartphones: Net margin, %", "4.0%", "5.0%", true),
        ("Smartphones: Method", "P/E", "P/E", false),
        ("Smartphones: Multiple, x", "22.0x", "27.0x", true),
        ("IoT & lifestyle: Driver", "Revenue with growth", "Revenue with growth", false),
        ("IoT & lifestyle: Base-year revenue, RMB bn", "RMB 128.0bn", "RMB 128.0bn", false),
        ("IoT & lifestyle: Revenue growth, %", "8.0%", "15.0%", true),
        ("IoT & lifestyle: Net margin, %", "8.0%", "9.0%", true),
        ("IoT & lifestyle: Method", "P/E", "P/E", false),
        ("IoT & lifestyle: Multiple, x", "22.0x", "27.0x", true),
        ("Internet services: Driver", "Revenue with growth", "Revenue with growth", false),
        ("Internet services: Base-year revenue, RMB bn", "RMB 37.2bn", "RMB 37.2bn", false),
        ("Internet services: Revenue growth, %", "8.0%", "12.0%", true),
        ("Internet services: Net margin, %", "48.0%", "50.0%", true),
        ("Internet services: Method", "P/E", "P/E", false),
        ("Internet services: Multiple, x", "22.0x", "27.0x", true),
        ("Smart EV: Driver", "Units x ASP", "Units x ASP", false),
        ("Smart EV: EV deliveries", "650,000", "800,000", true),
        ("Smart EV: EV ASP, RMB", "RMB 255,000", "RMB 260,000", true),
        ("Smart EV: EBIT margin, %", "5.0%", "8.0%", true),
        ("Smart EV: Method", "EV/Sales", "EV/Sales", false),
        ("Smart EV: Multiple, x", "3.0x", "3.75x", true),
    ];
    let got: Vec<(&str, &str, &str, bool)> = rows
        .iter()
        .map(|r| (r.label.as_str(), r.cells[0].as_str(), r.cells[1].as_str(), r.differs))
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn base_vs_bull_marks_exactly_the_differing_assumptions() {
    let (base, bull) = (Preset::Base.scenario(), Preset::Bull.scenario());
    assert_eq!(
        differing(&compare_rows(En, &[&base, &bull])),
        [
            "Value per share",
            "Upside",
            "Smartphones: Handset shipments growth, %", // -5.9 vs 0
            "Smartphones: ASP, RMB",                    // 1,100 vs 1,150
            "Smartphones: Net margin, %",               // 4 vs 5
            "Smartphones: Multiple, x",                 // 22 vs 27
            "IoT & lifestyle: Revenue growth, %",       // 8 vs 15
            "IoT & lifestyle: Net margin, %",           // 8 vs 9
            "IoT & lifestyle: Multiple, x",             // 22 vs 27
            "Internet services: Revenue growth, %",     // 8 vs 12
            "Internet services: Net margin, %",         // 48 vs 50
            "Internet services: Multiple, x",           // 22 vs 27
            "Smart EV: EV deliveries",                  // 650,000 vs 800,000
            "Smart EV: EV ASP, RMB",                    // 255,000 vs 260,000
            "Smart EV: EBIT margin, %",                 // 5 vs 8
            "Smart EV: Multiple, x",                    // 3 vs 3.75
        ]
    );
}

#[test]
fn base_vs_base_marks_none() {
    let (a, mut b) = (Preset::Base.scenario(), Preset::Base.scenario());
    assert!(differing(&compare_rows(En, &[&a, &b])).is_empty());
    // The scenario name is the column's header, not a row: renaming differs in nothing.
    b.name = "Mine".into();
    assert!(differing(&compare_rows(En, &[&a, &b])).is_empty());
}

#[test]
fn values_are_compared_not_their_text() {
    let (a, mut b) = (Preset::Base.scenario(), Preset::Base.scenario());
    // The same number at another scale is the same value.
    b.segments[3].multiple = dec("3.00");
    b.price = dec("40.340");
    assert!(differing(&compare_rows(En, &[&a, &b])).is_empty());
    // A difference that rounds away in the cell is still a difference.
    b.segments[0].driver =
        Driver::UnitsGrowth { base_units: dec("170000000"), growth_pct: dec("-5.94"), asp: dec("1100") };
    let rows = compare_rows(En, &[&a, &b]);
    let growth = row(&rows, "Smartphones: Handset shipments growth, %");
    assert_eq!(growth.cells, ["-5.9%", "-5.9%"]);
    assert!(growth.differs);
    assert!(row(&rows, "Value per share").differs);
}

#[test]
fn three_and_four_scenarios_get_a_cell_each() {
    let (bear, base, bull) = (Preset::Bear.scenario(), Preset::Base.scenario(), Preset::Bull.scenario());
    let rows = compare_rows(En, &[&bear, &base, &bull, &base]);
    assert!(rows.iter().all(|r| r.cells.len() == 4));
    assert_eq!(row(&rows, "Value per share").cells, ["HK$27.31", "HK$55.49", "HK$82.59", "HK$55.49"]);
    assert_eq!(row(&rows, "Upside").cells, ["-32.3%", "+37.6%", "+104.7%", "+37.6%"]);
    assert_eq!(row(&rows, "Smart EV: Multiple, x").cells, ["1.5x", "3.0x", "3.75x", "3.0x"]);
    // One column out of three differing is enough.
    let rows = compare_rows(En, &[&base, &base, &bull]);
    assert!(row(&rows, "Smart EV: EV deliveries").differs);
    assert!(!row(&rows, "Smart EV: Method").differs);
}

#[test]
fn a_scenario_that_does_not_value_shows_its_first_issue() {
    let base = Preset::Base.scenario();
    let mut bad = Preset::Base.scenario();
    bad.segments[3].driver = Driver::Units { units: dec("-1"), asp: dec("255000") };
    bad.holding_discount_pct = dec("100");
    let rows = compare_rows(En, &[&base, &bad]);
    let v = row(&rows, "Value per share");
    assert_eq!(v.cells, ["HK$55.49", "Holding discount, %: must be 0 or more and less than 100"]);
    assert!(v.differs);
    assert_eq!(row(&rows, "Upside").cells, ["+37.6%", "-"]);
    // Its assumptions are still shown as they are.
    assert_eq!(row(&rows, "Smart EV: EV deliveries").cells, ["650,000", "-1"]);
    assert_eq!(row(&rows, "Holding discount, %").cells, ["0.0%", "100.0%"]);
}

#[test]
fn segments_are_matched_by_name_and_a_missing_one_shows_a_dash() {
    let base = Preset::Base.scenario();
    let mut other = Preset::Base.scenario();
    // Reordered, one dropped, one added, one renamed.
    other.segments.swap(0, 1);
    other.segments.retain(|s| s.id != "internet");
    let mut cloud = base.segments[2].clone();
    cloud.id = "cloud".into();
    cloud.name = "Cloud".into();
    other.segments.push(cloud);
    other.segments[0].name = "IoT".into();
    // Another company's id for the same name: matched by the name.
    other.segments[1].id = "phones".into();
    other.segments[1].name = " smartphones ".into();
    let rows = compare_rows(En, &[&base, &other]);
    // A renamed segment is another row on each side.
    assert_eq!(row(&rows, "IoT & lifestyle: Method").cells, ["P/E", "-"]);
    assert_eq!(row(&rows, "IoT: Method").cells, ["-", "P/E"]);
    // Matched by name despite the new order and id: the smartphone rows are all equal.
    for r in rows.iter().filter(|r| r.label.starts_with("Smartphones:")) {
        assert!(!r.differs, "{}", r.label);
    }
    // Labels come from the first scenario that has the segment.
    assert!(rows.iter().any(|r| r.label == "IoT & lifestyle: Method"));
    let internet: Vec<&CompareRow> =
        rows.iter().filter(|r| r.label.starts_with("Internet services:")).collect();
    assert_eq!(internet.len(), 6);
    for r in &internet {
        assert_eq!(r.cells[1], "-");
        assert!(r.differs);
    }
    let cloud: Vec<&CompareRow> = rows.iter().filter(|r| r.label.starts_with("Cloud:")).collect();
    assert_eq!(cloud.len(), 6);
    assert_eq!(cloud[0].cells, ["-", "Revenue with growth"]);
    // The added segment comes after those of the first scenario.
    let pos = |prefix: &str| rows.iter().position(|r| r.label.starts_with(prefix)).expect(prefix);
    assert!(pos("Smart EV:") < pos("Cloud:"));
}

#[test]
fn different_driver_kinds_show_every_field_of_both() {
    let a = Preset::Base.scenario();
    let mut b = Preset::Base.scenario();
    b.segments[3].driver =
        Driver::UnitsGrowth { base_units: dec("400000"), growth_pct: dec("62.5"), asp: dec("255000") };
    let rows = compare_rows(En, &[&a, &b]);
    let ev: Vec<(&str, &[String], bool)> = rows
        .iter()
        .filter(|r| r.label.starts_with("Smart EV:"))
        .map(|r| (r.label.as_str(), r.cells.as_slice(), r.differs))
        .collect();
    let cells = |x: &str, y: &str| vec![x.to_string(), y.to_string()];
    let expected = [
        ("Smart EV: Driver", cells("Units x ASP", "Units with growth x ASP"), true),
        ("Smart EV: EV deliveries", cells("650,000", "-"), true),
        ("Smart EV: EV ASP, RMB", cells("RMB 255,000", "RMB 255,000"), false),
        ("Smart EV: Base-year units", cells("-", "400,000"), true),
        ("Smart EV: Unit growth, %", cells("-", "62.5%"), true),
        ("Smart EV: EBIT margin, %", cells("5.0%", "5.0%"), false),
        ("Smart EV: Method", cells("EV/Sales", "EV/Sales"), false),
        ("Smart EV: Multiple, x", cells("3.0x", "3.0x"), false),
    ];
    assert_eq!(ev.len(), expected.len());
    for ((label, got, differs), (el, ec, ed)) in ev.into_iter().zip(expected) {
        assert_eq!((label, got, differs), (el, ec.as_slice(), ed));
    }
    // 650,000 cars now, 400,000 x 1.625 a year on: the same revenue, so the
    // same value, while the assumptions differ.
    assert!(!row(&rows, "Value per share").differs);
}

#[test]
fn currencies_are_part_of_the_value() {
    let a = Preset::Base.scenario();
    let mut b = Preset::Base.scenario();
    b.listing_currency = "USD".into();
    let rows = compare_rows(En, &[&a, &b]);
    let price = row(&rows, "Price, HK$");
    assert_eq!(price.cells, ["HK$40.34", "US$40.34"]);
    assert!(price.differs, "HK$40.34 is not US$40.34");
    assert!(row(&rows, "Listing currency").differs);
    assert!(row(&rows, "FX, HKD per RMB").differs, "HKD per RMB is not USD per RMB");
    assert!(row(&rows, "Value per share").differs);
    assert!(!row(&rows, "Upside").differs, "the same number against the same price");
    assert!(row(&rows, "Planned buybacks, HK$ bn").differs);
    assert!(!row(&rows, "Net cash, RMB bn").differs);
}

#[test]
fn group_terms_and_dates_format_and_differ() {
    let a = Preset::Base.scenario();
    let mut b = Preset::Base.scenario();
    b.net_cash_bn = dec("-1234.56");
    b.investments_bn = dec("62.1");
    b.investments_discount_pct = dec("30");
    b.other_bn = dec("-5");
    b.holding_discount_pct = dec("12.5");
    b.buyback_listing_bn = dec("2.3");
    b.price_date = None;
    b.fx_listing_per_reporting = dec("1.0954");
    b.shares_bn = dec("26.0412");
    b.valuation_year = 2030;
    b.company.ticker = "1810".into();
    let rows = compare_rows(En, &[&a, &b]);
    let second = |label: &str| row(&rows, label).cells[1].clone();
    assert_eq!(second("Net cash, RMB bn"), "-RMB 1,234.6bn");
    assert_eq!(second("Investments, RMB bn"), "RMB 62.1bn");
    assert_eq!(second("Investments discount, %"), "30.0%");
    assert_eq!(second("Other adjustments (+/-), RMB bn"), "-RMB 5.0bn");
    assert_eq!(second("Holding discount, %"), "12.5%");
    assert_eq!(second("Planned buybacks, HK$ bn"), "HK$2.3bn");
    assert_eq!(second("Price date"), "-");
    assert_eq!(second("FX, HKD per RMB"), "1.0954");
    assert_eq!(second("Shares, bn"), "26.0412bn");
    assert_eq!(second("Valuation year"), "2030");
    assert_eq!(second("Company"), "Xiaomi Corporation (1810)");
    let mut diff = differing(&rows);
    diff.retain(|l| !l.contains(':') && *l != "Value per share" && *l != "Upside");
    assert_eq!(
        diff,
        [
            "Company",
            "Price date",
            "Shares, bn",
            "FX, HKD per RMB",
            "Valuation year",
            "Net cash, RMB bn",
            "Investments, RMB bn",
            "Investments discount, %",
            "Other adjustments (+/-), RMB bn",
            "Holding discount, %",
            "Planned buybacks, HK$ bn",
        ]
    );
}

#[test]
fn no_scenario_no_rows_and_one_scenario_differs_in_nothing() {
    assert!(compare_rows(En, &[]).is_empty());
    let base: Scenario = Preset::Base.scenario();
    let rows = compare_rows(En, &[&base]);
    assert_eq!(rows.len(), 42);
    assert!(rows.iter().all(|r| r.cells.len() == 1 && !r.differs));
}
