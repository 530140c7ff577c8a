//! What each field is called on the page (`field_label`), and the noun of a
//! segment's units.

use super::*;

/// What a field is called on the page: the one name of each field, beside
/// its input, in messages and in Compare. Xiaomi's segment ids get the names
/// users know ("EV deliveries"); any other segment gets names built from its
/// driver and method.
pub fn field_label(lang: Lang, field: Field, names: &Names) -> String {
    let seg = names.segment.as_ref().map(|seg| (seg.id.as_str(), seg.kind, seg.method));
    label_of(lang, field, &names.reporting, &names.listing, seg)
}

/// `field_label` of a field of scenario `s`.
pub fn label_in(lang: Lang, field: Field, s: &Scenario) -> String {
    let seg = field.segment().and_then(|i| s.segments.get(i));
    let seg = seg.map(|seg| (seg.id.as_str(), seg.driver.driver_kind(), seg.method));
    label_of(lang, field, &s.reporting_currency, &s.listing_currency, seg)
}

/// A field's name from what it depends on: the currencies, and for a
/// segment's field the segment's id, driver kind and method.
fn label_of(
    lang: Lang,
    field: Field,
    rep: &str,
    lst_code: &str,
    seg: Option<(&str, DriverKind, Method)>,
) -> String {
    use SegmentField as S;
    let lst = crate::display::currency_prefix(lst_code);
    let lst = lst.trim();
    // A blank company has no currencies yet: its labels leave them out
    // ("Price", not "Price, "), and FX is named without them.
    let blank = rep.is_empty() || lst.is_empty();
    let f = |key, args: &[(&str, &str)]| {
        let text = lang.f(key, args);
        if blank {
            without_blanks(&text)
        } else {
            text
        }
    };
    let t = |key| lang.t(key).to_string();
    match field {
        Field::Price => f(Key::LabelPrice, &[("listing", lst)]),
        Field::SharesBn => t(Key::LabelShares),
        Field::Fx if blank => t(Key::LabelFxPlain),
        Field::Fx => f(Key::LabelFx, &[("listing", lst_code), ("reporting", rep)]),
        Field::BaseYear => t(Key::LabelBaseYear),
        Field::ValuationYear => t(Key::LabelValuationYear),
        Field::NetCashBn => f(Key::LabelNetCash, &[("reporting", rep)]),
        Field::InvestmentsBn => f(Key::LabelInvestments, &[("reporting", rep)]),
        Field::InvestmentsDiscountPct => t(Key::LabelInvestmentsDiscount),
        Field::OtherBn => f(Key::LabelOther, &[("reporting", rep)]),
        Field::HoldingDiscountPct => t(Key::LabelHoldingDiscount),
        Field::BuybackListingBn => f(Key::LabelBuybacks, &[("listing", lst)]),
        Field::Segment(_, sf) => {
            let id = seg.map_or("", |seg| seg.0);
            let method = seg.map_or(Method::Pe, |seg| seg.2);
            let of_units = seg.is_some_and(|seg| seg.1 == DriverKind::UnitsGrowth);
            match (sf, id) {
                (S::Units, "ev") => t(Key::LabelEvDeliveries),
                (S::Units, "smartphones") => t(Key::LabelHandsetShipments),
                (S::Units, _) => t(Key::LabelUnits),
                (S::BaseUnits, "smartphones") => t(Key::LabelBaseHandsetShipments),
                (S::BaseUnits, _) => t(Key::LabelBaseUnits),
                (S::GrowthPct, "smartphones") => t(Key::LabelHandsetGrowth),
                (S::GrowthPct, _) if of_units => t(Key::LabelUnitGrowth),
                (S::GrowthPct, _) => t(Key::LabelRevenueGrowth),
                (S::Asp, "ev") => f(Key::LabelEvAsp, &[("reporting", rep)]),
                (S::Asp, _) => f(Key::LabelAsp, &[("reporting", rep)]),
                (S::RevenueBn, _) => f(Key::LabelRevenue, &[("reporting", rep)]),
                (S::BaseRevenueBn, _) => f(Key::LabelBaseRevenue, &[("reporting", rep)]),
                (S::MarginPct, _) if method == Method::Pe => t(Key::LabelNetMargin),
                (S::MarginPct, _) => t(Key::LabelEbitMargin),
                (S::Multiple, _) => t(Key::LabelMultiple),
            }
        }
    }
}

/// A text filled with an empty value, tidied: no empty brackets, doubled
/// spaces or a comma left at the end ("Price, " is "Price", "股價（）" is
/// "股價", "Per share, " is "Per share").
pub fn without_blanks(text: &str) -> String {
    let text = text.replace("（）", "").replace("()", "");
    let text = text.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
    text.trim_end_matches([',', '，', ' ']).to_string()
}

/// The noun for a segment's units ("cars" for EVs).
/// The user's own name for them first, if the segment has one.
pub fn unit_noun(lang: Lang, seg: &crate::model::Segment) -> &str {
    if let Some(label) = seg.unit_label.as_deref() {
        return label.trim();
    }
    lang.t(match seg.id.as_str() {
        "ev" => Key::UnitCars,
        "smartphones" => Key::UnitHandsets,
        _ => Key::UnitUnits,
    })
}
