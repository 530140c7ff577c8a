//! Xiaomi's Bear, Base and Bull scenarios, and where each default comes from.
//!
//! Every number here traces to docs/xiaomi-facts.md; `source` gives
//! the line for each field so the UI can show it beside the input.

use super::field::{Field, SegmentField};
use super::scenario::{Company, Driver, Method, Scenario, Segment};
use rust_decimal::Decimal;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Preset {
    Bear,
    Base,
    Bull,
}

/// The date the default market figures are as of.
pub const FIGURES_AS_OF: &str = "25 Nov 2025";

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

/// Where a default comes from, for Xiaomi's segments (by id) and the group
/// fields. `None` for fields of other companies' segments.
pub fn source(field: Field, segment_id: Option<&str>) -> Option<&'static str> {
    use SegmentField as S;
    Some(match (field, segment_id) {
        (Field::Price, _) => "HK$40.34: close of 25 Nov 2025, +4.35% on the day (Deep News, 25 Nov 2025).",
        (Field::SharesBn, _) => "About 26.04bn shares: 4.51bn class A + 21.54bn class B; Lei Jun's 6.057bn shares at 23.26% gives the same.",
        (Field::Fx, _) => "1 RMB = about 1.095 HKD, derived from Yicai, 19 Nov 2025.",
        (Field::BaseYear | Field::ValuationYear, _) => "FY2025 is the last full year; analysts value Xiaomi on 2026E (BOCI, UBS, Citi, CICC).",
        (Field::NetCashBn, _) => "0 by default: a P/E value is already equity value and includes the earnings on cash (cash resources were RMB 236.7bn at 30 Sep 2025).",
        (Field::InvestmentsBn | Field::InvestmentsDiscountPct, _) => "0 by default; long-term investments at fair value were RMB 62.1bn plus RMB 6.2bn equity-method at 31 Dec 2024, and their returns sit in core earnings.",
        (Field::OtherBn | Field::HoldingDiscountPct, _) => "0 by default: none of the brokers' SOTPs applies one.",
        (Field::BuybackListingBn, _) => "0 by default; over HK$2.3bn was bought back in 2025 to late Nov, and about 2.55bn shares were left on the June 2025 mandate on 20 Nov.",
        (Field::Segment(_, f), Some("smartphones")) => match f {
            S::BaseUnits => "170m handsets in 2025 (Citi, Nov 2025; FY2024 was 168.6m).",
            S::GrowthPct => "-5.9%: Citi's 160m for 2026 after 170m in 2025 (160/170 - 1).",
            S::Asp => "RMB 1,100: ASP was 1,138 in FY2024, then 1,211 / 1,073 / 1,063 in Q1-Q3 2025.",
            S::MarginPct => "Net margin after opex on a 11-12.6% gross margin (FY2024 12.6%, Q3 2025 11.1%).",
            S::Multiple => "Core P/E: BOCI 22x 2026E, UBS 20.6x, Citi 18.9x; Morgan Stanley bear 10-15x, bull 25-30x.",
            _ => return None,
        },
        (Field::Segment(_, f), Some("iot")) => match f {
            S::BaseRevenueBn => "RMB 128bn for 2025: 98.6bn in Q1-Q3 2025 (32.3 + 38.7 + 27.6) plus a Q4 like Q3; FY2024 was 104.1bn.",
            S::GrowthPct => "2026 growth; FY2024 to 2025E is about +23%.",
            S::MarginPct => "Net margin on a 20-25% gross margin (FY2024 20.3%, Q3 2025 23.9%).",
            S::Multiple => "Core P/E, as for the whole core business (BOCI 22x 2026E).",
            _ => return None,
        },
        (Field::Segment(_, f), Some("internet")) => match f {
            S::BaseRevenueBn => "RMB 37.2bn for 2025: 27.6bn in Q1-Q3 (9.1 + 9.1 + 9.4) plus a Q4 of about 9.6bn; FY2024 was 34.1bn.",
            S::GrowthPct => "2026 growth; FY2024 to 2025E is about +9%.",
            S::MarginPct => "Net margin on a 75-77% gross margin (Q1-Q3 2025).",
            S::Multiple => "Core P/E, as for the whole core business (BOCI 22x 2026E).",
            _ => return None,
        },
        (Field::Segment(_, f), Some("ev")) => match f {
            S::Units => "2026E deliveries: BOCI 651k, Citi 700k; 2025 target raised to over 400,000 (boerse-global.de, 27 Nov 2025); 500,000th car built 20 Nov 2025.",
            S::Asp => "RMB per car: 253,662 in Q2 and 260,053 in Q3 2025 (FY2024 234,479).",
            S::MarginPct => "EBIT margin: Q3 2025 was the first profit, RMB 0.7bn on 29.0bn revenue (2.4%); gross margin 25.5%.",
            S::Multiple => "EV/Sales 2026E: UBS 2x, Citi 1.5x; Morgan Stanley bear 1-1.5x, bull 3.5-4x.",
            _ => return None,
        },
        _ => return None,
    })
}

/// One source of the defaults: who published it, when, and what was taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Source {
    pub outlet: &'static str,
    pub date: &'static str,
    pub took: &'static str,
}

const fn src(outlet: &'static str, date: &'static str, took: &'static str) -> Source {
    Source { outlet, date, took }
}

/// The facts behind the defaults, for the Sources view.
pub const SOURCES: [Source; 11] = [
    src("Deep News", "25 Nov 2025", "the price: a close of HK$40.34 (+4.35%) after Lei Jun bought 2.6m shares for over HK$100m."),
    src("Yicai", "19 Nov 2025", "FX: 1 RMB = about 1.095 HKD (derived from its HKD, USD and RMB figures)."),
    src("boerse-global.de", "27 Nov 2025", "the 2025 EV delivery target, raised to over 400,000; the 500,000th car built."),
    src("ttm.financial", "Feb 2026", "shares outstanding, about 26.04bn (4.51bn class A + 21.54bn class B); Lei Jun's 23.26% gives the same."),
    src("Xiaomi results", "FY2024 and Q1-Q3 2025", "segment revenue, margins, shipments and ASPs: smartphones 168.6m at RMB 1,138 (FY2024); IoT 104.1bn; internet 34.1bn; EV 108,796 cars at RMB 260,053 and a first operating profit of RMB 0.7bn in Q3 2025."),
    src("BOCI", "16 Dec 2025", "target HK$56.21 = 35.50 core (22x 2026E P/E) + 20.71 EV (on sales); EV units 2026E 651k."),
    src("Citi", "Nov 2025", "target HK$50: core 18.9x 2026E P/E + EV 1.5x sales; EV 400k / 700k units in 2025 / 26; phones 170m / 160m."),
    src("UBS", "19 Nov 2025", "target HK$46: 20.6x 2026E core earnings + 2x 2026E EV sales."),
    src("Morgan Stanley", "May 2025", "bear HK$30 / base 62 / bull 75; bull core 25-30x P/E and EV 3.5-4x sales, bear 10-15x and 1-1.5x."),
    src("Guancha and Reportify", "late Nov 2025", "buybacks: over HK$2.3bn in 2025 to late November."),
    src("Xiaomi buyback filings, via ttmgoal", "20-21 Nov 2025", "21.5m shares for over HK$800m; about 2.55bn shares left on the June 2025 mandate."),
];
