//! Every rule of docs/valuation-model.md, one test each: the issue names the
//! field by its path in the file and states the rule broken.
// Tests may unwrap, expect, panic and index: a failure is the test failing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable
)]

mod common;

use common::{dec, four_segments, revenue, scenario, segment};
use rust_decimal::Decimal;
use sotp::model::validate::{check_field, MAX_SEGMENTS, MAX_YEARS};
use sotp::model::valuation::value;
use sotp::model::{evaluate, validate, Driver, Field, Issue, Method, Scenario, SegmentField};
use sotp::text::subject;
use sotp::text::{Lang::En, Say};

/// The issues `change` causes on a valid four-segment scenario.
fn issues_after(change: impl FnOnce(&mut Scenario)) -> Vec<Issue> {
    let mut s = four_segments();
    assert_eq!(validate(&s), [], "the starting scenario is valid");
    change(&mut s);
    let issues = validate(&s);
    if !issues.is_empty() {
        // evaluate refuses what validate refuses, with the same issues.
        assert_eq!(evaluate(&s).err(), Some(issues.clone()));
    }
    issues
}

#[track_caller]
fn assert_one_issue(issues: &[Issue], path: &str, problem: &str) -> Issue {
    assert_eq!(issues.len(), 1, "expected one issue, got {issues:#?}");
    assert_eq!(issues[0].path, path);
    assert_eq!(issues[0].problem.say(En), problem);
    issues[0].clone()
}

#[track_caller]
fn assert_field_issue(issues: &[Issue], field: Field, problem: &str) {
    let issue = assert_one_issue(issues, &field.json_path(), problem);
    assert_eq!(issue.field(), Some(field));
}

#[track_caller]
fn assert_valid(issues: &[Issue]) {
    assert_eq!(issues, [], "expected no issue");
}

fn seg(i: usize, f: SegmentField) -> Field {
    Field::Segment(i, f)
}

const POSITIVE: &str = "must be more than 0";
const NON_NEGATIVE: &str = "must be 0 or more";
const DISCOUNT: &str = "must be 0 or more and less than 100";
const MARGIN: &str = "must be between -100 and 100";
const GROWTH: &str = "must be more than -100";
const CURRENCY: &str = "must be a 3-letter ISO 4217 code in capitals, like RMB or HKD";
const SEGMENT_ID: &str = "must be 1 to 32 of a-z, 0-9, _ and -";

// ---------------------------------------------------------------- name

#[test]
fn empty_name_is_refused() {
    let issues = issues_after(|s| s.name = String::new());
    let issue = assert_one_issue(&issues, "name", "must be 1 to 80 characters (found 0)");
    assert_eq!(subject(En, &issue), "Scenario name");
    assert_eq!(issue.field(), None);
}

#[test]
fn whitespace_only_name_is_refused() {
    let issues = issues_after(|s| s.name = " \t  \n".into());
    assert_one_issue(&issues, "name", "must be 1 to 80 characters (found 0)");
}

#[test]
fn name_of_81_characters_is_refused() {
    let issues = issues_after(|s| s.name = "x".repeat(81));
    assert_one_issue(&issues, "name", "must be 1 to 80 characters (found 81)");
}

#[test]
fn name_of_80_characters_is_accepted() {
    assert_valid(&issues_after(|s| s.name = "x".repeat(80)));
}

#[test]
fn name_of_one_character_is_accepted() {
    assert_valid(&issues_after(|s| s.name = "x".into()));
}

#[test]
fn name_length_is_counted_after_trimming() {
    assert_valid(&issues_after(|s| {
        s.name = format!("   {}   ", "x".repeat(80));
    }));
}

#[test]
fn name_length_is_counted_in_characters_not_bytes() {
    // 80 CJK characters are 240 bytes of UTF-8.
    assert_valid(&issues_after(|s| s.name = "小".repeat(80)));
    let issues = issues_after(|s| s.name = "小".repeat(81));
    assert_one_issue(&issues, "name", "must be 1 to 80 characters (found 81)");
}

// ---------------------------------------------------------------- currencies

#[test]
fn lowercase_currency_code_is_refused() {
    let issues = issues_after(|s| s.listing_currency = "hkd".into());
    let issue = assert_one_issue(&issues, "listing_currency", CURRENCY);
    assert_eq!(subject(En, &issue), "Listing currency");
}

