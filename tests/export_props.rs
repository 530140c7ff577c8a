//! Property tests of export: any text fed to the importer gives scenarios or
//! issues, never a panic; the bridge CSV of varied scenarios always has
//! eight fields a record and its per-share column adds up.
// Tests may unwrap, expect, panic and index: a failure is the test failing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable
)]

mod common;
use common::csv_records;
use proptest::prelude::*;
use rust_decimal::Decimal;
use sotp::export::{bridge_csv, parse_scenarios, scenarios_json};
use sotp::model::json::to_value;
use sotp::model::{evaluate, validate, GroupTerm, Scenario};
use sotp::text::Lang::En;

use common::gen::preset;

/// A decimal `m / 10^scale` with `m` in `lo..=hi`.
fn decimal(lo: i64, hi: i64, scale: u32) -> impl Strategy<Value = Decimal> {
    (lo..=hi).prop_map(move |m| Decimal::new(m, scale))
}

/// A preset with its levers moved, group terms set and names made awkward.
fn scenario() -> impl Strategy<Value = Scenario> {
    (
        preset(),
        prop::collection::vec((decimal(-10_000, 10_000, 2), decimal(0, 5_000, 2)), 4),
        (decimal(-50_000, 50_000, 1), decimal(0, 20_000, 1), decimal(0, 9_999, 2), decimal(0, 9_999, 2)),
        (decimal(-10_000, 10_000, 1), decimal(0, 5_000, 2)),
        prop::collection::vec("[=+@\"a-z ,\n-]{1,20}", 4),
    )
        .prop_map(|(p, segs, (cash, inv, inv_disc, hold), (other, buyback), names)| {
            let mut s = p.scenario();
            for ((seg, (margin, multiple)), name) in s.segments.iter_mut().zip(segs).zip(names) {
                seg.margin_pct = margin;
                seg.multiple = multiple;
                seg.name = name;
            }
            s.net_cash_bn = cash;
            s.investments_bn = inv;
            s.investments_discount_pct = inv_disc;
            s.holding_discount_pct = hold;
            s.other_bn = other;
            s.buyback_listing_bn = buyback;
            s
        })
        .prop_filter("values", |s| validate(s).is_empty())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn parse_scenarios_never_panics(text in prop_oneof![
        any::<String>(),
        "\\[(\\{\\}|[0-9]|\"x\"|,){0,20}\\]",
        (preset(), any::<prop::sample::Index>()).prop_map(|(p, cut)| {
            let t = format!("[{}]", to_value(&p.scenario()));
            let chars: Vec<char> = t.chars().collect();
            chars[..cut.index(chars.len() + 1)].iter().collect()
        }),
    ]) {
        match parse_scenarios(&text) {
            Ok(list) => prop_assert!(list.iter().all(|s| validate(s).is_empty())),
            Err(issues) => prop_assert!(!issues.is_empty()),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn bridge_csv_is_well_formed_and_adds_up(s in scenario()) {
        let v = evaluate(&s).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        let text = bridge_csv(En, &s, &v);
        prop_assert!(text.ends_with("\r\n"));
        let all = csv_records(&text);
        let fields = sotp::model::Field::all(&s);
        // Header, lines, group terms, total, inputs, methods, the language.
        prop_assert_eq!(all.len(), 1 + s.segments.len() + GroupTerm::ALL.len() + 1 + fields.len() + s.segments.len() + 1);
        prop_assert!(all.iter().all(|r| r.len() == 9), "{:?}", all);
        let (recs, inputs) = all.split_at(1 + s.segments.len() + GroupTerm::ALL.len() + 1);
        // The inputs read back exactly, in the order of `Field::all`.
        for (rec, field) in inputs.iter().zip(&fields) {
            let typed = rec[8].parse::<Decimal>().map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(Some(typed), field.get(&s), "{:?}", field);
        }
        for (rec, seg) in recs[1..].iter().zip(&s.segments) {
            let starts_risky = seg.name.starts_with(['=', '+', '-', '@']);
            prop_assert_eq!(&rec[0], &if starts_risky { format!("'{}", seg.name) } else { seg.name.clone() });
        }
        let (total, lines) = recs[1..].split_last().ok_or_else(|| TestCaseError::fail("rows"))?;
        let cell = |r: &Vec<String>| r[6].parse::<Decimal>().map_err(|e| TestCaseError::fail(e.to_string()));
        let mut sum = Decimal::ZERO;
        for line in lines {
            sum += cell(line)?;
        }
        let tolerance = Decimal::new(5, 5) * Decimal::from(lines.len());
        prop_assert!((sum - cell(total)?).abs() <= tolerance, "{} vs {}", sum, cell(total)?);
    }

    #[test]
    fn exported_lists_read_back(list in prop::collection::vec(scenario(), 1..5)) {
        let refs: Vec<&Scenario> = list.iter().collect();
        prop_assert_eq!(parse_scenarios(&scenarios_json(&refs)), Ok(list));
    }
}
