//! The valuation of docs/valuation-model.md, checked against figures worked
//! out by hand (Python `decimal` at 40 digits), never by the code under test.
//!
//! Exact decimals are compared exactly; per-share amounts that do not
//! terminate are compared to 0.005, as the spec says.
// Tests may unwrap, expect, panic and index: a failure is the test failing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable
)]

mod common;

use common::{
    assert_close, assert_per_share, dec, revenue, revenue_growth, scenario, segment, units, units_growth,
};
use rust_decimal::Decimal;
use sotp::display;
use sotp::model::{evaluate, Driver, GroupTerm, Method, Preset, Scenario, Valuation};
use sotp::text::Lang::En;

fn value_of(s: &Scenario) -> Valuation {
    match evaluate(s) {
        Ok(v) => v,
        Err(issues) => panic!("expected a valuation, got issues {issues:#?}"),
    }
}

/// The valuation-year revenue of a lone segment, `years` after the base year.
fn revenue_after(driver: Driver, years: i32) -> Decimal {
    let mut s = scenario(vec![segment("a", driver, "10", Method::Pe, "10")]);
    s.valuation_year = s.base_year + years;
    let v = value_of(&s);
    assert_eq!(v.growth_years, u32::try_from(years).unwrap());
    v.segments[0].revenue_bn
}

#[track_caller]
fn assert_bridge_adds_up(v: &Valuation) {
    let sum = v.bridge_sum().expect("bridge sum fits");
    assert_close(sum, &v.per_share_listing.to_string(), "0.00000000000000000001");
}

#[track_caller]
fn line(v: &Valuation, term: GroupTerm) -> (Decimal, Decimal) {
    let l = v.group_line(term).expect("every group term has a bridge line");
    (l.amount_bn, l.per_share_listing)
}

// ---------------------------------------------------------------- drivers

#[test]
fn units_driver_is_units_times_asp_over_a_billion() {
    // 650,000 cars x RMB 255,000 = RMB 165.75bn
    assert_eq!(revenue_after(units("650000", "255000"), 0), dec("165.75"));
}

#[test]
fn units_driver_does_not_compound_over_the_years() {
    assert_eq!(revenue_after(units("650000", "255000"), 3), dec("165.75"));
}

#[test]
fn units_growth_with_n_zero_is_base_units_times_asp() {
    assert_eq!(revenue_after(units_growth("1000000", "10", "2000"), 0), dec("2"));
}

#[test]
fn units_growth_with_n_one_grows_once() {
    assert_eq!(revenue_after(units_growth("1000000", "10", "2000"), 1), dec("2.2"));
}

#[test]
fn units_growth_compounds_over_three_years() {
    // 1,000,000 x 1.1^3 x 2,000 / 10^9 = 2.662
    assert_eq!(revenue_after(units_growth("1000000", "10", "2000"), 3), dec("2.662"));
}

#[test]
fn units_growth_with_negative_growth_shrinks() {
    // 1,000,000 x 0.8^3 x 2,000 / 10^9 = 1.024
    assert_eq!(revenue_after(units_growth("1000000", "-20", "2000"), 3), dec("1.024"));
}

#[test]
fn units_growth_with_fractional_negative_growth_is_exact() {
    // 170m x 0.941^2 x 1,100 / 10^9 = 165.584947
    assert_eq!(revenue_after(units_growth("170000000", "-5.9", "1100"), 2), dec("165.584947"));
}

#[test]
fn revenue_driver_is_the_revenue_whatever_the_years() {
    assert_eq!(revenue_after(revenue("123.45"), 0), dec("123.45"));
    assert_eq!(revenue_after(revenue("123.45"), 3), dec("123.45"));
}

#[test]
fn revenue_growth_with_n_zero_is_the_base_revenue() {
    assert_eq!(revenue_after(revenue_growth("100", "5"), 0), dec("100"));
}

#[test]
fn revenue_growth_with_n_one_grows_once() {
    assert_eq!(revenue_after(revenue_growth("100", "5"), 1), dec("105"));
    assert_eq!(revenue_after(revenue_growth("37.2", "-5.9"), 1), dec("35.0052"));
}

