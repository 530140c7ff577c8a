//! The valuation of docs/valuation-model.md, in checked decimal arithmetic.
//!
//! Nothing here rounds: every figure keeps rust_decimal's 28 significant
//! digits and is rounded only when displayed.

use super::arith::Checked;
use super::field::{Field, SegmentField};
use super::scenario::{Driver, Method, Scenario};
use super::validate::{shares_after_buyback, validate, Issue, Problem, MAX_YEARS};
use rust_decimal::Decimal;

/// One segment's line of the valuation.
#[derive(Clone, Debug, PartialEq)]
pub struct SegmentValue {
    pub id: String,
    pub name: String,
    pub revenue_bn: Decimal,
    pub profit_bn: Decimal,
    pub method: Method,
    /// What the multiple applies to: profit for P/E and EV/EBIT, revenue for EV/Sales.
    pub metric_bn: Decimal,
    pub multiple: Decimal,
    pub value_bn: Decimal,
    /// `value_bn / shares_after_bn * fx`: this segment's part of the value per share.
    pub per_share_listing: Decimal,
}

/// The group terms between the sum of the parts and equity, in bridge order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GroupTerm {
    HoldingDiscount,
    NetCash,
    Investments,
    Other,
    /// The cash the buybacks spend (a cost to equity).
    Buybacks,
    /// The shares they retire: the same equity over fewer shares.
    SharesRetired,
}

impl GroupTerm {
    pub const ALL: [GroupTerm; 6] = [
        GroupTerm::HoldingDiscount,
        GroupTerm::NetCash,
        GroupTerm::Investments,
        GroupTerm::Other,
        GroupTerm::Buybacks,
        GroupTerm::SharesRetired,
    ];
}

/// A group line of the bridge: its signed effect on equity and per share.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupLine {
    pub term: GroupTerm,
    /// Signed contribution to equity, reporting currency bn (a discount is
    /// negative; the shares retired change no equity: 0).
    pub amount_bn: Decimal,
    pub per_share_listing: Decimal,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Valuation {
    pub segments: Vec<SegmentValue>,
    pub sum_bn: Decimal,
    pub holding_discount_bn: Decimal,
    pub investments_net_bn: Decimal,
    pub buyback_bn: Decimal,
    pub equity_bn: Decimal,
    pub shares_after_bn: Decimal,
    pub growth_years: u32,
    pub per_share: Decimal,
    pub per_share_listing: Decimal,
    pub upside_pct: Decimal,
    pub group_lines: Vec<GroupLine>,
}

impl Valuation {
    /// The bridge line for a group term.
    pub fn group_line(&self, term: GroupTerm) -> Option<&GroupLine> {
        self.group_lines.iter().find(|l| l.term == term)
    }

    /// A bridge line's share of the value per share, in %; `None` when the
    /// value per share is zero.
    pub fn share_of_total_pct(&self, per_share_listing: Decimal) -> Option<Decimal> {
        if self.per_share_listing.is_zero() {
            return None;
        }
        per_share_listing.over(self.per_share_listing).and_then(|r| r.times(Decimal::ONE_HUNDRED))
    }

    /// Sum of every bridge line; equals `per_share_listing` up to the last
    /// of 28 significant digits.
    pub fn bridge_sum(&self) -> Option<Decimal> {
        self.segments
            .iter()
            .map(|s| s.per_share_listing)
            .chain(self.group_lines.iter().map(|l| l.per_share_listing))
            .try_fold(Decimal::ZERO, |acc, d| acc.plus(d))
    }
}

/// Validates the scenario and values it. Either every rule holds and the
/// arithmetic fits, or the issues say what is wrong.
pub fn evaluate(s: &Scenario) -> Result<Valuation, Vec<Issue>> {
    let issues = validate(s);
    if !issues.is_empty() {
        return Err(issues);
    }
    value(s).map_err(|issue| vec![issue])
}

/// The valuation of a scenario that passed `validate`. Overflow or division
/// by zero becomes an issue naming the field whose value caused it.
pub fn value(s: &Scenario) -> Result<Valuation, Issue> {
    let growth_years = growth_years(s).map_err(|p| Issue::for_field(Field::ValuationYear, s, p))?;
    let shares_after_bn = shares_after_buyback(s)?;
    // The arithmetic reports only which field overflowed; the message is
    // built once, here, rather than at each of its twenty checked steps.
    compute(s, growth_years, shares_after_bn)
        .map_err(|field| Issue::for_field(field, s, Problem::TooLargeToCompute))
}

