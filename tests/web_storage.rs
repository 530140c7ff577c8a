//! Browser tests of `src/storage.rs` (wasm-bindgen-test in headless
//! Chromium): the real `localStorage`, its errors mapped to `StorageError`,
//! and the `storage` event. Each test removes what it wrote.
// Tests may unwrap, expect, panic and index: a failure is the test failing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::unreachable
)]
#![cfg(target_arch = "wasm32")]

use sotp::library::{decode_entry, encode_entry, key_for, new_entry, Library, LAST_OPEN_KEY};
use sotp::model::Preset;
use sotp::storage::{self, StorageError, APP_PREFIX};
use sotp::text::{Lang::En, Say};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The page's storage, reached directly (not through the module under test).
fn raw() -> web_sys::Storage {
    web_sys::window().expect("window").local_storage().expect("no throw").expect("local storage")
}

fn all_keys() -> Vec<String> {
    let s = raw();
    let mut keys: Vec<String> =
        (0..s.length().expect("length")).filter_map(|i| s.key(i).expect("key")).collect();
    keys.sort();
    keys
}

fn clear() {
    raw().clear().expect("clear");
}

fn eval(js: &str) {
    js_sys::eval(js).expect("script runs");
}

#[wasm_bindgen_test]
fn write_read_remove_round_trip() {
    clear();
    let entry = new_entry("t-1".into(), Preset::Base.scenario(), 1_764_054_000_000);
    let key = key_for(&entry.id);
    let text = encode_entry(&entry);

    assert_eq!(storage::read(&key), Ok(None), "nothing there yet");
    assert_eq!(storage::write(&key, &text), Ok(()));
    assert_eq!(storage::read(&key), Ok(Some(text.clone())));
    assert_eq!(raw().get_item(&key).expect("get"), Some(text.clone()), "the very text, in the real storage");
    assert_eq!(decode_entry(&key, &text), Ok(entry.clone()), "and it reads back as the entry");

    // Writing again replaces the text as a whole.
    let mut next = entry.clone();
    next.revision = 2;
    next.scenario.name = "Renamed \u{1F697} \"quoted\" <b>bold</b>".into();
    let next_text = encode_entry(&next);
    assert_eq!(storage::write(&key, &next_text), Ok(()));
    assert_eq!(storage::read(&key), Ok(Some(next_text.clone())));
    assert_eq!(decode_entry(&key, &next_text), Ok(next));

    assert_eq!(storage::remove(&key), Ok(()));
    assert_eq!(storage::read(&key), Ok(None));
    assert_eq!(raw().get_item(&key).expect("get"), None);
    // Removing what is not there is not an error.
    assert_eq!(storage::remove(&key), Ok(()));
    assert!(all_keys().is_empty());
}

#[wasm_bindgen_test]
fn text_is_stored_exactly() {
    clear();
    for (i, text) in
        ["", " ", "\u{0}", "caf\u{e9} \u{5c0f}\u{7c73} \u{1F697}", "a\nb\r\n\"c\"", &"x".repeat(100_000)]
            .into_iter()
            .enumerate()
    {
        let key = format!("{APP_PREFIX}exact-{i}");
        assert_eq!(storage::write(&key, text), Ok(()));
        assert_eq!(storage::read(&key), Ok(Some(text.to_string())), "text {i}");
    }
    clear();
}

