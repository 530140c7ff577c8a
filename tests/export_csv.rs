//! The bridge as CSV, checked against figures computed by hand (Python
//! `decimal`, 40 digits, then rounded half away from zero to 4 decimals).
// Tests may unwrap, expect, panic and index: a failure is the test failing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable
)]

use rust_decimal::Decimal;
use sotp::export::bridge_csv;
use sotp::model::{evaluate, Company, Driver, Method, Preset, Scenario, Segment};
use sotp::text::Lang::En;

mod common;
use common::{csv_records, dec};

fn csv(s: &Scenario) -> String {
    bridge_csv(En, s, &evaluate(s).expect("values"))
}

const HEADER: &str =
    "line,revenue_rmb_bn,profit_rmb_bn,metric_rmb_bn,multiple,value_rmb_bn,per_share_hkd,share_pct,input";

/// The bridge part of a CSV: the header to "Value per share".
fn bridge_part(text: &str) -> String {
    let end = text.find("Value per share").expect("total row");
    let end = end + text[end..].find("\r\n").expect("crlf") + 2;
    text[..end].to_string()
}

#[test]
fn base_bridge_line_by_line() {
    // Smartphones: 170m x (1 - 5.9%) x 1,100 = 175.967bn; x 4% = 7.03868; x 22 = 154.85096;
    //   / 26.04 x 1.095 = 6.51158990783410...; / 55.4926959447... = 11.7341386951...%
    // IoT: 128 x 1.08 = 138.24; x 8% = 11.0592; x 22 = 243.3024; 10.2310341013...; 18.4367220355...%
    // Internet: 37.2 x 1.08 = 40.176; x 48% = 19.28448; x 22 = 424.25856; 17.8403657142...; 32.1490340495...%
    // Smart EV: 650,000 x 255,000 = 165.75bn; x 5% = 8.2875; x 3 = 497.25; 20.9097062211...; 37.6801052196...%
    // Equity 1,319.66192; per share 55.4926959447004608...
    let expected = [
        HEADER,
        "Smartphones,175.967,7.0387,7.0387,22,154.851,6.5116,11.7341,",
        "IoT & lifestyle,138.24,11.0592,11.0592,22,243.3024,10.231,18.4367,",
        "Internet services,40.176,19.2845,19.2845,22,424.2586,17.8404,32.149,",
        "Smart EV,165.75,8.2875,165.75,3,497.25,20.9097,37.6801,",
        "Holding discount,,,,,0,0,0,",
        "Net cash,,,,,0,0,0,",
        "\"Investments, after discount\",,,,,0,0,0,",
        "Other adjustments,,,,,0,0,0,",
        "Buybacks: cash spent,,,,,0,0,0,",
        "Buybacks: shares retired,,,,,0,0,0,",
        "Value per share,,,,,1319.6619,55.4927,100,",
    ];
    let text = csv(&Preset::Base.scenario());
    assert_eq!(bridge_part(&text), expected.iter().map(|l| format!("{l}\r\n")).collect::<String>());
}

/// Two segments and every group term, two years of growth.
fn two_parts() -> Scenario {
    Scenario {
        name: "Two parts".into(),
        company: Company { name: "Test Co".into(), ticker: "TST".into() },
        reporting_currency: "RMB".into(),
        listing_currency: "HKD".into(),
        fx_listing_per_reporting: dec("1.095"),
        price: dec("40.34"),
        price_date: None,
        shares_bn: dec("26.04"),
        base_year: 2025,
        valuation_year: 2027,
        segments: vec![
            Segment {
                id: "hardware".into(),
                name: "Hardware".into(),
                driver: Driver::Revenue { revenue_bn: dec("300.5") },
                margin_pct: dec("6"),
                method: Method::EvEbit,
                multiple: dec("12"),
                unit_label: None,
            },
            Segment {
                id: "services".into(),
                name: "Services".into(),
                driver: Driver::RevenueGrowth { base_revenue_bn: dec("40"), growth_pct: dec("-2.5") },
                margin_pct: dec("30"),
                method: Method::Pe,
                multiple: dec("18.5"),
                unit_label: None,
            },
        ],
        net_cash_bn: dec("-12.5"),
        investments_bn: dec("62.1"),
        investments_discount_pct: dec("30"),
        other_bn: Decimal::ZERO,
        holding_discount_pct: dec("10"),
        buyback_listing_bn: dec("2.3"),
    }
}

