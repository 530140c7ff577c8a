//! "How is this computed?": each bridge line's formula in words and numbers.

use super::{method as method_name, profit, unit_noun, ExplainKey, Lang};
use crate::display::{billions, count, fixed, multiple, pct, per_share};
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
pub fn line(lang: Lang, s: &Scenario, v: &Valuation, line: &Line) -> Option<Explanation> {
    match line {
        Line::Segment(id) => v.segments.iter().find(|seg| seg.id == *id).map(|seg| segment(lang, s, v, seg)),
        Line::Group(term) => Some(group(lang, s, v, *term)),
        Line::Total => Some(total(lang, s, v)),
    }
}

/// The segment's line: revenue from its driver, then the method, then its
/// share of the value per share.
pub fn segment(lang: Lang, s: &Scenario, v: &Valuation, seg: &SegmentValue) -> Explanation {
    let rep = s.reporting_currency.as_str();
    let Some(input) = s.segments.iter().find(|x| x.id == seg.id) else {
        return Explanation { words: String::new(), numbers: String::new() };
    };
    let noun = unit_noun(lang, input);
    let n = v.growth_years;
    let years = n.to_string();
    let growth = |g: Decimal| {
        if n == 0 {
            String::new()
        } else {
            let sign = if g < Decimal::ZERO { "-" } else { "+" };
            // One year of growth reads without an exponent.
            let key = if n == 1 {
                ExplainKey::ExplainGrowthNumbersOneYear
            } else {
                ExplainKey::ExplainGrowthNumbers
            };
            lang.f(key, &[("sign", sign), ("pct", &pct(lang, g.abs())), ("n", &years)])
        }
    };
    let asp = |asp: &Decimal| format!("{rep} {}", fixed(lang, *asp, asp.scale().min(2)));
    let units = |units: &Decimal, growth: String, a: &Decimal| {
        lang.f(
            ExplainKey::ExplainUnitsNumbers,
            &[("units", &count(lang, *units)), ("noun", noun), ("growth", &growth), ("asp", &asp(a))],
        )
    };
    let (revenue_words, revenue_numbers) = match &input.driver {
        Driver::Units { units: u, asp: a } => {
            (lang.t(ExplainKey::ExplainUnits).to_string(), units(u, String::new(), a))
        }
        Driver::UnitsGrowth { base_units, growth_pct, asp: a } => (
            lang.f(
                if n == 1 { ExplainKey::ExplainUnitsGrowthOneYear } else { ExplainKey::ExplainUnitsGrowth },
                &[("n", &years)],
            ),
            units(base_units, growth(*growth_pct), a),
        ),
        Driver::Revenue { revenue_bn } => {
            (lang.t(ExplainKey::ExplainRevenue).to_string(), billions(lang, *revenue_bn, rep))
        }
        Driver::RevenueGrowth { base_revenue_bn, growth_pct } => (
            lang.f(
                if n == 1 {
                    ExplainKey::ExplainRevenueGrowthOneYear
                } else {
                    ExplainKey::ExplainRevenueGrowth
                },
                &[("n", &years)],
            ),
            format!("{}{}", billions(lang, *base_revenue_bn, rep), growth(*growth_pct)),
        ),
    };
    let revenue = billions(lang, seg.revenue_bn, rep);
    let value = billions(lang, seg.value_bn, rep);
    let m = method_name(lang, seg.method);
    let (method_words, method_numbers) = match seg.method {
        Method::EvSales => (
            lang.f(ExplainKey::ExplainSalesMethod, &[("method", m)]),
            lang.f(
                ExplainKey::ExplainSalesNumbers,
                &[
                    ("revenue_numbers", &revenue_numbers),
                    ("revenue", &revenue),
                    ("multiple", &multiple(lang, seg.multiple)),
                    ("value", &value),
                ],
            ),
        ),
        Method::Pe | Method::EvEbit => (
            lang.f(ExplainKey::ExplainProfitMethod, &[("profit", profit(lang, seg.method)), ("method", m)]),
            lang.f(
                ExplainKey::ExplainProfitNumbers,
                &[
                    ("revenue_numbers", &revenue_numbers),
                    ("revenue", &revenue),
                    ("margin", &pct(lang, input.margin_pct)),
                    ("profit", &billions(lang, seg.profit_bn, rep)),
                    ("multiple", &multiple(lang, seg.multiple)),
                    ("value", &value),
                ],
            ),
        ),
    };
    Explanation {
        words: lang.f(ExplainKey::ExplainSegment, &[("revenue", &revenue_words), ("method", &method_words)]),
        numbers: lang.f(
            ExplainKey::ExplainThen,
            &[
                ("first", &method_numbers),
                ("then", &per_share_numbers(lang, s, seg.value_bn, seg.per_share_listing)),
            ],
        ),
    }
}

