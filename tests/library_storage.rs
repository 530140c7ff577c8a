//! Saved scenarios: the stored fixtures of each schema (valid and damaged),
//! keys and ids, and the library's listing.
// Tests may unwrap, expect, panic and index: a failure is the test failing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable
)]

use rust_decimal::Decimal;
use serde_json::Value;
use sotp::library::{
    decode_entry, encode_entry, id_from_key, is_valid_id, key_for, new_entry, new_id, Damaged, Entry,
    Library, KEY_PREFIX, LAST_OPEN_KEY, SCHEMA,
};
use sotp::model::{Driver, Preset};
use sotp::text::{Lang::En, Say};
use std::fs;
use std::path::PathBuf;

fn dec(text: &str) -> Decimal {
    Decimal::from_str_exact(text).unwrap_or_else(|e| panic!("bad test literal {text:?}: {e}"))
}

fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/storage")
}

/// Every fixture as `(key, raw)`, the key being `KEY_PREFIX` + file stem.
fn fixtures() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = fs::read_dir(fixture_dir())
        .expect("fixture folder")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let stem = p.file_stem().and_then(|s| s.to_str()).expect("utf-8 file name").to_string();
            (key_for(&stem), fs::read_to_string(&p).expect("fixture text"))
        })
        .collect();
    out.sort();
    out
}

fn fixture(stem: &str) -> (String, String) {
    let raw = fs::read_to_string(fixture_dir().join(format!("{stem}.json"))).expect("fixture");
    (key_for(stem), raw)
}

fn load(stem: &str) -> Result<Entry, Damaged> {
    let (key, raw) = fixture(stem);
    decode_entry(&key, &raw)
}

fn damaged(stem: &str) -> Damaged {
    match load(stem) {
        Err(d) => d,
        Ok(e) => panic!("{stem} should be damaged, read {e:?}"),
    }
}

#[track_caller]
fn assert_reason(d: &Damaged, parts: &[&str]) {
    for part in parts {
        assert!(d.reason.say(En).contains(part), "reason of {} lacks {part:?}: {}", d.key, d.reason.say(En));
    }
}

// ---------------------------------------------------------------- keys and ids

#[test]
fn keys_carry_the_prefix_and_the_id() {
    assert_eq!((KEY_PREFIX, LAST_OPEN_KEY), ("sotp.scenario.", "sotp.last-open"));
    assert_eq!(key_for("abc-1"), "sotp.scenario.abc-1");
    assert_eq!(id_from_key("sotp.scenario.abc-1"), Some("abc-1"));
    assert_eq!(id_from_key(LAST_OPEN_KEY), None);
    assert_eq!(id_from_key("theme"), None);
    assert_eq!(id_from_key("sotp.scenarios"), None);
    assert_eq!(id_from_key("other-app.scenario.x"), None);
    // Malformed keys of ours are still ours, so they are listed as damaged.
    assert_eq!(id_from_key("sotp.scenario."), Some(""));
    assert_eq!(id_from_key("sotp.scenario.Bad Id"), Some("Bad Id"));
    assert_eq!(SCHEMA, 2);
}

#[test]
fn ids_are_1_to_40_of_lowercase_digits_and_dashes() {
    assert!(is_valid_id("a"));
    assert!(is_valid_id("mie87ds0-10"));
    assert!(is_valid_id(&"z".repeat(40)));
    assert!(!is_valid_id(""));
    assert!(!is_valid_id(&"z".repeat(41)));
    for bad in ["A", "a b", "a_b", "a.b", "é", "a/b", "a\n"] {
        assert!(!is_valid_id(bad), "{bad:?}");
    }
}

