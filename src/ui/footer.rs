//! Always there: the disclaimer, the date of the figures, the sources
//! (the list itself is a lazy part, in the `docs` chunk).

use super::lazy::Slot;
use super::parts::load_sources;
use super::state::AppState;
use crate::model::presets::FIGURES_AS_OF;
use crate::text::Key;
use leptos::prelude::*;

#[component]
pub fn Footer(state: AppState) -> impl IntoView {
    let lang = state.lang;
    view! {
        <footer class="footer">
            <p>
                <strong>{lang.t(Key::Disclaimer)}</strong>
                " "
                {lang.f(Key::FooterNote, &[("date", &crate::display::date(lang, FIGURES_AS_OF))])}
            </p>
            <details class="sources">
                <summary>{lang.t(Key::Sources)}</summary>
                <Slot state part=lang.t(Key::PartSources) class="slot-sources" load=load_sources />
            </details>
        </footer>
    }
}
