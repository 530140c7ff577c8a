//! From the parts to the value per share, line by line, each explainable.

use crate::display::{fixed, multiple, pct, per_share};
use crate::model::valuation::GroupTerm;
use crate::text::explain::{self, Line};
use crate::text::{self, Key, Lang};
use crate::ui::state::{AppState, Shown};
use leptos::prelude::*;
use rust_decimal::Decimal;

/// One row as displayed; built from the shown valuation.
#[derive(Clone, PartialEq)]
struct Row {
    testid: String,
    name: String,
    revenue: String,
    profit: String,
    metric: String,
    value_bn: String,
    per_share: String,
    share: String,
    line: Line,
    class: &'static str,
}

fn group_testid(term: GroupTerm) -> &'static str {
    match term {
        GroupTerm::HoldingDiscount => "group-holding-discount",
        GroupTerm::NetCash => "group-net-cash",
        GroupTerm::Investments => "group-investments",
        GroupTerm::Other => "group-other",
        GroupTerm::Buybacks => "group-buybacks",
        GroupTerm::SharesRetired => "group-shares-retired",
    }
}

fn rows(lang: Lang, shown: &Shown) -> Vec<Row> {
    let (s, v) = (&shown.scenario, &shown.valuation);
    let cur = s.listing_currency.as_str();
    let share = |d: Decimal| v.share_of_total_pct(d).map(|p| pct(lang, p)).unwrap_or_else(|| "-".into());
    let mut out: Vec<Row> = v
        .segments
        .iter()
        .map(|seg| Row {
            testid: format!("segment-{}", seg.id),
            name: text::shown_name(lang, &seg.id, &seg.name).to_string(),
            revenue: fixed(lang, seg.revenue_bn, 1),
            profit: fixed(lang, seg.profit_bn, 1),
            metric: format!(
                "{} x {} {}",
                fixed(lang, seg.metric_bn, 1),
                multiple(lang, seg.multiple),
                text::method(lang, seg.method)
            ),
            value_bn: fixed(lang, seg.value_bn, 1),
            per_share: per_share(lang, seg.per_share_listing, cur),
            share: share(seg.per_share_listing),
            line: Line::Segment(seg.id.clone()),
            class: "segment-row",
        })
        .collect();
    out.extend(v.group_lines.iter().map(|line| Row {
        testid: group_testid(line.term).to_string(),
        name: text::group_term(lang, line.term).to_string(),
        revenue: String::new(),
        profit: String::new(),
        metric: String::new(),
        value_bn: fixed(lang, line.amount_bn, 1),
        per_share: per_share(lang, line.per_share_listing, cur),
        share: share(line.per_share_listing),
        line: Line::Group(line.term),
        class: "group-row",
    }));
    out.push(Row {
        testid: "bridge-total".into(),
        name: lang.t(Key::RowValuePerShare).into(),
        revenue: String::new(),
        profit: String::new(),
        metric: String::new(),
        value_bn: fixed(lang, v.equity_bn, 1),
        per_share: per_share(lang, v.per_share_listing, cur),
        share: share(v.per_share_listing),
        line: Line::Total,
        class: "total-row",
    });
    out
}

