//! The scenario of docs/valuation-model.md, as Rust types.
//!
//! `format` and `version` are not stored: they are constants of the file
//! format, written by `json::to_json` and checked by `json::from_json`.

use rust_decimal::Decimal;
use serde::Serialize;

/// File format tag and the version this build writes.
pub const FORMAT: &str = "sotp-scenario";
pub const VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Scenario {
    pub name: String,
    pub company: Company,
    pub reporting_currency: String,
    pub listing_currency: String,
    pub fx_listing_per_reporting: Decimal,
    pub price: Decimal,
    /// The day `price` was taken (ISO date). An optional extension of v1:
    /// readers that do not know it ignore it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price_date: Option<String>,
    pub shares_bn: Decimal,
    pub base_year: i32,
    pub valuation_year: i32,
    pub segments: Vec<Segment>,
    pub net_cash_bn: Decimal,
    pub investments_bn: Decimal,
    pub investments_discount_pct: Decimal,
    pub other_bn: Decimal,
    pub holding_discount_pct: Decimal,
    pub buyback_listing_bn: Decimal,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Company {
    pub name: String,
    pub ticker: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Segment {
    pub id: String,
    pub name: String,
    pub driver: Driver,
    pub margin_pct: Decimal,
    pub method: Method,
    pub multiple: Decimal,
    /// What one unit is ("cars", "subscribers"): an optional extension of
    /// the v1 file (docs/extensions.md), left out of the JSON when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit_label: Option<String>,
}

/// How a segment's valuation-year revenue is forecast.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Driver {
    Units { units: Decimal, asp: Decimal },
    UnitsGrowth { base_units: Decimal, growth_pct: Decimal, asp: Decimal },
    Revenue { revenue_bn: Decimal },
    RevenueGrowth { base_revenue_bn: Decimal, growth_pct: Decimal },
}

impl Driver {
    /// The JSON code of this driver's kind.
    pub fn kind(&self) -> &'static str {
        self.driver_kind().code()
    }

    pub fn driver_kind(&self) -> DriverKind {
        match self {
            Driver::Units { .. } => DriverKind::Units,
            Driver::UnitsGrowth { .. } => DriverKind::UnitsGrowth,
            Driver::Revenue { .. } => DriverKind::Revenue,
            Driver::RevenueGrowth { .. } => DriverKind::RevenueGrowth,
        }
    }
}

/// A segment's numeric fields (their rules, keys and values: `field`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SegmentField {
    Units,
    BaseUnits,
    Asp,
    GrowthPct,
    RevenueBn,
    BaseRevenueBn,
    MarginPct,
    Multiple,
}

/// The kinds of driver: the one table every reader and writer uses (the
/// JSON file, share links, labels, explanations), so that a kind cannot be
/// half added. `tests/driver_kinds.rs` walks every kind through all of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DriverKind {
    Units,
    UnitsGrowth,
    Revenue,
    RevenueGrowth,
}

impl DriverKind {
    pub const ALL: [DriverKind; 4] =
        [DriverKind::Units, DriverKind::UnitsGrowth, DriverKind::Revenue, DriverKind::RevenueGrowth];

    /// The `kind` of the spec's file format.
    pub const fn code(self) -> &'static str {
        match self {
            DriverKind::Units => "units",
            DriverKind::UnitsGrowth => "units_growth",
            DriverKind::Revenue => "revenue",
            DriverKind::RevenueGrowth => "revenue_growth",
        }
    }

    /// The byte that names the kind in a share link (`link::v1`).
    pub const fn link_tag(self) -> u8 {
        match self {
            DriverKind::Units => 0,
            DriverKind::UnitsGrowth => 1,
            DriverKind::Revenue => 2,
            DriverKind::RevenueGrowth => 3,
        }
    }

    pub fn from_code(code: &str) -> Option<DriverKind> {
        DriverKind::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn from_link_tag(tag: u8) -> Option<DriverKind> {
        DriverKind::ALL.into_iter().find(|k| k.link_tag() == tag)
    }

    /// Whether the kind counts units (and so has a unit name to show).
    pub const fn has_units(self) -> bool {
        matches!(self, DriverKind::Units | DriverKind::UnitsGrowth)
    }

    /// The driver's fields, in the order of the spec (and of a link).
    pub fn fields(self) -> &'static [SegmentField] {
        use SegmentField as S;
        match self {
            DriverKind::Units => &[S::Units, S::Asp],
            DriverKind::UnitsGrowth => &[S::BaseUnits, S::GrowthPct, S::Asp],
            DriverKind::Revenue => &[S::RevenueBn],
            DriverKind::RevenueGrowth => &[S::BaseRevenueBn, S::GrowthPct],
        }
    }

    /// The driver of this kind with `values` for its `fields()`, in order;
    /// None when the count is not the kind's.
    pub fn build(self, values: &[Decimal]) -> Option<Driver> {
        Some(match (self, values) {
            (DriverKind::Units, &[units, asp]) => Driver::Units { units, asp },
            (DriverKind::UnitsGrowth, &[base_units, growth_pct, asp]) => {
                Driver::UnitsGrowth { base_units, growth_pct, asp }
            }
            (DriverKind::Revenue, &[revenue_bn]) => Driver::Revenue { revenue_bn },
            (DriverKind::RevenueGrowth, &[base_revenue_bn, growth_pct]) => {
                Driver::RevenueGrowth { base_revenue_bn, growth_pct }
            }
            _ => return None,
        })
    }
}

/// How a segment's metric is turned into value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    Pe,
    EvEbit,
    EvSales,
}

impl Method {
    pub const ALL: [Method; 3] = [Method::Pe, Method::EvEbit, Method::EvSales];

    pub fn code(self) -> &'static str {
        match self {
            Method::Pe => "pe",
            Method::EvEbit => "ev_ebit",
            Method::EvSales => "ev_sales",
        }
    }

    pub fn from_code(code: &str) -> Option<Method> {
        Method::ALL.into_iter().find(|m| m.code() == code)
    }
}
