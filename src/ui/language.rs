//! The page's language: which one it opens in and getting its texts (the
//! switch in the header is `docs::language_switch`). The choice itself is `text::Lang::choose`; this
//! module only reads the browser and storage for it.

use crate::text::translation::FIRST;
use crate::text::{self, Key, Lang};
use crate::ui::state::AppState;
use leptos::prelude::*;

/// The language the page opens in: the stored choice, else the browser's.
pub fn initial() -> Lang {
    let stored = crate::storage::read(text::LANG_KEY).ok().flatten();
    let browser: Vec<String> = web_sys::window()
        .map(|w| w.navigator().languages().iter().filter_map(|t| t.as_string()).collect())
        .unwrap_or_default();
    Lang::choose(stored.as_deref(), &browser)
}

/// `lang` once the texts the first value needs can be shown; English when
/// its file cannot be had (offline on a first visit, a damaged file). In
/// the split build English is a file too.
pub async fn ready(lang: Lang) -> Lang {
    for candidate in [lang, Lang::En] {
        if text::has_groups(candidate, &FIRST) {
            return candidate;
        }
        if let Some(file) = fetch_text(file_of(candidate, "first")).await {
            if install(candidate, file) {
                return candidate;
            }
        }
    }
    Lang::En
}

/// Waits until the rest of the page's texts (those of the lazy parts) are
/// there, fetching them once however many parts wait: they share one
/// request, kept with the page (`AppState::text_requests`). What cannot be
/// had shows in English.
pub async fn rest(state: AppState) {
    let requests = state.text_requests;
    for candidate in [state.lang, Lang::En] {
        if text::has_texts(candidate) {
            return;
        }
        let known = requests.with_value(|r| r.iter().find(|(l, _)| *l == candidate).map(|(_, p)| p.clone()));
        let request = known.unwrap_or_else(|| {
            let p = text_promise(file_of(candidate, "rest"));
            requests.update_value(|r| r.push((candidate, p.clone())));
            p
        });
        let text = wasm_bindgen_futures::JsFuture::from(request).await.ok().and_then(|t| t.as_string());
        let installed = text.is_some_and(|file| text::has_texts(candidate) || install(candidate, file));
        if installed {
            return;
        }
        // Not had (offline, a damaged file): a later part asks again.
        requests.update_value(|r| r.retain(|(l, _)| *l != candidate));
    }
}

/// Installs a fetched file; leaked once per file: its texts live as long as
/// the page does.
fn install(lang: Lang, file: String) -> bool {
    text::install(lang, Box::leak(file.into_boxed_str())).is_ok()
}

/// Where the site has a part ("first", "rest") of the texts of `lang`: the
/// content-hashed name the loader gives (`globalThis.sotpLanguages`,
/// scripts/build-app.mjs).
fn file_of(lang: Lang, part: &str) -> Option<String> {
    let names = js_sys::Reflect::get(&js_sys::global(), &"sotpLanguages".into()).ok()?;
    let files = js_sys::Reflect::get(&names, &lang.code().into()).ok()?;
    js_sys::Reflect::get(&files, &part.into()).ok()?.as_string()
}

/// A promise of the text of a file of this site (`undefined` when it
/// cannot be had): one request, however many wait for it.
fn text_promise(url: Option<String>) -> js_sys::Promise {
    wasm_bindgen_futures::future_to_promise(async move {
        Ok(fetch_text(url).await.map_or(wasm_bindgen::JsValue::UNDEFINED, Into::into))
    })
}

/// The text of a file of this site, if it can be had.
async fn fetch_text(url: Option<String>) -> Option<String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let response = JsFuture::from(web_sys::window()?.fetch_with_str(&url?)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?).await.ok()?.as_string()
}

/// What the document says outside the app: `<html lang>`, the title and
/// the description.
pub fn apply(lang: Lang) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(html) = doc.document_element() {
        let _ = html.set_attribute("lang", lang.code());
        // The update banner is plain JS (assets/sw-register.js): it reads
        // its words from here.
        let _ = html.set_attribute("data-update-ready", lang.t(Key::UpdateReady));
        let _ = html.set_attribute("data-update-reload", lang.t(Key::UpdateReload));
    }
    // A banner already shown (it may come before the texts do) follows.
    if let Ok(Some(text)) = doc.query_selector(".update-banner span") {
        text.set_text_content(Some(&format!("{} ", lang.t(Key::UpdateReady))));
    }
    if let Ok(Some(button)) = doc.query_selector(".update-banner button") {
        button.set_text_content(Some(lang.t(Key::UpdateReload)));
    }
    doc.set_title(lang.t(Key::PageTitle));
    if let Ok(Some(skip)) = doc.query_selector(".skip-link") {
        skip.set_text_content(Some(lang.t(Key::SkipToValuation)));
    }
    if let Ok(Some(meta)) = doc.query_selector("meta[name=description]") {
        let _ = meta.set_attribute("content", lang.t(Key::PageDescription));
    }
}
