//! The page's language: which one it opens in, getting its texts, and the
//! switch in the header. The choice itself is `text::Lang::choose`; this
//! module only reads the browser and storage for it.

use crate::text::{self, Key, Lang};
use leptos::prelude::*;

/// The language the page opens in: the stored choice, else the browser's.
pub fn initial() -> Lang {
    let stored = crate::storage::read(text::LANG_KEY).ok().flatten();
    let browser: Vec<String> = web_sys::window()
        .map(|w| w.navigator().languages().iter().filter_map(|t| t.as_string()).collect())
        .unwrap_or_default();
    Lang::choose(stored.as_deref(), &browser)
}

/// `lang` once its texts can be shown; English when its file cannot be
/// had (offline on a first visit, a damaged file).
pub async fn ready(lang: Lang) -> Lang {
    if text::has_texts(lang) {
        return lang;
    }
    let Some(file) = fetch_text(&file_of(lang)).await else {
        return Lang::En;
    };
    // Leaked once per language a session reads: the texts live as long as
    // the page does.
    match text::install(lang, Box::leak(file.into_boxed_str())) {
        Ok(()) => lang,
        Err(_) => Lang::En,
    }
}

/// Where the site has the texts of `lang`: the content-hashed name the
/// loader gives (`globalThis.sotpLanguages`, scripts/build-app.mjs).
fn file_of(lang: Lang) -> String {
    let names = js_sys::Reflect::get(&js_sys::global(), &"sotpLanguages".into()).ok();
    names
        .and_then(|n| js_sys::Reflect::get(&n, &lang.code().into()).ok())
        .and_then(|f| f.as_string())
        .unwrap_or_else(|| format!("lang/{}.txt", lang.code()))
}

/// The text of a file of this site, if it can be had.
async fn fetch_text(url: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let response = JsFuture::from(web_sys::window()?.fetch_with_str(url)).await.ok()?;
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
    }
    doc.set_title(lang.t(Key::PageTitle));
    if let Ok(Some(skip)) = doc.query_selector(".skip-link") {
        skip.set_text_content(Some(lang.t(Key::SkipToValuation)));
    }
    if let Ok(Some(meta)) = doc.query_selector("meta[name=description]") {
        let _ = meta.set_attribute("content", lang.t(Key::PageDescription));
    }
}

/// The language switch in the header. A language whose texts cannot be
/// had keeps the page as it is and says so; a choice that worked is
/// remembered in this browser.
#[component]
pub fn LanguageSwitch(lang: Lang, switch: WriteSignal<Lang>) -> impl IntoView {
    let failed = RwSignal::new(false);
    let change = move |ev| {
        let Some(wanted) = Lang::from_code(&event_target_value(&ev)) else {
            return;
        };
        wasm_bindgen_futures::spawn_local(async move {
            let got = ready(wanted).await;
            if got != wanted {
                failed.set(true);
                return;
            }
            // Not saved (storage off, full): the page still switches.
            let _ = crate::storage::write(text::LANG_KEY, wanted.code());
            apply(wanted);
            switch.set(wanted);
        });
    };
    view! {
        <div class="language">
            <select
                data-testid="language"
                aria-label=lang.t(Key::LanguageLabel)
                title=lang.t(Key::LanguageLabel)
                on:change=change
            >
                {Lang::ALL
                    .into_iter()
                    .map(|l| view! { <option value=l.code() lang=l.code() selected=l == lang>{l.name()}</option> })
                    .collect_view()}
            </select>
            {move || failed.get().then(|| view! { <p role="alert" class="field-error">{lang.t(Key::LanguageNotLoaded)}</p> })}
        </div>
    }
}