#[test]
fn two_letter_currency_code_is_refused() {
    let issues = issues_after(|s| s.reporting_currency = "HK".into());
    let issue = assert_one_issue(&issues, "reporting_currency", CURRENCY);
    assert_eq!(subject(En, &issue), "Reporting currency");
}

#[test]
fn four_letter_currency_code_is_refused() {
    let issues = issues_after(|s| s.listing_currency = "HKDD".into());
    assert_one_issue(&issues, "listing_currency", CURRENCY);
}

#[test]
fn currency_code_with_digits_or_non_ascii_letters_is_refused() {
    let issues = issues_after(|s| s.listing_currency = "HK1".into());
    assert_one_issue(&issues, "listing_currency", CURRENCY);
    let issues = issues_after(|s| s.listing_currency = "ÄBC".into());
    assert_one_issue(&issues, "listing_currency", CURRENCY);
}

#[test]
fn any_three_capital_letters_are_a_currency_code() {
    assert_valid(&issues_after(|s| {
        s.reporting_currency = "USD".into();
        s.listing_currency = "EUR".into();
    }));
}

// ---------------------------------------------------------------- fx, price, shares

#[test]
fn zero_fx_is_refused() {
    let issues = issues_after(|s| s.fx_listing_per_reporting = Decimal::ZERO);
    assert_field_issue(&issues, Field::Fx, POSITIVE);
    assert_eq!(issues[0].path, "fx_listing_per_reporting");
    assert_eq!(subject(En, &issues[0]), "FX, HKD per RMB");
}

#[test]
fn negative_fx_is_refused() {
    let issues = issues_after(|s| s.fx_listing_per_reporting = dec("-1.095"));
    assert_field_issue(&issues, Field::Fx, POSITIVE);
}

#[test]
fn tiny_positive_fx_is_accepted() {
    assert_valid(&issues_after(|s| s.fx_listing_per_reporting = dec("0.0001")));
}

#[test]
fn zero_price_is_refused() {
    let issues = issues_after(|s| s.price = Decimal::ZERO);
    assert_field_issue(&issues, Field::Price, POSITIVE);
    assert_eq!(issues[0].path, "price");
    assert_eq!(subject(En, &issues[0]), "Price, HK$");
    assert_eq!(issues[0].say(En), "Price, HK$: must be more than 0");
}

#[test]
fn negative_price_is_refused() {
    let issues = issues_after(|s| s.price = dec("-40.34"));
    assert_field_issue(&issues, Field::Price, POSITIVE);
}

#[test]
fn zero_shares_are_refused() {
    let issues = issues_after(|s| s.shares_bn = Decimal::ZERO);
    assert_field_issue(&issues, Field::SharesBn, POSITIVE);
    assert_eq!(issues[0].path, "shares_bn");
}

#[test]
fn negative_shares_are_refused() {
    let issues = issues_after(|s| s.shares_bn = dec("-26.04"));
    assert_field_issue(&issues, Field::SharesBn, POSITIVE);
}

// ---------------------------------------------------------------- years

#[test]
fn valuation_year_before_base_year_is_refused() {
    let issues = issues_after(|s| {
        s.base_year = 2026;
        s.valuation_year = 2025;
    });
    assert_field_issue(&issues, Field::ValuationYear, "must not be before the base year");
    assert_eq!(issues[0].path, "valuation_year");
}

#[test]
fn valuation_year_equal_to_base_year_is_accepted() {
    assert_valid(&issues_after(|s| s.valuation_year = s.base_year));
}

#[test]
fn valuation_year_more_than_ten_years_out_is_refused() {
    let issues = issues_after(|s| s.valuation_year = s.base_year + 11);
    assert_field_issue(&issues, Field::ValuationYear, "must be at most 10 years after the base year");
}

#[test]
fn valuation_year_exactly_ten_years_out_is_accepted() {
    assert_eq!(MAX_YEARS, 10);
    assert_valid(&issues_after(|s| s.valuation_year = s.base_year + 10));
}

#[test]
fn extreme_years_are_refused_without_overflow() {
    let issues = issues_after(|s| {
        s.base_year = i32::MIN;
        s.valuation_year = i32::MAX;
    });
    assert_field_issue(&issues, Field::ValuationYear, "must be at most 10 years after the base year");
    let issues = issues_after(|s| {
        s.base_year = i32::MAX;
        s.valuation_year = i32::MIN;
    });
    assert_field_issue(&issues, Field::ValuationYear, "must not be before the base year");
}

