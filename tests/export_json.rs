//! Scenarios out as a JSON array, and back in from one scenario or a list.
// Tests may unwrap, expect, panic and index: a failure is the test failing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable
)]

use serde_json::Value;
use sotp::export::{parse_scenarios, scenarios_json, MAX_SCENARIOS};
use sotp::model::json::{to_json, to_value, MAX_FILE_BYTES};
use sotp::model::{Issue, Preset, Scenario};
use sotp::text::{Lang::En, Say};

fn presets() -> Vec<Scenario> {
    Preset::ALL.iter().map(|p| p.scenario()).collect()
}

fn issues(text: &str) -> Vec<(usize, Issue)> {
    parse_scenarios(text).expect_err("should be refused")
}

#[test]
fn exports_a_pretty_array_of_spec_files() {
    let list = presets();
    let refs: Vec<&Scenario> = list.iter().collect();
    let text = scenarios_json(&refs);
    assert!(text.starts_with("[\n  {\n"), "pretty: {}", &text[..20]);
    let v: Value = serde_json::from_str(&text).expect("json");
    let items = v.as_array().expect("array");
    assert_eq!(items.len(), 3);
    for (item, s) in items.iter().zip(&list) {
        assert_eq!(item, &to_value(s));
        assert_eq!(item["format"], "sotp-scenario");
        assert_eq!(item["version"], 1);
    }
    assert_eq!(items[2]["segments"][3]["multiple"], "3.75", "decimals as strings");
    assert_eq!(scenarios_json(&[]), "[]");
}

#[test]
fn a_list_round_trips() {
    let list = presets();
    let refs: Vec<&Scenario> = list.iter().collect();
    assert_eq!(parse_scenarios(&scenarios_json(&refs)), Ok(list));
}

#[test]
fn one_scenario_object_is_accepted_too() {
    let base = Preset::Base.scenario();
    assert_eq!(parse_scenarios(&to_json(&base)), Ok(vec![base]));
}

#[test]
fn every_issue_is_reported_with_its_scenarios_index() {
    let mut items: Vec<Value> = presets().iter().map(to_value).collect();
    items[0]["price"] = Value::String("0".into());
    items[2]["segments"][3]["driver"]["units"] = Value::String("-1".into());
    items[2]["listing_currency"] = Value::String("hkd".into());
    let text = serde_json::to_string(&Value::Array(items)).expect("json");
    let found = issues(&text);
    let described: Vec<(usize, String)> = found.iter().map(|(i, issue)| (*i, issue.say(En))).collect();
    assert_eq!(
        described,
        [
            (0, "Price, HK$: must be more than 0".to_string()),
            (
                2,
                "Listing currency: must be a 3-letter ISO 4217 code in capitals, like RMB or HKD".to_string()
            ),
            (2, "EV deliveries (Smart EV): must be 0 or more".to_string()),
        ]
    );
    // Scenario 0: one issue, the price.
    let of = |k: usize| found.iter().filter(|(i, _)| *i == k).map(|(_, x)| x.clone()).collect::<Vec<Issue>>();
    assert_eq!(of(0).len(), 1);
    assert_eq!(of(0)[0].path, "price");
    assert!(of(1).is_empty(), "the middle scenario is fine");
    let paths: Vec<String> = of(2).iter().map(|x| x.path.clone()).collect();
    assert_eq!(paths, ["listing_currency", "segments[3].driver.units"]);
    assert_eq!(of(2)[1].say(En), "EV deliveries (Smart EV): must be 0 or more");
}

#[test]
fn a_list_with_one_bad_scenario_gives_nothing() {
    let mut items: Vec<Value> = presets().iter().map(to_value).collect();
    items.push(Value::from(7));
    let found = issues(&serde_json::to_string(&Value::Array(items)).expect("json"));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, 3);
    assert_eq!(found[0].1.say(En), "(file): must be an object, not a number");
}

#[test]
fn plain_json_numbers_are_read_exactly() {
    let mut v = to_value(&Preset::Base.scenario());
    v["price"] = serde_json::from_str("40.34").expect("number");
    v["fx_listing_per_reporting"] = serde_json::from_str("1.095").expect("number");
    let text = format!("[{v}]");
    let got = parse_scenarios(&text).expect("valid");
    assert_eq!(got, vec![Preset::Base.scenario()]);
}

#[test]
fn file_level_problems_are_index_0() {
    let one = |text: &str| {
        let found = issues(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!((found[0].0, found[0].1.path.as_str()), (0, "(file)"));
        found[0].1.say(En)
    };
    assert!(one("").starts_with("File: is not valid JSON"));
    assert!(one("{\"format\":").starts_with("File: is not valid JSON"));
    assert_eq!(one("[]"), "File: holds an empty list; it must hold at least one scenario");
    assert_eq!(
        one("42"),
        "File: must be a scenario (a JSON object) or a list of scenarios, not a single value"
    );
    assert_eq!(
        one("\"sotp\""),
        "File: must be a scenario (a JSON object) or a list of scenarios, not a single value"
    );
    // An object that is not a scenario is read as one, and says so.
    let found = issues("{}");
    assert_eq!(found[0].0, 0);
    assert!(found[0].1.say(En).contains("is missing"));
}

#[test]
fn at_most_100_scenarios() {
    let base = Preset::Base.scenario();
    let compact = serde_json::to_string(&to_value(&base)).expect("json");
    let list = |n: usize| format!("[{}]", vec![compact.as_str(); n].join(","));
    let hundred = list(MAX_SCENARIOS);
    assert!(hundred.len() < MAX_FILE_BYTES);
    assert_eq!(parse_scenarios(&hundred).map(|v| v.len()), Ok(100));
    let found = issues(&list(MAX_SCENARIOS + 1));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].1.say(En), "File: holds 101 scenarios; a file holds at most 100");
}

