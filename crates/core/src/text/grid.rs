//! The sensitivity grid's words: an axis named by its side and input, a
//! refusal naming its axis, a cell as a screen reader hears it, and the
//! legend's bands.

use super::breakeven::with_unit;
use super::{ExplainKey, Lang};
use crate::analysis::sensitivity::{GridError, Part, Which};
use crate::display::{per_share, signed_pct};
use crate::model::arith::Checked;
use crate::model::{Field, Issue, Scenario};
use rust_decimal::Decimal;

/// "Columns, EV deliveries (Smart EV)".
pub fn axis_name(lang: Lang, which: Which, field: Field, s: &Scenario) -> String {
    let side = lang.t(match which {
        Which::X => ExplainKey::GridColumns,
        Which::Y => ExplainKey::GridRows,
    });
    lang.f(
        ExplainKey::GridAxisNamed,
        &[("side", side), ("field", &super::breakeven::input_name(lang, field, s))],
    )
}

/// Why the grid is refused, naming the axis (`fields`: the columns' and
/// the rows' inputs).
pub fn error(lang: Lang, e: &GridError, s: &Scenario, fields: (Field, Field)) -> String {
    let named = |which: Which| {
        let field = if which == Which::X { fields.0 } else { fields.1 };
        axis_name(lang, which, field, s)
    };
    let on = |key: ExplainKey, which: Which| lang.f(key, &[("axis", &named(which))]);
    match *e {
        GridError::StepNotPositive { axis } => on(ExplainKey::GridErrStep, axis),
        GridError::Count { axis, found } => {
            lang.f(ExplainKey::GridErrCount, &[("axis", &named(axis)), ("found", &found.to_string())])
        }
        GridError::OutOfRule { axis, value, rule } => {
            let field = if axis == Which::X { fields.0 } else { fields.1 };
            lang.f(
                ExplainKey::GridErrRule,
                &[
                    ("axis", &named(axis)),
                    ("value", &with_unit(lang, field, value)),
                    ("rule", super::rule(lang, rule)),
                ],
            )
        }
        GridError::NoSuchInput { axis } => on(ExplainKey::GridErrNoInput, axis),
        GridError::SameInput => lang.t(ExplainKey::GridErrSame).to_string(),
        GridError::TooLarge { axis } => on(ExplainKey::GridErrTooLarge, axis),
        GridError::NotANumber { axis, what: Part::Step } => on(ExplainKey::GridErrStepNumber, axis),
        GridError::NotANumber { axis, what: Part::Count } => on(ExplainKey::GridErrCountNumber, axis),
    }
}

/// Where a cell is: "EV deliveries (Smart EV) 600,000, EV/Sales … 2.5x".
/// Each axis: its input's name (`breakeven::input_name`, named once for
/// the whole grid), the input and its value at the cell.
pub struct At<'a> {
    pub s: &'a Scenario,
    pub x: (&'a str, Field, Decimal),
    pub y: (&'a str, Field, Decimal),
}

impl At<'_> {
    fn args(&self, lang: Lang) -> [(&'static str, String); 4] {
        [
            ("x_field", self.x.0.to_string()),
            ("x", with_unit(lang, self.x.1, self.x.2)),
            ("y_field", self.y.0.to_string()),
            ("y", with_unit(lang, self.y.1, self.y.2)),
        ]
    }
}

/// A cell with a value, as announced: where it is, its value per share
/// and how far that is from the price.
pub fn cell(lang: Lang, at: &At, value: Decimal) -> String {
    let s = at.s;
    let upside = value
        .over(s.price)
        .and_then(|r| r.minus(Decimal::ONE))
        .and_then(|r| r.times(Decimal::ONE_HUNDRED))
        .map(|p| signed_pct(lang, p))
        .unwrap_or_default();
    let [a, b, c, d] = at.args(lang);
    let shown = per_share(lang, value, &s.listing_currency);
    let args =
        [(a.0, a.1.as_str()), (b.0, &b.1), (c.0, &c.1), (d.0, &d.1), ("value", &shown), ("upside", &upside)];
    lang.f(ExplainKey::GridCell, &args)
}

/// A cell without a value, as announced: where it is and why.
pub fn cell_na(lang: Lang, at: &At, why: &Issue) -> String {
    let [a, b, c, d] = at.args(lang);
    let why = super::issue(lang, why);
    lang.f(
        ExplainKey::GridNaWhy,
        &[(a.0, a.1.as_str()), (b.0, &b.1), (c.0, &c.1), (d.0, &d.1), ("why", &why)],
    )
}

/// The legend's words for a band of `sensitivity::upside_band`.
pub fn band(lang: Lang, band: i8) -> &'static str {
    lang.t(match band {
        i8::MIN..=-3 => ExplainKey::GridBand3Below,
        -2 => ExplainKey::GridBand2Below,
        -1 => ExplainKey::GridBand1Below,
        0 => ExplainKey::GridBand0,
        1 => ExplainKey::GridBand1Above,
        2 => ExplainKey::GridBand2Above,
        3..=i8::MAX => ExplainKey::GridBand3Above,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Preset, SegmentField as S};

    #[test]
    fn refusals_name_their_axis_and_cells_say_where_they_are() {
        let s = Preset::Base.scenario();
        let (units, multiple) = (Field::Segment(3, S::Units), Field::Segment(3, S::Multiple));
        let e = GridError::Count { axis: Which::Y, found: 8 };
        assert_eq!(
            error(Lang::En, &e, &s, (units, multiple)),
            "Rows, EV/Sales multiple (Smart EV): the number of values must be odd, from 1 to 15 (found 8)"
        );
        let e = GridError::OutOfRule {
            axis: Which::X,
            value: Decimal::from(-250_000),
            rule: crate::model::field::Rule::NonNegative,
        };
        assert_eq!(
            error(Lang::En, &e, &s, (units, multiple)),
            "Columns, EV deliveries (Smart EV): -250,000 is outside its rule, it must be 0 or more"
        );
        let names = (
            super::super::breakeven::input_name(Lang::En, units, &s),
            super::super::breakeven::input_name(Lang::En, multiple, &s),
        );
        let at = At {
            s: &s,
            x: (&names.0, units, Decimal::from(600_000)),
            y: (&names.1, multiple, Decimal::new(25, 1)),
        };
        assert_eq!(
            cell(Lang::En, &at, Decimal::new(5043, 2)),
            "EV deliveries (Smart EV) 600,000, EV/Sales multiple (Smart EV) 2.5x: HK$50.43, +25.0%"
        );
        assert_eq!(band(Lang::En, -3), "30% or more below");
        assert_eq!(band(Lang::En, 0), "within 5%");
    }
}
