//! The football field as SVG: one band per way of judging the value.

use super::{frame, full, k, label, mark, note, rect, said, shorten, x_of, El, Frame, Line, Point};
use super::{DOWN, NOTE_UNITS, PLOT_LEFT, PLOT_LEN, TOP, UP, WIDTH};
use crate::analysis::chart::Scale;
use crate::model::arith::Checked;
use rust_decimal::Decimal;

const KIND: &str = "football";
/// The height of one mark's lane, and the room above and below a row's.
const LANE: Decimal = k(22);
const PAD: Decimal = k(4);

/// What a row draws.
#[derive(Clone, Debug, PartialEq)]
pub enum FootballMark {
    /// A band from `low` to `high` (Bear to Bull, a grid's corners, a
    /// simulated p10 to p90), with a point inside it (Base, the median)
    /// whose text names itself ("Base: HK$55.49"), written under the band.
    Range { label: String, low: Point, high: Point, middle: Option<Point> },
    /// One value (an analyst's target, the user's value, a saved scenario).
    Dot { label: String, at: Point },
}

impl FootballMark {
    fn values(&self) -> Vec<Decimal> {
        match self {
            FootballMark::Range { low, high, middle, .. } => {
                [low, high].into_iter().chain(middle).map(|p| p.value).collect()
            }
            FootballMark::Dot { at, .. } => vec![at.value],
        }
    }

    /// The lanes it takes: a range with a middle two (its text goes under).
    fn lanes(&self) -> u32 {
        u32::from(matches!(self, FootballMark::Range { middle: Some(_), .. })) + 1
    }
}

/// A row: `key` names it in the test hooks ("presets", "analysts",
/// "simulated"), `label` for the reader.
#[derive(Clone, Debug, PartialEq)]
pub struct FootballRow {
    pub key: String,
    pub label: String,
    pub marks: Vec<FootballMark>,
}

/// The football field to draw; `empty_text` is shown when no row has a mark.
#[derive(Clone, Debug, PartialEq)]
pub struct FootballChart {
    pub title: String,
    /// A longer description for assistive technology; empty for none.
    pub desc: String,
    pub empty_text: String,
    pub rows: Vec<FootballRow>,
    pub price: Line,
    pub value: Line,
    pub ticks: Vec<Point>,
}

impl FootballChart {
    /// The one scale of every row (`chart::Scale::fit` of every mark's
    /// values, the price and the value). Its `ticks` are the values to
    /// write `ticks` for.
    pub fn scale(&self) -> Option<Scale> {
        let marks = self.rows.iter().flat_map(|r| &r.marks).flat_map(FootballMark::values);
        Scale::fit(marks.chain([self.price.value, self.value.value]))
    }
}

/// The football field: the rows in the order given, each a band (shaded
/// every other row) with its label at the left and one lane per mark, so
/// the texts of many targets never sit on each other. A dot is blue
/// (`dot up`) at or above the price and orange (`dot down`) below, its text
/// beside it on the side with more room (shortened; the title has it all);
/// a range is a pale band (`range`) with its low and high texts outside
/// its ends and its middle a dark stroke (`range-middle`). The price
/// (dashed) and the user's value (solid) are vertical lines across all.
///
/// Hooks: row `data-testid="football-row-{key}"`; its `j`-th mark (from
/// 0) `football-{key}-{j}`, a dot with `data-value`, a range with
/// `data-low`, `data-high` and, with a middle, `data-value` (full
/// precision); the lines `football-price` and `football-value`; the
/// document `football-chart`, and with no marks the note `football-empty`.
pub fn football(c: &FootballChart) -> String {
    draw(c).unwrap_or_else(|| super::empty(KIND, &c.title, &c.desc, &c.empty_text))
}

fn draw(c: &FootballChart) -> Option<String> {
    if c.rows.iter().all(|r| r.marks.is_empty()) {
        return None;
    }
    let scale = c.scale()?;
    let (mut top, mut bands, mut rows) = (TOP, Vec::new(), Vec::new());
    for (i, row) in c.rows.iter().enumerate() {
        let lanes = row.marks.iter().map(FootballMark::lanes).sum::<u32>().max(1);
        let height = LANE.times(Decimal::from(lanes))?.plus(PAD.plus(PAD)?)?;
        let fill = if i % 2 == 0 { "#f2f4f6" } else { "none" };
        bands.push(rect(Decimal::ZERO, WIDTH, top, height, "band", fill)?);
        let mut lane = top.plus(PAD)?;
        let mut g = El::new("g").a("class", "row").a("data-testid", format!("football-row-{}", row.key));
        g = g.child(label(lane.plus(k(15))?, &row.label));
        for (j, m) in row.marks.iter().enumerate() {
            let hook = format!("football-{}-{j}", row.key);
            g = g.child(draw_mark(&scale, c.price.value, lane, &hook, m)?);
            lane = lane.plus(LANE.times(Decimal::from(m.lanes()))?)?;
        }
        rows.push(g);
        top = top.plus(height)?;
    }
    let f = Frame {
        kind: KIND,
        title: &c.title,
        desc: &c.desc,
        ticks: &c.ticks,
        price: &c.price,
        value: Some(&c.value),
        rows_height: top.minus(TOP)?,
    };
    frame(&f, &scale, vec![El::new("g").a("class", "bands").children(bands)], rows)
}

