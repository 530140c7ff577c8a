//! The lazy parts of the page and the chunk each is in (see `lazy`).
//!
//! - `saved`: saved scenarios, share links, files: the save bar, My
//!   scenarios, import and export, notices, and what the page does at
//!   start with storage and the address bar (everything that reads JSON).
//!   The structure editor is in it too (the company card, and each card's
//!   tools with its method select), mounted by My scenarios' and the
//!   method select's parts into plain hosts: a slot each would cost the
//!   first load.
//! - `compare`: Compare and weight.
//! - `docs`: the bridge, its explanations and the Sources list.
//!
//! To make a new view lazy: write it as an ordinary component, add a
//! `lazy_part!` here that `attach`es it, and put a `Slot` (or a call of the
//! part) where it goes in the page.

use super::bridge_table::BridgeTable;
use super::compare_view::CompareView;
use super::file_io::{ImportExport, Notices};
use super::info_tip::InfoTip;
use super::lazy::{attach, lazy_part, LoadFailed};
use super::library_panel::LibraryPanel;
use super::method_picker::MethodPicker;
use super::number_field::dom_id;
use super::save_bar::SaveBar;
use super::state::{notes, AppState};
use crate::model::Field;
use crate::text::explain::{self, Line};
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use web_sys::HtmlElement;

type Loading = Pin<Box<dyn Future<Output = Result<(), LoadFailed>>>>;

lazy_part!(saved:
    /// What the page does with storage and the address bar: reads the saved
    /// list, opens a share link or the scenario open last, and follows other
    /// tabs and the address bar from then on.
    pub fn start_saved(state: AppState) {
        super::start(state);
    }
);

lazy_part!(saved:
    fn save_bar(state: AppState, host: HtmlElement) {
        super::start(state);
        attach(host, move || view! { <SaveBar state /> <Notices state /> });
    }
);

lazy_part!(saved:
    /// My scenarios; and the structure editor, into the plain host after
    /// this slot (`.slot-company`: a slot of its own would cost the first
    /// load) and, for a company not shaped like Xiaomi, in the presets' place.
    fn library(state: AppState, host: HtmlElement) {
        super::start(state);
        let company = host.next_element_sibling().filter(|e| e.class_name() == "slot-company");
        attach(host, move || view! { <LibraryPanel state /> });
        if let Some(company) = company.and_then(|c| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(c).ok()) {
            attach(company, move || view! { <super::editor::CompanyEditor state /> });
        }
        presets_or_elsewhere(state);
    }
);

lazy_part!(saved:
    fn file_actions(state: AppState, host: HtmlElement) {
        super::start(state);
        attach(host, move || view! { <ImportExport state /> });
    }
);

lazy_part!(compare:
    fn compare(state: AppState, host: HtmlElement) {
        attach(host, move || view! { <CompareView state /> });
    }
);

lazy_part!(docs:
    /// Per-share amounts in another currency, under the headline.
    fn currency(state: AppState, host: HtmlElement) {
        attach(host, move || view! { <super::currency_view::CurrencyView state /> });
    }
);

lazy_part!(docs:
    /// The language switch in the header.
    fn language(state: AppState, host: HtmlElement) {
        attach(host, move || view! { <super::language::LanguageSwitch state /> });
    }
);

lazy_part!(docs:
    /// The info mark of the field the host's parent names (`data-field`,
    /// its DOM id, see `NumberField`), for Xiaomi's fields, whose defaults
    /// have a source; for any other company, its slider fitted to its
    /// value instead (`labels::company_slider`).
    fn info_tip(state: AppState, host: HtmlElement) {
        let id = host.parent_element().and_then(|p| p.get_attribute("data-field")).unwrap_or_default();
        let found = state.scenario.with_untracked(|s| {
            let field = Field::all(s).into_iter().find(|f| dom_id(*f) == id)?;
            // Xiaomi's sources say nothing of another company's figures.
            if !crate::model::presets::is_xiaomi_shaped(s) {
                if let Some(fit) = crate::labels::company_slider(state.lang, field, s) {
                    fit_slider(&host, fit);
                }
                return None;
            }
            let segment = field.segment().and_then(|i| s.segments.get(i)).map(|seg| seg.id.as_str());
            Some((field, crate::text::field_source(state.lang, field, segment)?))
        });
        if let Some((field, text)) = found {
            let lang = state.lang;
            let about = Memo::new(move |_| state.scenario.with(|s| crate::text::label_in(lang, field, s)));
            attach(host, move || view! { <InfoTip text about lang /> });
        }
    }
);

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

