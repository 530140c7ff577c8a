//! What the reader chose for the sensitivity grid, as typed: an input per
//! axis, its step and how many values. Unset means the default
//! (`sensitivity::default_axes`, `default_step`); typed text is read in
//! the reader's number style, and what does not make a grid is refused
//! naming its axis (`GridError`).

use super::sensitivity::{
    axis_values, default_axes, default_step, Axis, GridError, Part, Which, DEFAULT_STEPS,
};
use crate::lang::NumberStyle;
use crate::model::number::parse_typed;
use crate::model::{Field, Scenario};

/// A grid refused, with the two inputs (columns, rows) its words name.
pub type Refused = (GridError, (Field, Field));

/// One axis as the reader left it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AxisChoice {
    pub field: Option<Field>,
    /// The step as typed; None for the field's default step.
    pub step: Option<String>,
    /// The count as typed; None for 7.
    pub count: Option<String>,
}

/// The two axes of the grid for `s`: the reader's choices over the
/// defaults (`by_swing` is the inputs by tornado swing, largest first).
/// None when the scenario has no two inputs a default grid can move. A
/// refusal comes with the two inputs, which its words name.
pub fn resolve(
    s: &Scenario,
    by_swing: &[Field],
    style: NumberStyle,
    x: &AxisChoice,
    y: &AxisChoice,
) -> Option<Result<(Axis, Axis), Refused>> {
    let defaults = default_axes(s, by_swing);
    let x_field = x.field.or(defaults.map(|d| d.0.field))?;
    let y_field = y.field.or(defaults.map(|d| d.1.field))?;
    let axes = axis(s, style, x, x_field, Which::X).and_then(|xa| {
        let ya = axis(s, style, y, y_field, Which::Y)?;
        if xa.field == ya.field {
            return Err(GridError::SameInput);
        }
        Ok((xa, ya))
    });
    Some(axes.map_err(|e| (e, (x_field, y_field))))
}

fn axis(
    s: &Scenario,
    style: NumberStyle,
    c: &AxisChoice,
    field: Field,
    which: Which,
) -> Result<Axis, GridError> {
    let value = field.get(s).ok_or(GridError::NoSuchInput { axis: which })?;
    let step = match c.step.as_deref() {
        None => default_step(field, value),
        Some(t) => {
            parse_typed(style, t).map_err(|_| GridError::NotANumber { axis: which, what: Part::Step })?
        }
    };
    let count = match c.count.as_deref() {
        None => DEFAULT_STEPS,
        Some(t) => parse_typed(style, t)
            .ok()
            .map(|d| d.normalize())
            .filter(|d| d.fract().is_zero() && !d.is_sign_negative())
            .and_then(|d| usize::try_from(d.mantissa()).ok().filter(|_| d.scale() == 0))
            .ok_or(GridError::NotANumber { axis: which, what: Part::Count })?,
    };
    let axis = Axis { field, step, count };
    axis_values(s, axis, which)?;
    Ok(axis)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::analysis::key_inputs::key_inputs;
    use crate::model::field::Rule;
    use crate::model::{Preset, SegmentField as S};
    use rust_decimal::Decimal;

    fn typed(step: Option<&str>, count: Option<&str>) -> AxisChoice {
        AxisChoice { field: None, step: step.map(String::from), count: count.map(String::from) }
    }

    #[test]
    fn the_default_grid_is_ev_deliveries_by_the_ev_multiple() {
        let s = Preset::Base.scenario();
        let (x, y) =
            resolve(&s, &key_inputs(&s), NumberStyle::DecimalPoint, &typed(None, None), &typed(None, None))
                .unwrap()
                .unwrap();
        assert_eq!((x.field, x.step, x.count), (Field::Segment(3, S::Units), Decimal::from(50_000), 7));
        assert_eq!((y.field, y.step, y.count), (Field::Segment(3, S::Multiple), Decimal::new(25, 2), 7));
    }

    #[test]
    fn what_does_not_make_a_grid_is_refused_naming_its_axis() {
        let s = Preset::Base.scenario();
        let keys = key_inputs(&s);
        let grid = |x: AxisChoice, y: AxisChoice| {
            resolve(&s, &keys, NumberStyle::DecimalPoint, &x, &y).unwrap().map_err(|e| e.0)
        };
        let none = || typed(None, None);
        assert_eq!(grid(typed(Some("0"), None), none()), Err(GridError::StepNotPositive { axis: Which::X }));
        assert_eq!(grid(none(), typed(None, Some("8"))), Err(GridError::Count { axis: Which::Y, found: 8 }));
        assert_eq!(
            grid(none(), typed(None, Some("17"))),
            Err(GridError::Count { axis: Which::Y, found: 17 })
        );
        assert_eq!(
            grid(none(), typed(None, Some("2.5"))),
            Err(GridError::NotANumber { axis: Which::Y, what: Part::Count })
        );
        assert_eq!(
            grid(typed(Some("abc"), None), none()),
            Err(GridError::NotANumber { axis: Which::X, what: Part::Step })
        );
        // 650,000 deliveries, 3 steps of 300,000 down: below zero.
        assert_eq!(
            grid(typed(Some("300,000"), None), none()),
            Err(GridError::OutOfRule {
                axis: Which::X,
                value: Decimal::from(-250_000),
                rule: Rule::NonNegative
            })
        );
        let same = AxisChoice { field: Some(Field::Segment(3, S::Units)), ..none() };
        assert_eq!(grid(none(), same), Err(GridError::SameInput));
        // A step typed in the reader's style: 1.000 is a thousand in German.
        let (x, _) =
            resolve(&s, &keys, NumberStyle::DecimalComma, &typed(Some("1.000"), Some("15")), &none())
                .unwrap()
                .unwrap();
        assert_eq!((x.step, x.count), (Decimal::from(1000), 15));
    }
}