#[test]
fn revenue_growth_compounds_over_three_years() {
    assert_eq!(revenue_after(revenue_growth("100", "5"), 3), dec("115.7625"));
}

#[test]
fn revenue_growth_with_negative_growth_shrinks() {
    assert_eq!(revenue_after(revenue_growth("100", "-10"), 3), dec("72.9"));
}

#[test]
fn revenue_growth_over_ten_years_is_exact() {
    // 1.07^10 has 20 decimals, well within 28 significant digits.
    assert_eq!(revenue_after(revenue_growth("100", "7"), 10), dec("196.715135728956532249"));
}

#[test]
fn zero_growth_keeps_the_base_over_ten_years() {
    assert_eq!(revenue_after(revenue_growth("100", "0"), 10), dec("100"));
    assert_eq!(revenue_after(units_growth("1000000", "0", "2000"), 10), dec("2"));
}

// ---------------------------------------------------------------- methods

#[test]
fn pe_values_net_profit_times_the_multiple() {
    let s = scenario(vec![segment("a", revenue("200"), "12.5", Method::Pe, "15")]);
    let v = value_of(&s);
    let seg = &v.segments[0];
    assert_eq!(seg.revenue_bn, dec("200"));
    assert_eq!(seg.profit_bn, dec("25"));
    assert_eq!(seg.metric_bn, dec("25"));
    assert_eq!(seg.value_bn, dec("375"));
    // 375 / 10bn shares x fx 1
    assert_eq!(seg.per_share_listing, dec("37.5"));
    assert_eq!(v.per_share_listing, dec("37.5"));
    assert_eq!(v.upside_pct, dec("275"));
}

#[test]
fn ev_ebit_values_ebit_times_the_multiple() {
    let s = scenario(vec![segment("a", revenue("80"), "20", Method::EvEbit, "9.5")]);
    let seg = &value_of(&s).segments[0];
    assert_eq!(seg.profit_bn, dec("16"));
    assert_eq!(seg.metric_bn, dec("16"));
    assert_eq!(seg.value_bn, dec("152"));
}

#[test]
fn ev_sales_values_revenue_times_the_multiple_and_shows_the_margin() {
    let s = scenario(vec![segment("ev", units("650000", "255000"), "5", Method::EvSales, "3")]);
    let seg = &value_of(&s).segments[0];
    assert_eq!(seg.revenue_bn, dec("165.75"));
    assert_eq!(seg.profit_bn, dec("8.2875"));
    assert_eq!(seg.metric_bn, dec("165.75"));
    assert_eq!(seg.value_bn, dec("497.25"));
}

#[test]
fn ev_sales_ignores_the_margin_for_value() {
    let s = scenario(vec![segment("ev", revenue("165.75"), "-100", Method::EvSales, "3")]);
    let seg = &value_of(&s).segments[0];
    assert_eq!(seg.profit_bn, dec("-165.75"));
    assert_eq!(seg.value_bn, dec("497.25"));
}

#[test]
fn loss_making_pe_segment_has_a_negative_value() {
    let s = scenario(vec![segment("a", revenue("50"), "-8", Method::Pe, "20")]);
    let v = value_of(&s);
    assert_eq!(v.segments[0].profit_bn, dec("-4"));
    assert_eq!(v.segments[0].value_bn, dec("-80"));
    assert_eq!(v.segments[0].per_share_listing, dec("-8"));
    assert_eq!(v.per_share_listing, dec("-8"));
    // (-8 / 10 - 1) x 100
    assert_eq!(v.upside_pct, dec("-180"));
}

#[test]
fn loss_making_ev_ebit_segment_has_a_negative_value() {
    let s = scenario(vec![segment("a", revenue("30"), "-10", Method::EvEbit, "12")]);
    assert_eq!(value_of(&s).segments[0].value_bn, dec("-36"));
}

#[test]
fn zero_multiple_gives_zero_value() {
    let s = scenario(vec![segment("a", revenue("30"), "10", Method::Pe, "0")]);
    let v = value_of(&s);
    assert_eq!(v.segments[0].value_bn, Decimal::ZERO);
    assert_eq!(v.per_share_listing, Decimal::ZERO);
    assert_eq!(v.upside_pct, dec("-100"));
    assert_eq!(v.share_of_total_pct(dec("1")), None);
}

