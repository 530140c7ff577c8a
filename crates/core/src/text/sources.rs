//! Where each default comes from, and the Sources list.

use super::*;

/// Where a default comes from, for Xiaomi's segments (by id) and the group
/// fields. `None` for fields of other companies' segments.
pub fn field_source(lang: Lang, field: Field, segment_id: Option<&str>) -> Option<&'static str> {
    use SegmentField as S;
    let key = match (field, segment_id) {
        (Field::Price, _) => SourceKey::Price,
        (Field::SharesBn, _) => SourceKey::Shares,
        (Field::Fx, _) => SourceKey::Fx,
        (Field::BaseYear | Field::ValuationYear, _) => SourceKey::Years,
        (Field::NetCashBn, _) => SourceKey::NetCash,
        (Field::InvestmentsBn | Field::InvestmentsDiscountPct, _) => SourceKey::Investments,
        (Field::OtherBn | Field::HoldingDiscountPct, _) => SourceKey::OtherDiscount,
        (Field::BuybackListingBn, _) => SourceKey::Buybacks,
        (Field::Segment(_, f), Some("smartphones")) => match f {
            S::BaseUnits => SourceKey::PhoneBaseUnits,
            S::GrowthPct => SourceKey::PhoneGrowth,
            S::Asp => SourceKey::PhoneAsp,
            S::MarginPct => SourceKey::PhoneMargin,
            S::Multiple => SourceKey::PhoneMultiple,
            _ => return None,
        },
        (Field::Segment(_, f), Some("iot")) => match f {
            S::BaseRevenueBn => SourceKey::IotBaseRevenue,
            S::GrowthPct => SourceKey::IotGrowth,
            S::MarginPct => SourceKey::IotMargin,
            S::Multiple => SourceKey::IotMultiple,
            _ => return None,
        },
        (Field::Segment(_, f), Some("internet")) => match f {
            S::BaseRevenueBn => SourceKey::InternetBaseRevenue,
            S::GrowthPct => SourceKey::InternetGrowth,
            S::MarginPct => SourceKey::InternetMargin,
            S::Multiple => SourceKey::IotMultiple,
            _ => return None,
        },
        (Field::Segment(_, f), Some("ev")) => match f {
            S::Units => SourceKey::EvUnits,
            S::Asp => SourceKey::EvAsp,
            S::MarginPct => SourceKey::EvMargin,
            S::Multiple => SourceKey::EvMultiple,
            _ => return None,
        },
        _ => return None,
    };
    Some(lang.t(key))
}

/// The Sources list: each outlet with what it gave and when.
pub fn sources(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    const GAVE: [SourceKey; SOURCE_OUTLETS.len()] = [
        SourceKey::From0,
        SourceKey::From1,
        SourceKey::From2,
        SourceKey::From3,
        SourceKey::From4,
        SourceKey::From5,
        SourceKey::From6,
        SourceKey::From7,
        SourceKey::From8,
        SourceKey::From9,
        SourceKey::From10,
    ];
    SOURCE_OUTLETS.into_iter().zip(GAVE).map(move |(outlet, gave)| (outlet, lang.t(gave)))
}
