//! The page: Leptos components composing `AppState` into views.

mod bridge_table;
mod compare_view;
mod currency_view;
mod editor;
mod file_io;
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
use lazy::{when_idle, FailedParts, Slot};
use leptos::prelude::*;
use number_field::NumberField;
use preset_picker::PresetPicker;
use segment_panel::SegmentPanel;
use state::AppState;

pub use file_io::slug;

/// Mounts the app on the page's body, in the reader's language once its
/// texts are there (fetched in the split build: one small file).
pub fn mount() {
    // wasm-bindgen's executor, not leptos': leptos' own starts with the
    // mount, and a task spawned on it before then never runs.
    wasm_bindgen_futures::spawn_local(async {
        let lang = language::ready(language::initial()).await;
        language::apply(lang);
        leptos::mount::mount_to_body(move || view! { <App lang /> });
    });
}

/// The page. What the first value needs (headline, segment cards, group
/// terms, presets) is built at once; the rest (the bridge among them) are
/// lazy parts (`parts`) mounted into slots when the page is idle.
///
/// A first visit shows the Base preset straight away. When the address
/// carries a share link or a scenario was open last, the page waits for
/// the `saved` chunk (it reads links and stored JSON) and opens straight
/// into that scenario, never showing Base first.
#[component]
pub fn App(lang: text::Lang) -> impl IntoView {
    let state = AppState::new(Preset::Base.scenario());
    // A new language builds the page anew from the same state: nothing
    // the user did is lost, every text is the new language's.
    state.show_in(lang);
    let ready = RwSignal::new(!share::has_start_scenario());
    // Set only once: setting it again would build the page anew.
    let show = move || {
        if !ready.get_untracked() {
            ready.set(true);
        }
    };
    let started = move || {
        leptos::task::spawn_local(async move {
            // A chunk that cannot load leaves the page on Base; the page
            // then says which parts did not load, with one Retry.
            language::rest(state.lang).await;
            let _ = parts::start_saved(state).await;
            show();
        })
    };
    if ready.get_untracked() {
        when_idle(started);
    } else {
        started();
        // A chunk that is slow to come: the page shows Base meanwhile, and
        // the link or saved scenario replaces it when it arrives, unless
        // the user has started editing (`start` checks).
        leptos::prelude::set_timeout(show, std::time::Duration::from_secs(3));
    }
    // A new language rebuilds the page in place, every text anew; each
    // lazy part is mounted again, replacing the old one (`lazy::attach`).
    move || {
        let state = AppState { lang: state.language.get(), ..state };
        ready.get().then(|| view! { <Page state /> })
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
                    <Slot state part=state.lang.t(text::Key::PartFileActions) class="slot-file-actions" load=parts::load_file_actions />
                </div>
                <FailedParts state />
                <Slot state part=state.lang.t(text::Key::PartSaving) class="slot-save-bar" load=parts::load_save_bar />
                <Slot state part=state.lang.t(text::Key::PartLibrary) class="slot-library" load=parts::load_library />
                // Company and segments: the structure editor, mounted here
                // by My scenarios' part (`parts::library`).
                <div class="slot-company"></div>
                {inputs}
            </div>
            <aside class="summary">
                <Headline state />
                <Slot state part=state.lang.t(text::Key::PartCurrency) class="slot-currency" load=parts::load_currency />
                <Slot state part=state.lang.t(text::Key::PartBridge) class="slot-bridge" load=parts::load_bridge />
            </aside>
        </main>
        <section class="wide" aria-label=state.lang.t(text::Key::PartCompare)>
            <Slot state part=state.lang.t(text::Key::PartCompare) class="slot-compare" load=parts::load_compare />
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
    crate::storage::on_other_tab_change(move |_| state.on_storage_changed());
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
            <Slot state part=state.lang.t(text::Key::LanguageLabel) class="slot-language" load=parts::load_language />
            <div class="price-field">
                {price}
                <span class="price-date" data-testid="price-date">{price_note}</span>
            </div>
        </header>
    }
}