#[test]
fn new_ids_are_time_and_entropy_in_base_36() {
    assert_eq!(new_id(0, 0), "0-0");
    assert_eq!(new_id(1_764_054_000_000, 36), "mie87ds0-10");
    assert_eq!(new_id(35, 35), "z-z");
    assert_eq!(new_id(i64::MIN, u64::MAX), "1y2p0ij32e8e8-3w5e11264sgsf");
    for (t, e) in [(0, 0), (-1, 1), (i64::MAX, u64::MAX), (i64::MIN, 0), (1_764_054_000_000, 12_345)] {
        let id = new_id(t, e);
        assert!(is_valid_id(&id), "{id}");
    }
    assert_ne!(new_id(1_764_054_000_000, 1), new_id(1_764_054_000_000, 2));
}

// ---------------------------------------------------------------- schema 2

#[test]
fn schema2_fixture_reads_and_is_exactly_what_this_version_writes() {
    let e = load("schema2-base").expect("valid");
    assert_eq!(e.id, "schema2-base");
    assert_eq!(e.revision, 3);
    assert_eq!(e.saved_at_ms, 1_764_054_000_000);
    assert_eq!(e.scenario, Preset::Base.scenario());
    let (_, raw) = fixture("schema2-base");
    let written = encode_entry(&e);
    assert!(written.starts_with(
        r#"{"schema":2,"id":"schema2-base","revision":3,"saved_at_ms":1764054000000,"scenario":{"#
    ));
    let parse = |t: &str| serde_json::from_str::<Value>(t).expect("json");
    assert_eq!(parse(&written), parse(&raw));
    assert!(!written.contains('\n'), "stored compact");
}

#[test]
fn schema2_pretty_fixture_with_unicode_name_reads() {
    let e = load("schema2-edited").expect("valid");
    assert_eq!(e.revision, 7);
    assert_eq!(e.saved_at_ms, 1_764_100_000_000);
    assert_eq!(e.scenario.name, "Xiaomi — EV upside 🚗, \"800k\"");
    assert_eq!(e.scenario.holding_discount_pct, dec("5"));
    assert_eq!(e.scenario.segments[3].driver, Driver::Units { units: dec("800000"), asp: dec("255000") });
    assert_eq!(decode_entry(&key_for(&e.id), &encode_entry(&e)), Ok(e));
}

#[test]
fn encode_writes_every_field_and_the_spec_file() {
    let e = new_entry("abc".into(), Preset::Bull.scenario(), -5);
    let v: Value = serde_json::from_str(&encode_entry(&e)).expect("json");
    assert_eq!(v["schema"], 2);
    assert_eq!(v["id"], "abc");
    assert_eq!(v["revision"], 1);
    assert_eq!(v["saved_at_ms"], -5);
    assert_eq!(v["scenario"]["format"], "sotp-scenario");
    assert_eq!(v["scenario"]["version"], 1);
    assert_eq!(v["scenario"]["price"], "40.34");
    assert_eq!(v["scenario"]["segments"][3]["multiple"], "3.75");
    assert_eq!(decode_entry("sotp.scenario.abc", &encode_entry(&e)), Ok(e));
}

// ---------------------------------------------------------------- schema 1

#[test]
fn schema1_fixture_migrates_to_revision_1_with_the_key_id() {
    let e = load("schema1-bear").expect("valid");
    assert_eq!(e.id, "schema1-bear");
    assert_eq!(e.revision, 1);
    assert_eq!(e.saved_at_ms, 1_763_900_000_000);
    let mut bear = Preset::Bear.scenario();
    bear.name = "My bear case".into();
    assert_eq!(e.scenario, bear);
    // Written back, it is schema 2, and reads back the same.
    let written = encode_entry(&e);
    let v: Value = serde_json::from_str(&written).expect("json");
    assert_eq!(
        (v["schema"].clone(), v["id"].clone(), v["revision"].clone()),
        (2.into(), "schema1-bear".into(), 1.into())
    );
    assert_eq!(decode_entry(&key_for("schema1-bear"), &written), Ok(e));
}

