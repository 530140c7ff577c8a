//! The page: Leptos components composing `AppState` into views, in folders
//! by the wasm chunk their code is in (where a file lives says when it
//! loads): `first/` what the first screen needs, `saved/`, `docs/`,
//! `compare/` and `analysis/` the lazy chunks' views (mounted only through `parts::Lazy`),
//! beside them the state (`state/`) and the lazy machinery (`lazy`,
//! `parts`), the language's loading (`language`), the address bar
//! (`address`) and `pause`.

mod address;
mod analysis;
mod compare;
mod docs;
mod first;
mod language;
mod lazy;
mod parts;
mod pause;
mod saved;
pub mod state;

pub use first::first_screen::{self, NoScriptValue, Start};
pub use first::page::App;

/// Mounts the app on the page's body, in the reader's language once its
/// texts are there (fetched in the split build: one small file), in place
/// of the first screen the HTML carried (`first_screen`).
pub fn mount() {
    // wasm-bindgen's executor, not leptos': leptos' own starts with the
    // mount, and a task spawned on it before then never runs.
    wasm_bindgen_futures::spawn_local(async {
        let lang = language::ready(language::initial()).await;
        language::apply(lang);
        let start = Start::in_browser();
        first_screen::take_over(move || leptos::view! { <App lang start /> });
    });
}
