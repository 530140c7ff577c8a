//! Scenarios side by side, and their probability-weighted value.
//!
//! `compare_rows` lines up 2 to 4 scenarios (any number works) row by row:
//! the results, then every assumption, labelled in the reader's language.
//! `weights` mixes their values per share with weights in % (no words: the
//! text module says its errors, so the two do not import each other).

pub mod weights;

pub use weights::{equal_weights, parse_weights, weighted, WeightError, Weighted};

use crate::display::{billions, count, date, pct, per_share, signed_pct, up_to};
use crate::model::{evaluate, Field, Scenario, Segment, SegmentField};
use crate::text::{self, label_in, CompareKey, IssueKey, Key, Lang};
use rust_decimal::Decimal;

/// One row of the comparison: a label, one cell per scenario, and whether
/// the underlying values differ.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareRow {
    pub label: String,
    pub cells: Vec<String>,
    pub differs: bool,
}

/// What a cell is compared by: the value itself, never its rounded text,
/// together with its currency when it is money.
#[derive(Clone, Debug, PartialEq)]
enum CompareBy {
    Missing,
    Number(Decimal),
    Money(String, Decimal),
    Text(String),
}

struct Cell {
    text: String,
    key: CompareBy,
}

impl Cell {
    fn missing() -> Cell {
        Cell { text: "-".into(), key: CompareBy::Missing }
    }

    fn number(text: String, d: Decimal) -> Cell {
        Cell { text, key: CompareBy::Number(d) }
    }

    fn money(text: String, currency: &str, d: Decimal) -> Cell {
        Cell { text, key: CompareBy::Money(currency.to_string(), d) }
    }

    fn text(text: impl Into<String>) -> Cell {
        let text = text.into();
        Cell { key: CompareBy::Text(text.clone()), text }
    }
}

fn row(label: impl Into<String>, cells: Vec<Cell>) -> CompareRow {
    let differs = cells.windows(2).any(|w| matches!(w, [a, b] if a.key != b.key));
    CompareRow { label: label.into(), cells: cells.into_iter().map(|c| c.text).collect(), differs }
}

/// Rows: "Value per share", "Upside" (from `model::evaluate`; a scenario
/// that does not value shows its first issue under "Value per share" and
/// "-" under "Upside"), then every assumption: company, currencies, price,
/// price date, shares, FX, years, each group term, then per segment
/// (matched by segment name across scenarios, ASCII case and spaces aside, in
/// order of first appearance; two companies' ids need not agree, their
/// names do; a segment missing in one shows "-"): driver kind, each driver field,
/// margin, method, multiple.
///
/// Labels are the page's (`text::field_label`, of the first scenario that
/// has the field), prefixed by the segment name for segment rows ("Smart
/// EV: EV deliveries"). Cells are display strings: per share 2 decimals
/// with currency, % 1 decimal, bn 1 decimal, counts with separators, FX
/// and multiples with the decimals they have. `differs` compares values
/// (and currencies), not text: 1.0 and 1 are the same, and two values that
/// round to the same text still differ.
pub fn compare_rows(lang: Lang, scenarios: &[&Scenario]) -> Vec<CompareRow> {
    let Some(first) = scenarios.first() else {
        return Vec::new();
    };
    let each = |f: &dyn Fn(&Scenario) -> Cell| scenarios.iter().map(|s| f(s)).collect::<Vec<Cell>>();
    let mut rows = Vec::new();

    let results: Vec<_> = scenarios.iter().map(|s| evaluate(s)).collect();
    let segment_row =
        |segment: &str, what: &str| lang.f(CompareKey::SegmentThing, &[("segment", segment), ("what", what)]);
    rows.push(row(
        lang.t(Key::RowValuePerShare),
        scenarios
            .iter()
            .zip(&results)
            .map(|(s, r)| match r {
                Ok(v) => Cell::money(
                    per_share(lang, v.per_share_listing, &s.listing_currency),
                    &s.listing_currency,
                    v.per_share_listing,
                ),
                Err(issues) => Cell::text(issues.first().map_or_else(
                    || lang.t(CompareKey::RowDoesNotValue).to_string(),
                    |i| text::issue(lang, i),
                )),
            })
            .collect(),
    ));
    rows.push(row(
        lang.t(CompareKey::RowUpside),
        results
            .iter()
            .map(|r| match r {
                Ok(v) => Cell::number(signed_pct(lang, v.upside_pct), v.upside_pct),
                Err(_) => Cell::missing(),
            })
            .collect(),
    ));

    rows.push(row(
        lang.t(CompareKey::RowCompany),
        each(&|s| Cell::text(format!("{} ({})", s.company.name, s.company.ticker))),
    ));
    rows.push(row(
        lang.t(IssueKey::SubjectReportingCurrency),
        each(&|s| Cell::text(s.reporting_currency.clone())),
    ));
    rows.push(row(
        lang.t(IssueKey::SubjectListingCurrency),
        each(&|s| Cell::text(s.listing_currency.clone())),
    ));

    for field in Field::GROUP {
        rows.push(row(label_in(lang, field, first), each(&|s| group_cell(lang, field, s))));
        if field == Field::Price {
            rows.push(row(
                lang.t(IssueKey::SubjectPriceDate),
                each(&|s| s.price_date.as_deref().map_or_else(Cell::missing, |d| Cell::text(date(lang, d)))),
            ));
        }
    }

    for key in segment_keys(scenarios) {
        let found: Vec<Option<(usize, &Segment)>> = scenarios
            .iter()
            .map(|s| s.segments.iter().enumerate().find(|(_, seg)| segment_key(seg) == key))
            .collect();
        let Some((_, seg0)) = found.iter().flatten().next() else {
            continue;
        };
        let name = text::shown_name(lang, &seg0.id, &seg0.name);
        let seg_cells = |f: &dyn Fn(&Scenario, usize, &Segment) -> Cell| -> Vec<Cell> {
            scenarios
                .iter()
                .zip(&found)
                .map(|(s, hit)| hit.map_or_else(Cell::missing, |(i, seg)| f(s, i, seg)))
                .collect()
        };
        rows.push(row(
            segment_row(name, lang.t(CompareKey::RowDriver)),
            seg_cells(&|_, _, seg| Cell::text(text::driver(lang, &seg.driver))),
        ));
        let mut driver_fields: Vec<SegmentField> = Vec::new();
        for (_, seg) in found.iter().flatten() {
            for f in SegmentField::of_driver(&seg.driver) {
                if !driver_fields.contains(f) {
                    driver_fields.push(*f);
                }
            }
        }
        let labelled = |f: SegmentField| {
            // The label of the first scenario whose segment has the field.
            let label = scenarios
                .iter()
                .zip(&found)
                .find_map(|(s, hit)| {
                    let (i, seg) = (*hit)?;
                    let has = !f.in_driver() || SegmentField::of_driver(&seg.driver).contains(&f);
                    has.then(|| label_in(lang, Field::Segment(i, f), s))
                })
                .unwrap_or_default();
            segment_row(name, &label)
        };
        for f in driver_fields.iter().copied().chain([SegmentField::MarginPct]) {
            rows.push(row(labelled(f), seg_cells(&|s, i, _| segment_cell(lang, s, i, f))));
        }
        rows.push(row(
            segment_row(name, lang.t(CompareKey::RowMethod)),
            seg_cells(&|_, _, seg| Cell::text(text::method(lang, seg.method))),
        ));
        let f = SegmentField::Multiple;
        rows.push(row(labelled(f), seg_cells(&|s, i, _| segment_cell(lang, s, i, f))));
    }
    rows
}

