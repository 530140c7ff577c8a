//! Analysts' published price targets for Xiaomi (docs/xiaomi-facts.md,
//! "Analyst views"): what brokers wrote, dated, never our figures.

use rust_decimal::Decimal;

/// When a target was published, as precisely as the source says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Published {
    /// An ISO date, `YYYY-MM-DD`.
    Day(&'static str),
    /// A month, `YYYY-MM`.
    Month(&'static str),
    Undated,
}

/// One broker's target, per share in the listing currency (HK$).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Target {
    pub broker: &'static str,
    pub published: Published,
    pub target: Decimal,
    /// A bear-to-bull range the broker gave with it.
    pub range: Option<(Decimal, Decimal)>,
}

const fn hkd(cents: u32) -> Decimal {
    Decimal::from_parts(cents, 0, 0, false, 2)
}

/// The facts sheet's table, in its order.
pub const XIAOMI: [Target; 9] = [
    Target { broker: "BOCI", published: Published::Day("2025-12-16"), target: hkd(5621), range: None },
    Target { broker: "UBS", published: Published::Day("2025-11-19"), target: hkd(4600), range: None },
    Target { broker: "Citi", published: Published::Month("2025-11"), target: hkd(5000), range: None },
    Target {
        broker: "Goldman Sachs",
        published: Published::Day("2025-11-19"),
        target: hkd(5350),
        range: None,
    },
    Target {
        broker: "Morgan Stanley",
        published: Published::Month("2025-05"),
        target: hkd(6200),
        range: Some((hkd(3000), hkd(7500))),
    },
    Target {
        broker: "First Shanghai",
        published: Published::Month("2025-11"),
        target: hkd(5020),
        range: None,
    },
    Target { broker: "CICC", published: Published::Undated, target: hkd(7000), range: None },
    Target { broker: "HSBC", published: Published::Month("2025-10"), target: hkd(6540), range: None },
    Target { broker: "Macquarie", published: Published::Month("2025-08"), target: hkd(6100), range: None },
];

/// The published targets for a company, by ticker, when they are in the
/// listing currency the scenario uses (they are HK$ figures).
pub fn for_company(ticker: &str, listing_currency: &str) -> &'static [Target] {
    if ticker == "1810.HK" && listing_currency == "HKD" {
        &XIAOMI
    } else {
        &[]
    }
}

/// A mark the market itself made, from the facts sheet ("Founder purchase
/// and buybacks", "Market data"): dated and sourced in its words (`key`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MarketMark {
    pub key: crate::text::ExplainKey,
    /// The price, or a range's low end.
    pub value: Decimal,
    /// A range's high end.
    pub high: Option<Decimal>,
}

/// Xiaomi's: the 2025 trading range (intraday low HK$36.62 on 21 Nov,
/// Guancha; high HK$61.45 on 27 Jun, Jiemian), Lei Jun's purchase on 24 Nov
/// 2025 (average HK$38.58, Jiemian) and the company's buyback of 20 Nov
/// 2025 (average HK$37.61, ttmgoal).
pub const XIAOMI_MARKS: [MarketMark; 3] = [
    MarketMark { key: crate::text::ExplainKey::FootRange2025, value: hkd(3662), high: Some(hkd(6145)) },
    MarketMark { key: crate::text::ExplainKey::FootFounder, value: hkd(3858), high: None },
    MarketMark { key: crate::text::ExplainKey::FootBuyback, value: hkd(3761), high: None },
];

/// The market's marks for a company, like `for_company`.
pub fn market_marks(ticker: &str, listing_currency: &str) -> &'static [MarketMark] {
    if ticker == "1810.HK" && listing_currency == "HKD" {
        &XIAOMI_MARKS
    } else {
        &[]
    }
}
