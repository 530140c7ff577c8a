//! How each field is presented: its name (`text::field_label`, the one
//! source of field names), its unit, its slider range and its hint.

use crate::model::{Field, Method, Scenario, SegmentField};
use crate::text::{label_in, unit_noun, Key, Lang};
use rust_decimal::Decimal;

/// How a numeric field is presented.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldUi {
    pub label: String,
    /// Shown beside the input: "cars", "RMB", "%", "x", "bn".
    pub unit: String,
    pub slider: Slider,
    /// Years are whole numbers.
    pub integer: bool,
    /// A line under the field, when the field needs one.
    pub hint: Option<&'static str>,
}

/// A slider's range. Decimals, so that the slider's text is exact.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Slider {
    pub min: Decimal,
    pub max: Decimal,
    pub step: Decimal,
}

impl Slider {
    fn new(min: i64, max: i64, step: (i64, u32)) -> Slider {
        Slider { min: Decimal::from(min), max: Decimal::from(max), step: Decimal::new(step.0, step.1) }
    }

    /// A range around `value` for a company of any size (issue 12), not
    /// Xiaomi's: from 0 (or as far below zero as the value is) to about
    /// twice the value, in whole units of the value's order of magnitude,
    /// stepping by a hundredth of that order (at least `min_step`: 1 for
    /// counts). A zero value gets `empty`, the field's range for nothing
    /// typed yet.
    pub fn around(value: Decimal, min_step: Decimal, empty: Slider) -> Slider {
        // In integers (small code on the first load): |value| is `m` at
        // `scale`, and its order of magnitude is `unit` at that scale.
        let m = value.mantissa().unsigned_abs();
        if m == 0 {
            return empty;
        }
        let scale = value.scale();
        let (mut unit, mut digits) = (1u128, 1u32);
        while m / unit >= 10 {
            unit *= 10;
            digits += 1;
        }
        let at = |mantissa: u128, scale: u32| {
            i128::try_from(mantissa).ok().and_then(|m| Decimal::try_from_i128_with_scale(m, scale).ok())
        };
        // Whole orders up to twice the value: 40.34 gives 90, 170m gives
        // 400m; past the largest decimal the value itself is the end.
        let max = at((2 * m).div_ceil(unit) * unit, scale).unwrap_or(value.abs());
        // A hundredth of the order, and never finer than a decimal can be.
        let step = match unit / 100 {
            0 => at(1, (scale + 3 - digits).min(28)),
            hundredth => at(hundredth, scale),
        };
        let step = step.unwrap_or(Decimal::ONE).max(min_step);
        let min = if value.is_sign_negative() { -max } else { Decimal::ZERO };
        Slider { min, max, step }
    }

    /// The range widened so that `value` sits inside it: a slider never
    /// claims a value is smaller or larger than the field says.
    pub fn containing(self, value: Decimal) -> Slider {
        Slider { min: self.min.min(value), max: self.max.max(value), ..self }
    }
}

/// Where a field's input is on the page: in its card, or (a second input
/// of the same field) among the key assumptions under the headline.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Place {
    #[default]
    Card,
    Key,
}

/// The page's DOM id of a field's input in its card (`f-price`,
/// `f-seg3-units`): its label's `for`, and the stem of its error's and
/// note's ids.
pub fn dom_id(field: Field) -> String {
    dom_id_in(field, Place::Card)
}

/// The DOM id of a field's input at `place`: `key-f-seg3-units` among the
/// key assumptions, so that no id is on the page twice.
pub fn dom_id_in(field: Field, place: Place) -> String {
    let at = if place == Place::Key { "key-" } else { "" };
    match field {
        Field::Segment(i, _) => format!("{at}f-seg{i}-{}", field.json_key()),
        other => format!("{at}f-{}", other.json_key()),
    }
}