#[test]
fn schema1_with_plain_json_numbers_reads_them_exactly() {
    let e = load("schema1-numbers").expect("valid");
    let s = &e.scenario;
    assert_eq!((e.revision, e.saved_at_ms), (1, 1_764_000_000_000));
    assert_eq!(s.name, "Two parts, numbers");
    assert_eq!(s.price_date, None);
    assert_eq!(s.fx_listing_per_reporting, dec("1.095"));
    assert_eq!(s.net_cash_bn, dec("-12.5"));
    assert_eq!(s.investments_bn, dec("62.1"));
    assert_eq!(s.buyback_listing_bn, dec("2.3"));
    assert_eq!(s.valuation_year, 2027);
    assert_eq!(s.segments[0].driver, Driver::Revenue { revenue_bn: dec("300.5") });
    assert_eq!(
        s.segments[1].driver,
        Driver::RevenueGrowth { base_revenue_bn: dec("40"), growth_pct: dec("-2.5") }
    );
    assert_eq!(s.segments[1].multiple, dec("18.5"));
}

#[test]
fn schema1_ignores_an_id_or_revision_it_never_had() {
    // Schema 1 had neither; if present they are not trusted.
    let raw = r#"{"schema":1,"id":"zzz","revision":9,"saved_at_ms":7,"scenario":SCEN}"#
        .replace("SCEN", &sotp::model::json::to_json(&Preset::Base.scenario()));
    let e = decode_entry("sotp.scenario.abc", &raw).expect("valid");
    assert_eq!((e.id.as_str(), e.revision, e.saved_at_ms), ("abc", 1, 7));
}

// ---------------------------------------------------------------- damaged fixtures

#[test]
fn damaged_fixtures_keep_key_and_raw_text_and_say_why() {
    for stem in [
        "schema1-damaged-no-saved-at",
        "schema2-damaged-truncated",
        "schema2-damaged-rule",
        "schema2-damaged-missing-fields",
        "schema2-damaged-id-mismatch",
        "schema99-newer",
    ] {
        let (key, raw) = fixture(stem);
        let d = damaged(stem);
        assert_eq!(d.key, key);
        assert_eq!(d.raw, raw, "raw text kept byte for byte for export");
        assert!(d.reason.say(En).len() > 10, "{stem}: {}", d.reason.say(En));
    }
}

#[test]
fn truncated_entry_is_not_json() {
    assert_reason(&damaged("schema2-damaged-truncated"), &["not valid JSON", "cut short"]);
}

#[test]
fn scenario_breaking_rules_lists_every_issue() {
    let d = damaged("schema2-damaged-rule");
    assert_reason(
        &d,
        &[
            "schema-2",
            "rules of the scenario file",
            "EV deliveries (Smart EV): must be 0 or more",
            "Listing currency: must be a 3-letter",
        ],
    );
}

#[test]
fn missing_fields_are_all_named() {
    let d = damaged("schema2-damaged-missing-fields");
    assert_reason(&d, &["\"id\" is missing", "\"revision\" is missing", "\"saved_at_ms\" is missing"]);
    assert_reason(&damaged("schema1-damaged-no-saved-at"), &["schema-1", "\"saved_at_ms\" is missing"]);
}

#[test]
fn id_not_matching_its_key_is_damaged_not_renamed() {
    let d = damaged("schema2-damaged-id-mismatch");
    assert_reason(&d, &["\"someone-else\"", "\"schema2-damaged-id-mismatch\"", "wrong key"]);
}

#[test]
fn newer_schema_is_kept_and_says_so() {
    let d = damaged("schema99-newer");
    assert_reason(&d, &["newer version of SOTP", "schema 99", "kept unchanged", "export its raw text"]);
}