// ---------------------------------------------------------------- segments

#[test]
fn no_segments_is_refused() {
    let issues = issues_after(|s| s.segments.clear());
    let issue = assert_one_issue(&issues, "segments", "must be 1 to 12 segments (found 0)");
    assert_eq!(issue.field(), None);
}

#[test]
fn thirteen_segments_are_refused() {
    let issues = issues_after(|s| {
        s.segments =
            (0..13).map(|i| segment(&format!("s{i}"), revenue("1"), "10", Method::Pe, "10")).collect();
    });
    assert_one_issue(&issues, "segments", "must be 1 to 12 segments (found 13)");
}

#[test]
fn one_and_twelve_segments_are_accepted() {
    assert_eq!(MAX_SEGMENTS, 12);
    assert_valid(&issues_after(|s| s.segments.truncate(1)));
    assert_valid(&issues_after(|s| {
        s.segments =
            (0..12).map(|i| segment(&format!("s{i}"), revenue("1"), "10", Method::Pe, "10")).collect();
    }));
}

#[test]
fn duplicate_segment_ids_are_refused_on_the_second() {
    let issues = issues_after(|s| s.segments[2].id = "iot".into());
    let issue =
        assert_one_issue(&issues, "segments[2].id", "\"iot\" is used by another segment; ids must be unique");
    assert_eq!(subject(En, &issue), "Internet id");
}

#[test]
fn uppercase_segment_id_is_refused() {
    let issues = issues_after(|s| s.segments[3].id = "EV".into());
    let issue = assert_one_issue(&issues, "segments[3].id", SEGMENT_ID);
    assert_eq!(subject(En, &issue), "Smart EV id");
}

#[test]
fn segment_id_with_a_space_is_refused() {
    let issues = issues_after(|s| s.segments[3].id = "smart ev".into());
    assert_one_issue(&issues, "segments[3].id", SEGMENT_ID);
}

#[test]
fn segment_id_of_33_characters_is_refused() {
    let issues = issues_after(|s| s.segments[0].id = "a".repeat(33));
    assert_one_issue(&issues, "segments[0].id", SEGMENT_ID);
}

#[test]
fn empty_segment_id_is_refused() {
    let issues = issues_after(|s| s.segments[0].id = String::new());
    assert_one_issue(&issues, "segments[0].id", SEGMENT_ID);
}

#[test]
fn segment_id_with_other_punctuation_is_refused() {
    for id in ["smart.ev", "ev/1", "é", "ev\n"] {
        let issues = issues_after(|s| s.segments[0].id = id.into());
        assert_one_issue(&issues, "segments[0].id", SEGMENT_ID);
    }
}

#[test]
fn segment_id_of_32_allowed_characters_is_accepted() {
    assert_valid(&issues_after(|s| {
        s.segments[0].id = "abcdefghijklmnopqrstuvwxyz0189_-".into();
    }));
    assert_valid(&issues_after(|s| s.segments[0].id = "x".into()));
}

#[test]
fn empty_segment_name_is_refused() {
    let issues = issues_after(|s| s.segments[1].name = String::new());
    let issue = assert_one_issue(&issues, "segments[1].name", "must be 1 to 60 characters (found 0)");
    assert_eq!(subject(En, &issue), "Segment 2 name");
}

#[test]
fn segment_name_of_61_characters_is_refused() {
    let issues = issues_after(|s| s.segments[1].name = "n".repeat(61));
    assert_one_issue(&issues, "segments[1].name", "must be 1 to 60 characters (found 61)");
}

#[test]
fn segment_name_of_60_characters_is_accepted() {
    assert_valid(&issues_after(|s| s.segments[1].name = "n".repeat(60)));
}

// ---------------------------------------------------------------- margin, multiple

#[test]
fn margin_of_150_is_refused() {
    let issues = issues_after(|s| s.segments[0].margin_pct = dec("150"));
    assert_field_issue(&issues, seg(0, SegmentField::MarginPct), MARGIN);
    assert_eq!(issues[0].path, "segments[0].margin_pct");
    assert_eq!(subject(En, &issues[0]), "Net margin, % (Phones)");
}