/// The checked arithmetic of `value`; on overflow, the field that caused it.
///
/// The bridge's lines are per share before the buybacks (`shares_bn`), and
/// the shares they retire are a line of their own: so a buyback reads as
/// what it does, its cash a cost and its retired shares a gain, and the
/// lines still add up to the value per share after it.
fn compute(s: &Scenario, growth_years: u32, shares_after_bn: Decimal) -> Result<Valuation, Field> {
    let fx = s.fx_listing_per_reporting;
    let line_per_share =
        |bn: Decimal, field: Field| bn.over(s.shares_bn).and_then(|x| x.times(fx)).ok_or(field);

    let mut segments = Vec::with_capacity(s.segments.len());
    let mut sum_bn = Decimal::ZERO;
    for (i, seg) in s.segments.iter().enumerate() {
        let revenue_bn = revenue_bn(&seg.driver, growth_years).map_err(|f| Field::Segment(i, f))?;
        let margin_field = Field::Segment(i, SegmentField::MarginPct);
        let profit_bn = revenue_bn
            .times(seg.margin_pct)
            .and_then(|x| x.over(Decimal::ONE_HUNDRED))
            .ok_or(margin_field)?;
        let metric_bn = match seg.method {
            Method::Pe | Method::EvEbit => profit_bn,
            Method::EvSales => revenue_bn,
        };
        let multiple_field = Field::Segment(i, SegmentField::Multiple);
        let value_bn = metric_bn.times(seg.multiple).ok_or(multiple_field)?;
        sum_bn = sum_bn.plus(value_bn).ok_or(multiple_field)?;
        segments.push(SegmentValue {
            id: seg.id.clone(),
            name: seg.name.clone(),
            revenue_bn,
            profit_bn,
            method: seg.method,
            metric_bn,
            multiple: seg.multiple,
            value_bn,
            per_share_listing: line_per_share(value_bn, multiple_field)?,
        });
    }

    let pct = |x: Decimal| x.over(Decimal::ONE_HUNDRED);
    let holding_discount_bn =
        pct(s.holding_discount_pct).and_then(|p| sum_bn.times(p)).ok_or(Field::HoldingDiscountPct)?;
    let investments_net_bn = pct(s.investments_discount_pct)
        .and_then(|p| Decimal::ONE.minus(p))
        .and_then(|keep| s.investments_bn.times(keep))
        .ok_or(Field::InvestmentsBn)?;
    let buyback_bn = s.buyback_listing_bn.over(fx).ok_or(Field::BuybackListingBn)?;

    let terms = [
        (GroupTerm::HoldingDiscount, -holding_discount_bn, Field::HoldingDiscountPct),
        (GroupTerm::NetCash, s.net_cash_bn, Field::NetCashBn),
        (GroupTerm::Investments, investments_net_bn, Field::InvestmentsBn),
        (GroupTerm::Other, s.other_bn, Field::OtherBn),
        (GroupTerm::Buybacks, -buyback_bn, Field::BuybackListingBn),
    ];
    let mut equity_bn = sum_bn;
    let mut group_lines = Vec::with_capacity(terms.len());
    for (term, amount_bn, field) in terms {
        equity_bn = equity_bn.plus(amount_bn).ok_or(field)?;
        group_lines.push(GroupLine { term, amount_bn, per_share_listing: line_per_share(amount_bn, field)? });
    }

    let per_share = equity_bn.over(shares_after_bn).ok_or(Field::SharesBn)?;
    let per_share_listing = per_share.times(fx).ok_or(Field::Fx)?;
    let before_buybacks = line_per_share(equity_bn, Field::SharesBn)?;
    let retired = per_share_listing.minus(before_buybacks).ok_or(Field::BuybackListingBn)?;
    group_lines.push(GroupLine {
        term: GroupTerm::SharesRetired,
        amount_bn: Decimal::ZERO,
        per_share_listing: retired,
    });
    let upside_pct = per_share_listing
        .over(s.price)
        .and_then(|r| r.minus(Decimal::ONE))
        .and_then(|r| r.times(Decimal::ONE_HUNDRED))
        .ok_or(Field::Price)?;

    Ok(Valuation {
        segments,
        sum_bn,
        holding_discount_bn,
        investments_net_bn,
        buyback_bn,
        equity_bn,
        shares_after_bn,
        growth_years,
        per_share,
        per_share_listing,
        upside_pct,
        group_lines,
    })
}

/// The years of growth from the base year to the valuation year: 0 to
/// `MAX_YEARS`, else the problem of the valuation year.
pub fn growth_years(s: &Scenario) -> Result<u32, Problem> {
    // In i64: the difference of two i32 years may not fit an i32. Capped, so
    // that `growth_factor` never loops for billions of years.
    let years = i64::from(s.valuation_year) - i64::from(s.base_year);
    let growth_years = u32::try_from(years).map_err(|_| Problem::BeforeBaseYear)?;
    if growth_years > MAX_YEARS.unsigned_abs() {
        return Err(Problem::TooFarAfterBaseYear { max: MAX_YEARS });
    }
    Ok(growth_years)
}

/// Valuation-year revenue of a driver, in reporting currency bn. On
/// overflow, names the driver field that made the number too large.
pub fn revenue_bn(driver: &Driver, years: u32) -> Result<Decimal, SegmentField> {
    let billion = Decimal::from(1_000_000_000u32);
    match *driver {
        Driver::Units { units, asp } => {
            units.times(asp).and_then(|x| x.over(billion)).ok_or(SegmentField::Units)
        }
        Driver::UnitsGrowth { base_units, growth_pct, asp } => {
            let factor = growth_factor(growth_pct, years).ok_or(SegmentField::GrowthPct)?;
            base_units
                .times(factor)
                .ok_or(SegmentField::BaseUnits)?
                .times(asp)
                .and_then(|x| x.over(billion))
                .ok_or(SegmentField::Asp)
        }
        Driver::Revenue { revenue_bn } => Ok(revenue_bn),
        Driver::RevenueGrowth { base_revenue_bn, growth_pct } => {
            let factor = growth_factor(growth_pct, years).ok_or(SegmentField::GrowthPct)?;
            base_revenue_bn.times(factor).ok_or(SegmentField::BaseRevenueBn)
        }
    }
}

/// `(1 + growth_pct/100)^years` by repeated multiplication, as the spec asks.
pub fn growth_factor(growth_pct: Decimal, years: u32) -> Option<Decimal> {
    let step = Decimal::ONE.plus(growth_pct.over(Decimal::ONE_HUNDRED)?)?;
    (0..years).try_fold(Decimal::ONE, |acc, _| acc.times(step))
}
