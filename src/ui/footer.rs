//! Always there: the disclaimer, the date of the figures, the sources
//! (the list itself is a lazy part, in the `docs` chunk).

use super::lazy::Slot;
use super::parts::load_sources;
use super::state::AppState;
use crate::model::presets::FIGURES_AS_OF;
use leptos::prelude::*;

#[component]
pub fn Footer(state: AppState) -> impl IntoView {
    view! {
        <footer class="footer">
            <p>
                <strong>"For information only; not investment advice."</strong>
                {format!(" The default price is the close of {FIGURES_AS_OF}; the company figures come from the sources below, each with its date. Everything is computed in your browser; nothing leaves this page.")}
            </p>
            <details class="sources">
                <summary>"Sources"</summary>
                <Slot state part="The list of sources" class="slot-sources" load=load_sources />
            </details>
        </footer>
    }
}
