//! "How is this computed?": each bridge line's formula in words and numbers.

use crate::display::{billions, count, fixed, multiple, pct, per_share};
use crate::labels::unit_noun;
use crate::model::valuation::{GroupTerm, SegmentValue};
use crate::model::{Driver, Method, Scenario, Valuation};
use rust_decimal::Decimal;

/// A formula twice: in words, then with the scenario's numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    pub words: String,
    pub numbers: String,
}

/// A line of the bridge, as the page names it to explain it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Line {
    /// A segment, by id.
    Segment(String),
    Group(GroupTerm),
    Total,
}

/// The explanation of a bridge line; `None` for a segment id the
/// valuation does not have (it was removed since the line was shown).
pub fn line(s: &Scenario, v: &Valuation, line: &Line) -> Option<Explanation> {
    match line {
        Line::Segment(id) => v.segments.iter().find(|seg| seg.id == *id).map(|seg| segment(s, v, seg)),
        Line::Group(term) => Some(group(s, v, *term)),
        Line::Total => Some(total(s, v)),
    }
}

/// The segment's line: revenue from its driver, then the method, then its
/// share of the value per share.
pub fn segment(s: &Scenario, v: &Valuation, seg: &SegmentValue) -> Explanation {
    let rep = s.reporting_currency.as_str();
    let Some(input) = s.segments.iter().find(|x| x.id == seg.id) else {
        return Explanation { words: String::new(), numbers: String::new() };
    };
    let noun = unit_noun(&seg.id);
    let n = v.growth_years;
    let growth = |g: Decimal| {
        if n == 0 {
            String::new()
        } else {
            let sign = if g < Decimal::ZERO { "-" } else { "+" };
            format!(" x (1 {sign} {})^{n}", pct(g.abs()))
        }
    };
    let (revenue_words, revenue_numbers) = match &input.driver {
        Driver::Units { units, asp } => (
            "units x ASP".to_string(),
            format!("{} {noun} x {} {}", count(*units), rep, fixed(*asp, asp.scale().min(2))),
        ),
        Driver::UnitsGrowth { base_units, growth_pct, asp } => (
            format!("base-year units x (1 + growth)^{n} x ASP"),
            format!(
                "{} {noun}{} x {} {}",
                count(*base_units),
                growth(*growth_pct),
                rep,
                fixed(*asp, asp.scale().min(2))
            ),
        ),
        Driver::Revenue { revenue_bn } => ("revenue".to_string(), billions(*revenue_bn, rep)),
        Driver::RevenueGrowth { base_revenue_bn, growth_pct } => (
            format!("base-year revenue x (1 + growth)^{n}"),
            format!("{}{}", billions(*base_revenue_bn, rep), growth(*growth_pct)),
        ),
    };
    let revenue = billions(seg.revenue_bn, rep);
    let value = billions(seg.value_bn, rep);
    let (method_words, method_numbers) = match seg.method {
        Method::EvSales => (
            format!("revenue x {} multiple", seg.method.label()),
            format!("{revenue_numbers} = {revenue} x {} = {value}", multiple(seg.multiple)),
        ),
        Method::Pe | Method::EvEbit => (
            format!("revenue x margin = {} x {} multiple", seg.method.profit_label(), seg.method.label()),
            format!(
                "{revenue_numbers} = {revenue} x {} = {} x {} = {value}",
                pct(input.margin_pct),
                billions(seg.profit_bn, rep),
                multiple(seg.multiple)
            ),
        ),
    };
    Explanation {
        words: format!(
            "Revenue = {revenue_words}; value = {method_words}; per share = value / shares after buybacks x FX."
        ),
        numbers: format!("{method_numbers}; {}", per_share_numbers(s, v, seg.value_bn, seg.per_share_listing)),
    }
}

