//! Bear | Base | Bull as a segmented control, with "Custom" once edited;
//! for a company not shaped like Xiaomi, the way to the user's own
//! scenarios instead (the presets are Xiaomi's).
//!
//! Native radio buttons under their labels: one tab stop and arrow keys
//! that move and choose come from the browser, not from code here.

use super::state::AppState;
use crate::model::Preset;
use leptos::prelude::*;

#[component]
pub fn PresetPicker(state: AppState) -> impl IntoView {
    let active = state.preset;
    let xiaomi = Memo::new(move |_| state.scenario.with(crate::model::presets::is_xiaomi_shaped));
    let lang = state.lang;
    move || {
        if !xiaomi.get() {
            return leptos::either::Either::Left(view! {
                <p class="presets presets-other" data-testid="presets-other">
                    {lang.t(crate::text::Key::PresetsXiaomiOnly)}" "
                    <a href="#my-scenarios">{lang.t(crate::text::Key::PartLibrary)}</a>
                </p>
            });
        }
        leptos::either::Either::Right(view! {
        <div class="presets">
            <div class="segmented" role="radiogroup" aria-label=state.lang.t(crate::text::Key::PresetGroup)>
                {Preset::ALL
                    .into_iter()
                    .map(|p| {
                        let on = Signal::derive(move || active.get() == Some(p));
                        view! {
                            <label class:active=on>
                                <input
                                    type="radio"
                                    name="preset"
                                    prop:checked=on
                                    on:change=move |_| state.load_preset(p)
                                />
                                {crate::text::preset(state.lang, Some(p))}
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
            {move || {
                active.get().is_none().then(|| view! { <span class="custom-chip" data-testid="preset-custom">{crate::text::preset(state.lang, None)}</span> })
            }}
        </div>
        })
    }
}
