//! Local storage: the only module that touches it.
//!
//! It moves `(key, text)` pairs in and out and says what went wrong; what
//! the text means is `library`'s business. Every call first checks that
//! storage can be reached at all, because `gloo_storage::LocalStorage::raw`
//! throws when the browser blocks it (some private modes, cookie settings),
//! and a throw through wasm would stop the app.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::{JsCast, JsValue};

/// The prefix of every key this app writes; other keys are never touched.
pub const APP_PREFIX: &str = "sotp.";

pub use crate::store::StorageError;

fn reachable() -> Result<(), StorageError> {
    match web_sys::window().map(|w| w.local_storage()) {
        Some(Ok(Some(_))) => Ok(()),
        _ => Err(StorageError::Unavailable),
    }
}

fn describe(err: &JsValue) -> StorageError {
    let name = err
        .dyn_ref::<web_sys::DomException>()
        .map(|e| e.name())
        .or_else(|| js_sys::Reflect::get(err, &JsValue::from_str("name")).ok().and_then(|n| n.as_string()))
        .unwrap_or_default();
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        StorageError::Full
    } else if name == "SecurityError" {
        StorageError::Unavailable
    } else {
        let message = js_sys::Reflect::get(err, &JsValue::from_str("message"))
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_else(|| "unknown error".to_string());
        StorageError::Failed(if name.is_empty() { message } else { format!("{name}: {message}") })
    }
}

/// Every `(key, text)` this app stored.
pub fn read_all() -> Result<Vec<(String, String)>, StorageError> {
    reachable()?;
    let raw = LocalStorage::raw();
    let count = raw.length().map_err(|e| describe(&e))?;
    let mut out = Vec::new();
    for i in 0..count {
        let Ok(Some(key)) = raw.key(i) else {
            continue;
        };
        if !key.starts_with(APP_PREFIX) {
            continue;
        }
        if let Ok(Some(value)) = raw.get_item(&key) {
            out.push((key, value));
        }
    }
    Ok(out)
}

pub fn read(key: &str) -> Result<Option<String>, StorageError> {
    reachable()?;
    LocalStorage::raw().get_item(key).map_err(|e| describe(&e))
}

/// Writes one key. A single `setItem` is atomic: either the whole text is
/// stored or the old one stays.
pub fn write(key: &str, value: &str) -> Result<(), StorageError> {
    reachable()?;
    LocalStorage::raw().set_item(key, value).map_err(|e| describe(&e))
}

pub fn remove(key: &str) -> Result<(), StorageError> {
    reachable()?;
    LocalStorage::raw().remove_item(key).map_err(|e| describe(&e))
}

/// Calls `changed(key)` when another tab changes one of this app's keys
/// (`None` when that tab cleared all storage), while `owner` lives.
pub fn on_other_tab_change(
    owner: &leptos::reactive::owner::Owner,
    changed: impl Fn(Option<String>) + 'static,
) {
    crate::listen::on_window(owner, "storage", move |ev: web_sys::StorageEvent| match ev.key() {
        Some(key) if key.starts_with(APP_PREFIX) => changed(Some(key)),
        Some(_) => {}
        None => changed(None),
    });
}

/// The browser's local storage as a `Store` (the saved-scenario operations
/// of `saving` run on it in the page, on a `MemoryStore` in tests).
pub struct LocalStore;

impl crate::store::Store for LocalStore {
    fn read_all(&self) -> Result<Vec<(String, String)>, StorageError> {
        read_all()
    }
    fn read(&self, key: &str) -> Result<Option<String>, StorageError> {
        read(key)
    }
    fn write(&self, key: &str, value: &str) -> Result<(), StorageError> {
        write(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        remove(key)
    }
}
