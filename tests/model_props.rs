//! Property tests of the model: random valid scenarios of every shape value
//! without panicking, their bridge adds up, and they survive the file
//! format; no input, however broken, makes validation, valuation, the file
//! reader or the number parser panic.
// Tests may unwrap, expect, panic and index: a failure is the test failing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable
)]

mod common;

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use rust_decimal::Decimal;
use serde_json::Value;
use sotp::model::json::{from_json, to_json, to_value};
use sotp::model::valuation::value;
use sotp::model::{
    evaluate, parse_decimal, validate, Company, Driver, Field, Method, Preset, Scenario, Segment, Valuation,
};
use sotp::text::{Lang::En, Say};

// ---------------------------------------------------------------- generators

/// A decimal in `[lo, hi]` with 0 to `max_scale` decimal places.
fn decimal(lo: &str, hi: &str, max_scale: u32) -> impl Strategy<Value = Decimal> {
    let (lo, hi) = (common::dec(lo), common::dec(hi));
    (0..=max_scale).prop_flat_map(move |scale| {
        let unit = Decimal::from_i128_with_scale(1, scale);
        let lo_m = (lo / unit).ceil().mantissa();
        let hi_m = (hi / unit).floor().mantissa();
        (lo_m..=hi_m).prop_map(move |m| Decimal::from_i128_with_scale(m, scale))
    })
}

/// Bounds of a generated scenario (every rule of the spec holds within them).
#[derive(Clone, Copy)]
struct Ranges {
    units: &'static str,
    asp: &'static str,
    revenue_bn: &'static str,
    growth_pct: (&'static str, &'static str),
    multiple: &'static str,
    shares_bn: (&'static str, &'static str),
    price: (&'static str, &'static str),
    fx: (&'static str, &'static str),
    /// Net cash and other: `[-money, money]`; investments `[0, money]`.
    money_bn: &'static str,
    /// Buybacks retire at most this many thousandths of the shares.
    buyback_per_mille: i64,
}

/// The magnitudes the brief asks for, each at its own extreme.
const REALISTIC: Ranges = Ranges {
    units: "1000000000",
    asp: "1000000",
    revenue_bn: "10000",
    growth_pct: ("-99", "200"),
    multiple: "100",
    shares_bn: ("0.01", "1000"),
    price: ("0.01", "10000"),
    fx: ("0.001", "1000"),
    money_bn: "10000",
    buyback_per_mille: 900,
};

/// A listed company's figures: values per share stay below a million, where
/// 28 significant digits leave more than 20 decimal places.
const COMPANY: Ranges = Ranges {
    units: "100000000",
    asp: "10000",
    revenue_bn: "1000",
    growth_pct: ("-50", "30"),
    multiple: "40",
    shares_bn: ("1", "100"),
    price: ("0.01", "1000"),
    fx: ("0.01", "10"),
    money_bn: "1000",
    buyback_per_mille: 500,
};

fn driver(r: Ranges) -> impl Strategy<Value = Driver> {
    let units = move || decimal("0", r.units, 2);
    let asp = move || decimal("0", r.asp, 2);
    let revenue = move || decimal("0", r.revenue_bn, 3);
    let growth = move || decimal(r.growth_pct.0, r.growth_pct.1, 2);
    prop_oneof![
        (units(), asp()).prop_map(|(units, asp)| Driver::Units { units, asp }),
        (units(), growth(), asp()).prop_map(|(base_units, growth_pct, asp)| {
            Driver::UnitsGrowth { base_units, growth_pct, asp }
        }),
        revenue().prop_map(|revenue_bn| Driver::Revenue { revenue_bn }),
        (revenue(), growth()).prop_map(|(base_revenue_bn, growth_pct)| {
            Driver::RevenueGrowth { base_revenue_bn, growth_pct }
        }),
    ]
}

fn segment(index: usize, r: Ranges) -> impl Strategy<Value = Segment> {
    (
        "[a-z0-9_-]{1,29}",
        "[A-Za-z0-9][\\PC]{0,50}[A-Za-z0-9&)]",
        driver(r),
        decimal("-100", "100", 2),
        prop::sample::select(Method::ALL.to_vec()),
        decimal("0", r.multiple, 2),
    )
        .prop_map(move |(id, name, driver, margin_pct, method, multiple)| Segment {
            // The index keeps ids unique; at most 2 + 1 + 29 characters.
            id: format!("{index}-{id}"),
            name,
            driver,
            margin_pct,
            method,
            multiple,
            unit_label: None,
        })
}

