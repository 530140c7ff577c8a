//! Bear | Base | Bull as a segmented control, with "Custom" once edited.

use super::state::AppState;
use crate::model::Preset;
use crate::text::Key;
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
            <UndoSwitch state />
        </div>
    }
}

/// After a switch over unsaved work: what happened, and Undo.
#[component]
fn UndoSwitch(state: AppState) -> impl IntoView {
    let lang = state.lang;
    move || {
        state.replaced.with(|r| r.as_ref().map(|r| r.preset)).map(|p| {
            let said = lang.f(Key::PresetReplaced, &[("preset", crate::text::preset(lang, Some(p)))]);
            view! {
                <p class="undo-note" role="status" data-testid="preset-undo">
                    {said}
                    " "
                    <button type="button" on:click=move |_| state.undo_preset()>{lang.t(Key::Undo)}</button>
                </p>
            }
        })
    }
}
