//! The lazy parts of the page: what each chunk mounts, named by value, and
//! `Lazy`, the one way to put a part in the page (see `lazy` for the
//! machinery).
//!
//! - `saved` (`SavedView`): saved scenarios, share links, files: the save
//!   bar, My scenarios, import and export, notices, and what the page does
//!   at start with storage and the address bar (everything that reads
//!   JSON). The structure editor is in it too (the company card, and each
//!   card's tools with its method select), mounted by My scenarios' and the
//!   method select's parts into plain hosts.
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
    /// My scenarios (and the structure editor's company card).
    Library,
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
    /// The part's name in a message that it did not load.
    fn part(&self, lang: crate::text::Lang) -> &'static str {
        lang.t(match self {
            LazyView::Saved(SavedView::SaveBar) => Key::PartSaving,
            LazyView::Saved(SavedView::Library) => Key::PartLibrary,
            LazyView::Saved(SavedView::FileActions) => Key::PartFileActions,
            LazyView::Saved(SavedView::MethodPicker(_)) => Key::MethodLabel,
            LazyView::Saved(SavedView::FieldNote(_)) => Key::PartNotes,
            LazyView::Compare => Key::PartCompare,
            LazyView::Docs(DocsView::Currency) => Key::PartCurrency,
            LazyView::Docs(DocsView::Language) => Key::LanguageLabel,
            LazyView::Docs(DocsView::InfoTip(_)) => Key::Sources,
            LazyView::Docs(DocsView::Bridge) => Key::PartBridge,
            LazyView::Docs(DocsView::Explanation(_)) => Key::HowComputed,
            LazyView::Docs(DocsView::Sources) => Key::PartSources,
        })
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
    let part = view.part(state.lang);
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
    view! { <div class=format!("slot {class}") node_ref=host data-part=part></div> }
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
            SavedView::Library => library(state, host),
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

/// My scenarios; and the structure editor, into the plain host after this
/// part's (`.slot-company`) and, for a company not shaped like Xiaomi, in
/// the presets' place.
fn library(state: AppState, host: HtmlElement) {
    let company = host.next_element_sibling().filter(|e| e.class_name() == "slot-company");
    attach(host, move || view! { <LibraryPanel state /> });
    if let Some(company) = company.and_then(|c| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(c).ok()) {
        attach(company, move || view! { <super::editor::CompanyEditor state /> });
    }
    presets_or_elsewhere(state);
}

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

/// Shows the presets for Xiaomi-shaped scenarios and "your saved
/// scenarios" for any other, as the scenario changes. An effect on the
/// page's elements, not on its signals.
fn presets_or_elsewhere(state: AppState) {
    use wasm_bindgen::JsCast;
    let Some(presets) = document().query_selector(".presets").ok().flatten() else {
        return;
    };
    let other = match presets.next_element_sibling().filter(|e| e.class_name() == "presets-other") {
        Some(other) => other,
        None => {
            let Ok(other) = document().create_element("p") else {
                return;
            };
            other.set_class_name("presets-other");
            let _ = other.set_attribute("data-testid", "presets-other");
            let _ = presets.after_with_node_1(&other);
            other
        }
    };
    let Ok(host) = other.clone().dyn_into::<HtmlElement>() else {
        return;
    };
    // Inside the mounted view, so that the effect goes with it.
    attach(host, move || {
        let shaped = Memo::new(move |_| state.scenario.with(crate::model::presets::is_xiaomi_shaped));
        Effect::new(move |_| {
            let xiaomi = shaped.get();
            let _ =
                if xiaomi { presets.remove_attribute("hidden") } else { presets.set_attribute("hidden", "") };
            let _ = if xiaomi { other.set_attribute("hidden", "") } else { other.remove_attribute("hidden") };
        });
        view! { <super::editor::PresetsElsewhere lang=state.lang /> }
    });
}