#[test]
fn margin_just_below_minus_100_is_refused() {
    let issues = issues_after(|s| s.segments[0].margin_pct = dec("-100.1"));
    assert_field_issue(&issues, seg(0, SegmentField::MarginPct), MARGIN);
}

#[test]
fn margin_just_above_100_is_refused() {
    let issues = issues_after(|s| s.segments[0].margin_pct = dec("100.0001"));
    assert_field_issue(&issues, seg(0, SegmentField::MarginPct), MARGIN);
}

#[test]
fn margin_of_100_and_minus_100_are_accepted() {
    assert_valid(&issues_after(|s| s.segments[0].margin_pct = dec("100")));
    assert_valid(&issues_after(|s| s.segments[0].margin_pct = dec("-100")));
}

#[test]
fn negative_multiple_is_refused() {
    let issues = issues_after(|s| s.segments[2].multiple = dec("-0.5"));
    assert_field_issue(&issues, seg(2, SegmentField::Multiple), NON_NEGATIVE);
    assert_eq!(issues[0].path, "segments[2].multiple");
}

#[test]
fn zero_multiple_is_accepted() {
    assert_valid(&issues_after(|s| s.segments[2].multiple = Decimal::ZERO));
}

// ---------------------------------------------------------------- drivers

#[test]
fn negative_units_are_refused() {
    let issues =
        issues_after(|s| s.segments[3].driver = Driver::Units { units: dec("-1"), asp: dec("255000") });
    assert_field_issue(&issues, seg(3, SegmentField::Units), NON_NEGATIVE);
    assert_eq!(issues[0].path, "segments[3].driver.units");
    assert_eq!(issues[0].say(En), "EV deliveries (Smart EV): must be 0 or more");
}

#[test]
fn negative_asp_is_refused_for_units_and_units_growth() {
    let issues =
        issues_after(|s| s.segments[3].driver = Driver::Units { units: dec("650000"), asp: dec("-1") });
    assert_field_issue(&issues, seg(3, SegmentField::Asp), NON_NEGATIVE);
    assert_eq!(issues[0].path, "segments[3].driver.asp");
    let issues = issues_after(|s| {
        s.segments[0].driver =
            Driver::UnitsGrowth { base_units: dec("100000000"), growth_pct: dec("5"), asp: dec("-0.01") }
    });
    assert_field_issue(&issues, seg(0, SegmentField::Asp), NON_NEGATIVE);
}

#[test]
fn negative_base_units_are_refused() {
    let issues = issues_after(|s| {
        s.segments[0].driver =
            Driver::UnitsGrowth { base_units: dec("-100"), growth_pct: dec("5"), asp: dec("1000") }
    });
    assert_field_issue(&issues, seg(0, SegmentField::BaseUnits), NON_NEGATIVE);
    assert_eq!(issues[0].path, "segments[0].driver.base_units");
}

#[test]
fn negative_revenue_is_refused() {
    let issues = issues_after(|s| s.segments[2].driver = Driver::Revenue { revenue_bn: dec("-40") });
    assert_field_issue(&issues, seg(2, SegmentField::RevenueBn), NON_NEGATIVE);
    assert_eq!(issues[0].path, "segments[2].driver.revenue_bn");
}

#[test]
fn negative_base_revenue_is_refused() {
    let issues = issues_after(|s| {
        s.segments[1].driver = Driver::RevenueGrowth { base_revenue_bn: dec("-1"), growth_pct: dec("8") }
    });
    assert_field_issue(&issues, seg(1, SegmentField::BaseRevenueBn), NON_NEGATIVE);
    assert_eq!(issues[0].path, "segments[1].driver.base_revenue_bn");
}

#[test]
fn zero_driver_amounts_are_accepted() {
    assert_valid(&issues_after(|s| {
        s.segments[0].driver =
            Driver::UnitsGrowth { base_units: Decimal::ZERO, growth_pct: dec("5"), asp: Decimal::ZERO };
        s.segments[1].driver = Driver::RevenueGrowth { base_revenue_bn: Decimal::ZERO, growth_pct: dec("8") };
        s.segments[2].driver = Driver::Revenue { revenue_bn: Decimal::ZERO };
        s.segments[3].driver = Driver::Units { units: Decimal::ZERO, asp: Decimal::ZERO };
    }));
}

