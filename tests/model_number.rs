//! Number parsing beyond the unit tests in crates/core/src/model/number.rs: edges of
//! size and precision, signs, whitespace and the text people paste.
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
use rust_decimal::Decimal;
use sotp::model::{parse_decimal, parse_integer, parse_typed, parse_typed_integer, NumberError, NumberStyle};
use sotp::text::{Lang::En, Say};

#[test]
fn surrounding_whitespace_of_any_kind_is_ignored() {
    assert_eq!(parse_decimal("\t40.34\n"), Ok(dec("40.34")));
    assert_eq!(parse_decimal("\u{a0}40.34\u{3000}"), Ok(dec("40.34")));
}

#[test]
fn whitespace_inside_a_number_is_refused() {
    assert_eq!(parse_decimal("1 234"), Err(NumberError::NotANumber));
    assert_eq!(parse_decimal("- 5"), Err(NumberError::NotANumber));
    assert_eq!(parse_decimal("1 e5"), Err(NumberError::NotANumber));
}

#[test]
fn exponents_take_a_sign_and_either_case() {
    assert_eq!(parse_decimal("1.5e+3"), Ok(dec("1500")));
    assert_eq!(parse_decimal("1.5E3"), Ok(dec("1500")));
    assert_eq!(parse_decimal("-.5e-2"), Ok(dec("-0.005")));
    assert_eq!(parse_decimal("+2.5E+0"), Ok(dec("2.5")));
    assert_eq!(parse_decimal("1e0010"), Ok(dec("10000000000")));
}

#[test]
fn malformed_exponents_are_refused() {
    for text in ["e5", "1e+", "1e-", "1ee5", "1e5.5", "1e5e5", "1e00001"] {
        assert_eq!(parse_decimal(text), Err(NumberError::NotANumber), "{text:?}");
    }
}

#[test]
fn other_notations_are_not_numbers() {
    for text in [
        "0x10",
        "1_000",
        "Infinity",
        "-inf",
        "+-1",
        "1-",
        "1+1",
        "(5)",
        "$40",
        "HK$40.34",
        "\u{2212}5",
        "４０",
        "1/2",
        "true",
    ] {
        assert_eq!(parse_decimal(text), Err(NumberError::NotANumber), "{text:?}");
    }
}

#[test]
fn a_trailing_percent_sign_is_named_whatever_comes_before_it() {
    assert_eq!(parse_decimal("12 %"), Err(NumberError::PercentSign));
    assert_eq!(parse_decimal("-5.9%"), Err(NumberError::PercentSign));
    assert_eq!(parse_decimal("%"), Err(NumberError::PercentSign));
    assert_eq!(parse_decimal("%12"), Err(NumberError::NotANumber));
}

#[test]
fn signed_numbers_with_thousands_separators_are_named() {
    assert_eq!(parse_decimal("-1,234.5"), Err(NumberError::ThousandsSeparator));
    assert_eq!(parse_decimal("+650,000"), Err(NumberError::ThousandsSeparator));
    assert_eq!(parse_decimal("1,000,000"), Err(NumberError::ThousandsSeparator));
    assert_eq!(parse_decimal("1,000 cars"), Err(NumberError::NotANumber));
}

#[test]
fn the_largest_decimal_is_accepted_and_one_more_is_too_large() {
    assert_eq!(parse_decimal("79228162514264337593543950335"), Ok(Decimal::MAX));
    assert_eq!(parse_decimal("-79228162514264337593543950335"), Ok(Decimal::MIN));
    assert_eq!(parse_decimal("79228162514264337593543950336"), Err(NumberError::TooLarge));
    assert_eq!(parse_decimal("8e28"), Err(NumberError::TooLarge));
    assert_eq!(parse_decimal("1e28"), Ok(dec("10000000000000000000000000000")));
}

#[test]
fn twenty_eight_decimal_places_are_kept_exactly() {
    assert_eq!(parse_decimal("1.2345678901234567890123456789"), Ok(dec("1.2345678901234567890123456789")));
    assert_eq!(parse_decimal("1e-28"), Ok(dec("0.0000000000000000000000000001")));
}

#[test]
fn more_than_twenty_eight_decimal_places_are_refused_not_rounded() {
    assert!(parse_decimal("0.00000000000000000000000000001").is_err());
    assert!(parse_decimal("1e-29").is_err());
    assert!(parse_decimal("1.23456789012345678901234567891").is_err());
}

#[test]
fn trailing_zeros_are_dropped_and_minus_zero_is_zero() {
    assert_eq!(parse_decimal("3.00").unwrap().to_string(), "3");
    assert_eq!(parse_decimal("40.340").unwrap().to_string(), "40.34");
    assert_eq!(parse_decimal("1.5e3").unwrap().to_string(), "1500");
    let zero = parse_decimal("-0.0").unwrap();
    assert!(zero.is_zero());
    assert!(zero.is_sign_positive());
    assert_eq!(zero.to_string(), "0");
}

