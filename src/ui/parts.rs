//! The lazy parts of the page: what each chunk mounts, named by value, and
//! `Lazy`, the one way to put a part in the page (see `lazy` for the
//! machinery).
//!
//! - `saved` (`SavedView`): saved scenarios, share links, files: the save
//!   bar, My scenarios, import and export, notices, and what the page does
//!   at start with storage and the address bar (everything that reads
//!   JSON). The structure editor is in it too (the company card, each
//!   card's tools and method select, the notes beside fields).
//! - `compare`: Compare and weight.
//! - `docs` (`DocsView`): the bridge, its explanations, the info marks,
//!   the Sources list, the language switch, other currencies, the price's age.
//! - `analysis` (`AnalysisView`): what the price implies (the break-evens).
//!
//! To add a lazy view: a variant of its chunk's enum, its arm in that
//! chunk's match below (and in `LazyView::part`), and one
//! `<Lazy state view=... class="slot-..." />` where it goes in the page,
//! with a `min-height` for `.slot-...:empty` in `style/main.css`.

use super::analysis::implies::ImpliesSentence;
use super::analysis::panel::AnalysisPanel;
use super::compare::compare_view::CompareView;
use super::docs::bridge_table::BridgeTable;
use super::docs::currency_view::CurrencyView;
use super::docs::info_tip::InfoTip;
use super::docs::language_switch::LanguageSwitch;
use super::docs::price_age::PriceAge;
use super::docs::sources::Sources;
use super::first::Start;
use super::lazy::{attach, lazy_part, when_idle, Host, LoadFailed, Mounted};
use super::saved::editor::{CompanyEditor, PresetsElsewhere};
use super::saved::file_io::{ImportExport, Notices};
use super::saved::library_panel::LibraryPanel;
use super::saved::method_picker::MethodPicker;
use super::saved::save_bar::SaveBar;
use super::saved::segment_tools::SegmentTools;
use super::state::{notes, AppState};
use crate::model::Field;
use crate::text::Key;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A view of a lazy chunk, named by value: what `Lazy` mounts.
#[derive(Clone, Debug, PartialEq)]
pub enum LazyView {
    Saved(SavedView),
    Compare,
    Docs(DocsView),
    Analysis(AnalysisView),
}

/// The views of the `analysis` chunk: what the price implies.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum AnalysisView {
    /// The panel: every input's break-even against the price, with "Use
    /// this value", the sensitivity grid and the charts.
    Panel,
    /// The answer in words, under the headline.
    Sentence,
}

/// The views of the `saved` chunk. A segment's views take its place
/// (`AppState::segment_at`), which follows the segment wherever it moves.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SavedView {
    SaveBar,
    /// My scenarios.
    Library,
    /// In the presets' place, for a company not shaped like Xiaomi: where
    /// its scenarios are.
    PresetsElsewhere,
    /// The structure editor's company card: New company, Start from
    /// Xiaomi, Add segment, the company's texts, what it still lacks.
    CompanyEditor,
    FileActions,
    /// A segment's structure tools: name, driver kind, unit name, place.
    SegmentTools(Memo<usize>),
    /// A segment's method select.
    MethodPicker(Memo<usize>),
    /// The note beside a field (at its place: in its card or among the key
    /// assumptions): a method switch's or a far-off value's.
    FieldNote(Field, crate::labels::Place),
}

/// The views of the `docs` chunk.
#[derive(Clone, Debug, PartialEq)]
pub enum DocsView {
    /// Per-share amounts in another currency, under the headline.
    Currency,
    /// The language switch in the header.
    Language,
    /// A field's info mark (where its default comes from).
    InfoTip(Field),
    /// The bridge from each segment to the value per share.
    Bridge,
    /// The Sources list in the footer.
    Sources,
    /// The price's age beside its date, and a note when it is old.
    PriceAge,
}

impl LazyView {
    /// The part's name in a message that it did not load (asked once the
    /// rest of the language's texts are there).
    fn part(&self, lang: crate::text::Lang) -> &'static str {
        match self {
            LazyView::Saved(SavedView::SaveBar) => lang.t(Key::PartSaving),
            LazyView::Saved(SavedView::Library) => lang.t(Key::PartLibrary),
            LazyView::Saved(SavedView::CompanyEditor) => lang.t(crate::text::EditorKey::PanelCompany),
            LazyView::Saved(SavedView::PresetsElsewhere) => lang.t(Key::PresetGroup),
            LazyView::Saved(SavedView::FileActions) => lang.t(Key::PartFileActions),
            LazyView::Saved(SavedView::SegmentTools(_)) => lang.t(crate::text::EditorKey::SegmentName),
            LazyView::Saved(SavedView::MethodPicker(_)) => lang.t(Key::MethodLabel),
            LazyView::Saved(SavedView::FieldNote(..)) => lang.t(Key::PartNotes),
            LazyView::Compare => lang.t(Key::PartCompare),
            LazyView::Docs(DocsView::Currency) => lang.t(Key::PartCurrency),
            LazyView::Docs(DocsView::Language) => lang.t(Key::LanguageLabel),
            LazyView::Docs(DocsView::InfoTip(_)) => lang.t(Key::Sources),
            LazyView::Docs(DocsView::Bridge) => lang.t(Key::PartBridge),
            LazyView::Docs(DocsView::Sources) => lang.t(Key::PartSources),
            LazyView::Docs(DocsView::PriceAge) => lang.t(Key::CaptionPrice),
            LazyView::Analysis(AnalysisView::Panel | AnalysisView::Sentence) => {
                lang.t(crate::text::ExplainKey::BreakEvenTitle)
            }
        }
    }
}

