//! The page: Leptos components composing `AppState` into views.

mod bridge_table;
mod compare_view;
mod file_io;
mod footer;
mod group_panel;
mod headline;
mod library_panel;
mod number_field;
mod preset_picker;
mod save_bar;
mod saved;
mod segment_panel;
mod share;
pub mod state;

use crate::model::Preset;
use bridge_table::BridgeTable;
use compare_view::CompareView;
use file_io::{ImportExport, Notices};
use footer::Footer;
use group_panel::GroupPanel;
use headline::Headline;
use leptos::prelude::*;
use library_panel::LibraryPanel;
use number_field::NumberField;
use preset_picker::PresetPicker;
use save_bar::SaveBar;
use segment_panel::SegmentPanel;
use state::AppState;

pub use file_io::slug;

/// Mounts the app on the page's body.
pub fn mount() {
    leptos::mount::mount_to_body(App);
}

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new(Preset::Base.scenario());
    start(state);
    // Inputs are rebuilt when the scenario is replaced as a whole (preset,
    // import), so that each starts from the new value; between rebuilds an
    // input keeps whatever the user typed.
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
                    <ImportExport state />
                </div>
                <SaveBar state />
                <Notices state />
                <LibraryPanel state />
                {inputs}
            </div>
            <aside class="summary">
                <Headline state />
                <BridgeTable state />
            </aside>
        </main>
        <section class="wide">
            <CompareView state />
        </section>
        <Footer />
    }
}

/// What the page opens with: a share link in the address if there is one,
/// else the scenario open last, else the Base preset. A bad link is
/// explained and the page opens what it had; storage is not touched.
fn start(state: AppState) {
    state.refresh_library();
    let link = share::link_in_address();
    if !matches!(link, Some(Ok(_))) {
        if let Some(entry) = state.last_open() {
            state.open_saved(&entry);
        }
    }
    if let Some(decoded) = link {
        share::open_link(state, decoded);
    }
    crate::storage::on_other_tab_change(move |_| state.on_storage_changed());
    share::keep_address_in_step(state);
}

/// Company, ticker and the editable price with its date.
#[component]
fn Masthead(state: AppState) -> impl IntoView {
    let company = move || state.scenario.with(|s| (s.company.name.clone(), s.company.ticker.clone()));
    let price_note = move || {
        let (date, same) =
            state.scenario.with(|s| (s.price_date.clone(), state.baseline.with(|b| b.price == s.price)));
        match (date, same) {
            (Some(d), true) => format!("close of {}", crate::display::date(&d)),
            _ => "your price".to_string(),
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
            <div class="price-field">
                {price}
                <span class="price-date" data-testid="price-date">{price_note}</span>
            </div>
        </header>
    }
}