#[test]
fn growth_of_minus_100_is_refused_for_units_growth() {
    let issues = issues_after(|s| {
        s.segments[0].driver =
            Driver::UnitsGrowth { base_units: dec("100000000"), growth_pct: dec("-100"), asp: dec("1000") }
    });
    assert_field_issue(&issues, seg(0, SegmentField::GrowthPct), GROWTH);
    assert_eq!(issues[0].path, "segments[0].driver.growth_pct");
}

#[test]
fn growth_of_minus_100_is_refused_for_revenue_growth() {
    let issues = issues_after(|s| {
        s.segments[1].driver = Driver::RevenueGrowth { base_revenue_bn: dec("100"), growth_pct: dec("-100") }
    });
    assert_field_issue(&issues, seg(1, SegmentField::GrowthPct), GROWTH);
    assert_eq!(issues[0].path, "segments[1].driver.growth_pct");
}

#[test]
fn growth_of_minus_99_9_is_accepted() {
    assert_valid(&issues_after(|s| {
        s.segments[1].driver = Driver::RevenueGrowth { base_revenue_bn: dec("100"), growth_pct: dec("-99.9") }
    }));
}

#[test]
fn large_positive_growth_is_accepted() {
    assert_valid(&issues_after(|s| {
        s.segments[1].driver = Driver::RevenueGrowth { base_revenue_bn: dec("100"), growth_pct: dec("500") }
    }));
}

// ---------------------------------------------------------------- group terms

#[test]
fn negative_investments_are_refused() {
    let issues = issues_after(|s| s.investments_bn = dec("-62.1"));
    assert_field_issue(&issues, Field::InvestmentsBn, NON_NEGATIVE);
    assert_eq!(issues[0].path, "investments_bn");
}

#[test]
fn investments_discount_of_100_is_refused() {
    let issues = issues_after(|s| s.investments_discount_pct = dec("100"));
    assert_field_issue(&issues, Field::InvestmentsDiscountPct, DISCOUNT);
    assert_eq!(issues[0].path, "investments_discount_pct");
}

#[test]
fn holding_discount_of_100_is_refused() {
    let issues = issues_after(|s| s.holding_discount_pct = dec("100"));
    assert_field_issue(&issues, Field::HoldingDiscountPct, DISCOUNT);
    assert_eq!(issues[0].path, "holding_discount_pct");
}

#[test]
fn negative_discounts_are_refused() {
    let issues = issues_after(|s| s.holding_discount_pct = dec("-0.01"));
    assert_field_issue(&issues, Field::HoldingDiscountPct, DISCOUNT);
    let issues = issues_after(|s| s.investments_discount_pct = dec("-5"));
    assert_field_issue(&issues, Field::InvestmentsDiscountPct, DISCOUNT);
}

#[test]
fn discounts_of_99_99_and_0_are_accepted() {
    assert_valid(&issues_after(|s| {
        s.holding_discount_pct = dec("99.99");
        s.investments_discount_pct = dec("99.99");
        s.investments_bn = dec("10");
    }));
    assert_valid(&issues_after(|s| {
        s.holding_discount_pct = Decimal::ZERO;
        s.investments_discount_pct = Decimal::ZERO;
    }));
}

#[test]
fn net_cash_and_other_take_any_sign() {
    assert_valid(&issues_after(|s| {
        s.net_cash_bn = dec("-500");
        s.other_bn = dec("-20");
    }));
    assert_valid(&issues_after(|s| {
        s.net_cash_bn = dec("236.7");
        s.other_bn = dec("20");
    }));
}

#[test]
fn negative_buyback_is_refused() {
    let issues = issues_after(|s| s.buyback_listing_bn = dec("-2.3"));
    assert_field_issue(&issues, Field::BuybackListingBn, NON_NEGATIVE);
    assert_eq!(issues[0].path, "buyback_listing_bn");
    assert_eq!(subject(En, &issues[0]), "Planned buybacks, HK$ bn");
}

const RETIRES_ALL: &str = "would retire every share at this price (must buy back less than shares x price)";

#[test]
fn buyback_retiring_exactly_every_share_is_refused() {
    // 26.04bn shares x HK$40.34 = HK$1,050.4536bn
    let issues = issues_after(|s| s.buyback_listing_bn = dec("1050.4536"));
    assert_field_issue(&issues, Field::BuybackListingBn, RETIRES_ALL);
}

#[test]
fn buyback_retiring_more_than_every_share_is_refused() {
    let issues = issues_after(|s| s.buyback_listing_bn = dec("2000"));
    assert_field_issue(&issues, Field::BuybackListingBn, RETIRES_ALL);
}

