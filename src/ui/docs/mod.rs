//! The `docs` chunk's views: the bridge and its explanations, the info
//! marks, the Sources list, the language switch, other currencies.

pub mod bridge_table;
pub mod currency_view;
pub mod info_tip;
pub mod language_switch;

use crate::ui::state::AppState;
use leptos::prelude::*;

/// The Sources list in the footer: where each default comes from.
#[component]
pub fn Sources(state: AppState) -> impl IntoView {
    view! {
        <ul>
            {crate::text::sources(state.lang).map(|(outlet, took)| view! { <li><strong>{outlet}</strong>", "{took}</li> }).collect_view()}
        </ul>
    }
}
