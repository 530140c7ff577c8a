//! What you must believe: each input's break-even against the price
//! (`analysis::breakeven`), the change from the reader's value, and a
//! button that takes it, as one edit like any typed one (Reset undoes it).

use crate::analysis::breakeven::{self, as_typed, Outcome};
use crate::display::{editable, per_share};
use crate::text::{self, ExplainKey};
use crate::ui::state::AppState;
use leptos::prelude::*;

/// One row, made from the scenario on screen (the last valid one).
#[derive(Clone, Debug, PartialEq)]
struct Row {
    field: crate::model::Field,
    path: String,
    label: String,
    yours: String,
    /// The break-even as shown, or why there is none.
    at_price: String,
    change: String,
    /// `data-value`: the break-even as a plain decimal at full precision,
    /// or `none`.
    value: String,
    /// What "Use this value" types: the break-even as the field takes it.
    typed: Option<rust_decimal::Decimal>,
}

#[component]
pub fn BreakEvenTable(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let rows = Memo::new(move |_| {
        state.shown.with(|shown| {
            let Some(sh) = shown else {
                return Vec::new();
            };
            let s = &sh.scenario;
            breakeven::all(s, &sh.valuation)
                .into_iter()
                .map(|b| {
                    let label = text::field_name(lang, b.field, s);
                    let (at_price, value, typed) = match b.outcome {
                        Outcome::At(at) => (
                            text::breakeven::value(lang, b.field, at),
                            at.normalize().to_string(),
                            Some(as_typed(b.field, at)),
                        ),
                        Outcome::None(why) => {
                            (text::breakeven::none(lang, b.field, why), "none".to_string(), None)
                        }
                    };
                    Row {
                        field: b.field,
                        change: b.change().map(|c| text::breakeven::change(lang, c)).unwrap_or_default(),
                        yours: text::breakeven::value(lang, b.field, b.current),
                        path: b.path,
                        label,
                        at_price,
                        value,
                        typed,
                    }
                })
                .collect()
        })
    });
    let intro = move || {
        state.shown.with(|sh| {
            sh.as_ref().map(|sh| {
                let price = per_share(lang, sh.scenario.price, &sh.scenario.listing_currency);
                lang.f(ExplainKey::BreakEvenIntro, &[("price", &price)])
            })
        })
    };
    view! {
        <section class="analysis-part" aria-labelledby="breakeven-title">
            <h3 id="breakeven-title">{lang.t(ExplainKey::BreakEvenTitle)}</h3>
            <p class="note">{intro}</p>
            <div class="table-scroll">
                <table class="stacked" data-testid="breakeven" aria-labelledby="breakeven-title">
                    <thead>
                        <tr>
                            <th scope="col">{lang.t(ExplainKey::BreakEvenInput)}</th>
                            <th scope="col" class="num">{lang.t(ExplainKey::BreakEvenYours)}</th>
                            <th scope="col" class="num">{lang.t(ExplainKey::BreakEvenAtPrice)}</th>
                            <th scope="col" class="num">{lang.t(ExplainKey::BreakEvenChange)}</th>
                            <th scope="col"><span class="visually-hidden">{lang.t(ExplainKey::BreakEvenUse)}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || rows.get() key=|row| (row.path.clone(), row.value.clone()) let:row>
                            <BreakEvenRow state row />
                        </For>
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn BreakEvenRow(state: AppState, row: Row) -> impl IntoView {
    let lang = state.lang;
    let Row { field, path, label, yours, at_price, change, value, typed } = row;
    let use_it = typed.map(|x| {
        let name = lang.f(
            ExplainKey::BreakEvenUseFor,
            &[("value", &text::breakeven::value(lang, field, x)), ("field", &label)],
        );
        view! {
            <button type="button" aria-label=name on:click=move |_| state.edit(field, &editable(lang, x))>
                {lang.t(ExplainKey::BreakEvenUse)}
            </button>
        }
    });
    view! {
        <tr data-testid=format!("breakeven-{path}") data-value=value>
            <th scope="row">{label}</th>
            <td class="num" data-label=lang.t(ExplainKey::BreakEvenYours)>{yours}</td>
            <td class="num" data-label=lang.t(ExplainKey::BreakEvenAtPrice)>{at_price}</td>
            <td class="num" data-label=lang.t(ExplainKey::BreakEvenChange)>{change}</td>
            <td>{use_it}</td>
        </tr>
    }
}
