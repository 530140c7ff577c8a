//! A segment's method: EV/Sales, EV/EBIT or P/E. A lazy part (`saved`
//! chunk): the first value does not need it, and the switch brings the
//! multiple along (`state::notes`).

use crate::model::Method;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// The method select of the segment at `at` (its place follows it).
#[component]
pub fn MethodPicker(state: AppState, at: Memo<usize>) -> impl IntoView {
    let id = move || format!("method-{}", at.get());
    let method = Memo::new(move |_| state.scenario.with(|s| s.segments.get(at.get()).map(|seg| seg.method)));
    let changed = Signal::derive(move || {
        method.get() != state.baseline.with(|s| s.segments.get(at.get()).map(|seg| seg.method))
    });
    let code = Signal::derive(move || method.get().map(|m| m.code()).unwrap_or_default());
    let choose = move |ev| {
        if let Some(m) = Method::from_code(&event_target_value(&ev)) {
            state.switch_method(at.get_untracked(), m);
        }
    };
    view! {
        <div class="field" class:changed=changed>
            <div class="field-head">
                <label for=id>{state.lang.t(crate::text::Key::MethodLabel)}</label>
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
