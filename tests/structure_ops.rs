//! Structure edits on `Scenario` (add, remove and put back, move, rename,
//! switch a driver kind): hand-computed cases, and a property that any
//! sequence of them leaves a valid scenario or a typed refusal that
//! changed nothing, with a bridge that still adds up.
// Tests may unwrap, expect, panic and index: a failure is the test failing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable
)]

mod common;

use common::dec;
use proptest::prelude::*;
use rust_decimal::Decimal;
use sotp::model::presets::is_xiaomi_shaped;
use sotp::model::structure::{
    add_segment, blank_company, id_for, missing, move_segment, remove_segment, rename_segment,
    set_company_text, set_unit_label, structure_is_valid, switch_kind, undo_remove, CompanyText,
    CompanyTextError, Direction, Missing, Removed, StructureError,
};
use sotp::model::{
    evaluate, validate, Driver, DriverKind, Method, Preset, Problem, Scenario, SegmentField as F,
};

#[test]
fn ids_come_from_names_unique_and_well_formed() {
    assert_eq!(id_for("Cloud & AI", &[]), "cloud-ai");
    assert_eq!(id_for("  Taobao / Tmall  ", &[]), "taobao-tmall");
    assert_eq!(id_for("智能手機", &[]), "segment");
    assert_eq!(id_for("EV", &["ev"]), "ev-2");
    assert_eq!(id_for("EV", &["ev", "ev-2"]), "ev-3");
    let long = id_for(&"x".repeat(100), &[]);
    assert!(long.len() <= 32 && sotp::model::validate::is_segment_id(&long));
}

#[test]
fn a_new_segment_is_all_zero_and_a_thirteenth_is_refused() {
    let mut s = Preset::Base.scenario();
    let at = add_segment(&mut s, "Cloud").unwrap();
    assert_eq!(at, 4);
    let seg = &s.segments[4];
    assert_eq!((seg.id.as_str(), seg.name.as_str()), ("cloud", "Cloud"));
    assert_eq!(seg.multiple, Decimal::ZERO);
    // Worth nothing until filled in: the value per share is Base's.
    let base = evaluate(&Preset::Base.scenario()).unwrap().per_share_listing;
    assert_eq!(evaluate(&s).unwrap().per_share_listing, base);
    for n in 6..=12 {
        add_segment(&mut s, &format!("Part {n}")).unwrap();
    }
    assert_eq!(s.segments.len(), 12);
    let before = s.clone();
    assert_eq!(add_segment(&mut s, "One too many"), Err(StructureError::TooMany { max: 12 }));
    assert_eq!(s, before);
}

#[test]
fn names_are_checked_and_a_rename_keeps_the_id() {
    let mut s = Preset::Base.scenario();
    assert_eq!(add_segment(&mut s, "   "), Err(StructureError::Name(Problem::Length { max: 60, found: 0 })));
    assert_eq!(
        rename_segment(&mut s, 3, &"y".repeat(61)),
        Err(StructureError::Name(Problem::Length { max: 60, found: 61 }))
    );
    rename_segment(&mut s, 3, "Cars").unwrap();
    assert_eq!((s.segments[3].id.as_str(), s.segments[3].name.as_str()), ("ev", "Cars"));
    assert_eq!(rename_segment(&mut s, 9, "Nope"), Err(StructureError::NoSegment { index: 9 }));
}

#[test]
fn remove_then_undo_restores_the_segment_exactly() {
    let mut s = Preset::Base.scenario();
    let original = s.clone();
    let removed = remove_segment(&mut s, 1).unwrap();
    assert_eq!(s.segments.len(), 3);
    assert_eq!(removed.segment, original.segments[1]);
    assert_eq!(undo_remove(&mut s, removed).unwrap(), 1);
    assert_eq!(s, original);
    // The last segment stays.
    let mut one = Preset::Base.scenario();
    one.segments.truncate(1);
    assert_eq!(remove_segment(&mut one, 0), Err(StructureError::LastSegment));
    assert_eq!(remove_segment(&mut one, 5), Err(StructureError::NoSegment { index: 5 }));
}

