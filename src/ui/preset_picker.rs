//! Bear | Base | Bull as a segmented control, with "Custom" once edited.

use super::state::AppState;
use crate::model::Preset;
use leptos::prelude::*;

#[component]
pub fn PresetPicker(state: AppState) -> impl IntoView {
    let active = state.preset;
    view! {
        <div class="presets">
            <div class="segmented" role="radiogroup" aria-label="Preset">
                {Preset::ALL
                    .into_iter()
                    .map(|p| {
                        let on = Signal::derive(move || active.get() == Some(p));
                        view! {
                            <button
                                type="button"
                                role="radio"
                                aria-checked=Signal::derive(move || on.get().to_string())
                                class:active=on
                                on:click=move |_| state.load_preset(p)
                            >
                                {crate::text::preset(state.lang, Some(p))}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            {move || {
                active.get().is_none().then(|| view! { <span class="custom-chip" data-testid="preset-custom">{crate::text::preset(state.lang, None)}</span> })
            }}
        </div>
    }
}
