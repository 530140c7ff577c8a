//! The waterfall of the bridge as SVG: one floating bar per step.

use super::{
    frame, full, k, label, mark, note, rect, said, x_of, El, Frame, Line, Point, DOWN, TOP, TOTAL, UP,
};
use crate::analysis::chart::{Scale, Step, StepKind};
use crate::model::arith::Checked;
use rust_decimal::Decimal;

const KIND: &str = "waterfall";
/// The height of a step's row.
const ROW: Decimal = k(28);

/// Which way a step goes, for its colour and class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Adds to the value (`bar up`, blue).
    Up,
    /// Takes from it (`bar down`, orange).
    Down,
    /// A total, drawn from zero (`bar total`, grey).
    Total,
}

/// The direction of a `chart::waterfall` step: the value per share is a
/// total, any other step up or down by its sign (a zero step is up).
pub fn direction(step: &Step) -> Direction {
    match step.kind {
        StepKind::Total => Direction::Total,
        _ if step.end < step.start => Direction::Down,
        _ => Direction::Up,
    }
}

/// One step: a bar from `start` to `end` per share, `text` its amount as
/// the reader sees it (for a total, the total).
#[derive(Clone, Debug, PartialEq)]
pub struct WaterfallStep {
    pub label: String,
    pub start: Decimal,
    pub end: Decimal,
    pub text: String,
    pub direction: Direction,
}

/// The waterfall to draw; `empty_text` is shown when there are no steps.
#[derive(Clone, Debug, PartialEq)]
pub struct WaterfallChart {
    pub title: String,
    /// A longer description for assistive technology; empty for none.
    pub desc: String,
    pub empty_text: String,
    pub steps: Vec<WaterfallStep>,
    pub price: Line,
    pub ticks: Vec<Point>,
}

impl WaterfallChart {
    /// The scale the chart is drawn on: zero, every step's ends and the
    /// price. Its `ticks` are the values to write `ticks` for.
    pub fn scale(&self) -> Option<Scale> {
        let ends = self.steps.iter().flat_map(|s| [s.start, s.end]);
        Scale::fit(ends.chain([Decimal::ZERO, self.price.value]))
    }
}

/// Where a step's bar starts: a total's at zero, whatever `start` says.
fn from(s: &WaterfallStep) -> Decimal {
    if s.direction == Direction::Total {
        Decimal::ZERO
    } else {
        s.start
    }
}

/// The waterfall, horizontal: each step on its own row in the order
/// given, its label at the left (rows take long segment names better than
/// columns would), its bar floating from start to end and its amount just
/// right of the bar. A dotted connector joins a bar's end to the next bar
/// that starts (or, for a total, ends) there; a line marks zero and a
/// dashed line the price. No line for the user's value: the total is it.
///
/// Hooks: step `i` (from 0) is `data-testid="waterfall-{i}"` with
/// `data-start` (0 for a total) and `data-end`, full precision; the price
/// line is `waterfall-price` with `data-value`; the document
/// `waterfall-chart`, and with no steps the note `waterfall-empty`.
pub fn waterfall(c: &WaterfallChart) -> String {
    draw(c).unwrap_or_else(|| super::empty(KIND, &c.title, &c.desc, &c.empty_text))
}

fn draw(c: &WaterfallChart) -> Option<String> {
    if c.steps.is_empty() {
        return None;
    }
    let scale = c.scale()?;
    let bottom = TOP.plus(ROW.times(Decimal::from(c.steps.len()))?)?;
    let zero = x_of(&scale, Decimal::ZERO)?;
    let axis =
        El::new("line").a("class", "line zero").at("x1", zero).at("x2", zero).at("y1", TOP).at("y2", bottom);
    let mut joins = El::new("g").a("class", "connectors");
    let mut marks = Vec::with_capacity(c.steps.len());
    for (i, s) in c.steps.iter().enumerate() {
        let top = TOP.plus(ROW.times(Decimal::from(i))?)?;
        marks.push(step(&scale, i, top, s)?);
        let next = c.steps.get(i.saturating_add(1));
        if next.is_some_and(|n| from(n) == s.end || (n.direction == Direction::Total && n.end == s.end)) {
            let x = x_of(&scale, s.end)?;
            let join = El::new("line").a("class", "connector").at("x1", x).at("x2", x);
            let join = join.at("y1", top.plus(k(22))?).at("y2", top.plus(ROW)?.plus(k(6))?);
            joins = joins.child(join.a("stroke", TOTAL).a("stroke-width", "1").a("stroke-dasharray", "2 2"));
        }
    }
    let backdrop = vec![axis.a("stroke", TOTAL).a("stroke-width", "1"), joins];
    let f = Frame {
        kind: KIND,
        title: &c.title,
        desc: &c.desc,
        ticks: &c.ticks,
        price: &c.price,
        value: None,
        rows_height: bottom.minus(TOP)?,
    };
    frame(&f, &scale, backdrop, marks)
}

/// Step `i`'s mark in the row from `top`.
fn step(scale: &Scale, i: usize, top: Decimal, s: &WaterfallStep) -> Option<El> {
    let (a, b) = (x_of(scale, from(s))?, x_of(scale, s.end)?);
    let (class, fill) = match s.direction {
        Direction::Up => ("bar up", UP),
        Direction::Down => ("bar down", DOWN),
        Direction::Total => ("bar total", TOTAL),
    };
    let base = top.plus(k(18))?;
    let bar = rect(a, b, top.plus(k(6))?, k(16), class, fill)?;
    let shapes = vec![label(base, &s.label), bar, note(a.max(b).plus(k(4))?, base, "start", &s.text)];
    let data = vec![("data-start", full(from(s))), ("data-end", full(s.end))];
    Some(mark(&format!("waterfall-{i}"), &said(&s.label, &s.text), data, shapes))
}

