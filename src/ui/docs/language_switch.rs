//! The language switch in the header (`docs` chunk): the rest of the
//! language machinery is `ui::language`, which the first screen needs.

use crate::text::{self, Key, Lang};
use crate::ui::language::{apply, ready};
use crate::ui::state::AppState;
use leptos::prelude::*;

/// The language switch in the header (a lazy part, `docs`). A language
/// whose texts cannot be had keeps the page as it is and says so; a choice
/// that worked is remembered in this browser.
#[component]
pub fn LanguageSwitch(state: AppState) -> impl IntoView {
    let lang = state.lang;
    let failed = RwSignal::new(false);
    let change = move |ev| {
        let Some(wanted) = Lang::from_code(&event_target_value(&ev)) else {
            return;
        };
        wasm_bindgen_futures::spawn_local(async move {
            let got = ready(wanted).await;
            if got != wanted {
                failed.set(true);
                return;
            }
            // Not saved (storage off, full): the page still switches.
            let _ = crate::storage::write(text::LANG_KEY, wanted.code());
            apply(wanted);
            state.show_in(wanted);
        });
    };
    view! {
        <div class="language">
            <select
                data-testid="language"
                aria-label=lang.t(Key::LanguageLabel)
                title=lang.t(Key::LanguageLabel)
                on:change=change
            >
                {Lang::ALL
                    .into_iter()
                    .map(|l| view! { <option value=l.code() lang=l.code() selected=l == lang>{l.name()}</option> })
                    .collect_view()}
            </select>
            {move || failed.get().then(|| view! { <p role="alert" class="field-error">{lang.t(Key::LanguageNotLoaded)}</p> })}
        </div>
    }
}
