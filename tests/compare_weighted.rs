//! Probability-weighted value per share, against figures computed by hand
//! (Python `decimal`, 40 digits):
//!
//! ```text
//! Bear 27.30593173963133640552995391705069124424
//! Base 55.49269594470046082949308755760368663595
//! Bull 82.59113191244239631336405529953917050691
//! 25/50/25           -> 55.22061388536866359447004608294930875577, upside 36.88798682540571044737244938757885165040
//! 20/60/20           -> 55.2750302972350230414746543778801843318,  upside 37.02288125244180228427033807109614360880
//! 33.33/33.33/33.34  -> 55.13266598679608294930875576036866359446, upside 36.66997022011919422238164541489505105220
//! Base/Bull 50/50    -> 69.04191392857142857142857142857142857145, upside vs 40.34: 71.15000973865004603725476308520433458470
//!                                                                 upside vs 50:    38.08382785714285714285714285714285714290
//! ```
// Tests may unwrap, expect, panic and index: a failure is the test failing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable
)]

use rust_decimal::Decimal;
use sotp::compare::{weighted, WeightError, Weighted};
use sotp::model::NumberError;
use sotp::model::{Preset, Scenario};
use sotp::text::{Lang::En, Say};

fn dec(text: &str) -> Decimal {
    Decimal::from_str_exact(text).unwrap_or_else(|e| panic!("bad test literal {text:?}: {e}"))
}

fn ws(list: &[&str]) -> Vec<Decimal> {
    list.iter().map(|w| dec(w)).collect()
}

#[track_caller]
fn assert_close(actual: Decimal, expected: &str) {
    let expected: Decimal = expected.parse().expect("literal");
    let diff = (actual - expected).abs();
    assert!(diff <= dec("0.000000000000000000001"), "expected {expected}, got {actual}");
}

fn presets() -> (Scenario, Scenario, Scenario) {
    (Preset::Bear.scenario(), Preset::Base.scenario(), Preset::Bull.scenario())
}

#[test]
fn bear_base_bull_at_25_50_25() {
    let (bear, base, bull) = presets();
    let w = weighted(&[&bear, &base, &bull], &ws(&["25", "50", "25"])).expect("weights total 100");
    assert_close(w.per_share_listing, "55.22061388536866359447004608294930875577");
    assert_close(w.upside_pct, "36.88798682540571044737244938757885165040");
}

#[test]
fn other_weightings() {
    let (bear, base, bull) = presets();
    let all = [&bear, &base, &bull];
    let w = weighted(&all, &ws(&["20", "60", "20"])).expect("ok");
    assert_close(w.per_share_listing, "55.2750302972350230414746543778801843318");
    assert_close(w.upside_pct, "37.02288125244180228427033807109614360880");
    let w = weighted(&all, &ws(&["33.33", "33.33", "33.34"])).expect("exactly 100");
    assert_close(w.per_share_listing, "55.13266598679608294930875576036866359446");
    assert_close(w.upside_pct, "36.66997022011919422238164541489505105220");
    // All the weight on one scenario gives its own value, exactly.
    let w = weighted(&all, &ws(&["0", "100", "0"])).expect("ok");
    let v = sotp::model::evaluate(&base).expect("values");
    assert_eq!(w, Weighted { per_share_listing: v.per_share_listing, upside_pct: v.upside_pct });
    let w = weighted(&[&bull], &ws(&["100"])).expect("ok");
    assert_close(w.per_share_listing, "82.59113191244239631336405529953917050691");
}

#[test]
fn weights_must_total_100() {
    let (bear, base, bull) = presets();
    let all = [&bear, &base, &bull];
    let e = weighted(&all, &ws(&["25", "50", "15"])).expect_err("90");
    assert_eq!(e, WeightError::Total { sum: dec("90") });
    assert_eq!(e.say(En), "Weights add up to 90.0%; they must total 100%.");
    let e = weighted(&all, &ws(&["33.33", "33.33", "33.33"])).expect_err("99.99");
    assert_eq!(e.say(En), "Weights add up to 99.99%; they must total 100%.");
    let e = weighted(&all, &ws(&["50", "50", "0.5"])).expect_err("100.5");
    assert_eq!(e, WeightError::Total { sum: dec("100.5") });
    assert_eq!(e.say(En), "Weights add up to 100.5%; they must total 100%.");
    assert_eq!(weighted(&all, &ws(&["0", "0", "0"])), Err(WeightError::Total { sum: Decimal::ZERO }));
    assert_eq!(weighted(&[], &[]), Err(WeightError::Total { sum: Decimal::ZERO }));
    // Fractions of a percent count: 100.000 is 100.
    assert!(weighted(&all, &ws(&["25.000", "50", "25"])).is_ok());
}

#[test]
fn a_negative_weight_is_refused_first() {
    let (bear, base, bull) = presets();
    let e = weighted(&[&bear, &base, &bull], &ws(&["60", "-10", "50"])).expect_err("negative");
    assert_eq!(e, WeightError::Negative { index: 1, name: base.name.clone() });
    assert_eq!(
        e.say(En),
        "The weight of \u{201C}Xiaomi Base\u{201D} is below 0%; weights must be 0% or more."
    );
    // Even when the weights do not total 100 either.
    assert_eq!(
        weighted(&[&bear, &base], &ws(&["-1", "-2"])),
        Err(WeightError::Negative { index: 0, name: bear.name.clone() })
    );
    // -0 is 0.
    let minus_zero = -Decimal::ZERO;
    assert!(weighted(&[&bear, &base], &[minus_zero, dec("100")]).is_ok());
}

