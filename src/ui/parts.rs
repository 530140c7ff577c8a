//! The lazy parts of the page and the chunk each is in (see `lazy`).
//!
//! - `saved`: saved scenarios, share links, files: the save bar, My
//!   scenarios, import and export, notices, and what the page does at
//!   start with storage and the address bar (everything that reads JSON).
//! - `compare`: Compare and weight.
//! - `docs`: the bridge, its explanations and the Sources list.
//! - `editor`: the structure editor: the company, adding, removing, moving
//!   and renaming segments, driver kinds, what a company still lacks.
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
    fn library(state: AppState, host: HtmlElement) {
        super::start(state);
        attach(host, move || view! { <LibraryPanel state /> });
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
    /// its DOM id, see `NumberField`), for fields whose default has a source.
    fn info_tip(state: AppState, host: HtmlElement) {
        let id = host.parent_element().and_then(|p| p.get_attribute("data-field")).unwrap_or_default();
        let found = state.scenario.with_untracked(|s| {
            let field = Field::all(s).into_iter().find(|f| dom_id(*f) == id)?;
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
    /// (`data-segment`, see `SegmentPanel`).
    fn method_picker(state: AppState, host: HtmlElement) {
        super::start(state);
        let index = host.parent_element().and_then(|p| p.get_attribute("data-segment")).and_then(|i| i.parse().ok());
        if let Some(index) = index {
            attach(host, move || view! { <MethodPicker state index /> });
        }
    }
);

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

lazy_part!(editor:
    fn company_editor(state: AppState, host: HtmlElement) {
        attach(host, move || view! { <super::editor::CompanyEditor state /> });
    }
);

lazy_part!(editor:
    /// The structure tools of the segment the host's parent names
    /// (`data-segment`, see `SegmentPanel`).
    fn segment_tools(state: AppState, host: HtmlElement) {
        let index = host.parent_element().and_then(|p| p.get_attribute("data-segment")).and_then(|i| i.parse().ok());
        if let Some(index) = index {
            attach(host, move || view! { <super::editor::SegmentTools state index /> });
        }
    }
);

lazy_part!(editor:
    fn segment_list_tools(state: AppState, host: HtmlElement) {
        attach(host, move || view! { <super::editor::SegmentListTools state /> });
    }
);

lazy_part!(editor:
    fn missing_note(state: AppState, host: HtmlElement) {
        attach(host, move || view! { <super::editor::MissingNote state /> });
    }
);

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
pub fn load_company_editor(state: AppState, host: HtmlElement) -> Loading {
    Box::pin(company_editor(state, host))
}
pub fn load_segment_tools(state: AppState, host: HtmlElement) -> Loading {
    Box::pin(segment_tools(state, host))
}
pub fn load_segment_list_tools(state: AppState, host: HtmlElement) -> Loading {
    Box::pin(segment_list_tools(state, host))
}
pub fn load_missing_note(state: AppState, host: HtmlElement) -> Loading {
    Box::pin(missing_note(state, host))
}
pub fn load_sources(state: AppState, host: HtmlElement) -> Loading {
    Box::pin(sources(state.lang, host))
}

/// Mounts the explanation of one bridge line into `host`.
pub async fn load_explanation(state: AppState, line: Line, host: HtmlElement) -> Result<(), LoadFailed> {
    explanation(state, line, host).await
}