fn segments(r: Ranges) -> impl Strategy<Value = Vec<Segment>> {
    (1usize..=12).prop_flat_map(move |n| (0..n).map(|i| segment(i, r)).collect::<Vec<_>>())
}

fn scenario(r: Ranges) -> impl Strategy<Value = Scenario> {
    let text = (
        "[A-Za-z0-9][\\PC]{0,76}[A-Za-z0-9]",
        ("\\PC{0,30}", "[A-Z0-9.]{0,10}"),
        ("[A-Z]{3}", "[A-Z]{3}"),
        prop::option::of("(19|20)[0-9]{2}-[01][0-9]-[0-3][0-9]"),
    );
    let market = (
        decimal(r.fx.0, r.fx.1, 4),
        decimal(r.price.0, r.price.1, 2),
        decimal(r.shares_bn.0, r.shares_bn.1, 4),
        1990i32..=2100,
        0i32..=10,
    );
    let money = format!("-{}", r.money_bn);
    let group = (
        decimal(&money, r.money_bn, 3),
        decimal("0", r.money_bn, 3),
        decimal("0", "99.99", 2),
        decimal(&money, r.money_bn, 3),
        decimal("0", "99.99", 2),
        prop_oneof![Just(0i64), 0i64..=r.buyback_per_mille],
    );
    (text, market, segments(r), group).prop_map(
        |(
            (name, (company, ticker), (reporting, listing), price_date),
            (fx, price, shares_bn, base_year, years),
            segments,
            (net_cash_bn, investments_bn, inv_discount, other_bn, holding_discount, per_mille),
        )| {
            // Retire `per_mille` thousandths of the shares at the price, so
            // that some always remain.
            let buyback_listing_bn = (shares_bn * price * Decimal::new(per_mille, 3)).round_dp(6);
            Scenario {
                name,
                company: Company { name: company, ticker },
                reporting_currency: reporting,
                listing_currency: listing,
                fx_listing_per_reporting: fx,
                price,
                price_date,
                shares_bn,
                base_year,
                valuation_year: base_year + years,
                segments,
                net_cash_bn,
                investments_bn,
                investments_discount_pct: inv_discount,
                other_bn,
                holding_discount_pct: holding_discount,
                buyback_listing_bn,
            }
        },
    )
}

/// Any decimal a `Decimal` can hold, of either sign and any scale.
fn any_decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (any::<u32>(), any::<u32>(), any::<u32>(), any::<bool>(), 0u32..=28)
            .prop_map(|(lo, mid, hi, neg, scale)| Decimal::from_parts(lo, mid, hi, neg, scale)),
        (-1000i64..=1000, 0u32..=3).prop_map(|(m, s)| Decimal::new(m, s)),
        Just(Decimal::ZERO),
        Just(Decimal::MAX),
        Just(Decimal::MIN),
    ]
}

/// Anything at all in every field: most of it breaks some rule.
fn any_scenario() -> impl Strategy<Value = Scenario> {
    let d = any_decimal;
    let seg = (
        "\\PC{0,40}",
        "\\PC{0,70}",
        common::gen::driver(d()),
        d(),
        prop::sample::select(Method::ALL.to_vec()),
        d(),
    )
        .prop_map(|(id, name, driver, margin_pct, method, multiple)| Segment {
            id,
            name,
            driver,
            margin_pct,
            method,
            multiple,
            unit_label: None,
        });
    let years =
        prop_oneof![(any::<i32>(), any::<i32>()), (1990i32..2100, -2i32..=13).prop_map(|(b, n)| (b, b + n)),];
    (
        ("\\PC{0,90}", "\\PC{0,4}", "\\PC{0,4}"),
        (d(), d(), d(), years),
        prop::collection::vec(seg, 0..=14),
        (d(), d(), d(), d(), d(), d()),
    )
        .prop_map(
            |(
                (name, reporting, listing),
                (fx, price, shares_bn, (base_year, valuation_year)),
                segments,
                g,
            )| {
                Scenario {
                    name,
                    company: Company { name: String::new(), ticker: String::new() },
                    reporting_currency: reporting,
                    listing_currency: listing,
                    fx_listing_per_reporting: fx,
                    price,
                    price_date: None,
                    shares_bn,
                    base_year,
                    valuation_year,
                    segments,
                    net_cash_bn: g.0,
                    investments_bn: g.1,
                    investments_discount_pct: g.2,
                    other_bn: g.3,
                    holding_discount_pct: g.4,
                    buyback_listing_bn: g.5,
                }
            },
        )
}

