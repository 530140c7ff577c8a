//! Per-share amounts shown in another currency than the listing one: for
//! a scenario listed in Hong Kong dollars, in RMB, US dollars or euros, at
//! rates the reader sees and may change. A view of the value only: the
//! valuation is never computed in the display currency.
//!
//! Plain Rust (decimals, no floats), tested natively; the view is
//! `ui::docs::currency_view`.

use crate::model::field::read_typed;
use crate::model::number::NumberStyle;
use crate::model::{Problem, Rule};
use rust_decimal::Decimal;

/// A currency per-share amounts may be shown in beside the listing one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    Rmb,
    Usd,
    Eur,
}

impl Shown {
    pub const ALL: [Shown; 3] = [Shown::Rmb, Shown::Usd, Shown::Eur];

    /// Its ISO 4217 code as the page writes it (the spec's "RMB").
    pub fn code(self) -> &'static str {
        match self {
            Shown::Rmb => "RMB",
            Shown::Usd => "USD",
            Shown::Eur => "EUR",
        }
    }

    pub fn from_code(code: &str) -> Option<Shown> {
        Shown::ALL.into_iter().find(|c| c.code() == code)
    }

    /// Hong Kong dollars per unit, from the facts sheet (FX rows: Yicai,
    /// 19 Nov 2025; EUR derived from the German article's EUR 4.60 against
    /// HK$41.18): 1 RMB = 1.095 HKD, 1 USD = 7.79 HKD, 1 EUR = 8.95 HKD.
    pub fn default_hkd_per_unit(self) -> Decimal {
        match self {
            Shown::Rmb => Decimal::new(1095, 3),
            Shown::Usd => Decimal::new(779, 2),
            Shown::Eur => Decimal::new(895, 2),
        }
    }
}

/// The listing currency whose amounts can be shown converted: the rates
/// are Hong Kong dollars per unit.
pub const FROM: &str = "HKD";

/// Whether a scenario listed in `listing` can show converted amounts.
pub fn can_convert(listing: &str) -> bool {
    listing == FROM
}

/// `hkd` Hong Kong dollars in a currency of which one unit is
/// `hkd_per_unit` Hong Kong dollars; `None` when it cannot be computed.
pub fn convert(hkd: Decimal, hkd_per_unit: Decimal) -> Option<Decimal> {
    if hkd_per_unit <= Decimal::ZERO {
        return None;
    }
    hkd.checked_div(hkd_per_unit)
}

/// Reads a rate as the reader typed it: a number above 0.
pub fn parse_rate(style: NumberStyle, text: &str) -> Result<Decimal, Problem> {
    let rate = read_typed(style, text, false)?;
    Rule::Positive.check(rate).map_err(|b| Problem::Rule(b.0))?;
    Ok(rate)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::NumberError;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn converts_at_the_facts_sheets_rates() {
        // HK$55.49 a share: 55.49 / 1.095 = 50.6758 RMB; / 7.79 = 7.1232 USD; / 8.95 = 6.2000 EUR.
        let value = d("55.49");
        let near = |got: Option<Decimal>, want: &str| (got.unwrap() - d(want)).abs() < d("0.00005");
        assert!(near(convert(value, Shown::Rmb.default_hkd_per_unit()), "50.6758"));
        assert!(near(convert(value, Shown::Usd.default_hkd_per_unit()), "7.1232"));
        assert!(near(convert(value, Shown::Eur.default_hkd_per_unit()), "6.2000"));
        assert_eq!(convert(value, Decimal::ZERO), None);
        assert_eq!(convert(value, d("-1")), None);
    }

    #[test]
    fn a_rate_is_a_number_above_zero_as_the_reader_writes_it() {
        assert_eq!(parse_rate(NumberStyle::DecimalComma, "8,95"), Ok(d("8.95")));
        assert_eq!(parse_rate(NumberStyle::DecimalPoint, "7.79"), Ok(d("7.79")));
        assert_eq!(parse_rate(NumberStyle::DecimalPoint, "0"), Err(Problem::Rule(Rule::Positive)));
        assert_eq!(parse_rate(NumberStyle::DecimalPoint, ""), Err(Problem::Number(NumberError::Empty)));
        assert_eq!(
            parse_rate(NumberStyle::DecimalPoint, "5%"),
            Err(Problem::Number(NumberError::PercentSignNotPct))
        );
        assert_eq!(
            parse_rate(NumberStyle::DecimalComma, "1.5"),
            Err(Problem::Number(NumberError::DecimalPoint))
        );
    }

    #[test]
    fn only_hong_kong_listings_convert() {
        assert!(can_convert("HKD"));
        assert!(!can_convert("USD"));
        assert_eq!(Shown::from_code("EUR"), Some(Shown::Eur));
        assert_eq!(Shown::from_code("HKD"), None);
    }
}