#[test]
fn segments_add_up_to_the_sum_of_the_parts() {
    let s = scenario(vec![
        segment("pe", revenue("200"), "12.5", Method::Pe, "15"),
        segment("sales", revenue("165.75"), "5", Method::EvSales, "3"),
        segment("loss", revenue("50"), "-8", Method::Pe, "20"),
    ]);
    let v = value_of(&s);
    // 375 + 497.25 - 80
    assert_eq!(v.sum_bn, dec("792.25"));
    assert_eq!(v.equity_bn, dec("792.25"));
    let ids: Vec<&str> = v.segments.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(ids, ["pe", "sales", "loss"]);
    assert_eq!(v.segments[1].method, Method::EvSales);
    assert_eq!(v.segments[1].multiple, dec("3"));
    assert_eq!(v.segments[2].name, "Segment loss");
    assert_bridge_adds_up(&v);
}

// ---------------------------------------------------------------- group terms

/// One segment worth RMB 1,000bn, 20bn shares, HK$1.25 per RMB, price HK$50.
fn group_base() -> Scenario {
    let mut s = scenario(vec![segment("core", revenue("1000"), "10", Method::Pe, "10")]);
    s.shares_bn = dec("20");
    s.fx_listing_per_reporting = dec("1.25");
    s.price = dec("50");
    s
}

#[test]
fn without_group_terms_equity_is_the_sum_of_the_parts() {
    let v = value_of(&group_base());
    assert_eq!(v.sum_bn, dec("1000"));
    assert_eq!(v.equity_bn, dec("1000"));
    assert_eq!(v.shares_after_bn, dec("20"));
    assert_eq!(v.per_share, dec("50"));
    assert_eq!(v.per_share_listing, dec("62.5"));
    assert_eq!(v.upside_pct, dec("25"));
    assert_eq!(v.segments[0].per_share_listing, dec("62.5"));
    let terms: Vec<GroupTerm> = v.group_lines.iter().map(|l| l.term).collect();
    assert_eq!(terms, GroupTerm::ALL, "bridge order is the spec's");
    for l in &v.group_lines {
        assert_eq!(l.amount_bn, Decimal::ZERO, "{:?}", l.term);
        assert_eq!(l.per_share_listing, Decimal::ZERO, "{:?}", l.term);
    }
}

#[test]
fn holding_discount_takes_a_share_of_the_sum() {
    let mut s = group_base();
    s.holding_discount_pct = dec("15");
    let v = value_of(&s);
    assert_eq!(v.holding_discount_bn, dec("150"));
    assert_eq!(v.equity_bn, dec("850"));
    assert_eq!(v.shares_after_bn, dec("20"));
    assert_eq!(v.per_share, dec("42.5"));
    assert_eq!(v.per_share_listing, dec("53.125"));
    assert_eq!(v.upside_pct, dec("6.25"));
    assert_eq!(v.segments[0].per_share_listing, dec("62.5"));
    assert_eq!(line(&v, GroupTerm::HoldingDiscount), (dec("-150"), dec("-9.375")));
    assert_bridge_adds_up(&v);
}

#[test]
fn holding_discount_follows_the_formula_on_a_negative_sum() {
    // sum -1,000, discount 10%: holding_discount_bn = -100, equity = -900.
    let mut s = group_base();
    s.segments[0].margin_pct = dec("-10");
    s.holding_discount_pct = dec("10");
    let v = value_of(&s);
    assert_eq!(v.sum_bn, dec("-1000"));
    assert_eq!(v.holding_discount_bn, dec("-100"));
    assert_eq!(v.equity_bn, dec("-900"));
    assert_eq!(v.per_share_listing, dec("-56.25"));
    assert_eq!(v.upside_pct, dec("-212.5"));
    assert_eq!(line(&v, GroupTerm::HoldingDiscount), (dec("100"), dec("6.25")));
    assert_bridge_adds_up(&v);
}