#[test]
fn group_terms_signed_and_rounded_half_away_from_zero() {
    // Hardware: 300.5 x 6% = 18.03 x 12 = 216.36
    // Services: 40 x 0.975^2 = 38.025 x 30% = 11.4075 x 18.5 = 211.03875 (a midpoint: 211.0388)
    // Sum 427.39875; holding discount 10% = -42.739875 (-42.7399); investments 62.1 x 70% = 43.47;
    // buybacks 2.3 / 1.095 = -2.10045662...; equity 413.52841837899543...
    // Shares after buybacks 26.04 - 2.3/40.34 = 25.98298463063956...; per share 17.427313473104037...
    // Lines per share before the buybacks: x 1.095 / 26.04 (Hardware 9.0981);
    // the shares retired give back 17.4273... - 413.5284... / 26.04 x 1.095 = 0.0382.
    let expected = [
        HEADER,
        "Hardware,300.5,18.03,18.03,12,216.36,9.0981,52.2059,",
        "Services,38.025,11.4075,11.4075,18.5,211.0388,8.8743,50.9219,",
        "Holding discount,,,,,-42.7399,-1.7972,-10.3128,",
        "Net cash,,,,,-12.5,-0.5256,-3.0161,",
        "\"Investments, after discount\",,,,,43.47,1.8279,10.489,",
        "Other adjustments,,,,,0,0,0,",
        "Buybacks: cash spent,,,,,-2.1005,-0.0883,-0.5068,",
        "Buybacks: shares retired,,,,,0,0.0382,0.219,",
        "Value per share,,,,,413.5284,17.4273,100,",
    ];
    assert_eq!(
        bridge_part(&csv(&two_parts())),
        expected.iter().map(|l| format!("{l}\r\n")).collect::<String>()
    );
}

#[test]
fn per_share_column_sums_to_the_total_within_rounding() {
    for s in [Preset::Bear.scenario(), Preset::Base.scenario(), Preset::Bull.scenario(), two_parts()] {
        let records = csv_records(&bridge_part(&csv(&s)));
        let (total, lines) = records[1..].split_last().expect("rows");
        let sum: Decimal = lines.iter().map(|r| dec(&r[6])).sum();
        let total = dec(&total[6]);
        // Each line is off by at most 0.00005.
        let tolerance = dec("0.00005") * Decimal::from(lines.len());
        assert!((sum - total).abs() <= tolerance, "{}: {sum} vs {total}", s.name);
        let share: Decimal = lines.iter().map(|r| dec(&r[7])).sum();
        assert!((share - Decimal::ONE_HUNDRED).abs() <= tolerance, "{}: shares sum to {share}", s.name);
    }
}

#[test]
fn every_record_has_nine_fields_and_ends_in_crlf() {
    let text = csv(&two_parts());
    assert!(text.ends_with("\r\n"));
    assert_eq!(text.matches('\n').count(), text.matches("\r\n").count());
    let records = csv_records(&text);
    // Header, 2 segments, 6 group lines, the total; 11 group inputs, 3 + 4
    // segment inputs and 2 methods; the language of the line names.
    assert_eq!(records.len(), 1 + 2 + 6 + 1 + 11 + 3 + 4 + 2 + 1);
    assert!(records.iter().all(|r| r.len() == 9));
    assert_eq!(records[5][0], "Investments, after discount");
    assert_eq!(records.last().unwrap(), &["language", "", "", "", "", "", "", "", "en"]);
}

#[test]
fn in_any_language_the_columns_and_numbers_are_the_same_and_the_file_says_which() {
    use sotp::text::Lang;
    let s = sotp::model::Preset::Base.scenario();
    let v = sotp::model::evaluate(&s).unwrap();
    let en = csv_records(&sotp::export::bridge_csv(Lang::En, &s, &v));
    for lang in [Lang::De, Lang::ZhHant, Lang::ZhHans] {
        let other = csv_records(&sotp::export::bridge_csv(lang, &s, &v));
        assert_eq!(other[0], en[0], "{lang:?}: the header's keys");
        assert_eq!(other.len(), en.len());
        for (a, b) in other.iter().zip(&en).skip(1) {
            assert_eq!(a[1..8], b[1..8], "{lang:?}: the numbers of {}", b[0]);
        }
        assert_eq!(other.last().unwrap()[8], lang.code());
        assert_ne!(other[5][0], en[5][0], "{lang:?}: line names in the language");
    }
}

