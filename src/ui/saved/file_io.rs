//! Import and export of the scenario file: the only place that touches the
//! browser's file and download APIs.

use crate::export::{bridge_csv, check_file_size, read_import, scenarios_json, slug, Import};
use crate::model::json::to_json;
use crate::text::{self, Rendered};
use crate::ui::state::{AppState, Done, Refused};
use leptos::either::Either;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlInputElement, Url};

#[component]
pub fn ImportExport(state: AppState) -> impl IntoView {
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        // Cleared so that choosing the same file again fires `change` again.
        input.set_value("");
        let name = file.name();
        if let Err(refusal) = check_file_size(&name, file.size()) {
            return state.refuse_with(refusal);
        }
        spawn_local(async move {
            let text = JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string());
            let Some(text) = text else {
                return state.refuse(Refused::ImportUnreadable { file: name }, Vec::new());
            };
            match read_import(&name, &text) {
                Ok(Import::One(scenario)) => state.import_one(*scenario, &name),
                Ok(Import::Many(list)) => state.import_many(list, &name),
                Err(refusal) => state.refuse_with(refusal),
            }
        });
    };
    let export = move |_| {
        let Some(shown) = state.shown.get_untracked() else {
            return;
        };
        let file_name = format!("{}.json", slug(&shown.scenario.name));
        match download(&file_name, &to_json(&shown.scenario), "application/json") {
            Ok(()) => state.inform(Done::ExportedScenario { file: file_name, stale: state.is_stale() }),
            Err(_) => state.export_failed(),
        }
    };
    let export_all = move |_| {
        let text = state.saved.library.with_untracked(|l| {
            scenarios_json(&l.entries().into_iter().map(|e| &e.scenario).collect::<Vec<_>>())
        });
        let count = state.saved.library.with_untracked(|l| l.entries().len());
        if count == 0 {
            return state.inform(Done::NothingToExport);
        }
        let file = "sotp-scenarios.json";
        match download(file, &text, "application/json") {
            Ok(()) => state.inform(Done::ExportedList { count, file: file.to_string() }),
            Err(_) => state.export_failed(),
        }
    };
    let export_csv = move |_| {
        let Some(shown) = state.shown.get_untracked() else {
            return;
        };
        let file_name = format!("{}-bridge.csv", slug(&shown.scenario.name));
        let csv = bridge_csv(state.lang, &shown.scenario, &shown.valuation);
        match download(&file_name, &csv, "text/csv") {
            Ok(()) => state.inform(Done::ExportedBridge { file: file_name }),
            Err(_) => state.export_failed(),
        }
    };
    let lang = state.lang;
    view! {
        <div class="file-actions">
            <label class="button-like" for="import-file">{lang.t(text::NoticeKey::ImportScenario)}</label>
            <input id="import-file" class="visually-hidden-file" type="file" accept=".json,application/json" on:change=on_file />
            <button type="button" on:click=export>{lang.t(text::NoticeKey::ExportScenario)}</button>
            <button type="button" on:click=export_all>{lang.t(text::NoticeKey::ExportAll)}</button>
            <button type="button" on:click=export_csv>{lang.t(text::NoticeKey::BridgeCsv)}</button>
        </div>
    }
}

/// The message from the last import, export, save or link. `Either`, not
/// `into_any`: an `AnyView` would also carry server-rendering code for its
/// subtree into the wasm.
#[component]
pub fn Notices(state: AppState) -> impl IntoView {
    let dismiss = move |_| state.dismiss_notice();
    move || {
        state.notice.get().map(|notice| {
            let refused = matches!(notice, crate::notice::Notice::Refused { .. });
            let Rendered { title, lines, url } = text::notice(state.lang, &notice);
            if refused {
                return Either::Right(view! {
                    <div class="notice error" role="alert" data-testid="import-errors">
                        <p>{title}</p>
                        <ul>{lines.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                        <button type="button" class="dismiss" aria-label=state.lang.t(text::NoticeKey::Dismiss) on:click=dismiss>"×"</button>
                    </div>
                });
            }
            Either::Left(view! {
                <div class="notice info" role="status" data-testid="notice">
                    <span>{title}</span>
                    {url.map(|url| {
                        view! {
                            <input class="share-link" type="text" readonly aria-label=state.lang.t(text::NoticeKey::ShareLink) data-testid="share-link" prop:value=url />
                        }
                    })}
                    <button type="button" class="dismiss" aria-label=state.lang.t(text::NoticeKey::Dismiss) on:click=dismiss>"×"</button>
                </div>
            })
        })
    }
}

/// Offers `text` as a file download; the only use of the download API.
pub fn download(file_name: &str, text: &str, mime: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or(JsValue::NULL)?;
    let anchor: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    Url::revoke_object_url(&url)
}
