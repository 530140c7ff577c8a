//! Xiaomi's Bear, Base and Bull scenarios, and where each default comes from.
//!
//! Every number here traces to docs/xiaomi-facts.md; `source` gives
//! the line for each field so the UI can show it beside the input.

use super::field::Field;
use super::scenario::{Company, Driver, Method, Scenario, Segment};
use rust_decimal::Decimal;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Preset {
    Bear,
    Base,
    Bull,
}

/// The date the default market figures are as of.
pub const FIGURES_AS_OF: &str = "2025-11-25";

/// One preset's segment assumptions (`source` says where each default comes from).
struct Assumptions {
    handset_growth: (i64, u32),
    handset_asp: i64,
    handset_margin: i64,
    iot: (i64, i64),
    internet: (i64, i64),
    ev_units: i64,
    ev_asp: i64,
    ev_margin: i64,
    core_pe: i64,
    /// EV/Sales in hundredths (3.75 = 375).
    ev_sales: (i64, u32),
}

impl Preset {
    pub const ALL: [Preset; 3] = [Preset::Bear, Preset::Base, Preset::Bull];

    /// The preset's name in its scenario's name ("Xiaomi Base") and in keys:
    /// data, the same in every language (the page's word is `crate::text`'s).
    pub fn name(self) -> &'static str {
        match self {
            Preset::Bear => "Bear",
            Preset::Base => "Base",
            Preset::Bull => "Bull",
        }
    }

    fn assumptions(self) -> Assumptions {
        match self {
            Preset::Bear => Assumptions {
                handset_growth: (-10, 0),
                handset_asp: 1_050,
                handset_margin: 3,
                iot: (3, 7),
                internet: (3, 45),
                ev_units: 500_000,
                ev_asp: 240_000,
                ev_margin: 2,
                core_pe: 15,
                ev_sales: (15, 1),
            },
            Preset::Base => Assumptions {
                handset_growth: (-59, 1),
                handset_asp: 1_100,
                handset_margin: 4,
                iot: (8, 8),
                internet: (8, 48),
                ev_units: 650_000,
                ev_asp: 255_000,
                ev_margin: 5,
                core_pe: 22,
                ev_sales: (3, 0),
            },
            Preset::Bull => Assumptions {
                handset_growth: (0, 0),
                handset_asp: 1_150,
                handset_margin: 5,
                iot: (15, 9),
                internet: (12, 50),
                ev_units: 800_000,
                ev_asp: 260_000,
                ev_margin: 8,
                core_pe: 27,
                ev_sales: (375, 2),
            },
        }
    }

    pub fn scenario(self) -> Scenario {
        let a = self.assumptions();
        let d = Decimal::from;
        let pe = d(a.core_pe);
        let core = |id: &str, name: &str, driver: Driver, margin: i64| Segment {
            id: id.into(),
            name: name.into(),
            driver,
            margin_pct: d(margin),
            method: Method::Pe,
            multiple: pe,
            unit_label: None,
        };
        Scenario {
            name: format!("Xiaomi {}", self.name()),
            company: Company { name: "Xiaomi Corporation".into(), ticker: "1810.HK".into() },
            reporting_currency: "RMB".into(),
            listing_currency: "HKD".into(),
            fx_listing_per_reporting: Decimal::new(1095, 3),
            price: Decimal::new(4034, 2),
            price_date: Some("2025-11-25".into()),
            shares_bn: Decimal::new(2604, 2),
            base_year: 2025,
            valuation_year: 2026,
            segments: vec![
                core(
                    "smartphones",
                    "Smartphones",
                    Driver::UnitsGrowth {
                        base_units: d(170_000_000),
                        growth_pct: Decimal::new(a.handset_growth.0, a.handset_growth.1),
                        asp: d(a.handset_asp),
                    },
                    a.handset_margin,
                ),
                core(
                    "iot",
                    "IoT & lifestyle",
                    Driver::RevenueGrowth { base_revenue_bn: d(128), growth_pct: d(a.iot.0) },
                    a.iot.1,
                ),
                core(
                    "internet",
                    "Internet services",
                    Driver::RevenueGrowth {
                        base_revenue_bn: Decimal::new(372, 1),
                        growth_pct: d(a.internet.0),
                    },
                    a.internet.1,
                ),
                Segment {
                    id: "ev".into(),
                    name: "Smart EV".into(),
                    driver: Driver::Units { units: d(a.ev_units), asp: d(a.ev_asp) },
                    margin_pct: d(a.ev_margin),
                    method: Method::EvSales,
                    multiple: Decimal::new(a.ev_sales.0, a.ev_sales.1),
                    unit_label: None,
                },
            ],
            net_cash_bn: Decimal::ZERO,
            investments_bn: Decimal::ZERO,
            investments_discount_pct: Decimal::ZERO,
            other_bn: Decimal::ZERO,
            holding_discount_pct: Decimal::ZERO,
            buyback_listing_bn: Decimal::ZERO,
        }
    }

    /// The preset whose assumptions the scenario carries, if any. Names and
    /// dates are ignored: only what changes the valuation counts.
    pub fn matching(s: &Scenario) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| same_assumptions(&p.scenario(), s))
    }
}

/// Xiaomi's segments by id with their driver kinds, as the presets have them.
const XIAOMI_SEGMENTS: [(&str, crate::model::DriverKind); 4] = {
    use crate::model::DriverKind as K;
    [
        ("smartphones", K::UnitsGrowth),
        ("iot", K::RevenueGrowth),
        ("internet", K::RevenueGrowth),
        ("ev", K::Units),
    ]
};

/// Whether `s` has Xiaomi's shape (its company, currencies, segments by id
/// and driver kind, in order): the scenarios Bear, Base and Bull, Xiaomi's
/// ranges and Xiaomi's field names apply to. Values may differ.
pub fn is_xiaomi_shaped(s: &Scenario) -> bool {
    s.company.ticker == "1810.HK"
        && s.reporting_currency == "RMB"
        && s.listing_currency == "HKD"
        && s.segments.len() == XIAOMI_SEGMENTS.len()
        && s.segments
            .iter()
            .zip(XIAOMI_SEGMENTS)
            .all(|(seg, (id, kind))| seg.id == id && seg.driver.driver_kind() == kind)
}

/// Whether two scenarios value the same way (every input but the name).
pub fn same_assumptions(a: &Scenario, b: &Scenario) -> bool {
    a.company == b.company
        && a.reporting_currency == b.reporting_currency
        && a.listing_currency == b.listing_currency
        && a.base_year == b.base_year
        && a.valuation_year == b.valuation_year
        && a.segments == b.segments
        && Field::GROUP.iter().all(|f| f.get(a) == f.get(b))
}

/// Who published each fact behind the defaults, in the order of the
/// Sources list; what each gave, with its date, is a text
/// (`text::sources`).
pub const SOURCE_OUTLETS: [&str; 11] = [
    "Deep News",
    "Yicai",
    "boerse-global.de",
    "ttm.financial",
    "Xiaomi results",
    "BOCI",
    "Citi",
    "UBS",
    "Morgan Stanley",
    "Guancha and Reportify",
    "Xiaomi buyback filings, via ttmgoal",
];
