//! The bridge's terms, the methods and their multiples' notes, the presets,
//! the driver kinds, the verdict under the value and the save status.

use super::*;

pub fn group_term(lang: Lang, term: GroupTerm) -> &'static str {
    lang.t(match term {
        GroupTerm::HoldingDiscount => Key::TermHoldingDiscount,
        GroupTerm::NetCash => Key::TermNetCash,
        GroupTerm::Investments => Key::TermInvestments,
        GroupTerm::Other => Key::TermOther,
        GroupTerm::Buybacks => Key::TermBuybacks,
        GroupTerm::SharesRetired => Key::TermSharesRetired,
    })
}

/// The name an analyst uses for the multiple.
pub fn method(lang: Lang, m: Method) -> &'static str {
    lang.t(match m {
        Method::Pe => Key::MethodPe,
        Method::EvEbit => Key::MethodEvEbit,
        Method::EvSales => Key::MethodEvSales,
    })
}

/// What a method switch did to the multiple of a segment now on `to`,
/// said beside the multiple while it is still the one the switch set.
pub fn switch_note(lang: Lang, change: MultipleChange, to: Method, from: Method) -> String {
    let (key, multiple, was) = match change {
        MultipleChange::Kept { multiple } => (NoticeKey::SwitchKept, multiple, multiple),
        MultipleChange::Recalled { multiple } => (NoticeKey::SwitchRecalled, multiple, multiple),
        MultipleChange::Equivalent { multiple, from, .. } => (NoticeKey::SwitchEquivalent, multiple, from),
        MultipleChange::NoEquivalent { multiple } => (NoticeKey::SwitchNoEquivalent, multiple, multiple),
    };
    lang.f(
        key,
        &[
            ("multiple", &crate::display::count(lang, multiple)),
            ("was", &crate::display::count(lang, was)),
            ("to", method(lang, to)),
            ("from", method(lang, from)),
        ],
    )
}

/// The calm word beside a value far from what the facts support.
pub fn far_off_note(lang: Lang, far: FarOff) -> String {
    match far {
        FarOff::Above { base } => {
            lang.f(NoticeKey::FarAbove, &[("base", &crate::display::count(lang, base))])
        }
        FarOff::Below { base } => {
            lang.f(NoticeKey::FarBelow, &[("base", &crate::display::count(lang, base))])
        }
        FarOff::OutsideBand { low, high } => lang.f(
            NoticeKey::FarOutsideBand,
            &[("low", &crate::display::count(lang, low)), ("high", &crate::display::count(lang, high))],
        ),
    }
}

/// What `margin_pct` means under the method.
pub fn profit(lang: Lang, m: Method) -> &'static str {
    lang.t(match m {
        Method::Pe => ExplainKey::ProfitPe,
        Method::EvEbit => ExplainKey::ProfitEvEbit,
        Method::EvSales => ExplainKey::ProfitEvSales,
    })
}

/// A preset's name on the page; `None` is "Custom".
pub fn preset(lang: Lang, p: Option<Preset>) -> &'static str {
    lang.t(match p {
        Some(Preset::Bear) => Key::PresetBear,
        Some(Preset::Base) => Key::PresetBase,
        Some(Preset::Bull) => Key::PresetBull,
        None => Key::PresetCustom,
    })
}

pub fn driver(lang: Lang, d: &Driver) -> &'static str {
    lang.t(match d.driver_kind() {
        DriverKind::Units => CompareKey::DriverUnits,
        DriverKind::UnitsGrowth => CompareKey::DriverUnitsGrowth,
        DriverKind::Revenue => CompareKey::DriverRevenue,
        DriverKind::RevenueGrowth => CompareKey::DriverRevenueGrowth,
    })
}

/// "Base case: HK$55.49 a share, 37.6% above HK$40.34". `upside_pct` is
/// compared as rounded for display, so the words never contradict the badge.
pub fn verdict(
    lang: Lang,
    case: Option<Preset>,
    value: Decimal,
    price: Decimal,
    upside_pct: Decimal,
    currency: &str,
) -> String {
    use crate::display::{pct, per_share, rounded_pct};
    let rounded = rounded_pct(upside_pct);
    let relation = if rounded.is_zero() {
        lang.t(Key::VerdictInLine).to_string()
    } else if rounded > Decimal::ZERO {
        lang.f(Key::VerdictAbove, &[("pct", &pct(lang, rounded))])
    } else {
        lang.f(Key::VerdictBelow, &[("pct", &pct(lang, -rounded))])
    };
    lang.f(
        Key::Verdict,
        &[
            ("case", preset(lang, case)),
            ("value", &per_share(lang, value, currency)),
            ("relation", &relation),
            ("price", &per_share(lang, price, currency)),
        ],
    )
}

pub fn save_status(lang: Lang, s: SaveStatus) -> &'static str {
    lang.t(match s {
        SaveStatus::StorageOff => NoticeKey::StatusStorageOff,
        SaveStatus::NotSaved => NoticeKey::StatusNotSaved,
        SaveStatus::FromLink => NoticeKey::StatusFromLink,
        SaveStatus::UnsavedChanges => NoticeKey::StatusUnsavedChanges,
        SaveStatus::Saved => NoticeKey::StatusSaved,
    })
}
