//! A segment's method: EV/Sales, EV/EBIT or P/E. A lazy part (`saved`
//! chunk): the first value does not need it, and the switch brings the
//! multiple along (`state::notes`).

use super::state::AppState;
use crate::model::Method;
use leptos::prelude::*;

#[component]
pub fn MethodPicker(state: AppState, index: usize) -> impl IntoView {
    let id = format!("method-{index}");
    let method = Memo::new(move |_| state.scenario.with(|s| s.segments.get(index).map(|seg| seg.method)));
    let changed = Signal::derive(move || {
        method.get() != state.baseline.with(|s| s.segments.get(index).map(|seg| seg.method))
    });
    let code = Signal::derive(move || method.get().map(|m| m.code()).unwrap_or_default());
    let choose = move |ev| {
        if let Some(m) = Method::from_code(&event_target_value(&ev)) {
            state.switch_method(index, m);
        }
    };
    view! {
        <div class="field" class:changed=changed>
            <div class="field-head">
                <label for=id.clone()>{state.lang.t(crate::text::Key::MethodLabel)}</label>
            </div>
            <select id=id on:change=choose prop:value=code>
                {Method::ALL
                    .into_iter()
                    .map(|m| view! { <option value=m.code()>{crate::text::method(state.lang, m)}</option> })
                    .collect_view()}
            </select>
            <p class="hint">{move || method.get().map(|m| crate::text::editor::method_help(state.lang, m))}</p>
        </div>
    }
}