/// Fetches the chunk of `view` (once) and mounts `view` into `host`.
async fn mount(state: AppState, view: LazyView, host: Host) -> Result<(), LoadFailed> {
    match view {
        LazyView::Saved(what) => saved(state, what, host).await,
        LazyView::Compare => compare(state, host).await,
        LazyView::Docs(what) => docs(state, what, host).await,
        LazyView::Analysis(what) => analysis(state, what, host).await,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Status {
    Waiting,
    Loading,
    Mounted,
    Failed,
}

/// The place of a lazy view in the page: empty (its CSS keeps the room)
/// until the view is mounted when the page is idle; if its chunk did not
/// load, `first::failed_parts` names it with the one Retry.
#[component]
pub fn Lazy(state: AppState, view: LazyView, class: &'static str) -> impl IntoView {
    let host = NodeRef::<leptos::html::Div>::new();
    let status = RwSignal::new(Status::Waiting);
    let mounted = Mounted::new();
    let parts = state.parts;
    let view = StoredValue::new(view);
    // `try_` reads: a retry may outlive the place (its signals disposed),
    // and then does nothing.
    let run = move || {
        let Some(el) = host.try_get_untracked().flatten() else {
            return;
        };
        if !matches!(status.try_get_untracked(), Some(Status::Waiting | Status::Failed)) {
            return;
        }
        let Some(what) = view.try_get_value() else {
            return;
        };
        status.set(Status::Loading);
        spawn_local(async move {
            // Lazy parts speak with the rest of the language's texts.
            crate::ui::language::rest(state).await;
            let part = what.part(state.lang);
            let loaded = mount(state, what, Host::new(el.into(), mounted)).await.is_ok();
            status.try_set(if loaded { Status::Mounted } else { Status::Failed });
            parts.set_failed(part, !loaded);
        });
    };
    parts.register(move || {
        if status.try_get_untracked() == Some(Status::Failed) {
            run();
        }
    });
    host.on_load(move |_| when_idle(run));
    view! { <div class=format!("slot {class}") node_ref=host></div> }
}

lazy_part!(saved:
    /// What the page does with storage and the address bar: reads the saved
    /// list, opens a share link or the scenario open last, and follows other
    /// tabs and the address bar from then on. Run once, by `first::page::App`.
    pub fn start_saved(state: AppState, start: Start) {
        // What it sets up (the draft's keeper, listeners) is the page's.
        state.owner().with(|| super::saved::start(state, start));
    }
);

lazy_part!(saved:
    fn saved(state: AppState, what: SavedView, host: Host) {
        match what {
            SavedView::SaveBar => attach(host, move || view! { <SaveBar state /> <Notices state /> }),
            SavedView::Library => attach(host, move || view! { <LibraryPanel state /> }),
            SavedView::PresetsElsewhere => attach(host, move || {
                let xiaomi = state.xiaomi_shaped;
                view! {
                    <p class="presets-other" data-testid="presets-other" hidden=xiaomi>
                        <PresetsElsewhere lang=state.lang />
                    </p>
                }
            }),
            SavedView::CompanyEditor => attach(host, move || view! { <CompanyEditor state /> }),
            SavedView::FileActions => attach(host, move || view! { <ImportExport state /> }),
            SavedView::SegmentTools(at) => attach(host, move || view! { <SegmentTools state at /> }),
            SavedView::MethodPicker(at) => attach(host, move || view! { <MethodPicker state at /> }),
            SavedView::FieldNote(field, place) => field_note(state, field, place, host),
        }
    }
);

lazy_part!(compare:
    fn compare(state: AppState, host: Host) {
        attach(host, move || view! { <CompareView state /> });
    }
);

lazy_part!(analysis:
    fn analysis(state: AppState, what: AnalysisView, host: Host) {
        match what {
            AnalysisView::Panel => attach(host, move || view! { <AnalysisPanel state /> }),
            AnalysisView::Sentence => attach(host, move || view! { <ImpliesSentence state /> }),
        }
    }
);

lazy_part!(docs:
    fn docs(state: AppState, what: DocsView, host: Host) {
        match what {
            DocsView::Currency => attach(host, move || view! { <CurrencyView state /> }),
            DocsView::Language => attach(host, move || view! { <LanguageSwitch state /> }),
            DocsView::InfoTip(field) => info_tip(state, field, host),
            DocsView::Bridge => attach(host, move || view! { <BridgeTable state /> }),
            DocsView::Sources => attach(host, move || view! { <Sources state /> }),
            DocsView::PriceAge => attach(host, move || view! { <PriceAge state /> }),
        }
    }
);

/// The info mark of `field`, for Xiaomi's fields, whose defaults have a
/// source (none for another company's: Xiaomi's sources say nothing of
/// its figures).
fn info_tip(state: AppState, field: Field, host: Host) {
    let found = state.scenario.with_untracked(|s| {
        if !crate::model::presets::is_xiaomi_shaped(s) {
            return None;
        }
        let segment = field.segment().and_then(|i| s.segments.get(i)).map(|seg| seg.id.as_str());
        crate::text::field_source(state.lang, field, segment)
    });
    if let Some(text) = found {
        let lang = state.lang;
        let about = Memo::new(move |_| state.scenario.with(|s| crate::text::label_in(lang, field, s)));
        attach(host, move || view! { <InfoTip text about lang /> });
    }
}

/// The note beside `field`: a method switch's or a far-off warning.
fn field_note(state: AppState, field: Field, place: crate::labels::Place, host: Host) {
    let id = crate::labels::dom_id_in(field, place);
    attach(host, move || {
        let all = notes::notes_of(&state);
        let note = move || all.with(|n| n.iter().find(|(f, _)| *f == field).map(|(_, t)| t.clone()));
        view! { <p class="field-note" id=format!("{id}-note") data-testid=format!("note-{id}")>{note}</p> }
    });
}