/// A group line of the bridge.
pub fn group(lang: Lang, s: &Scenario, v: &Valuation, term: GroupTerm) -> Explanation {
    let rep = s.reporting_currency.as_str();
    let lst = s.listing_currency.as_str();
    let Some(line) = v.group_line(term) else {
        return Explanation { words: String::new(), numbers: String::new() };
    };
    let tail = per_share_numbers(lang, s, line.amount_bn, line.per_share_listing);
    let t = |key| lang.t(key).to_string();
    let (words, numbers) = match term {
        GroupTerm::HoldingDiscount => (
            t(ExplainKey::ExplainHoldingDiscount),
            lang.f(
                ExplainKey::ExplainHoldingDiscountNumbers,
                &[
                    ("sum", &billions(lang, v.sum_bn, rep)),
                    ("pct", &pct(lang, s.holding_discount_pct)),
                    ("discount", &billions(lang, v.holding_discount_bn, rep)),
                    ("per_share", &tail),
                ],
            ),
        ),
        GroupTerm::NetCash => (t(ExplainKey::ExplainNetCash), tail),
        GroupTerm::Investments => (
            t(ExplainKey::ExplainInvestments),
            lang.f(
                ExplainKey::ExplainInvestmentsNumbers,
                &[
                    ("investments", &billions(lang, s.investments_bn, rep)),
                    ("pct", &pct(lang, s.investments_discount_pct)),
                    ("net", &billions(lang, v.investments_net_bn, rep)),
                    ("per_share", &tail),
                ],
            ),
        ),
        GroupTerm::Other => (t(ExplainKey::ExplainOther), tail),
        GroupTerm::Buybacks => (
            t(ExplainKey::ExplainBuybacks),
            lang.f(
                ExplainKey::ExplainBuybacksNumbers,
                &[
                    ("buybacks", &billions(lang, s.buyback_listing_bn, lst)),
                    ("fx", &fixed(lang, s.fx_listing_per_reporting, 3)),
                    ("listing", lst),
                    ("reporting", rep),
                    ("paid", &billions(lang, v.buyback_bn, rep)),
                    ("per_share", &tail),
                ],
            ),
        ),
        GroupTerm::SharesRetired => (
            t(ExplainKey::ExplainSharesRetired),
            lang.f(
                ExplainKey::ExplainSharesRetiredNumbers,
                &[
                    ("buybacks", &billions(lang, s.buyback_listing_bn, lst)),
                    ("price", &per_share(lang, s.price, lst)),
                    (
                        "retired",
                        &s.shares_bn
                            .checked_sub(v.shares_after_bn)
                            .map(|r| fixed(lang, r, 2))
                            .unwrap_or_default(),
                    ),
                    ("left", &fixed(lang, v.shares_after_bn, 2)),
                    ("equity", &billions(lang, v.equity_bn, rep)),
                    ("fx", &fixed(lang, s.fx_listing_per_reporting, 3)),
                    ("after", &per_share(lang, v.per_share_listing, lst)),
                    ("gain", &per_share(lang, line.per_share_listing, lst)),
                    ("shares", &fixed(lang, s.shares_bn, 2)),
                ],
            ),
        ),
    };
    Explanation { words, numbers }
}

/// The bridge's total line.
pub fn total(lang: Lang, s: &Scenario, v: &Valuation) -> Explanation {
    let rep = s.reporting_currency.as_str();
    Explanation {
        words: lang.t(ExplainKey::ExplainTotal).to_string(),
        numbers: lang.f(
            ExplainKey::ExplainTotalNumbers,
            &[
                ("equity", &billions(lang, v.equity_bn, rep)),
                ("shares", &fixed(lang, v.shares_after_bn, 2)),
                ("reporting", rep),
                ("per_share", &fixed(lang, v.per_share, 2)),
                ("fx", &fixed(lang, s.fx_listing_per_reporting, 3)),
                ("value", &per_share(lang, v.per_share_listing, &s.listing_currency)),
            ],
        ),
    }
}

fn per_share_numbers(lang: Lang, s: &Scenario, amount_bn: Decimal, per: Decimal) -> String {
    lang.f(
        ExplainKey::ExplainPerShare,
        &[
            ("amount", &billions(lang, amount_bn, &s.reporting_currency)),
            // Every line is per share before the buybacks (`model::valuation`).
            ("shares", &fixed(lang, s.shares_bn, 2)),
            ("fx", &fixed(lang, s.fx_listing_per_reporting, 3)),
            ("per_share", &per_share(lang, per, &s.listing_currency)),
        ],
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
        let e = segment(Lang::En, &s, &v, ev);
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
        let e = segment(Lang::En, &s, &v, &v.segments[0]);
        // 170m x 0.941 x 1,100 = 175.967bn; x 4% = 7.03868bn; x 22 = 154.85096bn
        assert!(
            e.numbers.starts_with(
                "170,000,000 handsets x (1 - 5.9%) x RMB 1,100 = RMB 176.0bn x 4.0% = RMB 7.0bn x 22.0 = RMB 154.9bn;"
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
        // The cash: 10 / 1.095 = RMB 9.132bn, over the 26.04bn shares before
        // the buyback x 1.095 = -HK$0.38 a share.
        let e = group(Lang::En, &s, &v, GroupTerm::Buybacks);
        assert!(e.numbers.contains("= RMB 9.1bn subtracted"), "{}", e.numbers);
        assert!(e.numbers.ends_with("/ 26.04bn shares x 1.095 = -HK$0.38 a share"), "{}", e.numbers);
        // The shares: 10 / 40.34 = 0.2479bn retired, 25.79bn left; equity
        // 1,310.53 / 25.79 x 1.095 = HK$55.64 a share, 0.53 more than the
        // 55.11 over all 26.04bn: the value rises by 0.53 - 0.38 = 0.15.
        let e = group(Lang::En, &s, &v, GroupTerm::SharesRetired);
        assert_eq!(
            e.numbers,
            "HK$10.0bn / HK$40.34 = 0.25bn shares retired, 25.79bn left: RMB 1,310.5bn / 25.79bn x 1.095 = HK$55.64 a share, HK$0.53 more than over all 26.04bn"
        );
    }

    #[test]
    fn total_line_ends_with_the_headline() {
        let s = Preset::Base.scenario();
        let v = evaluate(&s).expect("valid");
        assert!(total(Lang::En, &s, &v).numbers.ends_with("= HK$55.49"));
    }
}