/// A valid scenario with one to three numeric fields set to any decimal:
/// often still valid, and then often too large to value.
fn nearly_valid_scenario() -> impl Strategy<Value = Scenario> {
    (scenario(REALISTIC), prop::collection::vec((any::<prop::sample::Index>(), any_decimal()), 1..=3))
        .prop_map(|(mut s, changes)| {
            for (which, d) in changes {
                let fields = Field::all(&s);
                fields[which.index(fields.len())].set(&mut s, d);
            }
            s
        })
}

// ---------------------------------------------------------------- checks

fn bridge_lines(v: &Valuation) -> impl Iterator<Item = Decimal> + '_ {
    v.segments.iter().map(|s| s.per_share_listing).chain(v.group_lines.iter().map(|l| l.per_share_listing))
}

fn valued(s: &Scenario) -> Result<Valuation, TestCaseError> {
    prop_assert_eq!(validate(s), vec![], "the generator makes valid scenarios");
    match evaluate(s) {
        Ok(v) => Ok(v),
        Err(issues) => Err(TestCaseError::fail(format!("these magnitudes cannot overflow, yet: {issues:?}"))),
    }
}

fn round_trips(s: &Scenario) -> Result<(), TestCaseError> {
    let text = to_json(s);
    prop_assert_eq!(from_json(&text), Ok(s.clone()), "file: {}", text);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// At a listed company's magnitudes the bridge adds up to
    /// `per_share_listing` within 1e-20.
    #[test]
    fn company_sized_scenarios_value_and_their_bridge_adds_up_within_1e_20(
        s in scenario(COMPANY)
    ) {
        let v = valued(&s)?;
        let biggest = bridge_lines(&v).map(|x| x.abs()).max().unwrap_or_default();
        // The generator's purpose: keep every line below a million.
        prop_assume!(biggest < Decimal::from(1_000_000));
        let gap = (v.bridge_sum().expect("fits") - v.per_share_listing).abs();
        prop_assert!(
            gap <= Decimal::new(1, 20),
            "bridge {} vs per share {} (gap {})",
            v.bridge_sum().unwrap(), v.per_share_listing, gap
        );
        round_trips(&s)?;
    }

    /// At the extremes of every range at once (values per share up to about
    /// 1e19), 28 significant digits cannot hold 20 decimal places; the
    /// bridge then agrees to the last few of its 28 significant digits.
    #[test]
    fn extreme_scenarios_value_and_their_bridge_adds_up_to_28_digits(
        s in scenario(REALISTIC)
    ) {
        let v = valued(&s)?;
        let lines: Vec<Decimal> = bridge_lines(&v).collect();
        let biggest = lines
            .iter()
            .map(|x| x.abs())
            .chain([v.per_share_listing.abs(), Decimal::ONE])
            .max()
            .unwrap();
        // One unit in the 27th significant digit of the biggest figure per
        // line, plus the total's own.
        let n = Decimal::from(lines.len() + 1);
        let tolerance = (biggest * Decimal::new(1, 26) * n).max(Decimal::new(1, 20));
        let gap = (v.bridge_sum().expect("fits") - v.per_share_listing).abs();
        prop_assert!(
            gap <= tolerance,
            "bridge {} vs per share {} (gap {}, tolerance {})",
            v.bridge_sum().unwrap(), v.per_share_listing, gap, tolerance
        );
        round_trips(&s)?;
    }

    /// Anything in any field: validation and valuation answer, never panic;
    /// `evaluate` is `validate` then `value`.
    #[test]
    fn any_scenario_is_validated_and_valued_without_panicking(
        s in prop_oneof![any_scenario(), nearly_valid_scenario()]
    ) {
        let issues = validate(&s);
        let unchecked = value(&s);
        match evaluate(&s) {
            Ok(v) => {
                prop_assert!(issues.is_empty());
                prop_assert_eq!(Ok(v), unchecked);
            }
            Err(e) if issues.is_empty() => prop_assert_eq!(Err(e[0].clone()), unchecked),
            Err(e) => prop_assert_eq!(e, issues),
        }
    }

    /// A field's issue is a value's problem, which the page's fields can
    /// say (`text::value_problem`); every issue can be said at all.
    #[test]
    fn every_issue_beside_a_field_is_a_value_problem(
        s in prop_oneof![any_scenario(), nearly_valid_scenario()]
    ) {
        for i in evaluate(&s).err().unwrap_or_default() {
            prop_assert!(!i.say(En).is_empty(), "{:?}", i);
            if i.field().is_some() {
                prop_assert!(sotp::text::value_problem(En, &i.problem).is_some(), "{:?}", i);
            }
        }
    }
}

