//! Every numeric field of a scenario, with its rule.
//!
//! One catalogue serves validation, import and the editing UI, so a rule is
//! written once; what a field is called is the text module's (`crate::text`).

use super::scenario::{Driver, Scenario};
use rust_decimal::Decimal;

/// A numeric field of a scenario. Segment fields carry the segment's index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Price,
    SharesBn,
    Fx,
    BaseYear,
    ValuationYear,
    NetCashBn,
    InvestmentsBn,
    InvestmentsDiscountPct,
    OtherBn,
    HoldingDiscountPct,
    BuybackListingBn,
    Segment(usize, SegmentField),
}

// A segment's fields are named where a segment is defined (a driver kind
// lists its fields), so that `scenario` needs nothing from this module.
pub use super::scenario::SegmentField;

/// The rule a field's value must meet (spec, "Scenario").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    Any,
    Positive,
    NonNegative,
    /// 0 <= x < 100
    DiscountPct,
    /// -100 <= x <= 100
    MarginPct,
    /// x > -100
    GrowthPct,
    /// a whole number that fits a year
    Year,
}

impl Rule {
    pub fn check(self, d: Decimal) -> Result<(), RuleBroken> {
        let hundred = Decimal::ONE_HUNDRED;
        let ok = match self {
            Rule::Any => true,
            Rule::Positive => d > Decimal::ZERO,
            Rule::NonNegative => d >= Decimal::ZERO,
            Rule::DiscountPct => d >= Decimal::ZERO && d < hundred,
            Rule::MarginPct => d >= -hundred && d <= hundred,
            Rule::GrowthPct => d > -hundred,
            Rule::Year => d.fract().is_zero() && d >= Decimal::from(i32::MIN) && d <= Decimal::from(i32::MAX),
        };
        if ok {
            Ok(())
        } else {
            Err(RuleBroken(self))
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuleBroken(pub Rule);

impl Field {
    pub const GROUP: [Field; 11] = [
        Field::Price,
        Field::SharesBn,
        Field::Fx,
        Field::BaseYear,
        Field::ValuationYear,
        Field::NetCashBn,
        Field::InvestmentsBn,
        Field::InvestmentsDiscountPct,
        Field::OtherBn,
        Field::HoldingDiscountPct,
        Field::BuybackListingBn,
    ];

    pub fn rule(self) -> Rule {
        use SegmentField as S;
        match self {
            Field::Price | Field::SharesBn | Field::Fx => Rule::Positive,
            Field::BaseYear | Field::ValuationYear => Rule::Year,
            Field::NetCashBn | Field::OtherBn => Rule::Any,
            Field::InvestmentsBn | Field::BuybackListingBn => Rule::NonNegative,
            Field::InvestmentsDiscountPct | Field::HoldingDiscountPct => Rule::DiscountPct,
            Field::Segment(_, f) => match f {
                S::Units | S::BaseUnits | S::Asp | S::RevenueBn | S::BaseRevenueBn => Rule::NonNegative,
                S::Multiple => Rule::NonNegative,
                S::GrowthPct => Rule::GrowthPct,
                S::MarginPct => Rule::MarginPct,
            },
        }
    }

    /// In percent: the `%` sign is implied, not typed.
    pub fn in_pct(self) -> bool {
        self.json_key().ends_with("_pct")
    }

    /// Typed on the page as a whole number: years, and counts of cars or
    /// phones. (A file may still carry a fraction, as the spec allows.)
    pub fn typed_whole(self) -> bool {
        self.rule() == Rule::Year
            || matches!(self, Field::Segment(_, SegmentField::Units | SegmentField::BaseUnits))
    }

    /// Reads what the user typed into this field, written as the reader
    /// writes numbers (`style`), with a problem that fits the field: a
    /// number, whole where a count or year is, within its rule.
    pub fn parse(self, style: super::number::NumberStyle, text: &str) -> Result<Decimal, super::Problem> {
        use super::number::NumberError;
        use super::Problem;
        let d = read_typed(style, text, self.in_pct())?;
        if self.typed_whole() && !d.fract().is_zero() {
            return Err(Problem::Number(NumberError::NotWhole));
        }
        self.rule().check(d).map_err(|b| Problem::Rule(b.0))?;
        Ok(d)
    }

    /// Where the field sits in the scenario file, e.g. `segments[3].driver.units`.
    pub fn json_path(self) -> String {
        let key = self.json_key();
        match self {
            Field::Segment(i, f) if f.in_driver() => format!("segments[{i}].driver.{key}"),
            Field::Segment(i, _) => format!("segments[{i}].{key}"),
            _ => key.to_string(),
        }
    }

    pub fn json_key(self) -> &'static str {
        use SegmentField as S;
        match self {
            Field::Price => "price",
            Field::SharesBn => "shares_bn",
            Field::Fx => "fx_listing_per_reporting",
            Field::BaseYear => "base_year",
            Field::ValuationYear => "valuation_year",
            Field::NetCashBn => "net_cash_bn",
            Field::InvestmentsBn => "investments_bn",
            Field::InvestmentsDiscountPct => "investments_discount_pct",
            Field::OtherBn => "other_bn",
            Field::HoldingDiscountPct => "holding_discount_pct",
            Field::BuybackListingBn => "buyback_listing_bn",
            Field::Segment(_, f) => match f {
                S::Units => "units",
                S::BaseUnits => "base_units",
                S::Asp => "asp",
                S::GrowthPct => "growth_pct",
                S::RevenueBn => "revenue_bn",
                S::BaseRevenueBn => "base_revenue_bn",
                S::MarginPct => "margin_pct",
                S::Multiple => "multiple",
            },
        }
    }

    /// The index of the segment a segment field belongs to.
    pub fn segment(self) -> Option<usize> {
        match self {
            Field::Segment(i, _) => Some(i),
            _ => None,
        }
    }

    pub fn get(self, s: &Scenario) -> Option<Decimal> {
        match self {
            Field::Price => Some(s.price),
            Field::SharesBn => Some(s.shares_bn),
            Field::Fx => Some(s.fx_listing_per_reporting),
            Field::BaseYear => Some(Decimal::from(s.base_year)),
            Field::ValuationYear => Some(Decimal::from(s.valuation_year)),
            Field::NetCashBn => Some(s.net_cash_bn),
            Field::InvestmentsBn => Some(s.investments_bn),
            Field::InvestmentsDiscountPct => Some(s.investments_discount_pct),
            Field::OtherBn => Some(s.other_bn),
            Field::HoldingDiscountPct => Some(s.holding_discount_pct),
            Field::BuybackListingBn => Some(s.buyback_listing_bn),
            Field::Segment(i, f) => {
                let seg = s.segments.get(i)?;
                match f {
                    SegmentField::MarginPct => Some(seg.margin_pct),
                    SegmentField::Multiple => Some(seg.multiple),
                    // A driver is three decimals at most: reading through a copy
                    // keeps one accessor for both directions.
                    _ => driver_slot_mut(&mut seg.driver.clone(), f).copied(),
                }
            }
        }
    }

    /// Writes `d` into the field. Returns false when the scenario has no
    /// such field (no segment `i`, or a driver without it) or a year does
    /// not fit; the scenario is then unchanged. Rules are not checked here.
    pub fn set(self, s: &mut Scenario, d: Decimal) -> bool {
        let slot = match self {
            Field::Price => &mut s.price,
            Field::SharesBn => &mut s.shares_bn,
            Field::Fx => &mut s.fx_listing_per_reporting,
            Field::BaseYear | Field::ValuationYear => {
                let Ok(year) = i32::try_from(d) else {
                    return false;
                };
                if !d.fract().is_zero() {
                    return false;
                }
                if self == Field::BaseYear {
                    s.base_year = year;
                } else {
                    s.valuation_year = year;
                }
                return true;
            }
            Field::NetCashBn => &mut s.net_cash_bn,
            Field::InvestmentsBn => &mut s.investments_bn,
            Field::InvestmentsDiscountPct => &mut s.investments_discount_pct,
            Field::OtherBn => &mut s.other_bn,
            Field::HoldingDiscountPct => &mut s.holding_discount_pct,
            Field::BuybackListingBn => &mut s.buyback_listing_bn,
            Field::Segment(i, f) => {
                let Some(seg) = s.segments.get_mut(i) else {
                    return false;
                };
                match f {
                    SegmentField::MarginPct => &mut seg.margin_pct,
                    SegmentField::Multiple => &mut seg.multiple,
                    _ => match driver_slot_mut(&mut seg.driver, f) {
                        Some(slot) => slot,
                        None => return false,
                    },
                }
            }
        };
        *slot = d;
        true
    }

    /// Every numeric field the scenario has, group fields first.
    pub fn all(s: &Scenario) -> Vec<Field> {
        let mut out = Field::GROUP.to_vec();
        for (i, seg) in s.segments.iter().enumerate() {
            out.extend(SegmentField::of_driver(&seg.driver).iter().map(|&f| Field::Segment(i, f)));
            out.push(Field::Segment(i, SegmentField::MarginPct));
            out.push(Field::Segment(i, SegmentField::Multiple));
        }
        out
    }
}

impl SegmentField {
    pub fn in_driver(self) -> bool {
        !matches!(self, SegmentField::MarginPct | SegmentField::Multiple)
    }

    /// The driver's fields, in the order the spec lists them.
    pub fn of_driver(d: &Driver) -> &'static [SegmentField] {
        d.driver_kind().fields()
    }

    /// The key of this field in the spec's file format.
    pub fn json_key(self) -> &'static str {
        Field::Segment(0, self).json_key()
    }

