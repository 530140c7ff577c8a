//! A method switch never keeps a multiple that now means something else.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::dec;
use proptest::prelude::*;
use rust_decimal::Decimal;
use sotp::model::method_switch::equivalent;
use sotp::model::{evaluate, switch_method, Basis, Method, MultipleChange, Preset};

#[test]
fn ev_sales_to_pe_keeps_the_base_value() {
    // Base: Smart EV at 3.0x sales on a 5% margin. 3 x revenue is
    // 60 x (revenue x 5%): the same value, to the cent.
    let mut s = Preset::Base.scenario();
    let before = evaluate(&s).unwrap().per_share_listing;
    let ev = s.segments.iter_mut().find(|g| g.id == "ev").unwrap();
    let change = switch_method(ev, Method::Pe, None);
    assert_eq!(
        change,
        Some(MultipleChange::Equivalent {
            multiple: dec("60"),
            from: dec("3"),
            from_method: Method::EvSales
        })
    );
    assert_eq!((ev.method, ev.multiple), (Method::Pe, dec("60")));
    assert_eq!(evaluate(&s).unwrap().per_share_listing, before);
}

#[test]
fn the_other_way_and_on_the_same_line() {
    let mut s = Preset::Base.scenario();
    let phones = &mut s.segments[0];
    // 22x profit at a 4% net margin is 0.88x sales.
    assert_eq!(phones.margin_pct, dec("4"));
    assert_eq!(
        switch_method(phones, Method::EvSales, None),
        Some(MultipleChange::Equivalent { multiple: dec("0.88"), from: dec("22"), from_method: Method::Pe })
    );
    // EV/EBIT and P/E multiply the same profit: the multiple stays.
    let iot = &mut s.segments[1];
    assert_eq!(switch_method(iot, Method::EvEbit, None), Some(MultipleChange::Kept { multiple: dec("22") }));
    assert_eq!(iot.multiple, dec("22"));
    assert_eq!(switch_method(iot, Method::EvEbit, None), None, "already EV/EBIT: nothing to do");
}

#[test]
fn a_multiple_used_before_comes_back_and_a_loss_keeps_the_multiple() {
    let mut s = Preset::Base.scenario();
    let ev = s.segments.iter_mut().find(|g| g.id == "ev").unwrap();
    switch_method(ev, Method::Pe, None);
    assert_eq!(
        switch_method(ev, Method::EvSales, Some(dec("3"))),
        Some(MultipleChange::Recalled { multiple: dec("3") })
    );
    assert_eq!(ev.multiple, dec("3"));
    ev.margin_pct = dec("-2");
    assert_eq!(
        switch_method(ev, Method::Pe, None),
        Some(MultipleChange::NoEquivalent { multiple: dec("3") })
    );
    assert_eq!((ev.method, ev.multiple), (Method::Pe, dec("3")));
}

#[test]
fn equivalents_are_rounded_as_typed() {
    // 3 x 100 / 7.3 = 41.0958...: one decimal.
    assert_eq!(equivalent(dec("3"), dec("7.3"), Basis::Profit), Some(dec("41.1")));
    // 0.5 x 0.3 / 100 = 0.0015: three significant figures below 1.
    assert_eq!(equivalent(dec("0.5"), dec("0.3"), Basis::Revenue), Some(dec("0.0015")));
    assert_eq!(equivalent(dec("1"), dec("3"), Basis::Revenue), Some(dec("0.03")));
    assert_eq!(equivalent(dec("1"), dec("3"), Basis::Profit), Some(dec("33.3")));
    assert_eq!(equivalent(dec("1"), Decimal::ZERO, Basis::Profit), None);
    assert_eq!(equivalent(Decimal::MAX, dec("0.5"), Basis::Profit), None, "overflow is no equivalent");
}

proptest! {
    /// The equivalent multiple keeps the value within its rounding: half a
    /// tenth of the multiple, or 0.5% below 1x.
    #[test]
    fn equivalents_keep_the_value(m in 1u32..5_000, margin in 1u32..10_000, to_profit: bool) {
        let multiple = Decimal::new(i64::from(m), 2);
        let margin = Decimal::new(i64::from(margin), 2);
        let (basis, exact) = if to_profit {
            (Basis::Profit, multiple * Decimal::ONE_HUNDRED / margin)
        } else {
            (Basis::Revenue, multiple * margin / Decimal::ONE_HUNDRED)
        };
        let got = equivalent(multiple, margin, basis).unwrap();
        let err = (got - exact).abs();
        if exact >= Decimal::ONE {
            prop_assert!(err <= dec("0.05"), "{got} vs {exact}");
        } else {
            prop_assert!(err <= exact * dec("0.005"), "{got} vs {exact}");
        }
    }
}

#[test]
fn switching_back_recalls_the_multiple_the_user_had() {
    use sotp::model::MultipleMemory;
    let mut s = Preset::Base.scenario();
    let mut memory = MultipleMemory::default();
    let ev = s.segments.iter_mut().find(|g| g.id == "ev").unwrap();
    // EV/Sales 3.0 -> P/E: the equivalent 60x; the user then types 25x.
    assert!(matches!(memory.switch(ev, Method::Pe), Some(MultipleChange::Equivalent { .. })));
    ev.multiple = dec("25");
    // Back to EV/Sales: the 3.0x they had there, not 25x sales.
    assert_eq!(memory.switch(ev, Method::EvSales), Some(MultipleChange::Recalled { multiple: dec("3") }));
    assert_eq!((ev.method, ev.multiple), (Method::EvSales, dec("3")));
    // And to P/E again: the 25x they left it at.
    assert_eq!(memory.switch(ev, Method::Pe), Some(MultipleChange::Recalled { multiple: dec("25") }));
    // P/E -> EV/EBIT multiplies the same profit: kept, whatever was remembered.
    assert_eq!(memory.switch(ev, Method::EvEbit), Some(MultipleChange::Kept { multiple: dec("25") }));
    // Same method: nothing happens, nothing is remembered.
    assert_eq!(memory.switch(ev, Method::EvEbit), None);
    assert_eq!(memory.recall("ev", Method::EvEbit), None);
    // Per segment: the phones' P/E is not the EV's.
    assert_eq!(memory.recall("smartphones", Method::Pe), None);
}