#[test]
fn listing_currencies_must_match() {
    let (bear, base, mut bull) = presets();
    bull.listing_currency = "USD".into();
    let e = weighted(&[&bear, &base, &bull], &ws(&["25", "50", "25"])).expect_err("USD");
    assert_eq!(e, WeightError::Currency);
    assert_eq!(
        e.say(En),
        "The scenarios are priced in different currencies; weighting needs one listing currency."
    );
}

#[test]
fn different_prices_use_the_first_scenarios_price() {
    let (_, base, mut bull) = presets();
    bull.price = dec("50");
    let w = weighted(&[&base, &bull], &ws(&["50", "50"])).expect("prices may differ");
    assert_close(w.per_share_listing, "69.04191392857142857142857142857142857145");
    assert_close(w.upside_pct, "71.15000973865004603725476308520433458470");
    let w = weighted(&[&bull, &base], &ws(&["50", "50"])).expect("prices may differ");
    assert_close(w.upside_pct, "38.08382785714285714285714285714285714290");
}

#[test]
fn a_scenario_that_does_not_value_is_named() {
    let (bear, mut base, bull) = presets();
    base.shares_bn = Decimal::ZERO;
    let e = weighted(&[&bear, &base, &bull], &ws(&["25", "50", "25"])).expect_err("no shares");
    assert_eq!(e, WeightError::NotValued { index: 1, name: base.name.clone() });
    assert_eq!(e.say(En), "\u{201C}Xiaomi Base\u{201D} does not value; fix its inputs to weight it.");
    // Whatever its weight.
    assert_eq!(
        weighted(&[&bear, &base, &bull], &ws(&["50", "0", "50"])),
        Err(WeightError::NotValued { index: 1, name: base.name.clone() })
    );
    // A scenario without a name is named by its place.
    let weight = |name: &str| WeightError::Negative { index: 2, name: name.into() }.say(En);
    assert_eq!(weight(""), "The weight of scenario 3 is below 0%; weights must be 0% or more.");
}

#[test]
fn weights_and_scenarios_are_paired_by_position() {
    let (bear, base, bull) = presets();
    // A scenario without a weight counts 0%.
    let w = weighted(&[&base, &bull], &ws(&["100"])).expect("bull at 0%");
    assert_close(w.per_share_listing, "55.49269594470046082949308755760368663595");
    // A weight without a scenario must be 0.
    assert!(weighted(&[&base, &bull], &ws(&["50", "50", "0"])).is_ok());
    assert_eq!(
        weighted(&[&base, &bull], &ws(&["60", "30", "10"])),
        Err(WeightError::Total { sum: dec("90") })
    );
    assert_eq!(
        weighted(&[&base, &bull], &ws(&["50", "50", "10"])),
        Err(WeightError::Total { sum: dec("110") })
    );
    let _ = bear;
}

#[test]
fn huge_weights_do_not_overflow() {
    let (bear, base, _) = presets();
    let e = weighted(&[&bear, &base], &[Decimal::MAX, Decimal::MAX]).expect_err("overflow");
    assert_eq!(e, WeightError::Total { sum: Decimal::MAX });
}

#[test]
fn equal_weights_total_exactly_one_hundred() {
    assert_eq!(sotp::compare::equal_weights(0), Vec::<Decimal>::new());
    assert_eq!(sotp::compare::equal_weights(1), ws(&["100"]));
    assert_eq!(sotp::compare::equal_weights(2), ws(&["50", "50"]));
    assert_eq!(sotp::compare::equal_weights(3), ws(&["33.34", "33.33", "33.33"]));
    assert_eq!(sotp::compare::equal_weights(4), ws(&["25", "25", "25", "25"]));
    assert_eq!(
        sotp::compare::equal_weights(7),
        ws(&["14.32", "14.28", "14.28", "14.28", "14.28", "14.28", "14.28"])
    );
    for n in 1..=12 {
        let total: Decimal = sotp::compare::equal_weights(n).iter().sum();
        assert_eq!(total, Decimal::ONE_HUNDRED, "{n} scenarios");
    }
    // Written as the weight fields show them: no trailing zeros.
    assert_eq!(sotp::compare::equal_weights(2)[0].to_string(), "50");
}

#[test]
fn typed_weights_are_read_or_the_field_is_named() {
    let read = sotp::compare::parse_weights(
        sotp::model::NumberStyle::DecimalPoint,
        &[("Bear preset", "25"), ("Base preset", "50.5")],
    );
    assert_eq!(read, Ok(ws(&["25", "50.5"])));
    let wrong = sotp::compare::parse_weights(
        sotp::model::NumberStyle::DecimalPoint,
        &[("Bear preset", "25"), ("Base preset", "half")],
    )
    .unwrap_err();
    assert_eq!(
        wrong,
        WeightError::Unreadable { index: 1, title: "Base preset".into(), error: NumberError::NotANumber }
    );
    assert_eq!(wrong.say(En), "Weight for Base preset: must be a number, like 1234.5");
    let empty = sotp::compare::parse_weights(sotp::model::NumberStyle::DecimalPoint, &[("Bull preset", "")])
        .unwrap_err();
    assert_eq!(empty.say(En), "Weight for Bull preset: enter a number");
}