#[test]
fn positive_net_cash_adds_to_equity() {
    let mut s = group_base();
    s.net_cash_bn = dec("200");
    let v = value_of(&s);
    assert_eq!(v.equity_bn, dec("1200"));
    assert_eq!(v.per_share, dec("60"));
    assert_eq!(v.per_share_listing, dec("75"));
    assert_eq!(v.upside_pct, dec("50"));
    assert_eq!(line(&v, GroupTerm::NetCash), (dec("200"), dec("12.5")));
    assert_bridge_adds_up(&v);
}

#[test]
fn negative_net_cash_is_net_debt_and_subtracts() {
    let mut s = group_base();
    s.net_cash_bn = dec("-300");
    let v = value_of(&s);
    assert_eq!(v.equity_bn, dec("700"));
    assert_eq!(v.per_share, dec("35"));
    assert_eq!(v.per_share_listing, dec("43.75"));
    assert_eq!(v.upside_pct, dec("-12.5"));
    assert_eq!(line(&v, GroupTerm::NetCash), (dec("-300"), dec("-18.75")));
    assert_bridge_adds_up(&v);
}

#[test]
fn investments_count_after_their_discount() {
    let mut s = group_base();
    s.investments_bn = dec("400");
    s.investments_discount_pct = dec("30");
    let v = value_of(&s);
    assert_eq!(v.investments_net_bn, dec("280"));
    assert_eq!(v.equity_bn, dec("1280"));
    assert_eq!(v.per_share, dec("64"));
    assert_eq!(v.per_share_listing, dec("80"));
    assert_eq!(v.upside_pct, dec("60"));
    assert_eq!(line(&v, GroupTerm::Investments), (dec("280"), dec("17.5")));
    assert_bridge_adds_up(&v);
}

#[test]
fn investments_without_discount_count_in_full() {
    let mut s = group_base();
    s.investments_bn = dec("400");
    let v = value_of(&s);
    assert_eq!(v.investments_net_bn, dec("400"));
    assert_eq!(v.equity_bn, dec("1400"));
    assert_eq!(line(&v, GroupTerm::Investments), (dec("400"), dec("25")));
}

#[test]
fn investments_discount_without_investments_changes_nothing() {
    let mut s = group_base();
    s.investments_discount_pct = dec("50");
    let v = value_of(&s);
    assert_eq!(v.investments_net_bn, Decimal::ZERO);
    assert_eq!(v.equity_bn, dec("1000"));
}

#[test]
fn positive_other_adds_to_equity() {
    let mut s = group_base();
    s.other_bn = dec("50");
    let v = value_of(&s);
    assert_eq!(v.equity_bn, dec("1050"));
    assert_eq!(v.per_share, dec("52.5"));
    assert_eq!(v.per_share_listing, dec("65.625"));
    assert_eq!(v.upside_pct, dec("31.25"));
    assert_eq!(line(&v, GroupTerm::Other), (dec("50"), dec("3.125")));
    assert_bridge_adds_up(&v);
}

#[test]
fn negative_other_claims_subtract() {
    let mut s = group_base();
    s.other_bn = dec("-120");
    let v = value_of(&s);
    assert_eq!(v.equity_bn, dec("880"));
    assert_eq!(v.per_share, dec("44"));
    assert_eq!(v.per_share_listing, dec("55"));
    assert_eq!(v.upside_pct, dec("10"));
    assert_eq!(line(&v, GroupTerm::Other), (dec("-120"), dec("-7.5")));
    assert_bridge_adds_up(&v);
}

#[test]
fn buybacks_retire_shares_at_the_price_and_spend_equity_at_fx() {
    // HK$500bn at HK$50 retires 10bn of 20bn shares and costs RMB 400bn.
    let mut s = group_base();
    s.buyback_listing_bn = dec("500");
    let v = value_of(&s);
    assert_eq!(v.shares_after_bn, dec("10"));
    assert_eq!(v.buyback_bn, dec("400"));
    assert_eq!(v.equity_bn, dec("600"));
    assert_eq!(v.per_share, dec("60"));
    assert_eq!(v.per_share_listing, dec("75"));
    assert_eq!(v.upside_pct, dec("50"));
    // Every line is per share before the buyback, 20bn shares: the
    // segment 1000 / 20 x 1.25 = 62.5, the cash -400 / 20 x 1.25 = -25, and
    // the shares retired give back 75 - 600 / 20 x 1.25 = 37.5: the value
    // rises, and the bridge says why.
    assert_eq!(v.segments[0].per_share_listing, dec("62.5"));
    assert_eq!(line(&v, GroupTerm::Buybacks), (dec("-400"), dec("-25")));
    assert_eq!(line(&v, GroupTerm::SharesRetired), (dec("0"), dec("37.5")));
    assert_bridge_adds_up(&v);
}

