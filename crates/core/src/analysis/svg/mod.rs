//! The charts as standalone SVG 1.1 documents: the tornado, the waterfall
//! of the bridge and the football field, each a pure function from an
//! input struct to a `String`. Why it is built this way:
//! - **No words here.** Every text a reader sees or hears (title, labels,
//!   values, the lines' names, tick labels) comes in written by the
//!   caller, in the reader's language; these functions only place it, at
//!   exact decimal positions on a `chart::Scale`, written with
//!   `display::svg_coord` (1 decimal: display is where numbers round).
//! - **Strict CSP.** No `style` attribute or element: presentation
//!   attributes give a light theme, and every kind of shape has a class
//!   (`bar up`, `bar down`, `bar total`, `range`, `dot up`, `line price`,
//!   `tick`, `label`, `value`, ...) for the page's CSS to restyle.
//! - **Readable without colour.** Up / above is blue (#1f6fb2), down /
//!   below orange (#c75a00), a pair colour-blind readers tell apart, and
//!   every mark writes its value.
//! - **Accessible.** The document is a `role="group"` (an `img` would hide
//!   its marks from a screen reader); each mark is a focusable `<g class="mark" tabindex="0"
//!   role="img" aria-label="{label}: {value}">` with a `<title>` of the same
//!   text; the document is labelled by its `<title>` (id `{kind}-title`)
//!   and `<desc>` (`{kind}-desc`): unique while a chart is on a page once.
//! - **Errors are values.** A chart with nothing to draw, or whose
//!   arithmetic would not fit a decimal, is a well-formed document with the
//!   caller's `empty_text` (`data-testid="{kind}-empty"`).
//!
//! Layout: 640 wide; row labels end at x = 180 (cut to 28 units, see
//! `shorten`); the plot runs from x = 250 for 300 units, leaving room on
//! both sides for the values written beside bars; the title on top, the
//! price line named above the plot, ticks and the value line named below.

pub mod football;
pub mod tornado;
pub mod waterfall;

use super::chart::Scale;
use crate::display::svg_coord;
use crate::model::arith::Checked;
use rust_decimal::Decimal;

pub(crate) const fn k(n: u32) -> Decimal {
    Decimal::from_parts(n, 0, 0, false, 0)
}

/// The width of every chart, in SVG units.
pub const WIDTH: Decimal = k(640);
/// Where row labels end (they are right-aligned to it).
const LABEL_END: Decimal = k(180);
/// The plot: from `PLOT_LEFT`, `PLOT_LEN` long.
pub(crate) const PLOT_LEFT: Decimal = k(250);
pub(crate) const PLOT_LEN: Decimal = k(300);
/// The top of the first row, and the room under the last one.
pub(crate) const TOP: Decimal = k(52);
const FOOT: Decimal = k(40);
/// The longest row label, in units (a wide CJK character is 2).
pub const LABEL_UNITS: usize = 28;
/// The longest text beside a dot, in units (its title holds it all).
pub(crate) const NOTE_UNITS: usize = 38;

pub(crate) const UP: &str = "#1f6fb2";
pub(crate) const DOWN: &str = "#c75a00";
pub(crate) const TOTAL: &str = "#4a5560";
const INK: &str = "#1b1b1b";
const MUTED: &str = "#5f6b76";
const GRID: &str = "#d9dee3";

/// A vertical line across the plot at a value (the price, the user's
/// value), named by `label` and `text`: "{label}: {text}".
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub value: Decimal,
    pub label: String,
    pub text: String,
}

/// A value and its text as the reader sees it: a tick and its label, an
/// analyst's target and its words. Ticks: take the values from the
/// chart's `scale()` (its `ticks`); one outside the scale is not drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub value: Decimal,
    pub text: String,
}

/// The five characters XML gives meaning to, and their entities.
pub(crate) const ENTITIES: [(char, &str); 5] =
    [('&', "&amp;"), ('<', "&lt;"), ('>', "&gt;"), ('"', "&quot;"), ('\'', "&apos;")];

/// `s` with `ENTITIES` escaped: the one escape for every text and
/// attribute value written.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match ENTITIES.iter().find(|(e, _)| *e == c) {
            Some((_, entity)) => out.push_str(entity),
            None => out.push(c),
        }
    }
    out
}

/// How wide `c` is in units: a wide (CJK) character 2, others 1.
fn width(c: char) -> usize {
    usize::from(is_wide(c)) + 1
}

