//! Bear | Base | Bull as a segmented control, with "Custom" once edited.
//! The presets are Xiaomi's: for any other company they hide, and a lazy
//! part (`SavedView::PresetsElsewhere`) shows the way to the user's own
//! scenarios in their place.
//!
//! Native radio buttons under their labels: one tab stop and arrow keys
//! that move and choose come from the browser, not from code here.

use crate::model::Preset;
use crate::ui::state::AppState;
use leptos::prelude::*;

#[component]
pub fn PresetPicker(state: AppState) -> impl IntoView {
    let active = state.preset;
    let lang = state.lang;
    // Bear, Base and Bull are Xiaomi's cases: for any other company the
    // `saved` chunk says where its scenarios are in their place.
    let other = Signal::derive(move || !state.xiaomi_shaped.get());
    view! {
        <div class="presets" hidden=other>
            <div class="segmented" role="radiogroup" aria-label=lang.t(crate::text::Key::PresetGroup)>
                {Preset::ALL
                    .into_iter()
                    .map(|p| {
                        let on = Signal::derive(move || active.get() == Some(p));
                        view! {
                            <label class:active=on>
                                <input
                                    type="radio"
                                    name="preset"
                                    value=p.name()
                                    checked=untrack(move || on.get())
                                    prop:checked=on
                                    on:change=move |_| state.load_preset(p)
                                />
                                {crate::text::preset(lang, Some(p))}
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
            {move || {
                active.get().is_none().then(|| view! { <span class="custom-chip" data-testid="preset-custom">{crate::text::preset(lang, None)}</span> })
            }}
        </div>
    }
}
