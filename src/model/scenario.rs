//! The scenario of spec/valuation-model.md, as Rust types.
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
    pub const KINDS: [&'static str; 4] = ["units", "units_growth", "revenue", "revenue_growth"];

    pub fn kind(&self) -> &'static str {
        match self {
            Driver::Units { .. } => "units",
            Driver::UnitsGrowth { .. } => "units_growth",
            Driver::Revenue { .. } => "revenue",
            Driver::RevenueGrowth { .. } => "revenue_growth",
        }
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

    /// The name an analyst uses for the multiple.
    pub fn label(self) -> &'static str {
        match self {
            Method::Pe => "P/E",
            Method::EvEbit => "EV/EBIT",
            Method::EvSales => "EV/Sales",
        }
    }

    /// What `margin_pct` means under this method.
    pub fn profit_label(self) -> &'static str {
        match self {
            Method::Pe => "net profit",
            Method::EvEbit => "EBIT",
            Method::EvSales => "profit (not used by EV/Sales)",
        }
    }
}