#[test]
fn buybacks_with_a_non_terminating_per_share() {
    // HK$100bn at HK$50 retires 2bn shares (18bn left) and costs RMB 80bn.
    let mut s = group_base();
    s.buyback_listing_bn = dec("100");
    let v = value_of(&s);
    assert_eq!(v.shares_after_bn, dec("18"));
    assert_eq!(v.buyback_bn, dec("80"));
    assert_eq!(v.equity_bn, dec("920"));
    assert_per_share(v.per_share, "51.11111111111111111111111111111111111111");
    assert_per_share(v.per_share_listing, "63.88888888888888888888888888888888888889");
    assert_close(v.upside_pct, "27.77777777777777777777777777777777777780", "0.005");
    // Per share before the buyback (20bn): 62.5 and -80 / 20 x 1.25 = -5;
    // the shares retired 63.888... - 920 / 20 x 1.25 = 6.388...
    assert_eq!(v.segments[0].per_share_listing, dec("62.5"));
    assert_eq!(line(&v, GroupTerm::Buybacks), (dec("-80"), dec("-5")));
    let (amount, per_share) = line(&v, GroupTerm::SharesRetired);
    assert_eq!(amount, dec("0"));
    assert_per_share(per_share, "6.388888888888888888888888888888888888889");
    assert_bridge_adds_up(&v);
}

#[test]
fn all_group_terms_together() {
    // holding 12.5%, net debt 150, investments 240 at 25% off, other -35,
    // HK$125bn of buybacks at HK$50 (2.5bn shares, RMB 100bn).
    let mut s = group_base();
    s.holding_discount_pct = dec("12.5");
    s.net_cash_bn = dec("-150");
    s.investments_bn = dec("240");
    s.investments_discount_pct = dec("25");
    s.other_bn = dec("-35");
    s.buyback_listing_bn = dec("125");
    let v = value_of(&s);
    assert_eq!(v.holding_discount_bn, dec("125"));
    assert_eq!(v.investments_net_bn, dec("180"));
    assert_eq!(v.buyback_bn, dec("100"));
    assert_eq!(v.shares_after_bn, dec("17.5"));
    assert_eq!(v.equity_bn, dec("770"));
    assert_eq!(v.per_share, dec("44"));
    assert_eq!(v.per_share_listing, dec("55"));
    assert_eq!(v.upside_pct, dec("10"));
    // Per share before the buyback, 20bn shares x 1.25: 62.5 - 7.8125 -
    // 9.375 + 11.25 - 2.1875 - 6.25 = 48.125, and the 2.5bn shares retired
    // give back 55 - 48.125 = 6.875.
    assert_eq!(v.segments[0].per_share_listing, dec("62.5"));
    let expected = [
        (GroupTerm::HoldingDiscount, "-125", "-7.8125"),
        (GroupTerm::NetCash, "-150", "-9.375"),
        (GroupTerm::Investments, "180", "11.25"),
        (GroupTerm::Other, "-35", "-2.1875"),
        (GroupTerm::Buybacks, "-100", "-6.25"),
        (GroupTerm::SharesRetired, "0", "6.875"),
    ];
    for (term, amount, per_share) in expected {
        let (a, p) = line(&v, term);
        assert_eq!(a, dec(amount), "{term:?}");
        assert_per_share(p, per_share);
    }
    assert_bridge_adds_up(&v);
}