#[test]
fn moves_stop_at_the_ends() {
    let mut s = Preset::Base.scenario();
    assert_eq!(move_segment(&mut s, 0, Direction::Up), Err(StructureError::AtTheEnd { index: 0 }));
    assert_eq!(move_segment(&mut s, 3, Direction::Down), Err(StructureError::AtTheEnd { index: 3 }));
    assert_eq!(move_segment(&mut s, 3, Direction::Up), Ok(2));
    let order: Vec<&str> = s.segments.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(order, ["smartphones", "iot", "ev", "internet"]);
    // Order does not change the value.
    let base = evaluate(&Preset::Base.scenario()).unwrap().per_share_listing;
    assert_eq!(evaluate(&s).unwrap().per_share_listing, base);
}

#[test]
fn a_kind_switch_keeps_the_revenue_and_says_what_it_dropped() {
    // EV: 650,000 cars x RMB 255,000 = RMB 165.75bn.
    let mut s = Preset::Base.scenario();
    let before = evaluate(&s).unwrap();
    assert_eq!(switch_kind(&mut s, 3, DriverKind::Revenue).unwrap(), vec![F::Units, F::Asp]);
    assert_eq!(s.segments[3].driver, sotp::model::Driver::Revenue { revenue_bn: dec("165.75") });
    assert_eq!(evaluate(&s).unwrap().per_share_listing, before.per_share_listing);
    // Back to units: there are none to keep.
    assert_eq!(switch_kind(&mut s, 3, DriverKind::Units).unwrap(), vec![F::RevenueBn]);
    // Smartphones: 170m x (1 - 5.9%) x RMB 1,100 = 175.967bn, kept as revenue.
    let mut t = Preset::Base.scenario();
    assert_eq!(
        switch_kind(&mut t, 0, DriverKind::RevenueGrowth).unwrap(),
        vec![F::BaseUnits, F::GrowthPct, F::Asp]
    );
    assert_eq!(
        t.segments[0].driver,
        sotp::model::Driver::RevenueGrowth { base_revenue_bn: dec("175.967"), growth_pct: Decimal::ZERO }
    );
    // Units with growth to units: the valuation year's 159.97m handsets.
    let mut u = Preset::Base.scenario();
    assert_eq!(switch_kind(&mut u, 0, DriverKind::Units).unwrap(), vec![F::GrowthPct]);
    assert_eq!(
        u.segments[0].driver,
        sotp::model::Driver::Units { units: dec("159970000"), asp: dec("1100") }
    );
    assert_eq!(evaluate(&u).unwrap().per_share_listing, before.per_share_listing);
    // The same kind changes nothing.
    let mut same = Preset::Base.scenario();
    assert_eq!(switch_kind(&mut same, 3, DriverKind::Units).unwrap(), vec![]);
    assert_eq!(same, Preset::Base.scenario());
}

#[test]
fn a_kind_switch_in_a_scenario_with_years_the_engine_refuses_counts_no_growth() {
    // Mid-edit, the valuation year may be anything: the switch stays quick
    // (no billions of growth steps) and takes the base year's revenue.
    let mut s = Preset::Base.scenario();
    s.valuation_year = i32::MAX;
    assert_eq!(
        switch_kind(&mut s, 0, DriverKind::Revenue).unwrap(),
        vec![F::BaseUnits, F::GrowthPct, F::Asp]
    );
    // 170m handsets x RMB 1,100 = RMB 187bn, before any growth.
    assert_eq!(s.segments[0].driver, sotp::model::Driver::Revenue { revenue_bn: dec("187") });
}

#[derive(Clone, Debug)]
enum Op {
    Add(String),
    Remove(usize),
    Undo,
    Move(usize, Direction),
    Rename(usize, String),
    Switch(usize, DriverKind),
    Label(usize, String),
}