#[cfg(test)]
mod tests {
    use super::super::check::{d, ds, hook, inside, kid, line, marks, ticks, well_formed};
    use super::*;
    use crate::analysis::chart;
    use crate::display::per_share;
    use crate::lang::Lang;
    use crate::model::{evaluate, Preset};

    fn st(label: &str, start: i64, end: i64, direction: Direction) -> WaterfallStep {
        WaterfallStep {
            label: label.into(),
            start: d(start),
            end: d(end),
            text: format!("{}", end - start),
            direction,
        }
    }

    fn chart(steps: Vec<WaterfallStep>) -> WaterfallChart {
        let (title, desc, empty_text) = ("Bridge".into(), String::new(), "Nothing to draw".into());
        let mut c =
            WaterfallChart { title, desc, empty_text, steps, price: line(20, "Price"), ticks: Vec::new() };
        c.ticks = ticks(c.scale(), |t| t.to_string());
        c
    }

    fn four() -> Vec<WaterfallStep> {
        use Direction::{Down, Total, Up};
        vec![st("A", 0, 30, Up), st("B", 30, 50, Up), st("C", 50, 40, Down), st("Value", 7, 40, Total)]
    }

    #[test]
    fn floats_each_bar_from_start_to_end_and_totals_from_zero() {
        // Scale 0..50 (step 10) over 300 units from x = 250: 1 = 6 units.
        let nodes = well_formed(&waterfall(&chart(four())));
        let bar = |i: usize| {
            let (at, m) = hook(&nodes, &format!("waterfall-{i}"));
            let r = kid(&nodes, at, "rect", 0);
            let mut n = r.nums(&["x", "width", "y"]);
            n.extend(kid(&nodes, at, "text", 1).nums(&["x"]));
            n.extend(m.nums(&["data-start", "data-end"]));
            (r.attr("class").unwrap(), n)
        };
        assert_eq!(bar(0), ("bar up", ds(&[250, 180, 58, 434, 0, 30])));
        assert_eq!(bar(1), ("bar up", ds(&[430, 120, 86, 554, 30, 50])));
        assert_eq!(bar(2), ("bar down", ds(&[490, 60, 114, 554, 50, 40])));
        // A total starts at zero whatever its start says.
        assert_eq!(bar(3), ("bar total", ds(&[250, 240, 142, 494, 0, 40])));
        assert_eq!(hook(&nodes, "waterfall-2").1.attr("aria-label"), Some("C: -10"));
        let joins: Vec<_> =
            nodes.iter().filter(|n| n.attr("class") == Some("connector")).map(|n| n.num("x1")).collect();
        assert_eq!(joins, [430, 550, 490].map(|x| Some(d(x))));
        let (p, price) = hook(&nodes, "waterfall-price");
        assert_eq!(
            (price.attr("data-value"), kid(&nodes, p, "line", 0).num("x1")),
            (Some("20"), Some(d(370)))
        );
        assert_eq!((nodes[0].attr("height"), marks(&nodes)), (Some("204"), 5));
        inside(&nodes);
    }

    #[test]
    fn escapes_labels_and_says_when_there_is_nothing() {
        let mut steps = four();
        steps[0].label = "<b>&".into();
        let doc = waterfall(&chart(steps));
        assert!(doc.contains(r#"aria-label="&lt;b&gt;&amp;: 30""#) && !doc.contains("<b>"));
        let nodes = well_formed(&waterfall(&chart(Vec::new())));
        assert_eq!((hook(&nodes, "waterfall-empty").1.text.as_str(), marks(&nodes)), ("Nothing to draw", 0));
        inside(&nodes);
    }

    #[test]
    fn is_well_formed_and_inside_at_every_size() {
        for n in 0..16i64 {
            let mut at = 0;
            let mut steps: Vec<_> = (0..n)
                .map(|i| {
                    let amount = if i % 4 == 3 { -(i * 5) } else { 3 + i * 9 };
                    at += amount;
                    let dir = if amount < 0 { Direction::Down } else { Direction::Up };
                    st(&format!("Segment number {i} with a rather long name"), at - amount, at, dir)
                })
                .collect();
            steps.push(st("Total", 0, at, Direction::Total));
            let nodes = well_formed(&waterfall(&chart(steps)));
            inside(&nodes);
            assert_eq!(marks(&nodes), usize::try_from(n).unwrap() + 2);
        }
    }

    #[test]
    fn draws_the_base_scenarios_bridge() {
        let s = Preset::Base.scenario();
        let v = evaluate(&s).unwrap();
        let hk = |x: Decimal| per_share(Lang::En, x, &s.listing_currency);
        let steps: Vec<_> = chart::waterfall(&v)
            .iter()
            .map(|p| {
                let text = hk(if direction(p) == Direction::Total { p.end } else { p.amount().unwrap() });
                let label = format!("{:?}", p.kind);
                WaterfallStep { label, start: p.start, end: p.end, text, direction: direction(p) }
            })
            .collect();
        let mut c = chart(steps.clone());
        c.price = Line { value: s.price, label: "Price".into(), text: hk(s.price) };
        c.ticks = ticks(c.scale(), hk);
        let nodes = well_formed(&waterfall(&c));
        inside(&nodes);
        for (i, p) in steps.iter().enumerate() {
            let m = hook(&nodes, &format!("waterfall-{i}")).1;
            assert_eq!(m.attr("data-end"), Some(p.end.normalize().to_string().as_str()));
            assert_eq!(m.attr("aria-label"), Some(format!("{}: {}", p.label, p.text).as_str()));
        }
        assert_eq!(
            (steps.last().map(|p| p.end), marks(&nodes)),
            (Some(v.per_share_listing), steps.len() + 1)
        );
    }
}
