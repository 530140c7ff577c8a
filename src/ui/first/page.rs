//! The page as a whole: `App` (the frame while a scenario opens, then the
//! page), the masthead, and where each part goes. Everything here is on the
//! first screen; what is not is a `Lazy` view (`ui::parts`).

use super::failed_parts::FailedParts;
use super::footer::Footer;
use super::group_panel::GroupPanel;
use super::headline::Headline;
use super::key_assumptions::KeyAssumptions;
use super::number_field::NumberField;
use super::preset_picker::PresetPicker;
use super::segment_panel::SegmentPanel;
use super::Start;
use crate::model::Preset;
use crate::text;
use crate::ui::language;
use crate::ui::lazy::when_idle;
use crate::ui::parts::{self, AnalysisView, DocsView, Lazy, LazyView, SavedView};
use crate::ui::state::AppState;
use leptos::either::Either;
use leptos::prelude::*;

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
    // What the page does with storage and the address bar, in the `saved`
    // chunk: run once, when the page is idle (at once when it is opening
    // something). A chunk that cannot load leaves the page on Base, which
    // then says which parts did not load, with the one Retry, which runs
    // it again.
    let started = StoredValue::new(false);
    let start_page = move || {
        if started.get_value() {
            return;
        }
        started.set_value(true);
        leptos::task::spawn_local(async move {
            language::rest(state).await;
            let loaded = parts::start_saved(state, start).await.is_ok();
            started.set_value(loaded);
            state.parts.set_failed(state.lang.t(text::Key::PartSaving), !loaded);
            // Set only once: setting it again would build the page anew.
            if !ready.get_untracked() {
                ready.set(true);
            }
        });
    };
    state.parts.register(start_page);
    Effect::new(move |_| match start {
        Start::Base => when_idle(start_page),
        Start::Restore => start_page(),
    });
    // A new language rebuilds the page in place, every text anew; each
    // lazy part is mounted again (the old ones leave with the old page).
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
    // A card per segment, keyed by its id: a structure edit adds, removes
    // or moves cards and leaves the others (and focus) as they are.
    let segments = state.segment_ids();
    view! {
        <Masthead state />
        <main class="layout">
            // The answer and the inputs that move it most come first, also
            // for the keyboard and a screen reader; on a wide screen they
            // stand in the right-hand column.
            <aside class="summary">
                <Headline state />
                // What the price implies, in words: the `analysis` chunk's.
                <Lazy state view=LazyView::Analysis(AnalysisView::Sentence) class="slot-implies" />
                <KeyAssumptions state />
                <Lazy state view=LazyView::Docs(DocsView::Currency) class="slot-currency" />
                <Lazy state view=LazyView::Docs(DocsView::Bridge) class="slot-bridge" />
            </aside>
            <div class="inputs" class:structure-closed=move || !state.structure_open()>
                <div class="toolbar">
                    <PresetPicker state />
                    <Lazy state view=LazyView::Saved(SavedView::PresetsElsewhere) class="slot-presets-other" />
                </div>
                <FailedParts state />
                <Lazy state view=LazyView::Saved(SavedView::SaveBar) class="slot-save-bar" />
                // Company and segments: the structure editor's company card.
                <Lazy state view=LazyView::Saved(SavedView::CompanyEditor) class="slot-company" />
                <For each=move || segments.get() key=|id| id.clone() let:id>
                    <SegmentPanel state id />
                </For>
                <GroupPanel state />
                // Files and the saved list after the assumptions: what a
                // reader comes back for, not what they came to change.
                <Lazy state view=LazyView::Saved(SavedView::FileActions) class="slot-file-actions" />
                <Lazy state view=LazyView::Saved(SavedView::Library) class="slot-library" />
            </div>
        </main>
        <section class="wide" aria-label=state.lang.t(text::Key::PartCompare)>
            <Lazy state view=LazyView::Analysis(AnalysisView::Panel) class="slot-analysis" />
            <Lazy state view=LazyView::Compare class="slot-compare" />
        </section>
        <Footer state />
    }
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
    view! {
        <header class="masthead">
            <div class="brand">
                <span class="logo" aria-hidden="true">"SOTP"</span>
                <h1>{move || company().0}</h1>
                <span class="ticker">{move || company().1}</span>
            </div>
            <Lazy state view=LazyView::Docs(DocsView::Language) class="slot-language" />
            <div class="price-field">
                <NumberField state field=crate::model::Field::Price />
                <div class="price-when">
                    <span class="price-date" data-testid="price-date">{price_note}</span>
                    // How old it is needs today's date: a lazy part (`docs`).
                    <Lazy state view=LazyView::Docs(DocsView::PriceAge) class="slot-price-age" />
                </div>
            </div>
        </header>
    }
}