#[test]
fn names_are_quoted_and_defused() {
    let mut s = two_parts();
    s.segments[0].name = "=HYPERLINK(\"http://x\")".into();
    s.segments[1].name = "-Services, net".into();
    let text = csv(&s);
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert!(lines[1].starts_with("\"'=HYPERLINK(\"\"http://x\"\")\",300.5,"), "{}", lines[1]);
    assert!(lines[2].starts_with("\"'-Services, net\",38.025,"), "{}", lines[2]);
    let records = csv_records(&text);
    assert_eq!(records[1][0], "'=HYPERLINK(\"http://x\")");
    assert_eq!(records[2][0], "'-Services, net");
    // Negative numbers are numbers, not defused.
    assert_eq!(records[3][5], "-42.7399");
    for (name, cell) in [
        ("+1 segment", "'+1 segment"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTabbed", "'\tTabbed"),
        ("Line\nbreak", "\"Line\nbreak\""),
        ("a \"quoted\" name", "\"a \"\"quoted\"\" name\""),
        ("Plain (a=b)", "Plain (a=b)"),
    ] {
        let mut s = two_parts();
        s.segments[0].name = name.into();
        let text = csv(&s);
        let first = text.split("\r\n").nth(1).expect("row");
        assert!(first.starts_with(&format!("{cell},")), "{name:?}: {first:?}");
        assert_eq!(csv_records(&text)[1][0], cell.trim_matches('"').replace("\"\"", "\""));
    }
}

#[test]
fn the_per_share_column_is_named_by_the_listing_currency() {
    let mut s = two_parts();
    s.listing_currency = "USD".into();
    assert!(csv(&s)
        .starts_with("line,revenue_rmb_bn,profit_rmb_bn,metric_rmb_bn,multiple,value_rmb_bn,per_share_usd,share_pct,input\r\n"));
    s.reporting_currency = "EUR".into();
    assert!(csv(&s)
        .starts_with("line,revenue_eur_bn,profit_eur_bn,metric_eur_bn,multiple,value_eur_bn,per_share_usd,"));
}

#[test]
fn a_zero_value_per_share_leaves_share_pct_empty() {
    let mut s = two_parts();
    s.segments[0].multiple = Decimal::ZERO;
    s.segments[1].multiple = Decimal::ZERO;
    s.holding_discount_pct = Decimal::ZERO;
    s.net_cash_bn = Decimal::ZERO;
    s.investments_bn = Decimal::ZERO;
    s.buyback_listing_bn = Decimal::ZERO;
    let records = csv_records(&bridge_part(&csv(&s)));
    assert_eq!(
        records.last().map(|r| r.as_slice()),
        Some(&["Value per share", "", "", "", "", "0", "0", "", ""].map(String::from)[..])
    );
    assert!(records[1..].iter().all(|r| r[7].is_empty()));
}

#[test]
fn negative_values_and_tiny_ones_round_cleanly() {
    let mut s = two_parts();
    s.segments[0].margin_pct = dec("-3.33333");
    s.other_bn = dec("-0.00004");
    let records = csv_records(&csv(&s));
    // 300.5 x -3.33333% = -10.01665665 -> -10.0167; x 12 = -120.1998798 -> -120.1999
    assert_eq!(records[1][2], "-10.0167");
    assert_eq!(records[1][5], "-120.1999");
    // -0.00004 rounds to 0, written "0" (never "-0").
    assert_eq!(records[6][0], "Other adjustments");
    assert_eq!(records[6][5], "0");
}

#[test]
fn the_inputs_follow_the_bridge_exactly_as_entered() {
    let mut s = two_parts();
    s.segments[0].margin_pct = dec("6.123456789");
    let text = csv(&s);
    let inputs: Vec<Vec<String>> =
        csv_records(&text).into_iter().skip_while(|r| r[0] != "Value per share").skip(1).collect();
    let find = |name: &str| inputs.iter().find(|r| r[0] == name).map(|r| r[8].clone());
    assert_eq!(find("Price, HK$").as_deref(), Some("40.34"));
    // Not rounded: the input as it is in the scenario.
    assert_eq!(find("EBIT margin, % (Hardware)").as_deref(), Some("6.123456789"));
    // A negative number is a number, not defused.
    assert_eq!(find("Net cash, RMB bn").as_deref(), Some("-12.5"));
    assert_eq!(find("Revenue growth, % (Services)").as_deref(), Some("-2.5"));
    assert_eq!(find("Method (Hardware)").as_deref(), Some("EV/EBIT"));
    assert_eq!(find("Method (Services)").as_deref(), Some("P/E"));
    assert!(inputs.iter().all(|r| r[1..8].iter().all(String::is_empty)), "inputs fill only their column");
}