#[test]
fn files_over_the_size_limit_are_refused_before_parsing() {
    let text = format!("[{}]", " ".repeat(MAX_FILE_BYTES));
    let found = issues(&text);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].1.say(En),
        format!("File: is {} bytes; a scenario file is at most {MAX_FILE_BYTES} bytes", MAX_FILE_BYTES + 2)
    );
    // Exactly at the limit is read.
    let base = serde_json::to_string(&to_value(&Preset::Base.scenario())).expect("json");
    let padded = format!("{base}{}", " ".repeat(MAX_FILE_BYTES - base.len()));
    assert_eq!(padded.len(), MAX_FILE_BYTES);
    assert_eq!(parse_scenarios(&padded), Ok(vec![Preset::Base.scenario()]));
}

#[test]
fn a_newer_file_version_is_reported() {
    let mut v = to_value(&Preset::Base.scenario());
    v["version"] = Value::from(2);
    let found = issues(&format!("[{v}, {v}]"));
    assert_eq!(found.iter().map(|(i, _)| *i).collect::<Vec<_>>(), [0, 1]);
    assert!(found[1].1.say(En).contains("newer SOTP"));
}

// ---- importing a chosen file: one scenario opens, a list is saved --------

use sotp::export::{check_file_size, read_import, Import};

#[test]
fn a_single_spec_object_is_one_scenario_to_open() {
    let text = to_json(&Preset::Bull.scenario());
    assert_eq!(read_import("bull.json", &text), Ok(Import::One(Box::new(Preset::Bull.scenario()))));
}

#[test]
fn a_list_is_saved_even_with_one_scenario() {
    let one = scenarios_json(&[&Preset::Bear.scenario()]);
    assert_eq!(read_import("list.json", &one), Ok(Import::Many(vec![Preset::Bear.scenario()])));
    let all = presets();
    let text = scenarios_json(&all.iter().collect::<Vec<_>>());
    // Leading white space does not change what the file is.
    assert_eq!(read_import("all.json", &format!("\n  {text}")), Ok(Import::Many(all)));
}

#[test]
fn a_refused_file_names_itself_and_counts_every_problem() {
    let refused = rendered(read_import("notes.txt", "not json").unwrap_err());
    assert_eq!(
        refused.title,
        "Import refused: notes.txt does not follow the scenario format. Nothing was changed. 1 problem to fix:"
    );
    assert_eq!(refused.lines.len(), 1);
    assert_eq!(refused.lines[0], "File: is not valid JSON (line 1, column 2)");

    let mut bad = to_value(&Preset::Base.scenario());
    bad["shares_bn"] = Value::from(0);
    bad["fx_listing_per_reporting"] = Value::from(-1);
    let text = serde_json::to_string(&Value::Array(vec![to_value(&Preset::Bear.scenario()), bad])).unwrap();
    let refused = rendered(read_import("two.json", &text).unwrap_err());
    assert!(refused.title.ends_with("2 problems to fix:"), "{}", refused.title);
    // In a list each problem names its scenario by number.
    assert!(refused.lines.iter().all(|p| p.starts_with("Scenario 2: ")), "{:?}", refused.lines);
}

#[test]
fn a_file_over_the_limit_is_refused_before_it_is_read() {
    assert_eq!(check_file_size("ok.json", MAX_FILE_BYTES as f64), Ok(()));
    let refused = rendered(check_file_size("huge.json", MAX_FILE_BYTES as f64 + 1.0).unwrap_err());
    assert_eq!(refused.title, format!("Import refused: huge.json is larger than {MAX_FILE_BYTES} bytes."));
    assert!(refused.lines.is_empty());
}

/// A refusal as the page shows it.
fn rendered(r: sotp::export::Refusal) -> sotp::text::Rendered {
    sotp::text::notice(En, &sotp::notice::Notice::refused(r.what, r.reasons))
}

#[test]
fn slug_makes_safe_file_names() {
    use sotp::export::slug;
    assert_eq!(slug("Xiaomi Base"), "xiaomi-base");
    assert_eq!(slug("<img src=x onerror=alert(1)>"), "img-src-x-onerror-alert-1");
    assert_eq!(slug("  !!  "), "scenario");
    // At most 60 characters, never ending in a dash.
    assert_eq!(slug(&"ab ".repeat(40)), "ab-".repeat(20).trim_end_matches('-'));
}