#[component]
pub fn BridgeTable(state: AppState) -> impl IntoView {
    let rows = Memo::new(move |_| {
        let lang = state.lang;
        state.shown.with(|s| s.as_ref().map(|s| rows(lang, s)).unwrap_or_default())
    });
    let lang = state.lang;
    let heads = move || {
        state.shown.with(|s| {
            s.as_ref().map(|s| (s.scenario.reporting_currency.clone(), s.scenario.listing_currency.clone()))
        })
    };
    let head = move |key| {
        let (rep, lst) = heads().unwrap_or_default();
        let lst = crate::display::currency_prefix(&lst);
        // No value yet (a blank company): no currencies to name.
        crate::text::without_blanks(&lang.f(key, &[("reporting", &rep), ("listing", lst.trim())]))
    };
    let revenue_head = Signal::derive(move || head(Key::BridgeRevenue));
    let profit_head = Signal::derive(move || head(Key::BridgeProfit));
    let value_head = Signal::derive(move || head(Key::BridgeValue));
    let per_share_head = Signal::derive(move || head(Key::BridgePerShare));
    view! {
        <section class="bridge card" aria-labelledby="bridge-title">
            <h2 id="bridge-title">{lang.t(Key::BridgeTitle)}</h2>
            <div class="table-scroll">
                <table data-testid="bridge">
                    <thead>
                        <tr>
                            <th scope="col">{lang.t(Key::BridgeLine)}</th>
                            <th scope="col" class="num">{revenue_head}</th>
                            <th scope="col" class="num">{profit_head}</th>
                            <th scope="col" class="num">{lang.t(Key::BridgeMetric)}</th>
                            <th scope="col" class="num">{value_head}</th>
                            <th scope="col" class="num">{per_share_head}</th>
                            <th scope="col" class="num">{lang.t(Key::BridgeShare)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || rows.get() key=|row| row.testid.clone() let:row>
                            <BridgeRow row_testid=row.testid.clone() rows state />
                        </For>
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// A row and its optional explanation; reads its data by testid so the row
/// keeps its open/closed state while the numbers change.
#[component]
fn BridgeRow(row_testid: String, rows: Memo<Vec<Row>>, state: AppState) -> impl IntoView {
    let open = RwSignal::new(false);
    let opened = RwSignal::new(false);
    let key = row_testid.clone();
    let row = Memo::new(move |_| rows.with(|rs| rs.iter().find(|r| r.testid == key).cloned()));
    let cell = move |f: fn(&Row) -> String| {
        Signal::derive(move || row.with(|r| r.as_ref().map(f).unwrap_or_default()))
    };
    let expanded = Signal::derive(move || open.get().to_string());
    let explain_id = format!("{row_testid}-explain");
    let toggle = move |_| {
        open.update(|o| *o = !*o);
        opened.set(true);
    };
    // Built on the first open (its code is in this chunk), then shown and hidden.
    let explanation = move || {
        let line = row.with_untracked(|r| r.as_ref().map(|r| r.line.clone()))?;
        Some(view! {
            <tr class="explain-row" prop:hidden=move || !open.get()>
                <td colspan="7" data-testid=explain_id.clone() id=explain_id.clone()>
                    <Explanation state line />
                </td>
            </tr>
        })
    };
    view! {
        <tr data-testid=row_testid.clone() class=Signal::derive(move || row.with(|r| r.as_ref().map(|r| r.class).unwrap_or_default()))>
            <th scope="row">
                <span>{cell(|r| r.name.clone())}</span>
                <button
                    type="button"
                    class="explain-toggle"
                    aria-label=state.lang.t(Key::HowComputed)
                    title=state.lang.t(Key::HowComputed)
                    aria-expanded=expanded
                    aria-controls=format!("{row_testid}-explain")
                    on:click=toggle
                >
                    "?"
                </button>
            </th>
            <td class="num">{cell(|r| r.revenue.clone())}</td>
            <td class="num">{cell(|r| r.profit.clone())}</td>
            <td class="num metric">{cell(|r| r.metric.clone())}</td>
            <td class="num">{cell(|r| r.value_bn.clone())}</td>
            <td class="num strong" data-testid=format!("{row_testid}-per-share")>{cell(|r| r.per_share.clone())}</td>
            <td class="num">{cell(|r| r.share.clone())}</td>
        </tr>
        {move || if opened.get() { explanation() } else { None }}
    }
}

/// "How is this computed?" for one line of the bridge, in words and in numbers.
#[component]
fn Explanation(state: AppState, line: Line) -> impl IntoView {
    let text = Memo::new(move |_| {
        state
            .shown
            .with(|s| s.as_ref().and_then(|s| explain::line(state.lang, &s.scenario, &s.valuation, &line)))
    });
    view! {
        <p class="explain-words">{move || text.with(|t| t.as_ref().map(|t| t.words.clone()))}</p>
        <p class="explain-numbers">{move || text.with(|t| t.as_ref().map(|t| t.numbers.clone()))}</p>
    }
}
