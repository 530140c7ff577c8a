//! The Sources list in the footer (`docs` chunk): where each default comes from.

use crate::ui::state::AppState;
use leptos::prelude::*;

/// Each outlet and what the defaults took from it, in the reader's language.
#[component]
pub fn Sources(state: AppState) -> impl IntoView {
    view! {
        <ul>
            {crate::text::sources(state.lang).map(|(outlet, took)| view! { <li><strong>{outlet}</strong>", "{took}</li> }).collect_view()}
        </ul>
    }
}