/// `s` cut to at most `max` units (`width`) with "…" at its end when
/// longer, so a Chinese label is cut at about the width of an English one.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().map(width).fold(0, usize::saturating_add) <= max {
        return s.to_string();
    }
    let (mut out, mut used) = (String::new(), 0usize);
    for c in s.chars() {
        used = used.saturating_add(width(c));
        if used >= max {
            break;
        }
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

fn is_wide(c: char) -> bool {
    matches!(c, '\u{1100}'..='\u{115f}' | '\u{2e80}'..='\u{a4cf}' | '\u{ac00}'..='\u{d7a3}'
        | '\u{f900}'..='\u{faff}' | '\u{fe30}'..='\u{fe4f}' | '\u{ff00}'..='\u{ff60}' | '\u{ffe0}'..='\u{ffe6}')
}

/// A value at full precision for a `data-*` hook ("40.125", "-3").
pub(crate) fn full(d: Decimal) -> String {
    d.normalize().to_string()
}

/// The x of value `v` on `scale`.
pub(crate) fn x_of(scale: &Scale, v: Decimal) -> Option<Decimal> {
    PLOT_LEFT.plus(scale.at(v, PLOT_LEN))
}

/// What a mark says: "{label}: {value}".
pub(crate) fn said(label: &str, value: &str) -> String {
    format!("{label}: {value}")
}

/// An element: a name, attributes in order and its content, written
/// (escaped) as it is built.
pub(crate) struct El {
    name: &'static str,
    attrs: Vec<(&'static str, String)>,
    body: String,
}

impl El {
    pub(crate) fn new(name: &'static str) -> El {
        El { name, attrs: Vec::new(), body: String::new() }
    }
    /// Sets attribute `key` (a second call replaces the first's value).
    pub(crate) fn a(mut self, key: &'static str, value: impl Into<String>) -> El {
        match self.attrs.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = value.into(),
            None => self.attrs.push((key, value.into())),
        }
        self
    }
    /// A coordinate attribute.
    pub(crate) fn at(self, key: &'static str, d: Decimal) -> El {
        self.a(key, svg_coord(d))
    }
    pub(crate) fn text(mut self, t: &str) -> El {
        self.body.push_str(&escape(t));
        self
    }
    pub(crate) fn child(mut self, c: El) -> El {
        c.write(&mut self.body);
        self
    }
    pub(crate) fn children(self, cs: impl IntoIterator<Item = El>) -> El {
        cs.into_iter().fold(self, El::child)
    }
    fn write(&self, out: &mut String) {
        let attrs: String = self.attrs.iter().map(|(k, v)| format!(" {k}=\"{}\"", escape(v))).collect();
        if self.body.is_empty() {
            out.push_str(&format!("<{}{attrs}/>", self.name));
        } else {
            out.push_str(&format!("<{}{attrs}>{}</{}>", self.name, self.body, self.name));
        }
    }
}

/// A text at (x, y), anchored `anchor` ("start", "middle", "end").
pub(crate) fn text(x: Decimal, y: Decimal, anchor: &str, class: &str, s: &str) -> El {
    El::new("text").a("class", class).at("x", x).at("y", y).a("text-anchor", anchor).a("fill", INK).text(s)
}

/// A value written beside a mark, haloed in the background colour so a
/// line behind it does not cross it (`paint-order`; restyle `stroke` with
/// `fill` for a dark theme).
pub(crate) fn note(x: Decimal, y: Decimal, anchor: &str, s: &str) -> El {
    let t = text(x, y, anchor, "value", s).a("stroke", "#ffffff").a("stroke-width", "3");
    t.a("stroke-linejoin", "round").a("paint-order", "stroke")
}

/// A row's label, right-aligned to the label column, shortened.
pub(crate) fn label(y: Decimal, s: &str) -> El {
    text(LABEL_END, y, "end", "label", &shorten(s, LABEL_UNITS))
}

/// A rectangle from x `x0` to `x1` (either order), `h` high from `y`.
pub(crate) fn rect(x0: Decimal, x1: Decimal, y: Decimal, h: Decimal, class: &str, fill: &str) -> Option<El> {
    let r = El::new("rect").a("class", class).at("x", x0.min(x1)).at("y", y);
    Some(r.at("width", x1.minus(x0)?.abs()).at("height", h).a("fill", fill))
}

/// A mark: focusable, announcing `aria`, with its `<title>`, test hook
/// and `data-*` values, around its shapes.
pub(crate) fn mark(testid: &str, aria: &str, data: Vec<(&'static str, String)>, shapes: Vec<El>) -> El {
    let g = El::new("g").a("class", "mark").a("tabindex", "0").a("role", "img").a("aria-label", aria);
    let g = data.into_iter().fold(g.a("data-testid", testid), |g, (k, v)| g.a(k, v));
    g.child(El::new("title").text(aria)).children(shapes)
}

/// What every chart shares around its rows.
pub(crate) struct Frame<'a> {
    pub kind: &'static str,
    pub title: &'a str,
    pub desc: &'a str,
    pub ticks: &'a [Point],
    pub price: &'a Line,
    pub value: Option<&'a Line>,
    pub rows_height: Decimal,
}

/// The document: the title, the ticks, `backdrop`, the price line (named
/// above the plot) and the value line (named below it), then the marks.
pub(crate) fn frame(f: &Frame, scale: &Scale, backdrop: Vec<El>, marks: Vec<El>) -> Option<String> {
    let bottom = TOP.plus(f.rows_height)?;
    // Every tick has its grid line; a label where the widest (7 a unit) fits since the last.
    let widest = f.ticks.iter().map(|t| t.text.chars().map(width).sum::<usize>()).max();
    let room = k(7).times(Decimal::from(widest.unwrap_or(0)))?;
    let (mut axis, mut last) = (El::new("g").a("class", "axis"), None::<Decimal>);
    for t in f.ticks.iter().filter(|t| t.value >= scale.min && t.value <= scale.max) {
        let x = x_of(scale, t.value)?;
        let line = El::new("line").a("class", "tick").at("x1", x).at("x2", x).at("y1", TOP).at("y2", bottom);
        axis = axis.child(line.a("stroke", GRID).a("stroke-width", "1"));
        if last.is_none_or(|l| x.minus(l).is_some_and(|gap| gap > room)) {
            axis = axis.child(text(x, bottom.plus(k(14))?, "middle", "tick-label", &t.text).a("fill", MUTED));
            last = Some(x);
        }
    }
    let mut body = vec![axis];
    body.extend(backdrop);
    // Lines behind the marks: bars and dots stay whole, texts are haloed (`note`).
    let price_y = (TOP.minus(k(4))?, bottom, TOP.minus(k(8))?);
    body.push(line_mark(f.kind, "price", f.price, scale, price_y)?);
    if let Some(v) = f.value {
        body.push(line_mark(f.kind, "value", v, scale, (TOP, bottom.plus(k(4))?, bottom.plus(k(30))?))?);
    }
    body.push(El::new("g").a("class", "marks").children(marks));
    Some(document(f.kind, f.title, f.desc, bottom.plus(FOOT)?, body))
}

/// A vertical line from `y.0` to `y.1`, its name at `y.2`.
fn line_mark(kind: &str, which: &str, l: &Line, scale: &Scale, y: (Decimal, Decimal, Decimal)) -> Option<El> {
    let x = x_of(scale, l.value)?;
    let line = El::new("line").a("class", format!("line {which}")).at("x1", x).at("x2", x);
    let line = line.at("y1", y.0).at("y2", y.1);
    let line = match which {
        "price" => line.a("stroke", MUTED).a("stroke-width", "1.5").a("stroke-dasharray", "4 3"),
        _ => line.a("stroke", INK).a("stroke-width", "2"),
    };
    let aria = said(&l.label, &l.text);
    let name = text(x, y.2, "middle", &format!("line-label {which}"), &aria);
    Some(mark(&format!("{kind}-{which}"), &aria, vec![("data-value", full(l.value))], vec![line, name]))
}

/// The `<svg>` document around `body`, labelled by its title and desc.
fn document(kind: &str, title: &str, desc: &str, height: Decimal, body: Vec<El>) -> String {
    let ids = if desc.is_empty() { format!("{kind}-title") } else { format!("{kind}-title {kind}-desc") };
    let svg = El::new("svg").a("xmlns", "http://www.w3.org/2000/svg").a("version", "1.1");
    let svg = svg.a("viewBox", format!("0 0 {} {}", svg_coord(WIDTH), svg_coord(height))).at("width", WIDTH);
    let svg = svg.at("height", height).a("role", "group").a("aria-labelledby", ids);
    let svg = svg.a("class", format!("chart {kind}")).a("data-testid", format!("{kind}-chart"));
    let svg = svg.a("font-family", "system-ui, sans-serif").a("font-size", "11");
    let mut svg = svg.child(El::new("title").a("id", format!("{kind}-title")).text(title));
    if !desc.is_empty() {
        svg = svg.child(El::new("desc").a("id", format!("{kind}-desc")).text(desc));
    }
    let heading = text(k(8), k(20), "start", "heading", &shorten(title, 80));
    let svg = svg.child(heading.a("font-size", "14").a("font-weight", "600").a("aria-hidden", "true"));
    let mut out = String::new();
    svg.children(body).write(&mut out);
    out
}

/// The document of a chart with nothing to draw: its title and `message`.
pub(crate) fn empty(kind: &str, title: &str, desc: &str, message: &str) -> String {
    let note = text(k(320), k(56), "middle", "empty", message);
    document(kind, title, desc, k(80), vec![note.a("data-testid", format!("{kind}-empty"))])
}

#[cfg(test)]
pub(crate) mod check;
