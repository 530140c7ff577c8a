//! The break-even table's words: a field's value as the table shows it,
//! the change to the break-even, and why an input has none.

use super::{ExplainKey, Lang};
use crate::analysis::breakeven::{Change, NoBreakEven};
use crate::display::{fixed, pct, signed_pct, up_to};
use crate::model::Field;
use rust_decimal::Decimal;

/// A value of `field` as the table shows it: counts and years whole
/// ("178,963"), percentages to one decimal ("-5.9%"), other amounts with up
/// to 2 decimals ("0.83", "255,000").
pub fn value(lang: Lang, field: Field, d: Decimal) -> String {
    if field == Field::ValuationYear || field == Field::BaseYear {
        // Years are not amounts: no thousands separator.
        return crate::display::year(d);
    }
    if field.typed_whole() {
        return fixed(lang, d, 0);
    }
    if field.in_pct() {
        return pct(lang, d);
    }
    if field == Field::Fx {
        // A rate is read to its last digit: 1.095, not 1.10.
        return up_to(lang, d, 0, 4);
    }
    let shown = up_to(lang, d, 0, 2);
    if shown.trim_start_matches('-').chars().all(|c| c == '0' || !c.is_ascii_digit()) && !d.is_zero() {
        // A small value is not shown as 0: 0.0041x is "0.0041".
        return up_to(lang, d, 0, 4);
    }
    shown
}

/// The change from the reader's value to the break-even: "-72.5%", or
/// "-3.2 pts" for a percentage or a year.
pub fn change(lang: Lang, c: Change) -> String {
    match c {
        Change::Percent(p) => signed_pct(lang, p),
        Change::Points(p) => {
            let text = fixed(lang, p, 1);
            let text = if text.starts_with('-') { text } else { format!("+{text}") };
            lang.f(ExplainKey::BreakEvenPoints, &[("points", &text)])
        }
    }
}

/// Why `field` has no break-even.
pub fn none(lang: Lang, field: Field, why: NoBreakEven) -> String {
    match why {
        NoBreakEven::NoEffect => lang.t(ExplainKey::BreakEvenNoEffect).to_string(),
        NoBreakEven::Bound { bound, above } => lang.f(
            if above { ExplainKey::BreakEvenBoundAbove } else { ExplainKey::BreakEvenBoundBelow },
            &[("bound", &value(lang, field, bound))],
        ),
        NoBreakEven::Buyback { .. } => lang.t(ExplainKey::BreakEvenBuyback).to_string(),
        NoBreakEven::NoYear { from, to, .. } => {
            lang.f(ExplainKey::BreakEvenNoYear, &[("from", &from.to_string()), ("to", &to.to_string())])
        }
        NoBreakEven::TooLarge => lang.t(ExplainKey::BreakEvenTooLarge).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SegmentField as S;

    #[test]
    fn values_read_as_the_field_is_typed() {
        let d = |s: &str| s.parse::<Decimal>().unwrap_or_default();
        assert_eq!(value(Lang::En, Field::Segment(3, S::Units), d("178962.66")), "178,963");
        assert_eq!(value(Lang::De, Field::Segment(3, S::Units), d("178962.66")), "178.963");
        assert_eq!(value(Lang::En, Field::Segment(3, S::Multiple), d("0.82598")), "0.83");
        assert_eq!(value(Lang::En, Field::Segment(3, S::Multiple), d("0.00412")), "0.0041");
        assert_eq!(value(Lang::En, Field::Segment(0, S::GrowthPct), d("-12.345")), "-12.3%");
        assert_eq!(value(Lang::En, Field::ValuationYear, d("2031")), "2031");
        assert_eq!(value(Lang::En, Field::Fx, d("1.095")), "1.095");
        assert_eq!(value(Lang::En, Field::Fx, d("0.79614")), "0.7961");
        assert_eq!(change(Lang::En, Change::Percent(d("-72.47"))), "-72.5%");
        assert_eq!(change(Lang::En, Change::Points(d("3.21"))), "+3.2 pts");
    }
}