#[test]
fn other_broken_texts_say_what_is_wrong() {
    let k = "sotp.scenario.x";
    let base = sotp::model::json::to_json(&Preset::Base.scenario());
    let cases: Vec<(String, &str)> = vec![
        (String::new(), "It is empty"),
        ("   ".into(), "It is empty"),
        ("[1,2]".into(), "a list, not a saved scenario"),
        ("\"text\"".into(), "a text, not a saved scenario"),
        ("null".into(), "null, not a saved scenario"),
        ("{}".into(), "no \"schema\" field"),
        (r#"{"schema":"2"}"#.into(), "must be a whole number such as 2, not a text"),
        (r#"{"schema":2.5}"#.into(), "not 2.5"),
        (r#"{"schema":-1}"#.into(), "not -1"),
        (r#"{"schema":0}"#.into(), "schema 0 is not a SOTP storage schema"),
        (r#"{"schema":3}"#.into(), "newer version of SOTP (storage schema 3"),
        (
            r#"{"schema":2,"id":"x","revision":-1,"saved_at_ms":1,"scenario":{}}"#.into(),
            "\"revision\" must be a whole number 0 or more, not -1",
        ),
        (
            r#"{"schema":2,"id":"x","revision":"1","saved_at_ms":1.5,"scenario":null}"#.into(),
            "\"revision\" must be a whole number, not a text",
        ),
        (
            r#"{"schema":2,"id":"x","revision":1,"saved_at_ms":1.5,"scenario":null}"#.into(),
            "\"saved_at_ms\" must be a whole number, not 1.5",
        ),
        (r#"{"schema":2,"id":7,"revision":1,"saved_at_ms":1}"#.into(), "\"id\" must be a text, not a number"),
        (r#"{"schema":2,"id":"x","revision":1,"saved_at_ms":1}"#.into(), "\"scenario\" is missing"),
        (
            r#"{"schema":2,"id":"x","revision":1,"saved_at_ms":1,"scenario":[]}"#.into(),
            "(file): must be an object, not a list",
        ),
        (
            format!(r#"{{"schema":2,"id":"x","revision":1,"saved_at_ms":1e3,"scenario":{base}}}"#),
            "\"saved_at_ms\" must be a whole number, not 1e",
        ),
    ];
    for (raw, part) in cases {
        let d = decode_entry(k, &raw).expect_err(&raw);
        assert!(d.reason.say(En).contains(part), "{raw:?}: reason {:?} lacks {part:?}", d.reason.say(En));
    }
    // Every problem of an entry is listed, not only the first.
    let d = decode_entry(k, r#"{"schema":2,"id":1,"revision":"r","saved_at_ms":null,"scenario":5}"#)
        .expect_err("bad");
    assert_reason(&d, &["\"id\"", "\"revision\"", "\"saved_at_ms\"", "scenario"]);
}

#[test]
fn keys_that_are_not_valid_saved_scenario_keys_are_damaged() {
    let raw = encode_entry(&new_entry("abc".into(), Preset::Base.scenario(), 1));
    let d = decode_entry("sotp.scenario.Bad Id", &raw).expect_err("bad id");
    assert_reason(&d, &["\"Bad Id\"", "not a valid id"]);
    let d = decode_entry("sotp.scenario.", &raw).expect_err("empty id");
    assert_reason(&d, &["not a valid id"]);
    let d = decode_entry("theme", &raw).expect_err("not ours");
    assert_reason(&d, &["not a key of a saved SOTP scenario"]);
    // The entry's own id must match the key, whatever the key.
    assert!(decode_entry("sotp.scenario.abd", &raw).is_err());
    assert!(decode_entry("sotp.scenario.abc", &raw).is_ok());
}

// ---------------------------------------------------------------- the library

fn fixture_library() -> Library {
    let mut items = fixtures();
    items.push(("theme".into(), "dark".into()));
    items.push((LAST_OPEN_KEY.into(), "schema2-base".into()));
    items.push(("other-app.scenario.1".into(), "{not ours".into()));
    Library::from_raw(items)
}

#[test]
fn from_raw_loads_the_good_lists_the_damaged_and_ignores_other_keys() {
    let lib = fixture_library();
    let ids: Vec<&str> = lib.entries().iter().map(|e| e.id.as_str()).collect();
    // Newest save first.
    assert_eq!(ids, ["schema2-edited", "schema2-base", "schema1-numbers", "schema1-bear"]);
    let keys: Vec<&str> = lib.damaged().iter().map(|d| d.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "sotp.scenario.schema1-damaged-no-saved-at",
            "sotp.scenario.schema2-damaged-id-mismatch",
            "sotp.scenario.schema2-damaged-missing-fields",
            "sotp.scenario.schema2-damaged-rule",
            "sotp.scenario.schema2-damaged-truncated",
            "sotp.scenario.schema99-newer",
        ]
    );
    assert_eq!(
        lib.names(),
        ["Xiaomi — EV upside 🚗, \"800k\"", "Xiaomi Base", "Two parts, numbers", "My bear case"]
    );
}

#[test]
fn from_raw_never_drops_a_key_of_ours() {
    let items = fixtures();
    let n = items.len();
    assert_eq!(n, 10, "all fixtures found");
    let lib = Library::from_raw(items.clone());
    assert_eq!(lib.entries().len() + lib.damaged().len(), n);
    for (key, raw) in items {
        let id = id_from_key(&key).expect("our key");
        let listed = lib.get(id).is_some() || lib.damaged().iter().any(|d| d.key == key && d.raw == raw);
        assert!(listed, "{key} neither loaded nor listed as damaged");
    }
}

#[test]
fn last_open_reopens_the_scenario_open_last() {
    let lib = fixture_library();
    assert_eq!(lib.last_open(Some("schema2-base")).map(|e| e.revision), Some(3));
    assert_eq!(lib.last_open(Some(" schema1-bear\n")).map(|e| e.id.as_str()), Some("schema1-bear"));
    assert_eq!(lib.last_open(None), None);
    assert_eq!(lib.last_open(Some("deleted-since")), None);
    // A damaged entry does not reopen; it stays in the damaged list.
    assert_eq!(lib.last_open(Some("schema99-newer")), None);
}

#[test]
fn entries_sort_by_time_then_name_then_id() {
    let named = |id: &str, name: &str, t: i64| {
        let mut s = Preset::Base.scenario();
        s.name = name.into();
        new_entry(id.into(), s, t)
    };
    let mut lib = Library::default();
    for e in [
        named("d", "beta", 10),
        named("c", "Alpha", 10),
        named("b", "alpha", 10),
        named("a", "alpha", 10),
        named("e", "Zed", 20),
        named("f", "Old", -3),
    ] {
        lib.put(e);
    }
    let ids: Vec<&str> = lib.entries().iter().map(|e| e.id.as_str()).collect();
    // Same time: names compare without case first, then exactly ("Alpha" < "alpha"), then ids.
    assert_eq!(ids, ["e", "c", "a", "b", "d", "f"]);
    assert_eq!(lib.names(), ["Zed", "Alpha", "alpha", "alpha", "beta", "Old"]);
}

#[test]
fn a_key_that_comes_twice_keeps_the_last() {
    let raw = |t| encode_entry(&new_entry("abc".into(), Preset::Base.scenario(), t));
    let lib = Library::from_raw([
        ("sotp.scenario.abc".to_string(), raw(1)),
        ("sotp.scenario.abc".to_string(), "broken".to_string()),
    ]);
    assert!(lib.get("abc").is_none());
    assert_eq!(lib.damaged().len(), 1);
    let lib = Library::from_raw([
        ("sotp.scenario.abc".to_string(), "broken".to_string()),
        ("sotp.scenario.abc".to_string(), raw(2)),
    ]);
    assert_eq!(lib.get("abc").map(|e| e.saved_at_ms), Some(2));
    assert!(lib.damaged().is_empty());
}

#[test]
fn an_empty_storage_is_an_empty_library() {
    let lib = Library::from_raw(Vec::<(String, String)>::new());
    assert!(lib.entries().is_empty() && lib.damaged().is_empty() && lib.names().is_empty());
    assert_eq!(lib, Library::default());
}
