//! Fuzzing on stable Rust. cargo-fuzz needs a nightly compiler, so the same
//! targets run here as proptest properties with 100,000 cases each, as part
//! of the ordinary native `cargo test`:
//!
//! - `sotp::link::decode` (share links),
//! - `sotp::model::json::from_json` (one scenario file),
//! - `sotp::export::parse_scenarios` (a file of one or many scenarios).
//!
//! Inputs are random text, random bytes behind a valid link header with a
//! correct CRC (so they reach the body reader, not just the checksum), valid
//! links and files mutated byte by byte, and random JSON trees shaped like a
//! scenario. For every input: no panic, and whatever is accepted passes
//! validation, values without panicking and survives a round trip.
//!
//! tests/fuzz_corpus/ holds bad inputs (every one a fuzzer found, and hand-made
//! nasty ones: deep nesting, huge numbers, invalid UTF-8 inside base64, cut
//! CRCs); `corpus_regressions` runs each of them. When a property fails,
//! proptest prints the minimal input: add it to the corpus as a new file.
//!
//! 100,000 cases per target take minutes unoptimised, so a debug build runs
//! 2,000 (a smoke test inside the ordinary `cargo test`), and scripts/test
//! runs the full 100,000 in its own stage: `cargo test --release --test
//! fuzz_props`. FUZZ_CASES=N sets the number either way (e.g. 1000000 for a
//! long run).
// Tests may unwrap, expect, panic and index: a failure is the test failing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable
)]

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError};
use serde_json::{json, Map, Value};
use sotp::export::parse_scenarios;
use sotp::link::{base64url_decode, base64url_encode, crc32, decode, encode};
use sotp::model::json::{from_json, to_json, to_value};
use sotp::model::{evaluate, validate, Preset, Scenario};
use sotp::text::{Lang::En, Say};
use std::path::{Path, PathBuf};

