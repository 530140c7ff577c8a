//! Always there: the disclaimer, the date of the figures, the sources
//! (the list itself is a lazy part, in the `docs` chunk).

use crate::model::presets::FIGURES_AS_OF;
use crate::text::Key;
use crate::ui::parts::{DocsView, Lazy, LazyView};
use crate::ui::state::AppState;
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
                <Lazy state view=LazyView::Docs(DocsView::Sources) class="slot-sources" />
            </details>
        </footer>
    }
}
