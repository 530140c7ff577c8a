//! The charts' words and numbers: each chart of `analysis::svg` built from
//! the scenario on screen, every text in the reader's language, every
//! value per share in the listing currency. Plain functions, tested
//! natively; the page only shows what they return.

use super::{ExplainKey, Lang};
use crate::analysis::chart::{waterfall as steps, StepKind};
use crate::analysis::svg::football::{FootballChart, FootballMark, FootballRow};
use crate::analysis::svg::tornado::{TornadoBar, TornadoChart};
use crate::analysis::svg::waterfall::{direction, WaterfallChart, WaterfallStep};
use crate::analysis::svg::{Line, Point};
use crate::analysis::targets::{self, Published};
use crate::analysis::tornado::{bars, Basis, TornadoError};
use crate::display::per_share;
use crate::model::valuation::Valuation;
use crate::model::Scenario;
use rust_decimal::Decimal;

fn money(lang: Lang, s: &Scenario, d: Decimal) -> String {
    per_share(lang, d, &s.listing_currency)
}

fn point(lang: Lang, s: &Scenario, value: Decimal) -> Point {
    Point { value, text: money(lang, s, value) }
}

fn line(lang: Lang, s: &Scenario, key: ExplainKey, value: Decimal) -> Line {
    Line { value, label: lang.t(key).to_string(), text: money(lang, s, value) }
}

fn ticks(lang: Lang, s: &Scenario, scale: Option<crate::analysis::chart::Scale>) -> Vec<Point> {
    scale.map(|sc| sc.ticks.into_iter().map(|t| point(lang, s, t)).collect()).unwrap_or_default()
}

/// The tornado: each input alone at its two ends (`basis`), largest swing
/// first; an input whose end breaks a rule is left out (the break-even
/// table says why it has none).
pub fn tornado(lang: Lang, s: &Scenario, v: &Valuation, basis: Basis) -> Result<TornadoChart, TornadoError> {
    let title = match basis {
        Basis::Presets => lang.t(ExplainKey::TornadoTitlePresets).to_string(),
        Basis::Percent(p) => {
            lang.f(ExplainKey::TornadoTitlePercent, &[("pct", &crate::display::up_to(lang, p, 0, 2))])
        }
    };
    let bars = bars(s, basis)?
        .into_iter()
        .filter_map(|b| {
            let (low, high) = (b.low.ok()?, b.high.ok()?);
            let name = super::breakeven::input_name(lang, b.field, s);
            let at = |input: Decimal, value: Decimal| {
                format!("{} {}", super::breakeven::with_unit(lang, b.field, input), money(lang, s, value))
            };
            Some(TornadoBar {
                low_text: at(b.low_input, low),
                high_text: at(b.high_input, high),
                path: b.path,
                label: name,
                low,
                high,
            })
        })
        .collect();
    let mut c = TornadoChart {
        title,
        desc: lang.t(ExplainKey::TornadoDesc).to_string(),
        empty_text: lang.t(ExplainKey::ChartEmpty).to_string(),
        bars,
        price: line(lang, s, ExplainKey::ChartPrice, s.price),
        value: line(lang, s, ExplainKey::ChartYours, v.per_share_listing),
        ticks: Vec::new(),
    };
    c.ticks = ticks(lang, s, c.scale());
    Ok(c)
}

/// The waterfall of the bridge: the segments, the group terms, the value.
pub fn waterfall(lang: Lang, s: &Scenario, v: &Valuation) -> WaterfallChart {
    let steps = steps(v)
        .into_iter()
        .map(|step| {
            let label = match step.kind {
                StepKind::Segment(i) => s
                    .segments
                    .get(i)
                    .map_or_else(String::new, |seg| super::issues::segment_name(lang, &seg.id, &seg.name, i)),
                StepKind::Group(term) => super::group_term(lang, term).to_string(),
                StepKind::Total => lang.t(ExplainKey::ChartYours).to_string(),
            };
            let amount = step.amount().unwrap_or_default();
            let text = match step.kind {
                StepKind::Total => money(lang, s, step.end),
                _ if amount.is_sign_negative() => money(lang, s, amount),
                _ => format!("+{}", money(lang, s, amount)),
            };
            WaterfallStep { label, start: step.start, end: step.end, text, direction: direction(&step) }
        })
        .collect();
    let mut c = WaterfallChart {
        title: lang.t(ExplainKey::WaterfallTitle).to_string(),
        desc: lang.t(ExplainKey::WaterfallDesc).to_string(),
        empty_text: lang.t(ExplainKey::ChartEmpty).to_string(),
        steps,
        price: line(lang, s, ExplainKey::ChartPrice, s.price),
        ticks: Vec::new(),
    };
    c.ticks = ticks(lang, s, c.scale());
    c
}

