//! The break-even table's words: a field's value as the table shows it,
//! the change to the break-even, and why an input has none.

use super::{ExplainKey, IssueKey, Lang};
use crate::analysis::breakeven::{self, Change, NoBreakEven, Outcome};
use crate::display::{fixed, pct, signed_pct, up_to};
use crate::model::valuation::Valuation;
use crate::model::Field;
use crate::model::{Scenario, SegmentField};
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

/// A value with its unit where the table's column does not give one: a
/// multiple reads "0.83x" in a sentence.
pub fn with_unit(lang: Lang, field: Field, d: Decimal) -> String {
    let shown = value(lang, field, d);
    if matches!(field, Field::Segment(_, SegmentField::Multiple)) {
        format!("{shown}x")
    } else {
        shown
    }
}

/// A field as the sentence names it: a multiple by its method ("EV/Sales
/// multiple (Smart EV)"), where the card's label ("Multiple, x") has the
/// method beside it.
pub fn input_name(lang: Lang, field: Field, s: &Scenario) -> String {
    if let Field::Segment(i, SegmentField::Multiple) = field {
        if let Some(seg) = s.segments.get(i) {
            let what =
                lang.f(ExplainKey::ImpliesMultiple, &[("method", super::bridge::method(lang, seg.method))]);
            let segment = super::issues::segment_name(lang, &seg.id, &seg.name, i);
            return lang.f(IssueKey::SubjectSegmentField, &[("segment", &segment), ("what", &what)]);
        }
    }
    super::field_name(lang, field, s)
}

/// What the price implies, in one sentence, for the first two of `fields`
/// (the key assumptions, largest swing first): "The price pays for EV
/// deliveries (Smart EV) of 178,963 (yours: 650,000) or …"; an input
/// without a break-even says why, in a sentence of its own. Sentences, not
/// one text: the page sets them apart as its language does. Empty when
/// `fields` is.
pub fn sentence(lang: Lang, s: &Scenario, v: &Valuation, fields: &[Field]) -> Vec<String> {
    let found: Vec<_> = fields.iter().filter_map(|f| breakeven::one(s, v, *f)).take(2).collect();
    let mut pays = Vec::new();
    let mut none = Vec::new();
    for b in &found {
        let name = input_name(lang, b.field, s);
        match b.outcome {
            Outcome::At(at) => pays.push(lang.f(
                ExplainKey::ImpliesItem,
                &[
                    ("field", &name),
                    ("value", &with_unit(lang, b.field, at)),
                    ("yours", &with_unit(lang, b.field, b.current)),
                ],
            )),
            Outcome::None(why) => none.push(lang.f(
                ExplainKey::ImpliesNoneFor,
                &[("field", &name), ("why", &self::none(lang, b.field, why))],
            )),
        }
    }
    let lead = match pays.as_slice() {
        [] => None,
        [a] => Some(lang.f(ExplainKey::ImpliesOnly, &[("a", a)])),
        [a, b, ..] => Some(lang.f(ExplainKey::ImpliesEither, &[("a", a), ("b", b)])),
    };
    lead.into_iter().chain(none).collect()
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

    #[test]
    fn the_sentence_for_base_names_the_two_break_evens() {
        let s = crate::model::Preset::Base.scenario();
        let Ok(v) = crate::model::evaluate(&s) else { panic!("Base values") };
        let fields = crate::analysis::key_inputs::key_inputs(&s);
        let said = sentence(Lang::En, &s, &v, &fields);
        assert_eq!(
            said,
            ["The price pays for EV deliveries (Smart EV) of 178,963 (yours: 650,000), \
              or for EV/Sales multiple (Smart EV) of 0.83x (yours: 3x)."]
        );
        // An input without a break-even says why, in a sentence of its own;
        // only the first two fields are read.
        let margin = Field::Segment(3, S::MarginPct);
        let said = sentence(Lang::En, &s, &v, &[margin, Field::Segment(3, S::Units), Field::SharesBn]);
        assert_eq!(said.len(), 2);
        assert_eq!(said[0], "The price pays for EV deliveries (Smart EV) of 178,963 (yours: 650,000).");
        assert!(said[1].ends_with("(Smart EV): none: it does not move the value."), "{}", said[1]);
        assert!(sentence(Lang::En, &s, &v, &[]).is_empty());
    }
}
