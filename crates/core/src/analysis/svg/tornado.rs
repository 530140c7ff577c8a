//! The tornado as SVG: one row per input, largest swing first.

use super::{frame, full, k, label, mark, note, rect, said, x_of, El, Frame, Line, Point, DOWN, TOP, UP};
use crate::analysis::chart::Scale;
use crate::model::arith::Checked;
use rust_decimal::Decimal;

const KIND: &str = "tornado";
/// The height of a bar's row.
const ROW: Decimal = k(28);

/// One input's bar: the value per share with the input at its low end and
/// at its high end, each with its text as the reader sees it. A bar one of
/// whose ends has no value (its moved scenario breaks a rule) has no place
/// here: the caller leaves it out or says so beside the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct TornadoBar {
    /// The input's path (`Bar::path`), for the test hook.
    pub path: String,
    pub label: String,
    pub low: Decimal,
    pub high: Decimal,
    pub low_text: String,
    pub high_text: String,
}

/// The tornado to draw. `value` is the user's value (the line the bars
/// grow from), `price` the market price; `empty_text` is shown when there
/// are no bars.
#[derive(Clone, Debug, PartialEq)]
pub struct TornadoChart {
    pub title: String,
    /// A longer description for assistive technology; empty for none.
    pub desc: String,
    pub empty_text: String,
    pub bars: Vec<TornadoBar>,
    pub price: Line,
    pub value: Line,
    pub ticks: Vec<Point>,
}

impl TornadoChart {
    /// The scale the chart is drawn on: every bar's ends, the price and
    /// the value. Its `ticks` are the values to write `ticks` for.
    pub fn scale(&self) -> Option<Scale> {
        let ends = self.bars.iter().flat_map(|b| [b.low, b.high]);
        Scale::fit(ends.chain([self.price.value, self.value.value]))
    }
}

/// The tornado: each bar on its own row, in the order given (the caller
/// passes `tornado::bars`' order, largest swing first), its label at the
/// left. A bar grows from the user's value line to each end's value: blue
/// (`bar up`) where that is above the value, orange (`bar down`) where it
/// is below, so an input that lowers the value as it rises reads as such.
/// The end further left is written left of the bar, the other right of
/// it, so neither text covers a bar. The price (dashed, named above) and
/// the value (solid, named below) are vertical lines.
///
/// Hooks: each bar is `data-testid="tornado-{path}"` with `data-low` and
/// `data-high` (full precision); the lines are `tornado-price` and
/// `tornado-value` with `data-value`; the document `tornado-chart`, and
/// with no bars the note `tornado-empty`.
pub fn tornado(c: &TornadoChart) -> String {
    draw(c).unwrap_or_else(|| super::empty(KIND, &c.title, &c.desc, &c.empty_text))
}

fn draw(c: &TornadoChart) -> Option<String> {
    if c.bars.is_empty() {
        return None;
    }
    let scale = c.scale()?;
    let centre = x_of(&scale, c.value.value)?;
    let marks = c
        .bars
        .iter()
        .enumerate()
        .map(|(i, b)| bar(&scale, centre, TOP.plus(ROW.times(Decimal::from(i))?)?, b))
        .collect::<Option<Vec<_>>>()?;
    let f = Frame {
        kind: KIND,
        title: &c.title,
        desc: &c.desc,
        ticks: &c.ticks,
        price: &c.price,
        value: Some(&c.value),
        rows_height: ROW.times(Decimal::from(c.bars.len()))?,
    };
    frame(&f, &scale, Vec::new(), marks)
}

