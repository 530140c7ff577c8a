//! Window event listeners owned by whoever adds them: each is removed when
//! the reactive owner current at the time is disposed (the page, for the
//! listeners `ui::saved::start` adds), instead of living on, leaked, after it.

use leptos::prelude::on_cleanup;
use leptos::reactive::owner::Owner;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::convert::FromWasmAbi;
use wasm_bindgen::JsCast;

/// Calls `f` on each `event` of the window while `owner` lives.
pub fn on_window<E: FromWasmAbi + 'static>(owner: &Owner, event: &'static str, f: impl Fn(E) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener = Closure::<dyn Fn(E)>::new(f);
    if window.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref()).is_err() {
        return;
    }
    // The closure lives until the owner is disposed, then leaves the window.
    let held = SendWrapper::new(listener);
    owner.with(|| {
        on_cleanup(move || {
            if let Some(window) = web_sys::window() {
                let _ = window.remove_event_listener_with_callback(event, held.as_ref().unchecked_ref());
            }
        })
    });
}
