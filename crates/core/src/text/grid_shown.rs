//! The sensitivity grid as the page shows it: made from the scenario on
//! screen (`analysis::sensitivity::grid`), every text and hook computed
//! here once per edit, so that the view only lays it out.

use super::grid::{self as words, At};
use super::Lang;
use crate::analysis::grid_choice::Refused;
use crate::analysis::sensitivity::{grid, upside_band, Axis, Cell};
use crate::display::fixed;
use crate::model::path::path_of;
use crate::model::{Field, Scenario};

/// A cell as shown.
#[derive(Clone, Debug, PartialEq)]
pub struct ShownCell {
    pub row: usize,
    pub col: usize,
    /// `data-x`, `data-y`, `data-value`: plain decimals (`none` without a value).
    pub x: String,
    pub y: String,
    pub value: String,
    /// The number in the cell ("50.43", "n/a").
    pub text: String,
    /// What it says to a screen reader, and on focus.
    pub label: String,
    /// `sensitivity::upside_band`, None without a value.
    pub band: Option<i8>,
    pub yours: bool,
}

/// The grid as shown, or why it is refused.
#[derive(Clone, Debug, PartialEq)]
pub struct ShownGrid {
    pub x_path: String,
    pub y_path: String,
    pub x_name: String,
    pub y_name: String,
    /// The columns' and the rows' values as headers.
    pub xs: Vec<String>,
    pub ys: Vec<String>,
    pub rows: Vec<Vec<ShownCell>>,
    /// The lowest and highest cell with a value (the football field's row).
    pub range: Option<(rust_decimal::Decimal, rust_decimal::Decimal)>,
}

/// The grid of `s` over `axes`, ready to show; the refusal in words.
pub fn shown(lang: Lang, s: &Scenario, axes: Result<(Axis, Axis), Refused>) -> Result<ShownGrid, String> {
    let (x, y) = axes.map_err(|(e, fields)| words::error(lang, &e, s, fields))?;
    let g = grid(s, x, y).map_err(|e| words::error(lang, &e, s, (x.field, y.field)))?;
    let centre = (g.ys.len() / 2, g.xs.len() / 2);
    let x_name = super::breakeven::input_name(lang, x.field, s);
    let y_name = super::breakeven::input_name(lang, y.field, s);
    let rows =
        g.ys.iter()
            .enumerate()
            .map(|(row, &yv)| {
                g.xs.iter()
                    .enumerate()
                    .map(|(col, &xv)| {
                        let at = At { s, x: (&x_name, x.field, xv), y: (&y_name, y.field, yv) };
                        let yours = (row, col) == centre;
                        let (value, text, label, band) = match g.cell(row, col) {
                            Some(Cell::Value(v)) => (
                                v.normalize().to_string(),
                                fixed(lang, *v, 2),
                                words::cell(lang, &at, *v),
                                Some(upside_band(*v, s.price)),
                            ),
                            Some(Cell::NotAvailable(why)) => (
                                "none".into(),
                                lang.t(super::ExplainKey::GridNa).into(),
                                words::cell_na(lang, &at, why),
                                None,
                            ),
                            None => ("none".into(), String::new(), String::new(), None),
                        };
                        let label = if yours {
                            lang.f(super::ExplainKey::GridCellYours, &[("cell", &label)])
                        } else {
                            label
                        };
                        ShownCell {
                            row,
                            col,
                            x: xv.normalize().to_string(),
                            y: yv.normalize().to_string(),
                            value,
                            text,
                            label,
                            band,
                            yours,
                        }
                    })
                    .collect()
            })
            .collect();
    let header = |field: Field, values: &[rust_decimal::Decimal]| {
        values.iter().map(|v| super::breakeven::with_unit(lang, field, *v)).collect()
    };
    Ok(ShownGrid {
        x_path: path_of(x.field, s).unwrap_or_default(),
        y_path: path_of(y.field, s).unwrap_or_default(),
        x_name,
        y_name,
        range: g.range(),
        xs: header(x.field, &g.xs),
        ys: header(y.field, &g.ys),
        rows,
    })
}

