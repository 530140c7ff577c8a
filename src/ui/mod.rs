//! The page: Leptos components composing `AppState` into views.

mod bridge_table;
mod compare_view;
mod currency_view;
mod editor;
mod file_io;
mod first_screen;
mod footer;
mod group_panel;
mod headline;
mod info_tip;
mod language;
mod lazy;
mod library_panel;
mod method_picker;
mod number_field;
mod parts;
mod pause;
mod preset_picker;
mod save_bar;
mod segment_panel;
mod share;
pub mod state;

use crate::model::Preset;
use crate::text;
use footer::Footer;
use group_panel::GroupPanel;
use headline::Headline;
use lazy::{when_idle, FailedParts};
use leptos::either::Either;
use leptos::prelude::*;
use number_field::NumberField;
use parts::{DocsView, Lazy, LazyView, SavedView};
use preset_picker::PresetPicker;
use segment_panel::SegmentPanel;
use state::AppState;

pub use file_io::slug;
pub use first_screen::{NoScriptValue, Start};

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
        first_screen::take_over(move || view! { <App lang start /> });
    });
}

/// The page. What the first value needs (headline, segment cards, group
/// terms, presets) is built at once; the rest (the bridge among them) are
/// lazy parts (`parts`) mounted into slots when the page is idle.
///
/// A first visit (`Start::Base`) shows the Base preset straight away.
/// When the address carries a share link, or storage a draft or the
/// scenario open last (`Start::Restore`), the page shows its frame without
/// a value (`Opening`) until the `saved` chunk (it reads links and stored
/// JSON) has opened that scenario: Base's value never shows first.
///
/// Rendered natively too (`src/bin/prerender.rs`): building the view calls
/// no browser API; what needs the browser runs in an effect, which only
/// the browser runs.
#[component]
pub fn App(lang: text::Lang, start: Start) -> impl IntoView {
    let state = AppState::new(Preset::Base.scenario());
    // A new language builds the page anew from the same state: nothing
    // the user did is lost, every text is the new language's.
    state.show_in(lang);
    let ready = RwSignal::new(start == Start::Base);
    Effect::new(move |_| {
        let started = move || {
            leptos::task::spawn_local(async move {
                // A chunk that cannot load leaves the page on Base; the
                // page then says which parts did not load, with one Retry.
                language::rest(state).await;
                let _ = parts::start_saved(state).await;
                // Set only once: setting it again would build the page anew.
                if !ready.get_untracked() {
                    ready.set(true);
                }
            })
        };
        match start {
            Start::Base => when_idle(started),
            Start::Restore => started(),
        }
    });
    // A new language rebuilds the page in place, every text anew; each
    // lazy part is mounted again, replacing the old one (`lazy::attach`).
    move || {
        let state = state.in_chosen_language();
        if ready.get() {
            Either::Left(view! { <Page state /> })
        } else {
            Either::Right(view! { <Opening state /> })
        }
    }
}

/// The page's frame while a link, a draft or the scenario open last is
/// being opened: no value, and a quiet word of what is happening.
#[component]
fn Opening(state: AppState) -> impl IntoView {
    view! {
        <header class="masthead">
            <div class="brand">
                <span class="logo" aria-hidden="true">"SOTP"</span>
            </div>
        </header>
        <main class="layout opening">
            <p class="opening-note" role="status" data-testid="opening">{state.lang.t(text::Key::OpeningScenario)}</p>
        </main>
    }
}

