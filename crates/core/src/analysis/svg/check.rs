//! A small XML reader for the tests: balanced tags, quoted and unique
//! attributes, only the five entities, no `style`; and the charts' own
//! rules (marks titled as they are labelled, all within the viewBox);
//! and the shorthands the charts' tests share.
use super::{Line, Point, ENTITIES};
use crate::analysis::chart::Scale;
use rust_decimal::Decimal;

pub fn d(n: i64) -> Decimal {
    Decimal::from(n)
}

pub fn ds(ns: &[i64]) -> Vec<Decimal> {
    ns.iter().map(|n| d(*n)).collect()
}

/// A line at `v` named `label`, its text "${v}".
pub fn line(v: i64, label: &str) -> Line {
    Line { value: d(v), label: label.into(), text: format!("${v}") }
}

/// Ticks at `scale`'s values, written by `write`.
pub fn ticks(scale: Option<Scale>, write: impl Fn(Decimal) -> String) -> Vec<Point> {
    scale
        .map(|s| s.ticks)
        .unwrap_or_default()
        .into_iter()
        .map(|t| Point { value: t, text: write(t) })
        .collect()
}

/// The element with `data-testid="{id}"` and its index.
pub fn hook<'a>(nodes: &'a [Node], id: &str) -> (usize, &'a Node) {
    nodes
        .iter()
        .enumerate()
        .find(|(_, n)| n.attr("data-testid") == Some(id))
        .unwrap_or_else(|| panic!("{id}"))
}

/// The `nth` child named `name` of element `parent`.
pub fn kid<'a>(nodes: &'a [Node], parent: usize, name: &str, nth: usize) -> &'a Node {
    nodes.iter().filter(|n| n.parent == Some(parent) && n.name == name).nth(nth).unwrap()
}

/// How many marks there are.
pub fn marks(nodes: &[Node]) -> usize {
    nodes.iter().filter(|n| n.attr("class") == Some("mark")).count()
}

#[derive(Debug)]
pub struct Node {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub text: String,
    pub parent: Option<usize>,
}

impl Node {
    pub fn attr(&self, key: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
    pub fn num(&self, key: &str) -> Option<Decimal> {
        self.attr(key).map(|v| v.parse().unwrap())
    }
    /// The numbers of attributes `keys` (each there).
    pub fn nums(&self, keys: &[&str]) -> Vec<Decimal> {
        keys.iter().map(|k| self.num(k).unwrap_or_else(|| panic!("{k}: {self:?}"))).collect()
    }
}

fn unescape(s: &str) -> Result<String, String> {
    let (mut out, mut rest) = (String::new(), s);
    while let Some(i) = rest.find(['&', '<', '>', '"']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let (c, e) = ENTITIES.iter().find(|(_, e)| rest.starts_with(e)).ok_or(format!("raw {rest}"))?;
        out.push(*c);
        rest = &rest[e.len()..];
    }
    Ok(out + rest)
}

fn is_name(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ':')
}

/// The elements of `doc` in document order, or what is wrong with it.
pub fn parse(doc: &str) -> Result<Vec<Node>, String> {
    let (mut nodes, mut open, mut rest) = (Vec::<Node>::new(), Vec::<usize>::new(), doc);
    while !rest.is_empty() {
        let lt = rest.find('<').ok_or("text after the root")?;
        match open.last() {
            Some(&i) => nodes[i].text.push_str(&unescape(&rest[..lt])?),
            None if lt > 0 || !nodes.is_empty() => return Err("outside the root".into()),
            None => {}
        }
        let gt = rest.find('>').ok_or("an unclosed tag")?;
        let tag = &rest[lt + 1..gt];
        rest = &rest[gt + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let i = open.pop().ok_or("a close without an open")?;
            if nodes[i].name != name {
                return Err(format!("<{}> closed by </{name}>", nodes[i].name));
            }
            continue;
        }
        let (tag, closed) = tag.strip_suffix('/').map_or((tag, false), |t| (t, true));
        let (name, mut src) = tag.split_once(' ').unwrap_or((tag, ""));
        if !is_name(name) || name == "style" || (open.is_empty() && !nodes.is_empty()) {
            return Err(format!("element <{name}>"));
        }
        let mut attrs: Vec<(String, String)> = Vec::new();
        while !src.trim_start().is_empty() {
            let (key, after) = src.trim_start().split_once("=\"").ok_or(format!("unquoted: {src}"))?;
            let (value, next) = after.split_once('"').ok_or("an unclosed quote")?;
            if !is_name(key) || key == "style" || attrs.iter().any(|(k, _)| k == key) {
                return Err(format!("attribute {key}"));
            }
            if !(next.is_empty() || next.starts_with(' ')) {
                return Err(format!("after {key}: {next}"));
            }
            attrs.push((key.to_string(), unescape(value)?));
            src = next;
        }
        nodes.push(Node { name: name.to_string(), attrs, text: String::new(), parent: open.last().copied() });
        if !closed {
            open.push(nodes.len() - 1);
        }
    }
    if nodes.is_empty() || !open.is_empty() {
        return Err("no root, or unclosed elements".into());
    }
    Ok(nodes)
}