#[test]
fn integers_accept_exponents_and_signs() {
    assert_eq!(parse_integer("2.026e3"), Ok(2026));
    assert_eq!(parse_integer("-5"), Ok(-5));
    assert_eq!(parse_integer(" 2026 "), Ok(2026));
    assert_eq!(parse_integer("9223372036854775807"), Ok(i64::MAX));
}

#[test]
fn integers_beyond_i64_are_too_large() {
    assert_eq!(parse_integer("9223372036854775808"), Err(NumberError::TooLarge));
    assert_eq!(parse_integer("1e20"), Err(NumberError::TooLarge));
}

#[test]
fn integers_report_the_decimal_error_first() {
    assert_eq!(parse_integer("abc"), Err(NumberError::NotANumber));
    assert_eq!(parse_integer("2,026"), Err(NumberError::ThousandsSeparator));
    assert_eq!(parse_integer("20%"), Err(NumberError::PercentSign));
    assert_eq!(parse_integer("2.5e0"), Err(NumberError::NotWhole));
}

#[test]
fn every_number_error_has_a_message() {
    assert_eq!(NumberError::Empty.say(En), "enter a number");
    assert_eq!(NumberError::NotANumber.say(En), "must be a number, like 1234.5");
    assert_eq!(NumberError::TooLarge.say(En), "is too large (at most 28 digits)");
    assert_eq!(NumberError::NotWhole.say(En), "must be a whole number");
}

/// What the page says when a field's text is refused, as it reads.
fn typed(field: sotp::model::Field, text: &str) -> Result<Decimal, String> {
    field.parse(NumberStyle::DecimalPoint, text).map_err(|p| sotp::text::value_problem(En, &p).unwrap())
}

#[test]
fn a_percent_sign_gets_the_message_of_its_field() {
    use sotp::model::{Field, SegmentField as S};
    let ev_units = Field::Segment(3, S::Units);
    assert_eq!(typed(ev_units, "12%"), Err("takes a plain number, not a percentage (no % sign)".into()));
    assert_eq!(typed(Field::Price, "40%"), Err("takes a plain number, not a percentage (no % sign)".into()));
    assert_eq!(
        typed(Field::Segment(0, S::MarginPct), "12%"),
        Err("write the number without the % sign (it is already in %)".into())
    );
    assert_eq!(
        typed(Field::HoldingDiscountPct, "12 %"),
        Err("write the number without the % sign (it is already in %)".into())
    );
}

#[test]
fn counts_and_years_are_whole_on_the_page() {
    use sotp::model::{Field, SegmentField as S};
    assert_eq!(typed(Field::Segment(3, S::Units), "650000.5"), Err("must be a whole number".into()));
    assert_eq!(typed(Field::Segment(0, S::BaseUnits), "1.7e8"), Ok(dec("170000000")));
    assert_eq!(typed(Field::BaseYear, "2025.5"), Err("must be a whole number".into()));
    // Amounts keep their fractions; the rule still applies after parsing.
    assert_eq!(typed(Field::Segment(3, S::Asp), "255000.5"), Ok(dec("255000.5")));
    assert_eq!(typed(Field::Segment(3, S::Units), "-1"), Err("must be 0 or more".into()));
}

// --- Typed on the page, as the reader writes numbers ------------------------

const POINT: NumberStyle = NumberStyle::DecimalPoint;
const COMMA: NumberStyle = NumberStyle::DecimalComma;

#[test]
fn english_and_chinese_readers_may_group_thousands_with_commas() {
    assert_eq!(parse_typed(POINT, "650,000"), Ok(dec("650000")));
    assert_eq!(parse_typed(POINT, "1,000,000"), Ok(dec("1000000")));
    assert_eq!(parse_typed(POINT, "650000"), Ok(dec("650000")));
    assert_eq!(parse_typed(POINT, "-1,234.5"), Ok(dec("-1234.5")));
    assert_eq!(parse_typed(POINT, "+1,234"), Ok(dec("1234")));
    assert_eq!(parse_typed(POINT, "1.5"), Ok(dec("1.5")));
    assert_eq!(parse_typed(POINT, "1.5e3"), Ok(dec("1500")));
}

#[test]
fn german_readers_write_a_decimal_comma_and_group_with_points() {
    assert_eq!(parse_typed(COMMA, "1,5"), Ok(dec("1.5")));
    assert_eq!(parse_typed(COMMA, "650.000"), Ok(dec("650000")));
    assert_eq!(parse_typed(COMMA, "650000"), Ok(dec("650000")));
    assert_eq!(parse_typed(COMMA, "1.234.567,89"), Ok(dec("1234567.89")));
    assert_eq!(parse_typed(COMMA, "-0,5"), Ok(dec("-0.5")));
    assert_eq!(parse_typed(COMMA, "2026"), Ok(dec("2026")));
}

