//! The grid's controls, an axis at a time: which input, its step and how
//! many values; and the legend of its colours.

use super::grid_state::GridState;
use crate::analysis::sensitivity::{default_axes, default_step, Which, DEFAULT_STEPS};
use crate::display::{editable, per_share};
use crate::model::path::{field_at, path_of};
use crate::text::ExplainKey;
use crate::ui::state::AppState;
use leptos::prelude::*;

#[component]
pub fn AxisControls(state: AppState, choices: GridState, which: Which) -> impl IntoView {
    let lang = state.lang;
    let side = match which {
        Which::X => "x",
        Which::Y => "y",
    };
    // The input on this axis now: the reader's, else the default's.
    let field = Memo::new(move |_| {
        let chosen = choices.choice(which).field;
        chosen.or_else(|| {
            let keys = state.key_fields();
            state.scenario.with(|s| {
                let (x, y) = default_axes(s, &keys)?;
                Some(if which == Which::X { x.field } else { y.field })
            })
        })
    });
    let options = move || {
        state.scenario.with(|s| {
            crate::analysis::inputs(s)
                .into_iter()
                .filter_map(|f| {
                    let path = path_of(f, s)?;
                    let name = crate::text::breakeven::input_name(lang, f, s);
                    Some(view! { <option value=path.clone() selected=field.get() == Some(f)>{name}</option> })
                })
                .collect_view()
        })
    };
    let step = move || {
        choices.choice(which).step.unwrap_or_else(|| {
            let shown = field.get().and_then(|f| state.scenario.with(|s| Some(default_step(f, f.get(s)?))));
            shown.map(|d| editable(lang, d)).unwrap_or_default()
        })
    };
    let count = move || choices.choice(which).count.unwrap_or_else(|| DEFAULT_STEPS.to_string());
    let legend = lang.t(if which == Which::X { ExplainKey::GridColumns } else { ExplainKey::GridRows });
    view! {
        <fieldset class="grid-axis" data-testid=format!("sensitivity-{side}")>
            <legend>{legend}</legend>
            <label class="field">
                <span>{lang.t(ExplainKey::GridInput)}</span>
                <select on:change=move |ev| {
                    let path = event_target_value(&ev);
                    if let Some(f) = state.scenario.with_untracked(|s| field_at(s, &path)) {
                        choices.set_field(which, f);
                    }
                }>{options}</select>
            </label>
            <label class="field">
                <span>{lang.t(ExplainKey::GridStep)}</span>
                <input type="text" inputmode="decimal" prop:value=step
                    on:input=move |ev| choices.set_step(which, event_target_value(&ev)) />
            </label>
            <label class="field">
                <span>{lang.t(ExplainKey::GridCount)}</span>
                <input type="text" inputmode="numeric" prop:value=count
                    on:input=move |ev| choices.set_count(which, event_target_value(&ev)) />
            </label>
        </fieldset>
    }
}

/// The colours against the price, from 30% or more below to 30% or more
/// above: an orange-to-blue scale a colour-blind reader tells apart, and
/// the number is in every cell anyway.
#[component]
pub fn Legend(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let price = move || state.scenario.with(|s| per_share(lang, s.price, &s.listing_currency));
    let bands = (-3..=3_i8)
        .map(|b| {
            view! {
                <li>
                    <span class=format!("swatch {}", crate::text::grid_shown::band_class(Some(b))) aria-hidden="true"></span>
                    {crate::text::grid::band(lang, b)}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="grid-legend">
            <span>{move || lang.f(ExplainKey::GridLegend, &[("price", &price())])}</span>
            <ul>{bands}</ul>
        </div>
    }
}