/// A bar's mark in the row from `top`, growing from x = `centre`.
fn bar(scale: &Scale, centre: Decimal, top: Decimal, b: &TornadoBar) -> Option<El> {
    let (lo, hi) = (x_of(scale, b.low)?, x_of(scale, b.high)?);
    let (y, base) = (top.plus(k(6))?, top.plus(k(18))?);
    let mut shapes = vec![label(base, &b.label)];
    for end in [lo, hi].into_iter().filter(|x| *x != centre) {
        let (class, fill) = if end > centre { ("bar up", UP) } else { ("bar down", DOWN) };
        shapes.push(rect(centre, end, y, k(16), class, fill)?);
    }
    let (left, right) = if lo <= hi { (&b.low_text, &b.high_text) } else { (&b.high_text, &b.low_text) };
    shapes.push(note(lo.min(hi).min(centre).minus(k(4))?, base, "end", left));
    shapes.push(note(lo.max(hi).max(centre).plus(k(4))?, base, "start", right));
    let aria = said(&b.label, &format!("{} – {}", b.low_text, b.high_text));
    let data = vec![("data-low", full(b.low)), ("data-high", full(b.high))];
    Some(mark(&format!("tornado-{}", b.path), &aria, data, shapes))
}

#[cfg(test)]
mod tests {
    use super::super::check::{d, ds, hook, inside, kid, line, marks, ticks, well_formed};
    use super::*;
    use crate::analysis::{tornado as analysis, value_of};
    use crate::display::per_share;
    use crate::lang::Lang;
    use crate::model::Preset;

    fn bar_of(path: &str, label: &str, low: Decimal, high: Decimal) -> TornadoBar {
        let (low_text, high_text) = (format!("${low}"), format!("${high}"));
        TornadoBar { path: path.into(), label: label.into(), low, high, low_text, high_text }
    }

    fn chart(bars: Vec<TornadoBar>) -> TornadoChart {
        let (title, desc, empty_text) =
            ("Tornado".into(), "Each input moved alone".into(), "Nothing to draw".into());
        let (price, value) = (line(20, "Price"), line(50, "Yours"));
        let mut c = TornadoChart { title, desc, empty_text, bars, price, value, ticks: Vec::new() };
        c.ticks = ticks(c.scale(), |t| format!("${t}"));
        c
    }

    #[test]
    fn places_bars_from_the_value_line_to_each_end() {
        // Scale 0..100 (step 20) over 300 units from x = 250: 1 = 3 units.
        let c = chart(vec![bar_of("a.margin", "A", d(40), d(60)), bar_of("b", "B", d(100), d(0))]);
        let nodes = well_formed(&tornado(&c));
        let (i, a) = hook(&nodes, "tornado-a.margin");
        assert_eq!(a.nums(&["data-low", "data-high"]), ds(&[40, 60]));
        assert_eq!(a.attr("aria-label"), Some("A: $40 – $60"));
        // 40..50 below the value line at x = 400, 50..60 above it.
        let (down, up) = (kid(&nodes, i, "rect", 0), kid(&nodes, i, "rect", 1));
        assert_eq!(
            (down.attr("class"), down.nums(&["x", "width", "y", "height"])),
            (Some("bar down"), ds(&[370, 30, 58, 16]))
        );
        assert_eq!((up.attr("class"), up.nums(&["x", "width", "y"])), (Some("bar up"), ds(&[400, 30, 58])));
        let texts =
            |i| [0, 1, 2].map(|j| kid(&nodes, i, "text", j)).map(|t| (t.text.clone(), t.num("x").unwrap()));
        assert_eq!(texts(i), [("A".into(), d(180)), ("$40".into(), d(366)), ("$60".into(), d(434))]);
        // An input that lowers the value: its high end is written on the left.
        let (j, _) = hook(&nodes, "tornado-b");
        assert_eq!(texts(j)[1..], [("$0".into(), d(246)), ("$100".into(), d(554))]);
        assert_eq!(kid(&nodes, j, "rect", 0).nums(&["x", "width", "y"]), ds(&[400, 150, 86]));
        let (p, price) = hook(&nodes, "tornado-price");
        assert_eq!(
            (price.attr("data-value"), kid(&nodes, p, "line", 0).num("x1")),
            (Some("20"), Some(d(310)))
        );
        assert_eq!(hook(&nodes, "tornado-value").1.attr("aria-label"), Some("Yours: $50"));
        let ticks: Vec<_> =
            nodes.iter().filter(|n| n.attr("class") == Some("tick")).map(|n| n.num("x1")).collect();
        assert_eq!(ticks, [250, 310, 370, 430, 490, 550].map(|x| Some(d(x))));
        assert_eq!(nodes[0].nums(&["width", "height"]), ds(&[640, 148]));
        inside(&nodes);
    }