/// The grid as an HTML table (the page shows it as it is): a header row
/// of the columns' values, a row header of each row's value, every cell
/// with its number, its band's class and its hooks (`data-row`,
/// `data-col`, `data-x`, `data-y`, `data-value`), announced by its
/// `aria-label`; the reader's cell outlined (`yours`) and alone in the Tab
/// order, the page moving focus with the arrow keys. `labelled_by` is the
/// id of the grid's title.
pub fn table_html(g: &ShownGrid, labelled_by: &str) -> String {
    use crate::analysis::svg::escape;
    let mut out = format!(
        "<table class=\"grid\" role=\"grid\" data-testid=\"sensitivity\" data-x-path=\"{}\" data-y-path=\"{}\" aria-labelledby=\"{}\"><thead><tr><th scope=\"col\" class=\"grid-corner\">{} \\ {}</th>",
        escape(&g.x_path),
        escape(&g.y_path),
        escape(labelled_by),
        escape(&g.y_name),
        escape(&g.x_name)
    );
    for x in &g.xs {
        out.push_str(&format!("<th scope=\"col\" class=\"num\">{}</th>", escape(x)));
    }
    out.push_str("</tr></thead><tbody>");
    for (cells, y) in g.rows.iter().zip(&g.ys) {
        out.push_str(&format!("<tr><th scope=\"row\">{}</th>", escape(y)));
        for c in cells {
            out.push_str(&format!(
                "<td class=\"num {}{}\" role=\"gridcell\" tabindex=\"{}\" aria-label=\"{}\" data-row=\"{}\" data-col=\"{}\" data-x=\"{}\" data-y=\"{}\" data-value=\"{}\">{}</td>",
                band_class(c.band),
                if c.yours { " yours" } else { "" },
                if c.yours { 0 } else { -1 },
                escape(&c.label),
                c.row,
                c.col,
                escape(&c.x),
                escape(&c.y),
                escape(&c.value),
                escape(&c.text)
            ));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    out
}

/// The class of a cell's colour: `band-m3` (30% or more below the price)
/// to `band-p3`.
pub fn band_class(band: Option<i8>) -> &'static str {
    match band {
        None => "band-na",
        Some(i8::MIN..=-3) => "band-m3",
        Some(-2) => "band-m2",
        Some(-1) => "band-m1",
        Some(0) => "band-0",
        Some(1) => "band-p1",
        Some(2) => "band-p2",
        Some(3..=i8::MAX) => "band-p3",
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::analysis::grid_choice::{resolve, AxisChoice};
    use crate::analysis::key_inputs::key_inputs;
    use crate::lang::NumberStyle;
    use crate::model::Preset;

    #[test]
    fn the_base_grid_centres_on_the_readers_value_with_its_hooks() {
        let s = Preset::Base.scenario();
        let none = AxisChoice::default();
        let axes = resolve(&s, &key_inputs(&s), NumberStyle::DecimalPoint, &none, &none).unwrap();
        let g = shown(Lang::En, &s, axes).unwrap();
        assert_eq!((g.x_path.as_str(), g.y_path.as_str()), ("ev.units", "ev.multiple"));
        assert_eq!(g.xs.first().map(String::as_str), Some("500,000"));
        assert_eq!(g.xs.last().map(String::as_str), Some("800,000"));
        assert_eq!(g.ys, ["2.25x", "2.5x", "2.75x", "3x", "3.25x", "3.5x", "3.75x"]);
        assert_eq!(g.rows.len(), 7);
        let centre = &g.rows[3][3];
        assert!(centre.yours);
        assert_eq!((centre.x.as_str(), centre.y.as_str(), centre.text.as_str()), ("650000", "3", "55.49"));
        assert!(centre.label.ends_with("+37.6% (your scenario)"), "{}", centre.label);
        assert_eq!(centre.band, Some(3));
        // Fewer cars, a lower multiple: less value.
        let corner: rust_decimal::Decimal = g.rows[0][0].value.parse().unwrap();
        let middle: rust_decimal::Decimal = centre.value.parse().unwrap();
        assert!(corner < middle);
        assert_eq!(band_class(Some(-3)), "band-m3");
        let html = table_html(&g, "t");
        let nodes = crate::analysis::svg::check::parse(&html).unwrap();
        let cells: Vec<_> = nodes.iter().filter(|n| n.name == "td").collect();
        assert_eq!(cells.len(), 49);
        assert_eq!(cells.iter().filter(|c| c.attr("tabindex") == Some("0")).count(), 1);
        let yours = cells.iter().find(|c| c.attr("tabindex") == Some("0")).unwrap();
        assert_eq!((yours.attr("data-x"), yours.attr("data-y")), (Some("650000"), Some("3")));
        assert_eq!(yours.attr("class"), Some("num band-p3 yours"));
        assert_eq!(band_class(None), "band-na");
    }

    #[test]
    fn a_refused_grid_names_its_axis() {
        let s = Preset::Base.scenario();
        let bad = AxisChoice { count: Some("4".into()), ..AxisChoice::default() };
        let axes =
            resolve(&s, &key_inputs(&s), NumberStyle::DecimalPoint, &bad, &AxisChoice::default()).unwrap();
        assert_eq!(
            shown(Lang::En, &s, axes),
            Err(
                "Columns, EV deliveries (Smart EV): the number of values must be odd, from 1 to 15 (found 4)"
                    .into()
            )
        );
    }
}
