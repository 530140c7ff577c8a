//! The first screen the HTML already carries, and the app taking it over.
//!
//! At build time `src/bin/prerender.rs` renders [`App`](super::page::App) natively
//! (leptos' `ssr`) for a first visit in each language, and the frame of a
//! page still opening a scenario; `scripts/build-app.mjs` puts them in
//! `dist/index.html` as `<template>`s, and its inline loader
//! (`scripts/first-screen-loader.js`) copies the reader's one into
//! `#first-screen` before the first paint. So the value is on screen before
//! any code has loaded, and it is the same components' and the same
//! engine's value as the live page's.
//!
//! When the app starts it mounts the live page and removes the snapshot in
//! the same task ([`take_over`]): the browser never paints both or neither.
//! What the reader did meanwhile is carried over: text typed into a field
//! goes into the live field through its own input handler, a preset picked
//! is picked again, and focus stays on the same control.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement};

/// The element the loader puts the snapshot in (`index.html`).
pub const ROOT_ID: &str = "first-screen";

/// How the page opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Start {
    /// A first visit: the Base preset, at once.
    Base,
    /// A share link, a draft of unsaved edits or the scenario open last:
    /// the page's frame without a value until the `saved` chunk has read
    /// it, so that Base's value never shows for this reader.
    Restore,
}

impl Start {
    /// What this browser opens with (the loader applies the same rule to
    /// pick the snapshot: `scripts/first-screen-loader.js`).
    pub fn in_browser() -> Start {
        if has_start_scenario() {
            Start::Restore
        } else {
            Start::Base
        }
    }
}

/// Mounts `app` on the page's body and removes the snapshot in the same
/// task, carrying over what the reader typed, picked and focused in it.
pub fn take_over<V: IntoView + 'static>(app: impl FnOnce() -> V + 'static) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let snapshot = doc.get_element_by_id(ROOT_ID);
    let carried = snapshot.as_ref().map(|s| Carried::read(&doc, s)).unwrap_or_default();
    leptos::mount::mount_to_body(app);
    if let Some(snapshot) = snapshot {
        snapshot.remove();
    }
    carried.apply(&doc);
}

/// What the reader did in the snapshot before the app was live.
#[derive(Default)]
struct Carried {
    /// Text typed into a field: its element id and the text.
    typed: Vec<(String, String)>,
    /// The preset radio the reader picked (its `value`), if another.
    preset: Option<String>,
    /// The control that had focus, and its selection if a text field.
    focus: Option<(Target, Option<(u32, u32)>)>,
}

/// A control found again in the live page: text fields by id, the preset
/// radios (which have none) by their value.
enum Target {
    Id(String),
    Preset(String),
}

const PRESET_RADIO: &str = "input[type=radio][name=preset]";

impl Carried {
    fn read(doc: &Document, snapshot: &Element) -> Carried {
        let mut carried = Carried::default();
        for input in inputs(snapshot.query_selector_all("input")) {
            match input.type_().as_str() {
                "text" if input.value() != input.default_value() && !input.id().is_empty() => {
                    carried.typed.push((input.id(), input.value()));
                }
                "radio" if input.name() == "preset" && input.checked() && !input.default_checked() => {
                    carried.preset = Some(input.value());
                }
                _ => {}
            }
        }
        let active = doc.active_element().filter(|a| snapshot.contains(Some(a)));
        carried.focus = active.and_then(|a| {
            let input = a.dyn_into::<HtmlInputElement>().ok();
            let selection =
                input.as_ref().and_then(|i| Some((i.selection_start().ok()??, i.selection_end().ok()??)));
            let target = match input {
                Some(i) if i.type_() == "radio" => Target::Preset(i.value()),
                Some(i) if !i.id().is_empty() => Target::Id(i.id()),
                _ => return None,
            };
            Some((target, selection))
        });
        carried
    }

    fn apply(self, doc: &Document) {
        let find = |target: &Target| match target {
            Target::Id(id) => doc.get_element_by_id(id).and_then(|e| e.dyn_into::<HtmlInputElement>().ok()),
            Target::Preset(value) => {
                inputs(doc.query_selector_all(PRESET_RADIO)).into_iter().find(|r| r.value() == *value)
            }
        };
        // Focus first: a field's focus handler shows its plain text,
        // which the typed text then replaces.
        let focused = self.focus.as_ref().and_then(|(target, _)| find(target));
        if let Some(el) = &focused {
            let _ = el.focus();
        }
        if let Some(value) = self.preset {
            if let Some(radio) = find(&Target::Preset(value)) {
                radio.click();
            }
        }
        for (id, text) in self.typed {
            let Some(el) = find(&Target::Id(id)) else {
                continue;
            };
            el.set_value(&text);
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            if let Ok(event) = web_sys::Event::new_with_event_init_dict("input", &init) {
                let _ = el.dispatch_event(&event);
            }
        }
        if let (Some(el), Some((_, Some((start, end))))) = (focused, self.focus) {
            if el.type_() == "text" {
                let _ = el.set_selection_range(start, end);
            }
        }
    }
}

/// The input elements of a `querySelectorAll`'s answer.
fn inputs(found: Result<web_sys::NodeList, wasm_bindgen::JsValue>) -> Vec<HtmlInputElement> {
    let Ok(list) = found else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<HtmlInputElement>().ok()).collect()
}

/// The value for a reader with scripts off, in `<noscript>` (English: with
/// no script nothing picks the reader's language): the Base headline.
#[component]
pub fn NoScriptValue() -> impl IntoView {
    let state = crate::ui::state::AppState::new(crate::model::Preset::Base.scenario());
    view! { <super::headline::Headline state /> }
}

/// Whether the page opens with something other than the Base preset: a
/// share link in the address, or a scenario open last. Decodes nothing, so
/// the first value of a first visit does not wait for the `saved` chunk.
fn has_start_scenario() -> bool {
    // `is_link` takes the fragment with its '#'.
    crate::link::is_link(&crate::ui::address::location_hash())
        || [crate::library::LAST_OPEN_KEY, crate::draft::DRAFT_KEY]
            .iter()
            .any(|key| matches!(crate::storage::read(key), Ok(Some(_))))
}