pub fn field_ui(lang: Lang, field: Field, s: &Scenario) -> FieldUi {
    use SegmentField as S;
    let rep = s.reporting_currency.as_str();
    let lst = crate::display::currency_prefix(&s.listing_currency).trim().to_string();
    let seg = field.segment().and_then(|i| s.segments.get(i));
    let id = seg.map_or("", |seg| seg.id.as_str());
    let bn = lang.t(Key::UnitBn);
    let pct = lang.t(Key::UnitPct);
    let noun = seg.map_or(lang.t(Key::UnitUnits), |seg| unit_noun(lang, seg));
    let (unit, slider): (&str, Slider) = match field {
        Field::Price => (&lst, Slider::new(10, 100, (1, 2))),
        Field::SharesBn => (bn, Slider::new(20, 30, (1, 2))),
        Field::Fx => {
            ("", Slider { min: Decimal::new(9, 1), max: Decimal::new(13, 1), step: Decimal::new(1, 3) })
        }
        Field::BaseYear | Field::ValuationYear => ("", Slider::new(2020, 2035, (1, 0))),
        Field::NetCashBn => (bn, Slider::new(-100, 300, (1, 1))),
        Field::InvestmentsBn => (bn, Slider::new(0, 150, (1, 1))),
        Field::InvestmentsDiscountPct => (pct, Slider::new(0, 95, (1, 0))),
        Field::OtherBn => (bn, Slider::new(-100, 100, (1, 1))),
        Field::HoldingDiscountPct => (pct, Slider::new(0, 50, (1, 0))),
        Field::BuybackListingBn => (bn, Slider::new(0, 50, (1, 1))),
        Field::Segment(_, f) => match (f, id) {
            (S::Units, "ev") => (noun, Slider::new(0, 2_000_000, (10_000, 0))),
            (S::Units, "smartphones") => (noun, Slider::new(0, 300_000_000, (1_000_000, 0))),
            (S::Units, _) => (noun, Slider::new(0, 10_000_000, (10_000, 0))),
            (S::BaseUnits, "smartphones") => (noun, Slider::new(100_000_000, 250_000_000, (1_000_000, 0))),
            (S::BaseUnits, _) => (noun, Slider::new(0, 10_000_000, (10_000, 0))),
            (S::GrowthPct, _) => (pct, Slider::new(-30, 30, (1, 1))),
            (S::Asp, "ev") => (rep, Slider::new(150_000, 400_000, (1_000, 0))),
            (S::Asp, "smartphones") => (rep, Slider::new(500, 3_000, (10, 0))),
            (S::Asp, _) => (rep, Slider::new(0, 500_000, (100, 0))),
            (S::RevenueBn, _) => (bn, Slider::new(0, 500, (1, 1))),
            (S::BaseRevenueBn, _) => (bn, Slider::new(0, 300, (1, 1))),
            (S::MarginPct, _) => (pct, Slider::new(-30, 80, (1, 1))),
            (S::Multiple, _) => (lang.t(Key::UnitTimes), Slider::new(0, 50, (5, 2))),
        },
    };
    let ev_sales_margin = matches!(field, Field::Segment(_, S::MarginPct))
        && seg.is_some_and(|seg| seg.method == Method::EvSales);
    FieldUi {
        label: label_in(lang, field, s),
        unit: unit.to_string(),
        slider,
        integer: field.rule() == crate::model::Rule::Year,
        hint: ev_sales_margin.then(|| lang.t(Key::HintEvSalesMargin)),
    }
}