#[wasm_bindgen_test]
fn read_all_returns_only_this_apps_keys() {
    clear();
    let s = raw();
    let base = new_entry("base-1".into(), Preset::Base.scenario(), 2);
    let bear = new_entry("bear-1".into(), Preset::Bear.scenario(), 1);
    s.set_item(&key_for(&base.id), &encode_entry(&base)).expect("set");
    s.set_item(&key_for(&bear.id), &encode_entry(&bear)).expect("set");
    s.set_item("sotp.scenario.broken", "{not json").expect("set");
    s.set_item(LAST_OPEN_KEY, "base-1").expect("set");
    for other in ["other-app.settings", "SOTP.scenario.upper", "xsotp.scenario.z", "sotp", "theme"] {
        s.set_item(other, "not ours").expect("set");
    }

    let mut got = storage::read_all().expect("storage is there");
    got.sort();
    let keys: Vec<&str> = got.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        keys,
        ["sotp.last-open", "sotp.scenario.base-1", "sotp.scenario.bear-1", "sotp.scenario.broken"]
    );
    assert!(got.iter().all(|(k, v)| raw().get_item(k).expect("get").as_deref() == Some(v.as_str())));

    // What the app makes of it: two entries (newest first), one damaged.
    let lib = Library::from_raw(got);
    assert_eq!(lib.names(), ["Xiaomi Base", "Xiaomi Bear"]);
    assert_eq!(lib.damaged().len(), 1);
    assert_eq!(lib.damaged()[0].raw, "{not json");

    // Reading wrote nothing and removed nothing, the others' keys included.
    assert_eq!(all_keys().len(), 9);
    assert_eq!(raw().get_item("other-app.settings").expect("get").as_deref(), Some("not ours"));
    clear();
    assert_eq!(storage::read_all(), Ok(Vec::new()));
}

#[wasm_bindgen_test]
fn a_full_storage_is_reported_as_full_and_keeps_the_old_text() {
    clear();
    let key = format!("{APP_PREFIX}scenario.kept");
    assert_eq!(storage::write(&key, "old text"), Ok(()));
    // Fill storage with 1M-character values until the browser refuses
    // (Chromium allows about 5M characters per origin).
    let chunk = "f".repeat(1 << 20);
    let mut filled = Vec::new();
    let mut refused = None;
    for i in 0..64 {
        let fill_key = format!("{APP_PREFIX}fill-{i}");
        match storage::write(&fill_key, &chunk) {
            Ok(()) => filled.push(fill_key),
            Err(e) => {
                assert_eq!(raw().get_item(&fill_key).expect("get"), None, "a refused write leaves nothing");
                refused = Some(e);
                break;
            }
        }
    }
    assert!(!filled.is_empty(), "some chunks fit before the quota");
    assert_eq!(refused, Some(StorageError::Full), "after {} chunks", filled.len());

    // A refused overwrite leaves the old text whole.
    assert_eq!(storage::write(&key, &chunk), Err(StorageError::Full));
    assert_eq!(storage::read(&key), Ok(Some("old text".to_string())));
    // Reading and removing still work while storage is full.
    assert_eq!(storage::read_all().map(|all| all.len()), Ok(filled.len() + 1));
    for k in &filled {
        assert_eq!(storage::remove(k), Ok(()));
    }
    // With room again, the write goes through.
    assert_eq!(storage::write(&key, "new text"), Ok(()));
    assert_eq!(storage::read(&key), Ok(Some("new text".to_string())));
    clear();
}

#[wasm_bindgen_test]
fn the_message_for_full_says_nothing_was_saved() {
    let text = StorageError::Full.say(En);
    assert!(text.contains("Local storage is full, so nothing was saved"), "{text}");
    let text = StorageError::Unavailable.say(En);
    assert!(text.contains("does not let the page use local storage"), "{text}");
}

/// Replaces `Storage.prototype.setItem` with one that throws what `throw_js`
/// makes, runs `f`, and puts the real one back.
fn with_failing_set_item(throw_js: &str, f: impl FnOnce()) {
    eval(&format!(
        "window.__realSetItem = Storage.prototype.setItem; Storage.prototype.setItem = function () {{ throw {throw_js}; }};"
    ));
    f();
    eval("Storage.prototype.setItem = window.__realSetItem; delete window.__realSetItem;");
}