/// Segment ids in order of first appearance across the scenarios.
/// What Compare matches segments by: the name, trimmed, with ASCII
/// letters in lower case (`to_lowercase` would bring Unicode's case tables
/// into the chunk, some 10 KB, for names that rarely differ so).
fn segment_key(seg: &Segment) -> String {
    seg.name.trim().to_ascii_lowercase()
}

fn segment_keys(scenarios: &[&Scenario]) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for seg in scenarios.iter().flat_map(|s| s.segments.iter()) {
        let key = segment_key(seg);
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys
}

fn group_cell(lang: Lang, field: Field, s: &Scenario) -> Cell {
    let (rep, lst) = (s.reporting_currency.as_str(), s.listing_currency.as_str());
    let Some(d) = field.get(s) else {
        return Cell::missing();
    };
    match field {
        Field::Price => Cell::money(per_share(lang, d, lst), lst, d),
        Field::SharesBn => Cell::number(crate::display::shares_bn(lang, d), d),
        Field::Fx => Cell::money(up_to(lang, d, 1, 6), &format!("{lst}/{rep}"), d),
        Field::BaseYear | Field::ValuationYear => Cell::number(d.to_string(), d),
        Field::NetCashBn | Field::InvestmentsBn | Field::OtherBn => {
            Cell::money(billions(lang, d, rep), rep, d)
        }
        Field::BuybackListingBn => Cell::money(billions(lang, d, lst), lst, d),
        Field::InvestmentsDiscountPct | Field::HoldingDiscountPct => Cell::number(pct(lang, d), d),
        Field::Segment(..) => Cell::missing(),
    }
}

fn segment_cell(lang: Lang, s: &Scenario, i: usize, f: SegmentField) -> Cell {
    use SegmentField as S;
    let rep = s.reporting_currency.as_str();
    let Some(d) = Field::Segment(i, f).get(s) else {
        return Cell::missing();
    };
    match f {
        S::Units | S::BaseUnits => Cell::number(count(lang, d), d),
        S::Asp => Cell::money(crate::display::per_unit(lang, d, rep), rep, d),
        S::GrowthPct | S::MarginPct => Cell::number(pct(lang, d), d),
        S::RevenueBn | S::BaseRevenueBn => Cell::money(billions(lang, d, rep), rep, d),
        S::Multiple => Cell::number(format!("{}x", up_to(lang, d, 1, 2)), d),
    }
}