    #[test]
    fn labels_only_the_ticks_that_fit() {
        // The widest label is 9 units (63): of ticks 30 apart, every third is labelled.
        let mut c = chart(vec![bar_of("a", "A", d(0), d(100))]);
        c.ticks = (0..=10).map(|i| Point { value: d(i * 10), text: format!("HK${}.00", i * 10) }).collect();
        let nodes = well_formed(&tornado(&c));
        let labels: Vec<_> =
            nodes.iter().filter(|n| n.attr("class") == Some("tick-label")).map(|n| n.text.as_str()).collect();
        assert_eq!(labels, ["HK$0.00", "HK$30.00", "HK$60.00", "HK$90.00"]);
        assert_eq!(nodes.iter().filter(|n| n.attr("class") == Some("tick")).count(), 11);
    }

    #[test]
    fn writes_data_at_full_precision_and_escapes_text() {
        let mut c = chart(vec![bar_of("x&y", "<b>&", "40.125".parse().unwrap(), d(60))]);
        c.title = "\"T\" & 'U'".into();
        let doc = tornado(&c);
        assert!(doc.contains("&lt;b&gt;&amp;") && !doc.contains("<b>"));
        assert!(doc.contains("&quot;T&quot; &amp; &apos;U&apos;") && !doc.contains("style"));
        let nodes = well_formed(&doc);
        let (_, a) = hook(&nodes, "tornado-x&y");
        assert_eq!((a.attr("data-low"), a.attr("aria-label")), (Some("40.125"), Some("<b>&: $40.125 – $60")));
    }

    #[test]
    fn no_bars_is_a_document_that_says_so() {
        let nodes = well_formed(&tornado(&chart(Vec::new())));
        assert_eq!((hook(&nodes, "tornado-empty").1.text.as_str(), marks(&nodes)), ("Nothing to draw", 0));
        inside(&nodes);
    }

    #[test]
    fn is_well_formed_and_inside_at_every_size() {
        for n in 0..14i64 {
            let bar = |i: i64| {
                let (lo, hi) = (d(50 - (i * 7) % 45), d(50 + (i * 11) % 60 - 10));
                let label = "Label with a long name ".repeat(usize::try_from(i % 3).unwrap());
                bar_of(&format!("p{i}"), &label, lo, hi)
            };
            let nodes = well_formed(&tornado(&chart((0..n).map(bar).collect())));
            inside(&nodes);
            assert_eq!(marks(&nodes), if n == 0 { 0 } else { usize::try_from(n).unwrap() + 2 });
        }
    }

    #[test]
    fn draws_the_base_scenarios_tornado() {
        let s = Preset::Base.scenario();
        let hk = |v: Decimal| per_share(Lang::En, v, &s.listing_currency);
        let bars: Vec<TornadoBar> = analysis::bars(&s, analysis::default_basis(&s))
            .unwrap()
            .into_iter()
            .filter_map(|b| {
                let (low, high) = (b.low.ok()?, b.high.ok()?);
                Some(TornadoBar {
                    label: b.path.clone(),
                    path: b.path,
                    low,
                    high,
                    low_text: hk(low),
                    high_text: hk(high),
                })
            })
            .collect();
        assert!(bars.len() > 3);
        let value = value_of(&s).unwrap();
        let mut c = chart(bars.clone());
        c.price = Line { value: s.price, label: "Price".into(), text: hk(s.price) };
        c.value = Line { value, label: "Your value".into(), text: hk(value) };
        c.ticks = ticks(c.scale(), hk);
        let nodes = well_formed(&tornado(&c));
        inside(&nodes);
        for b in &bars {
            let (_, m) = hook(&nodes, &format!("tornado-{}", b.path));
            assert_eq!(m.attr("data-low"), Some(b.low.normalize().to_string().as_str()));
            assert_eq!(
                m.attr("aria-label"),
                Some(format!("{}: {} – {}", b.label, b.low_text, b.high_text).as_str())
            );
        }
        assert_eq!(marks(&nodes), bars.len() + 2);
    }
}
