//! The scenario file, version 1 (spec, "The valuation model and the
//! scenario file"): writing, reading, and every way a file can be wrong.
// Tests may unwrap, expect, panic and index: a failure is the test failing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable
)]

mod common;

use common::{assert_per_share, dec};
use serde_json::{json, Value};
use sotp::model::json::{from_json, from_value, to_json, to_value, MAX_FILE_BYTES};
use sotp::model::{evaluate, Driver, Issue, Method, Preset, Scenario};
use sotp::text::{Lang::En, Say};

/// A hand-written version-1 file with every required field and no optional
/// one. Phones: 100m units x 1.1^2 x RMB 1,000 = 121bn revenue, 6.05bn
/// profit, x20 = 121bn. Cars: 30bn x 1.5 = 45bn. Equity 121 + 45 + 10 =
/// 176bn over 4bn shares = RMB 44, x 1.1 = HK$48.40, +21% against HK$40.
const MINIMAL_V1: &str = r#"{
  "format": "sotp-scenario",
  "version": 1,
  "name": "Minimal",
  "company": { "name": "Example Co", "ticker": "EXM" },
  "reporting_currency": "RMB",
  "listing_currency": "HKD",
  "fx_listing_per_reporting": "1.1",
  "price": "40",
  "shares_bn": "4",
  "base_year": 2025,
  "valuation_year": 2027,
  "segments": [
    {
      "id": "phones",
      "name": "Phones",
      "driver": { "kind": "units_growth", "base_units": "100000000", "growth_pct": "10", "asp": "1000" },
      "margin_pct": "5",
      "method": "pe",
      "multiple": "20"
    },
    {
      "id": "cars",
      "name": "Cars",
      "driver": { "kind": "revenue", "revenue_bn": "30" },
      "margin_pct": "-2",
      "method": "ev_sales",
      "multiple": "1.5"
    }
  ],
  "net_cash_bn": "10",
  "investments_bn": "0",
  "investments_discount_pct": "0",
  "other_bn": "0",
  "holding_discount_pct": "0",
  "buyback_listing_bn": "0"
}"#;

fn minimal() -> Value {
    serde_json::from_str(MINIMAL_V1).expect("the literal is JSON")
}

fn read(v: &Value) -> Result<Scenario, Vec<Issue>> {
    from_json(&v.to_string())
}

#[track_caller]
fn issues_of(v: &Value) -> Vec<Issue> {
    match read(v) {
        Ok(s) => panic!("expected issues, read {s:#?}"),
        Err(issues) => issues,
    }
}

#[track_caller]
fn assert_only_issue(issues: &[Issue], path: &str, problem: &str) {
    assert_eq!(issues.len(), 1, "expected one issue, got {issues:#?}");
    assert_eq!(issues[0].path, path);
    assert_eq!(issues[0].problem.say(En), problem);
}

fn paths(issues: &[Issue]) -> Vec<&str> {
    issues.iter().map(|i| i.path.as_str()).collect()
}

// ---------------------------------------------------------------- a valid file

#[test]
fn minimal_hand_written_v1_file_reads_and_values() {
    let s = from_json(MINIMAL_V1).expect("valid file");
    assert_eq!(s.name, "Minimal");
    assert_eq!(s.company.name, "Example Co");
    assert_eq!(s.company.ticker, "EXM");
    assert_eq!(s.price_date, None);
    assert_eq!((s.base_year, s.valuation_year), (2025, 2027));
    assert_eq!(
        s.segments[0].driver,
        Driver::UnitsGrowth { base_units: dec("100000000"), growth_pct: dec("10"), asp: dec("1000") }
    );
    assert_eq!(s.segments[1].method, Method::EvSales);

    let v = evaluate(&s).expect("values");
    assert_eq!(v.segments[0].revenue_bn, dec("121"));
    assert_eq!(v.segments[0].profit_bn, dec("6.05"));
    assert_eq!(v.segments[0].value_bn, dec("121"));
    assert_eq!(v.segments[1].profit_bn, dec("-0.6"));
    assert_eq!(v.segments[1].value_bn, dec("45"));
    assert_eq!(v.equity_bn, dec("176"));
    assert_eq!(v.per_share, dec("44"));
    assert_eq!(v.per_share_listing, dec("48.4"));
    assert_eq!(v.upside_pct, dec("21"));
}