/// A mark in the lane from `lane`.
fn draw_mark(scale: &Scale, price: Decimal, lane: Decimal, hook: &str, m: &FootballMark) -> Option<El> {
    let base = lane.plus(k(15))?;
    match m {
        FootballMark::Dot { label, at } => {
            let x = x_of(scale, at.value)?;
            let (class, fill) = if at.value >= price { ("dot up", UP) } else { ("dot down", DOWN) };
            let dot = El::new("circle").a("class", class).at("cx", x).at("cy", lane.plus(k(11))?).a("r", "5");
            // A dot is named where it is ("UBS, 19 Nov 2025: HK$46.00"); a
            // long name is cut, never the value (its title holds it all).
            let room = NOTE_UNITS.saturating_sub(at.text.chars().count() + 2);
            let words = said(&shorten(label, room), &at.text);
            let words = if x <= PLOT_LEFT.plus(PLOT_LEN.over(k(2))?)? {
                note(x.plus(k(8))?, base, "start", &words)
            } else {
                note(x.minus(k(8))?, base, "end", &words)
            };
            let shapes = vec![dot.a("fill", fill).a("stroke", "#ffffff").a("stroke-width", "1"), words];
            Some(mark(hook, &said(label, &at.text), vec![("data-value", full(at.value))], shapes))
        }
        FootballMark::Range { label, low, high, middle } => {
            let (a, b) = (x_of(scale, low.value)?, x_of(scale, high.value)?);
            let band = rect(a, b, lane.plus(k(5))?, k(12), "range", "#a9c9e8")?.a("fill-opacity", "0.8");
            let (left, right) = if a <= b { (low, high) } else { (high, low) };
            let mut shapes = vec![
                band.a("stroke", UP).a("stroke-width", "1"),
                note(a.min(b).minus(k(4))?, base, "end", &left.text),
                note(a.max(b).plus(k(4))?, base, "start", &right.text),
            ];
            let mut aria = said(label, &format!("{} – {}", low.text, high.text));
            let mut data = vec![("data-low", full(low.value)), ("data-high", full(high.value))];
            if let Some(mid) = middle {
                let x = x_of(scale, mid.value)?;
                let tick = El::new("line").a("class", "range-middle").at("x1", x).at("x2", x);
                let tick = tick.at("y1", lane.plus(k(2))?).at("y2", lane.plus(k(20))?);
                shapes.push(tick.a("stroke", "#1b1b1b").a("stroke-width", "2"));
                shapes.push(note(x, base.plus(LANE)?, "middle", &shorten(&mid.text, NOTE_UNITS)));
                aria = format!("{aria}; {}", mid.text);
                data.push(("data-value", full(mid.value)));
            }
            Some(mark(hook, &aria, data, shapes))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::check::{d, ds, hook, inside, kid, line, marks, ticks, well_formed};
    use super::*;
    use crate::analysis::targets::{Published, XIAOMI};
    use crate::analysis::value_of;
    use crate::display::{date, per_share};
    use crate::lang::Lang;
    use crate::model::Preset;

    fn pt(v: i64) -> Point {
        Point { value: d(v), text: format!("${v}") }
    }

    fn dot(label: &str, v: i64) -> FootballMark {
        FootballMark::Dot { label: label.into(), at: pt(v) }
    }

    fn range(label: &str, low: Point, high: Point, middle: Option<Point>) -> FootballMark {
        FootballMark::Range { label: label.into(), low, high, middle }
    }

    fn row(key: &str, marks: Vec<FootballMark>) -> FootballRow {
        FootballRow { key: key.into(), label: format!("Row {key}"), marks }
    }

    fn chart(rows: Vec<FootballRow>) -> FootballChart {
        let (title, desc, empty_text) = ("Football".into(), "Every way".into(), "Nothing to draw".into());
        let (price, value) = (line(20, "Price"), line(50, "Yours"));
        let mut c = FootballChart { title, desc, empty_text, rows, price, value, ticks: Vec::new() };
        c.ticks = ticks(c.scale(), |t| format!("${t}"));
        c
    }

    #[test]
    fn places_ranges_and_dots_on_one_scale() {
        // Scale 0..100 (step 20) over 300 units from x = 250: 1 = 3 units.
        let presets = row("presets", vec![range("Presets", pt(40), pt(60), Some(pt(45)))]);
        let doc = football(&chart(vec![presets, row("analysts", vec![dot("UBS", 100), dot("<b>&", 0)])]));
        let nodes = well_formed(&doc);
        let (r, m) = hook(&nodes, "football-presets-0");
        assert_eq!(m.nums(&["data-low", "data-high", "data-value"]), ds(&[40, 60, 45]));
        assert_eq!(m.attr("aria-label"), Some("Presets: $40 – $60; $45"));
        assert_eq!(kid(&nodes, r, "rect", 0).nums(&["x", "width", "y"]), ds(&[370, 60, 61]));
        assert_eq!([0, 1].map(|i| kid(&nodes, r, "text", i).num("x")), [Some(d(366)), Some(d(434))]);
        let mid = kid(&nodes, r, "text", 2);
        assert_eq!((mid.nums(&["x", "y"]), mid.text.as_str()), (ds(&[385, 93]), "$45"));
        // The first row takes two lanes (52 + 4 + 44 + 4): the next starts at 104.
        let (u, ubs) = hook(&nodes, "football-analysts-0");
        let circle = kid(&nodes, u, "circle", 0);
        assert_eq!((circle.nums(&["cx", "cy"]), circle.attr("class")), (ds(&[550, 119]), Some("dot up")));
        assert_eq!((ubs.attr("data-value"), kid(&nodes, u, "text", 0).num("x")), (Some("100"), Some(d(542))));
        let (l, low) = hook(&nodes, "football-analysts-1");
        let circle = kid(&nodes, l, "circle", 0);
        assert_eq!((circle.nums(&["cx", "cy"]), circle.attr("class")), (ds(&[250, 141]), Some("dot down")));
        assert_eq!(low.attr("aria-label"), Some("<b>&: $0"));
        assert!(doc.contains("aria-label=\"&lt;b&gt;&amp;: $0\""));
        let (v, _) = hook(&nodes, "football-value");
        assert_eq!(kid(&nodes, v, "line", 0).num("x1"), Some(d(400)));
        assert_eq!(hook(&nodes, "football-row-analysts").1.name, "g");
        assert_eq!(nodes[0].attr("height"), Some("196"));
        inside(&nodes);
    }

    #[test]
    fn no_marks_is_a_document_that_says_so() {
        for rows in [Vec::new(), vec![row("empty", Vec::new())]] {
            let nodes = well_formed(&football(&chart(rows)));
            assert_eq!(
                (hook(&nodes, "football-empty").1.text.as_str(), marks(&nodes)),
                ("Nothing to draw", 0)
            );
            inside(&nodes);
        }
    }

    #[test]
    fn is_well_formed_and_inside_at_every_size() {
        for n in 1..12i64 {
            let mark = |i: i64, j: i64| match j % 2 {
                0 => dot(&format!("Broker {j}, 19 Nov 2025"), 10 + (i * j * 13) % 90),
                _ => range("R", pt(-i), pt(40 + i), (j == 3).then(|| pt(i))),
            };
            let rows = (0..n).map(|i| row(&format!("r{i}"), (0..=i % 5).map(|j| mark(i, j)).collect()));
            let nodes = well_formed(&football(&chart(rows.collect())));
            inside(&nodes);
            assert_eq!(marks(&nodes), usize::try_from((0..n).map(|i| i % 5 + 1).sum::<i64>()).unwrap() + 2);
        }
    }

    #[test]
    fn draws_presets_analysts_and_a_simulated_range() {
        let s = Preset::Base.scenario();
        let hk = |v: Decimal| per_share(Lang::En, v, &s.listing_currency);
        let p = |v: Decimal| Point { value: v, text: hk(v) };
        let of = |preset: Preset| p(value_of(&preset.scenario()).unwrap());
        let (bear, base, bull) = (of(Preset::Bear), of(Preset::Base), of(Preset::Bull));
        let analysts = XIAOMI.iter().map(|t| {
            let when = match t.published {
                Published::Day(iso) => date(Lang::En, iso),
                Published::Month(m) => m.to_string(),
                Published::Undated => "undated".into(),
            };
            let at = Point { value: t.target, text: format!("{}, {when}: {}", t.broker, hk(t.target)) };
            match t.range {
                Some((lo, hi)) => range(t.broker, p(lo), p(hi), Some(at)),
                None => FootballMark::Dot { label: t.broker.into(), at },
            }
        });
        let mut c = chart(vec![
            row("presets", vec![range("Bear–Bull", bear.clone(), bull.clone(), Some(base.clone()))]),
            row("analysts", analysts.collect()),
            row("yours", vec![FootballMark::Dot { label: "Yours".into(), at: base.clone() }]),
            row("simulated", vec![range("p10–p90", bear, bull, Some(base.clone()))]),
        ]);
        c.price = Line { value: s.price, label: "Price".into(), text: hk(s.price) };
        c.value = Line { value: base.value, label: "Your value".into(), text: base.text };
        c.ticks = ticks(c.scale(), hk);
        let doc = football(&c);
        let nodes = well_formed(&doc);
        inside(&nodes);
        assert!(doc.contains("UBS, 19 Nov 2025: HK$46.00"));
        for (key, count) in [("presets", 1), ("analysts", XIAOMI.len()), ("yours", 1), ("simulated", 1)] {
            for j in 0..count {
                assert!(hook(&nodes, &format!("football-{key}-{j}")).1.attr("data-value").is_some());
            }
        }
        assert_eq!(marks(&nodes), XIAOMI.len() + 5);
    }
}