#[test]
fn buyback_leaving_some_shares_is_accepted() {
    assert_valid(&issues_after(|s| s.buyback_listing_bn = dec("1050.45")));
    assert_valid(&issues_after(|s| s.buyback_listing_bn = dec("2.3")));
}

#[test]
fn price_date_must_be_an_iso_date_when_given() {
    let issues = issues_after(|s| s.price_date = Some("25 Nov 2025".into()));
    assert_one_issue(&issues, "price_date", "must be a date written YYYY-MM-DD");
    assert_valid(&issues_after(|s| s.price_date = None));
    assert_valid(&issues_after(|s| s.price_date = Some("2025-11-25".into())));
}

// ---------------------------------------------------------------- all together

#[test]
fn every_problem_is_reported_at_once() {
    let issues = issues_after(|s| {
        s.name = String::new();
        s.price = Decimal::ZERO;
        s.segments[0].margin_pct = dec("150");
        s.segments[3].driver = Driver::Units { units: dec("-1"), asp: dec("255000") };
        s.segments[3].id = "iot".into();
    });
    let paths: Vec<&str> = issues.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(
        paths,
        ["name", "price", "segments[0].margin_pct", "segments[3].driver.units", "segments[3].id",]
    );
}

#[test]
fn evaluate_refuses_an_invalid_scenario() {
    let mut s = four_segments();
    s.shares_bn = Decimal::ZERO;
    s.segments[1].multiple = dec("-1");
    let issues = evaluate(&s).expect_err("invalid scenario");
    let paths: Vec<&str> = issues.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(paths, ["shares_bn", "segments[1].multiple"]);
}

// ---------------------------------------------------------------- overflow

#[track_caller]
fn assert_too_large(s: &Scenario, field: Field) -> Issue {
    assert_valid(&validate(s));
    let issues = evaluate(s).expect_err("the arithmetic overflows");
    let issue = assert_one_issue(&issues, &field.json_path(), "is too large to compute with");
    assert_eq!(issue.field(), Some(field));
    issue
}

#[test]
fn huge_units_overflow_to_an_issue_naming_the_units() {
    let issue = assert_too_large(
        &four_segments_with(|s| {
            s.segments[3].driver =
                Driver::Units { units: dec("1000000000000000000000000000"), asp: dec("255000") }
        }),
        seg(3, SegmentField::Units),
    );
    assert_eq!(issue.path, "segments[3].driver.units");
    assert_eq!(issue.say(En), "EV deliveries (Smart EV): is too large to compute with");
}

#[test]
fn huge_base_units_overflow_to_an_issue_naming_them() {
    assert_too_large(
        &four_segments_with(|s| {
            s.segments[0].driver = Driver::UnitsGrowth {
                base_units: dec("79000000000000000000000000000"),
                growth_pct: dec("10"),
                asp: dec("1"),
            }
        }),
        seg(0, SegmentField::BaseUnits),
    );
}

#[test]
fn huge_growth_overflows_to_an_issue_naming_the_growth() {
    let mut s = four_segments_with(|s| {
        s.segments[1].driver =
            Driver::RevenueGrowth { base_revenue_bn: dec("1"), growth_pct: dec("1000000000000000000000000") }
    });
    s.valuation_year = s.base_year + 10;
    assert_too_large(&s, seg(1, SegmentField::GrowthPct));
}

#[test]
fn huge_base_revenue_overflows_to_an_issue_naming_it() {
    assert_too_large(
        &four_segments_with(|s| {
            s.segments[1].driver = Driver::RevenueGrowth {
                base_revenue_bn: dec("79000000000000000000000000000"),
                growth_pct: dec("10"),
            }
        }),
        seg(1, SegmentField::BaseRevenueBn),
    );
}

#[test]
fn huge_values_overflowing_the_sum_name_a_multiple() {
    let s = scenario(vec![
        segment("a", revenue("50000000000000000000000000000"), "0", Method::EvSales, "1"),
        segment("b", revenue("50000000000000000000000000000"), "0", Method::EvSales, "1"),
    ]);
    assert_too_large(&s, seg(1, SegmentField::Multiple));
}

