//! The key assumptions, under the headline: the inputs that move the value
//! most (`analysis::key_inputs`), each a second input of the same field as
//! in its card, so a reader changes what matters without scrolling.

use super::number_field::NumberField;
use crate::labels::Place;
use crate::text::Key;
use crate::ui::state::AppState;
use leptos::prelude::*;

#[component]
pub fn KeyAssumptions(state: AppState) -> impl IntoView {
    let fields = move || state.key_fields();
    view! {
        <section
            class="card key-assumptions"
            aria-labelledby="key-title"
            data-testid="key-assumptions"
            hidden=move || fields().is_empty()
        >
            <h2 id="key-title">{state.lang.t(Key::KeyAssumptions)}</h2>
            <p class="note">{state.lang.t(Key::KeyAssumptionsNote)}</p>
            <div class="card-body">
                <For each=fields key=|field| *field let:field>
                    <NumberField state field place=Place::Key />
                </For>
            </div>
        </section>
    }
}