#[test]
fn every_preset_survives_a_round_trip() {
    for p in Preset::ALL {
        let s = p.scenario();
        let text = to_json(&s);
        assert_eq!(from_json(&text), Ok(s.clone()), "{p:?}");
        assert_eq!(from_value(&to_value(&s)), Ok(s), "{p:?}");
    }
}

#[test]
fn a_scenario_with_every_group_term_survives_a_round_trip() {
    let mut s = from_json(MINIMAL_V1).unwrap();
    s.name = "  Ünïcödé \"quoted\" \\ name 小米  ".into();
    s.price_date = Some("2025-11-25".into());
    s.net_cash_bn = dec("-236.7");
    s.investments_bn = dec("68.3");
    s.investments_discount_pct = dec("99.99");
    s.other_bn = dec("-0.0000000000000000000000000001");
    s.holding_discount_pct = dec("12.5");
    s.buyback_listing_bn = dec("2.3");
    s.fx_listing_per_reporting = dec("1.0950000000000000000000000001");
    s.segments.push(sotp::model::Segment {
        id: "a-b_9".into(),
        name: "Grows".into(),
        driver: Driver::RevenueGrowth {
            base_revenue_bn: dec("79228162514264337593543950335"),
            growth_pct: dec("-99.9"),
        },
        margin_pct: dec("-100"),
        method: Method::EvEbit,
        multiple: dec("0"),
        unit_label: None,
    });
    s.segments.push(sotp::model::Segment {
        id: "u".into(),
        name: "Units".into(),
        driver: Driver::Units { units: dec("1"), asp: dec("0.5") },
        margin_pct: dec("100"),
        method: Method::Pe,
        multiple: dec("7"),
        unit_label: Some("subscribers".into()),
    });
    assert_eq!(from_json(&to_json(&s)), Ok(s));
}

#[test]
fn the_file_carries_format_and_version() {
    let v: Value = serde_json::from_str(&to_json(&Preset::Base.scenario())).unwrap();
    assert_eq!(v["format"], json!("sotp-scenario"));
    assert_eq!(v["version"], json!(1));
}

#[test]
fn decimals_are_written_as_strings_and_integers_as_numbers() {
    let v: Value = serde_json::from_str(&to_json(&Preset::Base.scenario())).unwrap();
    let strings = [
        ("fx_listing_per_reporting", "1.095"),
        ("price", "40.34"),
        ("shares_bn", "26.04"),
        ("net_cash_bn", "0"),
        ("investments_bn", "0"),
        ("investments_discount_pct", "0"),
        ("other_bn", "0"),
        ("holding_discount_pct", "0"),
        ("buyback_listing_bn", "0"),
        ("price_date", "2025-11-25"),
        ("name", "Xiaomi Base"),
        ("reporting_currency", "RMB"),
        ("listing_currency", "HKD"),
    ];
    for (key, text) in strings {
        assert_eq!(v[key], Value::String(text.into()), "{key}");
    }
    assert_eq!(v["base_year"], json!(2025));
    assert_eq!(v["valuation_year"], json!(2026));
    let phones = &v["segments"][0];
    assert_eq!(phones["id"], json!("smartphones"));
    assert_eq!(phones["method"], json!("pe"));
    assert_eq!(phones["margin_pct"], json!("4"));
    assert_eq!(phones["multiple"], json!("22"));
    assert_eq!(
        phones["driver"],
        json!({"kind": "units_growth", "base_units": "170000000", "growth_pct": "-5.9", "asp": "1100"})
    );
    let ev = &v["segments"][3];
    assert_eq!(ev["method"], json!("ev_sales"));
    assert_eq!(ev["driver"], json!({"kind": "units", "units": "650000", "asp": "255000"}));
    assert_eq!(
        v["segments"][2]["driver"],
        json!({"kind": "revenue_growth", "base_revenue_bn": "37.2", "growth_pct": "8"})
    );
}

