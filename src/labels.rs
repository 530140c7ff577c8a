//! What each field is called on the page, its unit and its slider range.
//!
//! The model names fields generically ("Smart EV units"); a user thinks in
//! "EV deliveries". Xiaomi's segment ids get those names here; any other
//! segment falls back to names built from its driver and method.

use crate::model::{Driver, Field, Method, Scenario, SegmentField};
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

    /// The range widened so that `value` sits inside it: a slider never
    /// claims a value is smaller or larger than the field says.
    pub fn containing(self, value: Decimal) -> Slider {
        Slider { min: self.min.min(value), max: self.max.max(value), ..self }
    }
}

/// The noun for a segment's units ("cars" for EVs).
pub fn unit_noun(segment_id: &str) -> &'static str {
    match segment_id {
        "ev" => "cars",
        "smartphones" => "handsets",
        _ => "units",
    }
}

pub fn field_ui(field: Field, s: &Scenario) -> FieldUi {
    let rep = s.reporting_currency.as_str();
    let lst = crate::display::currency_prefix(&s.listing_currency).trim().to_string();
    let ui = |label: String, unit: &str, slider: Slider| FieldUi {
        label,
        unit: unit.to_string(),
        slider,
        integer: false,
        hint: None,
    };
    match field {
        Field::Price => ui(format!("Price, {lst}"), &lst, Slider::new(10, 100, (1, 2))),
        Field::SharesBn => ui("Shares, bn".into(), "bn", Slider::new(20, 30, (1, 2))),
        Field::Fx => ui(
            format!("FX, {} per {rep}", s.listing_currency),
            "",
            Slider { min: Decimal::new(9, 1), max: Decimal::new(13, 1), step: Decimal::new(1, 3) },
        ),
        Field::BaseYear | Field::ValuationYear => FieldUi {
            integer: true,
            ..ui(
                if field == Field::BaseYear { "Base year" } else { "Valuation year" }.into(),
                "",
                Slider::new(2020, 2035, (1, 0)),
            )
        },
        Field::NetCashBn => ui(format!("Net cash, {rep} bn"), "bn", Slider::new(-100, 300, (1, 1))),
        Field::InvestmentsBn => ui(format!("Investments, {rep} bn"), "bn", Slider::new(0, 150, (1, 1))),
        Field::InvestmentsDiscountPct => {
            ui("Investments discount, %".into(), "%", Slider::new(0, 95, (1, 0)))
        }
        Field::OtherBn => ui(format!("Other claims, {rep} bn"), "bn", Slider::new(-100, 100, (1, 1))),
        Field::HoldingDiscountPct => ui("Holding discount, %".into(), "%", Slider::new(0, 50, (1, 0))),
        Field::BuybackListingBn => {
            ui(format!("Planned buybacks, {lst} bn"), "bn", Slider::new(0, 50, (1, 1)))
        }
        Field::Segment(i, f) => segment_field_ui(s, i, f),
    }
}

fn segment_field_ui(s: &Scenario, i: usize, f: SegmentField) -> FieldUi {
    use SegmentField as S;
    let rep = s.reporting_currency.as_str();
    let seg = s.segments.get(i);
    let id = seg.map_or("", |seg| seg.id.as_str());
    let method = seg.map_or(Method::Pe, |seg| seg.method);
    let growth_of_units = matches!(seg.map(|seg| &seg.driver), Some(Driver::UnitsGrowth { .. }));
    let noun = unit_noun(id);
    let ui = |label: String, unit: &str, slider: Slider| FieldUi {
        label,
        unit: unit.to_string(),
        slider,
        integer: false,
        hint: None,
    };
    match (f, id) {
        (S::Units, "ev") => ui("EV deliveries".into(), noun, Slider::new(0, 2_000_000, (10_000, 0))),
        (S::Units, "smartphones") => {
            ui("Handset shipments".into(), noun, Slider::new(0, 300_000_000, (1_000_000, 0)))
        }
        (S::Units, _) => ui("Units".into(), noun, Slider::new(0, 10_000_000, (10_000, 0))),
        (S::BaseUnits, "smartphones") => ui(
            "Base-year handset shipments".into(),
            noun,
            Slider::new(100_000_000, 250_000_000, (1_000_000, 0)),
        ),
        (S::BaseUnits, _) => ui("Base-year units".into(), noun, Slider::new(0, 10_000_000, (10_000, 0))),
        (S::GrowthPct, "smartphones") => {
            ui("Handset shipments growth, %".into(), "%", Slider::new(-30, 30, (1, 1)))
        }
        (S::GrowthPct, _) if growth_of_units => {
            ui("Unit growth, %".into(), "%", Slider::new(-30, 30, (1, 1)))
        }
        (S::GrowthPct, _) => ui("Revenue growth, %".into(), "%", Slider::new(-30, 30, (1, 1))),
        (S::Asp, "ev") => ui(format!("EV ASP, {rep}"), rep, Slider::new(150_000, 400_000, (1_000, 0))),
        (S::Asp, "smartphones") => ui(format!("ASP, {rep}"), rep, Slider::new(500, 3_000, (10, 0))),
        (S::Asp, _) => ui(format!("ASP, {rep}"), rep, Slider::new(0, 500_000, (100, 0))),
        (S::RevenueBn, _) => ui(format!("Revenue, {rep} bn"), "bn", Slider::new(0, 500, (1, 1))),
        (S::BaseRevenueBn, _) => {
            ui(format!("Base-year revenue, {rep} bn"), "bn", Slider::new(0, 300, (1, 1)))
        }
        (S::MarginPct, _) => FieldUi {
            hint: (method == Method::EvSales)
                .then_some("EV/Sales values revenue: the margin is shown in the bridge but not used."),
            ..ui(
                if method == Method::Pe { "Net margin, %" } else { "EBIT margin, %" }.into(),
                "%",
                Slider::new(-30, 80, (1, 1)),
            )
        },
        (S::Multiple, _) => ui("Multiple, x".into(), "x", Slider::new(0, 50, (5, 2))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Preset;

    #[test]
    fn xiaomi_fields_carry_the_names_users_know() {
        let s = Preset::Base.scenario();
        let label = |f| field_ui(f, &s).label;
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
        let ev = field_ui(Field::Segment(3, SegmentField::Units), &s).slider;
        assert_eq!(
            (ev.min, ev.max, ev.step),
            (Decimal::ZERO, Decimal::from(2_000_000), Decimal::from(10_000))
        );
        let asp = field_ui(Field::Segment(3, SegmentField::Asp), &s).slider;
        assert_eq!((asp.min, asp.max), (Decimal::from(150_000), Decimal::from(400_000)));
    }

    #[test]
    fn slider_widens_to_hold_the_value() {
        let sl = Slider::new(0, 100, (1, 0)).containing(Decimal::from(250));
        assert_eq!(sl.max, Decimal::from(250));
        let sl = Slider::new(0, 100, (1, 0)).containing(Decimal::from(-5));
        assert_eq!(sl.min, Decimal::from(-5));
    }
}