/// The slider of `field` for a company not shaped like Xiaomi: around its
/// value (`Slider::around`), since Xiaomi's ranges fit Xiaomi only; `None`
/// for Xiaomi-shaped scenarios, and for years and percentages, whose
/// ranges do not scale with a company. The page's field sets it when the
/// scenario is replaced or restructured (`ui::first::number_field`).
pub fn company_slider(lang: Lang, field: Field, s: &Scenario) -> Option<Slider> {
    use SegmentField as S;
    let fixed = matches!(
        field,
        Field::BaseYear
            | Field::ValuationYear
            | Field::InvestmentsDiscountPct
            | Field::HoldingDiscountPct
            | Field::Segment(_, S::GrowthPct | S::MarginPct)
    );
    if fixed || crate::model::presets::is_xiaomi_shaped(s) {
        return None;
    }
    let value = field.get(s)?;
    let counts = matches!(field, Field::Segment(_, S::Units | S::BaseUnits));
    let empty = field_ui(lang, field, s).slider;
    Some(Slider::around(value, if counts { Decimal::ONE } else { Decimal::ZERO }, empty))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Preset;

    #[test]
    fn xiaomi_fields_carry_the_names_users_know() {
        let s = Preset::Base.scenario();
        let label = |f| field_ui(Lang::En, f, &s).label;
        assert_eq!(label(Field::Segment(3, SegmentField::Units)), "EV deliveries");
        assert_eq!(label(Field::Segment(3, SegmentField::Asp)), "EV ASP, RMB");
        assert_eq!(label(Field::Segment(3, SegmentField::MarginPct)), "EBIT margin, %");
        assert_eq!(label(Field::Segment(0, SegmentField::GrowthPct)), "Handset shipments growth, %");
        assert_eq!(label(Field::Segment(0, SegmentField::Asp)), "ASP, RMB");
        assert_eq!(label(Field::Segment(0, SegmentField::MarginPct)), "Net margin, %");
        assert_eq!(label(Field::Segment(1, SegmentField::GrowthPct)), "Revenue growth, %");
        assert_eq!(label(Field::Price), "Price, HK$");
        assert_eq!(label(Field::Fx), "FX, HKD per RMB");
        assert_eq!(label(Field::BuybackListingBn), "Planned buybacks, HK$ bn");
    }

    #[test]
    fn ux_slider_ranges_for_ev() {
        let s = Preset::Base.scenario();
        let ev = field_ui(Lang::En, Field::Segment(3, SegmentField::Units), &s).slider;
        assert_eq!(
            (ev.min, ev.max, ev.step),
            (Decimal::ZERO, Decimal::from(2_000_000), Decimal::from(10_000))
        );
        let asp = field_ui(Lang::En, Field::Segment(3, SegmentField::Asp), &s).slider;
        assert_eq!((asp.min, asp.max), (Decimal::from(150_000), Decimal::from(400_000)));
    }

    #[test]
    fn a_slider_around_a_value_spans_twice_it_in_whole_orders() {
        let d = |s: &str| s.parse::<Decimal>().unwrap_or_default();
        let empty = Slider::new(0, 100, (1, 0));
        let of = |v: &str, min_step: &str| {
            let sl = Slider::around(d(v), d(min_step), empty);
            (sl.min, sl.max, sl.step)
        };
        assert_eq!(of("40.34", "0"), (d("0"), d("90"), d("0.1")));
        assert_eq!(of("170000000", "1"), (d("0"), d("400000000"), d("1000000")));
        assert_eq!(of("0.25", "0"), (d("0"), d("0.5"), d("0.001")));
        assert_eq!(of("7", "1"), (d("0"), d("14"), d("1")));
        assert_eq!(of("-35", "0"), (d("-70"), d("70"), d("0.1")));
        assert_eq!(of("0", "1"), (empty.min, empty.max, empty.step));
        // Whatever the value, the slider holds it.
        for v in ["1", "9.99", "10", "123456789012345678", "0.0000001", "-0.5"] {
            let sl = Slider::around(d(v), Decimal::ZERO, empty);
            assert!(sl.min <= d(v) && d(v) <= sl.max && sl.step > Decimal::ZERO, "{v}: {sl:?}");
        }
        let huge = Slider::around(Decimal::MAX, Decimal::ONE, empty);
        assert_eq!(huge.max, Decimal::MAX);
    }

    #[test]
    fn another_company_s_sliders_follow_its_values_and_xiaomi_keeps_its_ranges() {
        let mut s = Preset::Base.scenario();
        s.company.ticker = "9988.HK".into();
        s.segments[3].driver =
            crate::model::Driver::Units { units: Decimal::from(3_000), asp: Decimal::from(40) };
        let of = |f, s: &Scenario| company_slider(Lang::En, f, s).map(|sl| (sl.min, sl.max, sl.step));
        let d = Decimal::from;
        assert_eq!(of(Field::Segment(3, SegmentField::Units), &s), Some((d(0), d(6_000), d(10))));
        assert_eq!(of(Field::Segment(3, SegmentField::Asp), &s), Some((d(0), d(80), Decimal::new(1, 1))));
        assert_eq!(of(Field::Price, &s), Some((d(0), d(90), Decimal::new(1, 1))));
        // Percentages and years keep their ranges: they do not scale with a company.
        assert_eq!(of(Field::Segment(3, SegmentField::MarginPct), &s), None);
        assert_eq!(of(Field::ValuationYear, &s), None);
        // A zero (a blank company's) gets the field's own range (here the EV one: its id is "ev").
        s.segments[3].driver = crate::model::Driver::Units { units: Decimal::ZERO, asp: Decimal::from(40) };
        assert_eq!(of(Field::Segment(3, SegmentField::Units), &s), Some((d(0), d(2_000_000), d(10_000))));
        let base = Preset::Base.scenario();
        assert_eq!(company_slider(Lang::En, Field::Segment(3, SegmentField::Units), &base), None);
        assert_eq!(
            field_ui(Lang::En, Field::Segment(3, SegmentField::Units), &base).slider.max,
            d(2_000_000)
        );
    }

    #[test]
    fn slider_widens_to_hold_the_value() {
        let sl = Slider::new(0, 100, (1, 0)).containing(Decimal::from(250));
        assert_eq!(sl.max, Decimal::from(250));
        let sl = Slider::new(0, 100, (1, 0)).containing(Decimal::from(-5));
        assert_eq!(sl.min, Decimal::from(-5));
    }
}
