//! The lazy parts of the page: what each chunk mounts, named by value, and
//! `Lazy`, the one way to put a part in the page (see `lazy` for the
//! machinery).
//!
//! - `saved` (`SavedView`): saved scenarios, share links, files: the save
//!   bar, My scenarios, import and export, notices, and what the page does
//!   at start with storage and the address bar (everything that reads
//!   JSON). The structure editor is in it too (the company card; each
//!   card's tools, mounted by its method select's part into a plain host).
//! - `compare`: Compare and weight.
//! - `docs` (`DocsView`): the bridge, its explanations, the info marks,
//!   the Sources list, the language switch, other currencies.
//!
//! To add a lazy view: a variant of its chunk's enum, its arm in that
//! chunk's match below (and in `LazyView::part`), and one
//! `<Lazy state view=... class="slot-..." />` where it goes in the page,
//! with a `min-height` for `.slot-...:empty` in `style/main.css`.

use super::bridge_table::BridgeTable;
use super::compare_view::CompareView;
use super::file_io::{ImportExport, Notices};
use super::info_tip::InfoTip;
use super::lazy::{attach, lazy_part, when_idle, LoadFailed};
use super::library_panel::LibraryPanel;
use super::method_picker::MethodPicker;
use super::number_field::dom_id;
use super::save_bar::SaveBar;
use super::state::{notes, AppState};
use crate::model::Field;
use crate::text::explain::{self, Line};
use crate::text::Key;
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::HtmlElement;

/// A view of a lazy chunk, named by value: what `Lazy` mounts.
#[derive(Clone, Debug, PartialEq)]
pub enum LazyView {
    Saved(SavedView),
    Compare,
    Docs(DocsView),
}

/// The views of the `saved` chunk.
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
    /// The method select of segment `index` (and the card's structure tools).
    MethodPicker(usize),
    /// The note beside a field: a method switch's or a far-off value's.
    FieldNote(Field),
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
    /// "How is this computed?" for one line of the bridge.
    Explanation(Line),
    /// The Sources list in the footer.
    Sources,
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
            LazyView::Saved(SavedView::MethodPicker(_)) => lang.t(Key::MethodLabel),
            LazyView::Saved(SavedView::FieldNote(_)) => lang.t(Key::PartNotes),
            LazyView::Compare => lang.t(Key::PartCompare),
            LazyView::Docs(DocsView::Currency) => lang.t(Key::PartCurrency),
            LazyView::Docs(DocsView::Language) => lang.t(Key::LanguageLabel),
            LazyView::Docs(DocsView::InfoTip(_)) => lang.t(Key::Sources),
            LazyView::Docs(DocsView::Bridge) => lang.t(Key::PartBridge),
            LazyView::Docs(DocsView::Explanation(_)) => lang.t(Key::HowComputed),
            LazyView::Docs(DocsView::Sources) => lang.t(Key::PartSources),
        }
    }
}