#[test]
fn a_blank_company_has_one_zero_segment_and_says_what_it_lacks() {
    let mut s = blank_company("My company", "Cloud & AI", 2026);
    assert!(structure_is_valid(&s));
    assert_eq!((s.segments.len(), s.segments[0].id.as_str()), (1, "cloud-ai"));
    assert_eq!((s.base_year, s.valuation_year), (2026, 2027));
    assert_eq!(
        missing(&s),
        vec![
            Missing::CompanyName,
            Missing::ReportingCurrency,
            Missing::ListingCurrency,
            Missing::Fx,
            Missing::Price,
            Missing::Shares,
            Missing::SegmentWithMultiple,
        ]
    );
    // The rules the page shows under the fields, each naming its field.
    let paths: Vec<String> = validate(&s).into_iter().map(|i| i.path).collect();
    for path in ["reporting_currency", "listing_currency", "fx_listing_per_reporting", "price", "shares_bn"] {
        assert!(paths.iter().any(|p| p == path), "{path} not in {paths:?}");
    }
    assert!(evaluate(&s).is_err());

    // Filled in by hand: revenue 100bn at 20% net margin on 15x P/E is
    // 300bn of value; on 10bn shares, at 1.1 listing per reporting, that is
    // 300 / 10 * 1.1 = 33.00 a share, against a price of 30: +10%.
    s.company.name = "Cloudco".into();
    s.reporting_currency = "CNY".into();
    s.listing_currency = "HKD".into();
    s.fx_listing_per_reporting = dec("1.1");
    s.price = dec("30");
    s.shares_bn = dec("10");
    s.segments[0].driver = Driver::Revenue { revenue_bn: dec("100") };
    s.segments[0].margin_pct = dec("20");
    s.segments[0].method = Method::Pe;
    assert_eq!(missing(&s), vec![Missing::SegmentWithMultiple]);
    s.segments[0].multiple = dec("15");
    assert!(missing(&s).is_empty());
    let v = evaluate(&s).unwrap();
    assert_eq!(v.per_share_listing, dec("33"));
    assert_eq!(v.upside_pct, dec("10"));
    assert!(Preset::ALL.iter().all(|p| missing(&p.scenario()).is_empty()));
}

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Cloud".to_string()),
        Just("Cloud".to_string()),
        Just("智能手機".to_string()),
        Just("".to_string()),
        Just(" ".to_string()),
        "[A-Za-z ]{1,70}",
    ]
}

fn op() -> impl Strategy<Value = Op> {
    let kind = prop::sample::select(DriverKind::ALL.to_vec());
    let dir = prop_oneof![Just(Direction::Up), Just(Direction::Down)];
    prop_oneof![
        name().prop_map(Op::Add),
        (0usize..14).prop_map(Op::Remove),
        Just(Op::Undo),
        ((0usize..14), dir).prop_map(|(i, d)| Op::Move(i, d)),
        ((0usize..14), name()).prop_map(|(i, n)| Op::Rename(i, n)),
        ((0usize..14), kind).prop_map(|(i, k)| Op::Switch(i, k)),
        ((0usize..14), name()).prop_map(|(i, n)| Op::Label(i, n)),
    ]
}