    /// This field's value in a driver, if the driver has it.
    pub fn of(self, d: &Driver) -> Option<Decimal> {
        driver_slot_mut(&mut d.clone(), self).copied()
    }
}

fn driver_slot_mut(d: &mut Driver, f: SegmentField) -> Option<&mut Decimal> {
    use SegmentField as S;
    match (d, f) {
        (Driver::Units { units, .. }, S::Units) => Some(units),
        (Driver::Units { asp, .. }, S::Asp) => Some(asp),
        (Driver::UnitsGrowth { base_units, .. }, S::BaseUnits) => Some(base_units),
        (Driver::UnitsGrowth { growth_pct, .. }, S::GrowthPct) => Some(growth_pct),
        (Driver::UnitsGrowth { asp, .. }, S::Asp) => Some(asp),
        (Driver::Revenue { revenue_bn }, S::RevenueBn) => Some(revenue_bn),
        (Driver::RevenueGrowth { base_revenue_bn, .. }, S::BaseRevenueBn) => Some(base_revenue_bn),
        (Driver::RevenueGrowth { growth_pct, .. }, S::GrowthPct) => Some(growth_pct),
        _ => None,
    }
}

/// A number as a reader typed it (`NumberStyle`), with the problem of a
/// field in percent or not: a "%" is "already in %" where the value is a
/// percentage and "not a percentage" elsewhere. What every typed number
/// goes through before its own rules.
pub fn read_typed(
    style: super::number::NumberStyle,
    text: &str,
    in_pct: bool,
) -> Result<Decimal, super::Problem> {
    use super::number::{parse_typed, NumberError};
    parse_typed(style, text).map_err(|e| {
        super::Problem::Number(match e {
            NumberError::PercentSign if !in_pct => NumberError::PercentSignNotPct,
            e => e,
        })
    })
}