#[test]
fn huge_net_cash_overflows_to_an_issue_naming_it() {
    let mut s = scenario(vec![segment("a", revenue("1000"), "10", Method::EvSales, "1")]);
    s.net_cash_bn = dec("79228162514264337593543950000");
    assert_too_large(&s, Field::NetCashBn);
}

#[test]
fn huge_value_per_share_overflows_instead_of_panicking() {
    let mut s =
        scenario(vec![segment("a", revenue("70000000000000000000000000000"), "0", Method::EvSales, "1")]);
    s.shares_bn = dec("0.5");
    assert_too_large(&s, seg(0, SegmentField::Multiple));
}

#[test]
fn huge_revenue_times_margin_overflows_to_an_issue_naming_the_margin() {
    // revenue x margin is formed before dividing by 100.
    let s =
        scenario(vec![segment("a", revenue("50000000000000000000000000000"), "10", Method::EvSales, "1")]);
    assert_too_large(&s, seg(0, SegmentField::MarginPct));
}

fn four_segments_with(change: impl FnOnce(&mut Scenario)) -> Scenario {
    let mut s = four_segments();
    change(&mut s);
    s
}

#[test]
fn value_without_validation_refuses_extreme_years_instead_of_panicking() {
    // `value` is public; the difference of two i32 years overflows an i32.
    let mut s = four_segments();
    s.base_year = i32::MIN;
    s.valuation_year = i32::MAX;
    let issue = value(&s).expect_err("too many years");
    assert_eq!(issue.path, "valuation_year");
    assert_eq!(issue.problem.say(En), "must be at most 10 years after the base year");
    s.base_year = i32::MAX;
    s.valuation_year = i32::MIN;
    let issue = value(&s).expect_err("before the base year");
    assert_eq!(issue.path, "valuation_year");
    assert_eq!(issue.problem.say(En), "must not be before the base year");
}

#[test]
fn value_without_validation_does_not_compound_over_a_billion_years() {
    let mut s = four_segments();
    s.base_year = 0;
    s.valuation_year = 1_000_000_000;
    let issue = value(&s).expect_err("too many years");
    assert_eq!(issue.problem.say(En), "must be at most 10 years after the base year");
}

// ---------------------------------------------------------------- field check

#[test]
fn check_field_applies_each_fields_rule() {
    assert_eq!(check_field(Field::Price, dec("0")).map_err(|p| p.say(En)), Err(POSITIVE.to_string()));
    assert_eq!(check_field(Field::Price, dec("0.01")).map_err(|p| p.say(En)), Ok(()));
    assert_eq!(check_field(Field::NetCashBn, dec("-1000")).map_err(|p| p.say(En)), Ok(()));
    assert_eq!(check_field(Field::OtherBn, dec("-1000")).map_err(|p| p.say(En)), Ok(()));
    assert_eq!(
        check_field(Field::InvestmentsBn, dec("-1")).map_err(|p| p.say(En)),
        Err(NON_NEGATIVE.to_string())
    );
    assert_eq!(
        check_field(Field::HoldingDiscountPct, dec("100")).map_err(|p| p.say(En)),
        Err(DISCOUNT.to_string())
    );
    assert_eq!(check_field(seg(0, SegmentField::MarginPct), dec("-100")).map_err(|p| p.say(En)), Ok(()));
    assert_eq!(
        check_field(seg(0, SegmentField::GrowthPct), dec("-100")).map_err(|p| p.say(En)),
        Err(GROWTH.to_string())
    );
    assert_eq!(
        check_field(seg(0, SegmentField::Multiple), dec("-1")).map_err(|p| p.say(En)),
        Err(NON_NEGATIVE.to_string())
    );
    assert_eq!(
        check_field(Field::BaseYear, dec("2025.5")).map_err(|p| p.say(En)),
        Err("must be a whole year".to_string())
    );
}

#[test]
fn every_numeric_field_has_a_distinct_path() {
    let s = four_segments();
    let fields = Field::all(&s);
    // 11 group fields + (3 + 2) + (2 + 2) + (1 + 2) + (2 + 2) segment fields.
    assert_eq!(fields.len(), 11 + 5 + 4 + 3 + 4);
    let mut paths: Vec<String> = fields.iter().map(|f| f.json_path()).collect();
    paths.sort();
    paths.dedup();
    assert_eq!(paths.len(), fields.len());
    for f in fields {
        assert!(f.get(&s).is_some(), "{f:?} reads");
    }
}