/// The bridge adds up: the segments' and group lines' per-share amounts
/// make the value per share.
fn bridge_adds_up(s: &Scenario) -> Result<(), TestCaseError> {
    let v = evaluate(s).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
    let lines: Decimal = v.segments.iter().map(|x| x.per_share_listing).sum::<Decimal>()
        + v.group_lines.iter().map(|l| l.per_share_listing).sum::<Decimal>();
    prop_assert!(
        (lines - v.per_share_listing).abs() < dec("0.00000000000000000001"),
        "{lines} vs {}",
        v.per_share_listing
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_sequence_of_edits_keeps_a_valid_scenario_or_refuses_without_a_change(
        preset in prop::sample::select(Preset::ALL.to_vec()),
        ops in prop::collection::vec(op(), 1..40),
    ) {
        let mut s = preset.scenario();
        let mut removed: Vec<Removed> = Vec::new();
        for op in ops {
            let before = s.clone();
            let refused = match op {
                Op::Add(n) => add_segment(&mut s, &n).err(),
                Op::Remove(i) => match remove_segment(&mut s, i) {
                    Ok(r) => { removed.push(r); None }
                    Err(e) => Some(e),
                },
                Op::Undo => match removed.pop() {
                    Some(r) => {
                        let segment = r.segment.clone();
                        match undo_remove(&mut s, r) {
                            Ok(at) => {
                                // Back exactly, but for an id another segment took meanwhile.
                                let back = &s.segments[at];
                                prop_assert_eq!((&back.name, &back.driver, back.multiple), (&segment.name, &segment.driver, segment.multiple));
                                None
                            }
                            Err(e) => Some(e),
                        }
                    }
                    None => None,
                },
                Op::Move(i, d) => move_segment(&mut s, i, d).err(),
                Op::Rename(i, n) => rename_segment(&mut s, i, &n).err(),
                Op::Switch(i, k) => switch_kind(&mut s, i, k).err(),
                Op::Label(i, n) => set_unit_label(&mut s, i, &n).err(),
            };
            if refused.is_some() {
                prop_assert_eq!(&s, &before, "a refusal changed the scenario: {:?}", refused);
            }
            prop_assert!(structure_is_valid(&s), "{:?}", s.segments);
            prop_assert!(sotp::model::validate(&s).is_empty(), "{:?}", sotp::model::validate(&s));
            bridge_adds_up(&s)?;
        }
    }
}

#[test]
fn company_texts_keep_their_rules_and_name_what_is_wrong() {
    let mut s = blank_company("My company", "Segment 1", 2026);
    assert_eq!(set_company_text(&mut s, CompanyText::Name, "  Alibaba Group "), Ok(()));
    assert_eq!(s.company.name, "Alibaba Group");
    // A code typed in lower case is taken in capitals.
    assert_eq!(set_company_text(&mut s, CompanyText::Reporting, "cny"), Ok(()));
    assert_eq!(set_company_text(&mut s, CompanyText::Listing, " HKD "), Ok(()));
    assert_eq!((s.reporting_currency.as_str(), s.listing_currency.as_str()), ("CNY", "HKD"));
    for bad in ["HK$", "HK", "HKDX", "", "12A"] {
        let before = s.clone();
        assert_eq!(
            set_company_text(&mut s, CompanyText::Listing, bad),
            Err(CompanyTextError::Currency),
            "{bad}"
        );
        assert_eq!(s, before, "{bad}: a refusal changes nothing");
    }
    assert_eq!(
        set_company_text(&mut s, CompanyText::Ticker, "   "),
        Err(CompanyTextError::Text(Problem::Length { max: 80, found: 0 }))
    );
    assert_eq!(set_company_text(&mut s, CompanyText::Ticker, "9988.HK"), Ok(()));
    assert_eq!(&missing(&s)[..2], [Missing::Fx, Missing::Price]);
}

#[test]
fn a_unit_name_is_the_user_s_and_empty_takes_it_away() {
    let mut s = Preset::Base.scenario();
    assert_eq!(set_unit_label(&mut s, 3, "  cars "), Ok(()));
    assert_eq!(s.segments[3].unit_label.as_deref(), Some("cars"));
    assert_eq!(sotp::text::unit_noun(sotp::text::Lang::En, &s.segments[3]), "cars");
    assert!(validate(&s).is_empty());
    assert_eq!(
        set_unit_label(&mut s, 3, &"x".repeat(31)),
        Err(StructureError::UnitLabel(Problem::Length { max: 30, found: 31 }))
    );
    assert_eq!(s.segments[3].unit_label.as_deref(), Some("cars"));
    assert_eq!(set_unit_label(&mut s, 3, " "), Ok(()));
    assert_eq!(s.segments[3].unit_label, None);
    assert_eq!(sotp::text::unit_noun(sotp::text::Lang::En, &s.segments[3]), "cars", "Xiaomi's EV noun");
    assert_eq!(set_unit_label(&mut s, 9, "cars"), Err(StructureError::NoSegment { index: 9 }));
}

#[test]
fn presets_and_xiaomi_ranges_belong_to_xiaomi_shaped_scenarios() {
    for p in Preset::ALL {
        assert!(is_xiaomi_shaped(&p.scenario()), "{p:?}");
    }
    let mut edited = Preset::Base.scenario();
    edited.segments[3].multiple = dec("9");
    assert!(is_xiaomi_shaped(&edited), "values may differ");
    let mut more = Preset::Base.scenario();
    add_segment(&mut more, "Cloud").unwrap();
    assert!(!is_xiaomi_shaped(&more));
    let mut moved = Preset::Base.scenario();
    move_segment(&mut moved, 0, Direction::Down).unwrap();
    assert!(!is_xiaomi_shaped(&moved));
    let mut switched = Preset::Base.scenario();
    switch_kind(&mut switched, 3, DriverKind::Revenue).unwrap();
    assert!(!is_xiaomi_shaped(&switched));
    assert!(!is_xiaomi_shaped(&blank_company("My company", "Segment 1", 2025)));
}