lazy_part!(docs:
    /// The bridge from each segment to the value per share.
    fn bridge(state: AppState, host: HtmlElement) {
        attach(host, move || view! { <BridgeTable state /> });
    }
);

lazy_part!(docs:
    fn explanation(state: AppState, line: Line, host: HtmlElement) {
        attach(host, move || {
            let text = Memo::new(move |_| {
                state.shown.with(|s| s.as_ref().and_then(|s| explain::line(state.lang, &s.scenario, &s.valuation, &line)))
            });
            view! {
                <p class="explain-words">{move || text.with(|t| t.as_ref().map(|t| t.words.clone()))}</p>
                <p class="explain-numbers">{move || text.with(|t| t.as_ref().map(|t| t.numbers.clone()))}</p>
            }
        });
    }
);

lazy_part!(docs:
    fn sources(lang: crate::text::Lang, host: HtmlElement) {
        attach(host, move || view! {
            <ul>
                {crate::text::sources(lang).map(|(outlet, took)| view! { <li><strong>{outlet}</strong>", "{took}</li> }).collect_view()}
            </ul>
        });
    }
);

lazy_part!(saved:
    /// The method select of the segment the host's parent names
    /// (`data-segment`, see `SegmentPanel`), and the segment's structure
    /// tools (name, driver kind, place) into the card's `.tools-host`.
    fn method_picker(state: AppState, host: HtmlElement) {
        super::start(state);
        let parent = host.parent_element();
        let index = parent.as_ref().and_then(|p| p.get_attribute("data-segment")).and_then(|i| i.parse().ok());
        let body = parent.and_then(|p| p.parent_element());
        if let Some(index) = index {
            attach(host, move || view! { <MethodPicker state index /> });
            if let Some(tools) = body.and_then(|body| tools_host(&body)) {
                attach_keeping_focus(tools, move || view! { <super::editor::SegmentTools state index /> });
            }
        }
    }
);

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

lazy_part!(saved:
    /// The note beside the field the host's parent names (`data-field`, its
    /// DOM id, see `NumberField`): a method switch's or a far-off warning.
    fn field_note(state: AppState, host: HtmlElement) {
        super::start(state);
        let id = host.parent_element().and_then(|p| p.get_attribute("data-field")).unwrap_or_default();
        let field = state.scenario.with_untracked(|s| Field::all(s).into_iter().find(|f| dom_id(*f) == id));
        if let Some(field) = field {
            attach(host, move || {
                let all = notes::notes_of(&state);
                let note = move || all.with(|n| n.iter().find(|(f, _)| *f == field).map(|(_, t)| t.clone()));
                view! { <p class="field-note" id=format!("{id}-note") data-testid=format!("note-{id}")>{note}</p> }
            });
        }
    }
);

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

// Loaders for `Slot`: one shape for every part, so `Slot` is built once.
pub fn load_save_bar(state: AppState, host: HtmlElement) -> Loading {
    Box::pin(save_bar(state, host))
}
pub fn load_library(state: AppState, host: HtmlElement) -> Loading {
    Box::pin(library(state, host))
}
pub fn load_file_actions(state: AppState, host: HtmlElement) -> Loading {
    Box::pin(file_actions(state, host))
}
pub fn load_compare(state: AppState, host: HtmlElement) -> Loading {
    Box::pin(compare(state, host))
}
pub fn load_method_picker(state: AppState, host: HtmlElement) -> Loading {
    Box::pin(method_picker(state, host))
}
pub fn load_field_note(state: AppState, host: HtmlElement) -> Loading {
    Box::pin(field_note(state, host))
}
pub fn load_currency(state: AppState, host: HtmlElement) -> Loading {
    Box::pin(currency(state, host))
}
pub fn load_language(state: AppState, host: HtmlElement) -> Loading {
    Box::pin(language(state, host))
}
pub fn load_info_tip(state: AppState, host: HtmlElement) -> Loading {
    Box::pin(info_tip(state, host))
}
pub fn load_bridge(state: AppState, host: HtmlElement) -> Loading {
    Box::pin(bridge(state, host))
}
pub fn load_sources(state: AppState, host: HtmlElement) -> Loading {
    Box::pin(sources(state.lang, host))
}

/// Mounts the explanation of one bridge line into `host`.
pub async fn load_explanation(state: AppState, line: Line, host: HtmlElement) -> Result<(), LoadFailed> {
    explanation(state, line, host).await
}