#[test]
fn share_of_total_is_a_line_over_the_value_per_share() {
    let mut s = group_base();
    s.net_cash_bn = dec("200");
    let v = value_of(&s);
    // 62.5 / 75 and 12.5 / 75
    assert_close(
        v.share_of_total_pct(v.segments[0].per_share_listing).unwrap(),
        "83.33333333333333333333333333333333333333",
        "0.0000000000000000000001",
    );
    assert_close(
        v.share_of_total_pct(line(&v, GroupTerm::NetCash).1).unwrap(),
        "16.66666666666666666666666666666666666667",
        "0.0000000000000000000001",
    );
}

// ---------------------------------------------------------------- presets

struct SegmentExpectation {
    id: &'static str,
    revenue_bn: &'static str,
    value_bn: &'static str,
    per_share_listing: &'static str,
}

fn check_preset(
    preset: Preset,
    segments: [SegmentExpectation; 4],
    sum_bn: &str,
    per_share_listing: &str,
    upside_pct: &str,
) -> Valuation {
    let v = value_of(&preset.scenario());
    assert_eq!(v.growth_years, 1);
    assert_eq!(v.segments.len(), 4);
    for (got, want) in v.segments.iter().zip(&segments) {
        assert_eq!(got.id, want.id);
        assert_eq!(got.revenue_bn, dec(want.revenue_bn), "{} revenue", want.id);
        assert_eq!(got.value_bn, dec(want.value_bn), "{} value", want.id);
        assert_per_share(got.per_share_listing, want.per_share_listing);
    }
    assert_eq!(v.sum_bn, dec(sum_bn));
    // Presets carry no group terms.
    assert_eq!(v.equity_bn, dec(sum_bn));
    assert_eq!(v.shares_after_bn, dec("26.04"));
    for l in &v.group_lines {
        assert_eq!(l.per_share_listing, Decimal::ZERO, "{:?}", l.term);
    }
    assert_per_share(v.per_share_listing, per_share_listing);
    assert_close(v.upside_pct, upside_pct, "0.005");
    assert_bridge_adds_up(&v);
    v
}

#[test]
fn base_preset_is_about_55_49_a_share_and_37_6_pct_upside() {
    let v = check_preset(
        Preset::Base,
        [
            SegmentExpectation {
                id: "smartphones",
                revenue_bn: "175.967",
                value_bn: "154.85096",
                per_share_listing: "6.511589907834101382488479262672811059908",
            },
            SegmentExpectation {
                id: "iot",
                revenue_bn: "138.24",
                value_bn: "243.3024",
                per_share_listing: "10.23103410138248847926267281105990783410",
            },
            SegmentExpectation {
                id: "internet",
                revenue_bn: "40.176",
                value_bn: "424.25856",
                per_share_listing: "17.84036571428571428571428571428571428572",
            },
            SegmentExpectation {
                id: "ev",
                revenue_bn: "165.75",
                value_bn: "497.25",
                per_share_listing: "20.90970622119815668202764976958525345622",
            },
        ],
        "1319.66192",
        "55.49269594470046082949308755760368663595",
        "37.56245896058616963186189280516531144260",
    );
    assert_per_share(v.per_share, "50.67826113671274961597542242703533026114");
    assert_eq!(display::per_share(En, v.per_share_listing, "HKD"), "HK$55.49");
    assert_eq!(display::signed_pct(En, v.upside_pct), "+37.6%");
    assert_eq!(
        sotp::text::verdict(En, Some(Preset::Base), v.per_share_listing, dec("40.34"), v.upside_pct, "HKD"),
        "Base case: HK$55.49 a share, 37.6% above HK$40.34"
    );
    // EV is 497.25 / 1,319.66192 of the value.
    assert_close(
        v.share_of_total_pct(v.segments[3].per_share_listing).unwrap(),
        "37.68010521967626375094615142035772313563",
        "0.0000000000000000000001",
    );
}

