//! The answer in words, under the headline: what the price pays for in
//! the two key assumptions (`text::breakeven::sentence`), with a link to
//! the whole analysis. Its slot keeps its room until it arrives.

use crate::text::{self, ExplainKey};
use crate::ui::state::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The id of the analysis' `<details>` (`AnalysisPanel`), which the link
/// opens.
pub const ANALYSIS_ID: &str = "analysis";

#[component]
pub fn ImpliesSentence(state: AppState) -> impl IntoView {
    let lang = state.lang;
    // Of the scenario on screen, the last valid one while an input is
    // wrong: the headline then says its value is the last valid one.
    let sentences = Memo::new(move |_| {
        let fields = state.key_fields();
        state.shown.with(|shown| {
            shown
                .as_ref()
                .map(|sh| text::breakeven::sentence(lang, &sh.scenario, &sh.valuation, &fields))
                .unwrap_or_default()
        })
    });
    let nothing = move || sentences.with(Vec::is_empty);
    view! {
        <p class="implies" data-testid="implies" class:last-valid=move || state.is_stale() hidden=nothing>
            <For each=move || sentences.get().into_iter().enumerate() key=|said| said.clone() let:said>
                <span>{said.1}</span>
            </For>
            <a href=format!("#{ANALYSIS_ID}") on:click=open_analysis>
                {lang.t(ExplainKey::ImpliesMore)}
            </a>
        </p>
    }
}

/// Opens the analysis and takes the reader there, without touching the
/// address (its fragment is the share link's).
fn open_analysis(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    let Some(panel) = document().get_element_by_id(ANALYSIS_ID) else {
        return;
    };
    // Setting it fails only on a detached node; the link then does nothing.
    let _ = panel.set_attribute("open", "");
    panel.scroll_into_view();
    let summary = panel.query_selector("summary").ok().flatten();
    if let Some(summary) = summary.and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = summary.focus();
    }
}