// ---------------------------------------------------------------- the file reader

/// Pieces of scenario files, to be glued at random.
fn token() -> impl Strategy<Value = String> {
    let fixed = prop::sample::select(vec![
        "{",
        "}",
        "[",
        "]",
        ":",
        ",",
        " ",
        "\n",
        "\"",
        "\\",
        "null",
        "true",
        "false",
        "0",
        "-0",
        "1",
        "2",
        "-1",
        "1.5e3",
        "1e999999",
        "-1e-999",
        "40.34",
        "1e27",
        "2025",
        "2036",
        "79228162514264337593543950336",
        "\"format\"",
        "\"sotp-scenario\"",
        "\"version\"",
        "\"segments\"",
        "\"driver\"",
        "\"kind\"",
        "\"units\"",
        "\"units_growth\"",
        "\"revenue\"",
        "\"revenue_growth\"",
        "\"asp\"",
        "\"growth_pct\"",
        "\"method\"",
        "\"pe\"",
        "\"ev_sales\"",
        "\"margin_pct\"",
        "\"multiple\"",
        "\"price\"",
        "\"shares_bn\"",
        "\"base_year\"",
        "\"valuation_year\"",
        "\"company\"",
        "\"name\"",
        "\"id\"",
        "\"40.34\"",
        "\"1,234.5\"",
        "\"12%\"",
        "\"-100\"",
        "\"\\u0000\"",
        "\"\\ud800\"",
        "\u{feff}",
        "é",
        "小",
    ]);
    prop_oneof![
        4 => fixed.prop_map(str::to_string),
        1 => "\\PC{0,6}",
        1 => "\"[a-z_]{0,12}\"",
        1 => "-?[0-9]{1,32}(\\.[0-9]{0,32})?([eE][-+]?[0-9]{1,6})?",
    ]
}