#[test]
fn the_other_conventions_decimal_sign_is_refused_with_how_to_write_it() {
    assert_eq!(parse_typed(POINT, "1,5"), Err(NumberError::DecimalComma));
    assert_eq!(parse_typed(POINT, "-40,34"), Err(NumberError::DecimalComma));
    assert_eq!(parse_typed(COMMA, "1.5"), Err(NumberError::DecimalPoint));
    assert_eq!(parse_typed(COMMA, "40.34"), Err(NumberError::DecimalPoint));
    assert_eq!(NumberError::DecimalPoint.say(En), "use a comma for decimals (1,5, not 1.5)");
    assert_eq!(NumberError::DecimalComma.say(En), "use a point for decimals (1.5, not 1,5)");
}

#[test]
fn separators_count_only_in_groups_of_three() {
    assert_eq!(
        parse_typed(POINT, "12,34"),
        Err(NumberError::DecimalComma),
        "one comma reads as a decimal comma"
    );
    for bad in ["1,23,456", "1,2345,678", ",650", "650,", "1,,000", "1,000.5.5"] {
        assert_eq!(parse_typed(POINT, bad), Err(NumberError::MisplacedGroup), "{bad}");
    }
    for bad in ["1.23.456", "12.34.5", ".650", "650.", "1..000"] {
        assert_eq!(parse_typed(COMMA, bad), Err(NumberError::MisplacedGroup), "{bad}");
    }
    // A group separator after the decimal sign is no group.
    assert_eq!(parse_typed(POINT, "1.000,5"), Err(NumberError::MisplacedGroup));
    assert!(NumberError::MisplacedGroup.say(En).contains("650,000"));
}

#[test]
fn full_width_digits_and_signs_read_as_their_ascii_twins() {
    assert_eq!(parse_typed(POINT, "６５００００"), Ok(dec("650000")));
    assert_eq!(parse_typed(POINT, "６５０，０００"), Ok(dec("650000")));
    assert_eq!(parse_typed(POINT, "１．５"), Ok(dec("1.5")));
    assert_eq!(parse_typed(POINT, "－５．９"), Ok(dec("-5.9")));
    assert_eq!(parse_typed(POINT, "\u{3000}４０．３４\u{3000}"), Ok(dec("40.34")));
    assert_eq!(parse_typed(COMMA, "１，５"), Ok(dec("1.5")));
    assert_eq!(parse_typed(POINT, "１２％"), Err(NumberError::PercentSign));
}

#[test]
fn what_is_not_a_number_stays_refused_in_every_style() {
    for style in [POINT, COMMA] {
        assert_eq!(parse_typed(style, ""), Err(NumberError::Empty));
        assert_eq!(parse_typed(style, "  "), Err(NumberError::Empty));
        assert_eq!(parse_typed(style, "abc"), Err(NumberError::NotANumber));
        assert_eq!(parse_typed(style, "1 234"), Err(NumberError::NotANumber));
        assert_eq!(parse_typed(style, "12%"), Err(NumberError::PercentSign));
        assert_eq!(parse_typed(style, "1,000x"), Err(NumberError::NotANumber));
        assert_eq!(parse_typed(style, "1.000x"), Err(NumberError::NotANumber));
    }
    assert_eq!(parse_typed_integer(COMMA, "2.026"), Ok(2026));
    assert_eq!(parse_typed_integer(COMMA, "2026,5"), Err(NumberError::NotWhole));
}

#[test]
fn a_field_reads_the_readers_style() {
    use sotp::model::{Field, SegmentField as S};
    let ev_units = Field::Segment(3, S::Units);
    assert_eq!(ev_units.parse(COMMA, "800.000"), Ok(dec("800000")));
    assert_eq!(ev_units.parse(POINT, "800,000"), Ok(dec("800000")));
    assert_eq!(Field::Segment(3, S::Multiple).parse(COMMA, "1,5"), Ok(dec("1.5")));
    assert!(Field::Segment(3, S::Multiple).parse(COMMA, "1.5").is_err());
}

mod round_trip {
    use super::*;
    use proptest::prelude::*;
    use sotp::display::{editable, fixed, group_digits};
    use sotp::text::Lang;

    proptest! {
        /// What the page writes, the page reads back: a value shown with
        /// its separators or as edit text, in every language.
        #[test]
        fn every_language_reads_what_it_writes(units in -10_000_000_000_000i64..10_000_000_000_000, scale in 0u32..6) {
            let d = Decimal::new(units, scale);
            for lang in Lang::ALL {
                let style = lang.number_style();
                prop_assert_eq!(parse_typed(style, &group_digits(lang, &d.to_string())), Ok(d.normalize()));
                prop_assert_eq!(parse_typed(style, &editable(lang, d)), Ok(d.normalize()));
                let shown = fixed(lang, d, 2);
                prop_assert_eq!(parse_typed(style, &shown), Ok(d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero).normalize()));
            }
        }
    }
}