#[wasm_bindgen_test]
fn write_errors_map_by_their_name() {
    clear();
    let key = format!("{APP_PREFIX}scenario.errors");
    with_failing_set_item("new DOMException('The quota has been exceeded.', 'QuotaExceededError')", || {
        assert_eq!(storage::write(&key, "x"), Err(StorageError::Full));
    });
    // Firefox's older name for the same thing, on a plain object.
    with_failing_set_item("{ name: 'NS_ERROR_DOM_QUOTA_REACHED', message: 'full' }", || {
        assert_eq!(storage::write(&key, "x"), Err(StorageError::Full));
    });
    with_failing_set_item("new DOMException('The operation is insecure.', 'SecurityError')", || {
        assert_eq!(storage::write(&key, "x"), Err(StorageError::Unavailable));
    });
    with_failing_set_item("new TypeError('boom')", || {
        assert_eq!(storage::write(&key, "x"), Err(StorageError::Failed("TypeError: boom".into())));
    });
    with_failing_set_item("'a bare string'", || {
        assert_eq!(storage::write(&key, "x"), Err(StorageError::Failed("unknown error".into())));
    });
    assert_eq!(raw().get_item(&key).expect("get"), None, "no failed write left anything");
    // The real setItem is back.
    assert_eq!(storage::write(&key, "x"), Ok(()));
    clear();
}

/// Makes `window.localStorage` throw (as some private modes and blocked
/// site data do), runs `f`, and puts it back.
fn with_storage_blocked(getter_js: &str, f: impl FnOnce()) {
    eval(&format!(
        "window.__lsDescriptor = Object.getOwnPropertyDescriptor(window, 'localStorage'); \
         Object.defineProperty(window, 'localStorage', {{ configurable: true, get() {{ {getter_js} }} }});"
    ));
    f();
    eval(
        "if (window.__lsDescriptor) { Object.defineProperty(window, 'localStorage', window.__lsDescriptor); } \
         else { delete window.localStorage; } delete window.__lsDescriptor;",
    );
}

#[wasm_bindgen_test]
fn blocked_storage_is_unavailable_for_every_call() {
    clear();
    raw().set_item("sotp.scenario.before", "kept").expect("set");
    for getter in
        ["throw new DOMException('Access is denied for this document.', 'SecurityError');", "return null;"]
    {
        with_storage_blocked(getter, || {
            assert_eq!(storage::read_all(), Err(StorageError::Unavailable), "{getter}");
            assert_eq!(storage::read("sotp.scenario.before"), Err(StorageError::Unavailable));
            assert_eq!(storage::write("sotp.scenario.x", "y"), Err(StorageError::Unavailable));
            assert_eq!(storage::remove("sotp.scenario.before"), Err(StorageError::Unavailable));
        });
    }
    // Nothing was written or removed while blocked.
    assert_eq!(all_keys(), ["sotp.scenario.before"]);
    assert_eq!(storage::read("sotp.scenario.before"), Ok(Some("kept".into())));
    clear();
}

#[wasm_bindgen_test]
fn storage_events_of_this_apps_keys_are_passed_on() {
    let seen: Rc<RefCell<Vec<Option<String>>>> = Rc::default();
    let into = seen.clone();
    let owner = leptos::reactive::owner::Owner::new();
    storage::on_other_tab_change(&owner, move |key| into.borrow_mut().push(key));
    // What another tab's setItem, an unrelated app's setItem and clear() fire here.
    for init in [
        "{ key: 'sotp.scenario.abc', newValue: '{}' }",
        "{ key: 'other-app.x', newValue: '1' }",
        "{ key: null }",
    ] {
        eval(&format!("window.dispatchEvent(new StorageEvent('storage', {init}));"));
    }
    assert_eq!(*seen.borrow(), [Some("sotp.scenario.abc".to_string()), None]);
    // Its owner cleaned up (the page gone), the listener has left the window.
    owner.cleanup();
    eval(
        "window.dispatchEvent(new StorageEvent('storage', { key: 'sotp.scenario.later', newValue: '{}' }));",
    );
    assert_eq!(seen.borrow().len(), 2);
}