fn cases() -> u32 {
    let default = if cfg!(debug_assertions) { 2_000 } else { 100_000 };
    std::env::var("FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn config() -> Config {
    Config {
        cases: cases(),
        // The corpus in tests/fuzz_corpus/ is where found inputs are kept.
        failure_persistence: None,
        max_shrink_iters: 10_000,
        ..Config::default()
    }
}

// ---------------------------------------------------------------- links

fn leb128(mut n: usize, out: &mut Vec<u8>) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// A link around any body: correct length prefix and CRC, so the decoder
/// gets as far as reading the body.
fn wrap(body: &[u8]) -> String {
    let mut payload = Vec::with_capacity(body.len() + 8);
    leb128(body.len(), &mut payload);
    payload.extend_from_slice(body);
    let crc = crc32(&payload);
    payload.extend_from_slice(&crc.to_le_bytes());
    format!("s1.{}", base64url_encode(&payload))
}

/// The body bytes of a valid link (without length and CRC).
fn body_of(link: &str) -> Vec<u8> {
    let payload = base64url_decode(link.strip_prefix("s1.").expect("a v1 link")).expect("valid base64url");
    let mut len = 0usize;
    let mut at = 0;
    loop {
        let b = payload[at];
        len |= usize::from(b & 0x7f) << (7 * at);
        at += 1;
        if b & 0x80 == 0 {
            break;
        }
    }
    payload[at..at + len].to_vec()
}

fn preset_links() -> Vec<String> {
    Preset::ALL.iter().map(|p| encode(&p.scenario())).collect()
}

#[derive(Clone, Debug)]
enum Edit {
    Flip(usize, u8),
    Insert(usize, u8),
    Delete(usize),
    Truncate(usize),
}

fn apply(bytes: &mut Vec<u8>, edits: &[Edit]) {
    for e in edits {
        let n = bytes.len();
        match *e {
            Edit::Flip(i, x) if n > 0 => bytes[i % n] ^= x.max(1),
            Edit::Insert(i, x) => bytes.insert(i % (n + 1), x),
            Edit::Delete(i) if n > 0 => {
                bytes.remove(i % n);
            }
            Edit::Truncate(i) if n > 0 => bytes.truncate(i % n),
            _ => {}
        }
    }
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let edit = prop_oneof![
        6 => (any::<usize>(), any::<u8>()).prop_map(|(i, x)| Edit::Flip(i, x)),
        2 => (any::<usize>(), any::<u8>()).prop_map(|(i, x)| Edit::Insert(i, x)),
        2 => any::<usize>().prop_map(Edit::Delete),
        1 => any::<usize>().prop_map(Edit::Truncate),
    ];
    prop::collection::vec(edit, 1..6)
}

/// Inputs for the link decoder.
fn link_inputs() -> impl Strategy<Value = String> {
    let links = preset_links();
    let bodies: Vec<Vec<u8>> = links.iter().map(|l| body_of(l)).collect();
    let links2 = links.clone();
    prop_oneof![
        // Any text at all, and text shaped like a link.
        1 => any::<String>(),
        1 => "#?s[0-9]{0,3}\\.[A-Za-z0-9_=+/-]{0,400}",
        // Random bodies with a correct header and CRC.
        2 => prop::collection::vec(any::<u8>(), 0..400).prop_map(|b| wrap(&b)),
        // A preset's body, edited, with a correct header and CRC.
        4 => (0..bodies.len(), edits()).prop_map(move |(i, e)| {
            let mut b = bodies[i].clone();
            apply(&mut b, &e);
            wrap(&b)
        }),
        // A preset's link, edited as text (CRC and base64 errors).
        2 => (0..links2.len(), edits()).prop_map(move |(i, e)| {
            let mut b = links2[i].clone().into_bytes();
            apply(&mut b, &e);
            String::from_utf8_lossy(&b).into_owned()
        }),
    ]
}

fn check_link(input: &str) -> Result<(), TestCaseError> {
    if let Ok(s) = decode(input) {
        prop_assert!(validate(&s).is_empty(), "decode accepted an invalid scenario from {input:?}");
        let _ = evaluate(&s);
        let again = decode(&encode(&s));
        prop_assert_eq!(again.as_ref().ok(), Some(&s), "re-encoding changed the scenario from {:?}", input);
    }
    Ok(())
}

// ---------------------------------------------------------------- JSON

/// Any JSON value, a few levels deep.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| json!(f)),
        "-?(0|[1-9][0-9]{0,40})(\\.[0-9]{1,30})?([eE][+-]?[0-9]{1,10})?"
            .prop_filter_map("a JSON number", |t| serde_json::from_str::<Value>(&t).ok()),
        ".{0,20}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{0,12}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// A preset's JSON tree with one field replaced by any JSON, or removed.
fn mutated_tree() -> impl Strategy<Value = Value> {
    let trees: Vec<Value> = Preset::ALL.iter().map(|p| to_value(&p.scenario())).collect();
    (0..trees.len(), prop::collection::vec((any::<usize>(), any::<usize>(), any_json(), any::<bool>()), 1..4))
        .prop_map(move |(i, changes)| {
            let mut tree = trees[i].clone();
            for (a, b, v, remove) in changes {
                replace_somewhere(&mut tree, a, b, v, remove);
            }
            tree
        })
}

/// Walks to the a-th key (and into arrays by b) and replaces or removes it.
fn replace_somewhere(tree: &mut Value, a: usize, b: usize, v: Value, remove: bool) {
    match tree {
        Value::Object(map) if !map.is_empty() => {
            let key = map.keys().nth(a % map.len()).cloned().unwrap_or_default();
            let child = map.get_mut(&key).expect("key exists");
            if b % 3 == 0 || !matches!(child, Value::Object(_) | Value::Array(_)) {
                if remove {
                    map.remove(&key);
                } else {
                    *child = v;
                }
            } else {
                replace_somewhere(child, a / 7, b / 3, v, remove);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            let n = items.len();
            if remove && b % 5 == 0 {
                items.remove(a % n);
            } else if b % 7 == 0 {
                let copy = items[a % n].clone();
                items.push(copy);
            } else {
                replace_somewhere(&mut items[a % n], a / 5, b / 2, v, remove);
            }
        }
        other => *other = v,
    }
}

/// Inputs for the file readers.
fn json_inputs() -> impl Strategy<Value = String> {
    let texts: Vec<String> = Preset::ALL.iter().map(|p| to_json(&p.scenario())).collect();
    let list = format!("[{}]", texts.join(","));
    let mut all = texts.clone();
    all.push(list);
    prop_oneof![
        1 => any::<String>(),
        1 => any_json().prop_map(|v| v.to_string()),
        4 => mutated_tree().prop_map(|v| v.to_string()),
        1 => prop::collection::vec(mutated_tree(), 0..4).prop_map(|v| Value::Array(v).to_string()),
        3 => (0..all.len(), edits()).prop_map(move |(i, e)| {
            let mut b = all[i].clone().into_bytes();
            apply(&mut b, &e);
            String::from_utf8_lossy(&b).into_owned()
        }),
    ]
}

fn check_from_json(input: &str) -> Result<(), TestCaseError> {
    match from_json(input) {
        Ok(s) => {
            prop_assert!(validate(&s).is_empty(), "from_json accepted an invalid scenario from {input:?}");
            let _ = evaluate(&s);
            prop_assert_eq!(from_json(&to_json(&s)).ok(), Some(s), "round trip changed {:?}", input);
        }
        Err(issues) => prop_assert!(!issues.is_empty(), "an error with no issue for {input:?}"),
    }
    Ok(())
}

fn check_parse_scenarios(input: &str) -> Result<(), TestCaseError> {
    match parse_scenarios(input) {
        Ok(list) => {
            for s in &list {
                prop_assert!(
                    validate(s).is_empty(),
                    "parse_scenarios accepted an invalid scenario from {input:?}"
                );
                let _ = evaluate(s);
            }
        }
        Err(issues) => prop_assert!(!issues.is_empty(), "an error with no issue for {input:?}"),
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn fuzz_link_decode(input in link_inputs()) {
        check_link(&input)?;
    }

    #[test]
    fn fuzz_from_json(input in json_inputs()) {
        check_from_json(&input)?;
    }

    #[test]
    fn fuzz_parse_scenarios(input in json_inputs()) {
        check_parse_scenarios(&input)?;
    }
}

// ---------------------------------------------------------------- corpus

fn corpus(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("fuzz_corpus").join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// Every kept input: none panics, and each is refused with a message, except
/// files named `*.accepted.*`, which are read (they must still validate and
/// round-trip): JSON with a duplicate key (serde_json keeps the last), and
/// 1e27 EV units (valid by every rule; valuing it overflows, which
/// `evaluate` reports as an issue naming the field).
#[test]
fn corpus_regressions() {
    let links = corpus("link");
    let files = corpus("json");
    assert!(
        links.len() >= 8 && files.len() >= 8,
        "the corpus is missing ({} links, {} files)",
        links.len(),
        files.len()
    );
    for path in &links {
        let text = std::fs::read_to_string(path).expect("a text file");
        let input = text.trim_end_matches('\n');
        check_link(input).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let err = decode(input).expect_err(&format!("{}: a bad link was accepted", path.display()));
        assert!(!err.say(En).is_empty(), "{}: an empty message", path.display());
    }
    for path in &files {
        let bytes = std::fs::read(path).expect("a file");
        // A file that is not UTF-8 is refused by the app before parsing; the
        // parsers get its lossy text here so they still see the rest.
        let input = String::from_utf8_lossy(&bytes);
        check_from_json(&input).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        check_parse_scenarios(&input).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let accepted = path.to_string_lossy().contains(".accepted.");
        assert_eq!(from_json(&input).is_ok(), accepted, "{}: from_json", path.display());
        assert_eq!(parse_scenarios(&input).is_ok(), accepted, "{}: parse_scenarios", path.display());
    }
    // Too big to keep as a file: over the 1,000,000-byte limit.
    let too_large = format!("[{}]", " ".repeat(1_100_000));
    assert!(from_json(&too_large).is_err() && parse_scenarios(&too_large).is_err());
}

/// Writes the hand-made seeds of tests/fuzz_corpus/ (they are kept in git;
/// run with `cargo test --test fuzz_props -- --ignored write_seed_corpus`
/// only to regenerate them).
#[test]
#[ignore]
fn write_seed_corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("fuzz_corpus");
    let write = |dir: &str, name: &str, data: &[u8]| {
        let d = root.join(dir);
        std::fs::create_dir_all(&d).expect("mkdir");
        std::fs::write(d.join(name), data).expect("write");
    };
    let base = Preset::Base.scenario();
    let link = encode(&base);
    let body = body_of(&link);

    // Links.
    write("link", "seed-truncated-crc.txt", &link.as_bytes()[..link.len() - 3]);
    write("link", "seed-crc-only-two-bytes.txt", &wrap(&body).as_bytes()[..link.len() - 4]);
    let mut wrong_crc = base64url_decode(&link[3..]).expect("b64");
    let n = wrong_crc.len();
    wrong_crc[n - 1] ^= 0x55;
    write("link", "seed-wrong-crc.txt", format!("s1.{}", base64url_encode(&wrong_crc)).as_bytes());
    // The scenario's name ("Base", the first text) replaced by invalid UTF-8, CRC correct.
    let mut bad_utf8 = body.clone();
    let at = bad_utf8.windows(4).position(|w| w == b"Base").expect("the name");
    bad_utf8[at..at + 4].copy_from_slice(&[0xff, 0xfe, 0xc3, 0x28]);
    write("link", "seed-invalid-utf8-name.txt", wrap(&bad_utf8).as_bytes());
    // Length prefix claiming more than there is; and an over-long LEB128.
    let mut long = base64url_decode(&link[3..]).expect("b64");
    long[0] |= 0x7f;
    write("link", "seed-length-too-long.txt", format!("s1.{}", base64url_encode(&long)).as_bytes());
    let mut wide = vec![0xff, 0xff, 0xff, 0xff, 0x0f];
    wide.extend_from_slice(&body);
    write("link", "seed-leb128-too-wide.txt", format!("s1.{}", base64url_encode(&wide)).as_bytes());
    write("link", "seed-empty-body.txt", wrap(&[]).as_bytes());
    write("link", "seed-all-ff-body.txt", wrap(&[0xff; 300]).as_bytes());
    write("link", "seed-version-huge.txt", format!("s99999999999999999999999.{}", &link[3..]).as_bytes());
    write("link", "seed-too-long.txt", format!("s1.{}", "A".repeat(20_000)).as_bytes());
    write("link", "seed-non-canonical-base64.txt", format!("{}B", &link[..link.len() - 1]).as_bytes());
    write("link", "seed-unicode.txt", "s1.ÿÿ\u{202e}😀".as_bytes());

    // Files.
    let good = to_value(&base);
    let deep = format!("{}{}", "[".repeat(20_000), "]".repeat(20_000));
    write("json", "seed-deep-array.json", deep.as_bytes());
    let mut deep_field = good.clone();
    deep_field["segments"][0]["driver"] =
        serde_json::from_str(&format!("{}1{}", "[".repeat(120), "]".repeat(120))).expect("json");
    write("json", "seed-deep-in-driver.json", deep_field.to_string().as_bytes());
    write(
        "json",
        "seed-deep-object.json",
        format!("{}{}", "{\"a\":".repeat(10_000), "}".repeat(10_000)).as_bytes(),
    );
    let mut huge = good.clone();
    huge["shares_bn"] = serde_json::from_str(&"9".repeat(400)).expect("json");
    write("json", "seed-huge-number.json", huge.to_string().as_bytes());
    let mut exp = good.clone();
    exp["price"] = serde_json::from_str("1e999999999").expect("json");
    write("json", "seed-huge-exponent.json", exp.to_string().as_bytes());
    let mut tiny = good.clone();
    tiny["fx_listing_per_reporting"] = serde_json::from_str("1e-999999999").expect("json");
    write("json", "seed-tiny-exponent.json", tiny.to_string().as_bytes());
    let mut ev = good.clone();
    ev["segments"][3]["driver"]["units"] = serde_json::from_str("1e27").expect("json");
    let valued = evaluate(&from_json(&ev.to_string()).expect("1e27 units is valid"));
    assert!(valued.is_err(), "1e27 EV units overflows the valuation");
    write("json", "seed-ev-units-1e27.accepted.json", ev.to_string().as_bytes());
    let mut many = good.clone();
    let seg = many["segments"][0].clone();
    many["segments"] = Value::Array(
        (0..13)
            .map(|i| {
                let mut s = seg.clone();
                s["id"] = json!(format!("s{i}"));
                s
            })
            .collect(),
    );
    write("json", "seed-13-segments.json", many.to_string().as_bytes());
    write("json", "seed-list-of-101.json", Value::Array(vec![good.clone(); 101]).to_string().as_bytes());
    write("json", "seed-empty-list.json", b"[]");
    // Invalid UTF-8 inside the price (the app reads files as UTF-8 text;
    // the harness passes the lossy text, so the number is broken).
    let mut invalid = good.to_string().into_bytes();
    let at = invalid.windows(5).position(|w| w == b"40.34").expect("the price");
    invalid[at + 1] = 0xff;
    write("json", "seed-invalid-utf8.json", &invalid);
    write("json", "seed-lone-surrogate.json", good.to_string().replacen("Base", "\\ud800", 1).as_bytes());
    write("json", "seed-nul-and-bom.json", format!("\u{feff}{}\0", good).as_bytes());
    write(
        "json",
        "seed-duplicate-keys.accepted.json",
        good.to_string().replacen("{", "{\"price\":1,", 1).as_bytes(),
    );
    write("json", "seed-truncated.json", &good.to_string().as_bytes()[..200]);
}

/// The round trip the properties rely on holds for the presets.
#[test]
fn presets_round_trip() {
    for p in Preset::ALL {
        let s: Scenario = p.scenario();
        assert_eq!(decode(&encode(&s)).ok(), Some(s.clone()));
        assert_eq!(from_json(&to_json(&s)).ok(), Some(s));
    }
}
