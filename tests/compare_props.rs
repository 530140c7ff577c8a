//! Property tests of the comparison: any 1 to 4 scenarios (valid or not)
//! give a full table without panicking, a scenario never differs from
//! itself, and a weighted value lies between the smallest and largest.
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
use rust_decimal::Decimal;
use sotp::compare::{compare_rows, weighted, WeightError};
use sotp::model::{evaluate, Scenario};
use sotp::text::Lang::En;

use common::gen::preset;

/// A preset with levers moved (possibly out of range), segments dropped or
/// reordered.
fn scenario() -> impl Strategy<Value = Scenario> {
    (
        preset(),
        prop::collection::vec((-2_000i64..20_000, -100i64..5_000), 4),
        -1_000i64..10_000,
        any::<prop::sample::Index>(),
        0usize..3,
    )
        .prop_map(|(p, levers, price, drop, rotate)| {
            let mut s = p.scenario();
            for (seg, (margin, multiple)) in s.segments.iter_mut().zip(levers) {
                seg.margin_pct = Decimal::new(margin, 2);
                seg.multiple = Decimal::new(multiple, 2);
            }
            s.price = Decimal::new(price, 2);
            let at = drop.index(s.segments.len());
            if rotate == 1 {
                s.segments.remove(at);
            } else if rotate == 2 {
                s.segments.rotate_left(at);
            }
            s
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn the_table_is_always_full(list in prop::collection::vec(scenario(), 1..=4)) {
        let refs: Vec<&Scenario> = list.iter().collect();
        let rows = compare_rows(En, &refs);
        prop_assert!(rows.len() >= 2 + 3 + 12);
        for r in &rows {
            prop_assert_eq!(r.cells.len(), list.len());
            prop_assert!(r.cells.iter().all(|c| !c.is_empty()), "{:?}", r);
            if list.len() == 1 {
                prop_assert!(!r.differs);
            }
        }
    }

    #[test]
    fn a_scenario_does_not_differ_from_itself(s in scenario()) {
        prop_assert!(compare_rows(En, &[&s, &s, &s]).iter().all(|r| !r.differs));
    }

    #[test]
    fn weighted_value_lies_between_the_extremes(list in prop::collection::vec(scenario(), 1..=4),
                                                  raw in prop::collection::vec(0u32..1_000, 4)) {
        let refs: Vec<&Scenario> = list.iter().collect();
        // Weights in hundredths of a percent, the last one making up 100.
        let n = list.len();
        let mut weights: Vec<Decimal> = Vec::new();
        let mut left: i64 = 10_000;
        for r in raw.iter().take(n - 1) {
            let w = i64::from(*r).min(left);
            weights.push(Decimal::new(w, 2));
            left -= w;
        }
        weights.push(Decimal::new(left, 2));
        match weighted(&refs, &weights) {
            Ok(w) => {
                let values: Vec<Decimal> = list.iter().filter_map(|s| evaluate(s).ok()).map(|v| v.per_share_listing).collect();
                prop_assert_eq!(values.len(), n);
                let (lo, hi) = values.iter().fold((Decimal::MAX, Decimal::MIN), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
                let eps = Decimal::new(1, 20);
                prop_assert!(w.per_share_listing >= lo - eps && w.per_share_listing <= hi + eps);
            }
            Err(WeightError::NotValued { index, .. }) => prop_assert!(evaluate(&list[index]).is_err()),
            Err(e) => prop_assert!(false, "unexpected {:?}", e),
        }
    }
}
