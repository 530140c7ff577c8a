//! Everything the analysis panel draws for one scenario: the sensitivity
//! grid (`grid`), then the tornado, the waterfall and the football field
//! (`charts`), each as the markup the page shows (and a download saves),
//! with its values as text. Plain functions, so the page calls them a task
//! after an edit, and a download gets the very same document.

use super::charts::{self, FootballInput};
use super::grid_shown::{shown, table_html, ShownGrid};
use super::{ExplainKey, Lang};
use crate::analysis::grid_choice::{resolve, AxisChoice};
use crate::analysis::svg::{escape, football, tornado, waterfall};
use crate::analysis::tornado::{default_basis, Basis};
use crate::model::number::parse_typed;
use crate::model::valuation::Valuation;
use crate::model::{Field, Scenario};
use rust_decimal::Decimal;

/// What the drawing is of, and the reader's choices for it.
pub struct DrawingInput<'a> {
    pub scenario: &'a Scenario,
    pub valuation: &'a Valuation,
    /// The inputs by tornado swing, largest first (the key assumptions).
    pub by_swing: &'a [Field],
    pub x: &'a AxisChoice,
    pub y: &'a AxisChoice,
    /// The tornado's ± percentage as typed (used off Xiaomi's shape).
    pub percent: &'a str,
    /// The reader's saved scenarios of this company, with their values.
    pub saved: &'a [(String, Decimal)],
}

/// A chart: its SVG document, and its values as `<li>` items.
#[derive(Clone, Debug, PartialEq)]
pub struct Drawn {
    pub svg: String,
    pub lines: String,
}

/// The grid as an HTML table, or why it is refused; None when the
/// scenario has no two inputs a grid can move. With the range of its
/// cells, which the football field draws.
#[derive(Clone, Debug, PartialEq)]
pub struct GridDrawing {
    pub table: Option<Result<String, String>>,
    pub range: Option<(Decimal, Decimal)>,
}

/// The charts: the tornado (or why its percentage is refused), the
/// waterfall and the football field.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartsDrawing {
    pub tornado: Result<Drawn, String>,
    pub waterfall: Drawn,
    pub football: Drawn,
}

/// The id of the grid's title, which its table is labelled by.
pub const GRID_TITLE_ID: &str = "sensitivity-title";

fn lines_html(lines: &[String]) -> String {
    lines.iter().map(|l| format!("<li>{}</li>", escape(l))).collect()
}

/// The sensitivity grid for `i`: drawn first, as the reader's edit
/// needs it soonest.
pub fn grid(lang: Lang, i: &DrawingInput) -> GridDrawing {
    let s = i.scenario;
    let grid: Option<Result<ShownGrid, String>> =
        resolve(s, i.by_swing, lang.number_style(), i.x, i.y).map(|axes| shown(lang, s, axes));
    let range = grid.as_ref().and_then(|g| g.as_ref().ok()?.range);
    GridDrawing { table: grid.map(|g| g.map(|g| table_html(&g, GRID_TITLE_ID))), range }
}

/// The charts for `i`, the football field with the grid's `range`.
pub fn charts(lang: Lang, i: &DrawingInput, range: Option<(Decimal, Decimal)>) -> ChartsDrawing {
    let (s, v) = (i.scenario, i.valuation);
    let basis = match default_basis(s) {
        Basis::Presets => Some(Basis::Presets),
        Basis::Percent(_) => parse_typed(lang.number_style(), i.percent).ok().map(Basis::Percent),
    };
    let refused = || lang.t(ExplainKey::TornadoPercentError).to_string();
    let tornado =
        basis.ok_or_else(refused).and_then(|b| charts::tornado(lang, s, v, b).map_err(|_| refused()));
    let tornado =
        tornado.map(|c| Drawn { svg: tornado::tornado(&c), lines: lines_html(&charts::tornado_lines(&c)) });
    let w = charts::waterfall(lang, s, v);
    let input = FootballInput { presets: charts::preset_range(s), grid: range, saved: i.saved };
    let f = charts::football(lang, s, v, &input);
    ChartsDrawing {
        tornado,
        waterfall: Drawn { svg: waterfall::waterfall(&w), lines: lines_html(&charts::waterfall_lines(&w)) },
        football: Drawn { svg: football::football(&f), lines: lines_html(&charts::football_lines(&f)) },
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::analysis::key_inputs::key_inputs;
    use crate::model::{evaluate, Preset};

    #[test]
    fn base_draws_a_grid_and_three_charts_and_refuses_a_bad_percent_off_xiaomi() {
        let s = Preset::Base.scenario();
        let v = evaluate(&s).unwrap();
        let keys = key_inputs(&s);
        let none = AxisChoice::default();
        let input = DrawingInput {
            scenario: &s,
            valuation: &v,
            by_swing: &keys,
            x: &none,
            y: &none,
            percent: "x",
            saved: &[],
        };
        let g = grid(Lang::En, &input);
        assert!(g.table.unwrap().unwrap().contains("data-x-path=\"ev.units\""));
        let d = charts(Lang::En, &input, g.range);
        assert!(d.football.svg.contains("data-testid=\"football-row-grid\""));
        // Xiaomi's tornado runs on the presets: the percentage is not read.
        assert!(d.tornado.unwrap().svg.contains("data-testid=\"tornado-chart\""));
        assert!(d.waterfall.lines.ends_with("<li>Your value: HK$55.49</li>"));
        assert!(d.football.svg.contains("data-testid=\"football-row-analysts\""));
        // Another company: ±x% is refused, ±10% draws.
        let mut other = s.clone();
        other.company.ticker = "OTHER".into();
        other.segments.truncate(2);
        let v = evaluate(&other).unwrap();
        let keys = key_inputs(&other);
        let bad = DrawingInput {
            scenario: &other,
            valuation: &v,
            by_swing: &keys,
            x: &none,
            y: &none,
            percent: "0",
            saved: &[],
        };
        assert_eq!(
            charts(Lang::En, &bad, None).tornado,
            Err("Move each input by ±, %: must be more than 0 and at most 100".into())
        );
        let ok = DrawingInput { percent: "10", ..bad };
        assert!(charts(Lang::En, &ok, None).tornado.unwrap().svg.contains("10% down and up"));
    }
}