#[component]
fn Page(state: AppState) -> impl IntoView {
    // Inputs are rebuilt when the scenario is replaced as a whole (preset,
    // import), so that each starts from the new value; between rebuilds an
    // input keeps whatever the user typed.
    // A structure edit (`state::structure`) bumps it too: the cards follow.
    let inputs = move || {
        state.generation.track();
        let count = state.scenario.with_untracked(|s| s.segments.len());
        view! {
            {(0..count).map(|index| view! { <SegmentPanel state index /> }).collect_view()}
            <GroupPanel state />
        }
    };
    view! {
        <Masthead state />
        <main class="layout">
            <div class="inputs">
                <div class="toolbar">
                    <PresetPicker state />
                    <Lazy state view=LazyView::Saved(SavedView::PresetsElsewhere) class="slot-presets-other" />
                    <Lazy state view=LazyView::Saved(SavedView::FileActions) class="slot-file-actions" />
                </div>
                <FailedParts state />
                <Lazy state view=LazyView::Saved(SavedView::SaveBar) class="slot-save-bar" />
                <Lazy state view=LazyView::Saved(SavedView::Library) class="slot-library" />
                // Company and segments: the structure editor's company card.
                <Lazy state view=LazyView::Saved(SavedView::CompanyEditor) class="slot-company" />
                {inputs}
            </div>
            <aside class="summary">
                <Headline state />
                <Lazy state view=LazyView::Docs(DocsView::Currency) class="slot-currency" />
                <Lazy state view=LazyView::Docs(DocsView::Bridge) class="slot-bridge" />
            </aside>
        </main>
        <section class="wide" aria-label=state.lang.t(text::Key::PartCompare)>
            <Lazy state view=LazyView::Compare class="slot-compare" />
        </section>
        <Footer state />
    }
}

/// What the page opens with: a share link in the address if there is one,
/// else the draft of unsaved edits, else the scenario open last, else the
/// Base preset. A bad link is explained and the page opens what it had;
/// storage is not touched.
/// Runs once, in the `saved` chunk (`parts::start_saved`, and every saved
/// part before it mounts, so a retry after a failed load starts it too).
/// Opens nothing over what the user has edited meanwhile.
fn start(state: AppState) {
    if !state.begin_start() {
        return;
    }
    state.refresh_library();
    let untouched = state.generation.get_untracked() == 0
        && state.field_errors.with_untracked(|e| e.is_empty())
        && state.scenario.with_untracked(|s| state.baseline.with_untracked(|b| s == b));
    let link = share::link_in_address();
    let mut restored = None;
    if untouched && !matches!(link, Some(Ok(_))) {
        // Unsaved edits from the last visit come first: the saved
        // scenario they were edits of is open beneath them.
        restored = state.restore_draft();
        if restored.is_none() {
            if let Some(entry) = state.last_open() {
                state.open_saved(&entry);
            }
        }
    }
    if let Some(decoded) = link.filter(|_| untouched) {
        share::open_link(state, decoded);
    }
    crate::storage::on_other_tab_change(&state.owner(), move |_| state.on_storage_changed());
    share::keep_address_in_step(state);
    state.keep_draft(restored);
}

/// Company, ticker and the editable price with its date.
#[component]
fn Masthead(state: AppState) -> impl IntoView {
    let company = move || state.scenario.with(|s| (s.company.name.clone(), s.company.ticker.clone()));
    let price_note = move || {
        let (date, same) =
            state.scenario.with(|s| (s.price_date.clone(), state.baseline.with(|b| b.price == s.price)));
        match (date, same) {
            (Some(d), true) => {
                state.lang.f(text::Key::PriceCloseOf, &[("date", &crate::display::date(state.lang, &d))])
            }
            _ => state.lang.t(text::Key::PriceYours).to_string(),
        }
    };
    let price = move || {
        state.generation.track();
        view! { <NumberField state field=crate::model::Field::Price /> }
    };
    view! {
        <header class="masthead">
            <div class="brand">
                <span class="logo" aria-hidden="true">"SOTP"</span>
                <h1>{move || company().0}</h1>
                <span class="ticker">{move || company().1}</span>
            </div>
            <Lazy state view=LazyView::Docs(DocsView::Language) class="slot-language" />
            <div class="price-field">
                {price}
                <span class="price-date" data-testid="price-date">{price_note}</span>
            </div>
        </header>
    }
}
