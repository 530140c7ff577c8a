//! What the price implies, as one panel: the break-evens, the sensitivity
//! grid and the charts. The grid and the charts are made only while the
//! panel is open: a closed panel costs an edit nothing.

use super::breakeven_table::BreakEvenTable;
use super::drawn::DrawnAnalysis;
use super::grid_state::GridState;
use super::implies::ANALYSIS_ID;
use crate::text::ExplainKey;
use crate::ui::state::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn AnalysisPanel(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let open = RwSignal::new(false);
    // The reader's axes outlive a closed panel.
    let choices = GridState::new();
    let percent = RwSignal::new(String::from("20"));
    let on_toggle = move |ev: leptos::ev::Event| {
        let now = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|d| d.has_attribute("open"));
        open.set(now);
    };
    view! {
        <details class="card analysis" id=ANALYSIS_ID data-testid="analysis" on:toggle=on_toggle>
            <summary>
                <h2 id="analysis-title">{lang.t(ExplainKey::BreakEvenTitle)}</h2>
            </summary>
            <p class="stale" data-testid="analysis-stale" hidden=move || !state.is_stale()>
                {lang.t(ExplainKey::AnalysisStale)}
            </p>
            <BreakEvenTable state />
            {move || open.get().then(|| view! { <DrawnAnalysis state choices percent /> })}
        </details>
    }
}
