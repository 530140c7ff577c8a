//! Which lazy parts did not load (offline on a first visit, a host that
//! lost a file), with one Retry for all of them.

use crate::ui::state::AppState;
use leptos::prelude::*;

/// Says which parts did not load, with one Retry for all of them.
#[component]
pub fn FailedParts(state: AppState) -> impl IntoView {
    let parts = state.parts;
    let names = move || parts.failed().with(|f| f.join(", "));
    move || {
        parts.failed().with(|f| !f.is_empty()).then(|| {
            view! {
                <p class="notice error" role="alert" data-testid="part-failed">
                    {move || state.lang.f(crate::text::Key::PartsNotLoaded, &[("parts", &names())])}
                    " "
                    <button type="button" on:click=move |_| parts.retry()>{state.lang.t(crate::text::Key::Retry)}</button>
                </p>
            }
        })
    }
}
