//! Valid values far from the facts get a calm word, never a refusal.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::dec;
use sotp::model::plausible::{far_off, FarOff};
use sotp::model::{evaluate, Field, Method, Preset, SegmentField as S};

fn with(field: Field, value: &str) -> sotp::model::Scenario {
    let mut s = Preset::Base.scenario();
    assert!(field.set(&mut s, dec(value)));
    s
}

#[test]
fn the_presets_are_all_plausible() {
    for p in Preset::ALL {
        let s = p.scenario();
        for f in Field::all(&s) {
            assert_eq!(far_off(f, &s), None, "{p:?} {f:?}");
        }
    }
}

#[test]
fn a_quintillion_cars_and_a_ten_thousandth_of_the_shares_are_far_off_but_value() {
    let ev_units = Field::Segment(3, S::Units);
    let s = with(ev_units, "1000000000000000000");
    assert_eq!(far_off(ev_units, &s), Some(FarOff::Above { base: dec("650000") }));
    assert!(evaluate(&s).is_ok(), "accepted, not refused");
    let s = with(Field::SharesBn, "0.0001");
    assert_eq!(far_off(Field::SharesBn, &s), Some(FarOff::Below { base: dec("26.04") }));
    // The edges: ten times is still in, and zero is a choice, not a slip.
    assert_eq!(far_off(ev_units, &with(ev_units, "6500000")), None);
    assert_eq!(far_off(ev_units, &with(ev_units, "6500001")), Some(FarOff::Above { base: dec("650000") }));
    assert_eq!(far_off(ev_units, &with(ev_units, "65000")), None);
    assert_eq!(far_off(ev_units, &with(ev_units, "0")), None);
}

#[test]
fn percentages_have_a_band_and_multiples_need_the_same_method() {
    let growth = Field::Segment(1, S::GrowthPct);
    assert_eq!(
        far_off(growth, &with(growth, "150")),
        Some(FarOff::OutsideBand { low: dec("-50"), high: dec("100") })
    );
    assert_eq!(far_off(growth, &with(growth, "100")), None);
    let multiple = Field::Segment(3, S::Multiple);
    assert_eq!(far_off(multiple, &with(multiple, "31")), Some(FarOff::Above { base: dec("3") }));
    // At 60x profit the EV business is not far off: Base has no P/E for it.
    let mut s = with(multiple, "60");
    s.segments[3].method = Method::Pe;
    assert_eq!(far_off(multiple, &s), None);
    // Fields whose Base figure is zero have no yardstick.
    assert_eq!(far_off(Field::OtherBn, &with(Field::OtherBn, "-500")), None);
}
