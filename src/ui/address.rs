//! The address bar: its fragment read (a share link, by the first screen
//! and by `saved::share`) and replaced without a history entry.

use wasm_bindgen::JsValue;

/// The address's fragment, with its '#' ("" when there is none).
pub fn location_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// The page's address without its fragment.
pub fn address_without_fragment() -> String {
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    match href.split_once('#') {
        Some((before, _)) => before.to_string(),
        None => href,
    }
}

/// Replaces the address bar's fragment without adding a history entry.
pub fn replace_fragment(fragment: Option<&str>) {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
        return;
    };
    let url = match fragment {
        Some(f) => format!("{}#{f}", address_without_fragment()),
        None => address_without_fragment(),
    };
    let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
}
