//! Always there: the disclaimer, the date of the figures, the sources.

use crate::model::presets::{FIGURES_AS_OF, SOURCES};
use leptos::prelude::*;

#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="footer">
            <p>
                <strong>"For information only; not investment advice."</strong>
                {format!(" Default figures as of {FIGURES_AS_OF}. Everything is computed in your browser; nothing leaves this page.")}
            </p>
            <details class="sources">
                <summary>"Sources"</summary>
                <ul>{SOURCES.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ul>
            </details>
        </footer>
    }
}