/// `doc`'s elements, checked: well-formed, an SVG 1.1 root labelled by
/// its title, and every mark titled with its aria-label.
pub fn well_formed(doc: &str) -> Vec<Node> {
    let nodes = parse(doc).unwrap_or_else(|e| panic!("{e}\n{doc}"));
    let root = &nodes[0];
    assert_eq!((root.name.as_str(), root.attr("xmlns")), ("svg", Some("http://www.w3.org/2000/svg")));
    let (w, h) = (root.attr("width").unwrap(), root.attr("height").unwrap());
    assert_eq!(root.attr("viewBox").unwrap(), format!("0 0 {w} {h}"));
    assert_eq!(root.attr("role"), Some("group"));
    let title = root.attr("aria-labelledby").unwrap().split(' ').next().unwrap().to_string();
    assert!(nodes.iter().any(|n| n.name == "title" && n.attr("id") == Some(title.as_str())));
    for (i, g) in nodes.iter().enumerate().filter(|(_, n)| n.attr("class") == Some("mark")) {
        let aria = g.attr("aria-label").unwrap();
        assert_eq!((g.attr("tabindex"), g.attr("role")), (Some("0"), Some("img")));
        let t = nodes.iter().find(|n| n.parent == Some(i)).unwrap();
        assert_eq!((t.name.as_str(), t.text.as_str()), ("title", aria));
        assert!(g.attr("data-testid").is_some());
    }
    nodes
}

/// Every position within the viewBox, and every text's estimated
/// extent (0.55 em a character, a sans-serif average; 1 em a wide
/// one) within its width.
pub fn inside(nodes: &[Node]) {
    let (w, h) = (nodes[0].num("width").unwrap(), nodes[0].num("height").unwrap());
    for n in nodes {
        for (key, max) in
            [("x", w), ("x1", w), ("x2", w), ("cx", w), ("y", h), ("y1", h), ("y2", h), ("cy", h)]
        {
            if let Some(v) = n.num(key) {
                assert!(v >= Decimal::ZERO && v <= max, "{key}={v} out of 0..{max}: {n:?}");
            }
        }
        if n.name == "rect" {
            assert!(n.num("x").unwrap() + n.num("width").unwrap() <= w, "{n:?}");
            assert!(n.num("y").unwrap() + n.num("height").unwrap() <= h, "{n:?}");
        }
        if n.name == "text" {
            let em = n.num("font-size").unwrap_or(Decimal::from(11));
            let units: i64 = n.text.chars().map(|c| if super::is_wide(c) { 20 } else { 11 }).sum();
            let len = Decimal::from(units) * em / Decimal::from(20);
            let x = n.num("x").unwrap();
            let (from, to) = match n.attr("text-anchor") {
                Some("end") => (x - len, x),
                Some("middle") => (x - len / Decimal::TWO, x + len / Decimal::TWO),
                _ => (x, x + len),
            };
            assert!(from >= Decimal::ZERO && to <= w, "{:?} runs off: {from}..{to}", n.text);
        }
    }
}

/// The shared pieces, and this checker.
mod tests {
    use super::super::{empty, escape, full, shorten};
    use crate::display::svg_coord;
    use rust_decimal::Decimal;

    #[test]
    fn escapes_the_five_xml_characters() {
        assert_eq!(escape(r#"<b>&"x" 'y'"#), "&lt;b&gt;&amp;&quot;x&quot; &apos;y&apos;");
        assert_eq!(escape("HK$46.00 港元"), "HK$46.00 港元");
    }

    #[test]
    fn shortens_long_labels_counting_wide_characters_twice() {
        assert_eq!(shorten("Smartphones", 28), "Smartphones");
        let long = "Internet services and advertising revenue";
        let cut = shorten(long, 28);
        assert!(cut.ends_with('…') && cut.chars().count() <= 28, "{cut}");
        assert_eq!(shorten("智能手機智能手機智能手機智能手機", 28), "智能手機智能手機智能手機智…");
        assert_eq!(shorten(&"x".repeat(28), 28), "x".repeat(28));
    }

    #[test]
    fn coordinates_take_one_decimal_and_data_full_precision() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(svg_coord(d("378.00")), "378");
        assert_eq!(svg_coord(d("12.25")), "12.3");
        assert_eq!(svg_coord(d("-0.04")), "0");
        assert_eq!(svg_coord(d("1234567.5")), "1234567.5");
        assert_eq!(full(d("40.1250")), "40.125");
    }

    #[test]
    fn an_empty_chart_is_a_labelled_document() {
        let doc = empty("tornado", "A & B", "", "Nothing <here>");
        let nodes = super::well_formed(&doc);
        assert!(doc.contains(r#"aria-labelledby="tornado-title""#));
        assert!(nodes
            .iter()
            .any(|n| n.attr("data-testid") == Some("tornado-empty") && n.text == "Nothing <here>"));
        super::inside(&nodes);
    }

    #[test]
    fn the_checker_refuses_what_is_not_well_formed() {
        let head = r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 80" width="640" height="80" role="img">"#;
        for bad in
            ["<g>", "<g></h>", "<g a=1/>", "<g a=\"1\" a=\"2\"/>", "<text>a & b</text>", "<g style=\"x\"/>"]
        {
            assert!(super::parse(&format!("{head}{bad}</svg>")).is_err(), "{bad}");
        }
        assert!(super::parse(&format!("{head}<g a=\"&lt;\"><text>&amp;</text></g></svg>")).is_ok());
    }
}