/// A group line of the bridge.
pub fn group(s: &Scenario, v: &Valuation, term: GroupTerm) -> Explanation {
    let rep = s.reporting_currency.as_str();
    let lst = s.listing_currency.as_str();
    let Some(line) = v.group_line(term) else {
        return Explanation { words: String::new(), numbers: String::new() };
    };
    let tail = per_share_numbers(s, v, line.amount_bn, line.per_share_listing);
    let (words, numbers) = match term {
        GroupTerm::HoldingDiscount => (
            "The sum of the parts x the holding discount, subtracted.".to_string(),
            format!(
                "{} x {} = {} subtracted; {tail}",
                billions(v.sum_bn, rep),
                pct(s.holding_discount_pct),
                billions(v.holding_discount_bn, rep)
            ),
        ),
        GroupTerm::NetCash => (
            "Net cash is added (net debt subtracted). Under P/E it is usually 0: earnings already include the return on cash.".to_string(),
            tail,
        ),
        GroupTerm::Investments => (
            "Investments x (1 - their discount), added.".to_string(),
            format!(
                "{} x (1 - {}) = {}; {tail}",
                billions(s.investments_bn, rep),
                pct(s.investments_discount_pct),
                billions(v.investments_net_bn, rep)
            ),
        ),
        GroupTerm::Other => ("Other claims (minority interests and the like), added with their sign.".to_string(), tail),
        GroupTerm::Buybacks => (
            "Planned buybacks are paid from equity and retire shares at the price.".to_string(),
            format!(
                "{} / {} {lst} per {rep} = {} subtracted; they retire {} / {} = {}bn shares, leaving {}bn; {tail}",
                billions(s.buyback_listing_bn, lst),
                fixed(s.fx_listing_per_reporting, 3),
                billions(v.buyback_bn, rep),
                billions(s.buyback_listing_bn, lst),
                per_share(s.price, lst),
                s.buyback_listing_bn.checked_div(s.price).map(|r| fixed(r, 2)).unwrap_or_default(),
                fixed(v.shares_after_bn, 2)
            ),
        ),
    };
    Explanation { words, numbers }
}

/// The bridge's total line.
pub fn total(s: &Scenario, v: &Valuation) -> Explanation {
    let rep = s.reporting_currency.as_str();
    Explanation {
        words: "Equity = sum of the parts - holding discount + net cash + investments + other - buybacks; per share = equity / shares after buybacks x FX.".to_string(),
        numbers: format!(
            "{} / {}bn shares = {} {} x {} = {}",
            billions(v.equity_bn, rep),
            fixed(v.shares_after_bn, 2),
            rep,
            fixed(v.per_share, 2),
            fixed(s.fx_listing_per_reporting, 3),
            per_share(v.per_share_listing, &s.listing_currency)
        ),
    }
}

fn per_share_numbers(s: &Scenario, v: &Valuation, amount_bn: Decimal, per: Decimal) -> String {
    format!(
        "{} / {}bn shares x {} = {} a share",
        billions(amount_bn, &s.reporting_currency),
        fixed(v.shares_after_bn, 2),
        fixed(s.fx_listing_per_reporting, 3),
        per_share(per, &s.listing_currency)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{evaluate, Preset};

    #[test]
    fn ev_line_reads_like_the_issue_example() {
        let s = Preset::Base.scenario();
        let v = evaluate(&s).expect("base preset is valid");
        let ev = &v.segments[3];
        let e = segment(&s, &v, ev);
        assert!(
            e.numbers.starts_with("650,000 cars x RMB 255,000 = RMB 165.8bn x 3.0 = RMB 497.3bn;"),
            "{}",
            e.numbers
        );
        // 497.25 / 26.04 * 1.095 = 20.9096...
        assert!(e.numbers.ends_with("= HK$20.91 a share"), "{}", e.numbers);
        assert!(e.words.contains("EV/Sales"));
    }

    #[test]
    fn pe_line_shows_growth_margin_and_multiple() {
        let s = Preset::Base.scenario();
        let v = evaluate(&s).expect("base preset is valid");
        let e = segment(&s, &v, &v.segments[0]);
        // 170m x 0.941 x 1,100 = 175.967bn; x 4% = 7.03868bn; x 22 = 154.85096bn
        assert!(
            e.numbers.starts_with(
                "170,000,000 handsets x (1 - 5.9%)^1 x RMB 1,100 = RMB 176.0bn x 4.0% = RMB 7.0bn x 22.0 = RMB 154.9bn;"
            ),
            "{}",
            e.numbers
        );
    }

    #[test]
    fn buyback_line_states_shares_retired() {
        let mut s = Preset::Base.scenario();
        s.buyback_listing_bn = Decimal::from(10);
        let v = evaluate(&s).expect("valid");
        let e = group(&s, &v, GroupTerm::Buybacks);
        // 10 / 1.095 = 9.132...; 10 / 40.34 = 0.2479 bn shares; 26.04 - 0.2479 = 25.79
        assert!(e.numbers.contains("= RMB 9.1bn subtracted"), "{}", e.numbers);
        assert!(e.numbers.contains("= 0.25bn shares, leaving 25.79bn"), "{}", e.numbers);
    }

    #[test]
    fn total_line_ends_with_the_headline() {
        let s = Preset::Base.scenario();
        let v = evaluate(&s).expect("valid");
        assert!(total(&s, &v).numbers.ends_with("= HK$55.49"));
    }
}
