//! Import and export of the scenario file: the only place that touches the
//! browser's file and download APIs.

use super::state::{AppState, Notice};
use crate::model::json::{from_json, to_json, MAX_FILE_BYTES};
use crate::model::Issue;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlInputElement, Url};

/// How an issue reads in a list of what is wrong with a file.
pub fn issue_line(issue: &Issue) -> String {
    if issue.label == issue.path {
        format!("{}: {}", issue.path, issue.problem)
    } else {
        format!("{} ({}): {}", issue.label, issue.path, issue.problem)
    }
}

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
        if file.size() > MAX_FILE_BYTES as f64 {
            state.notice.set(Some(Notice::Refused {
                title: format!("Import refused: {name} is larger than {MAX_FILE_BYTES} bytes."),
                problems: Vec::new(),
            }));
            return;
        }
        spawn_local(async move {
            let text = JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string());
            let Some(text) = text else {
                state.notice.set(Some(Notice::Refused {
                    title: format!("Import refused: {name} could not be read as text."),
                    problems: Vec::new(),
                }));
                return;
            };
            match from_json(&text) {
                Ok(scenario) => {
                    let title = scenario.name.clone();
                    state.load(scenario);
                    state.notice.set(Some(Notice::Info(format!("Imported \u{201C}{title}\u{201D} from {name}."))));
                }
                Err(issues) => state.notice.set(Some(Notice::Refused {
                    title: format!(
                        "Import refused: {name} does not follow the scenario format. Nothing was changed. {} to fix:",
                        if issues.len() == 1 { "1 problem".to_string() } else { format!("{} problems", issues.len()) }
                    ),
                    problems: issues.iter().map(issue_line).collect(),
                })),
            }
        });
    };
    let export = move |_| {
        let Some(shown) = state.shown.get_untracked() else {
            return;
        };
        let file_name = format!("{}.json", slug(&shown.scenario.name));
        match download(&file_name, &to_json(&shown.scenario)) {
            Ok(()) => state.notice.set(Some(Notice::Info(if state.is_stale() {
                format!("Exported the last valid scenario as {file_name}; fix the marked fields to export your latest edits.")
            } else {
                format!("Exported {file_name}.")
            }))),
            Err(_) => state.notice.set(Some(Notice::Refused {
                title: "Export failed: this browser refused to create the download.".into(),
                problems: Vec::new(),
            })),
        }
    };
    view! {
        <div class="file-actions">
            <label class="button-like" for="import-file">"Import scenario"</label>
            <input id="import-file" class="visually-hidden-file" type="file" accept=".json,application/json" on:change=on_file />
            <button type="button" on:click=export>"Export scenario"</button>
        </div>
    }
}

/// The message from the last import or export.
#[component]
pub fn Notices(state: AppState) -> impl IntoView {
    move || {
        state.notice.get().map(|notice| match notice {
            Notice::Info(text) => view! {
                <div class="notice info" role="status" data-testid="notice">
                    <span>{text}</span>
                    <button type="button" class="dismiss" aria-label="Dismiss" on:click=move |_| state.notice.set(None)>"×"</button>
                </div>
            }
            .into_any(),
            Notice::Refused { title, problems } => view! {
                <div class="notice error" role="alert" data-testid="import-errors">
                    <p>{title}</p>
                    <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    <button type="button" class="dismiss" aria-label="Dismiss" on:click=move |_| state.notice.set(None)>"×"</button>
                </div>
            }
            .into_any(),
        })
    }
}

/// A file name from a scenario name: lowercase letters, digits and dashes.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "scenario".into()
    } else {
        out.chars().take(60).collect()
    }
}

fn download(file_name: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or(JsValue::NULL)?;
    let anchor: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    Url::revoke_object_url(&url)
}