/// What the football field draws beside the scenario: the presets' values
/// (Xiaomi's shape), the grid's range and the reader's saved scenarios.
pub struct FootballInput<'a> {
    pub presets: Option<(Decimal, Decimal, Decimal)>,
    pub grid: Option<(Decimal, Decimal)>,
    pub saved: &'a [(String, Decimal)],
}

/// Bear, Base and Bull's values per share for a scenario of Xiaomi's
/// shape (the presets are Xiaomi's), else None.
pub fn preset_range(s: &Scenario) -> Option<(Decimal, Decimal, Decimal)> {
    use crate::model::presets::{is_xiaomi_shaped, Preset};
    if !is_xiaomi_shaped(s) {
        return None;
    }
    let value = |p: Preset| crate::model::evaluate(&p.scenario()).ok().map(|v| v.per_share_listing);
    Some((value(Preset::Bear)?, value(Preset::Base)?, value(Preset::Bull)?))
}

/// The football field: every way of judging the value, against the price.
pub fn football(lang: Lang, s: &Scenario, v: &Valuation, input: &FootballInput) -> FootballChart {
    let p = |d: Decimal| point(lang, s, d);
    let mut rows = Vec::new();
    let mut row = |key: &str, label: ExplainKey, marks: Vec<FootballMark>| {
        if !marks.is_empty() {
            rows.push(FootballRow { key: key.into(), label: lang.t(label).into(), marks });
        }
    };
    if let Some((bear, base, bull)) = input.presets {
        let middle =
            Point { value: base, text: lang.f(ExplainKey::ChartBase, &[("value", &money(lang, s, base))]) };
        let label = lang.t(ExplainKey::FootPresets).to_string();
        row(
            "presets",
            ExplainKey::FootPresets,
            vec![FootballMark::Range { label, low: p(bear), high: p(bull), middle: Some(middle) }],
        );
    }
    if let Some((low, high)) = input.grid {
        let label = lang.t(ExplainKey::FootGrid).to_string();
        row(
            "grid",
            ExplainKey::FootGrid,
            vec![FootballMark::Range { label, low: p(low), high: p(high), middle: None }],
        );
    }
    let analysts = targets::for_company(&s.company.ticker, &s.listing_currency)
        .iter()
        .map(|t| {
            let when = match t.published {
                Published::Day(d) => crate::display::date(lang, d),
                Published::Month(m) => crate::display::month(lang, m),
                Published::Undated => lang.t(ExplainKey::FootUndated).to_string(),
            };
            let label = lang.f(ExplainKey::FootTarget, &[("broker", t.broker), ("date", &when)]);
            FootballMark::Dot { label, at: p(t.target) }
        })
        .collect();
    row("analysts", ExplainKey::FootAnalysts, analysts);
    // The market's own marks: its 2025 range, then the prices paid.
    let marks = targets::market_marks(&s.company.ticker, &s.listing_currency);
    let (ranges, paid): (Vec<&targets::MarketMark>, Vec<_>) = marks.iter().partition(|m| m.high.is_some());
    let ranges = ranges
        .into_iter()
        .filter_map(|m| {
            let high = p(m.high?);
            Some(FootballMark::Range {
                label: lang.t(m.key).to_string(),
                low: p(m.value),
                high,
                middle: None,
            })
        })
        .collect();
    row("market-range", ExplainKey::FootRangeRow, ranges);
    let paid = paid
        .into_iter()
        .map(|m| FootballMark::Dot { label: lang.t(m.key).to_string(), at: p(m.value) })
        .collect();
    row("market", ExplainKey::FootMarket, paid);
    let saved = input
        .saved
        .iter()
        .map(|(name, value)| FootballMark::Dot { label: name.clone(), at: p(*value) })
        .collect();
    row("saved", ExplainKey::FootSaved, saved);
    let mut c = FootballChart {
        title: lang.t(ExplainKey::FootballTitle).to_string(),
        desc: lang.t(ExplainKey::FootballDesc).to_string(),
        empty_text: lang.t(ExplainKey::ChartEmpty).to_string(),
        rows,
        price: line(lang, s, ExplainKey::ChartPrice, s.price),
        value: line(lang, s, ExplainKey::ChartYours, v.per_share_listing),
        ticks: Vec::new(),
    };
    c.ticks = ticks(lang, s, c.scale());
    c
}

/// The tornado as text, a line a bar: "EV deliveries (Smart EV): 400,000
/// HK$47.10 to 900,000 HK$63.88".
pub fn tornado_lines(c: &TornadoChart) -> Vec<String> {
    c.bars.iter().map(|b| format!("{}: {} – {}", b.label, b.low_text, b.high_text)).collect()
}

/// The waterfall as text, a line a step: "Smartphones: HK$30.12".
pub fn waterfall_lines(c: &WaterfallChart) -> Vec<String> {
    c.steps.iter().map(|s| format!("{}: {}", s.label, s.text)).collect()
}