/// A valid file with a few bytes inserted, deleted or replaced.
fn mutated_file() -> impl Strategy<Value = String> {
    let files: Vec<Vec<u8>> = Preset::ALL.iter().map(|p| to_json(&p.scenario()).into_bytes()).collect();
    let edit = (any::<prop::sample::Index>(), 0u8..3, any::<u8>(), "[-+.eE0-9,:\"{}\\[\\] a-z]");
    (prop::sample::select(files), prop::collection::vec(edit, 1..8)).prop_map(|(mut bytes, edits)| {
        for (at, how, byte, ascii) in edits {
            let i = at.index(bytes.len().max(1)).min(bytes.len());
            let b = if byte % 2 == 0 { ascii.as_bytes()[0] } else { byte };
            match how {
                0 => bytes.insert(i, b),
                1 if i < bytes.len() => {
                    bytes.remove(i);
                }
                _ if i < bytes.len() => bytes[i] = b,
                _ => bytes.push(b),
            }
        }
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

/// Any JSON value, nested a little.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        "-?[0-9]{1,30}(\\.[0-9]{1,30})?([eE][-+]?[0-9]{1,5})?"
            .prop_map(|n| serde_json::from_str::<Value>(&n).unwrap_or(Value::Null)),
        "\\PC{0,12}".prop_map(Value::String),
        prop::sample::select(vec![
            "units",
            "units_growth",
            "revenue",
            "revenue_growth",
            "pe",
            "ev_ebit",
            "ev_sales",
            "40.34",
            "-100",
            "100",
            "1e27",
            "",
            " ",
            "EV",
            "sotp-scenario",
        ])
        .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Every path to a value in a JSON tree, as keys and indices.
fn paths(v: &Value, at: &mut Vec<PathStep>, out: &mut Vec<Vec<PathStep>>) {
    out.push(at.clone());
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                at.push(PathStep::Key(k.clone()));
                paths(x, at, out);
                at.pop();
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                at.push(PathStep::Index(i));
                paths(x, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

#[derive(Clone, Debug)]
enum PathStep {
    Key(String),
    Index(usize),
}

fn at_path<'v>(v: &'v mut Value, path: &[PathStep]) -> Option<&'v mut Value> {
    path.iter().try_fold(v, |v, step| match step {
        PathStep::Key(k) => v.get_mut(k.as_str()),
        PathStep::Index(i) => v.get_mut(*i),
    })
}

/// A preset's file with some values replaced by any JSON, or removed.
fn damaged_file() -> impl Strategy<Value = String> {
    let change = (any::<prop::sample::Index>(), any_json(), any::<bool>());
    (prop::sample::select(Preset::ALL.to_vec()), prop::collection::vec(change, 1..5)).prop_map(
        |(preset, changes)| {
            let mut file = to_value(&preset.scenario());
            for (which, replacement, remove) in changes {
                let mut all = Vec::new();
                paths(&file, &mut Vec::new(), &mut all);
                let path = &all[which.index(all.len())];
                match (remove, path.split_last()) {
                    (true, Some((PathStep::Key(k), parent))) => {
                        if let Some(Value::Object(m)) = at_path(&mut file, parent) {
                            m.remove(k);
                        }
                    }
                    _ => {
                        if let Some(slot) = at_path(&mut file, path) {
                            *slot = replacement;
                        }
                    }
                }
            }
            file.to_string()
        },
    )
}

/// What `from_json` accepts passes every rule and writes back the same.
fn read_without_panicking(text: &str) -> Result<(), TestCaseError> {
    match from_json(text) {
        Ok(s) => {
            prop_assert_eq!(validate(&s), vec![]);
            let _ = evaluate(&s);
            prop_assert_eq!(from_json(&to_json(&s)), Ok(s));
        }
        Err(issues) => {
            prop_assert!(!issues.is_empty());
            for i in &issues {
                prop_assert!(!i.path.is_empty() && !i.problem.say(En).is_empty(), "{:?}", i);
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn reading_json_ish_text_never_panics(
        text in prop_oneof![
            prop::collection::vec(token(), 0..60).prop_map(|t| t.concat()),
            mutated_file(),
            damaged_file(),
        ]
    ) {
        read_without_panicking(&text)?;
    }

    #[test]
    fn reading_any_text_never_panics(text in any::<String>()) {
        read_without_panicking(&text)?;
    }

    #[test]
    fn reading_any_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        read_without_panicking(&String::from_utf8_lossy(&bytes))?;
    }
}

// ---------------------------------------------------------------- numbers

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5000))]

    #[test]
    fn parsing_any_text_as_a_number_never_panics(text in any::<String>()) {
        if let Ok(d) = parse_decimal(&text) {
            prop_assert_eq!(parse_decimal(&d.to_string()), Ok(d));
        }
    }

    /// Number-like text either reads, and then exactly as written, or is
    /// refused; reading it again from the decimal's own text gives the same.
    #[test]
    fn parsing_number_like_text_is_exact_or_refused(
        text in "[-+]?[0-9]{0,32}(\\.[0-9]{0,32})?([eE][-+]?[0-9]{0,6})?%?"
    ) {
        if let Ok(d) = parse_decimal(&text) {
            prop_assert_eq!(parse_decimal(&d.to_string()), Ok(d));
            // Without an exponent the text is the decimal, digit for digit.
            if !text.contains(['e', 'E']) {
                let exact = Decimal::from_str_exact(text.trim_start_matches('+'));
                prop_assert_eq!(exact, Ok(d));
            }
        }
    }

    /// Plain decimals of up to 28 digits always read, exactly.
    #[test]
    fn plain_decimals_of_up_to_28_digits_read_exactly(
        int in "[0-9]{1,14}", frac in "[0-9]{0,14}", negative in any::<bool>()
    ) {
        let text = format!("{}{int}.{frac}", if negative { "-" } else { "" });
        let d = parse_decimal(&text);
        prop_assert_eq!(d, Ok(Decimal::from_str_exact(&text).unwrap()));
    }
}