#[test]
fn bear_preset_is_about_27_31_a_share_and_32_3_pct_downside() {
    let v = check_preset(
        Preset::Bear,
        [
            SegmentExpectation {
                id: "smartphones",
                revenue_bn: "160.65",
                value_bn: "72.2925",
                per_share_listing: "3.039949596774193548387096774193548387096",
            },
            SegmentExpectation {
                id: "iot",
                revenue_bn: "131.84",
                value_bn: "138.432",
                per_share_listing: "5.821161290322580645161290322580645161290",
            },
            SegmentExpectation {
                id: "internet",
                revenue_bn: "38.316",
                value_bn: "258.633",
                per_share_listing: "10.87569642857142857142857142857142857143",
            },
            SegmentExpectation {
                id: "ev",
                revenue_bn: "120",
                value_bn: "180",
                per_share_listing: "7.569124423963133640552995391705069124424",
            },
        ],
        "649.3575",
        "27.30593173963133640552995391705069124424",
        "-32.31053113626341991688162142525857401031",
    );
    assert_eq!(
        sotp::text::verdict(En, Some(Preset::Bear), v.per_share_listing, dec("40.34"), v.upside_pct, "HKD"),
        "Bear case: HK$27.31 a share, 32.3% below HK$40.34"
    );
}

#[test]
fn bull_preset_is_about_82_59_a_share_and_104_7_pct_upside() {
    let v = check_preset(
        Preset::Bull,
        [
            SegmentExpectation {
                id: "smartphones",
                revenue_bn: "195.5",
                value_bn: "263.925",
                per_share_listing: "11.09822868663594470046082949308755760368",
            },
            SegmentExpectation {
                id: "iot",
                revenue_bn: "147.2",
                value_bn: "357.696",
                per_share_listing: "15.04136405529953917050691244239631336406",
            },
            SegmentExpectation {
                id: "internet",
                revenue_bn: "41.664",
                value_bn: "562.464",
                per_share_listing: "23.652",
            },
            SegmentExpectation {
                id: "ev",
                revenue_bn: "208",
                value_bn: "780",
                per_share_listing: "32.79953917050691244239631336405529953917",
            },
        ],
        "1964.085",
        "82.59113191244239631336405529953917050691",
        "104.7375605167139224426476333652433577266",
    );
    // 562.464 / 26.04 x 1.095 terminates.
    assert_eq!(v.segments[2].per_share_listing, dec("23.652"));
    assert_eq!(
        sotp::text::verdict(En, Some(Preset::Bull), v.per_share_listing, dec("40.34"), v.upside_pct, "HKD"),
        "Bull case: HK$82.59 a share, 104.7% above HK$40.34"
    );
}

#[test]
fn presets_are_ordered_bear_base_bull_by_value() {
    let values: Vec<Decimal> =
        Preset::ALL.iter().map(|p| value_of(&p.scenario()).per_share_listing).collect();
    assert_eq!(Preset::ALL, [Preset::Bear, Preset::Base, Preset::Bull]);
    assert!(values[0] < values[1] && values[1] < values[2], "{values:?}");
}

#[test]
fn each_preset_matches_itself_and_no_other() {
    for p in Preset::ALL {
        assert_eq!(Preset::matching(&p.scenario()), Some(p), "{p:?}");
    }
}

#[test]
fn preset_matching_ignores_name_and_price_date() {
    let mut s = Preset::Bear.scenario();
    s.name = "My copy of Xiaomi Base".into();
    s.price_date = None;
    assert_eq!(Preset::matching(&s), Some(Preset::Bear));
}

#[test]
fn an_edited_segment_matches_no_preset() {
    let mut s = Preset::Base.scenario();
    s.segments[3].multiple = dec("3.01");
    assert_eq!(Preset::matching(&s), None);
    // Numerically equal decimals written differently still match.
    let mut s = Preset::Base.scenario();
    s.segments[3].multiple = dec("3.00");
    assert_eq!(Preset::matching(&s), Some(Preset::Base));
}

#[test]
fn an_edited_group_field_matches_no_preset() {
    let mut s = Preset::Bull.scenario();
    s.net_cash_bn = dec("236.7");
    assert_eq!(Preset::matching(&s), None);
    let mut s = Preset::Bull.scenario();
    s.price = dec("41.18");
    assert_eq!(Preset::matching(&s), None);
    let mut s = Preset::Bull.scenario();
    s.valuation_year = 2027;
    assert_eq!(Preset::matching(&s), None);
}

#[test]
fn a_scenario_mixing_presets_matches_none() {
    let mut s = Preset::Base.scenario();
    s.segments[3] = Preset::Bull.scenario().segments[3].clone();
    assert_eq!(Preset::matching(&s), None);
}