#[test]
fn no_decimal_is_ever_written_as_a_json_number() {
    fn walk(v: &Value, path: &str) {
        match v {
            Value::Number(_) => {
                assert!(["version", "base_year", "valuation_year"].contains(&path), "{path} is a JSON number")
            }
            Value::Object(m) => m.iter().for_each(|(k, x)| walk(x, k)),
            Value::Array(a) => a.iter().for_each(|x| walk(x, path)),
            _ => {}
        }
    }
    for p in Preset::ALL {
        walk(&to_value(&p.scenario()), "");
    }
}

#[test]
fn revenue_driver_is_written_with_its_kind() {
    let s = from_json(MINIMAL_V1).unwrap();
    let v = to_value(&s);
    assert_eq!(v["segments"][1]["driver"], json!({"kind": "revenue", "revenue_bn": "30"}));
    assert!(v.get("price_date").is_none(), "an absent price date is not written");
}

// ---------------------------------------------------------------- lenient reading

#[test]
fn plain_json_numbers_are_read_exactly() {
    let text = MINIMAL_V1
        .replace(r#""price": "40""#, r#""price": 40.34"#)
        .replace(r#""shares_bn": "4""#, r#""shares_bn": 1.5e3"#)
        .replace(
            r#""fx_listing_per_reporting": "1.1""#,
            r#""fx_listing_per_reporting": 1.0950000000000000000000000001"#,
        )
        .replace(r#""net_cash_bn": "10""#, r#""net_cash_bn": -0.1"#)
        .replace(r#""multiple": "1.5""#, r#""multiple": 15E-1"#);
    let s = from_json(&text).expect("numbers are accepted");
    assert_eq!(s.price, dec("40.34"));
    assert_eq!(s.shares_bn, dec("1500"));
    // f64 cannot hold this; read through f64 it would be 1.095.
    assert_eq!(s.fx_listing_per_reporting, dec("1.0950000000000000000000000001"));
    assert_eq!(s.net_cash_bn, dec("-0.1"));
    assert_eq!(s.segments[1].multiple, dec("1.5"));
}

#[test]
fn a_number_too_large_for_a_decimal_is_refused_not_rounded() {
    let mut v = minimal();
    v["price"] = serde_json::from_str("1e40").unwrap();
    assert_only_issue(&issues_of(&v), "price", "is too large (at most 28 digits)");
}

#[test]
fn unknown_fields_are_ignored() {
    let mut v = minimal();
    v["notes"] = json!("added by a later version");
    v["segments"][0]["colour"] = json!("#FF6900");
    v["segments"][0]["driver"]["source"] = json!("Citi");
    assert_eq!(read(&v), from_json(MINIMAL_V1));
}

#[test]
fn price_date_may_be_null_or_absent() {
    let mut v = minimal();
    v["price_date"] = Value::Null;
    assert_eq!(read(&v).unwrap().price_date, None);
    v["price_date"] = json!("2025-11-25");
    assert_eq!(read(&v).unwrap().price_date.as_deref(), Some("2025-11-25"));
}

#[test]
fn a_file_of_exactly_the_size_limit_is_read() {
    let mut text = MINIMAL_V1.to_string();
    text.push_str(&" ".repeat(MAX_FILE_BYTES - text.len()));
    assert_eq!(text.len(), MAX_FILE_BYTES);
    assert!(from_json(&text).is_ok());
}

// ---------------------------------------------------------------- several problems

#[test]
fn every_problem_in_a_file_is_reported_with_its_path() {
    let mut v = minimal();
    v.as_object_mut().unwrap().remove("shares_bn");
    v["segments"][0]["margin_pct"] = json!("150");
    v["segments"][1]["method"] = json!("pb");
    let issues = issues_of(&v);
    let said: Vec<(String, String)> = issues.iter().map(|i| (i.path.clone(), i.problem.say(En))).collect();
    let mut got: Vec<(&str, &str)> = said.iter().map(|(p, m)| (p.as_str(), m.as_str())).collect();
    got.sort();
    assert_eq!(
        got,
        [
            ("segments[0].margin_pct", "must be between -100 and 100"),
            ("segments[1].method", "must be \"pe\", \"ev_ebit\" or \"ev_sales\", not \"pb\""),
            ("shares_bn", "is missing"),
        ]
    );
}

#[test]
fn structural_and_rule_problems_are_reported_together() {
    let mut v = minimal();
    v["price"] = json!(true);
    v["name"] = json!("");
    v["base_year"] = json!("2025");
    v["segments"][0]["driver"]["asp"] = json!("1,100");
    v["segments"][1]["driver"]["revenue_bn"] = json!("-30");
    v["segments"][1]["id"] = json!("Cars");
    let issues = issues_of(&v);
    let said: Vec<(String, String)> = issues.iter().map(|i| (i.path.clone(), i.problem.say(En))).collect();
    let mut got: Vec<(&str, &str)> = said.iter().map(|(p, m)| (p.as_str(), m.as_str())).collect();
    got.sort();
    assert_eq!(
        got,
        [
            ("base_year", "must be a whole number such as 2026, not \"2025\""),
            ("name", "must be 1 to 80 characters (found 0)"),
            ("price", "must be a decimal such as \"40.34\", not true/false"),
            ("segments[0].driver.asp", "write the number without thousands separators (1234.5, not 1,234.5)"),
            ("segments[1].driver.revenue_bn", "must be 0 or more"),
            ("segments[1].id", "must be 1 to 32 of a-z, 0-9, _ and -"),
        ]
    );
}

#[test]
fn a_missing_field_is_reported_once() {
    let mut v = minimal();
    v.as_object_mut().unwrap().remove("price");
    v.as_object_mut().unwrap().remove("name");
    v["segments"][0].as_object_mut().unwrap().remove("id");
    let issues = issues_of(&v);
    let said: Vec<(String, String)> = issues.iter().map(|i| (i.path.clone(), i.problem.say(En))).collect();
    let mut got: Vec<(&str, &str)> = said.iter().map(|(p, m)| (p.as_str(), m.as_str())).collect();
    got.sort();
    assert_eq!(got, [("name", "is missing"), ("price", "is missing"), ("segments[0].id", "is missing"),]);
}

#[test]
fn a_file_breaking_a_rule_is_refused_like_an_edit() {
    let mut v = minimal();
    v["buyback_listing_bn"] = json!("160");
    // 4bn shares x HK$40 = HK$160bn: every share retired.
    assert_only_issue(
        &issues_of(&v),
        "buyback_listing_bn",
        "would retire every share at this price (must buy back less than shares x price)",
    );
    let mut v = minimal();
    v["valuation_year"] = json!(2036);
    assert_only_issue(&issues_of(&v), "valuation_year", "must be at most 10 years after the base year");
}

#[test]
fn a_fractional_year_is_refused() {
    let mut v = minimal();
    v["valuation_year"] = serde_json::from_str("2026.5").unwrap();
    assert_only_issue(&issues_of(&v), "valuation_year", "must be a whole year, not 2026.5");
}

#[test]
fn a_missing_company_is_reported() {
    let mut v = minimal();
    v.as_object_mut().unwrap().remove("company");
    assert_only_issue(&issues_of(&v), "company", "is missing");
    let mut v = minimal();
    v["company"] = json!("Xiaomi");
    assert_only_issue(&issues_of(&v), "company", "must be an object, not a text");
}

// ---------------------------------------------------------------- not a v1 scenario

#[test]
fn another_format_is_refused_without_reading_further() {
    let mut v = minimal();
    v["format"] = json!("xlsx");
    v["price"] = json!("oops");
    assert_only_issue(&issues_of(&v), "format", "must be \"sotp-scenario\", not \"xlsx\"");
}

#[test]
fn a_file_without_format_asks_whether_it_is_a_scenario() {
    let mut v = minimal();
    v.as_object_mut().unwrap().remove("format");
    assert_only_issue(
        &issues_of(&v),
        "format",
        "is missing (must be \"sotp-scenario\"); is this a SOTP scenario file?",
    );
}

#[test]
fn a_newer_version_says_it_comes_from_a_newer_sotp() {
    let mut v = minimal();
    v["version"] = json!(2);
    v["segments"] = json!("changed in version 2");
    assert_only_issue(
        &issues_of(&v),
        "version",
        "is 2: the file comes from a newer SOTP; this one reads version 1",
    );
}

#[test]
fn a_version_that_is_not_the_number_1_is_refused() {
    let mut v = minimal();
    v["version"] = json!("1");
    assert_only_issue(&issues_of(&v), "version", "must be 1, not \"1\"");
    v["version"] = json!(0);
    assert_only_issue(&issues_of(&v), "version", "must be 1, not 0");
    v.as_object_mut().unwrap().remove("version");
    assert_only_issue(&issues_of(&v), "version", "is missing");
}

#[test]
fn text_that_is_not_json_is_refused() {
    for text in ["", "hello", "{\"format\": ", "{'format': 'sotp-scenario'}", "\u{feff}{}"] {
        let issues = from_json(text).expect_err(text);
        assert_eq!(issues.len(), 1, "{text:?}");
        assert_eq!(issues[0].path, "(file)");
        assert!(
            issues[0].problem.say(En).starts_with("is not valid JSON ("),
            "{text:?}: {:?}",
            issues[0].problem
        );
    }
}

#[test]
fn json_that_is_not_an_object_is_refused() {
    for (text, kind) in [
        ("[1, 2]", "a list"),
        ("42", "a number"),
        ("\"sotp-scenario\"", "a text"),
        ("null", "null"),
        ("true", "true/false"),
    ] {
        let issues = from_json(text).expect_err(text);
        assert_only_issue(&issues, "(file)", &format!("must be an object, not {kind}"));
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_parsing() {
    assert_eq!(MAX_FILE_BYTES, 1_000_000);
    let mut text = MINIMAL_V1.to_string();
    text.push_str(&" ".repeat(MAX_FILE_BYTES + 1 - text.len()));
    assert_only_issue(
        &from_json(&text).expect_err("too large"),
        "(file)",
        "is 1000001 bytes; a scenario file is at most 1000000 bytes",
    );
}

#[test]
fn deeply_nested_json_is_refused_without_overflowing_the_stack() {
    let text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let issues = from_json(&text).expect_err("too deep");
    assert_eq!(issues[0].path, "(file)");
}

#[test]
fn an_unknown_driver_kind_is_refused() {
    let mut v = minimal();
    v["segments"][1]["driver"] = json!({"kind": "cars", "revenue_bn": "30"});
    assert_only_issue(
        &issues_of(&v),
        "segments[1].driver.kind",
        "must be one of units, units_growth, revenue, revenue_growth, not \"cars\"",
    );
}

#[test]
fn a_driver_without_kind_or_not_an_object_is_refused() {
    let mut v = minimal();
    v["segments"][1]["driver"] = json!({"revenue_bn": "30"});
    assert_only_issue(&issues_of(&v), "segments[1].driver.kind", "is missing");
    v["segments"][1]["driver"] = json!({"kind": 3});
    assert_only_issue(&issues_of(&v), "segments[1].driver.kind", "must be a text, not a number");
    v["segments"][1]["driver"] = json!("revenue");
    assert_only_issue(&issues_of(&v), "segments[1].driver", "must be an object, not a text");
}

#[test]
fn a_driver_missing_one_of_its_fields_is_refused() {
    let mut v = minimal();
    v["segments"][0]["driver"].as_object_mut().unwrap().remove("growth_pct");
    assert_only_issue(&issues_of(&v), "segments[0].driver.growth_pct", "is missing");
}

#[test]
fn segments_that_are_not_a_list_are_refused() {
    let mut v = minimal();
    v["segments"] = json!({"phones": {}});
    assert_only_issue(&issues_of(&v), "segments", "must be a list, not an object");
}

#[test]
fn an_empty_segment_list_is_refused() {
    let mut v = minimal();
    v["segments"] = json!([]);
    assert_only_issue(&issues_of(&v), "segments", "must be 1 to 12 segments (found 0)");
}

#[test]
fn a_method_that_is_not_a_text_is_refused() {
    let mut v = minimal();
    v["segments"][0]["method"] = json!(1);
    assert_only_issue(
        &issues_of(&v),
        "segments[0].method",
        "must be \"pe\", \"ev_ebit\" or \"ev_sales\", not 1",
    );
    v["segments"][0].as_object_mut().unwrap().remove("method");
    assert_only_issue(&issues_of(&v), "segments[0].method", "is missing");
}

#[test]
fn a_segment_that_is_not_an_object_is_reported_once_by_its_index() {
    // Not also as an empty id and name: those are the stand-in's.
    let mut v = minimal();
    v["segments"][1] = json!(3);
    assert_only_issue(&issues_of(&v), "segments[1]", "must be an object, not a number");
}

#[test]
fn an_unreadable_base_year_does_not_blame_the_valuation_year() {
    let mut v = minimal();
    v["base_year"] = json!("2025");
    assert_only_issue(&issues_of(&v), "base_year", "must be a whole number such as 2026, not \"2025\"");
    v.as_object_mut().unwrap().remove("base_year");
    assert_only_issue(&issues_of(&v), "base_year", "is missing");
}

#[test]
fn an_unreadable_valuation_year_is_reported_once() {
    let mut v = minimal();
    v["valuation_year"] = json!(null);
    assert_only_issue(&issues_of(&v), "valuation_year", "must be a whole number such as 2026, not null");
}

#[test]
fn issues_in_one_segment_do_not_hide_those_of_a_segment_with_a_longer_index() {
    // "segments[1]" is not an object; "segments[10]" and "segments[11]" are
    // read and checked on their own.
    let mut v = minimal();
    let segment = v["segments"][1].clone();
    let mut list = vec![segment; 12];
    for (i, s) in list.iter_mut().enumerate() {
        s["id"] = json!(format!("s{i}"));
    }
    list[1] = json!("not a segment");
    list[10]["margin_pct"] = json!("150");
    list[11]["id"] = json!("S11");
    v["segments"] = Value::Array(list);
    assert_eq!(paths(&issues_of(&v)), ["segments[1]", "segments[10].margin_pct", "segments[11].id"]);
}

#[test]
fn a_decimal_of_the_wrong_type_or_text_is_refused() {
    let cases = [
        (json!(null), "must be a decimal such as \"40.34\", not null"),
        (json!([1]), "must be a decimal such as \"40.34\", not a list"),
        (json!("12%"), "write the number without the % sign (it is already in %)"),
        (json!(""), "enter a number"),
        (json!("forty"), "must be a number, like 1234.5"),
    ];
    for (value, problem) in cases {
        let mut v = minimal();
        v["segments"][0]["multiple"] = value;
        assert_only_issue(&issues_of(&v), "segments[0].multiple", problem);
    }
}

#[test]
fn a_valid_file_can_still_overflow_the_valuation() {
    // Rules hold (units >= 0), so the file reads; valuing it names the field.
    let mut v = minimal();
    v["segments"][0]["driver"] = json!({"kind": "units", "units": "1e27", "asp": "255000"});
    let s = read(&v).expect("every rule holds");
    let issues = evaluate(&s).expect_err("overflows");
    assert_only_issue(&issues, "segments[0].driver.units", "is too large to compute with");
}

#[test]
fn a_preset_file_values_like_the_preset() {
    let s = from_json(&to_json(&Preset::Base.scenario())).unwrap();
    assert_per_share(evaluate(&s).unwrap().per_share_listing, "55.49269594470046082949308755760368663595");
    assert_eq!(Preset::matching(&s), Some(Preset::Base));
}

#[test]
fn a_segment_may_name_its_units_and_a_bad_name_is_refused_by_field() {
    // The extension of docs/extensions.md: optional, text, 1 to 30 characters.
    let mut v = minimal();
    v["segments"][0]["unit_label"] = json!(" subscribers ");
    let s = read(&v).unwrap();
    assert_eq!(s.segments[0].unit_label.as_deref(), Some(" subscribers "));
    assert_eq!(to_value(&s)["segments"][0]["unit_label"], json!(" subscribers "));
    // Absent stays absent: a file without it is written as before.
    assert!(to_value(&read(&minimal()).unwrap())["segments"][0].get("unit_label").is_none());
    v["segments"][0]["unit_label"] = json!("x".repeat(31));
    let issues = issues_of(&v);
    assert_eq!(paths(&issues), ["segments[0].unit_label"]);
    assert_eq!(issues[0].say(En), "Segment 1 unit name: must be 1 to 30 characters (found 31)");
    v["segments"][0]["unit_label"] = json!("  ");
    assert_eq!(paths(&issues_of(&v)), ["segments[0].unit_label"]);
    v["segments"][0]["unit_label"] = json!(7);
    assert_eq!(paths(&issues_of(&v)), ["segments[0].unit_label"]);
}