/// Fetches the chunk of `view` (once) and mounts `view` into `host`.
pub async fn mount(state: AppState, view: LazyView, host: HtmlElement) -> Result<(), LoadFailed> {
    match view {
        LazyView::Saved(what) => saved(state, what, host).await,
        LazyView::Compare => compare(state, host).await,
        LazyView::Docs(what) => docs(state, what, host).await,
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
/// load, `lazy::FailedParts` names it with the one Retry.
#[component]
pub fn Lazy(state: AppState, view: LazyView, class: &'static str) -> impl IntoView {
    let host = NodeRef::<leptos::html::Div>::new();
    let status = RwSignal::new(Status::Waiting);
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
            let loaded = mount(state, what, el.into()).await.is_ok();
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
    /// tabs and the address bar from then on.
    pub fn start_saved(state: AppState) {
        super::start(state);
    }
);

lazy_part!(saved:
    fn saved(state: AppState, what: SavedView, host: HtmlElement) {
        super::start(state);
        match what {
            SavedView::SaveBar => attach(host, move || view! { <SaveBar state /> <Notices state /> }),
            SavedView::Library => attach(host, move || view! { <LibraryPanel state /> }),
            SavedView::PresetsElsewhere => attach(host, move || {
                let xiaomi = state.xiaomi_shaped;
                view! {
                    <p class="presets-other" data-testid="presets-other" hidden=xiaomi>
                        <super::editor::PresetsElsewhere lang=state.lang />
                    </p>
                }
            }),
            SavedView::CompanyEditor => attach(host, move || view! { <super::editor::CompanyEditor state /> }),
            SavedView::FileActions => attach(host, move || view! { <ImportExport state /> }),
            SavedView::MethodPicker(index) => method_picker(state, index, host),
            SavedView::FieldNote(field) => field_note(state, field, host),
        }
    }
);

lazy_part!(compare:
    fn compare(state: AppState, host: HtmlElement) {
        attach(host, move || view! { <CompareView state /> });
    }
);

lazy_part!(docs:
    fn docs(state: AppState, what: DocsView, host: HtmlElement) {
        match what {
            DocsView::Currency => attach(host, move || view! { <super::currency_view::CurrencyView state /> }),
            DocsView::Language => attach(host, move || view! { <super::language::LanguageSwitch state /> }),
            DocsView::InfoTip(field) => info_tip(state, field, host),
            DocsView::Bridge => attach(host, move || view! { <BridgeTable state /> }),
            DocsView::Explanation(line) => explanation(state, line, host),
            DocsView::Sources => {
                let lang = state.lang;
                attach(host, move || view! {
                    <ul>
                        {crate::text::sources(lang).map(|(outlet, took)| view! { <li><strong>{outlet}</strong>", "{took}</li> }).collect_view()}
                    </ul>
                });
            }
        }
    }
);

/// The info mark of `field`, for Xiaomi's fields, whose defaults have a
/// source; for any other company, its slider fitted to its value instead
/// (`labels::company_slider`).
fn info_tip(state: AppState, field: Field, host: HtmlElement) {
    let found = state.scenario.with_untracked(|s| {
        // Xiaomi's sources say nothing of another company's figures.
        if !crate::model::presets::is_xiaomi_shaped(s) {
            if let Some(fit) = crate::labels::company_slider(state.lang, field, s) {
                fit_slider(&host, fit);
            }
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

/// Sets the range of the slider in the field around `host` (its info
/// mark's host: `.field > .field-head > .info-host`). Static attributes,
/// set once for the input's life, as `NumberField` sets them.
fn fit_slider(host: &HtmlElement, slider: crate::labels::Slider) {
    let field = host.parent_element().and_then(|head| head.parent_element());
    let range = field.and_then(|f| f.query_selector(".slider").ok().flatten());
    if let Some(range) = range {
        let _ = range.set_attribute("min", &slider.min.to_string());
        let _ = range.set_attribute("max", &slider.max.to_string());
        let _ = range.set_attribute("step", &slider.step.to_string());
    }
}

/// "How is this computed?" for one line of the bridge.
fn explanation(state: AppState, line: Line, host: HtmlElement) {
    attach(host, move || {
        let text = Memo::new(move |_| {
            state.shown.with(|s| {
                s.as_ref().and_then(|s| explain::line(state.lang, &s.scenario, &s.valuation, &line))
            })
        });
        view! {
            <p class="explain-words">{move || text.with(|t| t.as_ref().map(|t| t.words.clone()))}</p>
            <p class="explain-numbers">{move || text.with(|t| t.as_ref().map(|t| t.numbers.clone()))}</p>
        }
    });
}

/// The method select of segment `index`, and the segment's structure tools
/// (name, driver kind, place) into the card's `.tools-host`.
fn method_picker(state: AppState, index: usize, host: HtmlElement) {
    let body = host.parent_element().and_then(|p| p.parent_element());
    attach(host, move || view! { <MethodPicker state index /> });
    if let Some(tools) = body.and_then(|body| tools_host(&body)) {
        attach_keeping_focus(tools, move || view! { <super::editor::SegmentTools state index /> });
    }
}

/// `attach`, and focus on the new element of the id that had it when the
/// old one left with the part. The tools are built anew after a name is
/// entered, under a user who has moved on to the next field and may be
/// typing: keys pressed while no field had focus would be lost, so the new
/// field takes focus in the same task as the old one leaves.
fn attach_keeping_focus<V: IntoView + 'static>(host: HtmlElement, view: impl FnOnce() -> V + 'static) {
    let active = document().active_element();
    attach(host, view);
    let Some(old) = active.filter(|a| !a.is_connected() && !a.id().is_empty()) else {
        return;
    };
    if let Some(el) = super::editor::element_by_id(&old.id()) {
        let _ = el.focus();
    }
}

/// The host of a card's structure tools: the first child of its body,
/// made here (the card itself has none, to keep the first load small).
fn tools_host(body: &web_sys::Element) -> Option<HtmlElement> {
    use wasm_bindgen::JsCast;
    let existing = body.first_element_child().filter(|e| e.class_name() == "tools-host");
    let host = match existing {
        Some(host) => host,
        None => {
            let host = document().create_element("div").ok()?;
            host.set_class_name("tools-host");
            body.insert_before(&host, body.first_child().as_ref()).ok()?;
            host
        }
    };
    host.dyn_into::<HtmlElement>().ok()
}

/// The note beside `field`: a method switch's or a far-off warning.
fn field_note(state: AppState, field: Field, host: HtmlElement) {
    let id = dom_id(field);
    attach(host, move || {
        let all = notes::notes_of(&state);
        let note = move || all.with(|n| n.iter().find(|(f, _)| *f == field).map(|(_, t)| t.clone()));
        view! { <p class="field-note" id=format!("{id}-note") data-testid=format!("note-{id}")>{note}</p> }
    });
}