/// The football field as text, a line a mark: "Analysts' published
/// targets (not ours), UBS, 19 Nov 2025: HK$46.00".
pub fn football_lines(c: &FootballChart) -> Vec<String> {
    let mut out = Vec::new();
    for row in &c.rows {
        for mark in &row.marks {
            out.push(match mark {
                FootballMark::Dot { label, at } => format!("{}, {label}: {}", row.label, at.text),
                FootballMark::Range { label, low, high, middle } => {
                    let mid = middle.as_ref().map(|m| format!("; {}", m.text)).unwrap_or_default();
                    format!("{}, {label}: {} – {}{mid}", row.label, low.text, high.text)
                }
            });
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::analysis::svg::check::{hook, inside, well_formed};
    use crate::analysis::svg::{
        football as draw_football, tornado as draw_tornado, waterfall as draw_waterfall,
    };
    use crate::analysis::tornado::default_basis;
    use crate::model::{evaluate, Preset};

    fn base() -> (Scenario, Valuation) {
        let s = Preset::Base.scenario();
        let v = evaluate(&s).unwrap();
        (s, v)
    }

    #[test]
    fn the_waterfall_ends_at_the_value_per_share_and_says_each_step() {
        let (s, v) = base();
        let c = waterfall(Lang::En, &s, &v);
        let last = c.steps.last().unwrap();
        assert_eq!(
            (last.start, last.end, last.text.as_str()),
            (Decimal::ZERO, v.per_share_listing, "HK$55.49")
        );
        assert_eq!(c.steps.first().map(|s| s.label.as_str()), Some("Smartphones"));
        assert!(c.steps.iter().skip(1).take(3).all(|s| s.text.starts_with("+HK$")));
        assert_eq!(waterfall_lines(&c).last().map(String::as_str), Some("Your value: HK$55.49"));
        let nodes = well_formed(&draw_waterfall::waterfall(&c));
        inside(&nodes);
        let (_, total) = hook(&nodes, &format!("waterfall-{}", c.steps.len() - 1));
        assert_eq!(total.num("data-end"), Some(v.per_share_listing));
    }

    #[test]
    fn the_tornado_runs_from_bear_to_bull_for_xiaomi() {
        let (s, v) = base();
        let c = tornado(Lang::En, &s, &v, default_basis(&s)).unwrap();
        assert_eq!(c.title, "Tornado: each input alone, from its Bear to its Bull value");
        assert!(!c.bars.is_empty());
        let swings: Vec<Decimal> = c.bars.iter().map(|b| (b.high - b.low).abs()).collect();
        assert!(swings.windows(2).all(|w| w[0] >= w[1]), "largest swing first: {swings:?}");
        let nodes = well_formed(&draw_tornado::tornado(&c));
        inside(&nodes);
        let first = &c.bars[0];
        let (_, bar) = hook(&nodes, &format!("tornado-{}", first.path));
        assert_eq!(bar.nums(&["data-low", "data-high"]), vec![first.low, first.high]);
        assert!(tornado(Lang::En, &s, &v, Basis::Percent(Decimal::ZERO)).is_err());
        let pct = tornado(Lang::En, &s, &v, Basis::Percent(Decimal::TEN)).unwrap();
        assert_eq!(pct.title, "Tornado: each input alone, 10% down and up");
    }

    #[test]
    fn the_football_field_has_the_analysts_and_the_markets_marks() {
        let (s, v) = base();
        let saved = [("My <plan>".to_string(), Decimal::new(6000, 2))];
        let presets = preset_range(&s);
        assert_eq!(presets.map(|p| p.1), Some(v.per_share_listing));
        let input = FootballInput { presets, grid: None, saved: &saved };
        let c = football(Lang::En, &s, &v, &input);
        let keys: Vec<&str> = c.rows.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(keys, ["presets", "analysts", "market-range", "market", "saved"]);
        let analysts = &c.rows[1].marks;
        assert_eq!(analysts.len(), 9);
        assert!(
            matches!(&analysts[1], FootballMark::Dot { label, at } if label == "UBS, 19 Nov 2025" && at.text == "HK$46.00")
        );
        assert!(
            matches!(&c.rows[2].marks[0], FootballMark::Range { low, high, .. } if low.text == "HK$36.62" && high.text == "HK$61.45")
        );
        assert!(
            matches!(&c.rows[3].marks[0], FootballMark::Dot { label, at } if label == "Lei Jun, 24 Nov 2025 (Jiemian)" && at.text == "HK$38.58")
        );
        assert!(football_lines(&c)
            .contains(&"Analysts' targets, not ours, UBS, 19 Nov 2025: HK$46.00".to_string()));
        let doc = draw_football::football(&c);
        let nodes = well_formed(&doc);
        inside(&nodes);
        assert!(doc.contains("My &lt;plan&gt;"));
        // Another company has no analysts' or market's rows.
        let mut other = s.clone();
        other.company.ticker = "OTHER".into();
        let c = football(Lang::En, &other, &v, &FootballInput { presets: None, grid: None, saved: &[] });
        assert!(c.rows.is_empty());
    }
}
